package io.github.berth.testkit.generators.internal;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.EcsArns;
import io.github.berth.core.arn.Ids;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Not API: the placement scenarios of the benchmarks, public only for the benchmarks module and
 * the tests that check them against the reference placer. Built deterministically from a seed so that
 * benchmarks and tests place the very same clusters: up to 5,000 container instances (ECS's
 * per-cluster maximum) of mixed m5, c5 and r5 types ({@code large}, {@code xlarge},
 * {@code 2xlarge}, in equal numbers) over three AZs.
 */
public final class PlacementScenarios {

    /** ECS's maximum of container instances per cluster. */
    public static final int MAX_INSTANCES = 5000;

    private static final String[] TYPES = {
        "m5.large",
        "m5.xlarge",
        "m5.2xlarge",
        "c5.large",
        "c5.xlarge",
        "c5.2xlarge",
        "r5.large",
        "r5.xlarge",
        "r5.2xlarge"
    };
    private static final String[] AZS = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final EcsArns ARNS = EcsArns.of("us-east-1", "123456789012");
    private static final String CLUSTER = "bench";

    private PlacementScenarios() {}

    /**
     * {@code n} instances: instance {@code k} (before a seeded shuffle of the order) has type
     * {@code TYPES[k % 9]} and AZ {@code AZS[(k / 9) % 3]}, all resources free, the agent's default
     * reserved ports, and the attributes ECS and the agent set (type, AZ, subnet, VPC, AMI, OS, CPU
     * architecture, task ENI and Docker capabilities).
     */
    public static List<ContainerInstance> instances(int n, long seed) {
        return instances(n, seed, false);
    }

    /**
     * The instances of {@link #instances(int, long)}; with {@code trunked}, those of types that support
     * ENI trunking carry the trunk interface ({@code ecs.awsvpc-trunk-id}) that instances launched after
     * the {@code awsvpcTrunking} opt-in have.
     */
    public static List<ContainerInstance> instances(int n, long seed, boolean trunked) {
        Ids ids = new Ids(seed);
        List<ContainerInstance> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            InstanceType type = InstanceTypes.find(TYPES[k % TYPES.length]).orElseThrow();
            String az = AZS[(k / TYPES.length) % AZS.length];
            List<Attribute> attrs = new ArrayList<>(List.of(
                    attr("ecs.instance-type", type.name()),
                    attr("ecs.availability-zone", az),
                    attr("ecs.subnet-id", "subnet-" + az),
                    attr("ecs.vpc-id", "vpc-bench"),
                    attr("ecs.ami-id", "ami-0bench"),
                    attr("ecs.os-type", "linux"),
                    attr("ecs.os-family", "LINUX"),
                    attr("ecs.cpu-architecture", type.architecture()),
                    Attribute.builder().name("ecs.capability.task-eni").build(),
                    Attribute.builder().name("ecs.capability.task-eni-trunking").build(),
                    Attribute.builder()
                            .name("com.amazonaws.ecs.capability.docker-remote-api.1.32")
                            .build(),
                    Attribute.builder()
                            .name("com.amazonaws.ecs.capability.logging-driver.awslogs")
                            .build()));
            if (trunked && type.supportsTrunking()) {
                attrs.add(attr("ecs.awsvpc-trunk-id", "eni-" + String.format("%017x", k)));
            }
            List<Resource> resources = List.of(
                    Resource.builder()
                            .name("CPU")
                            .type("INTEGER")
                            .integerValue(type.registeredCpu())
                            .build(),
                    Resource.builder()
                            .name("MEMORY")
                            .type("INTEGER")
                            .integerValue(type.registeredMemoryMiB())
                            .build(),
                    Resource.builder()
                            .name("PORTS")
                            .type("STRINGSET")
                            .stringSetValue(List.of("22", "2375", "2376", "51678", "51679"))
                            .build(),
                    Resource.builder()
                            .name("PORTS_UDP")
                            .type("STRINGSET")
                            .stringSetValue(List.of())
                            .build());
            String id = ids.containerInstanceId();
            out.add(ContainerInstance.builder()
                    .containerInstanceArn(ARNS.containerInstance(CLUSTER, id))
                    .ec2InstanceId("i-" + id.substring(0, 17))
                    .status("ACTIVE")
                    .agentConnected(true)
                    .runningTasksCount(0)
                    .pendingTasksCount(0)
                    .attributes(attrs)
                    .registeredResources(resources)
                    .remainingResources(resources)
                    .build());
        }
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /**
     * A snapshot of {@code n} instances without tasks; with {@code awsvpcTrunking}, the account setting is
     * on and the instances were launched after the opt-in, so those whose type supports it have a trunk.
     */
    public static ClusterSnapshot cluster(int n, long seed, boolean awsvpcTrunking) {
        return ClusterSnapshot.builder()
                .awsvpcTrunking(awsvpcTrunking)
                .addInstances(instances(n, seed, awsvpcTrunking))
                .build();
    }

