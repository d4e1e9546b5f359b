package io.github.berth.core.validation;

import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerDependency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The container list (docs/task-definitions.md#containers): 1-10 containers, each with a valid unique name and an image, at
 * least one of them essential, and dependencies that name containers of the task and do not wait for
 * an essential container to exit.
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
    for (int i = 0; i < containers.size(); i++) {
      checkDependencies(containers.get(i), i, byName, out);
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
            TaskDefinitionMessages.unknownDependency(d.containerName(), TaskDefinitionContext.name(c)));
      } else if ((ContainerCondition.SUCCESS.equals(d.condition()) || ContainerCondition.COMPLETE.equals(d.condition()))
          && TaskDefinitionContext.essential(target)) {
        out.client(TaskDefinitionContext.container(i).child("dependsOn").index(j),
            TaskDefinitionMessages.DEPENDENCY_ON_ESSENTIAL);
      }
    }
  }
}
