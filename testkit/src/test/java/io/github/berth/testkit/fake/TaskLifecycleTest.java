package io.github.berth.testkit.fake;

import static io.github.berth.testkit.fake.Scenario.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.HealthStatus;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskStopCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task's way from launch to STOPPED (docs/scheduler.md#task-lifecycle). */
class TaskLifecycleTest {

    @Test
    void ec2TaskGoesPendingToRunningWithEcsTimestamps() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        Task launched = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        assertThat(launched.lastStatus()).isEqualTo("PENDING");
        assertThat(launched.desiredStatus()).isEqualTo("RUNNING");
        assertThat(launched.createdAt()).isEqualTo(T0);
        assertThat(launched.version()).isEqualTo(1L);

        ecs.clock().advance(Duration.ofSeconds(2));
        Task pulling = Scenario.describe(ecs, "prod", launched.taskArn());
        assertThat(pulling.lastStatus()).isEqualTo("PENDING");
        assertThat(pulling.pullStartedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(pulling.pullStoppedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(pulling.startedAt()).isNull();

        ecs.clock().advance(Duration.ofSeconds(1));
        Task running = Scenario.describe(ecs, "prod", launched.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(running.connectivity().value()).isEqualTo("CONNECTED");
        assertThat(running.version()).isEqualTo(2L);
        assertThat(running.containers()).extracting(Container::lastStatus).containsExactly("RUNNING");
        // A dynamic host port was chosen from the ephemeral range and bound on 0.0.0.0.
        assertThat(running.containers().get(0).networkBindings())
                .singleElement()
                .satisfies(nb -> {
                    assertThat(nb.containerPort()).isEqualTo(80);
                    assertThat(nb.hostPort()).isBetween(32768, 60999);
                    assertThat(nb.bindIP()).isEqualTo("0.0.0.0");
                });
        assertThat(Scenario.statuses(ecs, launched.taskArn()))
                .containsExactly("0s PENDING/RUNNING", "3s RUNNING/RUNNING");
    }

    @Test
    void stopTaskWalksDownAndGivesTheResourcesBack() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        String instance = t.containerInstanceArn();
        assertThat(remaining(ecs, instance, "MEMORY")).isEqualTo(7987 - 512);
        ecs.clock().advance(Duration.ofMinutes(1));

        Task stopping = ecs.stopTask(b -> b.cluster("prod").task(t.taskArn())).task();
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
        assertThat(stopping.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopping.stoppedReason()).isEqualTo("Task stopped by user");
        assertThat(stopping.stoppingAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(remaining(ecs, instance, "MEMORY")).as("held until STOPPED").isEqualTo(7987 - 512);

        ecs.clock().advance(Duration.ofSeconds(1));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.executionStoppedAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(stopped.stoppedAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(0);
        assertThat(remaining(ecs, instance, "MEMORY")).isEqualTo(7987);
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly(
                        "0s PENDING/RUNNING", "3s RUNNING/RUNNING", "60s STOPPING/STOPPED", "61s STOPPED/STOPPED");
    }

    @Test
    void stopTaskKeepsTheReasonGivenAndRefusesAnUnknownTask() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        assertThat(ecs.stopTask(b -> b.cluster("prod").task(t.taskArn()).reason("deploy 42"))
                        .task()
                        .stoppedReason())
                .isEqualTo("deploy 42");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ecs.stopTask(b -> b.cluster("prod").task("0123")))
                .isInstanceOf(io.github.berth.core.error.InvalidParameterException.class)
                .hasMessage("The referenced task was not found.");
    }

    @Test
    void awsvpcTaskAttachesAnEniWithAnAddressOfItsSubnetAndDetachesIt() {
        FakeEcs ecs = Scenario.fake();
        ecs.subnet("subnet-1", "us-east-1b", "10.1.2.0/24");
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.registerTaskDefinition(Scenario.fargate("api"));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod")
                .taskDefinition("api")
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(Scenario.subnets("subnet-1"))));
        assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(t.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(t.platformVersion()).isEqualTo("1.4.0");
        assertThat(t.attachments())
                .singleElement()
                .extracting(Attachment::status)
                .isEqualTo("PRECREATED");

        ecs.clock().advance(Duration.ofSeconds(4));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        Attachment eni = running.attachments().get(0);
        assertThat(eni.status()).isEqualTo("ATTACHED");
        assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
        assertThat(detail(eni, "subnetId")).isEqualTo("subnet-1");
        assertThat(detail(eni, "privateIPv4Address")).isEqualTo("10.1.2.4");
        assertThat(running.containers().get(0).networkInterfaces().get(0).privateIpv4Address())
                .isEqualTo("10.1.2.4");

        ecs.stopTask(b -> b.cluster("prod").task(t.taskArn()));
        ecs.clock().advance(Duration.ofSeconds(2));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly(
                        "0s PROVISIONING/RUNNING",
                        "1s PENDING/RUNNING",
                        "4s RUNNING/RUNNING",
                        "4s STOPPING/STOPPED",
                        "5s DEPROVISIONING/STOPPED",
                        "6s STOPPED/STOPPED");
    }