    /**
     * A snapshot of {@code n} instances running {@code taskCount} bridge tasks of
     * {@link #bridgeTask()} (one dynamic port each), dealt round the instances, in 50 services; the
     * instances' remaining resources account for them. For measuring what a snapshot retains.
     */
    public static ClusterSnapshot clusterWithTasks(int n, int taskCount, long seed) {
        List<ContainerInstance> instances = new ArrayList<>(instances(n, seed));
        Ids ids = new Ids(seed + 1);
        int[] perInstance = new int[n];
        List<Task> tasks = new ArrayList<>(taskCount);
        for (int t = 0; t < taskCount; t++) {
            int i = t % n;
            int port = 49153 + perInstance[i]++;
            String taskId = ids.taskId();
            String group = "service:svc-" + (t % 50);
            tasks.add(Task.builder()
                    .taskArn(ARNS.task(CLUSTER, taskId))
                    .clusterArn(ARNS.cluster(CLUSTER))
                    .taskDefinitionArn(ARNS.taskDefinition("web", 1))
                    .containerInstanceArn(instances.get(i).containerInstanceArn())
                    .group(group)
                    .startedBy("ecs-svc/1234567890123456789")
                    .lastStatus("RUNNING")
                    .desiredStatus("RUNNING")
                    .cpu("256")
                    .memory("512")
                    .availabilityZone(attribute(instances.get(i), "ecs.availability-zone"))
                    .containers(List.of(Container.builder()
                            .containerArn(ARNS.container(CLUSTER, taskId, ids.uuid()))
                            .name("app")
                            .lastStatus("RUNNING")
                            .networkBindings(List.of(NetworkBinding.builder()
                                    .bindIP("0.0.0.0")
                                    .containerPort(8080)
                                    .hostPort(port)
                                    .protocol(TransportProtocol.TCP)
                                    .build()))
                            .build()))
                    .build());
        }
        for (int i = 0; i < n; i++) {
            ContainerInstance ci = instances.get(i);
            // instances() gives every instance its remaining CPU and MEMORY as integers, in that order.
            List<Resource> before = Objects.requireNonNull(ci.remainingResources());
            int cpu = Objects.requireNonNull(before.get(0).integerValue()) - 256 * perInstance[i];
            int memory = Objects.requireNonNull(before.get(1).integerValue()) - 512 * perInstance[i];
            List<Resource> remaining = new ArrayList<>(before);
            remaining.set(0, remaining.get(0).toBuilder().integerValue(cpu).build());
            remaining.set(1, remaining.get(1).toBuilder().integerValue(memory).build());
            instances.set(
                    i,
                    ci.toBuilder()
                            .remainingResources(remaining)
                            .runningTasksCount(perInstance[i])
                            .build());
        }
        return ClusterSnapshot.of(instances, tasks);
    }

