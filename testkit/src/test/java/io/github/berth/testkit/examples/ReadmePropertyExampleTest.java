package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Resource;
import io.github.berth.testkit.property.ClusterState;
import io.github.berth.testkit.property.EcsGen;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Property-based testing" example, compiled and run so that the README stays true. */
class ReadmePropertyExampleTest {

  // ---- the code under test: a deployment pipeline's own helpers ----

  /** Adds a log router sidecar to a task definition, as our pipeline does before registering. */
  static RegisterTaskDefinitionRequest addLogRouter(RegisterTaskDefinitionRequest td) {
    List<ContainerDefinition> containers = new ArrayList<>(td.containerDefinitions());
    if (containers.size() == 10) {
      return td; // ECS allows 10 containers; this one has no room for a sidecar
    }
    containers.add(ContainerDefinition.builder()
        .name(freeName(containers, "log-router"))
        .image("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable")
        .essential(false)
        .memory(64)
        .build());
    return td.toBuilder().containerDefinitions(containers).build();
  }

  /** log-router, or log-router-2, -3... if a container already has the name. */
  private static String freeName(List<ContainerDefinition> containers, String base) {
    List<String> taken = containers.stream().map(ContainerDefinition::name).toList();
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  /** How many more tasks of the given size the cluster's active, connected instances can take. */
  static int roomFor(ClusterState cluster, int cpu, int memory) {
    int room = 0;
    for (ContainerInstance i : cluster.containerInstances()) {
      if (i.status().equals("ACTIVE") && Boolean.TRUE.equals(i.agentConnected())) {
        room += Math.min(remaining(i, "CPU") / cpu, remaining(i, "MEMORY") / memory);
      }
    }
    return room;
  }

  private static int remaining(ContainerInstance i, String name) {
    return i.remainingResources().stream().filter(r -> r.name().equals(name)).mapToInt(Resource::integerValue).sum();
  }

  // ---- the properties ----

  @Test
  void theLogRouterKeepsEveryTaskDefinitionValid() {
    Property.forAll(EcsGen.taskDefinitions())
        .tries(200)
        .check(td -> {
          RegisterTaskDefinitionRequest out = addLogRouter(td);
          List<String> names = out.containerDefinitions().stream().map(ContainerDefinition::name).toList();
          assertThat(names).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(10);
          assertThat(out.containerDefinitions()).anyMatch(c -> c.essential() == null || c.essential());
        });
  }

  @Test
  void weNeverPromiseMoreRoomThanTheClusterHas() {
    Gen<Integer> cpu = Gen.elements(256, 512, 1024, 2048);
    Gen<Integer> memory = Gen.elements(512, 1024, 2048, 4096);
    Property.forAll(EcsGen.clusters(), cpu, memory)
        .check((cluster, taskCpu, taskMemory) -> {
          int room = roomFor(cluster, taskCpu, taskMemory);
          int freeMemory = cluster.containerInstances().stream().mapToInt(i -> remaining(i, "MEMORY")).sum();
          assertThat((long) room * taskMemory).isLessThanOrEqualTo(freeMemory);
        });
  }
}
