package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.NetworkBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Service tasks in fake target groups (docs/scheduler.md#load-balancers): a task is registered in
 * each target group of its deployment when it is RUNNING, is healthy there after the target
 * group's healthy threshold of probes unless the load-balanced container is UNHEALTHY, and is
 * deregistered before it stops: DEACTIVATING for the target group's deregistration delay, then
 * STOPPING.
 */
final class LoadBalancing {

    private final Engine e;
    private final ServiceScheduler scheduler;

    LoadBalancing(Engine e, ServiceScheduler scheduler) {
        this.e = e;
        this.scheduler = scheduler;
        e.lifecycle.deactivationDelay = this::deactivationDelay;
    }

    TargetGroupRec group(String arn) {
        return e.targetGroups.computeIfAbsent(arn, a -> {
            TargetGroupRec g = new TargetGroupRec();
            g.arn = a;
            return g;
        });
    }

    /** [obs] Registers a task that reached RUNNING in its target groups; event 12 for each. */
    void register(ServiceRec s, DeploymentRec d, TaskRec t) {
        register(s, d.loadBalancers, t);
    }

    /** Registers a task that reached RUNNING in the target groups of its deployment or task set. */
    void register(ServiceRec s, List<LoadBalancer> loadBalancers, TaskRec t) {
        for (LoadBalancer lb : loadBalancers) {
            if (lb.targetGroupArn() == null) {
                continue;
            }
            TargetGroupRec g = group(lb.targetGroupArn());
            TargetGroupRec.TargetRec r = new TargetGroupRec.TargetRec();
            r.cluster = t.cluster;
            r.taskId = t.id;
            // ServiceOps.checkLoadBalancers required the container name and port of every load balancer.
            r.containerName = Objects.requireNonNull(lb.containerName());
            r.registeredAt = e.now();
            if (t.holdsEni) {
                // [doc] awsvpc tasks are registered by IP (target type ip), on the container port.
                r.id = privateIp(t);
                r.port = Objects.requireNonNull(lb.containerPort());
            } else {
                InstanceRec inst =
                        t.instanceId == null ? null : cluster(t).instances.get(t.instanceId);
                r.id = inst == null ? t.id : inst.ec2InstanceId;
                r.port = hostPort(t, lb);
            }
            g.targets.add(r);
            scheduler.event(s, "(service " + s.name + ") registered 1 targets in (target-group " + g.arn + ")");
        }
    }

    /** The cluster of a live task (a task is kept in its cluster's tasks). */
    private ClusterRec cluster(TaskRec t) {
        return Objects.requireNonNull(e.clusters.get(t.cluster));
    }

    private static String privateIp(TaskRec t) {
        for (var a : t.attachments) {
            // The task's only attachment is the ENI TaskLifecycle.createEni made, with its details.
            for (KeyValuePair kv : Objects.requireNonNull(a.details())) {
                if ("privateIPv4Address".equals(kv.name())) {
                    return Objects.requireNonNull(kv.value());
                }
            }
        }
        return t.id;
    }

    private static int hostPort(TaskRec t, LoadBalancer lb) {
        Integer port = Objects.requireNonNull(lb.containerPort()); // required, as above
        for (ContainerRec k : t.containers) {
            if (k.name.equals(lb.containerName())) {
                for (NetworkBinding b : k.networkBindings) {
                    if (port.equals(b.containerPort()) && b.hostPort() != null) {
                        return b.hostPort();
                    }
                }
            }
        }
        return port;
    }

    /**
     * [doc] The lifecycle's hook: a task with registered targets is deregistered (event 13) and stays
     * DEACTIVATING for the longest deregistration delay of its target groups.
     */
    private @Nullable Duration deactivationDelay(TaskRec t) {
        Duration longest = null;
        ServiceRec s = t.serviceName == null ? null : cluster(t).services.get(t.serviceName);
        for (TargetGroupRec g : e.targetGroups.values()) {
            for (TargetGroupRec.TargetRec r : g.targets) {
                if (t.id.equals(r.taskId) && t.cluster.equals(r.cluster) && r.drainingSince == null) {
                    r.drainingSince = e.now();
                    Duration d = Duration.ofSeconds(g.deregistrationDelaySeconds);
                    longest = longest == null || d.compareTo(longest) > 0 ? d : longest;
                    if (s != null) {
                        scheduler.event(
                                s, "(service " + s.name + ") deregistered 1 targets in (target-group " + g.arn + ")");
                    }
                }
            }
        }
        return longest;
    }

    /** Removes a stopping task's targets. */
    void remove(TaskRec t) {
        for (TargetGroupRec g : e.targetGroups.values()) {
            g.targets.removeIf(r -> t.id.equals(r.taskId) && t.cluster.equals(r.cluster));
        }
    }

    /** The targets of a task, with their groups. */
    List<Object[]> targetsOf(TaskRec t) {
        List<Object[]> out = new ArrayList<>();
        for (TargetGroupRec g : e.targetGroups.values()) {
            for (TargetGroupRec.TargetRec r : g.targets) {
                if (t.id.equals(r.taskId) && t.cluster.equals(r.cluster)) {
                    out.add(new Object[] {g, r});
                }
            }
        }
        return out;
    }

    /**
     * [model] A target's health: draining once deregistered; unhealthy when its container is
     * UNHEALTHY; healthy once the healthy threshold of probes passed since registration; initial
     * before.
     */
    String health(TargetGroupRec g, TargetGroupRec.TargetRec r) {
        if (r.drainingSince != null) {
            return "draining";
        }
        ClusterRec c = e.clusters.get(r.cluster);
        TaskRec t = c == null ? null : c.tasks.get(r.taskId);
        if (t != null) {
            for (ContainerRec k : t.containers) {
                if (k.name.equals(r.containerName) && "UNHEALTHY".equals(k.health)) {
                    return "unhealthy";
                }
            }
        }
        return e.now().isBefore(healthyAt(g, r)) ? "initial" : "healthy";
    }

    static Instant healthyAt(TargetGroupRec g, TargetGroupRec.TargetRec r) {
        return r.registeredAt.plusSeconds((long) g.intervalSeconds * g.healthyThreshold);
    }

    /** Whether every target of the task is healthy (a task with none is not). */
    boolean healthy(TaskRec t) {
        List<Object[]> targets = targetsOf(t);
        if (targets.isEmpty()) {
            return false;
        }
        for (Object[] gr : targets) {
            if (!"healthy".equals(health((TargetGroupRec) gr[0], (TargetGroupRec.TargetRec) gr[1]))) {
                return false;
            }
        }
        return true;
    }

    /** The first target group where the task's target is unhealthy, or null. */
    @Nullable
    Object[] unhealthyTarget(TaskRec t) {
        for (Object[] gr : targetsOf(t)) {
            if ("unhealthy".equals(health((TargetGroupRec) gr[0], (TargetGroupRec.TargetRec) gr[1]))) {
                return gr;
            }
        }
        return null;
    }

    /** When the task's last target becomes healthy, if it is still waiting. */
    @Nullable
    Instant healthyWait(TaskRec t) {
        Instant latest = null;
        for (Object[] gr : targetsOf(t)) {
            Instant at = healthyAt((TargetGroupRec) gr[0], (TargetGroupRec.TargetRec) gr[1]);
            if (at.isAfter(e.now()) && (latest == null || at.isAfter(latest))) {
                latest = at;
            }
        }
        return latest;
    }
}
