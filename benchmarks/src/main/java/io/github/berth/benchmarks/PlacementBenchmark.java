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
 * Placement decisions per second on 5,000 container instances (ECS's per-cluster maximum) of
 * mixed m5/c5/r5 types over 3 AZs, one service of 5,000 tasks per operation, single-threaded. A
 * reported operation is one placement decision ({@code @OperationsPerInvocation(5000)}).
 *
 * <ol>
 *   <li>{@link #scenario1SpreadAzThenInstance}: 256 CPU, 512 MiB, bridge, one dynamic port;
 *       spread(AZ) then spread(instanceId);
 *   <li>{@link #scenario2SpreadAzBinpackMemoryMemberOf}: the same with spread(AZ), binpack(memory)
 *       and {@code memberOf(attribute:ecs.instance-type =~ m5.*)};
 *   <li>see {@link AwsvpcPlacementBenchmark}.
 * </ol>
 *
 * <p>{@link #binpackCpuMemory} is Berth on the request that matches Fenzo's cpuMemBinPacker, which
 * {@link FenzoBenchmark} runs on the same hosts and tasks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PlacementBenchmark {

    static final int INSTANCES = 5000;
    static final int TASKS = 5000;

    ClusterSnapshot cluster;
    PlacementRequest scenario1;
    PlacementRequest scenario2;
    PlacementRequest binpack;

    @Setup(Level.Trial)
    public void setUp() {
        cluster = PlacementScenarios.cluster(INSTANCES, 42, false);
        scenario1 = PlacementScenarios.scenario1(TASKS);
        scenario2 = PlacementScenarios.scenario2(TASKS);
        binpack = PlacementScenarios.binpackCpuMemory(TASKS);
        for (PlacementRequest r : new PlacementRequest[] {scenario1, scenario2, binpack}) {
            PlacementResult result = PlacementEngine.place(cluster, r);
            if (!result.allPlaced()) {
                throw new IllegalStateException("the scenario must place every task: " + result.explain());
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public PlacementResult scenario1SpreadAzThenInstance() {
        return PlacementEngine.place(cluster, scenario1);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public PlacementResult scenario2SpreadAzBinpackMemoryMemberOf() {
        return PlacementEngine.place(cluster, scenario2);
    }

    /**
     * Scenario 2 with the placements made into values ({@code TaskPlacement}s with their
     * {@code NetworkBinding}s), as a caller reading them pays.
     */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public Object scenario2WithPlacementValues() {
        return PlacementEngine.place(cluster, scenario2).placements();
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public PlacementResult binpackCpuMemory() {
        return PlacementEngine.place(cluster, binpack);
    }
}
