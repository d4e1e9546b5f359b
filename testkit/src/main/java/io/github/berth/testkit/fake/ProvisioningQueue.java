package io.github.berth.testkit.fake;

import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.EcsException;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskStopCode;
import io.github.berth.placement.PlacementExplanation;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.TaskReservation;
import io.github.berth.scaling.managed.ProvisioningTasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks waiting in PROVISIONING for capacity (docs/scheduler.md#tasks-waiting-for-capacity).
 *
 * <p>[doc] With managed scaling on its capacity provider, a task that cannot be placed goes to
 * PROVISIONING instead of failing; without it, it fails at once (developer guide
 * {@code cluster-auto-scaling}, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html,
 * and the "Deep dive on Amazon ECS cluster auto scaling" blog). The fake places waiting tasks again,
 * in the order they came, as soon as a container instance registers or becomes available, and every
 * 15 seconds while any waits ([unsure] the 15 s is reported by users, not documented). A task that
 * waits longer than the timeout (default 30 minutes: [doc] the blog says "between 10 and 30
 * minutes"; [model] the upper end) stops with stopCode TaskFailedToStart and the stoppedReason
 * {@code TaskFailedToStart: <the last placement reason>} ([doc] the form of the stopped reasons
 * listed for DescribeTasks on the "API failure reasons" page,
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/api_failures_messages.html; [model]
 * that the last attempt's reason is the one given).
 */
final class ProvisioningQueue {

    /** [doc] Tasks in the PROVISIONING state per cluster (Amazon ECS service quotas page; it was 100, then 300). */
    static final int DEFAULT_LIMIT = 500;
    /** [doc] The blog's "between 10 and 30 minutes"; [model] the upper end. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** [unsure] How often ECS looks at waiting tasks again (reported by users, not documented). */
    static final Duration RETRY_EVERY = Duration.ofSeconds(15);
    /**
     * [obs] ECS's text over the quota, a ClientException of RunTask: matched word for word by the retry
     * code of several public projects that call RunTask on clusters with managed scaling.
     */
    static final String LIMIT_EXCEEDED = "Tasks provisioning capacity limit exceeded.";

    private final Engine e;
    int limit = DEFAULT_LIMIT;
    Duration timeout = DEFAULT_TIMEOUT;
    /** Waiting tasks of every cluster, in the order they came. */
    final List<ProvisioningRec> waiting = new ArrayList<>();
    /** Per cluster name, when the periodic retry is next due (epoch milliseconds). */
    final Map<String, Long> periodicRetryAt = new LinkedHashMap<>();

    ProvisioningQueue(Engine e) {
        this.e = e;
        e.handlers.put(TimerKind.PROVISIONING_RETRY, this::retryDue);
        e.handlers.put(TimerKind.PROVISIONING_TIMEOUT, this::timeoutDue);
        e.instanceListeners.add(this::instanceChanged);
    }

    /** Whether a task that {@code provider} cannot place waits for capacity (managed scaling is on). */
    boolean waitsFor(String provider) {
        CapacityProviderRec p = provider == null ? null : e.capacity.providers.get(provider);
        return p != null && p.active() && p.managedScalingEnabled();
    }

    /** The cluster's tasks whose lastStatus is PROVISIONING (what the quota counts). */
    static int provisioningCount(ClusterRec c) {
        int n = 0;
        for (TaskRec t : c.tasks.values()) {
            if ("PROVISIONING".equals(t.lastStatus)) {
                n++;
            }
        }
        return n;
    }

    /** How many of the result's unplaced tasks would wait for capacity. */
    int wouldWait(PlacementResult result) {
        int n = 0;
        for (PlacementExplanation x : result.explanations()) {
            if (waitsFor(x.pool())) {
                n += x.tasks();
            }
        }
        return n;
    }

    /**
     * RunTask's check, before anything changes: the tasks that would wait must fit under the quota
     * ([unsure] whether ECS refuses the whole call or starts what fits; the fake refuses it).
     */
    void checkQuota(ClusterRec c, PlacementResult result) {
        int n = wouldWait(result);
        if (n > 0 && provisioningCount(c) + n > limit) {
            throw new ClientException(LIMIT_EXCEEDED);
        }
    }

    /**
     * Turns the failures of capacity providers with managed scaling into tasks waiting in
     * PROVISIONING, as far as the quota allows (the rest stay failures: the service scheduler then
     * tries again later). Removes those failures from {@code failures}; answers the new tasks.
     */
    List<TaskRec> enqueue(
            ClusterRec c, TaskOps.LaunchSpec spec, PlacementResult result, List<Failure> failures, TaskOps ops) {
        List<TaskRec> out = new ArrayList<>();
        if (result.explanations().isEmpty()) {
            return out;
        }
        int room = limit - provisioningCount(c);
        PlacementRequest request = result.request();
        int offset = 0;
        for (PlacementExplanation x : result.explanations()) {
            List<Failure> mine = result.failures().subList(offset, offset + x.tasks());
            offset += x.tasks();
            if (!waitsFor(x.pool())) {
                continue;
            }
            for (Failure f : mine) {
                if (room <= 0) {
                    break;
                }
                room--;
                removeSame(failures, f);
                // [doc] Tasks on an Auto Scaling group capacity provider run with launch type EC2.
                TaskRec t = ops.newTask(c, spec, LaunchType.EC2, x.pool(), request.effectiveGroup());
                ProvisioningRec w = new ProvisioningRec();
                w.cluster = c.name;
                w.taskId = t.id;
                w.capacityProvider = x.pool();
                w.placementConstraints = new ArrayList<>(request.placementConstraints());
                w.placementStrategy = new ArrayList<>(request.placementStrategy());
                w.networkConfiguration = request.networkConfiguration();
                w.lastReason = f.reason();
                waiting.add(w);
                t.createdAt = e.now();
                t.desiredStatus = "RUNNING";
                t.lastStatus = "PROVISIONING";
                for (ContainerRec k : t.containers) {
                    k.lastStatus = "PENDING";
                }
                e.lifecycle.changed(t, null);
                e.schedule(timeout, TimerKind.PROVISIONING_TIMEOUT, c.name, t.id, 0, 0);
                out.add(t);
            }
        }
        if (!out.isEmpty()) {
            schedulePeriodic(c);
            e.managedScaling.ensureTicking();
        }
        return out;
    }

    private static void removeSame(List<Failure> failures, Failure f) {
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i) == f) {
                failures.remove(i);
                return;
            }
        }
    }

    /** The tasks of {@code provider} waiting in cluster {@code c}, grouped by identical requirements. */
    List<ProvisioningTasks> waitingFor(ClusterRec c, String provider) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        for (ProvisioningRec w : waiting) {
            if (!w.cluster.equals(c.name) || !w.capacityProvider.equals(provider)) {
                continue;
            }
            TaskRec t = c.tasks.get(w.taskId);
            if (t == null || !"PROVISIONING".equals(t.lastStatus)) {
                continue;
            }
            TaskReservation r;
            try {
                r = TaskReservation.of(e.taskDefinitions.forLaunch(t.taskDefinitionArn), t.overrides);
            } catch (EcsException ex) {
                continue; // [model] a definition deleted meanwhile: the task cannot be placed, it needs no instance
            }
            int[] g = groups.computeIfAbsent(r.cpu() + "/" + r.memoryMiB() + "/" + r.gpus(), k ->
                    new int[] {r.cpu(), r.memoryMiB(), r.gpus(), 0});
            g[3]++;
        }
        List<ProvisioningTasks> out = new ArrayList<>();
        for (int[] g : groups.values()) {
            out.add(new ProvisioningTasks(g[0], g[1], g[2], g[3]));
        }
        return out;
    }

    // ------------------------------------------------------------------ placing again

    private void schedulePeriodic(ClusterRec c) {
        long now = e.now().toEpochMilli();
        Long at = periodicRetryAt.get(c.name);
        if (at != null && at > now) {
            return;
        }
        periodicRetryAt.put(c.name, now + RETRY_EVERY.toMillis());
        e.schedule(RETRY_EVERY, TimerKind.PROVISIONING_RETRY, c.name, "", 1, 0);
    }

    /** [model] A container instance that becomes available gets the waiting tasks at once. */
    private void instanceChanged(InstanceRec i) {
        if ("ACTIVE".equals(i.status) && i.agentConnected && hasWaiting(i.cluster)) {
            e.schedule(Duration.ZERO, TimerKind.PROVISIONING_RETRY, i.cluster, "", 0, 0);
        }
    }

    private boolean hasWaiting(String cluster) {
        for (ProvisioningRec w : waiting) {
            if (w.cluster.equals(cluster)) {
                return true;
            }
        }
        return false;
    }

    private void retryDue(Timer timer) {
        if (timer.token() == 1) {
            periodicRetryAt.remove(timer.cluster());
        }
        ClusterRec c = e.clusters.get(timer.cluster());
        if (c == null) {
            waiting.removeIf(w -> w.cluster.equals(timer.cluster()));
            return;
        }
        placeWaiting(c);
        if (hasWaiting(c.name)) {
            schedulePeriodic(c);
        }
    }

    /**
     * Places the cluster's waiting tasks that fit now, one at a time, in the order they came. Until
     * one is placed the cluster does not change, so a task asking exactly what a task before it asked
     * in vain is not tried again in the same pass.
     */
    void placeWaiting(ClusterRec c) {
        TaskOps ops = new TaskOps(e);
        Map<String, String> failedAlike = new HashMap<>();
        for (ProvisioningRec w : List.copyOf(waiting)) {
            if (!w.cluster.equals(c.name)) {
                continue;
            }
            TaskRec t = c.tasks.get(w.taskId);
            if (t == null || !"PROVISIONING".equals(t.lastStatus) || !"RUNNING".equals(t.desiredStatus)) {
                waiting.remove(w);
                continue;
            }
            String ask = t.taskDefinitionArn
                    + '|'
                    + t.overrides
                    + '|'
                    + t.group
                    + '|'
                    + t.serviceName
                    + '|'
                    + w.capacityProvider
                    + '|'
                    + w.placementConstraints
                    + '|'
                    + w.placementStrategy
                    + '|'
                    + w.networkConfiguration;
            String failedBefore = failedAlike.get(ask);
            if (failedBefore != null) {
                w.lastReason = failedBefore;
                continue;
            }
            TaskDefinition td;
            PlacementResult result;
            try {
                td = e.taskDefinitions.forLaunch(t.taskDefinitionArn);
                PlacementRequest.Builder b = PlacementRequest.builder(td)
                        .count(1)
                        .capacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                .capacityProvider(w.capacityProvider)
                                .weight(1)
                                .build()))
                        .placementConstraints(w.placementConstraints)
                        .placementStrategy(w.placementStrategy)
                        .networkConfiguration(w.networkConfiguration)
                        .overrides(t.overrides)
                        .startedBy(t.startedBy)
                        .group(t.group)
                        .seed(ops.nextPlacementSeed());
                if (t.serviceName != null) {
                    b.service(t.serviceName);
                }
                result = e.placement.place(c, b.build());
            } catch (EcsException ex) {
                w.lastReason = ex.getMessage();
                failedAlike.put(ask, w.lastReason);
                continue;
            }
            if (result.placements().isEmpty()) {
                if (!result.failures().isEmpty()) {
                    w.lastReason = result.failures().get(0).reason();
                }
                failedAlike.put(ask, w.lastReason);
                continue;
            }
            failedAlike.clear();
            waiting.remove(w);
            ops.place(c, t, result.placements().get(0), td);
            e.lifecycle.placedAfterWaiting(t);
        }
    }

    // ------------------------------------------------------------------ timeout

    private void timeoutDue(Timer timer) {
        ClusterRec c = e.clusters.get(timer.cluster());
        TaskRec t = c == null ? null : c.tasks.get(timer.subject());
        ProvisioningRec w = null;
        for (ProvisioningRec x : waiting) {
            if (x.taskId.equals(timer.subject()) && x.cluster.equals(timer.cluster())) {
                w = x;
            }
        }
        if (w == null) {
            return;
        }
        waiting.remove(w);
        if (t != null && "PROVISIONING".equals(t.lastStatus) && t.instanceId == null) {
            e.lifecycle.stop(t, TaskStopCode.TASK_FAILED_TO_START, "TaskFailedToStart: " + w.lastReason);
        }
    }
}
