package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.ListTagsForResourceRequest;
import io.github.berth.core.api.ListTagsForResourceResponse;
import io.github.berth.core.api.TagResourceRequest;
import io.github.berth.core.api.TagResourceResponse;
import io.github.berth.core.api.UntagResourceRequest;
import io.github.berth.core.api.UntagResourceResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.ResourceNotFoundException;
import io.github.berth.core.model.Tag;
import java.util.List;
import java.util.function.Consumer;

/** TagResource, UntagResource and ListTagsForResource, for every taggable resource by ARN. */
final class TagOps {

    private final Engine e;

    TagOps(Engine e) {
        this.e = e;
    }

    /** A resource's tags, read and written. */
    interface Tagged {
        List<Tag> get();

        void set(List<Tag> tags);
    }

    TagResourceResponse tag(TagResourceRequest r) {
        String arn = Resolve.required(r.resourceArn(), "resourceArn");
        List<Tag> tags = Resolve.required(r.tags(), "tags");
        Tags.check(tags, "tags");
        Tagged t = find(arn);
        t.set(Tags.merged(t.get(), tags));
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untag(UntagResourceRequest r) {
        String arn = Resolve.required(r.resourceArn(), "resourceArn");
        List<String> keys = Resolve.required(r.tagKeys(), "tagKeys");
        Tagged t = find(arn);
        t.set(Tags.without(t.get(), keys));
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse list(ListTagsForResourceRequest r) {
        Tagged t = find(Resolve.required(r.resourceArn(), "resourceArn"));
        return ListTagsForResourceResponse.builder().tags(List.copyOf(t.get())).build();
    }

    private Tagged find(String arn) {
        String prefix = "arn:aws:ecs:" + e.region + ":" + e.account + ":";
        if (!arn.startsWith(prefix)) {
            throw new InvalidParameterException("Invalid ARN: " + arn);
        }
        String rest = arn.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new InvalidParameterException("Invalid ARN: " + arn);
        }
        String type = rest.substring(0, slash);
        String[] parts = rest.substring(slash + 1).split("/");
        Tagged found = switch (type) {
            case "cluster" -> {
                ClusterRec c = e.clusters.get(parts[0]);
                yield c == null || !c.active() ? null : tagged(() -> c.tags, v -> c.tags = v);
            }
            case "task-definition" -> {
                TaskDefinitionStore.Revision rev = e.taskDefinitions.find(arn);
                yield rev == null ? null : tagged(() -> rev.tags, v -> rev.tags = v);
            }
            case "task" -> {
                ClusterRec c = parts.length == 2 ? e.clusters.get(parts[0]) : null;
                TaskRec t = c == null ? null : c.tasks.get(parts[1]);
                yield t == null ? null : tagged(() -> t.tags, v -> t.tags = v);
            }
            case "container-instance" -> {
                ClusterRec c = parts.length == 2 ? e.clusters.get(parts[0]) : null;
                InstanceRec i = c == null ? null : c.instances.get(parts[1]);
                yield i == null ? null : tagged(() -> i.tags, v -> i.tags = v);
            }
            case "service" -> {
                if (parts.length != 2) {
                    // [doc] Services with the old short ARN cannot be tagged.
                    throw new InvalidParameterException("Long arn format must be used for tagging operations");
                }
                ClusterRec c = e.clusters.get(parts[0]);
                ServiceRec s = c == null ? null : c.services.get(parts[1]);
                yield s == null ? null : tagged(() -> s.tags, v -> s.tags = v);
            }
            default -> e.extraTagged(type, parts);
        };
        if (found == null) {
            throw new ResourceNotFoundException("The specified resource could not be found.");
        }
        return found;
    }

    static Tagged tagged(java.util.function.Supplier<List<Tag>> get, Consumer<List<Tag>> set) {
        return new Tagged() {
            @Override
            public List<Tag> get() {
                return get.get();
            }

            @Override
            public void set(List<Tag> tags) {
                set.accept(new java.util.ArrayList<>(tags));
            }
        };
    }

    static @Nullable Tagged none() {
        return null;
    }
}