    @Test
    void anImageThatCannotBePulledFailsToStart() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().image("private/missing:*").pullFailure();
        ecs.registerTaskDefinition(Scenario.checked("broken", "private/missing:1"));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("broken")));
        ecs.clock().advance(Duration.ofSeconds(10));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).startsWith("CannotPullContainerError: ");
        assertThat(stopped.startedAt()).as("it never ran").isNull();
        assertThat(stopped.containers().get(0).reason()).startsWith("CannotPullContainerError: ");
        assertThat(stopped.containers().get(0).exitCode()).isNull();
    }

    @Test
    void anImageNotMatchedByTheRuleRuns() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().image("private/missing:*").pullFailure();
        ecs.registerTaskDefinition(Scenario.checked("fine", "private/present:1"));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("fine")));
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).lastStatus()).isEqualTo("RUNNING");
    }

    @Test
    void anEssentialContainerThatExitsStopsTheTask() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().family("web").exitAfter(Duration.ofMinutes(5), 1);
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        ecs.clock().advance(Duration.ofMinutes(5).plusSeconds(3));
        Task stopping = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopping.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopping.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(stopping.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(stopping.containers().get(0).exitCode()).isEqualTo(1);
        assertThat(stopping.lastStatus()).isEqualTo("STOPPING");
        assertThat(stopping.stoppingAt()).isEqualTo(T0.plusSeconds(3 + 300));
    }

    @Test
    void aNonEssentialContainerThatExitsLeavesTheTaskRunning() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().container("init").exitAfter(Duration.ofSeconds(5), 0);
        ecs.registerTaskDefinition(b -> b.family("two")
                .containerDefinitions(List.of(
                        Scenario.container("app", "app:1").memory(256).build(),
                        Scenario.container("init", "init:1")
                                .memory(64)
                                .essential(false)
                                .build())));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("two")));
        ecs.clock().advance(Duration.ofMinutes(1));
        Task running = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.containers())
                .extracting(Container::name, Container::lastStatus, Container::exitCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("app", "RUNNING", null),
                        org.assertj.core.groups.Tuple.tuple("init", "STOPPED", 0));
    }

    @Test
    void anOomKilledContainerExitsWith137AndEcsReason() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().family("web").oomKilledAfter(Duration.ofHours(1));
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        ecs.clock().advance(Duration.ofHours(2));
        Task stopped = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.containers().get(0).exitCode()).isEqualTo(137);
        assertThat(stopped.containers().get(0).reason())
                .isEqualTo("OutOfMemoryError: Container killed due to memory usage");
    }

    @Test
    void aPassingHealthCheckMakesTheTaskHealthyAfterOneInterval() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.checked("app", "app:1"));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("app")));
        ecs.clock().advance(Duration.ofSeconds(12));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        ecs.clock().advance(Duration.ofSeconds(1));
        Task healthy = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(healthy.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(healthy.containers().get(0).healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void aFailingHealthCheckMakesTheTaskUnhealthyAfterRetriesIntervals() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().image("app:2").unhealthyAfter(Duration.ofSeconds(25));
        ecs.registerTaskDefinition(Scenario.checked("app", "app:2"));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("app")));
        // Probes at 10, 20 s pass (HEALTHY at 10 s after start); 30, 40, 50 s fail: UNHEALTHY at 50 s.
        ecs.clock().advanceTo(T0.plusSeconds(3 + 49));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).healthStatus()).isEqualTo(HealthStatus.HEALTHY);
        ecs.clock().advanceTo(T0.plusSeconds(3 + 50));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).lastStatus())
                .as("a standalone task keeps running whatever its health")
                .isEqualTo("RUNNING");
    }

    @Test
    void failuresInsideTheStartPeriodDoNotCount() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().image("slow:1").neverHealthy();
        ecs.registerTaskDefinition(b -> b.family("slow")
                .containerDefinitions(List.of(Scenario.container("app", "slow:1")
                        .memory(128)
                        .healthCheck(io.github.berth.core.model.HealthCheck.builder()
                                .command(List.of("CMD", "true"))
                                .interval(10)
                                .retries(2)
                                .startPeriod(60)
                                .build())
                        .build())));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("slow")));
        // Probes failing at 10..50 s fall inside the start period; those at 60 and 70 s count (as Docker
        // counts a probe once the time since start is no longer below the start period): UNHEALTHY at 70 s.
        ecs.clock().advanceTo(T0.plusSeconds(3 + 69));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).healthStatus()).isEqualTo(HealthStatus.UNKNOWN);
        ecs.clock().advanceTo(T0.plusSeconds(3 + 70));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).healthStatus()).isEqualTo(HealthStatus.UNHEALTHY);
    }

    @Test
    void anUnhealthyNonEssentialContainerDoesNotMakeTheTaskUnhealthy() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.behaviours().container("sidecar").neverHealthy();
        io.github.berth.core.model.HealthCheck hc = io.github.berth.core.model.HealthCheck.builder()
                .command(List.of("CMD", "true"))
                .interval(5)
                .retries(1)
                .build();
        ecs.registerTaskDefinition(b -> b.family("pair")
                .containerDefinitions(List.of(
                        Scenario.container("app", "app:1")
                                .memory(128)
                                .healthCheck(hc)
                                .build(),
                        Scenario.container("sidecar", "side:1")
                                .memory(64)
                                .essential(false)
                                .healthCheck(hc)
                                .build())));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("pair")));
        ecs.clock().advance(Duration.ofMinutes(1));
        Task task = Scenario.describe(ecs, "prod", t.taskArn());
        assertThat(task.containers())
                .extracting(Container::healthStatus)
                .containsExactly(HealthStatus.HEALTHY, HealthStatus.UNHEALTHY);
        assertThat(task.healthStatus()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void aStoppedTaskIsDescribableForAnHourThenMissing() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        ecs.stopTask(b -> b.cluster("prod").task(t.taskArn()));
        ecs.clock().advance(Duration.ofSeconds(1));
        ecs.clock().advance(Duration.ofMinutes(59));
        assertThat(Scenario.describe(ecs, "prod", t.taskArn()).lastStatus()).isEqualTo("STOPPED");
        assertThat(ecs.listTasks(b -> b.cluster("prod").desiredStatus(io.github.berth.core.model.DesiredStatus.STOPPED))
                        .taskArns())
                .containsExactly(t.taskArn());
        ecs.clock().advance(Duration.ofMinutes(1));
        var answer = ecs.describeTasks(b -> b.cluster("prod").tasks(List.of(t.taskArn())));
        assertThat(answer.tasks()).isEmpty();
        assertThat(answer.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo(t.taskArn());
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void aRuleWithAProbabilityAppliesToTheSameTasksForTheSameSeed() {
        List<String> first = exitedWithProbability(11);
        assertThat(exitedWithProbability(11)).isEqualTo(first);
        assertThat(first).contains("STOPPED").contains("RUNNING");
    }

    private static List<String> exitedWithProbability(long seed) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.4xlarge", "us-east-1a");
        ecs.behaviours().family("web").exitAfter(Duration.ofSeconds(30), 2).withProbability(0.5);
        ecs.registerTaskDefinition(Scenario.web());
        List<String> arns = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(10))
                    .tasks()
                    .forEach(t -> arns.add(t.taskArn()));
        }
        ecs.clock().advance(Duration.ofMinutes(5));
        return arns.stream()
                .map(a -> Scenario.describe(ecs, "prod", a).lastStatus())
                .toList();
    }

    private static String detail(Attachment a, String name) {
        return a.details().stream()
                .filter(d -> d.name().equals(name))
                .map(KeyValuePair::value)
                .findFirst()
                .orElse(null);
    }

    static int remaining(FakeEcs ecs, String instanceArn, String resource) {
        return ecs
                .describeContainerInstances(b -> b.cluster("prod").containerInstances(List.of(instanceArn)))
                .containerInstances()
                .get(0)
                .remainingResources()
                .stream()
                .filter(r -> r.name().equals(resource))
                .findFirst()
                .orElseThrow()
                .integerValue();
    }
}
