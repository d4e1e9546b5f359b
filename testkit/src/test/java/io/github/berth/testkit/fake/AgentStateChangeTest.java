package io.github.berth.testkit.fake;

import static io.github.berth.testkit.fake.Scenario.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.berth.core.error.ClusterNotFoundException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskStopCode;
import io.github.berth.core.model.TransportProtocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A test plays the ECS agent: SubmitContainerStateChange and SubmitTaskStateChange (docs/scheduler.md#the-agents-state-change-calls). */
class AgentStateChangeTest {

    private static final NetworkBinding BINDING = NetworkBinding.builder()
            .bindIP("0.0.0.0")
            .containerPort(80)
            .hostPort(32800)
            .protocol(TransportProtocol.TCP)
            .build();

    /** A task of two containers, "app" (essential) and "log" (not), on cluster prod. */
    private static FakeEcs withTask() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(b -> b.family("two")
                .containerDefinitions(List.of(
                        Scenario.container("app", "app:1").memory(256).build(),
                        Scenario.container("log", "log:1")
                                .memory(64)
                                .essential(false)
                                .build())));
        return ecs;
    }

    private static Task run(FakeEcs ecs) {
        return Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("two")));
    }

    @Test
    void anEssentialContainerReportedStoppedStopsTheTask() {
        FakeEcs ecs = withTask();
        Task t = run(ecs);
        ecs.clock().advance(Duration.ofMinutes(1));

        String ack = ecs.submitContainerStateChange(b -> b.cluster("prod")
                        .task(t.taskArn())
                        .containerName("app")
                        .status("STOPPED")
                        .exitCode(1)
                        .reason("panic: no config"))
                .acknowledgment();
        assertThat(ack).isEqualTo("ACK");

        Task stopping = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopping.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopping.containers())
                .extracting(Container::name, Container::lastStatus, Container::exitCode, Container::reason)
                .containsExactly(tuple("app", "STOPPED", 1, "panic: no config"), tuple("log", "RUNNING", null, null));
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly(
                        "0s PENDING/RUNNING", "3s RUNNING/RUNNING", "60s STOPPING/STOPPED", "61s STOPPED/STOPPED");
    }

    @Test
    void aNonEssentialContainerReportedStoppedLeavesTheTaskRunning() {
        FakeEcs ecs = withTask();
        Task t = run(ecs);
        ecs.clock().advance(Duration.ofMinutes(1));
        ecs.submitContainerStateChange(b -> b.cluster("prod")
                .task(t.taskArn())
                .containerName("log")
                .status("STOPPED")
                .exitCode(0));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.desiredStatus()).isEqualTo("RUNNING");
        assertThat(running.containers())
                .extracting(Container::lastStatus, Container::exitCode)
                .containsExactly(tuple("RUNNING", null), tuple("STOPPED", 0));
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly("0s PENDING/RUNNING", "3s RUNNING/RUNNING", "60s RUNNING/RUNNING");
    }

    @Test
    void theTaskReportedRunningWithBindingsRunsBeforeItsOwnSteps() {
        FakeEcs ecs = withTask();
        Task t = run(ecs);
        ecs.clock().advance(Duration.ofSeconds(1));

        ecs.submitTaskStateChange(b -> b.cluster("prod")
                .task(t.taskArn())
                .status("RUNNING")
                .pullStartedAt(T0)
                .pullStoppedAt(T0.plusMillis(500))
                .containers(c -> c.containerName("app")
                        .status("RUNNING")
                        .runtimeId("abc123")
                        .networkBindings(List.of(BINDING))));

        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(running.pullStartedAt()).isEqualTo(T0);
        assertThat(running.pullStoppedAt()).isEqualTo(T0.plusMillis(500));
        assertThat(running.containers())
                .extracting(Container::name, Container::lastStatus, Container::runtimeId)
                .containsExactly(
                        tuple("app", "RUNNING", "abc123"),
                        tuple("log", "RUNNING", running.containers().get(1).runtimeId()));
        assertThat(running.containers().get(0).networkBindings()).containsExactly(BINDING);
        // The fake's own steps, still due, change nothing now.
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly("0s PENDING/RUNNING", "1s PENDING/RUNNING", "1s RUNNING/RUNNING");
    }

    @Test
    void theTaskReportedStoppedStopsAtOnceWithTheReportedReason() {
        FakeEcs ecs = withTask();
        Task t = run(ecs);
        ecs.clock().advance(Duration.ofMinutes(1));
        ecs.submitTaskStateChange(b -> b.cluster("prod")
                .task(t.taskArn())
                .status("STOPPED")
                .reason("host rebooted")
                .executionStoppedAt(T0.plusSeconds(59)));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stoppedReason()).isEqualTo("host rebooted");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.executionStoppedAt()).isEqualTo(T0.plusSeconds(59));
        assertThat(stopped.stoppedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(stopped.containers()).extracting(Container::lastStatus).containsExactly("STOPPED", "STOPPED");

        // A report that would move it back is acknowledged and changes nothing.
        assertThat(ecs.submitTaskStateChange(
                                b -> b.cluster("prod").task(t.taskArn()).status("RUNNING"))
                        .acknowledgment())
                .isEqualTo("ACK");
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void reportsNamingWhatDoesNotExistAreRefusedAndChangeNothing() {
        FakeEcs ecs = withTask();
        Task t = run(ecs);
        ecs.clock().advance(Duration.ofMinutes(1));
        long events = ecs.events().all().size();

        assertThatThrownBy(() -> ecs.submitContainerStateChange(b ->
                        b.cluster("nope").task(t.taskArn()).containerName("app").status("STOPPED")))
                .isInstanceOf(ClusterNotFoundException.class)
                .hasMessage("Cluster not found.");
        assertThatThrownBy(() -> ecs.submitTaskStateChange(
                        b -> b.cluster("prod").task("0123456789abcdef").status("STOPPED")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The referenced task was not found.");
        assertThatThrownBy(() -> ecs.submitContainerStateChange(b ->
                        b.cluster("prod").task(t.taskArn()).containerName("web").status("STOPPED")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("containerName: the task has no container named web.");
        // The first container's report is valid, the second's is not: neither is applied.
        assertThatThrownBy(() -> ecs.submitTaskStateChange(b -> b.cluster("prod")
                        .task(t.taskArn())
                        .status("STOPPED")
                        .containers(
                                c -> c.containerName("app").status("STOPPED").exitCode(1),
                                c -> c.containerName("log").status("EXITED"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "containers[1].status: EXITED is not a container status; the agent reports PENDING, RUNNING or STOPPED.");
        assertThatThrownBy(() -> ecs.submitTaskStateChange(
                        b -> b.cluster("prod").task(t.taskArn()).status("DONE")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("status: DONE is not a task status; the agent reports PENDING, RUNNING or STOPPED.");

        Task unchanged = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(unchanged.lastStatus()).isEqualTo("RUNNING");
        assertThat(unchanged.containers()).extracting(Container::lastStatus).containsExactly("RUNNING", "RUNNING");
        assertThat(ecs.events().all()).hasSize((int) events);
    }
}
