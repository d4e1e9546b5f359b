package io.github.berth.scaling.managed;

/**
 * Tasks waiting in PROVISIONING with identical resource requirements: ECS groups them so before
 * estimating the instances they need (docs/scaling.md#managed-scaling).
 *
 * @param cpu CPU units per task
 * @param memoryMiB memory per task
 * @param gpus GPUs per task
 * @param count how many such tasks wait
 */
public record ProvisioningTasks(int cpu, int memoryMiB, int gpus, int count) {

    public ProvisioningTasks {
        if (cpu < 0 || memoryMiB < 0 || gpus < 0 || count < 0) {
            throw new IllegalArgumentException("requirements and count must be at least 0");
        }
    }
}
