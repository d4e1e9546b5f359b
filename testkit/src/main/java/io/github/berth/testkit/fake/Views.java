package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Connectivity;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.HealthStatus;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Model values (what Describe* answers) made from the fake's records. */
final class Views {

    private Views() {}

    static Task task(Engine e, TaskRec t, boolean withTags) {
        List<Container> containers = new ArrayList<>(t.containers.size());
        for (ContainerRec c : t.containers) {
            containers.add(Container.builder()
                    .containerArn(c.arn)
                    .taskArn(t.arn)
                    .name(c.name)
                    .image(c.image)
                    .runtimeId(c.runtimeId)
                    .lastStatus(c.lastStatus)
                    .exitCode(c.exitCode)
                    .reason(c.reason)
                    .networkBindings(c.networkBindings.isEmpty() ? (t.holdsEni ? null : List.of()) : c.networkBindings)
                    .networkInterfaces(
                            c.networkInterfaces.isEmpty() ? (t.holdsEni ? null : List.of()) : c.networkInterfaces)
                    .healthStatus(c.health == null ? null : HealthStatus.fromValue(c.health))
                    .cpu(c.cpu)
                    .memory(c.memory)
                    .memoryReservation(c.memoryReservation)
                    .gpuIds(c.gpuIds.isEmpty() ? null : c.gpuIds)
                    .build());
        }
        ClusterRec cluster = cluster(e, t.cluster);
        InstanceRec inst = t.instanceId == null ? null : cluster.instances.get(t.instanceId);
        return Task.builder()
                .attachments(t.attachments.isEmpty() ? List.of() : t.attachments)
                .attributes(attributesOf(t, inst))
                .availabilityZone(t.availabilityZone)
                .capacityProviderName(t.capacityProviderName)
                .clusterArn(cluster == null ? e.arns.cluster(t.cluster) : cluster.arn)
                .connectivity(t.connectivityAt == null ? null : Connectivity.CONNECTED)
                .connectivityAt(t.connectivityAt)
                .containerInstanceArn(inst == null ? null : inst.arn)
                .containers(containers)
                .cpu(t.cpu)
                .createdAt(t.createdAt)
                .desiredStatus(t.desiredStatus)
                .enableExecuteCommand(t.enableExecuteCommand)
                .executionStoppedAt(t.executionStoppedAt)
                .group(t.group)
                .healthStatus(HealthStatus.fromValue(t.health))
                .lastStatus(t.lastStatus)
                .launchType(t.launchType)
                .memory(t.memory)
                .overrides(t.overrides)
                .platformVersion(t.platformVersion)
                .platformFamily(t.platformFamily)
                .pullStartedAt(t.pullStartedAt)
                .pullStoppedAt(t.pullStoppedAt)
                .startedAt(t.startedAt)
                .startedBy(t.startedBy)
                .stopCode(t.stopCode)
                .stoppedAt(t.stoppedAt)
                .stoppedReason(t.stoppedReason)
                .stoppingAt(t.stoppingAt)
                .tags(withTags ? List.copyOf(t.tags) : null)
                .taskArn(t.arn)
                .taskDefinitionArn(t.taskDefinitionArn)
                .version(t.version)
                .build();
    }

    private static final List<Attribute> X86_64 = architecture("x86_64");
    private static final List<Attribute> ARM64 = architecture("arm64");

    private static List<Attribute> attributesOf(TaskRec t, @Nullable InstanceRec inst) {
        // [obs] Tasks report the CPU architecture they run on as an attribute.
        Attribute a = inst == null ? null : inst.attributes.get("ecs.cpu-architecture");
        String arch = a == null ? "x86_64" : a.value();
        return "x86_64".equals(arch) ? X86_64 : "arm64".equals(arch) ? ARM64 : architecture(arch);
    }

    private static List<Attribute> architecture(@Nullable String arch) {
        return List.of(
                Attribute.builder().name("ecs.cpu-architecture").value(arch).build());
    }

    /** The cluster of a task or instance: clusters stay in the engine's map (DeleteCluster marks them INACTIVE). */
    private static ClusterRec cluster(Engine e, String name) {
        return Objects.requireNonNull(e.clusters.get(name), name);
    }

    static ContainerInstance instance(Engine e, InstanceRec i, boolean withTags) {
        int running = 0;
        int pending = 0;
        ClusterRec c = cluster(e, i.cluster);
        for (String id : i.taskIds) {
            TaskRec t = c.tasks.get(id);
            if (t == null || !"RUNNING".equals(t.desiredStatus)) {
                continue;
            }
            if ("RUNNING".equals(t.lastStatus)) {
                running++;
            } else if (!t.stopped()) {
                pending++;
            }
        }
        List<Resource> registered = new ArrayList<>();
        registered.add(intResource("CPU", i.registeredCpu));
        registered.add(intResource("MEMORY", i.registeredMemory));
        registered.add(setResource("PORTS", i.reservedTcp));
        registered.add(setResource("PORTS_UDP", i.reservedUdp));
        if (!i.gpuIds.isEmpty()) {
            registered.add(setResource("GPU", i.gpuIds));
        }
        List<Resource> remaining = new ArrayList<>();
        remaining.add(intResource("CPU", i.registeredCpu - i.usedCpu));
        remaining.add(intResource("MEMORY", i.registeredMemory - i.usedMemory));
        List<String> tcp = new ArrayList<>(i.reservedTcp);
        tcp.addAll(i.usedTcp);
        List<String> udp = new ArrayList<>(i.reservedUdp);
        udp.addAll(i.usedUdp);
        remaining.add(setResource("PORTS", tcp));
        remaining.add(setResource("PORTS_UDP", udp));
        if (!i.gpuIds.isEmpty()) {
            List<String> free = new ArrayList<>(i.gpuIds);
            free.removeAll(i.usedGpuIds);
            remaining.add(setResource("GPU", free));
        }
        return ContainerInstance.builder()
                .containerInstanceArn(i.arn)
                .ec2InstanceId(i.ec2InstanceId)
                .capacityProviderName(i.capacityProviderName)
                .version(i.version)
                .versionInfo(i.versionInfo)
                .remainingResources(remaining)
                .registeredResources(registered)
                .status(i.status)
                .statusReason(i.statusReason)
                .agentConnected(i.agentConnected)
                .runningTasksCount(running)
                .pendingTasksCount(pending)
                .attributes(List.copyOf(i.attributes.values()))
                .registeredAt(i.registeredAt)
                .attachments(List.copyOf(i.attachments))
                .tags(withTags ? List.copyOf(i.tags) : null)
                .build();
    }

    static Resource intResource(String name, int value) {
        return Resource.builder()
                .name(name)
                .type("INTEGER")
                .doubleValue(0.0)
                .longValue(0L)
                .integerValue(value)
                .build();
    }

    static Resource setResource(String name, List<String> values) {
        return Resource.builder()
                .name(name)
                .type("STRINGSET")
                .doubleValue(0.0)
                .longValue(0L)
                .integerValue(0)
                .stringSetValue(List.copyOf(values))
                .build();
    }

    static List<Attachment> none() {
        return List.of();
    }
}
