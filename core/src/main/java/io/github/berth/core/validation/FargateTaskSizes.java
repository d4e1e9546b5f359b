package io.github.berth.core.validation;

/**
 * The task sizes Fargate offers: which memory goes with which cpu, for Linux and for Windows (API
 * {@code RegisterTaskDefinitionRequest.memory}, DG {@code task-cpu-memory-error}; docs/task-definitions.md#fargate-sizes).
 * Windows takes only the 1, 2 and 4 vCPU rows. The 8 and 16 vCPU rows need Linux platform version
 * 1.4.0, which a task definition cannot name, so they are accepted here.
 */
final class FargateTaskSizes {

    private FargateTaskSizes() {}

    /** Whether Fargate runs a task of {@code cpu} units and {@code memory} MiB on the given OS. */
    static boolean exists(int cpu, int memory, boolean windows) {
        switch (cpu) {
            case 256:
                return !windows && (memory == 512 || memory == 1024 || memory == 2048);
            case 512:
                return !windows && steps(memory, 1024, 4096, 1024);
            case 1024:
                return steps(memory, 2048, 8192, 1024);
            case 2048:
                return steps(memory, 4096, 16384, 1024);
            case 4096:
                return steps(memory, 8192, 30720, 1024);
            case 8192:
                return !windows && steps(memory, 16384, 61440, 4096);
            case 16384:
                return !windows && steps(memory, 32768, 122880, 8192);
            default:
                return false;
        }
    }

    private static boolean steps(int memory, int min, int max, int step) {
        return memory >= min && memory <= max && (memory - min) % step == 0;
    }
}