    /** The task of scenarios 1 and 2: 256 CPU, 512 MiB, bridge, one dynamic host port. */
    public static TaskDefinition bridgeTask() {
        return TaskDefinition.builder()
                .family("web")
                .networkMode(NetworkMode.BRIDGE)
                .addContainerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image("nginx")
                        .cpu(256)
                        .memory(512)
                        .portMappings(List.of(PortMapping.builder()
                                .containerPort(8080)
                                .hostPort(0)
                                .protocol(TransportProtocol.TCP)
                                .build()))
                        .build())
                .build();
    }

    /** The task of scenario 3: awsvpc, 64 CPU, 128 MiB, so that ENIs are what runs out. */
    public static TaskDefinition awsvpcTask() {
        return TaskDefinition.builder()
                .family("vpc")
                .networkMode(NetworkMode.AWSVPC)
                .addContainerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image("nginx")
                        .cpu(64)
                        .memory(128)
                        .portMappings(List.of(
                                PortMapping.builder().containerPort(8080).build()))
                        .build())
                .build();
    }

    /** Scenario 1: a service of {@code count} tasks, spread over AZs, then over instances. */
    public static PlacementRequest scenario1(int count) {
        return PlacementRequest.builder(bridgeTask())
                .service("web")
                .count(count)
                .addPlacementStrategy(strategy(PlacementStrategyType.SPREAD, "attribute:ecs.availability-zone"))
                .addPlacementStrategy(strategy(PlacementStrategyType.SPREAD, "instanceId"))
                .seed(1)
                .build();
    }

    /** Scenario 2: spread over AZs, then bin pack on memory, on m5 instances only. */
    public static PlacementRequest scenario2(int count) {
        return PlacementRequest.builder(bridgeTask())
                .service("web")
                .count(count)
                .addPlacementStrategy(strategy(PlacementStrategyType.SPREAD, "attribute:ecs.availability-zone"))
                .addPlacementStrategy(strategy(PlacementStrategyType.BINPACK, "memory"))
                .addPlacementConstraint(PlacementConstraint.builder()
                        .type(PlacementConstraintType.MEMBER_OF)
                        .expression("attribute:ecs.instance-type =~ m5.*")
                        .build())
                .seed(2)
                .build();
    }

    /** Scenario 3: {@code count} awsvpc tasks over the three AZs' subnets, default service strategy. */
    public static PlacementRequest scenario3(int count) {
        return PlacementRequest.builder(awsvpcTask())
                .service("vpc")
                .count(count)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(List.of("subnet-us-east-1a", "subnet-us-east-1b", "subnet-us-east-1c"))
                                .build())
                        .build())
                .seed(3)
                .build();
    }

    /** How many awsvpc tasks the instances of {@link #instances} hold, with or without trunking. */
    public static int awsvpcCapacity(int n, boolean trunking) {
        int total = 0;
        for (int k = 0; k < n; k++) {
            total += InstanceTypes.find(TYPES[k % TYPES.length]).orElseThrow().awsvpcTaskLimit(trunking);
        }
        return total;
    }

    /** The same bin-packing request as Fenzo's cpuMemBinPacker makes: binpack cpu, then memory. */
    public static PlacementRequest binpackCpuMemory(int count) {
        return PlacementRequest.builder(bridgeTask())
                .service("web")
                .count(count)
                .addPlacementStrategy(strategy(PlacementStrategyType.BINPACK, "cpu"))
                .addPlacementStrategy(strategy(PlacementStrategyType.BINPACK, "memory"))
                .seed(4)
                .build();
    }

    private static PlacementStrategy strategy(PlacementStrategyType type, String field) {
        return PlacementStrategy.builder().type(type).field(field).build();
    }

    private static Attribute attr(String name, String value) {
        return Attribute.builder().name(name).value(value).build();
    }

    private static @Nullable String attribute(ContainerInstance ci, String name) {
        for (Attribute a : ci.attributes() == null ? List.<Attribute>of() : ci.attributes()) {
            if (name.equals(a.name())) {
                return a.value();
            }
        }
        return null;
    }
}
