package io.github.berth.testkit.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.Scale;
import io.github.berth.core.model.ScaleUnit;
import io.github.berth.core.model.TaskSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The service scheduler's part for services whose tasks belong to task sets, the EXTERNAL and
 * CODE_DEPLOY deployment controllers (docs/scheduler.md#task-sets): each task set is kept at its
 * computed desired count (the service's desired count times its scale, rounded up), its stability
 * status follows its tasks, and a DRAINING task set stops its tasks and is gone once they have
 * stopped. Woken with the rest of the service by the {@link ServiceScheduler}.
 */
final class TaskSetScheduler {

    private final Engine e;
    private final ServiceScheduler scheduler;
    private final TaskOps tasks;

    TaskSetScheduler(Engine e, ServiceScheduler scheduler, TaskOps tasks) {
        this.e = e;
        this.scheduler = scheduler;
        this.tasks = tasks;
    }

    @Nullable
    TaskSetRec find(ServiceRec s, @Nullable String id) {
        for (TaskSetRec ts : s.taskSets) {
            if (ts.id.equals(id)) {
                return ts;
            }
        }
        return null;
    }

    /** The task set as the deployment the scheduler launches tasks for: its id is their startedBy. */
    static DeploymentRec asDeployment(TaskSetRec ts) {
        DeploymentRec d = new DeploymentRec();
        d.id = ts.id;
        d.taskDefinitionArn = ts.taskDefinitionArn;
        d.launchType = ts.launchType;
        d.capacityProviderStrategy = new ArrayList<>(ts.capacityProviderStrategy);
        d.platformVersion = ts.platformVersion;
        d.platformFamily = ts.platformFamily;
        d.networkConfiguration = ts.networkConfiguration;
        d.loadBalancers = new ArrayList<>(ts.loadBalancers);
        // The circuit breaker is the ECS controller's only: nothing counts failed tasks of a task set.
        d.hadRunningTask = true;
        d.rolloutState = "COMPLETED";
        return d;
    }

    /** The task set's tasks that should run (RUNNING desired, not stopped, not orphaned). */
    List<TaskRec> live(ClusterRec c, ServiceRec s, TaskSetRec ts) {
        List<TaskRec> out = new ArrayList<>();
        for (TaskRec t : scheduler.liveTasks(c, s)) {
            if (ts.id.equals(t.deploymentId)) {
                out.add(t);
            }
        }
        return out;
    }

    /** RUNNING, pending and live tasks of the task set. */
    int[] counts(ClusterRec c, ServiceRec s, TaskSetRec ts) {
        return scheduler.counts(c, s, asDeployment(ts));
    }

    /** One look at the service's task sets; answers when to look again, or null. */
    @Nullable
    Instant reconcile(ClusterRec c, ServiceRec s) {
        Instant wake = null;
        for (TaskSetRec ts : new ArrayList<>(s.taskSets)) {
            List<TaskRec> live = live(c, s, ts);
            if ("DRAINING".equals(ts.status)) {
                if (!live.isEmpty()) {
                    stopDraining(s, ts, live);
                }
                if (!hasTasks(c, s, ts)) {
                    // [model] A deleted task set is gone once none of its tasks is left (DescribeTaskSets: MISSING).
                    s.taskSets.remove(ts);
                }
                continue;
            }
            int want = ts.computedDesiredCount(s.desiredCount);
            if (live.size() < want) {
                // [model] A task set scales straight to its computed desired count: minimumHealthyPercent and
                // maximumPercent are the ECS controller's rolling-update bounds.
                wake = ServiceScheduler.earliest(wake, scheduler.start(c, s, asDeployment(ts), want - live.size()));
            } else if (live.size() > want) {
                wake = ServiceScheduler.earliest(wake, scaleIn(c, s, ts, live, live.size() - want));
            }
            stability(c, s, ts);
        }
        serviceSteady(c, s);
        if (s.steady) {
            wake = ServiceScheduler.earliest(
                    wake, ServiceScheduler.steadyEventAt(s).plus(ServiceScheduler.EVENT_DEDUPE));
        }
        return wake;
    }

    private boolean hasTasks(ClusterRec c, ServiceRec s, TaskSetRec ts) {
        for (TaskRec t : c.tasks.values()) {
            if (s.name.equals(t.serviceName)
                    && ts.id.equals(t.deploymentId)
                    && !t.stopped()
                    && !ServiceScheduler.orphaned(c, t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * [obs] A deleted task set's tasks stop; those behind a load balancer first drain their
     * connections, which ECS announces (docs/scheduler.md#task-sets).
     */
    private void stopDraining(ServiceRec s, TaskSetRec ts, List<TaskRec> live) {
        int behindLb = 0;
        for (TaskRec t : live) {
            if (!scheduler.lb.targetsOf(t).isEmpty()) {
                behindLb++;
            }
        }
        scheduler.stopTasks(s, live, reason(ts));
        if (behindLb > 0) {
            scheduler.event(
                    s,
                    "(service " + s.name + ", taskSet " + ts.id + ") has begun draining connections on " + behindLb
                            + " tasks.");
        }
        scheduler.event(s, ServiceScheduler.stoppedMessage(s, live));
    }

    /** DeleteService of a task-set service: every task of every task set stops. */
    void drain(ClusterRec c, ServiceRec s, List<TaskRec> live) {
        for (TaskSetRec ts : s.taskSets) {
            List<TaskRec> mine = new ArrayList<>();
            for (TaskRec t : live) {
                if (ts.id.equals(t.deploymentId)) {
                    mine.add(t);
                }
            }
            if (!mine.isEmpty()) {
                scheduler.stopTasks(s, mine, reason(ts));
                scheduler.event(s, ServiceScheduler.stoppedMessage(s, mine));
            }
        }
    }

    /** [unsure] The stopped reason of a task set's tasks: the deployments' text, naming the task set. */
    private static String reason(TaskSetRec ts) {
        return "Scaling activity initiated by (deployment " + ts.id + ")";
    }

    /** Stops {@code n} of the task set's tasks, never protected ones; answers when a protection ends, or null. */
    private @Nullable Instant scaleIn(ClusterRec c, ServiceRec s, TaskSetRec ts, List<TaskRec> live, int n) {
        List<TaskRec> order = new ArrayList<>();
        List<TaskRec> runningTasks = new ArrayList<>();
        for (TaskRec t : live) {
            if ("RUNNING".equals(t.lastStatus)) {
                runningTasks.add(t);
            } else {
                // [model] Tasks not yet RUNNING go first, as for a service's deployment.
                order.add(t);
            }
        }
        order.addAll(scheduler.scaleInOrder(c, s, runningTasks));
        List<TaskRec> stop = new ArrayList<>();
        Instant expiry = null;
        int protectedCount = 0;
        for (TaskRec t : order) {
            if (tasks.isProtected(t)) {
                protectedCount++;
                expiry = ServiceScheduler.earliest(expiry, t.protectionExpiresAt);
            } else if (stop.size() < n) {
                stop.add(t);
            }
        }
        if (!stop.isEmpty()) {
            scheduler.stopTasks(s, stop, reason(ts));
            scheduler.event(s, ServiceScheduler.stoppedMessage(s, stop));
        }
        if (stop.size() < n && protectedCount > 0) {
            // [doc] event 9 (docs/scheduler.md#task-protection).
            scheduler.event(
                    s,
                    "(service " + s.name + ") was unable to reach steady state because task set (" + ts.id
                            + ") was unable to scale in. Reason: The number of protected tasks are more than the desired count of tasks.");
            return expiry;
        }
        return null;
    }

    /**
     * [doc] TaskSet.stabilityStatus: STEADY_STATE when runningCount equals computedDesiredCount, no
     * task is pending, none runs on a DRAINING container instance, and every task is healthy (load
     * balancer and container health checks); STABILIZING otherwise. [obs] event 16 when it turns
     * steady; [doc] the TASKSET_STEADY_STATE service action event.
     */
    private void stability(ClusterRec c, ServiceRec s, TaskSetRec ts) {
        String now = isSteady(c, s, ts) ? "STEADY_STATE" : "STABILIZING";
        if (now.equals(ts.stabilityStatus)) {
            return;
        }
        ts.stabilityStatus = now;
        // [model] stabilityStatusAt: when the status last changed.
        ts.stabilityStatusAt = e.now();
        if ("STEADY_STATE".equals(now)) {
            scheduler.event(s, "(service " + s.name + ", taskSet " + ts.id + ") updated state to STEADY_STATE.");
            ObjectNode d = e.events.newDetail();
            d.put("eventType", "INFO");
            d.put("eventName", "TASKSET_STEADY_STATE");
            d.put("clusterArn", c.arn);
            // [unsure] The detail names the task set.
            d.putArray("taskSetArns").add(ts.arn);
            d.put("createdAt", e.events.iso(e.now()));
            e.events.emit("ECS Service Action", List.of(s.arn), d);
        }
    }

    boolean isSteady(ClusterRec c, ServiceRec s, TaskSetRec ts) {
        int want = ts.computedDesiredCount(s.desiredCount);
        List<TaskRec> live = live(c, s, ts);
        int[] counts = counts(c, s, ts);
        if (counts[0] != want || counts[1] != 0 || live.size() != want) {
            return false;
        }
        for (TaskRec t : live) {
            if (ServiceScheduler.onInstance(c, t, "DRAINING") || !scheduler.healthy(s, t)) {
                return false;
            }
        }
        return true;
    }

    /** [model] A task-set service is steady when it has task sets, none DRAINING, each at STEADY_STATE. */
    boolean steady(ClusterRec c, ServiceRec s) {
        if (s.taskSets.isEmpty()) {
            return false;
        }
        for (TaskSetRec ts : s.taskSets) {
            if ("DRAINING".equals(ts.status) || !isSteady(c, s, ts)) {
                return false;
            }
        }
        return true;
    }

    /** [doc] event 1 and SERVICE_STEADY_STATE once every task set is steady, repeated after 6 hours. */
    private void serviceSteady(ClusterRec c, ServiceRec s) {
        boolean steady = steady(c, s);
        if (steady
                && (!s.steady
                        || !e.now().isBefore(ServiceScheduler.steadyEventAt(s).plus(ServiceScheduler.EVENT_DEDUPE)))) {
            if (!s.steady) {
                s.steadySince = e.now();
            }
            s.steadyEventAt = e.now();
            scheduler.event(s, "(service " + s.name + ") has reached a steady state.");
            ObjectNode d = e.events.newDetail();
            d.put("eventType", "INFO");
            d.put("eventName", "SERVICE_STEADY_STATE");
            d.put("clusterArn", c.arn);
            d.put("createdAt", e.events.iso(e.now()));
            e.events.emit("ECS Service Action", List.of(s.arn), d);
        }
        s.steady = steady;
    }

    /**
     * The PRIMARY task set CreateService gives a CODE_DEPLOY service: the service's task definition,
     * launch type, network and load balancers, at 100 % (docs/scheduler.md#codedeploy).
     */
    void createPrimary(ClusterRec c, ServiceRec s) {
        TaskSetRec ts = new TaskSetRec();
        ts.id = e.ids.deploymentId();
        ts.arn = e.arns.taskSet(c.name, s.name, ts.id);
        ts.status = "PRIMARY";
        // A CODE_DEPLOY service is created from a task definition (only an EXTERNAL one has none).
        ts.taskDefinitionArn = Objects.requireNonNull(s.taskDefinitionArn);
        ts.launchType = s.launchType;
        ts.capacityProviderStrategy = new ArrayList<>(s.capacityProviderStrategy);
        ts.platformVersion = s.platformVersion;
        ts.platformFamily = s.platformFamily;
        ts.networkConfiguration = s.networkConfiguration;
        ts.loadBalancers = new ArrayList<>(s.loadBalancers);
        ts.serviceRegistries = new ArrayList<>(s.serviceRegistries);
        ts.scaleValue = 100.0;
        ts.createdAt = e.now();
        ts.updatedAt = e.now();
        ts.stabilityStatusAt = e.now();
        s.taskSets.add(ts);
        scheduler.wake(s);
    }

    /** The TaskSet shape of DescribeTaskSets, DescribeServices and the task-set operations. */
    TaskSet view(ClusterRec c, ServiceRec s, TaskSetRec ts, boolean withTags) {
        int[] counts = counts(c, s, ts);
        return TaskSet.builder()
                .id(ts.id)
                .taskSetArn(ts.arn)
                .serviceArn(s.arn)
                .clusterArn(c.arn)
                .startedBy(ts.startedBy)
                .externalId(ts.externalId)
                .status(ts.status)
                .taskDefinition(ts.taskDefinitionArn)
                .computedDesiredCount(ts.computedDesiredCount(s.desiredCount))
                .pendingCount(counts[1])
                .runningCount(counts[0])
                .createdAt(ts.createdAt)
                .updatedAt(ts.updatedAt)
                .launchType(ts.launchType)
                .capacityProviderStrategy(ts.launchType == null ? List.copyOf(ts.capacityProviderStrategy) : null)
                .platformVersion(ts.platformVersion)
                .platformFamily(ts.platformFamily)
                .networkConfiguration(ts.networkConfiguration)
                .loadBalancers(List.copyOf(ts.loadBalancers))
                .serviceRegistries(List.copyOf(ts.serviceRegistries))
                .scale(Scale.builder()
                        .value(ts.scaleValue)
                        .unit(ScaleUnit.fromValue(ts.scaleUnit))
                        .build())
                .stabilityStatus(ts.stabilityStatus)
                .stabilityStatusAt(ts.stabilityStatusAt)
                .tags(withTags ? List.copyOf(ts.tags) : null)
                .build();
    }
}
