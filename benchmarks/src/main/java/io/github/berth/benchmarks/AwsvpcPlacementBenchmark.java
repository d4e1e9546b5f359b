package io.github.berth.benchmarks;

import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.testkit.generators.internal.PlacementScenarios;
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

/**
 * Scenario 3: awsvpc tasks on the 5,000 instances of {@link PlacementBenchmark}, with ENI trunking
 * on, up to the ENI limits: one operation places every task the ENIs hold (116,650) with the
 * service default strategy. A reported operation is one placement decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AwsvpcPlacementBenchmark {

    /** The trunked awsvpc capacity of the 5,000 instances (checked in setup). */
    static final int TASKS = 116_650;

    ClusterSnapshot cluster;
    PlacementRequest fill;

    @Setup(Level.Trial)
    public void setUp() {
        if (PlacementScenarios.awsvpcCapacity(PlacementBenchmark.INSTANCES, true) != TASKS) {
            throw new IllegalStateException(
                    "capacity changed: " + PlacementScenarios.awsvpcCapacity(PlacementBenchmark.INSTANCES, true));
        }
        cluster = PlacementScenarios.cluster(PlacementBenchmark.INSTANCES, 42, true);
        fill = PlacementScenarios.scenario3(TASKS);
        PlacementResult result = PlacementEngine.place(cluster, fill);
        if (!result.allPlaced()) {
            throw new IllegalStateException("the scenario must place every task: " + result.explain());
        }
        PlacementResult oneMore = PlacementEngine.place(cluster, PlacementScenarios.scenario3(TASKS + 1));
        if (!"RESOURCE:ENI".equals(oneMore.failures().get(0).reason())) {
            throw new IllegalStateException("ENIs must be what runs out: " + oneMore.explain());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public PlacementResult scenario3AwsvpcUpToEniLimits() {
        return PlacementEngine.place(cluster, fill);
    }
}
