package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.TaskStopCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's way from launch to STOPPED, one timer at a time (docs/scheduler.md#task-lifecycle):
 * PROVISIONING (awsvpc: the ENI is attached) → PENDING (the images are pulled) → RUNNING →
 * STOPPING (the containers get SIGTERM and exit) → DEPROVISIONING (awsvpc: the ENI is detached) →
 * STOPPED. DEACTIVATING is entered before STOPPING when something must be deregistered first (a
 * load balancer target: see {@link #deactivationDelay}). Each step sets the timestamps ECS sets,
 * bumps the task's {@code version} and emits an ECS Task State Change event.
 *
 * <p>[model] ECS publishes no durations for these steps; the fake takes one second for each (the
 * ENI attachment, the start of the pull, the pull, the container start), so a task runs three to
 * four seconds after launch, plus a behaviour rule's start delay; see {@link FakeEcs.Builder}.
 */
final class TaskLifecycle {

    private final Engine e;
    /** Hooks of the service scheduler: how long a RUNNING task stays DEACTIVATING before STOPPING. */
    DeactivationHook deactivationDelay = t -> null;

    interface DeactivationHook {
        /** How long {@code task} must stay DEACTIVATING (deregistering targets), or null to skip it. */
        @Nullable
        Duration delay(TaskRec task);
    }

    TaskLifecycle(Engine e) {
        this.e = e;
    }

    private Duration step() {
        return e.settings.stepDuration();
    }

    // ------------------------------------------------------------------ launch

    /** Starts a placed task: PROVISIONING (ENI) or PENDING, and the first timer. */
    void launch(TaskRec t) {
        t.createdAt = e.now();
        t.desiredStatus = "RUNNING";
        t.lastStatus = t.holdsEni ? "PROVISIONING" : "PENDING";
        for (ContainerRec c : t.containers) {
            c.lastStatus = "PENDING";
        }
        changed(t, null);
        next(t, step());
    }

    /**
     * A task that waited in PROVISIONING for capacity has just been placed: it goes on as a launched
     * task does, from PROVISIONING (awsvpc: its ENI is attached at the next step) or to PENDING
     * (docs/scheduler.md#tasks-waiting-for-capacity).
     */
    void placedAfterWaiting(TaskRec t) {
        if (t.holdsEni) {
            changed(t, t.lastStatus);
        } else {
            String prev = t.lastStatus;
            t.lastStatus = "PENDING";
            changed(t, prev);
        }
        next(t, step());
    }

    private void next(TaskRec t, Duration after) {
        t.step++;
        e.schedule(after, TimerKind.TASK_STEP, t.cluster, t.id, t.step, 0);
    }

    // ------------------------------------------------------------------ timers

    void fire(Timer timer) {
        ClusterRec c = e.clusters.get(timer.cluster());
        if (c == null) {
            return;
        }
        TaskRec t = c.tasks.get(timer.subject());
        if (t == null) {
            return;
        }
        switch (timer.kind()) {
            case TASK_STEP -> {
                if (t.step == timer.token()) {
                    advance(t);
                }
            }
            case CONTAINER_EXIT -> {
                // A container can exit while the task is still PENDING: an init container others wait for.
                if (t.step == timer.token() && ("RUNNING".equals(t.lastStatus) || "PENDING".equals(t.lastStatus))) {
                    containerExited(t, timer.arg());
                }
            }
            case CONTAINER_START_TIMEOUT -> {
                if (t.step == timer.token()) {
                    progress(t);
                }
            }
            case CONTAINER_HEALTH -> {
                int index = timer.arg() >> 1;
                ContainerRec container = t.containers.get(index);
                if (container.healthToken == timer.token() && "RUNNING".equals(container.lastStatus)) {
                    setHealth(t, container, (timer.arg() & 1) == 1 ? "HEALTHY" : "UNHEALTHY");
                }
            }
            case TASK_EXPIRE -> {
                if (t.stopped()) {
                    c.tasks.remove(t.id);
                }
            }
            default -> throw new IllegalStateException("not a task timer: " + timer);
        }
    }

    private void advance(TaskRec t) {
        String prev = t.lastStatus;
        switch (t.lastStatus) {
            case "PROVISIONING" -> {
                attachEni(t);
                t.lastStatus = "PENDING";
                changed(t, prev);
                next(t, step());
            }
            case "PENDING" -> {
                if (t.pullStartedAt == null) {
                    t.pullStartedAt = e.now();
                    long delay = 0;
                    for (ContainerRec c : t.containers) {
                        delay = Math.max(delay, c.plan.startDelayMillis());
                    }
                    next(t, step().plusMillis(delay));
                } else if (t.pullStoppedAt == null) {
                    t.pullStoppedAt = e.now();
                    ContainerRec failed = null;
                    for (ContainerRec c : t.containers) {
                        if (c.plan.pullFailure() != null) {
                            failed = c;
                            break;
                        }
                    }
                    if (failed != null) {
                        failToStart(t, failed);
                    } else {
                        next(t, step());
                    }
                } else {
                    run(t);
                }
            }
            case "DEACTIVATING" -> {
                t.lastStatus = "STOPPING";
                t.stoppingAt = e.now();
                changed(t, prev);
                next(t, step());
            }
            case "STOPPING" -> {
                for (ContainerRec c : t.containers) {
                    if (!"STOPPED".equals(c.lastStatus)) {
                        c.lastStatus = "STOPPED";
                        if (c.exitCode == null && c.runtimeId != null) {
                            c.exitCode = c.plan.stopExitCode();
                        }
                    }
                }
                t.executionStoppedAt = e.now();
                if (t.holdsEni) {
                    t.lastStatus = "DEPROVISIONING";
                    detachEni(t, "DETACHING");
                    changed(t, prev);
                    next(t, step());
                } else {
                    reachStopped(t, prev);
                }
            }
            case "DEPROVISIONING" -> {
                detachEni(t, "DELETED");
                reachStopped(t, prev);
            }
            default -> {
                // RUNNING has no step timer; STOPPED is final.
            }
        }
    }

    private void failToStart(TaskRec t, ContainerRec failed) {
        String prev = t.lastStatus;
        t.desiredStatus = "STOPPED";
        t.stopCode = TaskStopCode.TASK_FAILED_TO_START;
        t.stoppedReason = failed.plan.pullFailure();
        t.stoppingAt = e.now();
        t.executionStoppedAt = e.now();
        for (ContainerRec c : t.containers) {
            c.lastStatus = "STOPPED";
            if (c == failed) {
                c.reason = failed.plan.pullFailure();
            }
        }
        if (t.holdsEni) {
            t.lastStatus = "DEPROVISIONING";
            detachEni(t, "DETACHING");
            changed(t, prev);
            next(t, step());
        } else {
            reachStopped(t, prev);
        }
    }

    /**
     * PENDING (pulled) → RUNNING: containers start as their {@code dependsOn} allows, health checks and
     * scripted exits are scheduled; the task is RUNNING once no container waits
     * (docs/scheduler.md#container-dependencies). With no dependsOn every container starts at once.
     */
    void run(TaskRec t) {
        progress(t);
    }

    /**
     * Starts every waiting container whose dependencies are met, gives up on those whose dependencies
     * never will be, and makes the task RUNNING once no container is left PENDING. Runs after the pull,
     * and again whenever a container of a PENDING task starts, exits, turns HEALTHY or times out.
     *
     * <p>[code] The rules are the ECS agent's (amazon-ecs-agent, agent/engine/dependencygraph/graph.go):
     * START is met when the dependency is RUNNING; COMPLETE when it has exited; SUCCESS when it has
     * exited 0; HEALTHY when its health check passed. A dependency that can never be met is terminal:
     * the waiting container is marked STOPPED with exit code 143 and a {@code CannotStartContainerError}
     * reason (agent/engine/task_manager.go, handleTerminalDependencyError); an essential one stops the
     * task. [unsure] ECS's stop code and stopped reason for that task are not documented; the fake
     * says EssentialContainerExited, "Essential container in task exited", as for any essential exit.
     * [unsure] The agent marks the task RUNNING once every container has reached RUNNING or exited.
     */
    private void progress(TaskRec t) {
        if (!"PENDING".equals(t.lastStatus) || !"RUNNING".equals(t.desiredStatus) || t.pullStoppedAt == null) {
            return;
        }
        String prev = t.lastStatus;
        boolean any = false;
        boolean moved = true;
        ContainerRec failedEssential = null;
        while (moved && failedEssential == null) {
            moved = false;
            for (int i = 0; i < t.containers.size(); i++) {
                ContainerRec c = t.containers.get(i);
                if (!"PENDING".equals(c.lastStatus)) {
                    continue;
                }
                String blocked = Dependencies.check(t, c, e.now());
                if (blocked == null) {
                    startContainer(t, c, i);
                    moved = true;
                } else if (!blocked.isEmpty()) {
                    c.lastStatus = "STOPPED";
                    c.exitCode = 143;
                    c.reason = blocked;
                    moved = true;
                    if (c.essential) {
                        failedEssential = c;
                        break;
                    }
                }
            }
            any |= moved;
        }
        if (failedEssential != null) {
            // [unsure] see above: the stop of a task whose essential container could not start.
            stop(t, TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited");
            return;
        }
        boolean waiting = false;
        for (ContainerRec c : t.containers) {
            waiting |= "PENDING".equals(c.lastStatus);
        }
        if (!waiting) {
            t.lastStatus = "RUNNING";
            t.startedAt = e.now();
            t.connectivityAt = e.now();
            t.everRunning = true;
            t.health = aggregateHealth(t);
            changed(t, prev);
        } else {
            if (any) {
                // A container started or gave up while the task stays PENDING: an event, as ECS sends one.
                changed(t, t.lastStatus);
            }
        }
    }

    /** One container starts: its runtime id, its health checks and its scripted exit are set. */
    private void startContainer(TaskRec t, ContainerRec c, int index) {
        c.lastStatus = "RUNNING";
        c.startedAt = e.now();
        c.runtimeId = t.id + "-" + (Math.abs((long) c.uuid.hashCode()) % 10_000_000_000L);
        scheduleHealth(t, c, index);
        Dependencies.scheduleTimeout(e, t, c);
        if (c.plan.exitAfterMillis() >= 0) {
            e.schedule(
                    Duration.ofMillis(c.plan.exitAfterMillis()),
                    TimerKind.CONTAINER_EXIT,
                    t.cluster,
                    t.id,
                    t.step,
                    index);
        }
    }

    // ------------------------------------------------------------------ health

    /**
     * [doc] Docker runs the first probe {@code interval} seconds after the container starts; the
     * container is HEALTHY at the first passing probe, and UNHEALTHY after {@code retries}
     * consecutive failing probes, failures inside {@code startPeriod} not counted
     * (docs/scheduler.md#health-checks-in-the-fake). Only the probes where the status changes get a timer.
     */
    private void scheduleHealth(TaskRec t, ContainerRec c, int index) {
        HealthCheck hc = c.healthCheck;
        if (hc == null) {
            c.health = null;
            return;
        }
        c.health = "UNKNOWN";
        c.healthToken++;
        long interval = (hc.interval() == null ? 30 : hc.interval()) * 1000L;
        int retries = hc.retries() == null ? 3 : hc.retries();
        long startPeriod = (hc.startPeriod() == null ? 0 : hc.startPeriod()) * 1000L;
        long failFrom = c.plan.unhealthyAfterMillis();
        if (failFrom < 0 || failFrom > interval) {
            // The first probe passes.
            e.schedule(
                    Duration.ofMillis(interval),
                    TimerKind.CONTAINER_HEALTH,
                    t.cluster,
                    t.id,
                    c.healthToken,
                    index * 2 + 1);
        }
        if (failFrom >= 0) {
            long countFrom = Math.max(failFrom, startPeriod);
            long firstFailing = ((countFrom + interval - 1) / interval) * interval;
            if (firstFailing < interval) {
                firstFailing = interval;
            }
            while (firstFailing < startPeriod) {
                firstFailing += interval;
            }
            long unhealthyAt = firstFailing + (retries - 1) * interval;
            e.schedule(
                    Duration.ofMillis(unhealthyAt),
                    TimerKind.CONTAINER_HEALTH,
                    t.cluster,
                    t.id,
                    c.healthToken,
                    index * 2);
        }
    }

    private void setHealth(TaskRec t, ContainerRec c, String status) {
        if (status.equals(c.health)) {
            return;
        }
        c.health = status;
        String before = t.health;
        t.health = aggregateHealth(t);
        if (!before.equals(t.health)) {
            changed(t, t.lastStatus);
        }
        if ("HEALTHY".equals(status)) {
            progress(t);
        }
    }

    /**
     * [doc] The task's health from its essential containers: any UNHEALTHY makes it UNHEALTHY, else
     * any UNKNOWN makes it UNKNOWN, else HEALTHY; with no health check at all it is UNKNOWN.
     */
    static String aggregateHealth(TaskRec t) {
        boolean any = false;
        boolean unknown = false;
        for (ContainerRec c : t.containers) {
            if (!c.essential || c.health == null) {
                continue;
            }
            any = true;
            if ("UNHEALTHY".equals(c.health)) {
                return "UNHEALTHY";
            }
            if (!"HEALTHY".equals(c.health)) {
                unknown = true;
            }
        }
        return !any || unknown ? "UNKNOWN" : "HEALTHY";
    }

    // ------------------------------------------------------------------ exits and stops

    private void containerExited(TaskRec t, int index) {
        ContainerRec c = t.containers.get(index);
        if (!"RUNNING".equals(c.lastStatus)) {
            return;
        }
        c.lastStatus = "STOPPED";
        c.exitCode = c.plan.exitCode();
        c.reason = c.plan.exitReason();
        c.healthToken++;
        afterContainerStopped(t, c);
    }

    /**
     * What follows a container's exit: [doc] an essential container's exit stops the task
     * (EssentialContainerExited); a non-essential one's is an event, and may let the containers that
     * wait for it start (docs/scheduler.md#container-dependencies).
     */
    void afterContainerStopped(TaskRec t, ContainerRec c) {
        if (c.essential) {
            stop(t, TaskStopCode.ESSENTIAL_CONTAINER_EXITED, "Essential container in task exited");
        } else if ("PENDING".equals(t.lastStatus)) {
            long version = t.version;
            progress(t);
            if (version == t.version) {
                changed(t, t.lastStatus);
            }
        } else {
            changed(t, t.lastStatus);
        }
    }

    /**
     * Stops a task: desired status STOPPED at once, then the way down. A task that never ran goes
     * straight to STOPPED (or DEPROVISIONING first when it holds an ENI). Stopping a task already
     * stopping changes nothing.
     */
    void stop(TaskRec t, TaskStopCode code, String reason) {
        if (!"RUNNING".equals(t.desiredStatus)) {
            return;
        }
        String prev = t.lastStatus;
        t.desiredStatus = "STOPPED";
        t.stopCode = code;
        t.stoppedReason = reason;
        switch (t.lastStatus) {
            case "PROVISIONING", "PENDING" -> {
                t.stoppingAt = e.now();
                t.executionStoppedAt = e.now();
                for (ContainerRec c : t.containers) {
                    if ("RUNNING".equals(c.lastStatus) && c.exitCode == null) {
                        // A container that started while the task waited for others gets the stop signal.
                        c.exitCode = c.plan.stopExitCode();
                    }
                    c.lastStatus = "STOPPED";
                }
                if (t.holdsEni && hasEni(t)) {
                    t.lastStatus = "DEPROVISIONING";
                    detachEni(t, "DETACHING");
                    changed(t, prev);
                    next(t, step());
                } else {
                    reachStopped(t, prev);
                }
            }
            default -> {
                Duration deactivate = deactivationDelay.delay(t);
                if (deactivate != null) {
                    t.lastStatus = "DEACTIVATING";
                    changed(t, prev);
                    next(t, deactivate);
                } else {
                    // The desired status changes now; lastStatus moves on at the next step.
                    t.lastStatus = "STOPPING";
                    t.stoppingAt = e.now();
                    changed(t, prev);
                    next(t, step());
                }
            }
        }
    }

    private void reachStopped(TaskRec t, String prev) {
        t.lastStatus = "STOPPED";
        t.stoppedAt = e.now();
        if (t.stoppingAt == null) {
            t.stoppingAt = e.now();
        }
        if (t.executionStoppedAt == null) {
            t.executionStoppedAt = e.now();
        }
        t.step++;
        e.placement.release(t);
        changed(t, prev);
        // [doc] Stopped tasks stay describable for at least an hour (docs/scheduler.md#retention).
        e.schedule(e.settings.stoppedTaskRetention(), TimerKind.TASK_EXPIRE, t.cluster, t.id, 0, 0);
    }

    // ------------------------------------------------------------------ the agent's reports

    /**
     * The agent reports a container RUNNING (SubmitContainerStateChange): a PENDING container starts
     * now, whatever its dependsOn says (the agent has started it); its runtime id and network bindings
     * are the reported ones when given (docs/scheduler.md#the-agents-state-change-calls).
     */
    void agentContainerRunning(
            TaskRec t,
            ContainerRec c,
            @Nullable String runtimeId,
            @Nullable List<io.github.berth.core.model.NetworkBinding> bindings) {
        if (!"RUNNING".equals(t.desiredStatus) || t.stopped()) {
            return;
        }
        boolean started = false;
        if ("PENDING".equals(c.lastStatus)) {
            startContainer(t, c, t.containers.indexOf(c));
            started = true;
        } else if (!"RUNNING".equals(c.lastStatus)) {
            return;
        }
        if (runtimeId != null) {
            c.runtimeId = runtimeId;
        }
        if (bindings != null) {
            c.networkBindings = new ArrayList<>(bindings);
        }
        long version = t.version;
        if (started && "PENDING".equals(t.lastStatus)) {
            progress(t);
        }
        if (version == t.version) {
            changed(t, t.lastStatus);
        }
    }

    /**
     * The agent reports a container STOPPED (SubmitContainerStateChange): its exit code and reason are
     * recorded, and the exit has its usual effect (an essential container stops the task).
     */
    void agentContainerStopped(TaskRec t, ContainerRec c, @Nullable Integer exitCode, @Nullable String reason) {
        if ("STOPPED".equals(c.lastStatus) || t.stopped()) {
            return;
        }
        c.lastStatus = "STOPPED";
        c.exitCode = exitCode;
        c.reason = reason;
        c.healthToken++;
        if (!"RUNNING".equals(t.desiredStatus)) {
            changed(t, t.lastStatus);
            return;
        }
        afterContainerStopped(t, c);
    }

    /**
     * The agent reports the task RUNNING (SubmitTaskStateChange): an ENI still attaching is attached,
     * the pull timestamps are the reported ones (or now), every container still PENDING starts, and the
     * task is RUNNING. A task stopping or stopped does not go back.
     */
    void agentTaskRunning(TaskRec t, @Nullable Instant pullStartedAt, @Nullable Instant pullStoppedAt) {
        if (!"RUNNING".equals(t.desiredStatus)
                || !("PROVISIONING".equals(t.lastStatus) || "PENDING".equals(t.lastStatus))) {
            return;
        }
        if ("PROVISIONING".equals(t.lastStatus)) {
            attachEni(t);
            t.lastStatus = "PENDING";
        }
        t.pullStartedAt = pullStartedAt != null ? pullStartedAt : t.pullStartedAt != null ? t.pullStartedAt : e.now();
        t.pullStoppedAt = pullStoppedAt != null ? pullStoppedAt : t.pullStoppedAt != null ? t.pullStoppedAt : e.now();
        for (int i = 0; i < t.containers.size(); i++) {
            ContainerRec c = t.containers.get(i);
            if ("PENDING".equals(c.lastStatus)) {
                startContainer(t, c, i);
            }
        }
        progress(t);
    }

    /**
     * The agent reports the task STOPPED (SubmitTaskStateChange): a task still meant to run stops
     * ([model] stop code EssentialContainerExited, the reported reason or ECS's "Essential container in
     * task exited"), and the way down completes now; the reported executionStoppedAt is kept.
     */
    void agentTaskStopped(TaskRec t, @Nullable String reason, @Nullable Instant executionStoppedAt) {
        if (t.stopped()) {
            return;
        }
        if ("RUNNING".equals(t.desiredStatus)) {
            stop(
                    t,
                    TaskStopCode.ESSENTIAL_CONTAINER_EXITED,
                    reason != null ? reason : "Essential container in task exited");
        }
        if ("DEACTIVATING".equals(t.lastStatus) || "STOPPING".equals(t.lastStatus)) {
            if (t.stoppingAt == null) {
                t.stoppingAt = e.now();
            }
            t.lastStatus = "STOPPING";
            advance(t);
        }
        if (executionStoppedAt != null) {
            t.executionStoppedAt = executionStoppedAt;
        }
    }

    // ------------------------------------------------------------------ ENI attachment

    private static boolean hasEni(TaskRec t) {
        return !t.attachments.isEmpty();
    }

    /** Creates the task's ENI attachment (PRECREATED at launch); ATTACHED with its addresses here. */
    void createEni(TaskRec t, String subnetId) {
        String eniId = "eni-0" + t.id.substring(0, 16);
        String ip = e.network.nextIp(subnetId);
        String mac = String.format(
                "0a:%s:%s:%s:%s:%s",
                t.id.substring(0, 2),
                t.id.substring(2, 4),
                t.id.substring(4, 6),
                t.id.substring(6, 8),
                t.id.substring(8, 10));
        List<KeyValuePair> details = new ArrayList<>();
        details.add(kv("subnetId", subnetId));
        details.add(kv("networkInterfaceId", eniId));
        details.add(kv("macAddress", mac));
        details.add(kv("privateDnsName", "ip-" + ip.replace('.', '-') + "." + ec2Domain()));
        details.add(kv("privateIPv4Address", ip));
        t.attachments.add(Attachment.builder()
                .id(e.ids.uuid())
                .type("ElasticNetworkInterface")
                .status("PRECREATED")
                .details(details)
                .build());
    }

    private String ec2Domain() {
        return "us-east-1".equals(e.region) ? "ec2.internal" : e.region + ".compute.internal";
    }

    private void attachEni(TaskRec t) {
        setAttachmentStatus(t, "ATTACHED");
    }

    private void detachEni(TaskRec t, String status) {
        setAttachmentStatus(t, status);
    }

    private void setAttachmentStatus(TaskRec t, String status) {
        List<Attachment> updated = new ArrayList<>();
        for (Attachment a : t.attachments) {
            updated.add(a.toBuilder().status(status).build());
        }
        t.attachments = updated;
    }

    private static KeyValuePair kv(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }

    // ------------------------------------------------------------------ events

    /** Records a change: version, event, listeners. */
    void changed(TaskRec t, @Nullable String prev) {
        if (prev != null) {
            t.version++;
        }
        e.placement.taskChanged(t, prev);
        e.events.emitTask(t);
        e.taskChanged(t, prev);
    }
}
