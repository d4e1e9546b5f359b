package io.github.berth.testkit.fake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.error.EcsException;
import io.github.berth.core.model.DeploymentAlarms;
import io.github.berth.core.model.DeploymentCircuitBreaker;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.ServiceEvent;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskStopCode;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The service scheduler (docs/scheduler.md#services): keeps each REPLICA service at its desired
 * count, rolls deployments out within minimumHealthyPercent and maximumPercent, fails them by the
 * circuit breaker or alarms (rolling back when asked), throttles tasks that never start, and
 * writes the service events ECS writes. It is woken by a SERVICE_RECONCILE timer, set whenever a
 * service's tasks, its container instances or its alarms change, and when a wait it needs ends
 * (the 40 seconds before a task counts as healthy, the grace period, the throttle's back-off).
 *
 * <p>[model] ECS's scheduler runs on its own cadence; the fake's looks at a service at once after
 * any change, so the same calls always give the same tasks at the same instants.
 */
final class ServiceScheduler implements ScalableServices {

    /** [doc] A task without health checks or load balancer counts as healthy 40 s after RUNNING. */
    static final Duration HEALTHY_AFTER = Duration.ofSeconds(40);
    /** [doc] Identical service event messages are suppressed for 6 hours (docs/scheduler.md#service-events). */
    static final Duration EVENT_DEDUPE = Duration.ofHours(6);
    /** [doc] Service.events keeps the latest 100. */
    static final int EVENTS_KEPT = 100;
    /**
     * [model] The throttle starts after this many consecutive tasks failed to reach RUNNING, and waits
     * 10 s, doubling with each further failure, at most 15 minutes ([doc] the cap)
     * (docs/scheduler.md#throttle).
     */
    static final int THROTTLE_AFTER = 3;

    static final Duration THROTTLE_FIRST = Duration.ofSeconds(10);
    static final Duration THROTTLE_MAX = Duration.ofMinutes(15);
    /** [model] After a placement failure the scheduler tries again this much later (or sooner, on a change). */
    static final Duration PLACEMENT_RETRY = Duration.ofSeconds(30);
    /** [doc] The stopped reason of tasks the scheduler stops; [unsure] ECS's exact text. */
    static final String HEALTH_STOP_REASON = "Task failed container health checks";

    private final Engine e;
    private final TaskOps tasks;
    final LoadBalancing lb;
    /** The task sets of EXTERNAL and CODE_DEPLOY services (docs/scheduler.md#task-sets). */
    final TaskSetScheduler taskSets;
    /** Blue/green, linear and canary deployments (docs/scheduler.md#blue-green-deployments). */
    final BlueGreen blueGreen;

    ServiceScheduler(Engine e, TaskOps tasks) {
        this.e = e;
        this.tasks = tasks;
        this.lb = new LoadBalancing(e, this);
        this.taskSets = new TaskSetScheduler(e, this, tasks);
        this.blueGreen = new BlueGreen(e, this);
        e.handlers.put(TimerKind.SERVICE_RECONCILE, this::fire);
        e.taskListeners.add(this::taskChanged);
        e.instanceListeners.add(this::instanceChanged);
        e.alarms.listener = this::alarmsChanged;
        e.scalableServices = this;
        // The target groups go into snapshots with the rest of the state.
        e.stateParts.put(
                "targetGroups",
                Snapshots.StatePart.valuesOf(e.targetGroups, new TypeReference<List<TargetGroupRec>>() {}, g -> g.arn));
    }

    // ------------------------------------------------------------------ waking

    /** Looks at the service at once (at the present instant, when the clock next runs). */
    void wake(ServiceRec s) {
        wake(s, Duration.ZERO);
    }

    void wake(ServiceRec s, Duration after) {
        Instant at = e.now().plus(after);
        if (s.reconcileAt != null && !s.reconcileAt.isAfter(at) && !s.reconcileAt.isBefore(e.now())) {
            return;
        }
        s.reconcileAt = at;
        s.reconcileToken++;
        e.scheduleAt(at, TimerKind.SERVICE_RECONCILE, s.cluster, s.name, s.reconcileToken, 0);
    }

    private void fire(Timer t) {
        ClusterRec c = e.clusters.get(t.cluster());
        if (c == null) {
            return;
        }
        ServiceRec s = c.services.get(t.subject());
        if (s == null || t.token() != s.reconcileToken) {
            return;
        }
        s.reconcileAt = null;
        reconcile(c, s);
    }

    private void taskChanged(TaskRec t, @Nullable String prev) {
        if (t.serviceName == null) {
            return;
        }
        ClusterRec c = e.clusters.get(t.cluster);
        if (c == null) {
            return;
        }
        ServiceRec s = c.services.get(t.serviceName);
        if (s == null || "INACTIVE".equals(s.status)) {
            return;
        }
        DeploymentRec d = deployment(s, t.deploymentId);
        boolean nowRunning = "RUNNING".equals(t.lastStatus) && !"RUNNING".equals(prev);
        boolean nowStopped = t.stopped() && !"STOPPED".equals(prev) && prev != null;
        if (nowRunning && d != null && hasTargetGroups(d)) {
            lb.register(s, d, t);
        }
        TaskSetRec taskSet = d == null ? taskSets.find(s, t.deploymentId) : null;
        if (nowRunning && taskSet != null) {
            lb.register(s, taskSet.loadBalancers, t);
        }
        if ("STOPPING".equals(t.lastStatus) || "DEPROVISIONING".equals(t.lastStatus) || t.stopped()) {
            lb.remove(t);
        }
        if (nowRunning) {
            // [doc] A task that runs ends the throttle; the deployment's failed-task count resets and
            // its first stage (tasks failing to start) ends (docs/scheduler.md#circuit-breaker).
            s.startFailures = 0;
            s.throttledUntil = null;
            if (d != null && !d.hadRunningTask) {
                d.hadRunningTask = true;
                d.failedTasks = 0;
            }
        }
        if (nowStopped && !t.everRunning) {
            s.startFailures++;
            if (d != null && !d.hadRunningTask) {
                d.failedTasks++;
                d.updatedAt = e.now();
            }
            if (s.startFailures >= THROTTLE_AFTER && !"DRAINING".equals(s.status)) {
                long factor = 1L << Math.min(20, s.startFailures - THROTTLE_AFTER);
                Duration wait = THROTTLE_FIRST.multipliedBy(factor);
                if (wait.compareTo(THROTTLE_MAX) > 0) {
                    wait = THROTTLE_MAX;
                }
                s.throttledUntil = e.now().plus(wait);
                // [doc] event 5 and SERVICE_TASK_START_IMPAIRED (docs/scheduler.md#throttle).
                event(s, "(service " + s.name + ") is unable to consistently start tasks successfully.");
                serviceAction(c, s, "WARN", "SERVICE_TASK_START_IMPAIRED", null);
            }
        }
        wake(s);
    }

    private void instanceChanged(InstanceRec i) {
        ClusterRec c = e.clusters.get(i.cluster);
        if (c == null) {
            return;
        }
        for (ServiceRec s : c.services.values()) {
            if (!"INACTIVE".equals(s.status)) {
                wake(s);
            }
        }
    }

    private void alarmsChanged() {
        for (ClusterRec c : e.clusters.values()) {
            for (ServiceRec s : c.services.values()) {
                DeploymentAlarms a = s.deploymentConfiguration == null ? null : s.deploymentConfiguration.alarms();
                if ("ACTIVE".equals(s.status) && a != null && Boolean.TRUE.equals(a.enable())) {
                    wake(s);
                }
            }
        }
    }

    // ------------------------------------------------------------------ deployments

    /**
     * Starts a deployment of the service's present configuration (CreateService, an UpdateService
     * that needs one, a rollback to {@code rollbackTo}'s configuration). The former primary becomes
     * ACTIVE.
     */
    DeploymentRec startDeployment(ClusterRec c, ServiceRec s, @Nullable DeploymentRec rollbackTo) {
        DeploymentRec d = new DeploymentRec();
        d.id = e.ids.deploymentId();
        String digits = d.id.substring("ecs-svc/".length());
        d.arn = e.arns.serviceDeployment(c.name, s.name, digits);
        d.revisionArn = e.arns.serviceRevision(c.name, s.name, digits);
        DeploymentRec source = rollbackTo;
        // Only a service of the ECS controller has deployments, and it has a task definition (an EXTERNAL
        // service has none, but task sets instead of deployments).
        d.taskDefinitionArn = source != null ? source.taskDefinitionArn : Objects.requireNonNull(s.taskDefinitionArn);
        d.launchType = source != null ? source.launchType : s.launchType;
        d.capacityProviderStrategy =
                new ArrayList<>(source != null ? source.capacityProviderStrategy : s.capacityProviderStrategy);
        d.platformVersion = source != null ? source.platformVersion : s.platformVersion;
        d.platformFamily = source != null ? source.platformFamily : s.platformFamily;
        d.networkConfiguration = source != null ? source.networkConfiguration : s.networkConfiguration;
        d.loadBalancers = new ArrayList<>(source != null ? source.loadBalancers : s.loadBalancers);
        d.createdAt = e.now();
        d.updatedAt = e.now();
        d.startedAt = e.now();
        d.status = "PRIMARY";
        d.rolloutState = "IN_PROGRESS";
        // [obs] ECS's rollout reasons (docs/scheduler.md#deployments).
        d.rolloutStateReason = "ECS deployment " + d.id + " in progress.";
        d.deploymentStatus = "IN_PROGRESS";
        DeploymentConfiguration config = s.deploymentConfiguration;
        DeploymentCircuitBreaker cb = config.deploymentCircuitBreaker();
        d.circuitBreakerStatus = cb != null && Boolean.TRUE.equals(cb.enable()) ? "MONITORING" : "DISABLED";
        DeploymentAlarms alarms = config.alarms();
        boolean alarmsOn = alarms != null && Boolean.TRUE.equals(alarms.enable());
        d.alarmsStatus = alarmsOn ? "MONITORING" : "DISABLED";
        if (alarmsOn && alarms != null) {
            // ServiceOps checked alarmNames before storing the configuration (Resolve.required).
            for (String name : Objects.requireNonNull(alarms.alarmNames())) {
                if (e.alarms.inAlarm(name)) {
                    // [doc] An alarm already in ALARM when the deployment starts is ignored for the whole deployment.
                    d.alarmsIgnored = true;
                }
            }
        }
        DeploymentRec previousPrimary = s.primary();
        int activeRevisions = s.deployments().size();
        for (DeploymentRec old : s.deployments()) {
            d.sourceRevisionArns.add(0, old.revisionArn);
            if ("PRIMARY".equals(old.status)) {
                old.status = "ACTIVE";
                old.updatedAt = e.now();
                if ("IN_PROGRESS".equals(old.deploymentStatus)) {
                    // [model] A deployment another one replaces before it completes is stopped.
                    old.deploymentStatus = "STOPPED";
                    old.statusReason = "Superseded by service deployment " + d.id + ".";
                    old.stoppedAt = e.now();
                    old.finishedAt = e.now();
                }
            }
        }
        if (rollbackTo != null) {
            // [doc] A rollback is part of the failed service deployment: it says why, when and to which
            // revision; the service's deployments list shows a new deployment doing it
            // (docs/scheduler.md#circuit-breaker).
            // Rolling back means the service's PRIMARY deployment failed: there was one.
            DeploymentRec failed = Objects.requireNonNull(previousPrimary);
            d.rollbackOf = failed.id;
            failed.rollbackReason = failed.rolloutStateReason;
            failed.rollbackStartedAt = e.now();
            failed.rollbackRevisionArn = rollbackTo.revisionArn;
            // [obs] A rollback deployment names the deployment it rolls back.
            d.rolloutStateReason = "ECS deployment circuit breaker: rolling back to deploymentId " + failed.id + ".";
        }
        // [doc] A new deployment lifts the throttle of failing tasks (docs/scheduler.md#throttle).
        s.startFailures = 0;
        s.throttledUntil = null;
        blueGreen.begin(s, d, rollbackTo == null ? previousPrimary : null, activeRevisions);
        s.history.add(0, d);
        s.steady = false;
        deploymentEvent(c, s, d, "INFO", "SERVICE_DEPLOYMENT_IN_PROGRESS", d.rolloutStateReason);
        wake(s);
        return d;
    }

    @Nullable
    DeploymentRec deployment(ServiceRec s, @Nullable String id) {
        for (DeploymentRec d : s.history) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        return null;
    }

    @Nullable
    DeploymentRec deploymentOfRevision(ServiceRec s, String revisionArn) {
        for (DeploymentRec d : s.history) {
            if (revisionArn.equals(d.revisionArn)) {
                return d;
            }
        }
        return null;
    }

    boolean tasksProtected(TaskRec t) {
        return tasks.isProtected(t);
    }

    /** [doc] The circuit breaker's threshold: half the desired count, rounded up, within 3..200. */
    static int circuitBreakerThreshold(int desiredCount) {
        int half = (desiredCount + 1) / 2;
        return Math.max(3, Math.min(200, half));
    }

    /** RUNNING, pending (PROVISIONING, PENDING, ACTIVATING) and desired-RUNNING tasks of a deployment. */
    int[] counts(ClusterRec c, ServiceRec s, DeploymentRec d) {
        int running = 0;
        int pending = 0;
        int live = 0;
        for (TaskRec t : c.tasks.values()) {
            if (!s.name.equals(t.serviceName)
                    || !d.id.equals(t.deploymentId)
                    || !"RUNNING".equals(t.desiredStatus)
                    || orphaned(c, t)) {
                continue;
            }
            live++;
            if ("RUNNING".equals(t.lastStatus)) {
                running++;
            } else if ("PROVISIONING".equals(t.lastStatus)
                    || "PENDING".equals(t.lastStatus)
                    || "ACTIVATING".equals(t.lastStatus)) {
                // [model] PROVISIONING and ACTIVATING count as pending (docs/scheduler.md#services).
                pending++;
            }
        }
        return new int[] {running, pending, live};
    }

    // ------------------------------------------------------------------ the reconcile loop

    private void reconcile(ClusterRec c, ServiceRec s) {
        if ("INACTIVE".equals(s.status)) {
            return;
        }
        if ("DRAINING".equals(s.status)) {
            drain(c, s);
            return;
        }
        releaseOrphans(c, s);
        DeploymentRec primary = s.primary();
        Instant nextWake = null;
        // 1. Tasks failing their health checks outside the grace period are replaced.
        List<TaskRec> unhealthy = new ArrayList<>();
        for (TaskRec t : liveTasks(c, s)) {
            Object[] target = "RUNNING".equals(t.lastStatus) ? lb.unhealthyTarget(t) : null;
            if (target != null) {
                Instant graceEnds = t.started().plusSeconds(s.healthCheckGracePeriodSeconds);
                if (e.now().isBefore(graceEnds)) {
                    nextWake = earliest(nextWake, graceEnds);
                    continue;
                }
                TargetGroupRec g = (TargetGroupRec) target[0];
                TargetGroupRec.TargetRec r = (TargetGroupRec.TargetRec) target[1];
                // [obs] event 4, and the stopped reason of a task that failed its ELB health checks.
                event(
                        s,
                        "(service " + s.name + ") (port " + r.port + ") is unhealthy in (target-group " + g.arn
                                + ") due to (reason Health checks failed).");
                DeploymentRec d = deployment(s, t.deploymentId);
                if (d != null && "IN_PROGRESS".equals(d.rolloutState)) {
                    d.failedTasks++;
                    d.updatedAt = e.now();
                }
                e.lifecycle.stop(
                        t,
                        TaskStopCode.SERVICE_SCHEDULER_INITIATED,
                        "Task failed ELB health checks in (target-group " + g.arn + ")");
                continue;
            }
            if ("RUNNING".equals(t.lastStatus) && "UNHEALTHY".equals(t.health)) {
                Instant graceEnds = t.started().plusSeconds(s.healthCheckGracePeriodSeconds);
                if (e.now().isBefore(graceEnds)) {
                    nextWake = earliest(nextWake, graceEnds);
                } else {
                    unhealthy.add(t);
                }
            }
        }
        for (TaskRec t : unhealthy) {
            DeploymentRec d = deployment(s, t.deploymentId);
            if (d != null && "IN_PROGRESS".equals(d.rolloutState)) {
                // [doc] A task stopped for failing its health checks counts as a failed task.
                d.failedTasks++;
                d.updatedAt = e.now();
            }
            e.lifecycle.stop(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, HEALTH_STOP_REASON);
        }
        if (!unhealthy.isEmpty()) {
            event(s, stoppedMessage(s, unhealthy));
        }
        if (s.usesTaskSets()) {
            // Task sets instead of deployments (docs/scheduler.md#task-sets).
            nextWake = earliest(nextWake, taskSets.reconcile(c, s));
            nextWake = earliest(nextWake, healthyWait(c, s));
            if (nextWake != null) {
                wake(s, Duration.between(e.now(), nextWake));
            }
            return;
        }
        // 2. The failure detectors of the primary deployment.
        // Past the task-set branch: a service of the ECS controller, which always has a PRIMARY deployment.
        primary = detectFailure(c, s, Objects.requireNonNull(primary));

        if (s.daemon()) {
            nextWake = earliest(nextWake, reconcileDaemon(c, s, primary));
            nextWake = earliest(nextWake, healthyWait(c, s));
            nextWake = earliest(nextWake, completeIfDone(c, s));
            steadyState(c, s);
            if (s.steady) {
                nextWake = earliest(nextWake, steadyEventAt(s).plus(EVENT_DEDUPE));
            }
            if (nextWake != null) {
                wake(s, Duration.between(e.now(), nextWake));
            }
            return;
        }
        List<TaskRec> live = liveTasks(c, s);
        List<TaskRec> newT = new ArrayList<>();
        List<TaskRec> oldT = new ArrayList<>();
        for (TaskRec t : live) {
            // [doc] Tasks on a DRAINING instance are replaced like the old deployment's, within
            // minimumHealthyPercent and maximumPercent (docs/scheduler.md#container-instance-draining).
            (primary.id.equals(t.deploymentId) && !onInstance(c, t, "DRAINING") ? newT : oldT).add(t);
        }
        int desired = s.desiredCount;
        boolean failed = "FAILED".equals(primary.rolloutState);
        if (primary.lifecycleStage != null && "IN_PROGRESS".equals(primary.rolloutState)) {
            // Blue/green, linear, canary: the lifecycle stages (docs/scheduler.md#blue-green-deployments).
            nextWake = earliest(nextWake, blueGreen.step(c, s, primary, newT, oldT));
        } else if (oldT.isEmpty()) {
            // Scaling only: the primary deployment's tasks follow the desired count.
            // [model] Replacements too stay within maximumPercent, counting tasks still stopping.
            int room = upperLimit(s) - present(c, s);
            if (newT.size() < desired && !failed && room > 0) {
                nextWake = earliest(nextWake, start(c, s, primary, Math.min(room, desired - newT.size())));
            } else if (newT.size() > desired) {
                nextWake = earliest(nextWake, scaleIn(c, s, newT, newT.size() - desired));
            }
        } else {
            nextWake = earliest(nextWake, roll(c, s, primary, newT, oldT, failed));
        }
        nextWake = earliest(nextWake, healthyWait(c, s));
        nextWake = earliest(nextWake, completeIfDone(c, s));
        blueGreen.tidy(c, s);
        steadyState(c, s);
        if (s.steady) {
            // [doc] The steady-state event repeats while the service stays steady (once the 6 hours of
            // deduplication have passed).
            nextWake = earliest(nextWake, steadyEventAt(s).plus(EVENT_DEDUPE));
        }
        if (nextWake != null) {
            wake(s, Duration.between(e.now(), nextWake));
        }
    }

    /**
     * One step of a rolling update (docs/scheduler.md#rolling-updates): old tasks that are not
     * RUNNING go first; new tasks start while all tasks stay within maximumPercent of the desired
     * count (rounded down); old tasks stop while the healthy ones stay at least minimumHealthyPercent
     * (rounded up).
     */
    private @Nullable Instant roll(
            ClusterRec c, ServiceRec s, DeploymentRec primary, List<TaskRec> newT, List<TaskRec> oldT, boolean failed) {
        int desired = s.desiredCount;
        DeploymentConfiguration config = s.deploymentConfiguration;
        int min = config.minimumHealthyPercent() == null ? 100 : config.minimumHealthyPercent();
        int max = config.maximumPercent() == null ? 200 : config.maximumPercent();
        // [doc] lower limit rounded up, upper limit rounded down.
        int lower = (int) Math.ceil(desired * min / 100.0);
        int upper = (int) Math.floor(desired * max / 100.0);
        if (failed) {
            // [doc] A FAILED deployment without rollback starts nothing, and the old tasks keep running.
            return null;
        }
        List<TaskRec> notRunning = new ArrayList<>();
        for (TaskRec t : oldT) {
            if (!"RUNNING".equals(t.lastStatus) && !tasks.isProtected(t)) {
                notRunning.add(t);
            }
        }
        stopTasks(s, notRunning, scalingReason(primary));
        oldT.removeAll(notRunning);
        int present = present(c, s);
        Instant wakeAt = null;
        int canStart = failed ? 0 : Math.min(desired - newT.size(), upper - present);
        if (canStart > 0) {
            wakeAt = start(c, s, primary, canStart);
        }
        int healthy = 0;
        boolean allCounted = true;
        for (TaskRec t : newT) {
            if (healthy(s, t)) {
                healthy++;
            } else {
                allCounted = false;
            }
        }
        List<TaskRec> oldHealthy = new ArrayList<>();
        List<TaskRec> oldWaiting = new ArrayList<>();
        for (TaskRec t : oldT) {
            if (healthy(s, t)) {
                healthy++;
                oldHealthy.add(t);
            } else {
                allCounted = false;
                oldWaiting.add(t);
            }
        }
        int canStop = Math.min(healthy - lower, oldT.size());
        List<TaskRec> stoppable = new ArrayList<>(oldWaiting);
        stoppable.addAll(scaleInOrder(c, s, oldHealthy));
        for (TaskRec t : stoppable) {
            if (tasks.isProtected(t)) {
                // [doc] A deployment waits for a protected task's protection to end
                // (docs/scheduler.md#task-protection).
                wakeAt = earliest(wakeAt, t.protectionExpiresAt);
            }
        }
        stoppable.removeIf(tasks::isProtected);
        List<TaskRec> toStop = stoppable.subList(0, Math.max(0, Math.min(canStop, stoppable.size())));
        if (!toStop.isEmpty()) {
            List<TaskRec> stopping = new ArrayList<>(toStop);
            stopTasks(s, stopping, scalingReason(primary));
            event(s, stoppedMessage(s, stopping));
        }
        boolean stopping = present > newT.size() + oldT.size();
        if (canStart <= 0 && canStop <= 0 && allCounted && !stopping && newT.size() < desired) {
            // [doc] event 7: neither a start nor a stop is allowed, and waiting will not change that.
            event(
                    s,
                    "(service " + s.name + ") was unable to stop or start tasks during a deployment because of the "
                            + "service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.");
        }
        return wakeAt;
    }

    /**
     * A DAEMON service (docs/scheduler.md#daemon-services): [doc] one task on every ACTIVE container
     * instance that meets its placement constraints, none on DRAINING ones (their daemon tasks stop);
     * a new deployment replaces the task of each instance, the old one stopping first (maximumPercent
     * is 100) as far as minimumHealthyPercent of the instances allows. The desired count is the
     * number of instances that should run one.
     */
    private @Nullable Instant reconcileDaemon(ClusterRec c, ServiceRec s, DeploymentRec primary) {
        List<TaskRec> live = liveTasks(c, s);
        List<TaskRec> drainingTasks = new ArrayList<>();
        for (TaskRec t : live) {
            if (onInstance(c, t, "DRAINING")) {
                drainingTasks.add(t);
            }
        }
        if (!drainingTasks.isEmpty()) {
            stopTasks(s, drainingTasks, scalingReason(primary));
            event(s, stoppedMessage(s, drainingTasks));
            live.removeAll(drainingTasks);
        }
        java.util.Set<String> violating = stopConstraintViolations(c, s, primary, live);
        boolean failed = "FAILED".equals(primary.rolloutState);
        TaskDefinition td = e.taskDefinitions.forLaunch(primary.taskDefinitionArn);
        int eligible = 0;
        int healthyCount = 0;
        List<TaskRec> oldOnly = new ArrayList<>();
        List<InstanceRec> empty = new ArrayList<>();
        for (InstanceRec i : c.instances.values()) {
            if (!"ACTIVE".equals(i.status) || violating.contains(i.id)) {
                continue;
            }
            TaskRec current = null;
            TaskRec old = null;
            boolean busy = false;
            for (TaskRec t : c.tasks.values()) {
                if (!s.name.equals(t.serviceName) || t.stopped() || !i.id.equals(t.instanceId)) {
                    continue;
                }
                busy = true;
                if (!"RUNNING".equals(t.desiredStatus)) {
                    continue;
                }
                if (primary.id.equals(t.deploymentId)) {
                    current = t;
                } else {
                    old = t;
                }
            }
            if (current != null || old != null) {
                eligible++;
                TaskRec counted = current != null ? current : Objects.requireNonNull(old);
                if (healthy(s, counted)) {
                    healthyCount++;
                }
                if (current == null) {
                    oldOnly.add(old);
                } else if (old != null) {
                    oldOnly.add(old);
                }
                continue;
            }
            if (!busy) {
                empty.add(i);
            } else {
                // Its task is still stopping: the new one follows (maximumPercent 100).
                eligible++;
            }
        }
        Instant wakeAt = null;
        if (!failed) {
            for (InstanceRec i : empty) {
                if (s.throttledUntil != null && e.now().isBefore(s.throttledUntil)) {
                    wakeAt = earliest(wakeAt, s.throttledUntil);
                    eligible++;
                    continue;
                }
                PlacementResult result = placeOn(c, s, primary, td, i);
                if (!result.failures().isEmpty()) {
                    Failure f = result.failures().get(0);
                    if (f.reason() != null && f.reason().startsWith("RESOURCE:")) {
                        // [model] An instance that meets the constraints but lacks room still should run one.
                        eligible++;
                        placementFailed(c, s, primary, placementMessage(s, f), f.reason());
                        wakeAt = earliest(wakeAt, e.now().plus(PLACEMENT_RETRY));
                    }
                    continue;
                }
                eligible++;
                TaskOps.LaunchSpec spec = new TaskOps.LaunchSpec(
                        td,
                        null,
                        primary.id,
                        taskTags(s, td),
                        s.enableExecuteCommand,
                        primary.networkConfiguration,
                        primary.platformVersion,
                        s.name,
                        primary.id);
                List<Failure> failures = new ArrayList<>();
                List<TaskRec> launched = tasks.launch(c, spec, result, failures);
                if (!launched.isEmpty()) {
                    event(s, "(service " + s.name + ") has started 1 tasks: (task " + launched.get(0).id + ").");
                }
            }
        }
        s.desiredCount = eligible;
        if (!failed && !oldOnly.isEmpty()) {
            Integer minPercent = s.deploymentConfiguration.minimumHealthyPercent();
            int lower = (int) Math.ceil(eligible * (minPercent == null ? 0 : minPercent) / 100.0);
            int canStop = Math.min(oldOnly.size(), healthyCount - lower);
            List<TaskRec> stop = new ArrayList<>();
            for (TaskRec t : oldOnly) {
                if (stop.size() < canStop && !tasks.isProtected(t)) {
                    stop.add(t);
                }
            }
            if (!stop.isEmpty()) {
                stopTasks(s, stop, scalingReason(primary));
                event(s, stoppedMessage(s, stop));
            }
        }
        return wakeAt;
    }

    /**
     * Stops the DAEMON service's tasks on ACTIVE instances that no longer meet its {@code memberOf}
     * constraints (the service's and its task definition's), its own tasks left out of the check as
     * when they were placed; answers the ids of the ACTIVE instances that do not meet them, which
     * neither count toward the desired count nor get a task (docs/scheduler.md#daemon-constraint-violations).
     *
     * <p>[doc] The daemon scheduler evaluates the placement constraints of running tasks and stops the
     * tasks that do not meet them (API CreateService, {@code schedulingStrategy}:
     * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html); EventBridge
     * gets the ERROR service action SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED
     * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service_events.html).
     * [model] The constraints are those of the primary deployment's task definition (an old
     * deployment's task on an instance the new one excludes stops too); the service event is event 11
     * ({@code has stopped <n> running tasks}); [unsure] the stopped reason, the deployment's scaling
     * activity as for a DRAINING instance's daemon task.
     */
    private java.util.Set<String> stopConstraintViolations(
            ClusterRec c, ServiceRec s, DeploymentRec primary, List<TaskRec> live) {
        java.util.Set<String> violating = new java.util.LinkedHashSet<>();
        List<String> expressions = memberOfExpressions(s, primary.taskDefinitionArn);
        if (expressions.isEmpty()) {
            return violating;
        }
        io.github.berth.placement.ClusterSnapshot snapshot = e.placement.snapshot(c, t -> s.name.equals(t.serviceName));
        java.util.Set<String> members = null;
        for (String expression : expressions) {
            java.util.Set<String> matching = new java.util.HashSet<>(snapshot.filter(expression));
            if (members == null) {
                members = matching;
            } else {
                members.retainAll(matching);
            }
        }
        for (InstanceRec i : c.instances.values()) {
            // expressions is not empty: the loop above set members.
            if ("ACTIVE".equals(i.status) && !Objects.requireNonNull(members).contains(i.arn)) {
                violating.add(i.id);
            }
        }
        List<TaskRec> stop = new ArrayList<>();
        for (TaskRec t : live) {
            if (t.instanceId != null && violating.contains(t.instanceId)) {
                stop.add(t);
            }
        }
        if (!stop.isEmpty()) {
            stopTasks(s, stop, scalingReason(primary));
            event(s, stoppedMessage(s, stop));
            serviceAction(c, s, "ERROR", "SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED", null);
            live.removeAll(stop);
        }
        return violating;
    }

    /** The {@code memberOf} expressions a daemon task must meet: the service's, then its task definition's. */
    private List<String> memberOfExpressions(ServiceRec s, String taskDefinitionArn) {
        List<String> out = new ArrayList<>();
        for (io.github.berth.core.model.PlacementConstraint k : s.placementConstraints) {
            if (io.github.berth.core.model.PlacementConstraintType.MEMBER_OF.equals(k.type())
                    && k.expression() != null) {
                out.add(k.expression());
            }
        }
        TaskDefinitionStore.Revision r = e.taskDefinitions.find(taskDefinitionArn);
        TaskDefinition td = r == null ? null : r.definition;
        if (td != null && td.placementConstraints() != null) {
            for (io.github.berth.core.model.TaskDefinitionPlacementConstraint k : td.placementConstraints()) {
                if (io.github.berth.core.model.TaskDefinitionPlacementConstraintType.MEMBER_OF.equals(k.type())
                        && k.expression() != null) {
                    out.add(k.expression());
                }
            }
        }
        return out;
    }

    /** Places one task of a DAEMON service on one instance. */
    private PlacementResult placeOn(ClusterRec c, ServiceRec s, DeploymentRec d, TaskDefinition td, InstanceRec i) {
        List<io.github.berth.core.model.PlacementConstraint> constraints = new ArrayList<>(s.placementConstraints);
        constraints.add(io.github.berth.core.model.PlacementConstraint.builder()
                .type(io.github.berth.core.model.PlacementConstraintType.MEMBER_OF)
                .expression("ec2InstanceId == " + i.ec2InstanceId)
                .build());
        PlacementRequest request = PlacementRequest.builder(td)
                .service(s.name)
                .count(1)
                .launchType(d.launchType)
                .placementConstraints(constraints)
                .networkConfiguration(d.networkConfiguration)
                .startedBy(d.id)
                .seed(tasks.nextPlacementSeed())
                .build();
        return e.placement.place(c, request);
    }

    /**
     * A new DAEMON service's desired count: the ACTIVE instances that meet its constraints (those
     * lacking room included), as CreateService answers it.
     */
    int daemonDesiredCount(ClusterRec c, ServiceRec s) {
        DeploymentRec d = s.primaryDeployment();
        TaskDefinition td = e.taskDefinitions.forLaunch(d.taskDefinitionArn);
        int n = 0;
        for (InstanceRec i : c.instances.values()) {
            if (!"ACTIVE".equals(i.status)) {
                continue;
            }
            PlacementResult r = placeOn(c, s, d, td, i);
            if (r.failures().isEmpty()
                    || (r.failures().get(0).reason() != null
                            && r.failures().get(0).reason().startsWith("RESOURCE:"))) {
                n++;
            }
        }
        return n;
    }

    /** [model] What the upper limit counts: every task of the service not yet STOPPED (stopping ones too). */
    private int present(ClusterRec c, ServiceRec s) {
        int present = 0;
        for (TaskRec t : c.tasks.values()) {
            if (s.name.equals(t.serviceName) && !t.stopped() && !orphaned(c, t)) {
                present++;
            }
        }
        return present;
    }

    /** [doc] maximumPercent of the desired count, rounded down. */
    private static int upperLimit(ServiceRec s) {
        Integer max = s.deploymentConfiguration.maximumPercent();
        return (int) Math.floor(s.desiredCount * (max == null ? 200 : max) / 100.0);
    }

    /**
     * [doc] Whether a task counts toward minimumHealthyPercent: RUNNING and, with container health
     * checks, HEALTHY; with none, RUNNING for 40 seconds (docs/scheduler.md#deployment-configuration).
     */
    boolean healthy(ServiceRec s, TaskRec t) {
        if (!"RUNNING".equals(t.lastStatus) || !"RUNNING".equals(t.desiredStatus)) {
            return false;
        }
        DeploymentRec d = deployment(s, t.deploymentId);
        TaskSetRec taskSet = d == null ? taskSets.find(s, t.deploymentId) : null;
        if (d != null && hasTargetGroups(d) || taskSet != null && hasTargetGroups(taskSet.loadBalancers)) {
            // [doc] With a load balancer: healthy in its target groups, and HEALTHY if it has health checks.
            return lb.healthy(t) && (!hasHealthChecks(t) || "HEALTHY".equals(t.health));
        }
        if (hasHealthChecks(t)) {
            return "HEALTHY".equals(t.health);
        }
        return !e.now().isBefore(t.started().plus(HEALTHY_AFTER));
    }

    static boolean hasTargetGroups(DeploymentRec d) {
        return hasTargetGroups(d.loadBalancers);
    }

    static boolean hasTargetGroups(List<io.github.berth.core.model.LoadBalancer> loadBalancers) {
        for (io.github.berth.core.model.LoadBalancer l : loadBalancers) {
            if (l.targetGroupArn() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHealthChecks(TaskRec t) {
        for (ContainerRec k : t.containers) {
            if (k.essential && k.healthCheck != null) {
                return true;
            }
        }
        return false;
    }

    /** When the next task without health checks reaches its 40 seconds, if one is waiting. */
    @Nullable
    Instant healthyWait(ClusterRec c, ServiceRec s) {
        Instant next = null;
        for (TaskRec t : liveTasks(c, s)) {
            if ("RUNNING".equals(t.lastStatus)) {
                next = earliest(next, lb.healthyWait(t));
            }
            if ("RUNNING".equals(t.lastStatus) && !hasHealthChecks(t)) {
                Instant at = t.started().plus(HEALTHY_AFTER);
                if (at.isAfter(e.now())) {
                    next = earliest(next, at);
                }
            }
        }
        return next;
    }

    /** The circuit breaker and the alarms; answers the primary deployment afterwards (a rollback's). */
    private DeploymentRec detectFailure(ClusterRec c, ServiceRec s, DeploymentRec primary) {
        if (!"IN_PROGRESS".equals(primary.rolloutState)) {
            return primary;
        }
        DeploymentConfiguration config = s.deploymentConfiguration;
        DeploymentCircuitBreaker cb = config.deploymentCircuitBreaker();
        if (cb != null
                && Boolean.TRUE.equals(cb.enable())
                && primary.failedTasks >= circuitBreakerThreshold(s.desiredCount)) {
            primary.circuitBreakerStatus = "TRIGGERED";
            // [obs] ECS's reason (aws/containers-roadmap#1488).
            return fail(
                    c,
                    s,
                    primary,
                    "ECS deployment circuit breaker: tasks failed to start.",
                    Boolean.TRUE.equals(cb.rollback()));
        }
        DeploymentAlarms alarms = config.alarms();
        if (alarms != null && Boolean.TRUE.equals(alarms.enable()) && !primary.alarmsIgnored) {
            List<String> firing = new ArrayList<>();
            // ServiceOps checked alarmNames before storing the configuration (Resolve.required).
            for (String name : Objects.requireNonNull(alarms.alarmNames())) {
                if (e.alarms.inAlarm(name)) {
                    firing.add(name);
                }
            }
            if (!firing.isEmpty()) {
                primary.triggeredAlarmNames = firing;
                primary.alarmsStatus = "TRIGGERED";
                // [unsure] ECS's wording of an alarm-failed rollout.
                return fail(
                        c,
                        s,
                        primary,
                        "ECS deployment " + primary.id + " failed: alarm(s) " + String.join(", ", firing)
                                + " in ALARM state.",
                        Boolean.TRUE.equals(alarms.rollback()));
            }
        }
        return primary;
    }

    /**
     * [doc] A failed deployment launches no more tasks; with rollback a new deployment of the last
     * COMPLETED one starts (docs/scheduler.md#circuit-breaker). Without a completed deployment to go
     * back to there is no rollback.
     */
    DeploymentRec fail(ClusterRec c, ServiceRec s, DeploymentRec d, String reason, boolean rollback) {
        d.rolloutState = "FAILED";
        d.rolloutStateReason = reason;
        d.updatedAt = e.now();
        d.finishedAt = e.now();
        d.statusReason = reason;
        DeploymentRec target = null;
        for (DeploymentRec h : s.history) {
            if (h != d && h.completed()) {
                target = h;
                break;
            }
        }
        deploymentEvent(c, s, d, "ERROR", "SERVICE_DEPLOYMENT_FAILED", reason);
        if (rollback && blueGreen.rollBack(s, d, reason)) {
            // [doc] Blue still runs: the traffic goes back to it (docs/scheduler.md#blue-green-deployments).
            wake(s);
            return s.primaryDeployment();
        }
        if (rollback && target != null) {
            d.deploymentStatus = "ROLLBACK_REQUESTED";
            s.taskDefinitionArn = target.taskDefinitionArn;
            DeploymentRec r = startDeployment(c, s, target);
            d.deploymentStatus = "ROLLBACK_IN_PROGRESS";
            return r;
        }
        d.deploymentStatus = "STOPPED";
        d.stoppedAt = e.now();
        return d;
    }

    /** The last COMPLETED deployment before {@code d}, or null. */
    @Nullable
    DeploymentRec lastCompleted(ServiceRec s, DeploymentRec d) {
        for (DeploymentRec h : s.history) {
            if (h != d && h.completed()) {
                return h;
            }
        }
        return null;
    }

    /**
     * The primary deployment is done when it alone has tasks, as many as desired, all healthy, and,
     * for a rolling deployment watching alarms, once its bake time has passed since then. Answers when
     * the bake time ends, while it runs; null otherwise.
     */
    private @Nullable Instant completeIfDone(ClusterRec c, ServiceRec s) {
        DeploymentRec primary = s.primaryDeployment();
        if (!"IN_PROGRESS".equals(primary.rolloutState)) {
            return null;
        }
        List<TaskRec> live = liveTasks(c, s);
        int count = 0;
        for (TaskRec t : live) {
            if (!primary.id.equals(t.deploymentId) || !healthy(s, t)) {
                primary.bakeEndsAt = null;
                return null;
            }
            count++;
        }
        if (count != s.desiredCount) {
            primary.bakeEndsAt = null;
            return null;
        }
        Instant bakeEnds = bakeEnds(s, primary);
        if (bakeEnds != null && e.now().isBefore(bakeEnds)) {
            return bakeEnds;
        }
        primary.rolloutState = "COMPLETED";
        // [obs] (docs/scheduler.md#deployments)
        primary.rolloutStateReason = "ECS deployment " + primary.id + " completed.";
        primary.updatedAt = e.now();
        primary.finishedAt = e.now();
        primary.circuitBreakerStatus =
                "DISABLED".equals(primary.circuitBreakerStatus) ? "DISABLED" : "MONITORING_COMPLETE";
        primary.alarmsStatus = "DISABLED".equals(primary.alarmsStatus) ? "DISABLED" : "MONITORING_COMPLETE";
        for (DeploymentRec d : s.history) {
            if (d != primary && "ROLLBACK_IN_PROGRESS".equals(d.deploymentStatus)) {
                d.deploymentStatus = "ROLLBACK_SUCCESSFUL";
            }
        }
        primary.deploymentStatus = "SUCCESSFUL";
        List<DeploymentRec> all = s.deployments();
        List<DeploymentRec> gone = new ArrayList<>(all);
        // The primary is not always first: a blue/green rollback makes an older deployment primary again.
        gone.remove(primary);
        for (DeploymentRec d : gone) {
            d.status = "INACTIVE";
            d.updatedAt = e.now();
        }
        // [obs] event 15 (docs/scheduler.md#service-events).
        event(s, "(service " + s.name + ") (deployment " + primary.id + ") deployment completed.");
        deploymentEvent(c, s, primary, "INFO", "SERVICE_DEPLOYMENT_COMPLETED", primary.rolloutStateReason);
        return null;
    }

    /**
     * When the bake time of a rolling deployment watching alarms ends, counted from the first time it
     * met its completion condition (set now if it just did); null for a deployment that does not bake
     * (docs/scheduler.md#deployment-alarm-bake-time).
     *
     * <p>[doc] With alarms the rollout state turns COMPLETED only once the service reached steady
     * state and the bake time is over; the bake time runs after the new revision scaled out and the
     * old one scaled in, the alarms still watched, so an alarm going to ALARM in it fails the
     * deployment (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html).
     * [doc] The old deployment stays in the deployments list (ACTIVE, no tasks) until then
     * (https://aws.amazon.com/blogs/containers/automate-rollbacks-for-amazon-ecs-rolling-deployments-with-cloudwatch-alarms/).
     * [model] No bake for a deployment whose alarms are ignored (one was in ALARM when it started);
     * the bake starts again if the deployment loses its completion condition (a task replaced) before
     * the end. Blue/green, linear and canary deployments bake by their own bakeTimeInMinutes.
     */
    private @Nullable Instant bakeEnds(ServiceRec s, DeploymentRec d) {
        DeploymentAlarms alarms = s.deploymentConfiguration == null ? null : s.deploymentConfiguration.alarms();
        if (alarms == null
                || !Boolean.TRUE.equals(alarms.enable())
                || d.alarmsIgnored
                || d.lifecycleStage != null
                || BlueGreen.shiftsTraffic(d.strategy)) {
            return null;
        }
        if (d.bakeEndsAt == null) {
            d.bakeEndsAt = e.now().plus(e.alarms.bakeTime(Objects.requireNonNull(alarms.alarmNames())));
        }
        return d.bakeEndsAt;
    }

    /**
     * [doc] Steady state as the SDK's ServicesStable waiter sees it: one deployment and as many
     * RUNNING tasks as desired; event 1 and SERVICE_STEADY_STATE when it is reached.
     */
    private void steadyState(ClusterRec c, ServiceRec s) {
        // [obs] ECS says so after the deployment completed, never while it is in progress.
        boolean steady = isSteady(c, s) && !"IN_PROGRESS".equals(s.primaryDeployment().rolloutState);
        if (steady && (!s.steady || !e.now().isBefore(steadyEventAt(s).plus(EVENT_DEDUPE)))) {
            if (!s.steady) {
                s.steadySince = e.now();
            }
            s.steadyEventAt = e.now();
            event(s, "(service " + s.name + ") has reached a steady state.");
            serviceAction(c, s, "INFO", "SERVICE_STEADY_STATE", null);
        }
        s.steady = steady;
    }

    /** When a steady service last said so: set whenever {@code steady} turns true (here, and for task sets). */
    static Instant steadyEventAt(ServiceRec s) {
        return Objects.requireNonNull(s.steadyEventAt, "a steady service has said so");
    }

    boolean isSteady(ClusterRec c, ServiceRec s) {
        if (s.usesTaskSets()) {
            return "ACTIVE".equals(s.status) && taskSets.steady(c, s);
        }
        if (!"ACTIVE".equals(s.status) || s.deployments().size() != 1) {
            return false;
        }
        return counts(c, s, s.primaryDeployment())[0] == s.desiredCount
                && liveTasks(c, s).size() == s.desiredCount;
    }

    // ------------------------------------------------------------------ starting and stopping

    /**
     * Launches up to {@code n} tasks of the deployment through placement. Answers when to look again
     * (the throttle's end, a placement retry), or null.
     */
    @Nullable
    Instant start(ClusterRec c, ServiceRec s, DeploymentRec d, int n) {
        if (s.throttledUntil != null && e.now().isBefore(s.throttledUntil)) {
            return s.throttledUntil;
        }
        TaskDefinition td = e.taskDefinitions.forLaunch(d.taskDefinitionArn);
        PlacementRequest request = PlacementRequest.builder(td)
                .service(s.name)
                .count(n)
                .launchType(d.launchType)
                .capacityProviderStrategy(d.launchType == null ? d.capacityProviderStrategy : null)
                .placementConstraints(s.placementConstraints)
                .placementStrategy(s.placementStrategy)
                .networkConfiguration(d.networkConfiguration)
                .startedBy(d.id)
                .seed(tasks.nextPlacementSeed())
                .build();
        PlacementResult result;
        try {
            result = e.placement.place(c, request);
        } catch (EcsException ex) {
            // [doc] event 2 with the reason placement gives (no instances at all, ...).
            placementFailed(
                    c,
                    s,
                    d,
                    "(service " + s.name + ") was unable to place a task because no container instance met "
                            + "all of its requirements. Reason: " + ex.getMessage(),
                    null);
            return e.now().plus(PLACEMENT_RETRY);
        }
        TaskOps.LaunchSpec spec = new TaskOps.LaunchSpec(
                td,
                null,
                d.id,
                taskTags(s, td),
                s.enableExecuteCommand,
                d.networkConfiguration,
                d.platformVersion,
                s.name,
                d.id);
        List<Failure> failures = new ArrayList<>(result.failures());
        List<TaskRec> launched = tasks.launch(c, spec, result, failures);
        if (!launched.isEmpty()) {
            StringBuilder sb = new StringBuilder("(service " + s.name + ") has started " + launched.size() + " tasks:");
            for (TaskRec t : launched) {
                sb.append(" (task ").append(t.id).append(')');
            }
            // [obs] event 10 (docs/scheduler.md#service-events).
            event(s, sb.append('.').toString());
        }
        if (!failures.isEmpty()) {
            Failure f = failures.get(0);
            placementFailed(c, s, d, placementMessage(s, f), f.reason());
            return e.now().plus(PLACEMENT_RETRY);
        }
        return null;
    }

    private void placementFailed(ClusterRec c, ServiceRec s, DeploymentRec d, String message, @Nullable String reason) {
        event(s, message);
        serviceAction(c, s, "ERROR", "SERVICE_TASK_PLACEMENT_FAILURE", reason);
        if (!d.hadRunningTask && "IN_PROGRESS".equals(d.rolloutState)) {
            // [doc] A task the scheduler cannot launch counts as a failed task.
            d.failedTasks++;
            d.updatedAt = e.now();
        }
    }

    /** [doc] event 2: the closest instance and what it lacked (docs/scheduler.md#service-events). */
    private static String placementMessage(ServiceRec s, Failure f) {
        String head = "(service " + s.name
                + ") was unable to place a task because no container instance met all of its " + "requirements.";
        String reason = f.reason() == null ? "" : f.reason();
        String instance = f.arn() == null ? null : Resolve.nameOf(f.arn());
        if (instance == null) {
            return head + " Reason: " + reason + ".";
        }
        String closest = " The closest matching container-instance " + instance;
        return switch (reason) {
            case "RESOURCE:CPU" -> head + closest + " has insufficient CPU units available.";
            case "RESOURCE:MEMORY" -> head + closest + " has insufficient memory available.";
            case "RESOURCE:PORTS", "RESOURCE:PORTS_UDP" ->
                head + closest + " is already using a port required by your task.";
            default -> head + closest + " encountered error \"" + reason + "\".";
        };
    }

    /** [doc] propagateTags: the service's or the task definition's tags go onto the tasks. */
    private List<Tag> taskTags(ServiceRec s, TaskDefinition td) {
        if ("SERVICE".equals(s.propagateTags)) {
            return List.copyOf(s.tags);
        }
        if ("TASK_DEFINITION".equals(s.propagateTags)) {
            TaskDefinitionStore.Revision r = e.taskDefinitions.find(TaskDefinitionStore.arn(td));
            return r == null ? List.of() : List.copyOf(r.tags);
        }
        return List.of();
    }

    /**
     * Scale-in: stops {@code n} of the given tasks, protected ones never. Answers when the first
     * protection that held a task back expires, or null.
     */
    private @Nullable Instant scaleIn(ClusterRec c, ServiceRec s, List<TaskRec> candidates, int n) {
        List<TaskRec> order = new ArrayList<>();
        List<TaskRec> notRunning = new ArrayList<>();
        List<TaskRec> runningTasks = new ArrayList<>();
        for (TaskRec t : candidates) {
            ("RUNNING".equals(t.lastStatus) ? runningTasks : notRunning).add(t);
        }
        // [model] Tasks not yet RUNNING go first.
        order.addAll(notRunning);
        order.addAll(scaleInOrder(c, s, runningTasks));
        int protectedCount = 0;
        Instant expiry = null;
        List<TaskRec> stop = new ArrayList<>();
        for (TaskRec t : order) {
            if (tasks.isProtected(t)) {
                // [doc] Scale-in never stops a protected task (docs/scheduler.md#task-protection).
                protectedCount++;
                expiry = earliest(expiry, t.protectionExpiresAt);
                continue;
            }
            if (stop.size() < n) {
                stop.add(t);
            }
        }
        if (!stop.isEmpty()) {
            stopTasks(s, stop, scalingReason(s.primaryDeployment()));
            event(s, stoppedMessage(s, stop));
        }
        if (stop.size() < n && protectedCount > 0) {
            // [doc] event 9, with the deployment as the task set.
            event(
                    s,
                    "(service " + s.name + ") was unable to reach steady state because task set ("
                            + s.primaryDeployment().id
                            + ") was unable to scale in. Reason: The number of protected tasks are more than the desired count of tasks.");
            return expiry;
        }
        return null;
    }

    /**
     * [doc] Which tasks scale-in stops first: those in the Availability Zone with the most tasks of
     * the service, and there on the instance with the most; [model] then the newest.
     */
    List<TaskRec> scaleInOrder(ClusterRec c, ServiceRec s, List<TaskRec> candidates) {
        List<TaskRec> rest = new ArrayList<>(candidates);
        List<TaskRec> out = new ArrayList<>();
        Map<String, Integer> byAz = new LinkedHashMap<>();
        Map<String, Integer> byInstance = new LinkedHashMap<>();
        for (TaskRec t : liveTasks(c, s)) {
            byAz.merge(String.valueOf(t.availabilityZone), 1, Integer::sum);
            byInstance.merge(String.valueOf(t.instanceId), 1, Integer::sum);
        }
        List<String> launchOrder = new ArrayList<>(c.tasks.keySet());
        while (!rest.isEmpty()) {
            TaskRec best = null;
            for (TaskRec t : rest) {
                if (best == null) {
                    best = t;
                    continue;
                }
                // The candidates are live tasks of the service, each counted above.
                int az = Integer.compare(
                        byAz.getOrDefault(String.valueOf(t.availabilityZone), 0),
                        byAz.getOrDefault(String.valueOf(best.availabilityZone), 0));
                int inst = Integer.compare(
                        byInstance.getOrDefault(String.valueOf(t.instanceId), 0),
                        byInstance.getOrDefault(String.valueOf(best.instanceId), 0));
                int newer = Integer.compare(launchOrder.indexOf(t.id), launchOrder.indexOf(best.id));
                if (az > 0 || (az == 0 && inst > 0) || (az == 0 && inst == 0 && newer > 0)) {
                    best = t;
                }
            }
            TaskRec chosen = Objects.requireNonNull(best); // rest is not empty
            rest.remove(chosen);
            out.add(chosen);
            byAz.merge(String.valueOf(chosen.availabilityZone), -1, Integer::sum);
            byInstance.merge(String.valueOf(chosen.instanceId), -1, Integer::sum);
        }
        return out;
    }

    /** [unsure] The stopped reason of tasks a deployment or a scale-in stops. */
    private static String scalingReason(DeploymentRec primary) {
        return "Scaling activity initiated by (deployment " + primary.id + ")";
    }

    void stopTasks(ServiceRec s, List<TaskRec> list, String reason) {
        for (TaskRec t : list) {
            e.lifecycle.stop(t, TaskStopCode.SERVICE_SCHEDULER_INITIATED, reason);
        }
    }

    /** [obs] event 11 (docs/scheduler.md#service-events). */
    static String stoppedMessage(ServiceRec s, List<TaskRec> stopped) {
        StringBuilder sb =
                new StringBuilder("(service " + s.name + ") has stopped " + stopped.size() + " running tasks:");
        for (TaskRec t : stopped) {
            sb.append(" (task ").append(t.id).append(')');
        }
        return sb.append('.').toString();
    }

    /** DeleteService: every task stops; INACTIVE once none is left that is not stopping. */
    private void drain(ClusterRec c, ServiceRec s) {
        List<TaskRec> live = liveTasks(c, s);
        if (!live.isEmpty() && s.usesTaskSets()) {
            taskSets.drain(c, s, live);
        } else if (!live.isEmpty()) {
            stopTasks(s, live, scalingReason(s.primaryDeployment()));
            event(s, stoppedMessage(s, live));
        }
        for (TaskRec t : c.tasks.values()) {
            if (s.name.equals(t.serviceName)
                    && !t.stopped()
                    && !"STOPPING".equals(t.lastStatus)
                    && !"DEPROVISIONING".equals(t.lastStatus)) {
                return;
            }
        }
        // [doc] DRAINING -> INACTIVE once all its tasks are STOPPING or STOPPED.
        s.status = "INACTIVE";
        for (DeploymentRec d : s.deployments()) {
            d.updatedAt = e.now();
        }
    }

    List<TaskRec> liveTasks(ClusterRec c, ServiceRec s) {
        List<TaskRec> out = new ArrayList<>();
        for (TaskRec t : c.tasks.values()) {
            if (s.name.equals(t.serviceName) && "RUNNING".equals(t.desiredStatus) && !t.stopped() && !orphaned(c, t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether the task runs on a container instance of that status. */
    static boolean onInstance(ClusterRec c, TaskRec t, String status) {
        InstanceRec i = t.instanceId == null ? null : c.instances.get(t.instanceId);
        return i != null && status.equals(i.status);
    }

    /**
     * [doc] A task left on a container instance deregistered with force is orphaned: it runs on, no
     * longer the service's, which starts a copy elsewhere (docs/scheduler.md#container-instance-draining).
     */
    static boolean orphaned(ClusterRec c, TaskRec t) {
        return t.instanceId != null && (!c.instances.containsKey(t.instanceId) || onInstance(c, t, "INACTIVE"));
    }

    /** [doc] The load balancer targets of orphaned tasks are deregistered. */
    private void releaseOrphans(ClusterRec c, ServiceRec s) {
        for (TaskRec t : c.tasks.values()) {
            if (s.name.equals(t.serviceName)
                    && !t.stopped()
                    && orphaned(c, t)
                    && !lb.targetsOf(t).isEmpty()) {
                for (Object[] gr : lb.targetsOf(t)) {
                    event(
                            s,
                            "(service " + s.name + ") deregistered 1 targets in (target-group "
                                    + ((TargetGroupRec) gr[0]).arn + ")");
                }
                lb.remove(t);
            }
        }
    }

    static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    // ------------------------------------------------------------------ events

    /**
     * Adds a service event, newest first, at most 100 kept; [doc] the same message as the latest one
     * is not repeated within 6 hours (docs/scheduler.md#service-events).
     */
    void event(ServiceRec s, String message) {
        if (!s.events.isEmpty()) {
            ServiceEvent last = s.events.get(0);
            // event() gives every event its message and createdAt.
            if (message.equals(last.message())
                    && e.now().isBefore(Objects.requireNonNull(last.createdAt()).plus(EVENT_DEDUPE))) {
                return;
            }
        }
        s.events.add(
                0,
                ServiceEvent.builder()
                        .id(e.ids.uuid())
                        .createdAt(e.now())
                        .message(message)
                        .build());
        while (s.events.size() > EVENTS_KEPT) {
            s.events.remove(s.events.size() - 1);
        }
    }

    /** [doc] An "ECS Service Action" EventBridge event (docs/scheduler.md#service-events). */
    private void serviceAction(ClusterRec c, ServiceRec s, String type, String name, @Nullable String reason) {
        ObjectNode d = e.events.newDetail();
        d.put("eventType", type);
        d.put("eventName", name);
        d.put("clusterArn", c.arn);
        if (reason != null) {
            d.put("reason", reason);
        }
        d.put("createdAt", e.events.iso(e.now()));
        e.events.emit("ECS Service Action", List.of(s.arn), d);
    }

    /** [doc] An "ECS Deployment State Change" EventBridge event (docs/scheduler.md#deployments). */
    private void deploymentEvent(
            ClusterRec c, ServiceRec s, DeploymentRec dep, String type, String name, String reason) {
        ObjectNode d = e.events.newDetail();
        d.put("eventType", type);
        d.put("eventName", name);
        d.put("deploymentId", dep.id);
        d.put("updatedAt", e.events.iso(e.now()));
        d.put("reason", reason);
        e.events.emit("ECS Deployment State Change", List.of(s.arn), d);
    }

    // ------------------------------------------------------------------ ScalableServices

    private @Nullable ServiceRec active(String cluster, String service) {
        ClusterRec c = e.clusters.get(cluster);
        ServiceRec s = c == null || !c.active() ? null : c.services.get(service);
        return s != null && "ACTIVE".equals(s.status) ? s : null;
    }

    @Override
    public boolean exists(String cluster, String service) {
        return active(cluster, service) != null;
    }

    @Override
    public @Nullable Integer runningCount(String cluster, String service) {
        ServiceRec s = active(cluster, service);
        if (s == null) {
            return null;
        }
        ClusterRec c = Objects.requireNonNull(e.clusters.get(cluster)); // active() found the service there
        int running = 0;
        for (TaskSetRec ts : s.taskSets) {
            running += taskSets.counts(c, s, ts)[0];
        }
        for (DeploymentRec d : s.deployments()) {
            running += counts(c, s, d)[0];
        }
        return running;
    }

    @Override
    public @Nullable Integer desiredCount(String cluster, String service) {
        ServiceRec s = active(cluster, service);
        return s == null ? null : s.desiredCount;
    }

    @Override
    public boolean deploymentInProgress(String cluster, String service) {
        ServiceRec s = active(cluster, service);
        if (s != null && s.usesTaskSets()) {
            // [model] A task-set service is being deployed while it has more than one task set.
            return s.taskSets.size() > 1;
        }
        return s != null && (s.deployments().size() > 1 || "IN_PROGRESS".equals(s.primaryDeployment().rolloutState));
    }

    @Override
    public boolean setDesiredCount(String cluster, String service, int desiredCount) {
        ServiceRec s = active(cluster, service);
        if (s == null || s.daemon() || desiredCount < 0) {
            return false;
        }
        s.desiredCount = desiredCount;
        wake(s);
        return true;
    }
}
