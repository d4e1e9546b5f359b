package io.github.berth.core.ec2;

import io.github.berth.core.Nullable;

/**
 * What ECS placement needs to know of an EC2 instance type.
 *
 * @param name the instance type, e.g. {@code m5.large}
 * @param vcpus the number of vCPUs (the agent registers 1,024 CPU units for each)
 * @param memoryMiB the nominal memory in MiB (the agent registers somewhat less; see
 *     {@link #registeredMemoryMiB()})
 * @param maxEnis the EC2 limit of network interfaces, the primary one included
 * @param trunkedAwsvpcTasks the awsvpc task limit with ENI trunking, or null where ECS does not
 *     support trunking on the type
 * @param gpus the number of GPUs (0 for most types)
 * @param architecture {@code x86_64} or {@code arm64}, as the {@code ecs.cpu-architecture} attribute
 */
public record InstanceType(
        String name,
        int vcpus,
        int memoryMiB,
        int maxEnis,
        @Nullable Integer trunkedAwsvpcTasks,
        int gpus,
        String architecture) {

    /** The CPU units the ECS agent registers: 1,024 per vCPU (docs/placement.md#what-the-agent-registers). */
    public int registeredCpu() {
        return vcpus * 1024;
    }

    /**
     * The memory the ECS agent registers, in MiB. The agent registers what the operating system
     * reports, which is always below the nominal size (an m4.large registers 7,985 MiB of its 8 GiB,
     * docs/placement.md#what-the-agent-registers). AWS publishes no table, so this is a model: the nominal size less 2.5 %,
     * rounded down, which gives 7,987 MiB for 8 GiB.
     */
    public int registeredMemoryMiB() {
        return (int) (memoryMiB * 0.975);
    }

    /** The awsvpc task limit without trunking: one ENI per task, and the primary ENI counts (docs/placement.md#awsvpc-and-enis). */
    public int awsvpcTasksWithoutTrunking() {
        return maxEnis - 1;
    }

    /** Whether ECS supports ENI trunking on this type (docs/placement.md#eni-trunking). */
    public boolean supportsTrunking() {
        return trunkedAwsvpcTasks != null;
    }

    /** The awsvpc task limit: with trunking where it is on and supported, else one per spare ENI. */
    public int awsvpcTaskLimit(boolean trunking) {
        return trunking && trunkedAwsvpcTasks != null ? trunkedAwsvpcTasks : awsvpcTasksWithoutTrunking();
    }

    /** The instance family: the part before the dot ({@code m5}). */
    public String family() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
