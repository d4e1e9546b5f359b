package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.DescribeServiceDeploymentsResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.ServiceNotFoundException;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.Deployment;
import io.github.berth.core.model.DeploymentAlarms;
import io.github.berth.core.model.DeploymentCircuitBreaker;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.ServiceDeployment;
import io.github.berth.core.model.ServiceDeploymentBrief;
import io.github.berth.core.model.ServiceDeploymentStatus;
import io.github.berth.core.model.ServiceEvent;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Rolling deployments (docs/scheduler.md#rolling-updates): minimumHealthyPercent and maximumPercent
 * with their rounding, the deployments list and rollout states, the circuit breaker and alarms
 * with rollback, the health check grace period, and the service deployment APIs.
 */
class DeploymentsTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:";

    final FakeEcs ecs = FakeEcs.builder().seed(23).build();

    DeploymentsTest() {
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("prod", "m5.large", "us-east-1b");
        register("web", "web:1");
        register("web", "web:2");
        register("broken", "broken:1");
        ecs.behaviours().image("broken:*").pullFailure();
    }

    void register(String family, String image) {
        ecs.registerTaskDefinition(b -> b.family(family)
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("app")
                        .image(image)
                        .memory(256)
                        .build())));
    }

    /** Creates service web on web:1 and waits until its first deployment has COMPLETED. */
    Service steadyService(int desired, Consumer<DeploymentConfiguration.Builder> config) {
        DeploymentConfiguration.Builder c = DeploymentConfiguration.builder();
        config.accept(c);
        DeploymentConfiguration built = c.build();
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition("web:1")
                .desiredCount(desired)
                .deploymentConfiguration(built));
        // With alarms the first deployment completes only after its bake time too
        // (docs/scheduler.md#deployment-alarm-bake-time).
        ecs.clock().advance(built.alarms() == null ? Duration.ofMinutes(1) : Duration.ofMinutes(3));
        Service s = describe();
        assertThat(s.deployments()).hasSize(1);
        assertThat(s.deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        return s;
    }

    Service describe() {
        return ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                .services()
                .get(0);
    }

    void deploy(String taskDefinition) {
        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition(taskDefinition));
    }

    List<Task> tasks(DesiredStatus status) {
        List<String> arns = ecs.listTasks(
                        b -> b.cluster("prod").serviceName("web").desiredStatus(status))
                .taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    long running(String taskDefinition) {
        return tasks(DesiredStatus.RUNNING).stream()
                .filter(t -> t.taskDefinitionArn().endsWith(":task-definition/" + taskDefinition))
                .count();
    }

    static List<String> messages(Service s) {
        List<String> out = new ArrayList<>();
        for (ServiceEvent e : s.events()) {
            out.add(e.message());
        }
        return out;
    }

    // ------------------------------------------------------------------ rolling update

    /** docs/scheduler.md#rolling-updates: 100/200 starts all new tasks first, stops the old ones once the new are healthy. */
    @Test
    void defaultRollingUpdateStartsBeforeItStops() {
        Service before = steadyService(4, c -> {});
        String first = before.deployments().get(0).id();
        deploy("web:2");
        ecs.clock().advance(Duration.ofSeconds(10));
        Service mid = describe();
        assertThat(mid.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
        Deployment primary = mid.deployments().get(0);
        Deployment active = mid.deployments().get(1);
        assertThat(active.id()).isEqualTo(first);
        assertThat(primary.taskDefinition()).isEqualTo(ARN + "task-definition/web:2");
        assertThat(primary.rolloutState().value()).isEqualTo("IN_PROGRESS");
        assertThat(primary.runningCount()).isEqualTo(4);
        assertThat(active.runningCount()).isEqualTo(4);
        assertThat(mid.runningCount()).isEqualTo(8);
        // Old tasks stay until the new ones count as healthy (40 s after RUNNING: no health checks).
        assertThat(running("web:1")).isEqualTo(4);
        ecs.clock().advance(Duration.ofSeconds(40));
        Service after = describe();
        assertThat(after.deployments()).extracting(Deployment::id).containsExactly(primary.id());
        assertThat(after.deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(running("web:1")).isZero();
        assertThat(running("web:2")).isEqualTo(4);
        assertThat(tasks(DesiredStatus.STOPPED))
                .hasSize(4)
                .allSatisfy(t -> assertThat(t.stoppedReason())
                        .isEqualTo("Scaling activity initiated by (deployment " + primary.id() + ")"));
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(messages(describe()).subList(0, 2))
                .containsExactly(
                        "(service web) has reached a steady state.",
                        "(service web) (deployment " + primary.id() + ") deployment completed.");
    }

    /** docs/scheduler.md#rolling-updates: 50/100 stops half the old tasks first, then starts their replacements. */
    @Test
    void minimumHealthyFiftyStopsBeforeItStarts() {
        steadyService(4, c -> c.minimumHealthyPercent(50).maximumPercent(100));
        deploy("web:2");
        ecs.clock().advance(Duration.ofMillis(1));
        // Nothing may start (4 tasks = 100 %), two may stop (ceil(4 x 50 %) = 2 must stay healthy).
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(running("web:2")).isZero();
        ecs.clock().advance(Duration.ofSeconds(2));
        assertThat(running("web:2")).isEqualTo(2);
        List<String> m = messages(describe());
        assertThat(m.get(0)).startsWith("(service web) has started 2 tasks:");
        assertThat(m.get(1)).startsWith("(service web) has stopped 2 running tasks:");
        Service done = ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(done.runningCount()).isEqualTo(4);
        assertThat(running("web:2")).isEqualTo(4);
    }

    /** docs/scheduler.md#rolling-updates: the lower limit rounds up, the upper limit down. */
    @Test
    void limitsAreRoundedUpAndDown() {
        // desired 3, 50 % -> ceil(1.5) = 2 must stay; 125 % -> floor(3.75) = 3: one stop at a time, no start first.
        steadyService(3, c -> c.minimumHealthyPercent(50).maximumPercent(125));
        deploy("web:2");
        ecs.clock().advance(Duration.ofMillis(1));
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(running("web:2")).isZero();
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(10));
        assertThat(running("web:2")).isEqualTo(3);
    }

    /** docs/scheduler.md#rolling-updates: 100/100 can neither start nor stop: ECS says so and nothing moves. */
    @Test
    void aDeploymentThatCannotMoveSaysSo() {
        steadyService(2, c -> c.minimumHealthyPercent(100).maximumPercent(100));
        deploy("web:2");
        ecs.clock().advance(Duration.ofMinutes(5));
        Service s = describe();
        assertThat(messages(s).get(0))
                .isEqualTo("(service web) was unable to stop or start tasks during a deployment "
                        + "because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent "
                        + "value and try again.");
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(running("web:2")).isZero();
        // Loosening the limits lets it finish.
        ecs.updateService(b -> b.cluster("prod")
                .service("web")
                .deploymentConfiguration(
                        DeploymentConfiguration.builder().maximumPercent(150).build()));
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(running("web:2")).isEqualTo(2);
    }

    /** docs/scheduler.md#rolling-updates: what does not need a new deployment does not start one. */
    @Test
    void onlySomeChangesStartADeployment() {
        Service s = steadyService(2, c -> {});
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(3).healthCheckGracePeriodSeconds(30));
        assertThat(describe().deployments())
                .extracting(Deployment::id)
                .containsExactly(s.deployments().get(0).id());
        ecs.updateService(b -> b.cluster("prod").service("web").forceNewDeployment(true));
        assertThat(describe().deployments()).hasSize(2);
    }

    // ------------------------------------------------------------------ circuit breaker

    /** docs/scheduler.md#circuit-breaker: tasks that fail to start fail the deployment, which rolls back. */
    @Test
    void circuitBreakerRollsBackADeploymentWhoseTasksFailToStart() {
        Service before = steadyService(
                2,
                c -> c.deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(true)
                        .build()));
        String first = before.deployments().get(0).id();
        deploy("broken:1");
        // Two tasks fail 2 s after launch, two more 2 s later.
        ecs.clock().advance(Duration.ofSeconds(4));
        Service s = describe();
        Deployment failed = s.deployments().get(1);
        Deployment rollback = s.deployments().get(0);
        // Threshold max(3, ceil(2 / 2)) = 3: the second pair of failures reaches it.
        assertThat(failed.rolloutState().value()).isEqualTo("FAILED");
        assertThat(failed.rolloutStateReason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(failed.failedTasks()).isEqualTo(4);
        assertThat(rollback.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(rollback.rolloutState().value()).isEqualTo("IN_PROGRESS");
        assertThat(rollback.rolloutStateReason())
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + failed.id() + ".");
        assertThat(s.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        // The old tasks never stopped.
        assertThat(running("web:1")).isGreaterThanOrEqualTo(2);
        Service done = ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(done.deployments()).extracting(Deployment::id).containsExactly(rollback.id());
        List<EcsEvent> events = ecs.events().ofType("ECS Deployment State Change");
        assertThat(events)
                .extracting(e -> e.detail("eventName") + " " + e.detail("deploymentId"))
                .containsExactly(
                        "SERVICE_DEPLOYMENT_IN_PROGRESS " + first,
                        "SERVICE_DEPLOYMENT_COMPLETED " + first,
                        "SERVICE_DEPLOYMENT_IN_PROGRESS " + failed.id(),
                        "SERVICE_DEPLOYMENT_FAILED " + failed.id(),
                        "SERVICE_DEPLOYMENT_IN_PROGRESS " + rollback.id(),
                        "SERVICE_DEPLOYMENT_COMPLETED " + rollback.id());
        assertThat(events.get(3).detail("eventType")).isEqualTo("ERROR");
        assertThat(events.get(4).detail("reason"))
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + failed.id() + ".");
        // As a service deployment, the failed one was rolled back.
        ServiceDeployment sd = serviceDeployment(failed.id());
        assertThat(sd.status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        assertThat(sd.rollback().serviceRevisionArn())
                .isEqualTo(ARN + "service-revision/prod/web/" + first.substring("ecs-svc/".length()));
        assertThat(sd.deploymentCircuitBreaker().status().value()).isEqualTo("TRIGGERED");
        assertThat(sd.deploymentCircuitBreaker().threshold()).isEqualTo(3);
    }

    /** docs/scheduler.md#circuit-breaker: without rollback the failed deployment stays and starts nothing more. */
    @Test
    void circuitBreakerWithoutRollbackStopsLaunching() {
        steadyService(
                2,
                c -> c.deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(false)
                        .build()));
        deploy("broken:1");
        // Two tasks fail 2 s after launch, two more 2 s later.
        ecs.clock().advance(Duration.ofSeconds(4));
        Service s = describe();
        assertThat(s.deployments().get(0).rolloutState().value()).isEqualTo("FAILED");
        long launches = launches();
        ecs.clock().advance(Duration.ofMinutes(30));
        assertThat(launches()).isEqualTo(launches);
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(serviceDeployment(s.deployments().get(0).id()).status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
    }

    /** docs/scheduler.md#circuit-breaker: with the breaker off, failing tasks are retried forever (throttled). */
    @Test
    void withoutCircuitBreakerADeploymentKeepsTrying() {
        steadyService(2, c -> {});
        deploy("broken:1");
        ecs.clock().advance(Duration.ofMinutes(30));
        Service s = describe();
        assertThat(s.deployments().get(0).rolloutState().value()).isEqualTo("IN_PROGRESS");
        assertThat(s.deployments().get(0).failedTasks()).isGreaterThan(10);
        assertThat(running("web:1")).isEqualTo(2);
    }

    private long launches() {
        return ecs.events().ofType("ECS Task State Change").stream()
                .filter(e ->
                        e.detail().path("pullStartedAt").isMissingNode() && "PENDING".equals(e.detail("lastStatus")))
                .count();
    }

    // ------------------------------------------------------------------ alarms

    /** docs/scheduler.md#deployment-alarms: an alarm going to ALARM fails the deployment and rolls it back. */
    @Test
    void anAlarmFailsTheDeploymentAndRollsBack() {
        steadyService(
                2,
                c -> c.alarms(DeploymentAlarms.builder()
                        .alarmNames(List.of("web-5xx"))
                        .enable(true)
                        .rollback(true)
                        .build()));
        deploy("web:2");
        ecs.clock().advance(Duration.ofSeconds(5));
        ecs.alarms().set("web-5xx", "ALARM");
        ecs.clock().advance(Duration.ofMillis(1));
        Service s = describe();
        Deployment failed = s.deployments().get(1);
        assertThat(failed.taskDefinition()).isEqualTo(ARN + "task-definition/web:2");
        assertThat(failed.rolloutState().value()).isEqualTo("FAILED");
        assertThat(s.deployments().get(0).taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        ServiceDeployment sd = serviceDeployment(failed.id());
        assertThat(sd.alarms().triggeredAlarmNames()).containsExactly("web-5xx");
        assertThat(sd.alarms().status().value()).isEqualTo("TRIGGERED");
        ecs.alarms().set("web-5xx", "OK");
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(running("web:2")).isZero();
    }

    /** docs/scheduler.md#deployment-alarms: an alarm already in ALARM when the deployment starts is ignored. */
    @Test
    void anAlarmAlreadyFiringIsIgnored() {
        steadyService(
                2,
                c -> c.alarms(DeploymentAlarms.builder()
                        .alarmNames(List.of("web-5xx"))
                        .enable(true)
                        .rollback(true)
                        .build()));
        ecs.alarms().set("web-5xx", "ALARM");
        deploy("web:2");
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(running("web:2")).isEqualTo(2);
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(ecs.alarms().state("web-5xx")).isEqualTo("ALARM");
        assertThat(ecs.alarms().state("never-set")).isEqualTo("INSUFFICIENT_DATA");
        assertThatThrownBy(() -> ecs.alarms().set("web-5xx", "RED")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ alarm bake time

    /**
     * Service web (2 tasks of web:1) watching alarms web-5xx (Period 60 s × 3) and latency (30 s × 2),
     * with rollback; its first deployment completed (at 00:00:43 + the 3-minute bake). Then web:2 is
     * deployed at 00:05:00: its tasks run at 00:05:03, count as healthy at 00:05:43, when the old ones stop.
     */
    String deployWatchingAlarms() {
        ecs.alarms().evaluation("web-5xx", 60, 3).evaluation("latency", 30, 2);
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition("web:1")
                .desiredCount(2)
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .alarms(DeploymentAlarms.builder()
                                .alarmNames(List.of("web-5xx", "latency"))
                                .enable(true)
                                .rollback(true)
                                .build())
                        .build()));
        ecs.clock().advanceTo(T0.plusSeconds(300));
        Deployment first = describe().deployments().get(0);
        assertThat(first.rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(first.updatedAt()).isEqualTo(T0.plusSeconds(223));
        deploy("web:2");
        return describe().deployments().get(0).id();
    }

    /**
     * docs/scheduler.md#deployment-alarm-bake-time: with alarms, the deployment completes only once the
     * longest evaluation time of its alarms (3 minutes) has passed after the old tasks stopped; the old
     * deployment stays listed until then.
     */
    @Test
    void withAlarmsTheDeploymentCompletesAfterTheBakeTime() {
        String id = deployWatchingAlarms();
        String oldId = describe().deployments().get(1).id();
        ecs.clock().advanceTo(T0.plusSeconds(343 + 179));
        Service baking = describe();
        assertThat(baking.deployments())
                .extracting(Deployment::id, Deployment::status, Deployment::runningCount, Deployment::desiredCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(id, "PRIMARY", 2, 2),
                        org.assertj.core.groups.Tuple.tuple(oldId, "ACTIVE", 0, 0));
        assertThat(baking.deployments().get(0).rolloutState().value()).isEqualTo("IN_PROGRESS");
        assertThat(baking.deployments().get(0).rolloutStateReason())
                .isEqualTo("ECS deployment " + id + " in progress.");
        assertThat(messages(baking).get(0)).startsWith("(service web) has stopped 2 running tasks: (task ");
        assertThat(serviceDeployment(id).status().value()).isEqualTo("IN_PROGRESS");
        assertThat(serviceDeployment(id).alarms().status().value()).isEqualTo("MONITORING");
        assertThat(running("web:1")).isZero();

        ecs.clock().advanceTo(T0.plusSeconds(343 + 180));
        Service done = describe();
        assertThat(done.deployments()).extracting(Deployment::id).containsExactly(id);
        assertThat(done.deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(done.deployments().get(0).rolloutStateReason()).isEqualTo("ECS deployment " + id + " completed.");
        assertThat(messages(done).subList(0, 2))
                .containsExactly(
                        "(service web) has reached a steady state.",
                        "(service web) (deployment " + id + ") deployment completed.");
        assertThat(done.events().get(1).createdAt()).isEqualTo(Instant.parse("2026-01-01T00:08:43Z"));
        EcsEvent completed = ecs.events()
                .matching(e -> "SERVICE_DEPLOYMENT_COMPLETED".equals(e.detail("eventName"))
                        && id.equals(e.detail("deploymentId")))
                .get(0);
        assertThat(completed.time()).isEqualTo(Instant.parse("2026-01-01T00:08:43Z"));
        assertThat(completed.detail("reason")).isEqualTo("ECS deployment " + id + " completed.");
        assertThat(serviceDeployment(id).status().value()).isEqualTo("SUCCESSFUL");
        assertThat(serviceDeployment(id).alarms().status().value()).isEqualTo("MONITORING_COMPLETE");

        // Once the bake time is over an alarm no longer matters to the deployment.
        ecs.alarms().set("web-5xx", "ALARM");
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(describe().deployments()).extracting(Deployment::id).containsExactly(id);
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(running("web:2")).isEqualTo(2);
    }

    /**
     * docs/scheduler.md#deployment-alarm-bake-time: a task of the deployment stopping during the bake
     * time starts the bake again once its replacement counts as healthy.
     */
    @Test
    void aTaskStoppingDuringTheBakeTimeStartsItAgain() {
        String id = deployWatchingAlarms();
        ecs.clock().advanceTo(T0.plusSeconds(420));
        String victim = tasks(DesiredStatus.RUNNING).get(0).taskArn();
        ecs.stopTask(b -> b.cluster("prod").task(victim));
        // The replacement starts at 00:07:00, runs at 00:07:03 and counts as healthy at 00:07:43.
        ecs.clock().advanceTo(T0.plusSeconds(463 + 179));
        assertThat(describe().deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("IN_PROGRESS");
        ecs.clock().advanceTo(T0.plusSeconds(463 + 180));
        assertThat(describe().deployments()).extracting(Deployment::id).containsExactly(id);
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(describe().deployments().get(0).updatedAt()).isEqualTo(Instant.parse("2026-01-01T00:10:43Z"));
    }

    /** docs/scheduler.md#deployment-alarm-bake-time: an alarm going to ALARM during the bake time fails the deployment and rolls it back. */
    @Test
    void anAlarmDuringTheBakeTimeRollsBack() {
        String id = deployWatchingAlarms();
        ecs.clock().advanceTo(T0.plusSeconds(420));
        ecs.alarms().set("latency", "ALARM");
        ecs.clock().advance(Duration.ofMillis(1));
        Service s = describe();
        Deployment rollback = s.deployments().get(0);
        Deployment failed = s.deployments().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(rollback.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(rollback.rolloutStateReason())
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId " + id + ".");
        assertThat(failed.status()).isEqualTo("ACTIVE");
        assertThat(failed.rolloutState().value()).isEqualTo("FAILED");
        assertThat(failed.rolloutStateReason())
                .isEqualTo("ECS deployment " + id + " failed: alarm(s) latency in ALARM state.");
        EcsEvent failure = ecs.events()
                .matching(e -> "SERVICE_DEPLOYMENT_FAILED".equals(e.detail("eventName")))
                .get(0);
        assertThat(failure.time()).isEqualTo(Instant.parse("2026-01-01T00:07:00Z"));
        assertThat(failure.detail("eventType")).isEqualTo("ERROR");
        assertThat(failure.detail("deploymentId")).isEqualTo(id);
        assertThat(failure.detail("reason"))
                .isEqualTo("ECS deployment " + id + " failed: alarm(s) latency in ALARM state.");
        ServiceDeployment sd = serviceDeployment(id);
        assertThat(sd.status().value()).isEqualTo("ROLLBACK_IN_PROGRESS");
        assertThat(sd.alarms().status().value()).isEqualTo("TRIGGERED");
        assertThat(sd.alarms().triggeredAlarmNames()).containsExactly("latency");
        assertThat(ecs.events()
                        .matching(e -> "SERVICE_DEPLOYMENT_COMPLETED".equals(e.detail("eventName"))
                                && id.equals(e.detail("deploymentId"))))
                .isEmpty();

        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(running("web:2")).isZero();
        assertThat(serviceDeployment(id).status().value()).isEqualTo("ROLLBACK_SUCCESSFUL");
    }

    /** docs/scheduler.md#deployment-alarm-bake-time: an alarm whose evaluation the test never set bakes one minute. */
    @Test
    void anAlarmWithoutEvaluationBakesOneMinute() {
        Service s = steadyService(
                2,
                c -> c.alarms(DeploymentAlarms.builder()
                        .alarmNames(List.of("web-5xx"))
                        .enable(true)
                        .rollback(false)
                        .build()));
        // Healthy at 00:00:43, then 60 s of bake.
        assertThat(s.deployments().get(0).updatedAt()).isEqualTo(T0.plusSeconds(103));
        assertThatThrownBy(() -> ecs.alarms().evaluation("web-5xx", 45, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Period must be 10, 20, 30 or a multiple of 60: 45");
        assertThatThrownBy(() -> ecs.alarms().evaluation("web-5xx", 60, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EvaluationPeriods must be at least 1: 0");
    }

    /** docs/scheduler.md#deployment-alarm-bake-time: without alarms, or with alarms ignored, there is no bake time. */
    @Test
    void ignoredAlarmsDoNotBake() {
        ecs.alarms().evaluation("web-5xx", 300, 2);
        ecs.alarms().set("web-5xx", "ALARM");
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition("web:1")
                .desiredCount(2)
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .alarms(DeploymentAlarms.builder()
                                .alarmNames(List.of("web-5xx"))
                                .enable(true)
                                .rollback(true)
                                .build())
                        .build()));
        ecs.clock().advanceTo(T0.plusSeconds(43));
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(describe().deployments().get(0).updatedAt()).isEqualTo(T0.plusSeconds(43));
    }

    // ------------------------------------------------------------------ health and grace period

    void registerChecked() {
        ecs.behaviours().image("sick:*").unhealthyAfter(Duration.ZERO);
        ecs.registerTaskDefinition(b -> b.family("sick")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("app")
                        .image("sick:1")
                        .memory(256)
                        .healthCheck(HealthCheck.builder()
                                .command(List.of("CMD-SHELL", "true"))
                                .interval(30)
                                .retries(3)
                                .build())
                        .build())));
    }

    /** docs/scheduler.md#health-check-grace-period: an unhealthy task is replaced, at once without a grace period. */
    @Test
    void unhealthyTasksAreReplaced() {
        registerChecked();
        ecs.createService(
                b -> b.cluster("prod").serviceName("web").taskDefinition("sick").desiredCount(1));
        // RUNNING at 3 s; three failing probes at 30, 60, 90 s: UNHEALTHY at 93 s.
        ecs.clock().advanceTo(T0.plusSeconds(92));
        assertThat(tasks(DesiredStatus.STOPPED)).isEmpty();
        ecs.clock().advanceTo(T0.plusSeconds(93));
        List<Task> stopped = tasks(DesiredStatus.STOPPED);
        assertThat(stopped).hasSize(1);
        assertThat(stopped.get(0).stoppedReason()).isEqualTo("Task failed container health checks");
        assertThat(stopped.get(0).stopCode().value()).isEqualTo("ServiceSchedulerInitiated");
        assertThat(tasks(DesiredStatus.RUNNING)).hasSize(1);
    }

    /** docs/scheduler.md#health-check-grace-period: within the grace period an unhealthy task is left alone. */
    @Test
    void theGracePeriodDefersReplacement() {
        registerChecked();
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition("sick")
                .desiredCount(1)
                .healthCheckGracePeriodSeconds(120));
        ecs.clock().advanceTo(T0.plusSeconds(122));
        assertThat(tasks(DesiredStatus.STOPPED)).isEmpty();
        ecs.clock().advanceTo(T0.plusSeconds(123));
        assertThat(tasks(DesiredStatus.STOPPED)).hasSize(1);
    }

    // ------------------------------------------------------------------ service deployments

    ServiceDeployment serviceDeployment(String deploymentId) {
        String arn = ARN + "service-deployment/prod/web/" + deploymentId.substring("ecs-svc/".length());
        DescribeServiceDeploymentsResponse r =
                ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of(arn)));
        assertThat(r.failures()).isEmpty();
        return r.serviceDeployments().get(0);
    }

    /** docs/scheduler.md#deployments: ListServiceDeployments and DescribeServiceDeployments, newest first. */
    @Test
    void serviceDeploymentsAreListedAndDescribed() {
        Service s = steadyService(2, c -> {});
        String first = s.deployments().get(0).id();
        deploy("web:2");
        ecs.clock().advance(Duration.ofSeconds(5));
        List<ServiceDeploymentBrief> list = ecs.listServiceDeployments(
                        b -> b.cluster("prod").service("web"))
                .serviceDeployments();
        assertThat(list).hasSize(2);
        String second = describe().deployments().get(0).id();
        assertThat(list.get(0).serviceDeploymentArn())
                .isEqualTo(ARN + "service-deployment/prod/web/" + second.substring("ecs-svc/".length()));
        assertThat(list.get(0).status()).isEqualTo(ServiceDeploymentStatus.IN_PROGRESS);
        assertThat(list.get(1).status()).isEqualTo(ServiceDeploymentStatus.SUCCESSFUL);
        assertThat(list.get(1).finishedAt()).isEqualTo(T0.plusSeconds(43));
        assertThat(ecs.listServiceDeployments(b ->
                                b.cluster("prod").service("web").status(List.of(ServiceDeploymentStatus.SUCCESSFUL)))
                        .serviceDeployments())
                .hasSize(1);

        ServiceDeployment sd = serviceDeployment(second);
        assertThat(sd.serviceArn()).isEqualTo(ARN + "service/prod/web");
        assertThat(sd.targetServiceRevision().arn())
                .isEqualTo(ARN + "service-revision/prod/web/" + second.substring("ecs-svc/".length()));
        assertThat(sd.targetServiceRevision().requestedTaskCount()).isEqualTo(2);
        assertThat(sd.sourceServiceRevisions())
                .extracting(r -> r.arn())
                .containsExactly(ARN + "service-revision/prod/web/" + first.substring("ecs-svc/".length()));
        assertThat(sd.sourceServiceRevisions().get(0).runningTaskCount()).isEqualTo(2);
        assertThat(sd.deploymentCircuitBreaker().status().value()).isEqualTo("DISABLED");

        DescribeServiceDeploymentsResponse missing = ecs.describeServiceDeployments(
                b -> b.serviceDeploymentArns(List.of(ARN + "service-deployment/prod/web/1234567890123456789")));
        assertThat(missing.failures()).extracting(f -> f.reason()).containsExactly("MISSING");
        assertThatThrownBy(
                        () -> ecs.listServiceDeployments(b -> b.cluster("prod").service("api")))
                .isInstanceOf(ServiceNotFoundException.class)
                .hasMessage("Service not found.");
        assertThatThrownBy(() -> ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("serviceDeploymentArns must contain between 1 and 20 items.");
    }

    /** docs/scheduler.md#services: a fake restored from a snapshot mid-deployment goes on exactly as the original. */
    @Test
    void aSnapshotMidDeploymentContinuesIdentically() {
        steadyService(
                4,
                c -> c.minimumHealthyPercent(50)
                        .alarms(DeploymentAlarms.builder()
                                .alarmNames(List.of("web-5xx"))
                                .enable(true)
                                .rollback(true)
                                .build()));
        ecs.targetGroup("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/0123456789abcdef")
                .deregistrationDelay(Duration.ofSeconds(10));
        deploy("web:2");
        ecs.clock().advance(Duration.ofSeconds(2));
        ecs.alarms().set("other", "OK");
        FakeEcs restored = FakeEcs.restore(ecs.snapshot());
        assertThat(restored.snapshot()).isEqualTo(ecs.snapshot());
        assertThat(restored.alarms().state("other")).isEqualTo("OK");
        for (FakeEcs f : List.of(ecs, restored)) {
            f.clock().advance(Duration.ofSeconds(20));
            f.alarms().set("web-5xx", "ALARM");
            f.clock().advance(Duration.ofMinutes(5));
        }
        assertThat(restored.snapshot()).isEqualTo(ecs.snapshot());
        assertThat(restored.describeServices(b -> b.cluster("prod").services(List.of("web"))))
                .isEqualTo(ecs.describeServices(b -> b.cluster("prod").services(List.of("web"))));
    }

    /** docs/scheduler.md#deployments: StopServiceDeployment rolls back (the default) or aborts a deployment in progress. */
    @Test
    void stopServiceDeploymentRollsBackOrAborts() {
        Service before = steadyService(2, c -> {});
        String first = before.deployments().get(0).id();
        deploy("web:2");
        ecs.clock().advance(Duration.ofSeconds(1));
        String second = describe().deployments().get(0).id();
        String arn = ARN + "service-deployment/prod/web/" + second.substring("ecs-svc/".length());
        assertThat(ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(arn)).serviceDeploymentArn())
                .isEqualTo(arn);
        Service s = describe();
        assertThat(s.deployments().get(0).taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(s.deployments().get(1).rolloutState().value()).isEqualTo("FAILED");
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(serviceDeployment(second).status()).isEqualTo(ServiceDeploymentStatus.ROLLBACK_SUCCESSFUL);
        // Not in progress any more: a conflict.
        assertThatThrownBy(() -> ecs.stopServiceDeployment(b -> b.serviceDeploymentArn(arn)))
                .isInstanceOf(io.github.berth.core.error.ConflictException.class)
                .hasMessage("The service deployment " + arn + " is not in progress.");
        assertThatThrownBy(() -> ecs.stopServiceDeployment(
                        b -> b.serviceDeploymentArn(ARN + "service-deployment/prod/web/1111111111111111111")))
                .isInstanceOf(io.github.berth.core.error.ServiceDeploymentNotFoundException.class);

        // ABORT: the deployment stops where it is; nothing rolls back.
        deploy("web:2");
        ecs.clock().advance(Duration.ofSeconds(1));
        String third = describe().deployments().get(0).id();
        ecs.stopServiceDeployment(
                b -> b.serviceDeploymentArn(ARN + "service-deployment/prod/web/" + third.substring("ecs-svc/".length()))
                        .stopType(io.github.berth.core.model.StopServiceDeploymentStopType.ABORT));
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(describe().deployments().get(0).id()).isEqualTo(third);
        assertThat(serviceDeployment(third).status()).isEqualTo(ServiceDeploymentStatus.STOPPED);
        assertThat(first).isNotEqualTo(third);
    }

    /** docs/scheduler.md#deployments: DescribeServiceRevisions answers what each deployment deployed. */
    @Test
    void serviceRevisionsDescribeWhatWasDeployed() {
        Service s = steadyService(2, c -> {});
        String id = s.deployments().get(0).id();
        String arn = ARN + "service-revision/prod/web/" + id.substring("ecs-svc/".length());
        var r = ecs.describeServiceRevisions(
                b -> b.serviceRevisionArns(List.of(arn, ARN + "service-revision/prod/web/1111111111111111111")));
        assertThat(r.serviceRevisions()).hasSize(1);
        assertThat(r.serviceRevisions().get(0).taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(r.serviceRevisions().get(0).serviceArn()).isEqualTo(ARN + "service/prod/web");
        assertThat(r.serviceRevisions().get(0).createdAt()).isEqualTo(T0);
        assertThat(r.failures()).extracting(f -> f.reason()).containsExactly("MISSING");
        assertThatThrownBy(() -> ecs.describeServiceRevisions(b -> b.serviceRevisionArns(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("serviceRevisionArns must contain between 1 and 20 items.");
    }
}
