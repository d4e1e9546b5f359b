package io.github.berth.benchmarks;

import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.testkit.property.PlacementScenarios;
import org.openjdk.jol.info.GraphLayout;

/**
 * What a cluster snapshot of 5,000 container instances and 25,000 tasks retains on the heap: the
 * whole object graph reachable from it, measured with JOL's {@link GraphLayout} (and, as a cross
 * check, the heap in use after garbage collection with and without it). Budget: 32 MB.
 *
 * <p>Run: {@code java -Djol.magicFieldOffset=true -cp benchmarks/target/benchmarks.jar
 * io.github.berth.benchmarks.SnapshotFootprint} (the property lets JOL 0.17 read record fields).
 */
public final class SnapshotFootprint {

  private SnapshotFootprint() {}

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : PlacementScenarios.MAX_INSTANCES;
    int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
    ClusterSnapshot snapshot = PlacementScenarios.clusterWithTasks(instances, tasks, 42);
    GraphLayout layout = GraphLayout.parseInstance(snapshot);
    System.out.printf("snapshot of %d instances and %d tasks: %,d bytes retained (%.2f MiB) in %,d objects%n",
        instances, tasks, layout.totalSize(), layout.totalSize() / 1048576.0, layout.totalCount());
    layout = null; // it holds every object of the graph
    long with = usedAfterGc();
    int size = snapshot.size();
    snapshot = null;
    long without = usedAfterGc();
    System.out.println("(" + size + " instances)");
    System.out.printf("heap in use after GC: %,d bytes with the snapshot, %,d without (delta %.2f MiB)%n",
        with, without, (with - without) / 1048576.0);
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
