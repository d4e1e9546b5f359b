package io.github.berth.core.validation;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.validation.internal.Violations;
import java.util.List;

/**
 * Whether ECS would register a task definition, and if not every reason at once. Each
 * {@link Violation} names the JSON path of the member, the error code ECS answers with
 * ({@code ClientException} for nearly every rule, {@code InvalidParameterException} for the API
 * model's constraints) and ECS's message, word for word where it is known.
 *
 * <p>The rules are those of docs/task-definitions.md (family, containers, cpu and memory, the Fargate table,
 * network modes, port mappings, Fargate-only settings, quotas), checked in that order, then the API
 * model's constraints (required members, enum values, lengths, ranges) for what no rule reported.
 * ECS itself stops at the first problem; {@link #requireValid} throws the exception for the first one.
 *
 * <pre>{@code
 * List<Violation> problems = TaskDefinitionValidator.validate(request);
 * problems.forEach(v -> System.out.println(v.path() + ": " + v.errorCode() + ": " + v.message()));
 * }</pre>
 *
 * <p>Stateless and thread-safe. Rules that need the state of an account (revisions per family, roles
 * that exist) are not here.
 */
public final class TaskDefinitionValidator {

    private static final List<TaskDefinitionRule> RULES = List.of(
            new FamilyRule(),
            new ContainerRule(),
            new TaskSizeRule(),
            new NetworkModeRule(),
            new PortMappingRule(),
            new FargateRule(),
            new LogConfigurationRule(),
            new ContainerSettingsRule(),
            new VolumeRule(),
            new RoleArnRule(),
            new QuotaRule());

    private TaskDefinitionValidator() {}

    /**
     * [model] The most containers judged one by one. ECS registers at most 10
     * ({@code Too many containers.}); past this many, only the first are judged, with the count and
     * the size of the whole, so that a document of 350,000 empty containers (1 MiB) gets its answer in
     * time linear in what is reported, not in what was sent.
     */
    static final int MAX_CONTAINERS_JUDGED = 100;

    /**
     * Every reason ECS would refuse to register {@code request}; empty when it would register it. Each
     * {@link Violation} names the JSON path of its member ({@code containerDefinitions[0].memory}),
     * ECS's error code and ECS's message. Never throws for a bad value, however large or odd (a cpu of
     * {@code "99999999999999999999 vcpu"} is a violation, not a {@code NumberFormatException}).
     *
     * @throws NullPointerException if {@code request} is null
     */
    public static ImmutableList<Violation> validate(RegisterTaskDefinitionRequest request) {
        if (request == null) {
            throw new NullPointerException("request");
        }
        List<ContainerDefinition> containers = request.containerDefinitions();
        if (containers != null && containers.size() > MAX_CONTAINERS_JUDGED) {
            List<Violation> judged = validate(request.toBuilder()
                    .containerDefinitions(containers.subList(0, MAX_CONTAINERS_JUDGED))
                    .build());
            // The size is the whole request's.
            String size = EcsJson.lenient().fitsIn(request, QuotaRule.MAX_SIZE_BYTES)
                    ? null
                    : TaskDefinitionMessages.tooLarge(EcsJson.lenient().byteCount(request));
            ImmutableList.Builder<Violation> out = ImmutableList.builder();
            boolean sized = false;
            for (Violation v : judged) {
                if (v.path().isEmpty() && v.message().startsWith("Actual length: '")) {
                    sized = true;
                    if (size != null) {
                        out.add(new Violation(v.path(), v.errorCode(), size));
                    }
                } else {
                    out.add(v);
                }
            }
            if (!sized && size != null) {
                out.add(new Violation("", "ClientException", size));
            }
            return out.build();
        }
        Violations out = Violations.forEcs();
        TaskDefinitionContext td = new TaskDefinitionContext(request);
        for (TaskDefinitionRule rule : RULES) {
            rule.check(td, out);
        }
        EcsShapeRules.check(request, JsonPath.root(), out);
        return out.toList();
    }

    /**
     * Throws what ECS would answer to a RegisterTaskDefinition call with {@code request}: the exception of
     * its first violation. Returns normally when ECS would register it.
     *
     * @throws AwsServiceException a {@code ClientException} or {@code InvalidParameterException} with
     *     ECS's message (ECS's message names no path; {@link #validate} gives each one)
     * @throws NullPointerException if {@code request} is null
     */
    public static void requireValid(RegisterTaskDefinitionRequest request) throws AwsServiceException {
        List<Violation> violations = validate(request);
        if (!violations.isEmpty()) {
            throw Violations.ecsException(violations.get(0));
        }
    }
}
