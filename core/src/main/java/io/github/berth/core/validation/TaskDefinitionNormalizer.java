package io.github.berth.core.validation;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.TransportProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A RegisterTaskDefinition request as ECS stores it once registered (docs/task-definitions.md#what-ecs-stores): task cpu and
 * memory as integer strings of CPU units and MiB, and the defaults ECS fills in: {@code hostPort} equal
 * to {@code containerPort} in awsvpc and host mode, {@code protocol} tcp, container {@code cpu} 0,
 * {@code essential} true, and empty lists for {@code portMappings}, {@code environment},
 * {@code mountPoints}, {@code volumesFrom}, {@code volumes} and {@code placementConstraints}.
 *
 * <p>Meant for requests {@link TaskDefinitionValidator} accepts; values it cannot read (a cpu of
 * {@code "lots"}) are kept as they are. The members only a registered definition has (ARN, revision,
 * status, registeredAt, compatibilities, requiresAttributes) are the registry's to set.
 */
public final class TaskDefinitionNormalizer {

    private TaskDefinitionNormalizer() {}

    /**
     * {@code request} with the values and defaults ECS would store; the input is not changed. Never
     * throws for a bad value: what it cannot read is kept as it is.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public static RegisterTaskDefinitionRequest normalize(RegisterTaskDefinitionRequest request) {
        Objects.requireNonNull(request, "request");
        NetworkMode mode = request.networkMode();
        boolean staticPorts = NetworkMode.AWSVPC.equals(mode) || NetworkMode.HOST.equals(mode);
        RegisterTaskDefinitionRequest.Builder b = request.toBuilder()
                .cpu(ResourceUnits.normalizeCpu(request.cpu()))
                .memory(ResourceUnits.normalizeMemory(request.memory()));
        if (request.containerDefinitions() != null) {
            List<ContainerDefinition> containers =
                    new ArrayList<>(request.containerDefinitions().size());
            for (ContainerDefinition c : request.containerDefinitions()) {
                containers.add(normalize(c, staticPorts));
            }
            b.containerDefinitions(containers);
        }
        if (request.volumes() == null) {
            b.volumes(List.of());
        }
        if (request.placementConstraints() == null) {
            b.placementConstraints(List.of());
        }
        return b.build();
    }

    private static ContainerDefinition normalize(ContainerDefinition c, boolean staticPorts) {
        ContainerDefinition.Builder b = c.toBuilder();
        if (c.cpu() == null) {
            b.cpu(0);
        }
        if (c.essential() == null) {
            b.essential(true);
        }
        if (c.environment() == null) {
            b.environment(List.of());
        }
        if (c.mountPoints() == null) {
            b.mountPoints(List.of());
        }
        if (c.volumesFrom() == null) {
            b.volumesFrom(List.of());
        }
        List<PortMapping> mappings = c.portMappings() == null ? List.of() : c.portMappings();
        List<PortMapping> normalized = new ArrayList<>(mappings.size());
        for (PortMapping pm : mappings) {
            PortMapping.Builder pb = pm.toBuilder();
            if (pm.protocol() == null) {
                pb.protocol(TransportProtocol.TCP);
            }
            if (staticPorts && pm.hostPort() == null && pm.containerPort() != null) {
                pb.hostPort(pm.containerPort());
            }
            normalized.add(pb.build());
        }
        b.portMappings(normalized);
        return b.build();
    }
}
