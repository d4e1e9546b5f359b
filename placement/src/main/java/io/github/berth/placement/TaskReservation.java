package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskOverride;

/**
 * What a task holds on the container instance it is placed on, by the rules placement uses (see
 * docs/placement.md, resource accounting): CPU units, MiB of memory, GPUs, and whether it takes an
 * ENI of its own (awsvpc). Host ports are not here: they are the network bindings of the task's
 * {@link TaskPlacement}, dynamic ones included.
 *
 * @param cpu CPU units: the task-level value, else the sum of the containers'
 * @param memoryMiB the task-level value, else the sum of each container's reservation or limit
 * @param gpus GPUs asked for by number
 * @param allGpus a container asked for every GPU of the instance ({@code ALL})
 * @param eni the task takes an ENI (awsvpc network mode)
 */
public record TaskReservation(int cpu, int memoryMiB, int gpus, boolean allGpus, boolean eni) {

    /**
     * The reservation of {@code taskDefinition} run with {@code overrides}.
     *
     * @throws io.github.berth.core.error.InvalidParameterException when an override names a container
     *     the task definition does not have, or a GPU value is not a whole number
     */
    public static TaskReservation of(TaskDefinition taskDefinition, @Nullable TaskOverride overrides) {
        TaskRequirements r = TaskRequirements.of(taskDefinition, overrides);
        return new TaskReservation(r.cpu, r.memory, r.gpus, r.allGpus, r.awsvpc);
    }
}
