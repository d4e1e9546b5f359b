package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.RuntimePlatform;
import java.util.List;
import java.util.OptionalInt;

/**
 * What every rule needs to know about one RegisterTaskDefinition request, worked out once: the
 * launch types it asks for, the operating system, the network mode in effect, the task size in CPU
 * units and MiB. Paths are built only when a rule reports.
 */
final class TaskDefinitionContext {

    static final JsonPath CONTAINERS = JsonPath.root().child("containerDefinitions");

    final RegisterTaskDefinitionRequest request;
    final List<ContainerDefinition> containers;
    final boolean fargate;
    final boolean external;
    final boolean windows;
    /** The network mode in effect: the one given, else bridge on Linux; null is Windows' default mode. */
    final @Nullable NetworkMode networkMode;
    /** Task cpu in CPU units; empty when absent or unreadable (see {@link #cpuGiven}). */
    final OptionalInt cpu;

    final boolean cpuGiven;
    /** Task memory in MiB; empty when absent or unreadable (see {@link #memoryGiven}). */
    final OptionalInt memory;

    final boolean memoryGiven;

    TaskDefinitionContext(RegisterTaskDefinitionRequest request) {
        this.request = request;
        this.containers = request.containerDefinitions() == null ? List.of() : request.containerDefinitions();
        List<Compatibility> compatibilities = request.requiresCompatibilities();
        this.fargate = compatibilities != null && compatibilities.contains(Compatibility.FARGATE);
        this.external = compatibilities != null && compatibilities.contains(Compatibility.EXTERNAL);
        RuntimePlatform platform = request.runtimePlatform();
        OSFamily os = platform == null ? null : platform.operatingSystemFamily();
        this.windows = os != null && os.value().startsWith("WINDOWS_SERVER");
        NetworkMode mode = request.networkMode();
        // API NetworkMode: "If no network mode is specified, the default is bridge"; Windows' default
        // mode has no enum value (docs/task-definitions.md#network-modes).
        this.networkMode = mode != null ? mode : windows ? null : NetworkMode.BRIDGE;
        this.cpuGiven = request.cpu() != null;
        this.cpu = ResourceUnits.cpuUnits(request.cpu());
        this.memoryGiven = request.memory() != null;
        this.memory = ResourceUnits.memoryMiB(request.memory());
    }

    /** The names of the task's volumes, worked out when first asked. */
    java.util.Set<String> volumeNames() {
        if (volumeNames == null) {
            java.util.Set<String> names = new java.util.HashSet<>();
            if (request.volumes() != null) {
                request.volumes().forEach(v -> names.add(v.name()));
            }
            volumeNames = names;
        }
        return volumeNames;
    }

    private java.util.@Nullable Set<String> volumeNames;

    boolean isMode(NetworkMode mode) {
        return mode.equals(networkMode);
    }

    /** The network mode as ECS's messages name it. */
    String modeName() {
        return networkMode == null ? "default" : networkMode.value();
    }

    static JsonPath container(int index) {
        return CONTAINERS.index(index);
    }

    /** A container's name for messages (ECS quotes the name as given). */
    static String name(ContainerDefinition c) {
        return c.name() == null ? "" : c.name();
    }

    /** Essential defaults to true (API {@code ContainerDefinition.essential}). */
    static boolean essential(ContainerDefinition c) {
        return c.essential() == null || c.essential();
    }
}
