package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.testkit.property.Property;
import io.github.berth.testkit.property.PropertyFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Container instances as the agent registers them, and clusters whose accounting adds up. */
class ClusterGenTest {

    static Resource resource(List<Resource> resources, String name) {
        return resources.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    static String attribute(ContainerInstance i, String name) {
        return i.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(Attribute::value)
                .findFirst()
                .orElse(null);
    }

    static boolean hasAttribute(ContainerInstance i, String name) {
        return i.attributes().stream().anyMatch(a -> a.name().equals(name));
    }

    static InstanceType typeOf(ContainerInstance i) {
        return InstanceTypes.find(attribute(i, "ecs.instance-type")).orElseThrow();
    }

    @Test
    void instancesRegisterWhatTheirTypeHas() {
        Property.forAll(EcsGen.containerInstances()).tries(300).check(i -> {
            InstanceType type = typeOf(i);
            boolean windows = "windows".equals(attribute(i, "ecs.os-type"));
            assertThat(resource(i.registeredResources(), "CPU").integerValue()).isEqualTo(type.vcpus() * 1024);
            assertThat(resource(i.registeredResources(), "MEMORY").integerValue())
                    .isEqualTo(type.registeredMemoryMiB())
                    .isLessThan(type.memoryMiB());
            assertThat(resource(i.registeredResources(), "PORTS").stringSetValue())
                    .containsExactlyElementsOf(
                            windows
                                    ? List.of(
                                            "53", "135", "139", "445", "2375", "2376", "3389", "5985", "5986", "51678",
                                            "51679")
                                    : List.of("22", "2375", "2376", "51678", "51679"));
            assertThat(resource(i.registeredResources(), "PORTS_UDP").stringSetValue())
                    .isEmpty();
            Resource gpu = resource(i.registeredResources(), "GPU");
            if (type.gpus() == 0) {
                assertThat(gpu).isNull();
            } else {
                assertThat(gpu.stringSetValue()).hasSize(type.gpus()).doesNotHaveDuplicates();
            }
            assertThat(i.remainingResources()).as("no tasks: nothing used").isEqualTo(i.registeredResources());
            assertThat(i.runningTasksCount()).isZero();
            assertThat(i.containerInstanceArn())
                    .matches("arn:aws:ecs:[a-z0-9-]+:123456789012:container-instance/[a-zA-Z0-9_-]+/[0-9a-f]{32}");
            assertThat(i.ec2InstanceId()).matches("i-[0-9a-f]{17}");
        });
    }

    @Test
    void instancesCarryTheBuiltInAttributesAndValidCustomOnes() {
        Set<String> builtIn = Set.of(
                "ecs.ami-id",
                "ecs.availability-zone",
                "ecs.instance-type",
                "ecs.os-type",
                "ecs.os-family",
                "ecs.cpu-architecture",
                "ecs.vpc-id",
                "ecs.subnet-id");
        Property.forAll(EcsGen.containerInstances()).tries(300).check(i -> {
            for (String name : builtIn) {
                assertThat(attribute(i, name)).as(name).isNotBlank();
            }
            InstanceType type = typeOf(i);
            assertThat(attribute(i, "ecs.cpu-architecture")).isEqualTo(type.architecture());
            assertThat(attribute(i, "ecs.availability-zone")).matches("[a-z]+-[a-z]+-\\d[a-f]");
            assertThat(attribute(i, "ecs.os-family")).matches("LINUX|WINDOWS_SERVER_20(19|22)_(FULL|CORE)");
            if (hasAttribute(i, "ecs.awsvpc-trunk-id")) {
                assertThat(type.supportsTrunking()).isTrue();
                assertThat(hasAttribute(i, "ecs.capability.task-eni-trunking")).isTrue();
            }
            List<Attribute> custom = i.attributes().stream()
                    .filter(a -> !a.name().startsWith("ecs.") && !a.name().startsWith("com.amazonaws.ecs."))
                    .toList();
            assertThat(custom).hasSizeLessThanOrEqualTo(10);
            assertThat(custom.stream().map(Attribute::name)).doesNotHaveDuplicates();
            for (Attribute a : custom) {
                assertThat(a.name()).matches("[a-zA-Z0-9_./\\\\-]{1,128}");
                if (a.value() != null) {
                    assertThat(a.value())
                            .matches("[a-zA-Z0-9_./\\\\:@ -]{1,128}")
                            .doesNotStartWith(" ")
                            .doesNotEndWith(" ");
                }
            }
            assertThat(i.status())
                    .isIn("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED", "INACTIVE");
            if (i.status().equals("REGISTERING") || i.status().equals("REGISTRATION_FAILED")) {
                assertThat(hasAttribute(i, "ecs.awsvpc-trunk-id"))
                        .as("only while a trunk ENI is provisioned")
                        .isTrue();
            }
        });
    }

    @Test
    void everyKnownInstanceTypeAndStatusComesUp() {
        Set<String> types = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        for (ContainerInstance i : EcsGen.containerInstances().samples(4, 3000)) {
            types.add(attribute(i, "ecs.instance-type"));
            statuses.add(i.status());
        }
        assertThat(types)
                .containsExactlyInAnyOrderElementsOf(
                        InstanceTypes.all().stream().map(InstanceType::name).toList());
        assertThat(statuses)
                .containsExactlyInAnyOrder(
                        "ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED", "INACTIVE");
    }

    /** The agent state, operating systems, trunking, GPUs and custom attributes all come up. */
    @Test
    void everyAgentStateAndKindOfInstanceComesUp() {
        Set<String> seen = new HashSet<>();
        for (ContainerInstance i : EcsGen.containerInstances().samples(7, 3000)) {
            seen.add("agent connected " + i.agentConnected());
            seen.add("agent update "
                    + (i.agentUpdateStatus() == null
                            ? "none"
                            : i.agentUpdateStatus().value()));
            seen.add("os " + attribute(i, "ecs.os-family"));
            seen.add("arch " + attribute(i, "ecs.cpu-architecture"));
            if (hasAttribute(i, "ecs.awsvpc-trunk-id")) {
                seen.add("trunking");
            }
            if (resource(i.registeredResources(), "GPU") != null) {
                seen.add("GPU");
            }
            List<Attribute> custom = i.attributes().stream()
                    .filter(a -> !a.name().startsWith("ecs.") && !a.name().startsWith("com.amazonaws.ecs."))
                    .toList();
            seen.add("custom attributes " + (custom.isEmpty() ? "none" : custom.size() == 10 ? "10" : "some"));
            if (custom.stream().anyMatch(a -> a.value() == null)) {
                seen.add("custom attribute without value");
            }
        }
        Set<String> expected = new HashSet<>(Set.of(
                "agent connected true",
                "agent connected false",
                "agent update none",
                "os LINUX",
                "os WINDOWS_SERVER_2019_CORE",
                "os WINDOWS_SERVER_2019_FULL",
                "os WINDOWS_SERVER_2022_CORE",
                "os WINDOWS_SERVER_2022_FULL",
                "arch x86_64",
                "arch arm64",
                "trunking",
                "GPU",
                "custom attributes none",
                "custom attributes some",
                "custom attributes 10",
                "custom attribute without value"));
        io.github.berth.core.model.AgentUpdateStatus.knownValues()
                .forEach(v -> expected.add("agent update " + v.value()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void clustersSpanOneToSixAvailabilityZonesThatAllHoldInstances() {
        Property.forAll(EcsGen.clusters()).tries(100).check(c -> {
            assertThat(c.availabilityZones()).hasSizeBetween(1, 6).doesNotHaveDuplicates();
            assertThat(c.containerInstances()).hasSizeBetween(1, 10);
            for (String az : c.availabilityZones()) {
                assertThat(c.instancesIn(az)).isNotEmpty();
            }
            for (ContainerInstance i : c.containerInstances()) {
                assertThat(c.availabilityZones()).contains(attribute(i, "ecs.availability-zone"));
                assertThat(i.containerInstanceArn())
                        .contains(":container-instance/" + c.cluster().clusterName() + "/");
            }
        });
        Set<Integer> azCounts = new TreeSet<>();
        EcsGen.clusters()
                .samples(5, 200)
                .forEach(c -> azCounts.add(c.availabilityZones().size()));
        assertThat(azCounts).containsExactly(1, 2, 3, 4, 5, 6);
    }

    /** As in ECS, no two instances or tasks share an ARN, even in the simplest (all-zero) draws. */
    @Test
    void instanceAndTaskArnsAreUnique() {
        Property.forAll(EcsGen.clusters()).tries(200).check(c -> {
            assertThat(c.containerInstances())
                    .extracting(ContainerInstance::containerInstanceArn)
                    .doesNotHaveDuplicates();
            assertThat(c.containerInstances())
                    .extracting(ContainerInstance::ec2InstanceId)
                    .doesNotHaveDuplicates();
            assertThat(c.tasks())
                    .extracting(io.github.berth.core.model.Task::taskArn)
                    .doesNotHaveDuplicates();
        });
    }

    /**
     * The accounting, recomputed here from the registered task definitions (docs/placement.md#what-a-task-reserves): for each
     * instance, remaining = registered less the cpu, memory, static host ports and GPUs of its tasks.
     */
    @Test
    void remainingResourcesAreRegisteredLessWhatTheTasksReserve() {
        Property.forAll(EcsGen.clusters()).tries(200).check(c -> {
            int running = 0;
            int pending = 0;
            for (ContainerInstance i : c.containerInstances()) {
                int cpu = 0;
                int memory = 0;
                Set<String> tcp =
                        new TreeSet<>(resource(i.registeredResources(), "PORTS").stringSetValue());
                Set<String> udp = new TreeSet<>();
                List<String> gpusUsed = new ArrayList<>();
                int awsvpc = 0;
                List<Task> tasks = c.tasksOn(i);
                for (Task t : tasks) {
                    TaskDefinition td = c.taskDefinitionOf(t);
                    cpu += td.cpu() != null
                            ? Integer.parseInt(td.cpu())
                            : td.containerDefinitions().stream()
                                    .mapToInt(d -> d.cpu() == null ? 0 : d.cpu())
                                    .sum();
                    memory += td.memory() != null
                            ? Integer.parseInt(td.memory())
                            : td.containerDefinitions().stream()
                                    .mapToInt(d -> d.memoryReservation() != null ? d.memoryReservation() : d.memory())
                                    .sum();
                    boolean isAwsvpc = NetworkMode.AWSVPC.equals(td.networkMode());
                    awsvpc += isAwsvpc ? 1 : 0;
                    for (ContainerDefinition d : td.containerDefinitions()) {
                        for (PortMapping m : d.portMappings() == null ? List.<PortMapping>of() : d.portMappings()) {
                            if (isAwsvpc || m.containerPortRange() != null) {
                                continue;
                            }
                            Integer host = NetworkMode.HOST.equals(td.networkMode()) ? m.containerPort() : m.hostPort();
                            if (host != null && host > 0) {
                                assertThat((m.protocol() != null
                                                                && m.protocol()
                                                                        .value()
                                                                        .equals("udp")
                                                        ? udp
                                                        : tcp)
                                                .add(host.toString()))
                                        .as("host port %d used once on the instance", host)
                                        .isTrue();
                            }
                        }
                    }
                    for (Container k : t.containers()) {
                        if (k.gpuIds() != null) {
                            gpusUsed.addAll(k.gpuIds());
                        }
                    }
                    running += t.lastStatus().equals("RUNNING") ? 1 : 0;
                    pending += t.lastStatus().equals("PENDING") ? 1 : 0;
                }
                assertThat(resource(i.remainingResources(), "CPU").integerValue())
                        .isEqualTo(resource(i.registeredResources(), "CPU").integerValue() - cpu);
                assertThat(resource(i.remainingResources(), "MEMORY").integerValue())
                        .isEqualTo(resource(i.registeredResources(), "MEMORY").integerValue() - memory);
                assertThat(resource(i.remainingResources(), "CPU").integerValue())
                        .isNotNegative();
                assertThat(resource(i.remainingResources(), "MEMORY").integerValue())
                        .isNotNegative();
                assertThat(new TreeSet<>(
                                resource(i.remainingResources(), "PORTS").stringSetValue()))
                        .isEqualTo(tcp);
                assertThat(new TreeSet<>(
                                resource(i.remainingResources(), "PORTS_UDP").stringSetValue()))
                        .isEqualTo(udp);
                Resource gpu = resource(i.registeredResources(), "GPU");
                if (gpu != null) {
                    List<String> free = new ArrayList<>(gpu.stringSetValue());
                    assertThat(free).containsAll(gpusUsed);
                    free.removeAll(gpusUsed);
                    assertThat(resource(i.remainingResources(), "GPU").stringSetValue())
                            .containsExactlyElementsOf(free);
                } else {
                    assertThat(gpusUsed).isEmpty();
                }
                assertThat(awsvpc)
                        .isLessThanOrEqualTo(typeOf(i).awsvpcTaskLimit(hasAttribute(i, "ecs.awsvpc-trunk-id")));
                assertThat(i.runningTasksCount()).isEqualTo((int) tasks.stream()
                        .filter(t -> t.lastStatus().equals("RUNNING"))
                        .count());
                assertThat(i.pendingTasksCount()).isEqualTo((int) tasks.stream()
                        .filter(t -> t.lastStatus().equals("PENDING"))
                        .count());
                if (!tasks.isEmpty()) {
                    assertThat(i.status()).isIn("ACTIVE", "DRAINING");
                }
            }
            assertThat(c.cluster().runningTasksCount()).isEqualTo(running);
            assertThat(c.cluster().pendingTasksCount()).isEqualTo(pending);
        });
    }

    @Test
    void tasksRunOnlyWhereTheirDefinitionCanRun() {
        Property.forAll(EcsGen.clusters()).tries(200).check(c -> {
            for (Task t : c.tasks()) {
                ContainerInstance i = c.containerInstances().stream()
                        .filter(x -> x.containerInstanceArn().equals(t.containerInstanceArn()))
                        .findFirst()
                        .orElseThrow();
                TaskDefinition td = c.taskDefinitionOf(t);
                assertThat(t.availabilityZone()).isEqualTo(attribute(i, "ecs.availability-zone"));
                assertThat(t.clusterArn()).isEqualTo(c.cluster().clusterArn());
                assertThat(t.group()).isEqualTo("family:" + td.family());
                for (Attribute required : td.requiresAttributes()) {
                    assertThat(hasAttribute(i, required.name()))
                            .as("instance has %s", required.name())
                            .isTrue();
                }
                boolean windowsTask = td.runtimePlatform() != null
                        && !td.runtimePlatform().operatingSystemFamily().value().equals("LINUX");
                assertThat(windowsTask).isEqualTo("windows".equals(attribute(i, "ecs.os-type")));
                assertThat(t.containers().stream().map(Container::name))
                        .containsExactlyElementsOf(td.containerDefinitions().stream()
                                .map(ContainerDefinition::name)
                                .toList());
                if (NetworkMode.AWSVPC.equals(td.networkMode())) {
                    assertThat(t.attachments())
                            .singleElement()
                            .satisfies(a -> assertThat(a.type()).isEqualTo("ElasticNetworkInterface"));
                }
            }
        });
    }

    @Test
    void clustersAreBusyEnoughToMatter() {
        List<ClusterState> clusters = EcsGen.clusters().samples(6, 300);
        assertThat(clusters.stream().mapToInt(c -> c.tasks().size()).average().orElse(0))
                .isGreaterThan(2.5);
        assertThat(clusters)
                .anyMatch(c -> c.containerInstances().stream()
                        .anyMatch(i -> ClusterGenTest.resource(i.remainingResources(), "MEMORY")
                                                .integerValue()
                                        * 4
                                < ClusterGenTest.resource(i.registeredResources(), "MEMORY")
                                        .integerValue()));
        assertThat(clusters)
                .anyMatch(c -> c.tasks().stream().anyMatch(t -> t.lastStatus().equals("PENDING")));
        assertThat(clusters).anyMatch(c -> c.tasks().stream().anyMatch(t -> t.attachments() != null));
        assertThat(clusters)
                .anyMatch(c ->
                        c.tasks().stream().anyMatch(t -> t.containers().stream().anyMatch(k -> k.gpuIds() != null)));
        assertThat(clusters)
                .anyMatch(c -> c.containerInstances().stream()
                        .anyMatch(i -> !i.remainingResources()
                                .get(2)
                                .equals(i.registeredResources().get(2))));
    }

    @Test
    void instancesTasksAndClustersRoundTripThroughStrictJson() {
        EcsJson json = EcsJson.strict();
        Property.forAll(EcsGen.clusters()).tries(40).check(c -> {
            assertThat(json.read(json.write(c.cluster()), c.cluster().getClass()))
                    .isEqualTo(c.cluster());
            for (ContainerInstance i : c.containerInstances()) {
                assertThat(json.read(json.write(i), ContainerInstance.class)).isEqualTo(i);
            }
            for (Task t : c.tasks()) {
                assertThat(json.read(json.write(t), Task.class)).isEqualTo(t);
            }
            for (TaskDefinition td : c.taskDefinitions()) {
                assertThat(json.read(json.write(td), TaskDefinition.class)).isEqualTo(td);
            }
        });
    }

    @Test
    void aFailingClusterPropertyShrinksToOneInstanceWithOneTask() {
        PropertyFailure f = org.assertj.core.api.Assertions.catchThrowableOfType(
                PropertyFailure.class,
                () -> Property.forAll(EcsGen.clusters())
                        .seed(8)
                        .check(c -> assertThat(c.tasks()).isEmpty()));
        ClusterState shrunk = (ClusterState) f.shrunk().get(0);
        assertThat(shrunk.containerInstances()).hasSize(1);
        assertThat(shrunk.tasks()).hasSize(1);
        assertThat(shrunk.taskDefinitions()).hasSize(1);
        assertThat(shrunk.taskDefinitions().get(0).containerDefinitions()).hasSize(1);
        assertThat(f.getMessage())
                .contains("\"containerInstances\" : [ {", "\"remainingResources\"", "\"tasks\" : [ {");
    }
}
