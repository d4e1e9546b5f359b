package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TaskDefinitionPlacementConstraintType;
import io.github.berth.core.validation.internal.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The documented quotas that bind one task definition (docs/task-definitions.md#quotas, docs/placement.md#constraints): its size, its placement
 * constraints (at most 10, memberOf only, expressions up to 2000 characters) and its tags (unique keys,
 * no {@code aws:} prefix; the count of 50 is an API model constraint). The 10 containers are in
 * {@link ContainerRule}.
 */
final class QuotaRule implements TaskDefinitionRule {

    /** "Task definition size", 64 KiB, not adjustable; the error names 65536 bytes (docs/task-definitions.md#quotas). */
    static final int MAX_SIZE_BYTES = 65_536;

    static final int MAX_PLACEMENT_CONSTRAINTS = 10;
    static final int MAX_EXPRESSION_LENGTH = 2000;
    static final int MIN_EPHEMERAL_GIB = 21;
    static final int MAX_EPHEMERAL_GIB = 200;

    private static final JsonPath CONSTRAINTS = JsonPath.root().child("placementConstraints");
    private static final JsonPath TAGS = JsonPath.root().child("tags");
    private static final TaskDefinitionPlacementConstraintType DISTINCT_INSTANCE =
            TaskDefinitionPlacementConstraintType.fromValue("distinctInstance");

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        checkConstraints(td.request.placementConstraints(), out);
        checkTags(td.request.tags(), out);
        // API EphemeralStorage.sizeInGiB: "The minimum supported value is 21 GiB and the maximum supported value is 200
        // GiB" [doc].
        if (td.request.ephemeralStorage() != null
                && td.request.ephemeralStorage().sizeInGiB() != null) {
            int size = td.request.ephemeralStorage().sizeInGiB();
            if (size < MIN_EPHEMERAL_GIB || size > MAX_EPHEMERAL_GIB) {
                out.client(
                        JsonPath.root().child("ephemeralStorage").child("sizeInGiB"),
                        TaskDefinitionMessages.EPHEMERAL_STORAGE_SIZE);
            }
        }
        // [model] the size ECS measures is taken to be that of the request as compact wire JSON (UTF-8).
        if (!EcsJson.lenient().fitsIn(td.request, MAX_SIZE_BYTES)) {
            out.client(
                    JsonPath.root(),
                    TaskDefinitionMessages.tooLarge(EcsJson.lenient().byteCount(td.request)));
        }
    }

    private static void checkConstraints(
            @Nullable List<TaskDefinitionPlacementConstraint> constraints, Violations out) {
        if (constraints == null) {
            return;
        }
        if (constraints.size() > MAX_PLACEMENT_CONSTRAINTS) {
            out.client(CONSTRAINTS, TaskDefinitionMessages.TOO_MANY_PLACEMENT_CONSTRAINTS);
        }
        for (int i = 0; i < constraints.size(); i++) {
            TaskDefinitionPlacementConstraint c = constraints.get(i);
            if (DISTINCT_INSTANCE.equals(c.type())) {
                out.client(CONSTRAINTS.index(i).child("type"), TaskDefinitionMessages.DISTINCT_INSTANCE_NOT_SUPPORTED);
            }
            if (c.expression() != null && c.expression().length() > MAX_EXPRESSION_LENGTH) {
                out.client(CONSTRAINTS.index(i).child("expression"), TaskDefinitionMessages.EXPRESSION_TOO_LONG);
            }
        }
    }

    private static void checkTags(@Nullable List<Tag> tags, Violations out) {
        if (tags == null || tags.isEmpty()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag t = tags.get(i);
            if (t.key() != null && !keys.add(t.key())) {
                out.invalidParameter(TAGS.index(i).child("key"), TaskDefinitionMessages.duplicateTagKey(t.key()));
            } else if (reserved(t.key())) {
                out.invalidParameter(TAGS.index(i).child("key"), TaskDefinitionMessages.RESERVED_TAG_PREFIX);
            }
            if (reserved(t.value())) {
                out.invalidParameter(TAGS.index(i).child("value"), TaskDefinitionMessages.RESERVED_TAG_PREFIX);
            }
        }
    }

    /** "aws:, AWS:, or any upper or lowercase combination" (API RegisterTaskDefinitionRequest.tags). */
    private static boolean reserved(@Nullable String s) {
        return s != null && s.regionMatches(true, 0, "aws:", 0, 4);
    }
}
