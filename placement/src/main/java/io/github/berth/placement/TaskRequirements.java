package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerOverride;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskOverride;
import io.github.berth.core.model.TransportProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one task of a request reserves on an instance, as the agent accounts it (docs/placement.md#what-a-task-reserves):
 * CPU (task level, else the sum of containers), memory (task level, else per container the
 * reservation, else the hard limit), GPUs, static host ports per protocol, one ENI for awsvpc; and
 * the attributes an instance must carry.
 */
final class TaskRequirements {

    /** One port mapping of a container, as placement needs it. */
    record PortSpec(int containerPort, int hostPort, boolean udp, int @Nullable [] containerRange) {
        boolean dynamic() {
            return hostPort == 0;
        }
    }

    /** The port mappings of one container. */
    record ContainerPorts(String name, List<PortSpec> ports) {}

    final int cpu;
    final int memory;
    final int gpus;
    /** GPU value {@code ALL}: every GPU of the instance, which must all be free. */
    final boolean allGpus;

    final boolean awsvpc;
    final NetworkMode networkMode;
    final int[] staticTcp;
    final int[] staticUdp;
    /** Two mappings of the task ask for the same static host port: it fits nowhere. */
    final boolean tcpSelfConflict;

    final boolean udpSelfConflict;
    final boolean hasDynamicPorts;
    final List<ContainerPorts> containers;
    final List<Attribute> requiredAttributes;

    /** The capability an instance needs for awsvpc tasks (docs/placement.md#awsvpc-and-enis). */
    static final String TASK_ENI = "ecs.capability.task-eni";

    /** The amounts a task takes: CPU units, MiB of memory, GPUs ({@code allGpus}: every GPU of the instance). */
    private record Amounts(int cpu, int memory, int gpus, boolean allGpus) {}

    /** The static host ports of one protocol, distinct and sorted, and whether two mappings ask for the same one. */
    private record StaticPorts(int[] ports, boolean selfConflict) {
        static StaticPorts of(List<Integer> hostPorts) {
            int[] sorted = sorted(hostPorts);
            int[] distinct = distinct(sorted);
            return new StaticPorts(distinct, distinct.length != sorted.length);
        }
    }

    /** The ports of a task: static per protocol, whether any is dynamic, and every mapping by container. */
    private record Ports(StaticPorts tcp, StaticPorts udp, boolean dynamic, List<ContainerPorts> containers) {}

    private TaskRequirements(Amounts amounts, NetworkMode mode, Ports ports, List<Attribute> attrs) {
        this.cpu = amounts.cpu();
        this.memory = amounts.memory();
        this.gpus = amounts.gpus();
        this.allGpus = amounts.allGpus();
        this.networkMode = mode;
        this.awsvpc = NetworkMode.AWSVPC.equals(mode);
        this.staticTcp = ports.tcp().ports();
        this.staticUdp = ports.udp().ports();
        this.tcpSelfConflict = ports.tcp().selfConflict();
        this.udpSelfConflict = ports.udp().selfConflict();
        this.hasDynamicPorts = ports.dynamic();
        this.containers = ports.containers();
        this.requiredAttributes = attrs;
    }

    static TaskRequirements of(TaskDefinition td, @Nullable TaskOverride overrides) {
        List<ContainerDefinition> defs = td.containerDefinitions() == null ? List.of() : td.containerDefinitions();
        Map<String, ContainerOverride> byName = new HashMap<>();
        if (overrides != null && overrides.containerOverrides() != null) {
            for (ContainerOverride o : overrides.containerOverrides()) {
                boolean known =
                        defs.stream().anyMatch(c -> c.name() != null && c.name().equals(o.name()));
                if (!known) {
                    // [obs] docs/placement.md#errors-instead-of-failures
                    throw new InvalidParameterException(
                            "Override for container named " + o.name() + " is not a container in the TaskDefinition.");
                }
                byName.put(o.name(), o);
            }
        }
        String taskCpu = overrides != null && TaskResources.given(overrides.cpu()) ? overrides.cpu() : td.cpu();
        String taskMemory =
                overrides != null && TaskResources.given(overrides.memory()) ? overrides.memory() : td.memory();
        // Sums in long: container values up to Integer.MAX_VALUE must not wrap round to a small task.
        long cpu = TaskResources.units(taskCpu, false);
        long memory = TaskResources.units(taskMemory, true);
        boolean sumCpu = cpu <= 0;
        boolean sumMemory = !TaskResources.given(taskMemory);
        if (sumCpu) {
            cpu = 0;
        }
        long gpus = 0;
        boolean allGpus = false;
        NetworkMode mode = td.networkMode() == null ? NetworkMode.BRIDGE : td.networkMode();
        boolean awsvpc = NetworkMode.AWSVPC.equals(mode);
        boolean host = NetworkMode.HOST.equals(mode);
        boolean none = NetworkMode.NONE.equals(mode);
        List<Integer> tcp = new ArrayList<>();
        List<Integer> udp = new ArrayList<>();
        boolean dynamic = false;
        List<ContainerPorts> containers = new ArrayList<>();
        for (ContainerDefinition c : defs) {
            ContainerOverride o = byName.get(c.name());
            Integer cCpu = o != null && o.cpu() != null ? o.cpu() : c.cpu();
            Integer cMem = o != null && o.memory() != null ? o.memory() : c.memory();
            Integer cRes = o != null && o.memoryReservation() != null ? o.memoryReservation() : c.memoryReservation();
            if (sumCpu && cCpu != null) {
                cpu += cCpu;
            }
            if (sumMemory) {
                memory += cRes != null ? cRes : cMem != null ? cMem : 0;
            }
            List<ResourceRequirement> reqs =
                    o != null && o.resourceRequirements() != null ? o.resourceRequirements() : c.resourceRequirements();
            if (reqs != null) {
                for (ResourceRequirement r : reqs) {
                    if (ResourceType.GPU.equals(r.type()) && r.value() != null) {
                        if (r.value().trim().equalsIgnoreCase("ALL")) {
                            allGpus = true;
                        } else {
                            gpus += gpuCount(r.value(), c.name());
                        }
                    }
                }
            }
            List<PortSpec> ports = new ArrayList<>();
            if (!none && c.portMappings() != null) {
                for (PortMapping pm : c.portMappings()) {
                    boolean isUdp = TransportProtocol.UDP.equals(pm.protocol());
                    int[] range = TaskResources.portRange(pm.containerPortRange());
                    if (range != null && pm.containerPort() == null) {
                        // bridge: the agent picks a contiguous free block of host ports
                        // (docs/task-definitions.md#port-ranges)
                        if (!awsvpc) {
                            dynamic = true;
                        }
                        ports.add(new PortSpec(0, 0, isUdp, range));
                        continue;
                    }
                    int containerPort = pm.containerPort() == null ? 0 : pm.containerPort();
                    int hostPort = pm.hostPort() == null ? 0 : pm.hostPort();
                    if (host && hostPort == 0) {
                        hostPort = containerPort; // host mode: the host port is the container port
                        // (docs/task-definitions.md#port-mappings)
                    }
                    if (awsvpc) {
                        ports.add(new PortSpec(containerPort, containerPort, isUdp, null));
                        continue; // the task's own ENI: no host port accounting
                        // (docs/placement.md#what-a-task-reserves)
                    }
                    if (hostPort > 0) {
                        (isUdp ? udp : tcp).add(hostPort);
                    } else {
                        dynamic = true;
                    }
                    ports.add(new PortSpec(containerPort, hostPort, isUdp, null));
                }
            }
            containers.add(new ContainerPorts(c.name() == null ? "" : c.name(), List.copyOf(ports)));
        }
        List<Attribute> attrs = new ArrayList<>();
        if (td.requiresAttributes() != null) {
            attrs.addAll(td.requiresAttributes());
        }
        if (awsvpc && attrs.stream().noneMatch(a -> TASK_ENI.equals(a.name()))) {
            attrs.add(Attribute.builder().name(TASK_ENI).build());
        }
        return new TaskRequirements(
                new Amounts(clamp(cpu), clamp(memory), clamp(gpus), allGpus),
                mode,
                new Ports(StaticPorts.of(tcp), StaticPorts.of(udp), dynamic, List.copyOf(containers)),
                List.copyOf(attrs));
    }

    /** A sum as an int: negative sums are 0, sums beyond int fit on no instance (Integer.MAX_VALUE). */
    private static int clamp(long sum) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, sum));
    }

    /**
     * The GPUs of one {@code resourceRequirements} entry: a whole number of at least 1 (or
     * {@code ALL}, handled by the caller). [model] The message follows the wording of ECS's
     * "Invalid 'cpu' setting" texts; ECS's own for a bad GPU value is not published.
     */
    private static int gpuCount(String value, @Nullable String container) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("Invalid GPU value '" + value + "' for container " + container
                + ": the value must be a whole number of at least 1, or ALL.");
    }

    private static int[] sorted(List<Integer> list) {
        int[] a = list.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static int[] distinct(int[] sorted) {
        return Arrays.stream(sorted).distinct().toArray();
    }
}
