package io.github.berth.core.json;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.TaskDefinition;
import java.util.Set;

/**
 * A task definition as read from a file by {@link EcsJson#readTaskDefinitionFile(String)}: the
 * RegisterTaskDefinition request it amounts to, and the registered definition when the file was a
 * DescribeTaskDefinition output.
 *
 * @param form which form the file had
 * @param request what registering it would send (the members ECS sets itself are not in it)
 * @param described the registered task definition, for the two describe forms; null for an input
 */
public record TaskDefinitionFile(
        Form form,
        RegisterTaskDefinitionRequest request,
        @Nullable TaskDefinition described) {

    /**
     * The task definition: the registered one for the describe forms, else the request's members as
     * an unregistered task definition (no ARN, revision or status), e.g. to plan its placement.
     */
    public TaskDefinition taskDefinition() {
        if (described != null) {
            return described;
        }
        return EcsJson.lenient().convert(EcsJson.lenient().toTree(request), TaskDefinition.class);
    }

    /**
     * Where a member of {@link #request()} stands in the file: the same path for an input or a bare
     * task definition; under {@code taskDefinition} for a DescribeTaskDefinition output, whose
     * {@code tags} stand beside it. The empty path (the whole document) stays empty.
     *
     * @param requestPath a JSON path in the request, e.g. {@code containerDefinitions[0].memory} from
     *     a {@link io.github.berth.core.validation.Violation}
     */
    public String pathInFile(String requestPath) {
        if (form != Form.DESCRIBE_OUTPUT
                || requestPath.isEmpty()
                || requestPath.equals("tags")
                || requestPath.startsWith("tags[")) {
            return requestPath;
        }
        return "taskDefinition." + requestPath;
    }

    /** The members that only a registered task definition has; their presence marks the describe form. */
    static final Set<String> DESCRIBED_ONLY = Set.of(
            "taskDefinitionArn",
            "revision",
            "status",
            "requiresAttributes",
            "compatibilities",
            "registeredAt",
            "registeredBy",
            "deregisteredAt",
            "deleteRequestedAt");

    /** The forms a task definition file comes in. */
    public enum Form {
        /** A RegisterTaskDefinition input ({@code --cli-input-json}). */
        REGISTER_INPUT,
        /** A DescribeTaskDefinition output: {@code {"taskDefinition": {...}, "tags": [...]}}. */
        DESCRIBE_OUTPUT,
        /** The bare {@code taskDefinition} object of a DescribeTaskDefinition output. */
        TASK_DEFINITION
    }
}
