package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.AdvancedConfiguration;
import io.github.berth.core.model.CanaryConfiguration;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.DeploymentLifecycleHook;
import io.github.berth.core.model.DeploymentLifecycleHookStage;
import io.github.berth.core.model.LinearConfiguration;
import io.github.berth.core.model.LoadBalancer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Blue/green, linear and canary deployments of the ECS controller
 * (docs/scheduler.md#blue-green-deployments): the new service revision (green) is scaled up in
 * full beside the old one (blue), test traffic and then production traffic move to its target
 * group (all at once, in equal steps, or a canary then the rest), both run for the bake time,
 * then blue is stopped. At each lifecycle stage the configured hooks run and may hold the
 * deployment (IN_PROGRESS) or roll it back (FAILED); so may the circuit breaker and the alarms.
 * A rollback sends the traffic back to blue, which becomes the primary deployment again, and
 * stops green.
 */
final class BlueGreen {

    /** [doc] An IN_PROGRESS hook is invoked again after 30 seconds unless it says otherwise. */
    static final Duration CALLBACK_DELAY = Duration.ofSeconds(30);
    /** [doc] LinearConfiguration and CanaryConfiguration defaults. */
    static final double LINEAR_STEP = 10.0;

    static final int LINEAR_STEP_BAKE = 6;
    static final double CANARY_PERCENT = 5.0;
    static final int CANARY_BAKE = 10;

    private final Engine e;
    private final ServiceScheduler scheduler;
    final LifecycleHooks hooks;

    BlueGreen(Engine e, ServiceScheduler scheduler) {
        this.e = e;
        this.scheduler = scheduler;
        this.hooks = new LifecycleHooks(e);
    }

    static boolean shiftsTraffic(@Nullable String strategy) {
        return "BLUE_GREEN".equals(strategy) || "LINEAR".equals(strategy) || "CANARY".equals(strategy);
    }

    /**
     * A new deployment of a service whose strategy shifts traffic: green replaces the primary
     * deployment (blue) and uses the target groups blue does not. [model] A service's first
     * deployment, and a rollback, have nothing to shift from: they scale up as a rolling one does.
     */
    void begin(ServiceRec s, DeploymentRec green, @Nullable DeploymentRec blue, int activeRevisions) {
        DeploymentConfiguration config = s.deploymentConfiguration;
        green.strategy =
                config.strategy() == null ? "ROLLING" : config.strategy().value();
        if (!shiftsTraffic(green.strategy) || blue == null || green.rollbackOf != null) {
            return;
        }
        green.blueId = blue.id;
        // [doc] RECONCILE_SERVICE only when the deployment starts with more than one ACTIVE revision.
        green.lifecycleStage = activeRevisions > 1 ? "RECONCILE_SERVICE" : "PRE_SCALE_UP";
        List<LoadBalancer> alternate = new ArrayList<>();
        for (LoadBalancer lb : green.loadBalancers) {
            AdvancedConfiguration ac = lb.advancedConfiguration();
            String blueGroup = groupOf(blue, lb);
            if (ac == null || ac.alternateTargetGroupArn() == null || lb.targetGroupArn() == null) {
                alternate.add(lb);
            } else if (lb.targetGroupArn().equals(blueGroup)) {
                // [doc] Green's tasks go to the alternate target group while blue's keep the production one.
                alternate.add(lb.toBuilder()
                        .targetGroupArn(ac.alternateTargetGroupArn())
                        .advancedConfiguration(ac.toBuilder()
                                .alternateTargetGroupArn(lb.targetGroupArn())
                                .build())
                        .build());
            } else {
                alternate.add(lb.toBuilder()
                        .advancedConfiguration(ac.toBuilder()
                                .alternateTargetGroupArn(blueGroup == null ? ac.alternateTargetGroupArn() : blueGroup)
                                .build())
                        .build());
            }
        }
        green.loadBalancers = alternate;
    }

    /** The target group blue uses for the load balancer of that container and port, or null. */
    private static @Nullable String groupOf(DeploymentRec d, LoadBalancer like) {
        for (LoadBalancer lb : d.loadBalancers) {
            if (java.util.Objects.equals(lb.containerName(), like.containerName())
                    && java.util.Objects.equals(lb.containerPort(), like.containerPort())) {
                return lb.targetGroupArn();
            }
        }
        return null;
    }

    /**
     * One look at a deployment going through its lifecycle stages; answers when to look again, or
     * null (task changes wake the service as well).
     */
    @Nullable
    Instant step(ClusterRec c, ServiceRec s, DeploymentRec d, List<TaskRec> green, List<TaskRec> blue) {
        for (int guard = 0; guard < 32; guard++) {
            if (!"IN_PROGRESS".equals(d.rolloutState) || d != s.primary()) {
                return null;
            }
            // The scheduler steps a deployment that has a stage (begin() gave it one); enter() keeps one.
            String stage = Objects.requireNonNull(d.lifecycleStage);
            switch (stage) {
                case "RECONCILE_SERVICE",
                        "PRE_SCALE_UP",
                        "POST_SCALE_UP",
                        "POST_TEST_TRAFFIC_SHIFT",
                        "POST_PRODUCTION_TRAFFIC_SHIFT" -> {
                    Outcome o = runHooks(c, s, d, stage);
                    if (o != Outcome.DONE) {
                        return o.at;
                    }
                    enter(s, d, next(stage));
                }
                case "SCALE_UP" -> {
                    // [doc] Green scales up to 100 % of the desired count, serving no traffic yet.
                    int missing = s.desiredCount - green.size();
                    if (missing > 0) {
                        return scheduler.start(c, s, d, missing);
                    }
                    for (TaskRec t : green) {
                        if (!scheduler.healthy(s, t)) {
                            return null;
                        }
                    }
                    enter(s, d, "POST_SCALE_UP");
                }
                case "TEST_TRAFFIC_SHIFT" -> {
                    // [doc] The test listener's traffic moves to green.
                    setTraffic(s, d, false, 100.0);
                    Outcome o = runHooks(c, s, d, stage);
                    if (o != Outcome.DONE) {
                        return o.at;
                    }
                    enter(s, d, "POST_TEST_TRAFFIC_SHIFT");
                }
                case "PRODUCTION_TRAFFIC_SHIFT" -> {
                    Instant wait = shift(c, s, d);
                    if (wait != null || "PRODUCTION_TRAFFIC_SHIFT".equals(d.lifecycleStage)) {
                        return wait;
                    }
                }
                case "BAKE_TIME" -> {
                    Instant bakeEnds = Objects.requireNonNull(d.waitUntil); // enter("BAKE_TIME") set it
                    if (e.now().isBefore(bakeEnds)) {
                        return bakeEnds;
                    }
                    enter(s, d, "CLEAN_UP");
                }
                case "CLEAN_UP" -> {
                    // [doc] Blue scales down to 0; the deployment completes once its tasks are gone.
                    List<TaskRec> stop = new ArrayList<>();
                    Instant wait = null;
                    for (TaskRec t : blue) {
                        if (scheduler.tasksProtected(t)) {
                            wait = ServiceScheduler.earliest(wait, t.protectionExpiresAt);
                        } else {
                            stop.add(t);
                        }
                    }
                    if (!stop.isEmpty()) {
                        scheduler.stopTasks(s, stop, "Scaling activity initiated by (deployment " + d.id + ")");
                        scheduler.event(s, ServiceScheduler.stoppedMessage(s, stop));
                    }
                    return wait;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    /** [doc] The stage after each one (the ServiceDeployment.lifecycleStage order). */
    private static String next(String stage) {
        return switch (stage) {
            case "RECONCILE_SERVICE" -> "PRE_SCALE_UP";
            case "PRE_SCALE_UP" -> "SCALE_UP";
            case "SCALE_UP" -> "POST_SCALE_UP";
            case "POST_SCALE_UP" -> "TEST_TRAFFIC_SHIFT";
            case "TEST_TRAFFIC_SHIFT" -> "POST_TEST_TRAFFIC_SHIFT";
            case "POST_TEST_TRAFFIC_SHIFT" -> "PRODUCTION_TRAFFIC_SHIFT";
            case "PRODUCTION_TRAFFIC_SHIFT" -> "POST_PRODUCTION_TRAFFIC_SHIFT";
            case "POST_PRODUCTION_TRAFFIC_SHIFT" -> "BAKE_TIME";
            case "BAKE_TIME" -> "CLEAN_UP";
            default -> stage;
        };
    }

    private void enter(ServiceRec s, DeploymentRec d, String stage) {
        d.lifecycleStage = stage;
        d.updatedAt = e.now();
        if ("BAKE_TIME".equals(stage)) {
            Integer bake = s.deploymentConfiguration.bakeTimeInMinutes();
            d.waitUntil = e.now().plus(Duration.ofMinutes(bake == null ? 0 : bake));
        }
    }

    /**
     * PRODUCTION_TRAFFIC_SHIFT: [doc] before each traffic step the PRE_PRODUCTION_TRAFFIC_SHIFT hooks
     * run, the step moves the production listener's weight, then the PRODUCTION_TRAFFIC_SHIFT hooks
     * run; BLUE_GREEN moves all of it at once, LINEAR {@code stepPercent} a step with {@code
     * stepBakeTimeInMinutes} between steps, CANARY {@code canaryPercent} then, after {@code
     * canaryBakeTimeInMinutes}, the rest. Answers when to look again, or null once it moved on.
     */
    private @Nullable Instant shift(ClusterRec c, ServiceRec s, DeploymentRec d) {
        for (int guard = 0; guard < 2000; guard++) {
            if (d.waitUntil != null && e.now().isBefore(d.waitUntil)) {
                return d.waitUntil;
            }
            if (d.shiftPhase == 0) {
                Outcome o = runHooks(c, s, d, "PRE_PRODUCTION_TRAFFIC_SHIFT");
                if (o != Outcome.DONE) {
                    return o.at;
                }
                setTraffic(s, d, true, nextPercent(s, d));
                d.shiftPhase = 1;
            }
            Outcome o = runHooks(c, s, d, "PRODUCTION_TRAFFIC_SHIFT");
            if (o != Outcome.DONE) {
                return o.at;
            }
            if (d.productionTrafficPercent >= 100.0) {
                d.waitUntil = null;
                enter(s, d, "POST_PRODUCTION_TRAFFIC_SHIFT");
                return null;
            }
            // The next step, after the step's bake time; its hooks run again.
            d.shiftPhase = 0;
            d.hookRuns.removeIf(
                    r -> "PRE_PRODUCTION_TRAFFIC_SHIFT".equals(r.stage) || "PRODUCTION_TRAFFIC_SHIFT".equals(r.stage));
            d.waitUntil = e.now().plus(Duration.ofMinutes(stepBake(s, d)));
        }
        return null;
    }

    private static double nextPercent(ServiceRec s, DeploymentRec d) {
        DeploymentConfiguration config = s.deploymentConfiguration;
        double now = d.productionTrafficPercent;
        // begin() set the strategy of every deployment that shifts traffic.
        return switch (Objects.requireNonNull(d.strategy)) {
            case "LINEAR" -> {
                LinearConfiguration l = config.linearConfiguration();
                double step = l == null || l.stepPercent() == null ? LINEAR_STEP : l.stepPercent();
                yield Math.min(100.0, Math.round((now + step) * 10) / 10.0);
            }
            case "CANARY" -> {
                CanaryConfiguration k = config.canaryConfiguration();
                yield now > 0 ? 100.0 : (k == null || k.canaryPercent() == null ? CANARY_PERCENT : k.canaryPercent());
            }
            default -> 100.0;
        };
    }

    private static int stepBake(ServiceRec s, DeploymentRec d) {
        DeploymentConfiguration config = s.deploymentConfiguration;
        if ("LINEAR".equals(d.strategy)) {
            LinearConfiguration l = config.linearConfiguration();
            return l == null || l.stepBakeTimeInMinutes() == null ? LINEAR_STEP_BAKE : l.stepBakeTimeInMinutes();
        }
        CanaryConfiguration k = config.canaryConfiguration();
        return k == null || k.canaryBakeTimeInMinutes() == null ? CANARY_BAKE : k.canaryBakeTimeInMinutes();
    }

    /** Sets the listener rules' weights: green's target groups get {@code percent}, blue's the rest. */
    private void setTraffic(ServiceRec s, DeploymentRec green, boolean production, double percent) {
        if (production) {
            green.productionTrafficPercent = percent;
        } else {
            green.testTrafficPercent = percent;
        }
        DeploymentRec blue = scheduler.deployment(s, green.blueId);
        for (LoadBalancer lb : green.loadBalancers) {
            if (lb.targetGroupArn() == null || lb.advancedConfiguration() == null) {
                continue;
            }
            TargetGroupRec g = scheduler.lb.group(lb.targetGroupArn());
            String blueArn = blue == null ? null : groupOf(blue, lb);
            TargetGroupRec b =
                    blueArn == null || blueArn.equals(lb.targetGroupArn()) ? null : scheduler.lb.group(blueArn);
            if (production) {
                g.productionWeight = percent;
                if (b != null) {
                    b.productionWeight = 100.0 - percent;
                }
            } else {
                g.testWeight = percent;
                if (b != null) {
                    b.testWeight = 100.0 - percent;
                }
            }
        }
    }

    // ------------------------------------------------------------------ hooks

    /** What the hooks of a stage say: all done, wait (until {@code at}), or failed. */
    private static final class Outcome {
        static final Outcome DONE = new Outcome(null);
        static final Outcome FAILED = new Outcome(null);
        final @Nullable Instant at;

        Outcome(@Nullable Instant at) {
            this.at = at;
        }
    }

    /**
     * Runs the hooks configured for {@code stage} ([doc] deployment-lifecycle-hooks): each is
     * invoked, and invoked again after its callBackDelay while it answers IN_PROGRESS, until it
     * answers SUCCEEDED; FAILED, no valid answer, or an exception roll the deployment back; a hook
     * past its timeout takes its timeout action.
     */
    private Outcome runHooks(ClusterRec c, ServiceRec s, DeploymentRec d, String stage) {
        List<DeploymentLifecycleHook> configured = s.deploymentConfiguration.lifecycleHooks();
        if (configured == null) {
            return Outcome.DONE;
        }
        Instant wait = null;
        for (int i = 0; i < configured.size(); i++) {
            DeploymentLifecycleHook h = configured.get(i);
            if (h.lifecycleStages() == null
                    || !h.lifecycleStages().contains(DeploymentLifecycleHookStage.fromValue(stage))) {
                continue;
            }
            HookRunRec run = run(d, stage, i);
            if (run == null) {
                run = new HookRunRec();
                run.hookId = e.ids.uuid();
                run.hookIndex = i;
                run.stage = stage;
                run.targetType =
                        h.targetType() == null ? "AWS_LAMBDA" : h.targetType().value();
                run.targetArn = h.hookTargetArn();
                if (h.timeoutConfiguration() != null && h.timeoutConfiguration().timeoutInMinutes() != null) {
                    run.expiresAt = e.now()
                            .plus(Duration.ofMinutes(h.timeoutConfiguration().timeoutInMinutes()));
                    run.timeoutAction = h.timeoutConfiguration().action() == null
                            ? "ROLLBACK"
                            : h.timeoutConfiguration().action().value();
                }
                run.nextInvokeAt = e.now();
                d.hookRuns.add(run);
            }
            if ("SUCCEEDED".equals(run.status)
                    || "TIMED_OUT".equals(run.status) && "CONTINUE".equals(run.timeoutAction)) {
                continue;
            }
            if ("FAILED".equals(run.status) || "TIMED_OUT".equals(run.status)) {
                return Outcome.FAILED;
            }
            if (run.expiresAt != null && !e.now().isBefore(run.expiresAt)) {
                run.status = "TIMED_OUT";
                if ("CONTINUE".equals(run.timeoutAction)) {
                    continue;
                }
                return failed(
                        c,
                        s,
                        d,
                        "ECS deployment " + d.id + " failed: lifecycle hook " + run.targetArn + " timed out at " + stage
                                + ".");
            }
            if (!e.now().isBefore(run.nextInvokeAt)) {
                run.invocations++;
                LifecycleHooks.HookResult result = invoke(s, d, h, stage, run.invocations);
                String status = result == null ? null : result.hookStatus();
                if ("SUCCEEDED".equals(status)) {
                    run.status = "SUCCEEDED";
                    run.nextInvokeAt = null;
                    continue;
                }
                if (result != null && "IN_PROGRESS".equals(status)) {
                    Duration delay = result.callBackDelay() == null ? CALLBACK_DELAY : result.callBackDelay();
                    run.nextInvokeAt = e.now().plus(delay.isNegative() ? Duration.ZERO : delay);
                } else {
                    run.status = "FAILED";
                    run.nextInvokeAt = null;
                    // [model] The reason ECS gives is not published.
                    return failed(
                            c,
                            s,
                            d,
                            "ECS deployment " + d.id + " failed: lifecycle hook " + run.targetArn + " failed at "
                                    + stage + ".");
                }
            }
            wait = ServiceScheduler.earliest(wait, ServiceScheduler.earliest(run.nextInvokeAt, run.expiresAt));
        }
        return wait == null ? Outcome.DONE : new Outcome(wait);
    }

    private static @Nullable HookRunRec run(DeploymentRec d, String stage, int index) {
        for (HookRunRec r : d.hookRuns) {
            if (r.stage.equals(stage) && r.hookIndex == index) {
                return r;
            }
        }
        return null;
    }

    private LifecycleHooks.@Nullable HookResult invoke(
            ServiceRec s, DeploymentRec d, DeploymentLifecycleHook h, String stage, int attempt) {
        LifecycleHooks.Hook hook = hooks.find(h.hookTargetArn());
        if (hook == null) {
            return null;
        }
        try {
            return hook.invoke(
                    // A deployment of the service's history: startDeployment gave it both ARNs.
                    new LifecycleHooks.Invocation(
                            s.arn,
                            Objects.requireNonNull(d.arn),
                            Objects.requireNonNull(d.revisionArn),
                            stage,
                            h.hookDetails(),
                            attempt));
        } catch (RuntimeException ex) {
            // [doc] A hook that fails rolls the deployment back.
            return null;
        }
    }

    private Outcome failed(ClusterRec c, ServiceRec s, DeploymentRec d, String reason) {
        // [doc] A failed hook rolls the deployment back to the last successful service revision.
        scheduler.fail(c, s, d, reason, true);
        return Outcome.FAILED;
    }

    // ------------------------------------------------------------------ rollback

    /**
     * [doc] Rolling a deployment that shifts traffic back: production and test traffic return to
     * blue, which is the primary deployment again; green's tasks stop ([model] within the rolling
     * bounds, blue being complete). Answers false when there is no blue to return to.
     */
    boolean rollBack(ServiceRec s, DeploymentRec green, String reason) {
        if (green.lifecycleStage == null) {
            return false;
        }
        DeploymentRec blue = scheduler.deployment(s, green.blueId);
        if (blue == null || !"ACTIVE".equals(blue.status)) {
            return false;
        }
        setTraffic(s, green, true, 0.0);
        setTraffic(s, green, false, 0.0);
        blue.status = "PRIMARY";
        blue.updatedAt = e.now();
        green.status = "ACTIVE";
        green.deploymentStatus = "ROLLBACK_IN_PROGRESS";
        green.rollbackReason = reason;
        green.rollbackStartedAt = e.now();
        green.rollbackRevisionArn = blue.revisionArn;
        s.taskDefinitionArn = blue.taskDefinitionArn;
        return true;
    }

    /** A rolled-back green whose tasks are gone leaves the deployments list: ROLLBACK_SUCCESSFUL. */
    void tidy(ClusterRec c, ServiceRec s) {
        for (DeploymentRec d : s.deployments()) {
            if (!"ACTIVE".equals(d.status)
                    || !"ROLLBACK_IN_PROGRESS".equals(d.deploymentStatus)
                    || d.lifecycleStage == null) {
                continue;
            }
            if (scheduler.counts(c, s, d)[2] == 0) {
                d.status = "INACTIVE";
                d.deploymentStatus = "ROLLBACK_SUCCESSFUL";
                d.updatedAt = e.now();
            }
        }
    }
}
