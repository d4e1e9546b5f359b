package io.github.berth.testkit.fake;

import static io.github.berth.testkit.fake.Scenario.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskStopCode;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Container start order by {@code dependsOn}: START, COMPLETE, SUCCESS, HEALTHY, and startTimeout
 * (docs/scheduler.md#container-dependencies). The task is pulled by 2 s and its first containers start
 * at 3 s (one-second steps).
 */
class ContainerDependenciesTest {

    private static ContainerDependency on(String name, ContainerCondition condition) {
        return ContainerDependency.builder()
                .containerName(name)
                .condition(condition)
                .build();
    }

    /** An essential "app" that waits for a non-essential "init" on {@code condition}. */
    private static FakeEcs appAfterInit(ContainerCondition condition) {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(b -> b.family("job")
                .containerDefinitions(List.of(
                        Scenario.container("app", "app:1")
                                .memory(256)
                                .dependsOn(List.of(on("init", condition)))
                                .build(),
                        Scenario.container("init", "init:1")
                                .memory(64)
                                .essential(false)
                                .build())));
        return ecs;
    }

    private static Task run(FakeEcs ecs, String family) {
        return Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition(family)));
    }

    @Test
    void successWaitsForTheInitContainerToExitZero() {
        FakeEcs ecs = appAfterInit(ContainerCondition.SUCCESS);
        ecs.behaviours().container("init").exitAfter(Duration.ofSeconds(5), 0);
        Task t = run(ecs, "job");

        ecs.clock().advance(Duration.ofSeconds(3));
        Task waiting = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(waiting.lastStatus()).isEqualTo("PENDING");
        assertThat(waiting.startedAt()).isNull();
        assertThat(waiting.containers())
                .extracting(Container::name, Container::lastStatus)
                .containsExactly(tuple("app", "PENDING"), tuple("init", "RUNNING"));

        ecs.clock().advance(Duration.ofSeconds(5));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(running.containers())
                .extracting(Container::name, Container::lastStatus, Container::exitCode)
                .containsExactly(tuple("app", "RUNNING", null), tuple("init", "STOPPED", 0));
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly("0s PENDING/RUNNING", "3s PENDING/RUNNING", "8s RUNNING/RUNNING");
    }

    @Test
    void successNeverMetStopsTheTaskWithTheAgentsReason() {
        FakeEcs ecs = appAfterInit(ContainerCondition.SUCCESS);
        ecs.behaviours().container("init").exitAfter(Duration.ofSeconds(5), 2);
        Task t = run(ecs, "job");

        ecs.clock().advance(Duration.ofSeconds(8));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopped.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopped.startedAt()).isNull();
        assertThat(stopped.stoppedAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(stopped.containers())
                .extracting(Container::name, Container::lastStatus, Container::exitCode, Container::reason)
                .containsExactly(
                        tuple(
                                "app",
                                "STOPPED",
                                143,
                                "CannotStartContainerError: dependency graph: failed to resolve container "
                                        + "ordering dependency [init] for target [app] as dependency did not exit successfully."),
                        tuple("init", "STOPPED", 2, null));
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly("0s PENDING/RUNNING", "3s PENDING/RUNNING", "8s STOPPED/STOPPED");
    }

    @Test
    void completeIsMetByAnyExitCode() {
        FakeEcs ecs = appAfterInit(ContainerCondition.COMPLETE);
        ecs.behaviours().container("init").exitAfter(Duration.ofSeconds(5), 2);
        Task t = run(ecs, "job");
        ecs.clock().advance(Duration.ofSeconds(7));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).lastStatus()).isEqualTo("PENDING");
        ecs.clock().advance(Duration.ofSeconds(1));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.containers())
                .extracting(Container::name, Container::lastStatus, Container::exitCode)
                .containsExactly(tuple("app", "RUNNING", null), tuple("init", "STOPPED", 2));
    }

    @Test
    void completeWaitsForeverForAContainerThatKeepsRunning() {
        FakeEcs ecs = appAfterInit(ContainerCondition.COMPLETE);
        Task t = run(ecs, "job");
        ecs.clock().advance(Duration.ofHours(1));
        Task waiting = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(waiting.lastStatus()).isEqualTo("PENDING");
        assertThat(waiting.containers()).extracting(Container::lastStatus).containsExactly("PENDING", "RUNNING");
    }

    @Test
    void startLetsBothContainersStartTogether() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(b -> b.family("pair")
                .containerDefinitions(List.of(
                        Scenario.container("app", "app:1")
                                .memory(256)
                                .dependsOn(List.of(on("proxy", ContainerCondition.START)))
                                .build(),
                        Scenario.container("proxy", "proxy:1").memory(64).build())));
        Task t = run(ecs, "pair");
        ecs.clock().advance(Duration.ofSeconds(3));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(Scenario.statuses(ecs, t.taskArn())).containsExactly("0s PENDING/RUNNING", "3s RUNNING/RUNNING");
    }

    /** An essential "app" that waits for an essential "proxy" (health check every 10 s) to be HEALTHY. */
    private static FakeEcs appAfterHealthyProxy(Integer proxyStartTimeout) {
        FakeEcs ecs = Scenario.cluster(1);
        ContainerDefinition proxy = Scenario.container("proxy", "proxy:1")
                .memory(64)
                .startTimeout(proxyStartTimeout)
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "exit 0"))
                        .interval(10)
                        .retries(3)
                        .build())
                .build();
        ecs.registerTaskDefinition(b -> b.family("mesh")
                .containerDefinitions(List.of(
                        Scenario.container("app", "app:1")
                                .memory(256)
                                .dependsOn(List.of(on("proxy", ContainerCondition.HEALTHY)))
                                .build(),
                        proxy)));
        return ecs;
    }

    @Test
    void healthyWaitsForTheDependencysFirstPassingProbe() {
        FakeEcs ecs = appAfterHealthyProxy(null);
        Task t = run(ecs, "mesh");
        ecs.clock().advance(Duration.ofSeconds(12));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).lastStatus()).isEqualTo("PENDING");
        ecs.clock().advance(Duration.ofSeconds(1));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(13));
        assertThat(running.containers())
                .extracting(Container::name, Container::lastStatus)
                .containsExactly(tuple("app", "RUNNING"), tuple("proxy", "RUNNING"));
    }

    @Test
    void aDependencyPastItsStartTimeoutMakesTheWaitingContainerGiveUp() {
        FakeEcs ecs = appAfterHealthyProxy(30);
        ecs.behaviours().container("proxy").neverHealthy();
        Task t = run(ecs, "mesh");
        ecs.clock().advance(Duration.ofSeconds(32));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).lastStatus()).isEqualTo("PENDING");

        ecs.clock().advance(Duration.ofSeconds(1));
        Task stopping = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopping.stoppingAt()).isEqualTo(T0.plusSeconds(33));
        assertThat(stopping.containers())
                .extracting(Container::name, Container::lastStatus, Container::exitCode, Container::reason)
                .containsExactly(
                        tuple(
                                "app",
                                "STOPPED",
                                143,
                                "CannotStartContainerError: dependency graph: container ordering dependency "
                                        + "[proxy] for target [app] has timed out."),
                        // The proxy had started: it gets the stop signal and exits as the behaviour says (0).
                        tuple("proxy", "STOPPED", 0, null));
    }

    @Test
    void aNonEssentialContainerThatCannotStartLeavesTheTaskToRun() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().container("migrate").exitAfter(Duration.ofSeconds(5), 1);
        ecs.registerTaskDefinition(b -> b.family("app")
                .containerDefinitions(List.of(
                        Scenario.container("app", "app:1").memory(256).build(),
                        Scenario.container("migrate", "migrate:1")
                                .memory(64)
                                .essential(false)
                                .build(),
                        Scenario.container("report", "report:1")
                                .memory(64)
                                .essential(false)
                                .dependsOn(List.of(on("migrate", ContainerCondition.SUCCESS)))
                                .build())));
        Task t = run(ecs, "app");
        ecs.clock().advance(Duration.ofSeconds(8));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        // [unsure] as the agent: the task is RUNNING once no container is left waiting.
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(running.containers())
                .extracting(Container::name, Container::lastStatus, Container::exitCode)
                .containsExactly(
                        tuple("app", "RUNNING", null), tuple("migrate", "STOPPED", 1), tuple("report", "STOPPED", 143));
    }

    @Test
    void aContainerWaitingForOneThatGaveUpWillNeverStart() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().container("fetch").exitAfter(Duration.ofSeconds(2), 1);
        ecs.registerTaskDefinition(b -> b.family("job")
                .containerDefinitions(List.of(
                        Scenario.container("fetch", "fetch:1")
                                .memory(32)
                                .essential(false)
                                .build(),
                        Scenario.container("unpack", "unpack:1")
                                .memory(32)
                                .essential(false)
                                .dependsOn(List.of(on("fetch", ContainerCondition.SUCCESS)))
                                .build(),
                        Scenario.container("app", "app:1")
                                .memory(128)
                                .dependsOn(List.of(on("unpack", ContainerCondition.COMPLETE)))
                                .build())));
        Task t = run(ecs, "job");
        ecs.clock().advance(Duration.ofSeconds(5));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.containers())
                .extracting(Container::name, Container::exitCode, Container::reason)
                .containsExactly(
                        tuple("fetch", 1, null),
                        tuple(
                                "unpack",
                                143,
                                "CannotStartContainerError: dependency graph: failed to resolve container ordering "
                                        + "dependency [fetch] for target [unpack] as dependency did not exit successfully."),
                        tuple(
                                "app",
                                143,
                                "CannotStartContainerError: dependency graph: failed to resolve container ordering "
                                        + "dependency [unpack] for target [app] because dependency will never start"));
    }

    @Test
    void aTaskWaitingForItsDependenciesIsRestoredFromASnapshotAndGoesOnTheSame() {
        FakeEcs original = appAfterHealthyProxy(30);
        original.behaviours().container("proxy").neverHealthy();
        Task t = run(original, "mesh");
        original.clock().advance(Duration.ofSeconds(10));
        FakeEcs restored = FakeEcs.restore(original.snapshot());
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        original.clock().advance(Duration.ofSeconds(30));
        restored.clock().advance(Duration.ofSeconds(30));
        assertThat(Scenario.describe(restored, "prod", t.taskArn())
                        .containers()
                        .get(0)
                        .reason())
                .isEqualTo(
                        "CannotStartContainerError: dependency graph: container ordering dependency [proxy] for target "
                                + "[app] has timed out.");
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }

    /**
     * Property: a chain of init containers, each waiting for the one before by SUCCESS, the app for the
     * last. Worked out by hand: the app runs once every init exited 0, at 3 s plus their run times; else
     * the task stops when the first one exits non-zero, and every container after it gives up with exit
     * code 143 because the one before it "did not exit successfully".
     */
    @Test
    void aChainOfInitContainersStartsTheAppOnlyIfEveryOneSucceeds() {
        Gen<List<int[]>> chains = Gen.lists(
                Gen.zip(Gen.integers(1, 10), Gen.elements(0, 0, 1, 2), (seconds, code) -> new int[] {seconds, code}),
                1,
                4);
        Property.forAll(chains).tries(40).seed(11).check(chain -> {
            FakeEcs ecs = Scenario.cluster(1);
            List<ContainerDefinition> defs = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                ContainerDefinition.Builder b =
                        Scenario.container("init" + i, "init:1").memory(32).essential(false);
                if (i > 0) {
                    b.dependsOn(List.of(on("init" + (i - 1), ContainerCondition.SUCCESS)));
                }
                defs.add(b.build());
                ecs.behaviours().container("init" + i).exitAfter(Duration.ofSeconds(chain.get(i)[0]), chain.get(i)[1]);
            }
            defs.add(Scenario.container("app", "app:1")
                    .memory(128)
                    .dependsOn(List.of(on("init" + (chain.size() - 1), ContainerCondition.SUCCESS)))
                    .build());
            ecs.registerTaskDefinition(b -> b.family("chain").containerDefinitions(defs));
            Task t = run(ecs, "chain");
            ecs.clock().advance(Duration.ofMinutes(2));
            Task after = Scenario.describe(ecs, "prod", t.taskArn());

            int failed = -1;
            long at = 3;
            for (int i = 0; i < chain.size(); i++) {
                at += chain.get(i)[0];
                if (chain.get(i)[1] != 0) {
                    failed = i;
                    break;
                }
            }
            if (failed < 0) {
                assertThat(after.lastStatus()).isEqualTo("RUNNING");
                assertThat(after.startedAt()).isEqualTo(T0.plusSeconds(at));
                return;
            }
            assertThat(after.lastStatus()).isEqualTo("STOPPED");
            assertThat(after.stoppedAt()).isEqualTo(T0.plusSeconds(at));
            List<String> names = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                names.add("init" + i);
            }
            names.add("app");
            for (int i = failed + 1; i < names.size(); i++) {
                String name = names.get(i);
                Container c = after.containers().stream()
                        .filter(k -> k.name().equals(name))
                        .findFirst()
                        .orElseThrow();
                String pair = "[" + names.get(i - 1) + "] for target [" + name + "]";
                assertThat(c.exitCode()).isEqualTo(143);
                // A container that gave up has exit code 143, so for SUCCESS the next one reads it as a failed
                // exit too (the agent checks that before "will never start").
                assertThat(c.reason())
                        .isEqualTo("CannotStartContainerError: dependency graph: failed to resolve container "
                                + "ordering dependency " + pair + " as dependency did not exit successfully.");
            }
        });
    }
}
