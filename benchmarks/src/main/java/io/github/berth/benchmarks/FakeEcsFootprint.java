package io.github.berth.benchmarks;

import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.testkit.fake.FakeEcs;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * The heap a RUNNING task of the fake retains: a fake of 100 instances measured after full garbage
 * collections with 0 and with N running tasks (events included: each task's two state-change
 * events are in the log); the difference divided by N, median of several rounds. Aim: 4 KB.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.berth.benchmarks.FakeEcsFootprint}
 * (optional argument: tasks, default 10,000).
 */
public final class FakeEcsFootprint {

    private FakeEcsFootprint() {}

    public static void main(String[] args) throws InterruptedException {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        long[] perTask = new long[5];
        for (int r = 0; r < perTask.length; r++) {
            FakeEcs empty = FakeEcsBenchmark.cluster(100);
            empty.clock().advance(Duration.ofMinutes(1));
            long before = usedAfterGc();
            RunTaskRequest run = RunTaskRequest.builder()
                    .cluster("bench")
                    .taskDefinition("web")
                    .count(10)
                    .build();
            for (int i = 0; i < tasks / 10; i++) {
                empty.runTask(run);
            }
            empty.clock().advance(Duration.ofMinutes(1));
            long after = usedAfterGc();
            perTask[r] = (after - before) / tasks;
            if (Objects.requireNonNull(empty.listTasks(b -> b.cluster("bench").maxResults(1))
                            .taskArns())
                    .isEmpty()) {
                throw new IllegalStateException("no task is running");
            }
        }
        java.util.Arrays.sort(perTask);
        System.out.printf(
                "retained heap per RUNNING task of the fake: %,d bytes (median of %d rounds of %,d tasks;"
                        + " min %,d, max %,d)%n",
                perTask[perTask.length / 2], perTask.length, tasks, perTask[0], perTask[perTask.length - 1]);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
