package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.SerializationException;
import io.github.berth.core.error.ServerException;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Injected faults (docs/scheduler.md#faults), snapshots, determinism and threads. */
class FaultsAndStateTest {

    @Test
    void aThrottledOperationAnswersThrottlingExceptionAndOthersDoNot() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.faults().throttle("ListTasks");
        assertThatThrownBy(() -> ecs.listTasks(b -> b.cluster("prod")))
                .isInstanceOf(ThrottlingException.class)
                .hasMessage("Rate exceeded")
                .extracting(e -> ((ThrottlingException) e).errorCode())
                .isEqualTo("ThrottlingException");
        assertThat(ecs.listClusters(b -> {}).clusterArns()).hasSize(1);
        ecs.faults().stopThrottling("ListTasks");
        assertThat(ecs.listTasks(b -> b.cluster("prod")).taskArns()).isEmpty();
    }

    @Test
    void throttlingWithAProbabilityIsSeeded() {
        assertThat(throttledCalls(5))
                .isEqualTo(throttledCalls(5))
                .contains(true)
                .contains(false);
    }

    private static List<Boolean> throttledCalls(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        ecs.faults().throttle("ListClusters", 0.5);
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            try {
                ecs.listClusters(b -> {});
                out.add(false);
            } catch (ThrottlingException e) {
                out.add(true);
            }
        }
        return out;
    }

    @Test
    void anInjectedErrorFailsTheNextCallOnlyAndChangesNothing() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        ecs.faults().failNextCall("RunTask", new ServerException("Service Unavailable"));
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster("prod").taskDefinition("web")))
                .isInstanceOf(ServerException.class)
                .hasMessage("Service Unavailable");
        assertThat(ecs.listTasks(b -> b.cluster("prod")).taskArns()).isEmpty();
        assertThat(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")).tasks())
                .hasSize(1);
    }

    @Test
    void aTerminatedInstanceStopsItsTasksAndLeavesTheCluster() {
        FakeEcs ecs = Scenario.cluster(2);
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        ecs.clock().advance(Duration.ofSeconds(5));
        ecs.terminateInstance("prod", t.containerInstanceArn());
        ecs.clock().advance(Duration.ofSeconds(5));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedReason()).startsWith("Host EC2 (instance i-");
        assertThat(ecs.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns())
                .hasSize(1);
    }

    @Test
    void anAvailabilityZoneOutageTakesOnlyThatZone() {
        FakeEcs ecs = Scenario.cluster(3);
        ecs.availabilityZoneOutage("us-east-1b");
        List<String> left = ecs.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns();
        assertThat(left).hasSize(2);
        assertThat(ecs.listContainerInstances(
                                b -> b.cluster("prod").filter("attribute:ecs.availability-zone == us-east-1b"))
                        .containerInstanceArns())
                .isEmpty();
    }

    @Test
    void aDisconnectedAgentGetsNoTasksUntilItReconnects() {
        FakeEcs ecs = Scenario.cluster(1);
        String arn = ecs.listContainerInstances(b -> b.cluster("prod"))
                .containerInstanceArns()
                .get(0);
        ecs.registerTaskDefinition(Scenario.web());
        ecs.disconnectAgent("prod", arn);
        var refused = ecs.runTask(b -> b.cluster("prod").taskDefinition("web"));
        assertThat(refused.tasks()).isEmpty();
        assertThat(refused.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("AGENT");
            assertThat(f.arn()).isEqualTo(arn);
        });
        ecs.reconnectAgent("prod", arn);
        assertThat(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")).tasks())
                .hasSize(1);
    }

    @Test
    void fargateWithoutCapacityFailsWithItsText() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.registerTaskDefinition(Scenario.fargate("api"));
        ecs.fargateCapacityAvailable(false);
        var run = ecs.runTask(b -> b.cluster("prod")
                .taskDefinition("api")
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(Scenario.subnets("subnet-1")));
        assertThat(run.tasks()).isEmpty();
        assertThat(run.failures())
                .singleElement()
                .extracting(f -> f.reason())
                .isEqualTo(
                        "Capacity is unavailable at this time. Please try again later or in a different availability zone.");
        ecs.fargateCapacityAvailable(true);
        assertThat(ecs.runTask(b -> b.cluster("prod")
                                .taskDefinition("api")
                                .launchType(LaunchType.FARGATE)
                                .networkConfiguration(Scenario.subnets("subnet-1")))
                        .tasks())
                .hasSize(1);
    }

    // ------------------------------------------------------------------ state as data, determinism

    /** A script of calls and clock moves, in steps, to run on two fakes. */
    private static final List<Consumer<FakeEcs>> SCRIPT = List.of(
            ecs -> ecs.createCluster(b -> b.clusterName("prod")),
            ecs -> ecs.launchInstance("prod", "m5.large", "us-east-1a"),
            ecs -> ecs.launchInstance("prod", "c5.xlarge", "us-east-1b"),
            ecs -> ecs.behaviours().family("app").unhealthyAfter(Duration.ofMinutes(2)),
            ecs -> ecs.behaviours()
                    .family("web")
                    .exitAfter(Duration.ofMinutes(7), 3)
                    .withProbability(0.5),
            ecs -> ecs.registerTaskDefinition(Scenario.web()),
            ecs -> ecs.registerTaskDefinition(Scenario.checked("app", "app:1")),
            ecs -> ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(6)),
            ecs -> ecs.clock().advance(Duration.ofSeconds(2)),
            ecs -> ecs.runTask(b -> b.cluster("prod").taskDefinition("app").count(2)),
            ecs -> ecs.clock().advance(Duration.ofMinutes(3)),
            ecs -> ecs.stopTask(b -> b.cluster("prod")
                    .task(ecs.listTasks(l -> l.cluster("prod")).taskArns().get(0))),
            ecs -> ecs.clock().advance(Duration.ofMinutes(10)),
            ecs -> ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(3)),
            ecs -> ecs.clock().advance(Duration.ofHours(2)));

    @Test
    void theSameScriptGivesByteIdenticalSnapshots() {
        FakeEcs a = Scenario.fake();
        FakeEcs b = Scenario.fake();
        SCRIPT.forEach(step -> step.accept(a));
        SCRIPT.forEach(step -> step.accept(b));
        assertThat(a.snapshot()).isEqualTo(b.snapshot());
        assertThat(a.events().all().stream().map(EcsEvent::toJson).toList())
                .isEqualTo(b.events().all().stream().map(EcsEvent::toJson).toList());
    }

    @Test
    void anotherSeedGivesOtherIds() {
        FakeEcs a = FakeEcs.builder().seed(1).build();
        FakeEcs b = FakeEcs.builder().seed(2).build();
        SCRIPT.forEach(step -> step.accept(a));
        SCRIPT.forEach(step -> step.accept(b));
        assertThat(a.snapshot()).isNotEqualTo(b.snapshot());
    }

    @Test
    void aRestoredFakeContinuesExactlyAsTheOriginal() {
        for (int cut = 1; cut < SCRIPT.size(); cut += 3) {
            FakeEcs original = Scenario.fake();
            SCRIPT.subList(0, cut).forEach(step -> step.accept(original));
            FakeEcs restored = FakeEcs.restore(original.snapshot());
            assertThat(restored.snapshot()).as("after step %d", cut).isEqualTo(original.snapshot());
            SCRIPT.subList(cut, SCRIPT.size()).forEach(step -> step.accept(original));
            SCRIPT.subList(cut, SCRIPT.size()).forEach(step -> step.accept(restored));
            assertThat(restored.snapshot()).as("continued from step %d", cut).isEqualTo(original.snapshot());
        }
    }

    @Test
    void aSnapshotIsReadableJsonOfTheState() {
        FakeEcs ecs = Scenario.fake();
        SCRIPT.subList(0, 9).forEach(step -> step.accept(ecs));
        String json = ecs.snapshot();
        assertThat(json).contains("\"berthFakeEcsSnapshot\" : 1", "\"clusters\"", "\"timers\"", "nginx:1.27");
    }

    @Test
    void textThatIsNotASnapshotIsRefused() {
        assertThatThrownBy(() -> FakeEcs.restore("{\"clusters\": []}")).isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> FakeEcs.restore("{not json")).isInstanceOf(SerializationException.class);
    }

    @Test
    void callsFromManyThreadsAreSerialised() throws Exception {
        FakeEcs ecs = Scenario.cluster(3);
        ecs.registerTaskDefinition(Scenario.web());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> ecs.runTask(
                                b -> b.cluster("prod").taskDefinition("web").count(1))
                        .tasks()
                        .size()));
            }
            int launched = 0;
            for (Future<Integer> f : results) {
                launched += f.get();
            }
            assertThat(ecs.listTasks(b -> b.cluster("prod").maxResults(100)).taskArns())
                    .hasSize(launched);
            // 2048 CPU units per instance and 256 per task: 24 fit on three m5.large, and no more.
            assertThat(launched).isEqualTo(24);
        } finally {
            pool.shutdownNow();
        }
    }
}
