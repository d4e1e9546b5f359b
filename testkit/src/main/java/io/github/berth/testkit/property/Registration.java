package io.github.berth.testkit.property;

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
import java.util.Set;

/**
 * What a generated RegisterTaskDefinition request looks like once registered, for the clusters the
 * generators build: the ARN, revision, status and the attributes a container instance needs to run
 * it. Not ECS's normalisation (defaults filled in, units converted): the generators that use this
 * write plain integer cpu and memory.
 */
final class Registration {

  private Registration() {}

  static TaskDefinition registered(RegisterTaskDefinitionRequest r, String arn, int revision, Instant at) {
    List<Compatibility> compatibilities = new ArrayList<>(r.requiresCompatibilities() == null ? List.of() : r.requiresCompatibilities());
    if (!compatibilities.contains(Compatibility.EC2)) {
      compatibilities.add(Compatibility.EC2);
    }
    return TaskDefinition.builder()
        .taskDefinitionArn(arn)
        .family(r.family())
        .revision(revision)
        .containerDefinitions(r.containerDefinitions())
        .taskRoleArn(r.taskRoleArn())
        .executionRoleArn(r.executionRoleArn())
        .networkMode(r.networkMode())
        .volumes(r.volumes())
        .status(TaskDefinitionStatus.ACTIVE)
        .requiresAttributes(requiresAttributes(r).stream().map(n -> Attribute.builder().name(n).build()).toList())
        .placementConstraints(r.placementConstraints())
        .compatibilities(compatibilities)
        .runtimePlatform(r.runtimePlatform())
        .requiresCompatibilities(r.requiresCompatibilities())
        .cpu(r.cpu())
        .memory(r.memory())
        .pidMode(r.pidMode())
        .ipcMode(r.ipcMode())
        .ephemeralStorage(r.ephemeralStorage())
        .registeredAt(at)
        .registeredBy(Fixtures.role("deployer"))
        .build();
  }

  /**
   * The instance attributes a task definition needs, by the capability each feature depends on.
   * [model] AWS documents the mechanism (requiresAttributes, failure ATTRIBUTE; docs/placement.md#pipeline-order, docs/placement.md#instance-attributes)
   * and the capability names (the agent's agent_capability.go), not which feature needs which
   * attribute; this mapping is ours, kept here in one place.
   */
  static Set<String> requiresAttributes(RegisterTaskDefinitionRequest r) {
    Set<String> out = new LinkedHashSet<>();
    out.add("com.amazonaws.ecs.capability.docker-remote-api.1.18");
    if (NetworkMode.AWSVPC.equals(r.networkMode())) {
      out.add("ecs.capability.task-eni");
    }
    if (r.taskRoleArn() != null) {
      out.add("com.amazonaws.ecs.capability.task-iam-role");
    }
    if (r.cpu() != null || r.memory() != null) {
      out.add("ecs.capability.task-cpu-mem-limit");
    }
    for (Volume v : nonNull(r.volumes())) {
      if (v.efsVolumeConfiguration() != null) {
        out.add("ecs.capability.efs");
      }
      if (v.dockerVolumeConfiguration() != null) {
        out.add("com.amazonaws.ecs.capability.docker-remote-api.1.25");
      }
    }
    for (ContainerDefinition c : nonNull(r.containerDefinitions())) {
      LogConfiguration log = c.logConfiguration();
      if (log != null && log.logDriver() != null) {
        out.add("com.amazonaws.ecs.capability.logging-driver." + log.logDriver().value());
        if (r.executionRoleArn() != null && log.logDriver().value().equals("awslogs")) {
          out.add("ecs.capability.execution-role-awslogs");
        }
      }
      if (c.healthCheck() != null) {
        out.add("ecs.capability.container-health-check");
      }
      for (Secret s : nonNull(c.secrets())) {
        out.add(s.valueFrom().startsWith("arn:aws:ssm:") ? "ecs.capability.secrets.ssm.environment-variables"
            : "ecs.capability.secrets.asm.environment-variables");
      }
      if (c.dependsOn() != null && !c.dependsOn().isEmpty()) {
        out.add("ecs.capability.container-ordering");
      }
      if (c.image() != null && c.image().contains(".dkr.ecr.")) {
        out.add("com.amazonaws.ecs.capability.ecr-auth");
        if (r.executionRoleArn() != null) {
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

  static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
