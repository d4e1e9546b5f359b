package io.github.berth.testkit.generators;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.arn.EcsArns;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.CPUArchitecture;
import io.github.berth.core.model.Cluster;
import io.github.berth.core.model.Connectivity;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.HealthStatus;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkInterface;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.RuntimePlatform;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.core.validation.TaskDefinitions;
import io.github.berth.testkit.property.Draw;
import io.github.berth.testkit.property.Gen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Clusters of EC2 container instances over 1-6 AZs with tasks already placed on them. Tasks are
 * placed only where they fit, by the same accounting the instance's remaining resources show
 * (docs/placement.md#what-a-task-reserves): CPU, memory, static TCP and UDP host ports, GPUs, ENIs for awsvpc tasks
 * (docs/placement.md#awsvpc-and-enis), the attributes the task definition requires, the operating system and architecture.
 */
final class ClusterGen {

    private static final List<String> CLUSTER_NAMES =
            List.of("default", "prod", "staging-cluster", "batch", "ecs-cluster-1", "payments_prod");

    private static final List<InstanceType> GPU_TYPES =
            ContainerInstanceGen.TYPES.stream().filter(t -> t.gpus() > 0).toList();

    private ClusterGen() {}

    static Gen<ClusterState> clusters() {
        return Draw.of(ClusterGen::cluster);
    }

    static Gen<ContainerInstance> containerInstances() {
        return Draw.of(d -> {
            ContainerInstanceGen.Site site =
                    ContainerInstanceGen.site(d, TaskDefinitionGen.name(d, CLUSTER_NAMES), d.between(1, 3));
            InstanceType type = d.pick(ContainerInstanceGen.TYPES);
            boolean windows = ContainerInstanceGen.windowsCapable(type) && d.chance(0.15);
            return ContainerInstanceGen.instance(d, site, type, windows, d.pick(site.availabilityZones()), 0)
                    .build();
        });
    }

    private static ClusterState cluster(Draw d) {
        String name = TaskDefinitionGen.name(d, CLUSTER_NAMES);
        int azCount = d.between(1, 6);
        ContainerInstanceGen.Site site = ContainerInstanceGen.site(d, name, azCount);
        EcsArns arns = site.arns();
        List<InstanceType> drawn = d.list(1, 3, 0.4, i -> d.pick(ContainerInstanceGen.TYPES));
        // About one cluster in six is (partly) a GPU cluster, so that GPU tasks find GPU instances.
        boolean gpuCluster = d.chance(0.15);
        InstanceType gpuType = d.pick(GPU_TYPES);
        List<InstanceType> palette = new ArrayList<>(drawn);
        if (gpuCluster) {
            palette.add(0, gpuType);
        }
        List<InstanceDraft> instances = d.list(1, 10, 0.7, i -> {
            InstanceType type = d.pick(palette);
            boolean windows = ContainerInstanceGen.windowsCapable(type) && d.chance(0.1);
            // The first instances cover the AZs one by one, the others land anywhere. (The pick is drawn
            // either way, so that deleting an instance while shrinking leaves the next ones' draws aligned.)
            String anywhere = d.pick(site.availabilityZones());
            String az = i < azCount ? site.availabilityZones().get(i) : anywhere;
            return ContainerInstanceGen.instance(d, site, type, windows, az, i);
        });

        List<RegisterTaskDefinitionRequest> requests = new ArrayList<>();
        List<TaskDefinition> definitions = new ArrayList<>();
        d.list(1, 4, 0.5, i -> {
            boolean windows = d.chance(0.2) && instances.stream().anyMatch(x -> x.windows);
            RegisterTaskDefinitionRequest r = d.gen(TaskDefinitionGen.forCluster(windows, site.region()));
            String family = Objects.requireNonNull(r.family()); // TaskDefinitionGen always names one
            int revision = 1
                    + (int) requests.stream()
                            .filter(x -> family.equals(x.family()))
                            .count();
            requests.add(r);
            definitions.add(TaskDefinitions.registered(
                    r,
                    arns.taskDefinition(family, revision),
                    revision,
                    site.epoch().minusSeconds(86_400L * d.between(1, 365)),
                    Fixtures.role("deployer")));
            return r;
        });

        List<Task> tasks = new ArrayList<>();
        d.list(0, Math.min(30, 4 * instances.size()), 0.92, i -> {
            int which = d.between(0, requests.size() - 1);
            int start = d.between(0, instances.size() - 1);
            boolean pending = d.chance(0.15);
            for (int k = 0; k < instances.size(); k++) {
                InstanceDraft x = instances.get((start + k) % instances.size());
                if (fits(x, requests.get(which), definitions.get(which))) {
                    tasks.add(place(d, site, x, requests.get(which), definitions.get(which), pending));
                    return true;
                }
            }
            return false; // nowhere to put it: the cluster is full for this definition
        });

        List<ContainerInstance> built =
                instances.stream().map(InstanceDraft::build).toList();
        Set<String> azs = new LinkedHashSet<>();
        instances.forEach(x -> azs.add(x.availabilityZone));
        Cluster cluster = Cluster.builder()
                .clusterArn(arns.cluster(name))
                .clusterName(name)
                .status("ACTIVE")
                .registeredContainerInstancesCount((int) instances.stream()
                        .filter(x -> !x.status.equals("INACTIVE"))
                        .count())
                .runningTasksCount((int) tasks.stream()
                        .filter(t -> "RUNNING".equals(t.lastStatus()))
                        .count())
                .pendingTasksCount((int) tasks.stream()
                        .filter(t -> "PENDING".equals(t.lastStatus()))
                        .count())
                .activeServicesCount(0)
                .build();
        return new ClusterState(cluster, List.copyOf(azs), built, definitions, tasks);
    }

    /** Whether one more task of {@code td} fits on the instance now. */
    static boolean fits(InstanceDraft x, RegisterTaskDefinitionRequest r, TaskDefinition td) {
        if (!x.hostsTasks()) {
            return false;
        }
        RuntimePlatform platform = r.runtimePlatform();
        boolean windows = platform != null
                && platform.operatingSystemFamily() != null
                && !OSFamily.LINUX.equals(platform.operatingSystemFamily());
        if (windows != x.windows) {
            return false;
        }
        if (platform != null && platform.cpuArchitecture() != null) {
            String wanted = CPUArchitecture.ARM64.equals(platform.cpuArchitecture()) ? "arm64" : "x86_64";
            if (!wanted.equals(x.type.architecture())) {
                return false;
            }
        }
        for (Attribute a : Registration.nonNull(td.requiresAttributes())) {
            if (!x.attributeNames.contains(a.name())) {
                return false;
            }
        }
        Reservation need = Reservation.of(r);
        if (need.cpu() > x.cpuLeft || need.memory() > x.memoryLeft || need.gpus() > x.gpusFree.size()) {
            return false;
        }
        if (need.eni() && x.awsvpcTasks >= x.awsvpcTaskLimit()) {
            return false;
        }
        return need.tcpPorts().stream().noneMatch(x.tcpInUse::contains)
                && need.udpPorts().stream().noneMatch(x.udpInUse::contains);
    }

    /** Places one task of {@code td} on the instance: reserves what it needs and describes it as DescribeTasks would. */
    private static Task place(
            Draw d,
            ContainerInstanceGen.Site site,
            InstanceDraft x,
            RegisterTaskDefinitionRequest r,
            TaskDefinition td,
            boolean pending) {
        Reservation need = Reservation.of(r);
        x.cpuLeft -= need.cpu();
        x.memoryLeft -= need.memory();
        x.tcpInUse.addAll(need.tcpPorts());
        x.udpInUse.addAll(need.udpPorts());
        if (need.eni()) {
            x.awsvpcTasks++;
        }
        if (pending) {
            x.pendingTasks++;
        } else {
            x.runningTasks++;
        }
        EcsArns arns = site.arns();
        // The instance's id and its task count make task ids unique whatever the random digits are.
        String instanceId = x.arn.substring(x.arn.length() - 8);
        String taskId = d.hex(20) + instanceId + String.format("%04x", x.runningTasks + x.pendingTasks);
        String taskArn = arns.task(site.clusterName(), taskId);
        String status = pending ? "PENDING" : "RUNNING";
        Instant created = x.registeredAt.plusSeconds(d.between(60, 86_400 * 7));
        boolean awsvpc = NetworkMode.AWSVPC.equals(r.networkMode());
        String privateIp = "10.0." + d.between(0, 255) + "." + d.between(1, 254);
        String attachmentId = uuid(d);

        List<Container> containers = new ArrayList<>();
        for (ContainerDefinition c : Registration.nonNull(r.containerDefinitions())) {
            Container.Builder b = Container.builder()
                    .containerArn(arns.container(site.clusterName(), taskId, uuid(d)))
                    .taskArn(taskArn)
                    .name(c.name())
                    .image(c.image())
                    .lastStatus(status)
                    .healthStatus(
                            c.healthCheck() == null
                                    ? HealthStatus.UNKNOWN
                                    : pending ? HealthStatus.UNKNOWN : HealthStatus.HEALTHY)
                    .cpu(Integer.toString(c.cpu() == null ? 0 : c.cpu()));
            if (c.memory() != null) {
                b.memory(c.memory().toString());
            }
            if (c.memoryReservation() != null) {
                b.memoryReservation(c.memoryReservation().toString());
            }
            int gpus = 0;
            for (ResourceRequirement req : Registration.nonNull(c.resourceRequirements())) {
                if (ResourceType.GPU.equals(req.type())) {
                    gpus += Integer.parseInt(req.value());
                }
            }
            if (gpus > 0) {
                List<String> ids = new ArrayList<>(x.gpusFree.subList(0, gpus));
                x.gpusFree
                        .subList(0, gpus)
                        .clear(); // ECS pins particular GPUs to the container (docs/placement.md#what-a-task-reserves)
                b.gpuIds(ids);
            }
            if (awsvpc) {
                b.networkInterfaces(List.of(NetworkInterface.builder()
                        .attachmentId(attachmentId)
                        .privateIpv4Address(privateIp)
                        .build()));
            } else if (!pending) {
                b.networkBindings(bindings(x, r.networkMode(), c));
            }
            containers.add(b.build());
        }

        Task.Builder t = Task.builder()
                .taskArn(taskArn)
                .clusterArn(arns.cluster(site.clusterName()))
                .containerInstanceArn(x.arn)
                .taskDefinitionArn(td.taskDefinitionArn())
                .group("family:" + r.family()) // a standalone task's default group (docs/placement.md#task-groups)
                .launchType(LaunchType.EC2)
                .lastStatus(status)
                .desiredStatus("RUNNING")
                .availabilityZone(x.availabilityZone)
                .attributes(List.of(Attribute.builder()
                        .name("ecs.cpu-architecture")
                        .value(x.type.architecture())
                        .build()))
                .containers(containers)
                .connectivity(Connectivity.CONNECTED)
                .connectivityAt(created.plusSeconds(1))
                .createdAt(created)
                .version(pending ? 1L : 2L)
                .healthStatus(HealthStatus.UNKNOWN);
        if (r.cpu() != null) {
            t.cpu(r.cpu());
        }
        if (r.memory() != null) {
            t.memory(r.memory());
        }
        if (!pending) {
            t.pullStartedAt(created.plusSeconds(2))
                    .pullStoppedAt(created.plusSeconds(5))
                    .startedAt(created.plusSeconds(6));
        }
        if (awsvpc) {
            t.attachments(List.of(Attachment.builder()
                    .id(attachmentId)
                    .type("ElasticNetworkInterface")
                    .status("ATTACHED")
                    .details(List.of(
                            kv("subnetId", site.subnet(x.availabilityZone)),
                            kv("networkInterfaceId", "eni-" + d.hex(17)),
                            kv("macAddress", mac(d)),
                            kv("privateIPv4Address", privateIp)))
                    .build()));
        }
        return t.build();
    }

    /** The host ports a running container is bound to: static as mapped, dynamic from the ephemeral range (docs/placement.md#host-ports). */
    private static List<NetworkBinding> bindings(InstanceDraft x, @Nullable NetworkMode mode, ContainerDefinition c) {
        List<NetworkBinding> out = new ArrayList<>();
        for (PortMapping m : Registration.nonNull(c.portMappings())) {
            TransportProtocol protocol = m.protocol() == null ? TransportProtocol.TCP : m.protocol();
            NetworkBinding.Builder b =
                    NetworkBinding.builder().bindIP("0.0.0.0").protocol(protocol);
            if (m.containerPortRange() != null) {
                String[] ends = m.containerPortRange().split("-");
                int size = Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]);
                int first = dynamicPorts(x, size + 1);
                out.add(b.containerPortRange(m.containerPortRange())
                        .hostPortRange(first + "-" + (first + size))
                        .build());
                continue;
            }
            Integer host = Reservation.staticHostPort(mode, m);
            out.add(b.containerPort(m.containerPort())
                    .hostPort(host != null ? host : dynamicPorts(x, 1))
                    .build());
        }
        return out;
    }

    private static int dynamicPorts(InstanceDraft x, int count) {
        int first = x.nextDynamicPort;
        x.nextDynamicPort += count;
        return first;
    }

    private static KeyValuePair kv(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }

    private static String uuid(Draw d) {
        return d.hex(8) + "-" + d.hex(4) + "-4" + d.hex(3) + "-" + d.pick("8", "9", "a", "b") + d.hex(3) + "-"
                + d.hex(12);
    }

    private static String mac(Draw d) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(i == 0 ? "" : ":").append(d.hex(2));
        }
        return sb.toString();
    }
}
