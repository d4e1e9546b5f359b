package io.github.berth.testkit.generators;

import io.github.berth.core.Nullable;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.model.AgentUpdateStatus;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.VersionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A container instance being built: what the agent registered and what tasks have reserved since,
 * so that {@code remainingResources} is always {@code registeredResources} less the tasks on it.
 */
final class InstanceDraft {

    final InstanceType type;
    final boolean windows;
    final String availabilityZone;
    final String status;
    final boolean agentConnected;
    final boolean trunking;
    final String arn;
    final String ec2InstanceId;
    final Instant registeredAt;
    final List<Attribute> attributes;
    final Set<String> attributeNames = new LinkedHashSet<>();
    final int registeredCpu;
    final int registeredMemory;
    final List<String> reservedTcp;
    final List<String> gpuIds;

    private final long version;
    private final VersionInfo versionInfo;
    private final @Nullable AgentUpdateStatus agentUpdateStatus;
    private final @Nullable String statusReason;

    int cpuLeft;
    int memoryLeft;
    final TreeSet<Integer> tcpInUse = new TreeSet<>();
    final TreeSet<Integer> udpInUse = new TreeSet<>();
    final List<String> gpusFree;
    int awsvpcTasks;
    int runningTasks;
    int pendingTasks;
    /** The next host port the agent hands out for a dynamic mapping (the Linux default ephemeral range, docs/placement.md#host-ports). */
    int nextDynamicPort = 49153;

    InstanceDraft(
            InstanceType type,
            boolean windows,
            String availabilityZone,
            String status,
            boolean agentConnected,
            boolean trunking,
            String arn,
            String ec2InstanceId,
            Instant registeredAt,
            List<Attribute> attributes,
            List<String> gpuIds,
            long version,
            VersionInfo versionInfo,
            @Nullable AgentUpdateStatus agentUpdateStatus,
            @Nullable String statusReason) {
        this.type = type;
        this.windows = windows;
        this.availabilityZone = availabilityZone;
        this.status = status;
        this.agentConnected = agentConnected;
        this.trunking = trunking;
        this.arn = arn;
        this.ec2InstanceId = ec2InstanceId;
        this.registeredAt = registeredAt;
        this.attributes = attributes;
        attributes.forEach(a -> attributeNames.add(a.name()));
        this.registeredCpu = type.registeredCpu();
        this.registeredMemory = type.registeredMemoryMiB();
        this.reservedTcp = windows ? Fixtures.WINDOWS_RESERVED_PORTS : Fixtures.LINUX_RESERVED_PORTS;
        this.gpuIds = gpuIds;
        this.version = version;
        this.versionInfo = versionInfo;
        this.agentUpdateStatus = agentUpdateStatus;
        this.statusReason = statusReason;
        this.cpuLeft = registeredCpu;
        this.memoryLeft = registeredMemory;
        this.gpusFree = new ArrayList<>(gpuIds);
        reservedTcp.forEach(p -> tcpInUse.add(Integer.parseInt(p)));
    }

    /** Whether tasks can be on this instance at all: ACTIVE, or DRAINING with tasks from before. */
    boolean hostsTasks() {
        return status.equals("ACTIVE") || status.equals("DRAINING");
    }

    /** The awsvpc task limit: one ENI per task, the primary one excluded; more with trunking (docs/placement.md#awsvpc-and-enis, docs/placement.md#eni-trunking). */
    int awsvpcTaskLimit() {
        return type.awsvpcTaskLimit(trunking);
    }

    ContainerInstance build() {
        List<Resource> registered = List.of(
                integer("CPU", registeredCpu), integer("MEMORY", registeredMemory),
                stringSet("PORTS", reservedTcp), stringSet("PORTS_UDP", List.of()));
        List<Resource> remaining = List.of(
                integer("CPU", cpuLeft),
                integer("MEMORY", memoryLeft),
                stringSet("PORTS", tcpInUse.stream().map(String::valueOf).toList()),
                stringSet("PORTS_UDP", udpInUse.stream().map(String::valueOf).toList()));
        if (!gpuIds.isEmpty()) {
            // [unsure, docs/placement.md#what-the-agent-registers] the agent tracks GPUs as a STRINGSET of device ids;
            // listed here as such.
            registered = append(registered, stringSet("GPU", gpuIds));
            remaining = append(remaining, stringSet("GPU", gpusFree));
        }
        return ContainerInstance.builder()
                .containerInstanceArn(arn)
                .ec2InstanceId(ec2InstanceId)
                .version(version)
                .versionInfo(versionInfo)
                .registeredResources(registered)
                .remainingResources(remaining)
                .status(status)
                .statusReason(statusReason)
                .agentConnected(agentConnected)
                .runningTasksCount(runningTasks)
                .pendingTasksCount(pendingTasks)
                .agentUpdateStatus(agentUpdateStatus)
                .attributes(attributes)
                .registeredAt(registeredAt)
                .build();
    }

    private static List<Resource> append(List<Resource> list, Resource r) {
        List<Resource> out = new ArrayList<>(list);
        out.add(r);
        return out;
    }

    // DescribeContainerInstances shows every value member, the unused ones as 0 (the API model's
    // DescribeContainerInstances example).
    static Resource integer(String name, int value) {
        return Resource.builder()
                .name(name)
                .type("INTEGER")
                .doubleValue(0.0)
                .longValue(0L)
                .integerValue(value)
                .build();
    }

    static Resource stringSet(String name, List<String> values) {
        return Resource.builder()
                .name(name)
                .type("STRINGSET")
                .doubleValue(0.0)
                .longValue(0L)
                .integerValue(0)
                .stringSetValue(values)
                .build();
    }
}
