package io.github.berth.benchmarks;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.Task;
import io.github.berth.testkit.fake.FakeEcs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The fake control plane's speed (figures in the closing notes):
 *
 * <ul>
 *   <li>{@code runTaskThenDescribe}: RunTask of 10 tasks (spread over AZs, then binpack on memory)
 *       on 100 instances, then DescribeTasks of those 10; the score is tasks launched per second.
 *   <li>{@code launchThousand}: 100 instances (made before the operation), 1,000 tasks launched by
 *       100 RunTask calls of 10 (no strategy: random); one operation is the 1,000 launches.
 *   <li>{@code describeThousand}: DescribeTasks of those 1,000 tasks, ten calls of 100.
 *   <li>{@code serviceOfFiveThousand}: 5,000 instances (made before the operation); a REPLICA
 *       service of desiredCount 5,000 created and the clock advanced 10 s at a time until 5,000 tasks
 *       are RUNNING and the deployment is COMPLETED. Single-threaded, so its time is its CPU time.
 *   <li>{@code advanceIdleHour}: the clock moved one hour over 1,000 RUNNING tasks with nothing due.
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar FakeEcsBenchmark} (the annotations set the warm-up;
 * {@code -wi}/{@code -i} on the command line would override {@code runTaskThenDescribe}'s longer one).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FakeEcsBenchmark {

    private static final List<PlacementStrategy> SPREAD_BINPACK = List.of(
            PlacementStrategy.builder()
                    .type(PlacementStrategyType.SPREAD)
                    .field("attribute:ecs.availability-zone")
                    .build(),
            PlacementStrategy.builder()
                    .type(PlacementStrategyType.BINPACK)
                    .field("memory")
                    .build());

    private FakeEcs ecs;
    private RunTaskRequest runTen;
    private int launchedSinceReset;

    static FakeEcs cluster(int instances) {
        FakeEcs ecs = FakeEcs.builder().seed(1).build();
        ecs.createCluster(b -> b.clusterName("bench"));
        for (int i = 0; i < instances; i++) {
            ecs.launchInstance("bench", "m5.4xlarge", "us-east-1" + (char) ('a' + i % 3));
        }
        ecs.registerTaskDefinition(RegisterTaskDefinitionRequest.builder()
                .family("web")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image("nginx:1.27")
                        .cpu(16)
                        .memory(32)
                        .build()))
                .build());
        return ecs;
    }

    @Setup(Level.Iteration)
    public void setUp() {
        ecs = cluster(100);
        runTen = RunTaskRequest.builder()
                .cluster("bench")
                .taskDefinition("web")
                .count(10)
                .placementStrategy(SPREAD_BINPACK)
                .build();
        launchedSinceReset = 0;
    }

    /** Tasks launched per second: each operation is one RunTask of 10 and a DescribeTasks of them. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(10)
    // The launch path is long (placement, lifecycle, events, views): on 2 cores C2 takes some 20 s to
    // compile all of it, and until then iterations swing between 30k and 280k (-prof gc shows GC is not
    // the cause). Warm up past that, measure longer.
    @Warmup(iterations = 15, time = 2)
    @Measurement(iterations = 5, time = 4)
    public void runTaskThenDescribe(Blackhole bh) {
        if (launchedSinceReset >= 15_000) {
            // 100 m5.4xlarge hold 100 x 16,384 / 32 tasks by CPU; start afresh well before they are full.
            setUp();
        }
        List<Task> tasks = Objects.requireNonNull(ecs.runTask(runTen).tasks()); // RunTask always answers tasks
        List<String> arns = new ArrayList<>(tasks.size());
        for (Task t : tasks) {
            arns.add(t.taskArn());
        }
        launchedSinceReset += arns.size();
        bh.consume(ecs.describeTasks(b -> b.cluster("bench").tasks(arns)));
    }

    /** A fresh cluster of 100 instances for each operation. */
    @State(Scope.Thread)
    public static class Hundred {
        FakeEcs ecs;

        @Setup(Level.Invocation)
        public void setUp() {
            ecs = cluster(100);
        }
    }

    /** 1,000 tasks launched on 100 instances by 100 RunTask calls: milliseconds for the 1,000. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<String> launchThousand(Hundred fresh) {
        RunTaskRequest run = RunTaskRequest.builder()
                .cluster("bench")
                .taskDefinition("web")
                .count(10)
                .build();
        List<String> arns = new ArrayList<>(1000);
        for (int i = 0; i < 100; i++) {
            for (Task t : Objects.requireNonNull(fresh.ecs.runTask(run).tasks())) {
                arns.add(t.taskArn());
            }
        }
        return arns;
    }

    /** 1,000 tasks on 100 instances, launched once. */
    @State(Scope.Thread)
    public static class Thousand {
        FakeEcs ecs;
        List<List<String>> pages = new ArrayList<>();

        @Setup(Level.Trial)
        public void setUp() {
            ecs = cluster(100);
            RunTaskRequest run = RunTaskRequest.builder()
                    .cluster("bench")
                    .taskDefinition("web")
                    .count(10)
                    .build();
            List<String> arns = new ArrayList<>(1000);
            for (int i = 0; i < 100; i++) {
                for (Task t : Objects.requireNonNull(ecs.runTask(run).tasks())) {
                    arns.add(t.taskArn());
                }
            }
            for (int i = 0; i < 1000; i += 100) {
                pages.add(List.copyOf(arns.subList(i, i + 100)));
            }
        }
    }

    /** DescribeTasks of 1,000 tasks (ten calls of 100): milliseconds for the 1,000. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void describeThousand(Thousand state, Blackhole bh) {
        for (List<String> page : state.pages) {
            bh.consume(state.ecs.describeTasks(b -> b.cluster("bench").tasks(page)));
        }
    }

    /** A fresh cluster of 5,000 instances for each operation. */
    @State(Scope.Thread)
    public static class FiveThousand {
        FakeEcs ecs;

        @Setup(Level.Invocation)
        public void setUp() {
            ecs = cluster(5000);
        }
    }

    /**
     * A REPLICA service of 5,000 tasks on 5,000 instances, from CreateService to steady state (5,000
     * RUNNING, deployment COMPLETED): milliseconds, which are CPU milliseconds (one thread).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 5, time = 1)
    public Service serviceOfFiveThousand(FiveThousand fresh) {
        return FakeEcsCpuTime.steadyService(fresh.ecs, 5000);
    }

    /** The clock moved an hour over 1,000 RUNNING tasks with nothing due. */
    @State(Scope.Thread)
    public static class Idle {
        FakeEcs ecs;

        @Setup(Level.Trial)
        public void setUp() {
            ecs = cluster(100);
            RunTaskRequest run = RunTaskRequest.builder()
                    .cluster("bench")
                    .taskDefinition("web")
                    .count(10)
                    .build();
            for (int i = 0; i < 100; i++) {
                ecs.runTask(run);
            }
            ecs.clock().advance(Duration.ofMinutes(1));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void advanceIdleHour(Idle idle, Blackhole bh) {
        bh.consume(idle.ecs.clock().advance(Duration.ofHours(1)));
    }
}
