package io.github.berth.testkit.generators;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.TransportProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task of a task definition reserves on an EC2 instance (docs/placement.md#what-a-task-reserves, after the agent's
 * ToHostResources): task-level cpu and memory when set, else the sum over the containers (cpu; for
 * memory the reservation, else the hard limit); the static host ports of bridge and host mode by
 * protocol; the GPUs; one ENI in awsvpc mode. Cpu and memory must be plain integer strings.
 */
record Reservation(int cpu, int memory, List<Integer> tcpPorts, List<Integer> udpPorts, int gpus, boolean eni) {

    static Reservation of(RegisterTaskDefinitionRequest td) {
        List<ContainerDefinition> containers = Registration.nonNull(td.containerDefinitions());
        int cpu = td.cpu() != null ? Integer.parseInt(td.cpu()) : 0;
        if (cpu <= 0) {
            cpu = containers.stream()
                    .mapToInt(c -> c.cpu() == null ? 0 : c.cpu())
                    .sum();
        }
        int memory;
        if (td.memory() != null) {
            memory = Integer.parseInt(td.memory());
        } else {
            memory = containers.stream()
                    .mapToInt(c ->
                            c.memoryReservation() != null ? c.memoryReservation() : c.memory() != null ? c.memory() : 0)
                    .sum();
        }
        boolean awsvpc = NetworkMode.AWSVPC.equals(td.networkMode());
        List<Integer> tcp = new ArrayList<>();
        List<Integer> udp = new ArrayList<>();
        int gpus = 0;
        for (ContainerDefinition c : containers) {
            for (PortMapping m : Registration.nonNull(c.portMappings())) {
                Integer host = staticHostPort(td.networkMode(), m);
                if (!awsvpc && host != null) {
                    (TransportProtocol.UDP.equals(m.protocol()) ? udp : tcp).add(host);
                }
            }
            for (ResourceRequirement r : Registration.nonNull(c.resourceRequirements())) {
                if (ResourceType.GPU.equals(r.type())) {
                    gpus += Integer.parseInt(r.value());
                }
            }
        }
        return new Reservation(cpu, memory, List.copyOf(tcp), List.copyOf(udp), gpus, awsvpc);
    }

    /** The host port a mapping holds on the instance, or null when it is dynamic or a range. */
    static @Nullable Integer staticHostPort(@Nullable NetworkMode mode, PortMapping m) {
        if (m.containerPortRange() != null) {
            return null;
        }
        if (NetworkMode.HOST.equals(mode) || NetworkMode.AWSVPC.equals(mode)) {
            return m.hostPort() != null ? m.hostPort() : m.containerPort();
        }
        return m.hostPort() != null && m.hostPort() > 0 ? m.hostPort() : null;
    }
}
