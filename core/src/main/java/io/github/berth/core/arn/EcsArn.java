package io.github.berth.core.arn;

import com.google.common.base.Splitter;
import io.github.berth.core.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * The ARN of an ECS resource, in the long format ECS uses for every account since 2021
 * ({@code arn:aws:ecs:us-east-1:123456789012:task/my-cluster/0123456789abcdef0123456789abcdef}),
 * with parsing that also takes the old short format ({@code task/<uuid>}).
 *
 * <p>Format per resource (docs/scheduler.md#arns-and-ids):
 * <pre>
 * cluster/&lt;cluster&gt;
 * service/&lt;cluster&gt;/&lt;service&gt;                 (short: service/&lt;service&gt;)
 * task/&lt;cluster&gt;/&lt;taskId&gt;                     (short: task/&lt;uuid&gt;)
 * container-instance/&lt;cluster&gt;/&lt;id&gt;           (short: container-instance/&lt;uuid&gt;)
 * container/&lt;cluster&gt;/&lt;taskId&gt;/&lt;uuid&gt;         (short: container/&lt;uuid&gt;)
 * task-definition/&lt;family&gt;:&lt;revision&gt;
 * task-set/&lt;cluster&gt;/&lt;service&gt;/&lt;taskSetId&gt;
 * capacity-provider/&lt;name&gt;
 * service-deployment/&lt;cluster&gt;/&lt;service&gt;/&lt;id&gt;
 * service-revision/&lt;cluster&gt;/&lt;service&gt;/&lt;id&gt;
 * </pre>
 *
 * @param arn the ARN
 * @param type which kind of resource
 * @param cluster the cluster name, where the ARN carries one (null in the short format)
 * @param name the resource's own name or id: the service name, task id, container instance id,
 *     task definition family, capacity provider name, deployment id...
 * @param parent for containers the task id, for task sets, deployments and revisions the service
 *     name; null otherwise
 * @param revision the task definition revision; null for other types
 */
public record EcsArn(
        Arn arn,
        Type type,
        @Nullable String cluster,
        String name,
        @Nullable String parent,
        @Nullable Integer revision) {

    /** The kinds of ECS resource that have an ARN. */
    public enum Type {
        CLUSTER("cluster"),
        SERVICE("service"),
        TASK("task"),
        CONTAINER_INSTANCE("container-instance"),
        CONTAINER("container"),
        TASK_DEFINITION("task-definition"),
        TASK_SET("task-set"),
        CAPACITY_PROVIDER("capacity-provider"),
        SERVICE_DEPLOYMENT("service-deployment"),
        SERVICE_REVISION("service-revision");

        private final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }

        /** The resource-type word of the ARN: {@code container-instance}. */
        public String prefix() {
            return prefix;
        }

        static Optional<Type> ofPrefix(String prefix) {
            for (Type t : values()) {
                if (t.prefix.equals(prefix)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    private static final Splitter SLASH = Splitter.on('/');

    /**
     * Parses the ARN of an ECS resource.
     *
     * @throws IllegalArgumentException if the text is not an ECS ARN of a known resource type (null
     *     included), naming the part that is wrong (service, resource type, revision, number of
     *     {@code /}-separated parts) and quoting the text (its first 200 characters)
     */
    public static EcsArn parse(String text) {
        Arn arn = Arn.parse(text);
        if (!arn.service().equals("ecs")) {
            throw new IllegalArgumentException(
                    "not an ECS ARN (service is '" + arn.service() + "'): " + Arn.shown(text));
        }
        String resource = arn.resource();
        int slash = resource.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not an ECS resource ARN (no '<type>/'): " + Arn.shown(text));
        }
        Type type = Type.ofPrefix(resource.substring(0, slash))
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown ECS resource type in ARN: " + Arn.shown(text)));
        List<String> p = SLASH.splitToList(resource.substring(slash + 1));
        if (p.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("empty part in ECS ARN: " + Arn.shown(text));
        }
        switch (type) {
            case CLUSTER:
            case CAPACITY_PROVIDER:
                expect(p, 1, text);
                return new EcsArn(arn, type, type == Type.CLUSTER ? p.get(0) : null, p.get(0), null, null);
            case TASK_DEFINITION: {
                expect(p, 1, text);
                String fr = p.get(0);
                int colon = fr.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("task definition ARN without a revision: " + Arn.shown(text));
                }
                // Revisions count from 1 (docs/task-definitions.md#family-and-revision); no sign, no blanks.
                String digits = fr.substring(colon + 1);
                int revision = 0;
                if (!digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    revision = Integer.parseInt(digits);
                }
                if (revision < 1) {
                    throw new IllegalArgumentException("task definition ARN with a bad revision: " + Arn.shown(text));
                }
                return new EcsArn(arn, type, null, fr.substring(0, colon), null, revision);
            }
            case SERVICE:
            case TASK:
            case CONTAINER_INSTANCE:
                if (p.size() == 1) {
                    return new EcsArn(arn, type, null, p.get(0), null, null);
                }
                expect(p, 2, text);
                return new EcsArn(arn, type, p.get(0), p.get(1), null, null);
            case CONTAINER:
                if (p.size() == 1) {
                    return new EcsArn(arn, type, null, p.get(0), null, null);
                }
                expect(p, 3, text);
                return new EcsArn(arn, type, p.get(0), p.get(2), p.get(1), null);
            default:
                // task-set, service-deployment, service-revision: <cluster>/<service>/<id>, where a
                // task set id itself may contain a '/' (ecs-svc/1234567890123456789).
                if (p.size() < 3) {
                    throw new IllegalArgumentException("expected <cluster>/<service>/<id> in ARN: " + Arn.shown(text));
                }
                String id = String.join("/", p.subList(2, p.size()));
                return new EcsArn(arn, type, p.get(0), id, p.get(1), null);
        }
    }

    private static void expect(List<String> parts, int n, String text) {
        if (parts.size() != n) {
            throw new IllegalArgumentException("unexpected number of '/'-separated parts in ARN: " + Arn.shown(text));
        }
    }

    @Override
    public String toString() {
        return arn.toString();
    }
}
