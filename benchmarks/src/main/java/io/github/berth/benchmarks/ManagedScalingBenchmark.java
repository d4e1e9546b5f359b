package io.github.berth.benchmarks;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.AutoScalingGroupProvider;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.ManagedScalingStatus;
import io.github.berth.testkit.fake.FakeEcs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of tasks waiting in PROVISIONING (docs/scheduler.md#tasks-waiting-for-capacity):
 * {@code retryFullCluster} moves the clock 15 seconds over a cluster whose 100 instances (an Auto
 * Scaling group at its MaxSize, managed scaling on) are full while 500 tasks (the quota) wait: one
 * periodic retry, which tries to place each waiting task again, and a minute tick every fourth
 * operation.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ManagedScalingBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ManagedScalingBenchmark {

    private FakeEcs ecs;

    @Setup(Level.Iteration)
    public void setUp() {
        ecs = FakeEcs.builder()
                .seed(1)
                .provisioningTimeout(Duration.ofDays(3650))
                .build();
        String arn = ecs.autoScalingGroups()
                .create(
                        "asg",
                        g -> g.instanceType("m5.large")
                                .minSize(100)
                                .maxSize(100)
                                .desiredCapacity(100)
                                .availabilityZones("us-east-1a", "us-east-1b", "us-east-1c"));
        ecs.createCapacityProvider(b -> b.name("cp")
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(arn)
                        .managedScaling(ManagedScaling.builder()
                                .status(ManagedScalingStatus.ENABLED)
                                .build())
                        .build()));
        ecs.createCluster(b -> b.clusterName("bench")
                .capacityProviders(List.of("cp"))
                .defaultCapacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                        .capacityProvider("cp")
                        .weight(1)
                        .build())));
        // One task of 2048 CPU units fills an m5.large.
        ecs.registerTaskDefinition(RegisterTaskDefinitionRequest.builder()
                .family("whole")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("app")
                        .image("app:1")
                        .cpu(2048)
                        .memory(512)
                        .build()))
                .build());
        ecs.clock().advance(Duration.ofMinutes(2));
        for (int i = 0; i < 60; i++) {
            ecs.runTask(b -> b.cluster("bench").taskDefinition("whole").count(10));
        }
        ecs.clock().advance(Duration.ofSeconds(30));
    }

    /** One 15-second step of the fake clock with 500 tasks waiting on a full cluster of 100 instances. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object retryFullCluster() {
        ecs.clock().advance(Duration.ofSeconds(15));
        return ecs;
    }
}
