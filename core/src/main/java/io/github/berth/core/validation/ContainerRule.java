package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.MountPoint;
import io.github.berth.core.model.ProxyConfiguration;
import io.github.berth.core.model.VolumeFrom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container list (docs/task-definitions.md#containers): 1-10 containers, each with a valid unique name and an image, at
 * least one of them essential, and dependencies that name containers of the task and do not wait for
 * an essential container to exit; links that name containers of the task; health checks within their
 * bounds; and an execution role when containers use secrets or private registry credentials.
 */
final class ContainerRule implements TaskDefinitionRule {

  /** "Containers per task definition", not adjustable (docs/task-definitions.md#quotas). */
  static final int MAX_CONTAINERS = 10;
  static final int MAX_NAME_LENGTH = 255;
  static final int MAX_IMAGE_LENGTH = 255;

  @Override
  public void check(TaskDefinitionContext td, Violations out) {
    List<ContainerDefinition> containers = td.containers;
    if (containers.isEmpty()) {
      out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.CONTAINER_LIST_EMPTY);
      return;
    }
    if (containers.size() > MAX_CONTAINERS) {
      out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.TOO_MANY_CONTAINERS);
    }
    Map<String, ContainerDefinition> byName = new HashMap<>();
    boolean anyEssential = false;
    for (int i = 0; i < containers.size(); i++) {
      ContainerDefinition c = containers.get(i);
      checkName(c, i, byName, out);
      String image = c.image();
      if (image == null || image.isBlank()) {
        out.client(TaskDefinitionContext.container(i).child("image"), TaskDefinitionMessages.CONTAINER_IMAGE_BLANK);
      } else if (image.length() > MAX_IMAGE_LENGTH) {
        out.client(TaskDefinitionContext.container(i).child("image"), TaskDefinitionMessages.CONTAINER_IMAGE_TOO_LONG);
      }
      anyEssential |= TaskDefinitionContext.essential(c);
    }
    if (!anyEssential) {
      out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.NO_ESSENTIAL_CONTAINER);
    }
    boolean secrets = false;
    boolean privateRegistry = false;
    for (int i = 0; i < containers.size(); i++) {
      ContainerDefinition c = containers.get(i);
      checkDependencies(c, i, byName, out);
      checkLinks(c, i, byName, out);
      checkVolumeReferences(td, c, i, byName, out);
      checkHealthCheck(c, i, out);
      secrets |= c.secrets() != null && !c.secrets().isEmpty();
      privateRegistry |= c.repositoryCredentials() != null;
    }
    ProxyConfiguration proxy = td.request.proxyConfiguration();
    if (proxy != null && proxy.containerName() != null && !byName.containsKey(proxy.containerName())) {
      out.client(JsonPath.root().child("proxyConfiguration").child("containerName"),
          TaskDefinitionMessages.unknownProxyContainer(proxy.containerName()));
    }
    String role = td.request.executionRoleArn();
    if (role == null || role.isBlank()) {
      // The execution role fetches secrets and registry credentials on every launch type (DG
      // task_execution_IAM_role); ECS's texts name no launch type.
      if (secrets) {
        out.client(EXECUTION_ROLE, TaskDefinitionMessages.SECRETS_NEED_EXECUTION_ROLE);
      }
      if (privateRegistry) {
        out.client(EXECUTION_ROLE, TaskDefinitionMessages.PRIVATE_REGISTRY_NEEDS_EXECUTION_ROLE);
      }
    }
  }

  private static final JsonPath EXECUTION_ROLE = JsonPath.root().child("executionRoleArn");

  /**
   * Each link, {@code name} or {@code name:alias} (API ContainerDefinition.links), names a container of
   * the task. Where links are allowed at all is {@link NetworkModeRule}'s.
   */
  private static void checkLinks(ContainerDefinition c, int i, Map<String, ContainerDefinition> byName, Violations out) {
    List<String> links = c.links();
    if (links == null) {
      return;
    }
    for (int j = 0; j < links.size(); j++) {
      String link = links.get(j);
      if (link == null || link.isEmpty()) {
        continue;
      }
      int colon = link.indexOf(':');
      String target = colon < 0 ? link : link.substring(0, colon);
      if (!byName.containsKey(target)) {
        out.client(TaskDefinitionContext.container(i).child("links").index(j),
            TaskDefinitionMessages.unknownLink(target, TaskDefinitionContext.name(c)));
      }
    }
  }

  /** Mount points name volumes of the task; volumesFrom names containers of the task. */
  private static void checkVolumeReferences(TaskDefinitionContext td, ContainerDefinition c, int i,
      Map<String, ContainerDefinition> byName, Violations out) {
    List<MountPoint> mounts = c.mountPoints() == null ? List.of() : c.mountPoints();
    for (int j = 0; j < mounts.size(); j++) {
      String volume = mounts.get(j).sourceVolume();
      if (volume != null && !td.volumeNames().contains(volume)) {
        out.client(TaskDefinitionContext.container(i).child("mountPoints").index(j).child("sourceVolume"),
            TaskDefinitionMessages.unknownVolume(volume));
      }
    }
    List<VolumeFrom> from = c.volumesFrom() == null ? List.of() : c.volumesFrom();
    for (int j = 0; j < from.size(); j++) {
      String source = from.get(j).sourceContainer();
      if (source != null && !byName.containsKey(source)) {
        out.client(TaskDefinitionContext.container(i).child("volumesFrom").index(j).child("sourceContainer"),
            TaskDefinitionMessages.unknownVolumesFromContainer(source, TaskDefinitionContext.name(c)));
      }
    }
  }

  /** The bounds of API HealthCheck: interval 5-300 s, timeout 2-60 s, retries 1-10, startPeriod 0-300 s [doc]. */
  private static void checkHealthCheck(ContainerDefinition c, int i, Violations out) {
    HealthCheck h = c.healthCheck();
    if (h == null) {
      return;
    }
    JsonPath at = TaskDefinitionContext.container(i).child("healthCheck");
    String name = TaskDefinitionContext.name(c);
    bound(h.interval(), 5, 300, "interval", at.child("interval"), name, out);
    bound(h.timeout(), 2, 60, "timeout", at.child("timeout"), name, out);
    bound(h.retries(), 1, 10, "retries", at.child("retries"), name, out);
    bound(h.startPeriod(), 0, 300, "startPeriod", at.child("startPeriod"), name, out);
  }

  private static void bound(@Nullable Integer value, int min, int max, String setting, JsonPath at, String container,
      Violations out) {
    if (value == null) {
      return;
    }
    if (value < min) {
      out.client(at, TaskDefinitionMessages.healthCheckBelow(setting, min, container));
    } else if (value > max) {
      out.client(at, TaskDefinitionMessages.healthCheckAbove(setting, max, container));
    }
  }

  private static void checkName(ContainerDefinition c, int i, Map<String, ContainerDefinition> byName, Violations out) {
    String name = c.name();
    if (name == null || name.isEmpty()) {
      out.client(TaskDefinitionContext.container(i).child("name"), TaskDefinitionMessages.CONTAINER_NAME_BLANK);
    } else if (name.length() > MAX_NAME_LENGTH) {
      out.client(TaskDefinitionContext.container(i).child("name"), TaskDefinitionMessages.CONTAINER_NAME_TOO_LONG);
    } else if (!FamilyRule.isName(name)) {
      out.client(TaskDefinitionContext.container(i).child("name"), TaskDefinitionMessages.CONTAINER_NAME_INVALID_CHARACTERS);
    } else if (byName.putIfAbsent(name, c) != null) {
      out.client(TaskDefinitionContext.container(i).child("name"), TaskDefinitionMessages.CONTAINER_NAMES_NOT_UNIQUE);
    }
  }

  private static void checkDependencies(ContainerDefinition c, int i, Map<String, ContainerDefinition> byName, Violations out) {
    List<ContainerDependency> dependsOn = c.dependsOn();
    if (dependsOn == null) {
      return;
    }
    for (int j = 0; j < dependsOn.size(); j++) {
      ContainerDependency d = dependsOn.get(j);
      if (d.containerName() == null) {
        continue; // required by the API model; reported there
      }
      ContainerDefinition target = byName.get(d.containerName());
      if (target == null) {
        out.client(TaskDefinitionContext.container(i).child("dependsOn").index(j).child("containerName"),
            TaskDefinitionMessages.unknownDependency(d.containerName()));
      } else if ((ContainerCondition.SUCCESS.equals(d.condition()) || ContainerCondition.COMPLETE.equals(d.condition()))
          && TaskDefinitionContext.essential(target)) {
        out.client(TaskDefinitionContext.container(i).child("dependsOn").index(j),
            TaskDefinitionMessages.DEPENDENCY_ON_ESSENTIAL);
      }
    }
  }
}
