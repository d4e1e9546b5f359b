package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.arn;
import static io.github.berth.placement.Fixtures.attr;
import static io.github.berth.placement.Fixtures.awsvpc;
import static io.github.berth.placement.Fixtures.container;
import static io.github.berth.placement.Fixtures.instance;
import static io.github.berth.placement.Fixtures.port;
import static io.github.berth.placement.Fixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ContainerOverride;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskOverride;
import io.github.berth.core.model.TransportProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each filter: a task that passes it and one that fails with ECS's reason and the closest instance. */
class FiltersTest {

    private static PlacementResult place(ClusterSnapshot s, TaskDefinition td, int count) {
        return PlacementEngine.place(
                s, PlacementRequest.builder(td).count(count).build());
    }

    private static ClusterSnapshot cluster(ContainerInstance.Builder... instances) {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder();
        for (ContainerInstance.Builder i : instances) {
            b.addInstance(i.build());
        }
        return b.build();
    }

    private static Failure failure(String id, FailureReason reason) {
        return Failure.builder()
                .arn(id == null ? null : arn(id))
                .reason(reason.text())
                .build();
    }

    @Test
    void agentDisconnectedIsSkippedAndReportedWhenNothingElseFits() {
        ClusterSnapshot s = cluster(
                instance("a", "m5.large", "us-east-1a").agentConnected(false), instance("b", "m5.large", "us-east-1a"));
        PlacementResult ok = place(s, td(256, 512), 1);
        assertThat(ok.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("b"));

        ClusterSnapshot onlyDisconnected =
                cluster(instance("a", "m5.large", "us-east-1a").agentConnected(false));
        PlacementResult failed = place(onlyDisconnected, td(256, 512), 2);
        assertThat(failed.placements()).isEmpty();
        assertThat(failed.failures())
                .containsExactly(failure("a", FailureReason.AGENT), failure("a", FailureReason.AGENT));
    }

    @Test
    void onlyActiveInstancesTakeTasks() {
        ClusterSnapshot s = cluster(
                instance("a", "m5.large", "us-east-1a").status("DRAINING"), instance("b", "m5.large", "us-east-1a"));
        assertThat(place(s, td(256, 512), 1).placements().get(0).containerInstanceArn())
                .isEqualTo(arn("b"));

        ClusterSnapshot draining = cluster(
                instance("a", "m5.large", "us-east-1a").status("DRAINING"),
                instance("b", "m5.large", "us-east-1a").status("REGISTERING"));
        PlacementResult r = place(draining, td(256, 512), 1);
        assertThat(r.failures()).containsExactly(failure(null, FailureReason.NO_ACTIVE_INSTANCES));
        assertThat(r.explain())
                .containsExactly("task 1 (EC2): 2 instances: 2 not ACTIVE; reported NO ACTIVE INSTANCES");
    }

    @Test
    void requiredAttributesMustBePresent() {
        TaskDefinition needs = td(128, 128).toBuilder()
                .requiresAttributes(List.of(Attribute.builder()
                        .name("com.amazonaws.ecs.capability.docker-remote-api.1.19")
                        .build()))
                .build();
        ContainerInstance.Builder with = instance("b", "m5.large", "us-east-1a");
        List<Attribute> attrs = new ArrayList<>(with.build().attributes());
        attrs.add(Attribute.builder()
                .name("com.amazonaws.ecs.capability.docker-remote-api.1.19")
                .build());
        with.attributes(attrs);
        assertThat(place(cluster(instance("a", "m5.large", "us-east-1a"), with), needs, 1)
                        .placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("b"));
        assertThat(place(cluster(instance("a", "m5.large", "us-east-1a")), needs, 1)
                        .failures())
                .containsExactly(failure("a", FailureReason.ATTRIBUTE));
    }

    @Test
    void requiredAttributeValueMustMatch() {
        TaskDefinition arm = td(128, 128).toBuilder()
                .requiresAttributes(List.of(attr("ecs.instance-type", "m6g.large")))
                .build();
        assertThat(place(cluster(instance("a", "m5.large", "us-east-1a")), arm, 1)
                        .failures())
                .containsExactly(failure("a", FailureReason.ATTRIBUTE));
        assertThat(place(cluster(instance("a", "m6g.large", "us-east-1a")), arm, 1)
                        .allPlaced())
                .isTrue();
    }

