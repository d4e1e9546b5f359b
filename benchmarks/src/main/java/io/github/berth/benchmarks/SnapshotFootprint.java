package io.github.berth.benchmarks;

import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.testkit.generators.internal.PlacementScenarios;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What a cluster snapshot of 5,000 container instances and 25,000 tasks retains on the heap: the
 * heap in use after full garbage collections while the snapshot is reachable, less the same once it
 * is not (the median of several rounds). Budget: 32 MB.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.berth.benchmarks.SnapshotFootprint}
 * (optional arguments: instances, tasks).
 */
public final class SnapshotFootprint {

    private static final int ROUNDS = 5;

    private SnapshotFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        int instances = args.length > 0 ? Integer.parseInt(args[0]) : PlacementScenarios.MAX_INSTANCES;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        long[] deltas = new long[ROUNDS];
        int size = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long before = usedAfterGc();
            ClusterSnapshot snapshot = PlacementScenarios.clusterWithTasks(instances, tasks, 42 + r);
            long with = usedAfterGc();
            size = snapshot.size();
            deltas[r] = with - before;
            snapshot = null;
        }
        java.util.Arrays.sort(deltas);
        long median = deltas[ROUNDS / 2];
        System.out.printf(
                "snapshot of %d instances and %d tasks: %,d bytes retained (%.2f MiB), median of %d rounds"
                        + " (min %.2f MiB, max %.2f MiB)%n",
                size, tasks, median, median / 1048576.0, ROUNDS, deltas[0] / 1048576.0, deltas[ROUNDS - 1] / 1048576.0);
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
