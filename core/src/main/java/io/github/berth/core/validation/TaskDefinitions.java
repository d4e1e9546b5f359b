package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Secret;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionStatus;
import io.github.berth.core.model.Volume;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code TaskDefinition} ECS stores for a RegisterTaskDefinition request: the request normalised
 * by {@link TaskDefinitionNormalizer}, plus the members only a registered definition has
 * ({@code taskDefinitionArn}, {@code revision}, {@code status} ACTIVE, {@code compatibilities},
 * {@code requiresAttributes}, {@code registeredAt}, {@code registeredBy}), as listed on
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html.
 *
 * <p>Meant for requests {@link TaskDefinitionValidator} accepts: this class does not judge the
 * request. The request's {@code tags} are not part of a task definition (DescribeTaskDefinition
 * returns them beside it).
 */
public final class TaskDefinitions {

    private TaskDefinitions() {}

    /**
     * The task definition ECS would store for {@code request} registered as {@code revision} under
     * {@code arn}, at {@code registeredAt}, by the principal {@code registeredBy}.
     *
     * @throws NullPointerException if {@code request}, {@code arn}, {@code registeredAt} or
     *     {@code registeredBy} is null
     * @throws IllegalArgumentException if {@code revision} is less than 1 (ECS numbers revisions from 1)
     */
    public static TaskDefinition registered(
            RegisterTaskDefinitionRequest request,
            String arn,
            int revision,
            Instant registeredAt,
            String registeredBy) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(registeredBy, "registeredBy");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be 1 or more, was " + revision);
        }
        RegisterTaskDefinitionRequest r = TaskDefinitionNormalizer.normalize(request);
        return TaskDefinition.builder()
                .taskDefinitionArn(arn)
                .containerDefinitions(r.containerDefinitions())
                .family(r.family())
                .taskRoleArn(r.taskRoleArn())
                .executionRoleArn(r.executionRoleArn())
                .networkMode(r.networkMode())
                .revision(revision)
                .volumes(r.volumes())
                .status(TaskDefinitionStatus.ACTIVE)
                .requiresAttributes(requiresAttributes(r).stream()
                        .map(n -> Attribute.builder().name(n).build())
                        .toList())
                .placementConstraints(r.placementConstraints())
                .compatibilities(compatibilities(r))
                .runtimePlatform(r.runtimePlatform())
                .requiresCompatibilities(r.requiresCompatibilities())
                .cpu(r.cpu())
                .memory(r.memory())
                .inferenceAccelerators(r.inferenceAccelerators())
                .pidMode(r.pidMode())
                .ipcMode(r.ipcMode())
                .proxyConfiguration(r.proxyConfiguration())
                .registeredAt(registeredAt)
                .registeredBy(registeredBy)
                .ephemeralStorage(r.ephemeralStorage())
                .enableFaultInjection(r.enableFaultInjection())
                .build();
    }

    /**
     * The launch types ECS reports in {@code compatibilities} for a definition it accepted, in the
     * order ECS lists them.
     *
     * <p>[obs] An EC2 definition in bridge mode comes back with {@code ["EXTERNAL", "EC2"]}, a
     * Fargate one (awsvpc) with {@code ["EC2", "FARGATE"]} (DescribeTaskDefinition outputs users
     * published). [model] From these: EC2 always; EXTERNAL unless the network mode is awsvpc, which
     * external instances do not support
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html); FARGATE and
     * MANAGED_INSTANCES only when {@code requiresCompatibilities} asks for them, since a definition
     * registered again without FARGATE makes Fargate services fail with "Task definition does not
     * support launch_type FARGATE."; MANAGED_INSTANCES last [unsure: no output seen].
     */
    public static List<Compatibility> compatibilities(RegisterTaskDefinitionRequest request) {
        List<Compatibility> required =
                request.requiresCompatibilities() == null ? List.of() : request.requiresCompatibilities();
        List<Compatibility> out = new ArrayList<>(4);
        if (!NetworkMode.AWSVPC.equals(request.networkMode())) {
            out.add(Compatibility.EXTERNAL);
        }
        out.add(Compatibility.EC2);
        if (required.contains(Compatibility.FARGATE)) {
            out.add(Compatibility.FARGATE);
        }
        if (required.contains(Compatibility.MANAGED_INSTANCES)) {
            out.add(Compatibility.MANAGED_INSTANCES);
        }
        return List.copyOf(out);
    }

    /**
     * The names of the container instance attributes a definition needs, by the capability each of
     * its features depends on; placement refuses instances without one of them (failure
     * {@code ATTRIBUTE}).
     *
     * <p>[doc] The mechanism: {@code requiresAttributes} on
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html and the
     * {@code ATTRIBUTE} reason on
     * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html.
     * [model] The capability names are those the ECS container agent registers (its
     * {@code agent/app/agent_capability.go}); which feature needs which capability is not published,
     * and this mapping is ours, kept here in one place.
     */
    public static Set<String> requiresAttributes(RegisterTaskDefinitionRequest request) {
        Set<String> out = new LinkedHashSet<>();
        out.add("com.amazonaws.ecs.capability.docker-remote-api.1.18");
        if (NetworkMode.AWSVPC.equals(request.networkMode())) {
            out.add("ecs.capability.task-eni");
        }
        if (request.taskRoleArn() != null) {
            out.add("com.amazonaws.ecs.capability.task-iam-role");
        }
        if (request.cpu() != null || request.memory() != null) {
            out.add("ecs.capability.task-cpu-mem-limit");
        }
        for (Volume v : nonNull(request.volumes())) {
            if (v.efsVolumeConfiguration() != null) {
                out.add("ecs.capability.efs");
            }
            if (v.dockerVolumeConfiguration() != null) {
                out.add("com.amazonaws.ecs.capability.docker-remote-api.1.25");
            }
        }
        for (ContainerDefinition c : nonNull(request.containerDefinitions())) {
            LogConfiguration log = c.logConfiguration();
            if (log != null && log.logDriver() != null) {
                out.add("com.amazonaws.ecs.capability.logging-driver."
                        + log.logDriver().value());
                if (request.executionRoleArn() != null
                        && log.logDriver().value().equals("awslogs")) {
                    out.add("ecs.capability.execution-role-awslogs");
                }
            }
            if (c.healthCheck() != null) {
                out.add("ecs.capability.container-health-check");
            }
            // [doc] Secrets Manager secrets are named by ARN; Parameter Store parameters by ARN or by name
            // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html).
            for (Secret s : nonNull(c.secrets())) {
                String from = s.valueFrom() == null ? "" : s.valueFrom();
                out.add(
                        from.startsWith("arn:aws:secretsmanager:")
                                ? "ecs.capability.secrets.asm.environment-variables"
                                : "ecs.capability.secrets.ssm.environment-variables");
            }
            if (c.dependsOn() != null && !c.dependsOn().isEmpty()) {
                out.add("ecs.capability.container-ordering");
            }
            if (c.image() != null && c.image().contains(".dkr.ecr.")) {
                out.add("com.amazonaws.ecs.capability.ecr-auth");
                if (request.executionRoleArn() != null) {
                    out.add("ecs.capability.execution-role-ecr-pull");
                }
            }
            for (PortMapping m : nonNull(c.portMappings())) {
                if (m.containerPortRange() != null) {
                    out.add("ecs.capability.network.container-port-range");
                }
            }
            if (Boolean.TRUE.equals(c.privileged())) {
                out.add("com.amazonaws.ecs.capability.privileged-container");
            }
        }
        return out;
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