    @Test
    void cpuTaskLevelOrSumOfContainers() {
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a", 1000, 8000));
        TaskDefinition sum = TaskDefinition.builder()
                .family("f")
                .addContainerDefinitions(
                        container("x").cpu(600).memory(10).build(),
                        container("y").cpu(600).memory(10).build())
                .build();
        assertThat(place(s, sum, 1).failures()).containsExactly(failure("a", FailureReason.CPU));
        TaskDefinition taskLevel = sum.toBuilder().cpu("512").build();
        PlacementResult r = place(s, taskLevel, 2);
        assertThat(r.placements()).hasSize(1);
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.CPU));
        assertThat(place(s, sum.toBuilder().cpu("0.5 vCPU").build(), 1).allPlaced())
                .isTrue();
    }

    @Test
    void memoryUsesReservationThenHardLimitThenTaskLevel() {
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a", 4096, 1000));
        TaskDefinition reservation = TaskDefinition.builder()
                .family("f")
                .addContainerDefinitions(
                        container("x").memory(2000).memoryReservation(400).build())
                .build();
        assertThat(place(s, reservation, 3).placements()).hasSize(2); // 400 + 400 of 1000
        TaskDefinition hard = TaskDefinition.builder()
                .family("f")
                .addContainerDefinitions(container("x").memory(600).build())
                .build();
        PlacementResult r = place(s, hard, 2);
        assertThat(r.placements()).hasSize(1);
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.MEMORY));
        assertThat(place(s, hard.toBuilder().memory("1GB").build(), 1).failures())
                .containsExactly(failure("a", FailureReason.MEMORY));
    }

    @Test
    void overridesChangeWhatIsReserved() {
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a", 4096, 1000));
        TaskDefinition small = td(128, 100);
        PlacementRequest big = PlacementRequest.builder(small)
                .overrides(TaskOverride.builder()
                        .containerOverrides(List.of(ContainerOverride.builder()
                                .name("app")
                                .memory(2000)
                                .build()))
                        .build())
                .build();
        assertThat(PlacementEngine.place(s, big).failures()).containsExactly(failure("a", FailureReason.MEMORY));
        PlacementRequest taskLevel = PlacementRequest.builder(small)
                .overrides(TaskOverride.builder().cpu("8192").build())
                .build();
        assertThat(PlacementEngine.place(s, taskLevel).failures()).containsExactly(failure("a", FailureReason.CPU));
    }

    @Test
    void gpusCountedAndAll() {
        ContainerInstance.Builder gpuBox = instance("g", "p3.2xlarge", "us-east-1a");
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a"), gpuBox);
        TaskDefinition oneGpu = TaskDefinition.builder()
                .family("ml")
                .addContainerDefinitions(container("x")
                        .memory(64)
                        .resourceRequirements(List.of(ResourceRequirement.builder()
                                .type(ResourceType.GPU)
                                .value("1")
                                .build()))
                        .build())
                .build();
        PlacementResult r = place(s, oneGpu, 2);
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("g"));
        // Both instances now fail on GPUs, the same stage: the first in snapshot order is reported.
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.GPU));
        TaskDefinition all = TaskDefinition.builder()
                .family("ml")
                .addContainerDefinitions(container("x")
                        .memory(64)
                        .resourceRequirements(List.of(ResourceRequirement.builder()
                                .type(ResourceType.GPU)
                                .value("ALL")
                                .build()))
                        .build())
                .build();
        assertThat(place(cluster(gpuBox), all, 2).placements()).hasSize(1);
        // ALL takes every GPU of the instance: one without GPUs has none to give, one with a GPU in use
        // cannot give all of them
        assertThat(place(cluster(instance("a", "m5.large", "us-east-1a")), all, 1)
                        .failures())
                .containsExactly(failure("a", FailureReason.GPU));
        List<String> eight = List.of("GPU-0", "GPU-1", "GPU-2", "GPU-3", "GPU-4", "GPU-5", "GPU-6", "GPU-7");
        ContainerInstance.Builder p2 = instance("p", "p2.8xlarge", "us-east-1a");
        ClusterSnapshot allFree =
                cluster(p2.remainingResources(withGpus(p2.build().registeredResources(), eight)));
        assertThat(place(allFree, all, 1).placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("p"));
        ClusterSnapshot oneInUse =
                cluster(p2.remainingResources(withGpus(p2.build().registeredResources(), eight.subList(1, 8))));
        assertThat(place(oneInUse, all, 1).failures()).containsExactly(failure("p", FailureReason.GPU));
        assertThat(place(oneInUse, oneGpu, 1).placements()).hasSize(1);
    }

    private static List<Resource> withGpus(List<Resource> resources, List<String> gpuIds) {
        List<Resource> out = new ArrayList<>(resources);
        out.add(Resource.builder()
                .name("GPU")
                .type("STRINGSET")
                .stringSetValue(gpuIds)
                .build());
        return out;
    }

    @Test
    void staticPortsConflictWithReservedAndEarlierTasks() {
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a"));
        assertThat(place(s, td(128, 128, port(22, 22)), 1).failures())
                .containsExactly(failure("a", FailureReason.PORTS));
        PlacementResult twice = place(s, td(128, 128, port(80, 8080)), 2);
        assertThat(twice.placements()).hasSize(1);
        assertThat(twice.placements().get(0).containers().get(0).networkBindings())
                .containsExactly(NetworkBinding.builder()
                        .bindIP("0.0.0.0")
                        .containerPort(80)
                        .hostPort(8080)
                        .protocol(TransportProtocol.TCP)
                        .build());
        assertThat(twice.failures()).containsExactly(failure("a", FailureReason.PORTS));
        ClusterSnapshot busy = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a")
                        .remainingResources(List.of(
                                Resource.builder()
                                        .name("CPU")
                                        .integerValue(2048)
                                        .build(),
                                Resource.builder()
                                        .name("MEMORY")
                                        .integerValue(4096)
                                        .build(),
                                Resource.builder()
                                        .name("PORTS")
                                        .stringSetValue(List.of("22", "8080"))
                                        .build()))
                        .build())
                .build();
        assertThat(place(busy, td(128, 128, port(80, 8080)), 1).failures())
                .containsExactly(failure("a", FailureReason.PORTS));
    }

    @Test
    void udpPortsAreTheirOwnResource() {
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a"));
        PortMapping dnsUdp = PortMapping.builder()
                .containerPort(53)
                .hostPort(53)
                .protocol(TransportProtocol.UDP)
                .build();
        PortMapping dnsTcp =
                PortMapping.builder().containerPort(53).hostPort(53).build();
        assertThat(place(s, td(128, 128, dnsUdp, dnsTcp), 1).allPlaced()).isTrue();
        PlacementResult r = place(s, td(128, 128, dnsUdp), 2);
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.PORTS_UDP));
        // a task that binds one static host port twice fits no instance, per protocol
        TaskDefinition twiceUdp = TaskDefinition.builder()
                .family("dns")
                .addContainerDefinitions(container("x")
                        .cpu(64)
                        .memory(64)
                        .portMappings(List.of(dnsUdp))
                        .build())
                .addContainerDefinitions(container("y")
                        .cpu(64)
                        .memory(64)
                        .portMappings(List.of(dnsUdp))
                        .build())
                .build();
        assertThat(place(s, twiceUdp, 1).failures()).containsExactly(failure("a", FailureReason.PORTS_UDP));
        TaskDefinition twiceTcp = TaskDefinition.builder()
                .family("dns")
                .addContainerDefinitions(container("x")
                        .cpu(64)
                        .memory(64)
                        .portMappings(List.of(dnsTcp))
                        .build())
                .addContainerDefinitions(container("y")
                        .cpu(64)
                        .memory(64)
                        .portMappings(List.of(dnsTcp))
                        .build())
                .build();
        assertThat(place(s, twiceTcp, 1).failures()).containsExactly(failure("a", FailureReason.PORTS));
    }

    @Test
    void dynamicPortsAreChosenFromTheEphemeralRangeAndNeverTwice() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a").build())
                .addTask(Fixtures.task("a", "other", 49153))
                .build();
        PlacementResult r = place(
                s,
                td(
                        128,
                        128,
                        port(80, 0),
                        PortMapping.builder().containerPort(81).build()),
                2);
        List<Integer> hostPorts = r.placements().stream()
                .flatMap(p -> p.containers().get(0).networkBindings().stream())
                .map(NetworkBinding::hostPort)
                .toList();
        assertThat(hostPorts).containsExactly(49154, 49155, 49156, 49157);
    }

    @Test
    void manyDynamicPortsOnOneInstanceAreEachChosenOnceInOrder() {
        // These took seconds (4,000 one-port tasks on one instance; 30 tasks of 300 ports): each choice
        // scanned every port bound before it, with a linear lookup per port.
        ClusterSnapshot big = cluster(instance("a", "m5.large", "us-east-1a", 1_000_000, 1_000_000));
        PlacementResult many = PlacementEngine.place(
                big,
                PlacementRequest.builder(
                                td(0, 4, PortMapping.builder().containerPort(80).build()))
                        .service("web")
                        .count(4000)
                        .build());
        List<Integer> ports = many.placements().stream()
                .flatMap(p -> p.containers().get(0).networkBindings().stream())
                .map(NetworkBinding::hostPort)
                .toList();
        assertThat(ports).hasSize(4000);
        assertThat(ports.get(0)).isEqualTo(49153);
        assertThat(ports.get(3999)).isEqualTo(49153 + 3999 + 2); // 51678 and 51679 are the agent's, reserved
        assertThat(new java.util.HashSet<>(ports)).hasSize(4000).doesNotContain(51678, 51679);

        List<PortMapping> mappings = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            mappings.add(PortMapping.builder().containerPort(1000 + c).build());
        }
        PlacementResult wide = PlacementEngine.place(
                big,
                PlacementRequest.builder(td(0, 4, mappings.toArray(PortMapping[]::new)))
                        .service("web")
                        .count(30)
                        .build());
        List<Integer> widePorts = wide.placements().stream()
                .flatMap(p -> p.containers().get(0).networkBindings().stream())
                .map(NetworkBinding::hostPort)
                .toList();
        assertThat(widePorts).hasSize(9000).doesNotHaveDuplicates().doesNotContain(51678, 51679);
        assertThat(widePorts.get(8999)).isEqualTo(49153 + 8999 + 2);
        // the range has 16,383 ports: beyond them no dynamic port is left (-1 is not reported as a port)
        PlacementResult over = PlacementEngine.place(
                big,
                PlacementRequest.builder(td(0, 4, mappings.toArray(PortMapping[]::new)))
                        .service("web")
                        .count(60)
                        .build());
        assertThat(over.placements().stream()
                        .flatMap(p -> p.containers().get(0).networkBindings().stream())
                        .map(NetworkBinding::hostPort)
                        .filter(p -> p != null && p > 0)
                        .distinct()
                        .count())
                .isEqualTo(65535 - 49153 + 1 - 2);
    }

    @Test
    void portRangesWhoseNumbersDoNotFitAnIntAreTreatedAsAnyOtherRangeOutOfBounds() {
        // 99999999999 once escaped as a NumberFormatException, from the task definition and from describe output.
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a").build())
                .addTask(Fixtures.task("a", "other").toBuilder()
                        .containers(List.of(Container.builder()
                                .name("x")
                                .networkBindings(List.of(NetworkBinding.builder()
                                        .hostPortRange("49153-99999999999")
                                        .build()))
                                .build()))
                        .build())
                .build();
        String huge = PortMapping.builder()
                .containerPortRange("7000-99999999999")
                .build()
                .containerPortRange();
        PlacementResult tooBig = place(
                s, td(128, 128, PortMapping.builder().containerPortRange(huge).build()), 1);
        PlacementResult outOfBounds = place(
                s,
                td(
                        128,
                        128,
                        PortMapping.builder().containerPortRange("7000-70000").build()),
                1);
        assertThat(tooBig.placements()).hasSize(1);
        assertThat(tooBig.placements().get(0).containers())
                .isEqualTo(outOfBounds.placements().get(0).containers());
        // and the range in the snapshot binds nothing: the first dynamic port is still free
        assertThat(place(s, td(128, 128, port(80, 0)), 1)
                        .placements()
                        .get(0)
                        .containers()
                        .get(0)
                        .networkBindings()
                        .get(0)
                        .hostPort())
                .isEqualTo(49153);
        assertThat(TaskResources.portRange("0000000000000000008000-000008001")).containsExactly(8000, 8001);
        assertThat(TaskResources.portRange("8000-65536")).isNull();
        assertThat(TaskResources.portRange("2147483648-2147483649")).isNull();
    }

    @Test
    void hostModeBindsTheContainerPortStatically() {
        TaskDefinition host = TaskDefinition.builder()
                .family("h")
                .networkMode(NetworkMode.HOST)
                .addContainerDefinitions(container("x")
                        .memory(64)
                        .portMappings(List.of(port(9000, null)))
                        .build())
                .build();
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a"), instance("b", "m5.large", "us-east-1a"));
        PlacementResult r = place(s, host, 3);
        assertThat(r.placements()).hasSize(2);
        assertThat(r.placements())
                .extracting(p -> p.containers().get(0).networkBindings().get(0).hostPort())
                .containsOnly(9000);
        assertThat(r.failures()).extracting(Failure::reason).containsExactly("RESOURCE:PORTS");
    }

    @Test
    void portRangesBindAContiguousBlock() {
        PortMapping range =
                PortMapping.builder().containerPortRange("7000-7004").build();
        PlacementResult r = place(cluster(instance("a", "m5.large", "us-east-1a")), td(128, 128, range), 2);
        assertThat(r.placements())
                .extracting(p -> p.containers().get(0).networkBindings().get(0).hostPortRange())
                .containsExactly("49153-49157", "49158-49162");
        assertThat(r.placements()
                        .get(0)
                        .containers()
                        .get(0)
                        .networkBindings()
                        .get(0)
                        .containerPortRange())
                .isEqualTo("7000-7004");
    }

    @Test
    void atMostOneHundredReservedPorts() {
        List<String> ports = new ArrayList<>();
        for (int p = 1000; p < 1099; p++) {
            ports.add(Integer.toString(p));
        }
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a")
                        .remainingResources(List.of(
                                Resource.builder()
                                        .name("CPU")
                                        .integerValue(2048)
                                        .build(),
                                Resource.builder()
                                        .name("MEMORY")
                                        .integerValue(4096)
                                        .build(),
                                Resource.builder()
                                        .name("PORTS")
                                        .stringSetValue(ports)
                                        .build()))
                        .build())
                .build();
        assertThat(place(s, td(128, 128, port(80, 80)), 1).allPlaced()).isTrue(); // 99 + 1
        assertThat(place(s, td(128, 128, port(80, 80), port(81, 81)), 1).failures())
                .containsExactly(failure("a", FailureReason.PORTS)); // 99 + 2
        // UDP ports count toward the 100 too
        PortMapping udp = PortMapping.builder()
                .containerPort(53)
                .hostPort(53)
                .protocol(TransportProtocol.UDP)
                .build();
        assertThat(place(s, td(128, 128, udp), 1).allPlaced()).isTrue(); // 99 + 1
        assertThat(place(s, td(128, 128, port(80, 80), udp), 1).failures())
                .containsExactly(failure("a", FailureReason.PORTS)); // 99 + 1 + 1
    }

    private static PlacementRequest.Builder vpc(TaskDefinition td, String... subnets) {
        return PlacementRequest.builder(td)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(List.of(subnets))
                                .build())
                        .build());
    }

    @Test
    void eniLimitWithoutTrunkingIsMaxEnisLessOne() {
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a"));
        PlacementResult r = PlacementEngine.place(
                s, vpc(awsvpc(64, 64), "subnet-us-east-1a").count(3).build());
        assertThat(r.placements()).hasSize(2);
        assertThat(r.placements()).allSatisfy(p -> assertThat(p.eniSubnetId()).isEqualTo("subnet-us-east-1a"));
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.ENI));
    }

    private static ContainerInstance trunked(ContainerInstance.Builder instance) {
        List<Attribute> attrs = new ArrayList<>(instance.build().attributes());
        attrs.add(attr("ecs.awsvpc-trunk-id", "eni-0123456789abcdef0"));
        return instance.attributes(attrs).build();
    }

    @Test
    void eniTrunkingRaisesTheLimitOfInstancesWithATrunk() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .awsvpcTrunking(true)
                .addInstance(trunked(instance("a", "m5.large", "us-east-1a", 8192, 8192)))
                .build();
        PlacementResult r = PlacementEngine.place(
                s, vpc(awsvpc(64, 64), "subnet-us-east-1a").count(10).build());
        assertThat(r.allPlaced()).isTrue();
        PlacementResult eleventh = PlacementEngine.place(
                ClusterSnapshot.builder()
                        .awsvpcTrunking(true)
                        .addInstance(trunked(instance("a", "m5.large", "us-east-1a", 8192, 8192)))
                        .addTasks(List.of(
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x"),
                                Fixtures.awsvpcTask("a", "x")))
                        .build(),
                vpc(awsvpc(64, 64), "subnet-us-east-1a").count(2).build());
        assertThat(eleventh.placements()).hasSize(1);
        assertThat(eleventh.failures()).containsExactly(failure("a", FailureReason.ENI));
    }

    @Test
    void theAccountSettingAloneRaisesNoLimit() {
        // DG container-instance-eni: only instances launched after the opt-in (with a trunk) get the higher limit
        ClusterSnapshot on = ClusterSnapshot.builder()
                .awsvpcTrunking(true)
                .addInstance(instance("a", "m5.large", "us-east-1a", 8192, 8192).build())
                .build();
        PlacementResult r = PlacementEngine.place(
                on, vpc(awsvpc(64, 64), "subnet-us-east-1a").count(10).build());
        assertThat(r.placements()).hasSize(2);
        assertThat(r.failures()).hasSize(8).allMatch(f -> f.reason().equals("RESOURCE:ENI"));
    }

    @Test
    void anInstanceWithATrunkIsTrunkedWhateverTheAccountSetting() {
        // [model] EniCapacity: ecs.awsvpc-trunk-id means ECS attached a trunk, so the setting was on
        ClusterSnapshot off = cluster(instance("a", "m5.large", "us-east-1a", 8192, 8192));
        assertThat(PlacementEngine.place(
                                off,
                                vpc(awsvpc(64, 64), "subnet-us-east-1a")
                                        .count(10)
                                        .build())
                        .placements())
                .hasSize(2);
        ContainerInstance.Builder trunked = instance("a", "m5.large", "us-east-1a", 8192, 8192);
        List<Attribute> attrs = new ArrayList<>(trunked.build().attributes());
        attrs.add(attr("ecs.awsvpc-trunk-id", "eni-0123456789abcdef0"));
        ClusterSnapshot withTrunk = cluster(trunked.attributes(attrs));
        assertThat(PlacementEngine.place(
                                withTrunk,
                                vpc(awsvpc(64, 64), "subnet-us-east-1a")
                                        .count(10)
                                        .build())
                        .allPlaced())
                .isTrue();
    }

    @Test
    void unsupportedTrunkingTypeKeepsTheBaseLimit() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .awsvpcTrunking(true)
                .addInstance(trunked(instance("a", "r5.8xlarge", "us-east-1a", 8192, 8192)))
                .build();
        assertThat(PlacementEngine.place(
                                s,
                                vpc(awsvpc(64, 64), "subnet-us-east-1a")
                                        .count(10)
                                        .build())
                        .placements())
                .hasSize(7);
    }

    @Test
    void awsvpcNeedsAnInstanceInTheSubnetsAzs() {
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a"), instance("b", "m5.large", "us-east-1b"));
        PlacementResult r = PlacementEngine.place(
                s, vpc(awsvpc(64, 64), "subnet-us-east-1b").count(3).build());
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsOnly(arn("b"));
        assertThat(r.failures()).containsExactly(failure("b", FailureReason.ENI));
        PlacementResult none = PlacementEngine.place(
                cluster(instance("a", "m5.large", "us-east-1a")),
                vpc(awsvpc(64, 64), "subnet-us-east-1b").build());
        assertThat(none.failures()).containsExactly(failure("a", FailureReason.LOCATION));
        // an instance of unknown AZ is in none of the subnets' AZs
        ContainerInstance.Builder nowhere = instance("a", "m5.large", "us-east-1a");
        nowhere.attributes(nowhere.build().attributes().stream()
                .filter(a -> !a.name().equals("ecs.availability-zone"))
                .toList());
        assertThat(PlacementEngine.place(
                                cluster(nowhere),
                                vpc(awsvpc(64, 64), "subnet-us-east-1a").build())
                        .failures())
                .containsExactly(failure("a", FailureReason.LOCATION));
    }

    @Test
    void awsvpcNeedsTheTaskEniCapability() {
        ContainerInstance.Builder old = instance("a", "m5.large", "us-east-1a");
        old.attributes(old.build().attributes().stream()
                .filter(a -> !a.name().equals("ecs.capability.task-eni"))
                .toList());
        PlacementResult r = PlacementEngine.place(
                cluster(old), vpc(awsvpc(64, 64), "subnet-us-east-1a").build());
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.ATTRIBUTE));
    }

    @Test
    void closestMatchingInstanceIsTheOneThatGotFurthest() {
        ClusterSnapshot s = cluster(
                instance("a", "m5.large", "us-east-1a").agentConnected(false),
                instance("b", "m5.large", "us-east-1a", 100, 8000),
                instance("c", "m5.large", "us-east-1a", 4000, 100),
                instance("d", "m5.large", "us-east-1a", 100, 8000));
        PlacementResult r = place(s, td(512, 512), 1);
        assertThat(r.failures()).containsExactly(failure("c", FailureReason.MEMORY));
        assertThat(r.explain())
                .containsExactly("task 1 (EC2): 4 instances: 1 AGENT, 2 RESOURCE:CPU, 1 RESOURCE:MEMORY; "
                        + "reported RESOURCE:MEMORY on " + arn("c"));
    }

    @Test
    void cpuIsCheckedBeforeMemory() {
        // [model] FailureReason order: an instance short of both reports RESOURCE:CPU
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a", 100, 100));
        assertThat(place(s, td(512, 512), 1).failures()).containsExactly(failure("a", FailureReason.CPU));
        assertThat(place(s, td(64, 512), 1).failures()).containsExactly(failure("a", FailureReason.MEMORY));
    }

    @Test
    void unknownInstanceTypeHasNoKnownEniCapacity() {
        PlacementResult r = PlacementEngine.place(
                cluster(instance("a", "x9.huge", "us-east-1a")),
                vpc(awsvpc(64, 64), "subnet-us-east-1a").build());
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.ENI));
    }

    @Test
    void awsvpcInstanceInAnotherVpcLacksTheAttribute() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .subnet("subnet-x", "us-east-1a", "vpc-2")
                .addInstance(instance("a", "m5.large", "us-east-1a").build())
                .build();
        PlacementResult r =
                PlacementEngine.place(s, vpc(awsvpc(64, 64), "subnet-x").build());
        assertThat(r.failures()).containsExactly(failure("a", FailureReason.ATTRIBUTE));
        ClusterSnapshot same = ClusterSnapshot.builder()
                .subnet("subnet-x", "us-east-1a", "vpc-1")
                .addInstance(instance("a", "m5.large", "us-east-1a").build())
                .build();
        PlacementResult ok =
                PlacementEngine.place(same, vpc(awsvpc(64, 64), "subnet-x").build());
        assertThat(ok.placements()).extracting(TaskPlacement::eniSubnetId).containsExactly("subnet-x");
        // the VPC is compared only when both are known: an instance without ecs.vpc-id is not refused for it
        ContainerInstance.Builder unknownVpc = instance("a", "m5.large", "us-east-1a");
        unknownVpc.attributes(unknownVpc.build().attributes().stream()
                .filter(a -> !a.name().equals("ecs.vpc-id"))
                .toList());
        ClusterSnapshot noVpc = ClusterSnapshot.builder()
                .subnet("subnet-x", "us-east-1a", "vpc-2")
                .addInstance(unknownVpc.build())
                .build();
        assertThat(PlacementEngine.place(noVpc, vpc(awsvpc(64, 64), "subnet-x").build())
                        .placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("a"));
    }

    @Test
    void externalInstancesTakeOnlyExternalTasks() {
        ContainerInstance.Builder ext = instance("e", "m5.large", "us-east-1a");
        List<Attribute> attrs = new ArrayList<>(ext.build().attributes());
        attrs.add(Attribute.builder().name("ecs.capability.external").build());
        ext.attributes(attrs);
        ClusterSnapshot s = cluster(instance("a", "m5.large", "us-east-1a"), ext);
        assertThat(place(s, td(10, 10), 4).placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsOnly(arn("a"));
        PlacementResult external = PlacementEngine.place(
                s,
                PlacementRequest.builder(td(10, 10))
                        .count(3)
                        .launchType(io.github.berth.core.model.LaunchType.EXTERNAL)
                        .build());
        assertThat(external.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsOnly(arn("e"));
        assertThat(external.placements().get(0).launchType()).isEqualTo(io.github.berth.core.model.LaunchType.EXTERNAL);
        PlacementResult none = PlacementEngine.place(
                cluster(ext), PlacementRequest.builder(td(10, 10)).build());
        assertThat(none.failures()).containsExactly(failure(null, FailureReason.NO_ACTIVE_INSTANCES));
    }
}
