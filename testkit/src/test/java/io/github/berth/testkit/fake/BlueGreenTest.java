package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.AdvancedConfiguration;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.Deployment;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.DeploymentLifecycleHook;
import io.github.berth.core.model.DeploymentLifecycleHookAction;
import io.github.berth.core.model.DeploymentLifecycleHookStage;
import io.github.berth.core.model.DeploymentStrategy;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.ServiceDeployment;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Blue/green, linear and canary deployments of the ECS controller
 * (docs/scheduler.md#blue-green-deployments) and their lifecycle hooks
 * (docs/scheduler.md#lifecycle-hooks).
 */
class BlueGreenTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:";
    static final String BLUE = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef";
    static final String GREEN =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/fedcba9876543210";
    static final String RULE = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3";
    static final String ROLE = "arn:aws:iam::123456789012:role/ecs-infrastructure";
    static final String HOOK = "arn:aws:lambda:us-east-1:123456789012:function:smoke-test";

    final FakeEcs ecs = FakeEcs.builder().seed(41).build();

    BlueGreenTest() {
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("prod", "m5.large", "us-east-1b");
        for (String image : List.of("web:1", "web:2")) {
            ecs.registerTaskDefinition(b -> b.family("web")
                    .containerDefinitions(List.of(ContainerDefinition.builder()
                            .name("web")
                            .image(image)
                            .memory(256)
                            .portMappings(List.of(
                                    PortMapping.builder().containerPort(80).build()))
                            .build())));
        }
        // Healthy after 2 probes 5 s apart.
        ecs.targetGroup(BLUE).healthCheck(Duration.ofSeconds(5), 2, 2).deregistrationDelay(Duration.ofSeconds(5));
        ecs.targetGroup(GREEN).healthCheck(Duration.ofSeconds(5), 2, 2).deregistrationDelay(Duration.ofSeconds(5));
    }

    static LoadBalancer lb() {
        return LoadBalancer.builder()
                .targetGroupArn(BLUE)
                .containerName("web")
                .containerPort(80)
                .advancedConfiguration(AdvancedConfiguration.builder()
                        .alternateTargetGroupArn(GREEN)
                        .productionListenerRule(RULE)
                        .roleArn(ROLE)
                        .build())
                .build();
    }

    static DeploymentLifecycleHook hook(DeploymentLifecycleHookStage... stages) {
        return DeploymentLifecycleHook.builder()
                .hookTargetArn(HOOK)
                .roleArn(ROLE)
                .lifecycleStages(List.of(stages))
                .build();
    }

    /** Creates service web on web:1 (2 tasks) and waits until it is steady. */
    void steadyService(Consumer<DeploymentConfiguration.Builder> config) {
        DeploymentConfiguration.Builder c = DeploymentConfiguration.builder();
        config.accept(c);
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition("web:1")
                .desiredCount(2)
                .loadBalancers(List.of(lb()))
                .deploymentConfiguration(c.build()));
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        // Steady once the tasks run; COMPLETED once they are healthy in the target group too.
        ecs.clock().advance(Duration.ofSeconds(30));
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
    }

    Service describe() {
        return ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                .services()
                .get(0);
    }

    ServiceDeployment current() {
        String arn = describe().currentServiceDeployment();
        return ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of(arn)))
                .serviceDeployments()
                .get(0);
    }

    String stage() {
        ServiceDeployment d = current();
        return d.lifecycleStage() == null ? null : d.lifecycleStage().value();
    }

    long running(String taskDefinition) {
        List<String> arns = ecs.listTasks(
                        b -> b.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.RUNNING))
                .taskArns();
        List<Task> tasks = arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
        return tasks.stream()
                .filter(t -> t.taskDefinitionArn().endsWith(":task-definition/" + taskDefinition)
                        && "RUNNING".equals(t.lastStatus()))
                .count();
    }

    /** Advances one second at a time, noting each new stage with its second since {@code from}. */
    List<String> timeline(Instant from, Duration span) {
        List<String> out = new ArrayList<>();
        String last = null;
        for (long i = 0; i < span.getSeconds(); i++) {
            String now = stage() + " prod=" + ecs.targetGroup(GREEN).productionTrafficPercent();
            if (!now.equals(last)) {
                out.add((ecs.clock().now().getEpochSecond() - from.getEpochSecond()) + "s " + now);
                last = now;
            }
            ecs.clock().advance(Duration.ofSeconds(1));
        }
        return out;
    }

    /** The deployment web:2 with the given configuration, from a steady service on web:1; answers when it started. */
    Instant deploy() {
        Instant start = ecs.clock().now();
        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("web:2"));
        return start;
    }

    /**
     * docs/scheduler.md#blue-green-deployments: green scales up beside blue, test then production
     * traffic move to it at once, both run for the bake time, then blue stops.
     */
    @Test
    void blueGreenShiftsAllTrafficAtOnceBakesThenCleansUp() {
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(1));
        assertThat(ecs.targetGroup(BLUE).targets()).hasSize(2);
        Instant start = deploy();
        ServiceDeployment first = current();
        assertThat(first.lifecycleStage().value()).isEqualTo("PRE_SCALE_UP");
        assertThat(first.lifecycleHookDetails()).isEmpty();
        // Tasks RUNNING after 3 s, healthy in the green target group 2 probes x 5 s later.
        assertThat(timeline(start, Duration.ofSeconds(20)))
                .containsExactly("0s PRE_SCALE_UP prod=null", "1s SCALE_UP prod=null", "13s BAKE_TIME prod=100.0");
        assertThat(ecs.targetGroup(BLUE).productionTrafficPercent()).isEqualTo(0.0);
        assertThat(ecs.targetGroup(GREEN).testTrafficPercent()).isEqualTo(100.0);
        assertThat(ecs.targetGroup(GREEN).targets()).hasSize(2);
        // Blue runs on through the bake time, serving no traffic.
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(running("web:2")).isEqualTo(2);
        Service baking = describe();
        assertThat(baking.deployments()).extracting(Deployment::status).containsExactly("PRIMARY", "ACTIVE");
        assertThat(baking.deployments().get(0).rolloutState().value()).isEqualTo("IN_PROGRESS");
        ecs.clock().advance(Duration.ofSeconds(52));
        assertThat(stage()).isEqualTo("BAKE_TIME");
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(stage()).isEqualTo("CLEAN_UP");
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(running("web:1")).isZero();
        assertThat(running("web:2")).isEqualTo(2);
        ServiceDeployment done = current();
        assertThat(done.status().value()).isEqualTo("SUCCESSFUL");
        assertThat(done.lifecycleStage().value()).isEqualTo("CLEAN_UP");
        Service after = describe();
        assertThat(after.deployments()).hasSize(1);
        assertThat(after.deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(after.taskDefinition()).isEqualTo(ARN + "task-definition/web:2");
        assertThat(ecs.targetGroup(BLUE).targets()).isEmpty();
    }

    /**
     * docs/scheduler.md#lifecycle-hooks: a hook answering IN_PROGRESS holds its stage and is invoked
     * again after its callBackDelay; SUCCEEDED lets the deployment go on.
     */
    @Test
    void hookInProgressHoldsTheStageUntilItSucceeds() {
        List<LifecycleHooks.Invocation> calls = new ArrayList<>();
        ecs.lifecycleHooks().register(HOOK, inv -> {
            calls.add(inv);
            return inv.attempt() < 3
                    ? LifecycleHooks.HookResult.inProgress(Duration.ofSeconds(20))
                    : LifecycleHooks.HookResult.SUCCEEDED;
        });
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(List.of(hook(DeploymentLifecycleHookStage.POST_TEST_TRAFFIC_SHIFT))));
        Instant start = deploy();
        assertThat(timeline(start, Duration.ofSeconds(60)))
                .containsExactly(
                        "0s PRE_SCALE_UP prod=null",
                        "1s SCALE_UP prod=null",
                        "13s POST_TEST_TRAFFIC_SHIFT prod=null",
                        "53s BAKE_TIME prod=100.0");
        assertThat(calls).extracting(LifecycleHooks.Invocation::attempt).containsExactly(1, 2, 3);
        LifecycleHooks.Invocation first = calls.get(0);
        ServiceDeployment d = current();
        assertThat(first.lifecycleStage()).isEqualTo("POST_TEST_TRAFFIC_SHIFT");
        assertThat(first.serviceDeploymentArn()).isEqualTo(d.serviceDeploymentArn());
        assertThat(first.targetServiceRevisionArn())
                .isEqualTo(d.targetServiceRevision().arn());
        assertThat(d.lifecycleHookDetails()).hasSize(1);
        assertThat(d.lifecycleHookDetails().get(0).status().value()).isEqualTo("SUCCEEDED");
        assertThat(d.lifecycleHookDetails().get(0).targetArn()).isEqualTo(HOOK);
        assertThat(d.lifecycleHookDetails().get(0).targetType().value()).isEqualTo("AWS_LAMBDA");
    }

    /**
     * docs/scheduler.md#lifecycle-hooks: a hook answering FAILED rolls back: traffic stays on blue,
     * which is primary again, and green's tasks stop.
     */
    @Test
    void hookFailedRollsBackToBlue() {
        ecs.lifecycleHooks().register(HOOK, inv -> LifecycleHooks.HookResult.FAILED);
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(List.of(hook(DeploymentLifecycleHookStage.POST_SCALE_UP))));
        String blueId = describe().deployments().get(0).id();
        deploy();
        String greenArn = describe().currentServiceDeployment();
        String greenId = describe().deployments().get(0).id();
        ecs.clock().advance(Duration.ofSeconds(20));
        Service s = describe();
        assertThat(s.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(s.deployments()).extracting(Deployment::id).containsExactly(blueId);
        assertThat(running("web:1")).isEqualTo(2);
        assertThat(running("web:2")).isZero();
        assertThat(ecs.targetGroup(BLUE).productionTrafficPercent()).isEqualTo(100.0);
        assertThat(ecs.targetGroup(GREEN).productionTrafficPercent()).isEqualTo(0.0);
        ServiceDeployment green = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of(greenArn)))
                .serviceDeployments()
                .get(0);
        assertThat(green.status().value()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(green.lifecycleStage().value()).isEqualTo("POST_SCALE_UP");
        assertThat(green.lifecycleHookDetails().get(0).status().value()).isEqualTo("FAILED");
        String reason = "ECS deployment " + greenId + " failed: lifecycle hook " + HOOK + " failed at POST_SCALE_UP.";
        assertThat(green.rollback().reason()).isEqualTo(reason);
        assertThat(green.rollback().serviceRevisionArn())
                .isEqualTo(ARN + "service-revision/prod/web/" + blueId.substring("ecs-svc/".length()));
        assertThat(ecs.events().matching(e -> "SERVICE_DEPLOYMENT_FAILED".equals(e.detail("eventName"))))
                .extracting(e -> e.detail("reason"))
                .containsExactly(reason);
    }

    /** docs/scheduler.md#lifecycle-hooks: a hook target with no callback fails like a Lambda function that answers nothing. */
    @Test
    void hookWithoutCallbackRollsBack() {
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(List.of(hook(DeploymentLifecycleHookStage.PRE_SCALE_UP))));
        deploy();
        String greenArn = describe().currentServiceDeployment();
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of(greenArn)))
                        .serviceDeployments()
                        .get(0)
                        .status()
                        .value())
                .isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(current().status().value()).isEqualTo("SUCCESSFUL");
        assertThat(describe().taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(running("web:2")).isZero();
    }

    /** docs/scheduler.md#lifecycle-hooks: past its timeout a hook is TIMED_OUT and its action taken: CONTINUE goes on. */
    @Test
    void hookTimeoutContinues() {
        ecs.lifecycleHooks().register(HOOK, inv -> LifecycleHooks.HookResult.IN_PROGRESS);
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(List.of(hook(DeploymentLifecycleHookStage.PRE_SCALE_UP).toBuilder()
                        .timeoutConfiguration(t -> t.timeoutInMinutes(1).action(DeploymentLifecycleHookAction.CONTINUE))
                        .build())));
        Instant start = deploy();
        ecs.clock().advance(Duration.ofSeconds(1));
        ServiceDeployment waiting = current();
        assertThat(waiting.lifecycleStage().value()).isEqualTo("PRE_SCALE_UP");
        assertThat(waiting.lifecycleHookDetails().get(0).status().value()).isEqualTo("IN_PROGRESS");
        assertThat(waiting.lifecycleHookDetails().get(0).expiresAt()).isEqualTo(start.plusSeconds(60));
        assertThat(waiting.lifecycleHookDetails().get(0).timeoutAction().value())
                .isEqualTo("CONTINUE");
        ecs.clock().advance(Duration.ofSeconds(60));
        ServiceDeployment after = current();
        assertThat(after.lifecycleStage().value()).isEqualTo("SCALE_UP");
        assertThat(after.lifecycleHookDetails().get(0).status().value()).isEqualTo("TIMED_OUT");
    }

    /** docs/scheduler.md#lifecycle-hooks: a hook timing out with action ROLLBACK rolls back. */
    @Test
    void hookTimeoutRollsBack() {
        ecs.lifecycleHooks().register(HOOK, inv -> LifecycleHooks.HookResult.IN_PROGRESS);
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(List.of(hook(DeploymentLifecycleHookStage.PRE_SCALE_UP).toBuilder()
                        .timeoutConfiguration(t -> t.timeoutInMinutes(1).action(DeploymentLifecycleHookAction.ROLLBACK))
                        .build())));
        deploy();
        String greenArn = describe().currentServiceDeployment();
        String greenId = describe().deployments().get(0).id();
        ecs.clock().advance(Duration.ofSeconds(61));
        ServiceDeployment green = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of(greenArn)))
                .serviceDeployments()
                .get(0);
        assertThat(green.status().value()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(green.lifecycleHookDetails().get(0).status().value()).isEqualTo("TIMED_OUT");
        assertThat(green.rollback().reason())
                .isEqualTo("ECS deployment " + greenId + " failed: lifecycle hook " + HOOK
                        + " timed out at PRE_SCALE_UP.");
    }

    /**
     * docs/scheduler.md#blue-green-deployments: a deployment that starts while two revisions are
     * ACTIVE goes through RECONCILE_SERVICE first, and its hooks run there.
     */
    @Test
    void reconcileServiceWhenTwoRevisionsAreActive() {
        List<String> stages = new ArrayList<>();
        ecs.lifecycleHooks().register(HOOK, inv -> {
            stages.add(inv.lifecycleStage());
            return LifecycleHooks.HookResult.SUCCEEDED;
        });
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(List.of(hook(
                        DeploymentLifecycleHookStage.RECONCILE_SERVICE, DeploymentLifecycleHookStage.PRE_SCALE_UP))));
        deploy();
        ecs.clock().advance(Duration.ofSeconds(2));
        assertThat(stage()).isEqualTo("SCALE_UP");
        // A second deployment while the first is still scaling up: blue and the first green are ACTIVE.
        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("web:1"));
        assertThat(stage()).isEqualTo("RECONCILE_SERVICE");
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(stages).containsExactly("PRE_SCALE_UP", "RECONCILE_SERVICE", "PRE_SCALE_UP");
        assertThat(stage()).isEqualTo("SCALE_UP");
    }

    /** docs/scheduler.md#blue-green-deployments: an alarm during the bake time rolls back to blue. */
    @Test
    void alarmDuringBakeTimeRollsBack() {
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(5)
                .alarms(a -> a.alarmNames(List.of("web-5xx")).enable(true).rollback(true)));
        deploy();
        String greenArn = describe().currentServiceDeployment();
        ecs.clock().advance(Duration.ofSeconds(30));
        assertThat(stage()).isEqualTo("BAKE_TIME");
        assertThat(ecs.targetGroup(GREEN).productionTrafficPercent()).isEqualTo(100.0);
        ecs.alarms().set("web-5xx", "ALARM");
        ecs.clock().advance(Duration.ofSeconds(30));
        assertThat(ecs.targetGroup(BLUE).productionTrafficPercent()).isEqualTo(100.0);
        assertThat(describe().taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(running("web:2")).isZero();
        assertThat(running("web:1")).isEqualTo(2);
        ServiceDeployment green = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of(greenArn)))
                .serviceDeployments()
                .get(0);
        assertThat(green.status().value()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(green.alarms().triggeredAlarmNames()).containsExactly("web-5xx");
    }

    /**
     * docs/scheduler.md#blue-green-deployments: the circuit breaker fails a green whose tasks do not
     * start; with rollback traffic never leaves blue, without it the deployment stops where it is.
     */
    @Test
    void circuitBreakerDuringScaleUp() {
        ecs.registerTaskDefinition(b -> b.family("broken")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image("broken:1")
                        .memory(256)
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build())));
        ecs.behaviours().image("broken:*").pullFailure();
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true)));
        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("broken:1"));
        String greenArn = describe().currentServiceDeployment();
        ecs.clock().advance(Duration.ofMinutes(10));
        ServiceDeployment green = ecs.describeServiceDeployments(b -> b.serviceDeploymentArns(List.of(greenArn)))
                .serviceDeployments()
                .get(0);
        assertThat(green.status().value()).isEqualTo("ROLLBACK_SUCCESSFUL");
        assertThat(green.lifecycleStage().value()).isEqualTo("SCALE_UP");
        assertThat(green.rollback().reason()).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        assertThat(ecs.targetGroup(GREEN).productionTrafficPercent()).isEqualTo(0.0);
        assertThat(describe().taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(running("web:1")).isEqualTo(2);
    }

    /** docs/scheduler.md#blue-green-deployments: without rollback a failed green stays FAILED and blue keeps serving. */
    @Test
    void circuitBreakerWithoutRollbackStopsTheDeployment() {
        ecs.registerTaskDefinition(b -> b.family("broken")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image("broken:1")
                        .memory(256)
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build())));
        ecs.behaviours().image("broken:*").pullFailure();
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .deploymentCircuitBreaker(cb -> cb.enable(true).rollback(false)));
        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("broken:1"));
        ecs.clock().advance(Duration.ofMinutes(10));
        ServiceDeployment green = current();
        assertThat(green.status().value()).isEqualTo("STOPPED");
        assertThat(green.lifecycleStage().value()).isEqualTo("SCALE_UP");
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("FAILED");
        assertThat(ecs.targetGroup(GREEN).productionTrafficPercent()).isNull();
        assertThat(running("web:1")).isEqualTo(2);
    }

    /** docs/scheduler.md#blue-green-deployments: LINEAR moves stepPercent a step, stepBakeTimeInMinutes apart. */
    @Test
    void linearShiftsProductionTrafficInSteps() {
        List<String> stages = new ArrayList<>();
        ecs.lifecycleHooks().register(HOOK, inv -> {
            stages.add(inv.lifecycleStage());
            return LifecycleHooks.HookResult.SUCCEEDED;
        });
        steadyService(c -> c.strategy(DeploymentStrategy.LINEAR)
                .bakeTimeInMinutes(0)
                .linearConfiguration(l -> l.stepPercent(25.0).stepBakeTimeInMinutes(1))
                .lifecycleHooks(List.of(hook(
                        DeploymentLifecycleHookStage.PRE_PRODUCTION_TRAFFIC_SHIFT,
                        DeploymentLifecycleHookStage.PRODUCTION_TRAFFIC_SHIFT))));
        Instant start = deploy();
        assertThat(timeline(start, Duration.ofSeconds(200)))
                .containsExactly(
                        "0s PRE_SCALE_UP prod=null",
                        "1s SCALE_UP prod=null",
                        "13s PRODUCTION_TRAFFIC_SHIFT prod=25.0",
                        "73s PRODUCTION_TRAFFIC_SHIFT prod=50.0",
                        "133s PRODUCTION_TRAFFIC_SHIFT prod=75.0",
                        "193s CLEAN_UP prod=100.0");
        assertThat(ecs.targetGroup(BLUE).productionTrafficPercent()).isEqualTo(0.0);
        assertThat(stages)
                .containsExactly(
                        "PRE_PRODUCTION_TRAFFIC_SHIFT",
                        "PRODUCTION_TRAFFIC_SHIFT",
                        "PRE_PRODUCTION_TRAFFIC_SHIFT",
                        "PRODUCTION_TRAFFIC_SHIFT",
                        "PRE_PRODUCTION_TRAFFIC_SHIFT",
                        "PRODUCTION_TRAFFIC_SHIFT",
                        "PRE_PRODUCTION_TRAFFIC_SHIFT",
                        "PRODUCTION_TRAFFIC_SHIFT");
    }

    /** docs/scheduler.md#blue-green-deployments: CANARY moves canaryPercent, then the rest after canaryBakeTimeInMinutes. */
    @Test
    void canaryShiftsTheCanaryThenTheRest() {
        steadyService(c -> c.strategy(DeploymentStrategy.CANARY)
                .bakeTimeInMinutes(1)
                .canaryConfiguration(k -> k.canaryPercent(10.0).canaryBakeTimeInMinutes(2)));
        Instant start = deploy();
        assertThat(timeline(start, Duration.ofSeconds(140)))
                .containsExactly(
                        "0s PRE_SCALE_UP prod=null",
                        "1s SCALE_UP prod=null",
                        "13s PRODUCTION_TRAFFIC_SHIFT prod=10.0",
                        "133s BAKE_TIME prod=100.0");
        assertThat(ecs.targetGroup(BLUE).productionTrafficPercent()).isEqualTo(0.0);
    }

    /** docs/scheduler.md#blue-green-deployments: the strategies' settings are checked; a bad one changes nothing. */
    @Test
    void strategySettingsAreChecked() {
        steadyService(c -> {});
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .deploymentConfiguration(c -> c.strategy(DeploymentStrategy.BLUE_GREEN))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("deploymentConfiguration.bakeTimeInMinutes must be specified for the BLUE_GREEN deployment "
                        + "strategy.");
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .deploymentConfiguration(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                                .bakeTimeInMinutes(5)
                                .linearConfiguration(l -> l.stepPercent(10.0)))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "deploymentConfiguration.linearConfiguration is only valid with the LINEAR deployment strategy.");
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .deploymentConfiguration(c ->
                                c.strategy(DeploymentStrategy.LINEAR).linearConfiguration(l -> l.stepPercent(2.5)))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "deploymentConfiguration.linearConfiguration.stepPercent must be a multiple of 0.1 from 3.0 to "
                                + "100.0.");
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .deploymentConfiguration(c ->
                                c.strategy(DeploymentStrategy.CANARY).canaryConfiguration(k -> k.canaryPercent(5.05)))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "deploymentConfiguration.canaryConfiguration.canaryPercent must be a multiple of 0.1 from 0.1 to "
                                + "100.0.");
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .deploymentConfiguration(
                                c -> c.strategy(DeploymentStrategy.BLUE_GREEN).bakeTimeInMinutes(1441))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("deploymentConfiguration.bakeTimeInMinutes must be between 0 and 1440.");
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .deploymentConfiguration(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                                .bakeTimeInMinutes(1)
                                .lifecycleHooks(List.of(DeploymentLifecycleHook.builder()
                                        .lifecycleStages(List.of(DeploymentLifecycleHookStage.PRE_SCALE_UP))
                                        .build())))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("deploymentConfiguration.lifecycleHooks[0].hookTargetArn can not be null.");
        assertThat(describe().deploymentConfiguration().strategy()).isEqualTo(DeploymentStrategy.ROLLING);
    }

    /**
     * docs/scheduler.md#lifecycle-hooks: a deployment's stage and hook runs are in the snapshot; the
     * callbacks are not, and a restored fake goes on once they are registered again.
     */
    @Test
    void snapshotKeepsTheStageButNotTheCallbacks() {
        LifecycleHooks.Hook twice =
                inv -> inv.attempt() < 2 ? LifecycleHooks.HookResult.IN_PROGRESS : LifecycleHooks.HookResult.SUCCEEDED;
        ecs.lifecycleHooks().register(HOOK, twice);
        steadyService(c -> c.strategy(DeploymentStrategy.BLUE_GREEN)
                .bakeTimeInMinutes(1)
                .lifecycleHooks(List.of(hook(DeploymentLifecycleHookStage.POST_SCALE_UP))));
        deploy();
        ecs.clock().advance(Duration.ofSeconds(20));
        assertThat(stage()).isEqualTo("POST_SCALE_UP");
        String snapshot = ecs.snapshot();
        FakeEcs copy = FakeEcs.restore(snapshot);
        copy.lifecycleHooks().register(HOOK, twice);
        FakeEcs forgetful = FakeEcs.restore(snapshot);
        for (FakeEcs f : List.of(ecs, copy, forgetful)) {
            f.clock().advance(Duration.ofMinutes(3));
        }
        assertThat(copy.snapshot()).isEqualTo(ecs.snapshot());
        assertThat(copy.describeServices(b -> b.cluster("prod").services(List.of("web")))
                        .services()
                        .get(0)
                        .taskDefinition())
                .isEqualTo(ARN + "task-definition/web:2");
        // Without its callback the hook fails: the restored fake rolls back.
        assertThat(forgetful
                        .describeServices(b -> b.cluster("prod").services(List.of("web")))
                        .services()
                        .get(0)
                        .taskDefinition())
                .isEqualTo(ARN + "task-definition/web:1");
    }
}
