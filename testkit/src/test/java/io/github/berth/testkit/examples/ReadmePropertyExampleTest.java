package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Resource;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.testkit.generators.ClusterState;
import io.github.berth.testkit.generators.EcsGen;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import io.github.berth.testkit.property.PropertyFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Property-based testing" example, compiled and run so that the README stays true. */
class ReadmePropertyExampleTest {

    // ---- The code under test: two helpers of a deployment pipeline. ----

    // readme:property-example
    /** Adds a log router sidecar to a task definition before the pipeline registers it. */
    static RegisterTaskDefinitionRequest addLogRouter(RegisterTaskDefinitionRequest td) {
        List<ContainerDefinition> containers = new ArrayList<>(td.containerDefinitions());
        if (containers.size() == 10) {
            return td; // ECS allows 10 containers: no room for a sidecar
        }
        List<String> taken = containers.stream().map(ContainerDefinition::name).toList();
        String name = "log-router";
        for (int n = 2; taken.contains(name); n++) {
            name = "log-router-" + n;
        }
        containers.add(ContainerDefinition.builder()
                .name(name)
                .image("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable")
                .essential(false)
                .memory(64)
                .build());
        return td.toBuilder().containerDefinitions(containers).build();
    }

    @Test
    void whateverTaskDefinitionComesInTheSidecarKeepsItValid() {
        Property.forAll(EcsGen.taskDefinitions())
                .tries(300)
                .check(td -> assertThat(TaskDefinitionValidator.validate(addLogRouter(td)))
                        .isEmpty());
    }
    // end readme:property-example

    /** addLogRouter without its 10-container check, for the README's claim below. */
    static RegisterTaskDefinitionRequest addLogRouterAlways(RegisterTaskDefinitionRequest td) {
        List<ContainerDefinition> containers = new ArrayList<>(td.containerDefinitions());
        List<String> taken = containers.stream().map(ContainerDefinition::name).toList();
        String name = "log-router";
        for (int n = 2; taken.contains(name); n++) {
            name = "log-router-" + n;
        }
        containers.add(ContainerDefinition.builder()
                .name(name)
                .image("public.ecr.aws/aws-observability/aws-for-fluent-bit:stable")
                .essential(false)
                .memory(64)
                .build());
        return td.toBuilder().containerDefinitions(containers).build();
    }

    /**
     * The README says: "Without the 10-container check this fails, and shrinks to ten bare containers
     * with containerDefinitions: ClientException: Too many containers." Whatever the seed: the
     * largest edge case has ten containers.
     */
    @Test
    void withoutTheCheckThePropertyFailsAndShrinksToTenBareContainers() {
        PropertyFailure f = catchThrowableOfType(
                PropertyFailure.class,
                () -> Property.forAll(EcsGen.taskDefinitions())
                        .tries(300)
                        .check(td -> assertThat(TaskDefinitionValidator.validate(addLogRouterAlways(td)))
                                .isEmpty()));
        assertThat(f).as("the property should fail").isNotNull();
        RegisterTaskDefinitionRequest shrunk =
                (RegisterTaskDefinitionRequest) f.shrunk().get(0);
        assertThat(shrunk.containerDefinitions()).hasSize(10).allSatisfy(c -> {
            assertThat(c.portMappings()).isNull();
            assertThat(c.environment()).isNull();
            assertThat(c.secrets()).isNull();
            assertThat(c.healthCheck()).isNull();
            assertThat(c.logConfiguration()).isNull();
            assertThat(c.dependsOn()).isNull();
        });
        assertThat(f.getMessage()).contains("containerDefinitions: ClientException: Too many containers.");
    }

    /** How many more tasks of a size the cluster's active, connected instances can take. */
    static int roomFor(ClusterState cluster, int cpu, int memory) {
        int room = 0;
        for (ContainerInstance i : cluster.containerInstances()) {
            if (i.status().equals("ACTIVE") && Boolean.TRUE.equals(i.agentConnected())) {
                room += Math.min(remaining(i, "CPU") / cpu, remaining(i, "MEMORY") / memory);
            }
        }
        return room;
    }

    static int remaining(ContainerInstance i, String resource) {
        return i.remainingResources().stream()
                .filter(r -> r.name().equals(resource))
                .mapToInt(Resource::integerValue)
                .sum();
    }

    @Test
    void weNeverPromiseMoreRoomThanTheClusterHas() {
        Gen<Integer> cpu = Gen.elements(256, 512, 1024, 2048);
        Gen<Integer> memory = Gen.elements(512, 1024, 2048, 4096);
        Property.forAll(EcsGen.clusters(), cpu, memory).check((cluster, taskCpu, taskMemory) -> {
            long free = cluster.containerInstances().stream()
                    .mapToLong(i -> remaining(i, "MEMORY"))
                    .sum();
            assertThat((long) roomFor(cluster, taskCpu, taskMemory) * taskMemory)
                    .isLessThanOrEqualTo(free);
        });
    }
}
