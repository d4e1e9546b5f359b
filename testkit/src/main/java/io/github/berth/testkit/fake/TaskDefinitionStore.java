package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Every registered task definition, by family and revision. */
final class TaskDefinitionStore {

    /** One revision: what ECS stored, and its tags. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Revision {
        TaskDefinition definition;
        List<Tag> tags = new ArrayList<>();

        // Jackson's (Snapshots): a snapshot sets the definition.
        @SuppressWarnings("NullAway.Init")
        Revision() {}

        Revision(TaskDefinition definition, List<Tag> tags) {
            this.definition = definition;
            this.tags = new ArrayList<>(tags);
        }

        TaskDefinitionStatus status() {
            // TaskDefinitions.registered stores it ACTIVE; deregistering and deleting only change it.
            return Objects.requireNonNull(definition.status());
        }
    }

    /**
     * The ARN of a stored definition: TaskDefinitions.registered gives every one its ARN (the model's
     * getter is nullable because a request's definition may lack one).
     */
    static String arn(TaskDefinition stored) {
        return Objects.requireNonNull(stored.taskDefinitionArn());
    }

    /**
     * The containers of a stored definition: RegisterTaskDefinition requires containerDefinitions (the
     * validator refuses a request without them), so every stored definition has them.
     */
    static List<ContainerDefinition> containers(TaskDefinition stored) {
        return Objects.requireNonNull(stored.containerDefinitions());
    }

    /** Families in name order; revisions in number order (index = revision - 1; deleted ones stay null). */
    final Map<String, List<Revision>> families = new TreeMap<>();

    int nextRevision(String family) {
        List<Revision> revs = families.get(family);
        return revs == null ? 1 : revs.size() + 1;
    }

    void add(Revision r) {
        families.computeIfAbsent(r.definition.family(), f -> new ArrayList<>()).add(r);
    }

    /**
     * The revision a request names: {@code family} (its latest ACTIVE revision), {@code
     * family:revision}, or the full ARN. Null when there is none.
     */
    @Nullable
    Revision find(String ref) {
        String s = ref;
        if (s.startsWith("arn:")) {
            int i = s.indexOf(":task-definition/");
            if (i < 0) {
                return null;
            }
            s = s.substring(i + ":task-definition/".length());
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            List<Revision> revs = families.get(s);
            if (revs == null) {
                return null;
            }
            for (int k = revs.size() - 1; k >= 0; k--) {
                Revision r = revs.get(k);
                if (r != null && TaskDefinitionStatus.ACTIVE.equals(r.status())) {
                    return r;
                }
            }
            return null;
        }
        List<Revision> revs = families.get(s.substring(0, colon));
        int revision;
        try {
            revision = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (revs == null || revision < 1 || revision > revs.size()) {
            return null;
        }
        return revs.get(revision - 1);
    }

    /**
     * The ACTIVE or INACTIVE revision a RunTask, StartTask or CreateService names. [obs] ECS answers
     * {@code ClientException: TaskDefinition not found.} for one that does not exist (seen in
     * CreateService and RunTask output pasted in public issues, e.g. Cloud-CV/EvalAI#2419).
     */
    TaskDefinition forLaunch(String ref) {
        Revision r = find(ref);
        if (r == null || TaskDefinitionStatus.DELETE_IN_PROGRESS.equals(r.status())) {
            throw new ClientException("TaskDefinition not found.");
        }
        return r.definition;
    }

    List<Revision> all() {
        List<Revision> out = new ArrayList<>();
        for (List<Revision> revs : families.values()) {
            for (Revision r : revs) {
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
