package io.github.berth.testkit.fake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.scaling.managed.CapacityProviderScaling;
import io.github.berth.scaling.managed.ManagedScalingDecision;
import io.github.berth.scaling.managed.ManagedScalingSettings;
import io.github.berth.scaling.managed.ManagedScalingState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS managed scaling of Auto Scaling group capacity providers, and managed instance draining
 * (docs/scheduler.md#managed-scaling-in-the-fake).
 *
 * <p>Once a minute, on whole minutes of the fake clock, for every ACTIVE Auto Scaling group
 * provider with managed scaling ENABLED that a cluster holds and whose fake group exists, the
 * controller computes CapacityProviderReservation with {@link CapacityProviderScaling#evaluate}
 * (the arithmetic lives there, in the {@code scaling} module) and sets the group's desired capacity
 * to the decision's ([doc] developer guide {@code cluster-auto-scaling},
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-auto-scaling.html: the metric
 * every minute, scale-out above target after the instance warm-up, scale-in after 15 minutes below
 * target, within the group's MinSize and MaxSize). What the evaluator is given: N, the group's
 * instances not being terminated ([model] booting ones included: the group runs them); the instances
 * running a task that is not a daemon task; the instances the tasks waiting in PROVISIONING need,
 * estimated on the group's instance type.
 *
 * <p>[doc] Managed instance draining (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instance-draining.html):
 * with {@code managedDraining} ENABLED, an instance the group terminates is first set to DRAINING
 * (service tasks move elsewhere, daemon tasks stop); [model] the group terminates it once no task
 * runs on it any more (standalone tasks, which draining does not stop, keep it waiting).
 */
final class ManagedScalingController {

    /** [model] The datapoints of CapacityProviderReservation kept per provider: a day of minutes. */
    static final int DATAPOINTS_KEPT = 1440;

    private final Engine e;
    final ProvisioningQueue provisioning;
    /** Per capacity provider name. */
    final Map<String, ManagedScalingRec> providers = new LinkedHashMap<>();

    boolean tickPending;

    ManagedScalingController(Engine e) {
        this.e = e;
        this.provisioning = new ProvisioningQueue(e);
        e.handlers.put(TimerKind.MANAGED_SCALING_TICK, this::tick);
        e.taskListeners.add(this::taskChanged);
        e.stateParts.put("managedScaling", new Snapshots.StatePart() {
            @Override
            public JsonNode write(ObjectMapper mapper) {
                ObjectNode n = mapper.createObjectNode();
                n.put("tickPending", tickPending);
                n.put("provisioningLimit", provisioning.limit);
                n.put("provisioningTimeoutMillis", provisioning.timeout.toMillis());
                n.set("providers", mapper.valueToTree(new ArrayList<>(providers.values())));
                n.set("waiting", mapper.valueToTree(provisioning.waiting));
                n.set("periodicRetryAt", mapper.valueToTree(provisioning.periodicRetryAt));
                return n;
            }

            @Override
            public void read(ObjectMapper mapper, JsonNode node) throws IOException {
                tickPending = node.path("tickPending").asBoolean();
                provisioning.limit = node.path("provisioningLimit").asInt(ProvisioningQueue.DEFAULT_LIMIT);
                provisioning.timeout = Duration.ofMillis(
                        node.path("provisioningTimeoutMillis").asLong(ProvisioningQueue.DEFAULT_TIMEOUT.toMillis()));
                List<ManagedScalingRec> recs = mapper.readerFor(new TypeReference<List<ManagedScalingRec>>() {})
                        .readValue(node.path("providers"));
                providers.clear();
                for (ManagedScalingRec r : recs) {
                    providers.put(r.capacityProvider, r);
                }
                provisioning.waiting.clear();
                provisioning.waiting.addAll(mapper.readerFor(new TypeReference<List<ProvisioningRec>>() {})
                        .readValue(node.path("waiting")));
                provisioning.periodicRetryAt.clear();
                provisioning.periodicRetryAt.putAll(mapper.readerFor(new TypeReference<Map<String, Long>>() {})
                        .readValue(node.path("periodicRetryAt")));
            }
        });
    }

    // ------------------------------------------------------------------ the minute

    /** Starts the minute tick if it is not running: there is a fake Auto Scaling group to scale. */
    void ensureTicking() {
        if (tickPending || e.capacity.groups.isEmpty()) {
            return;
        }
        // [doc] The metric is published once a minute; [model] on whole minutes of the fake clock.
        long now = e.now().getEpochSecond();
        e.scheduleAt(
                Instant.ofEpochSecond((Math.floorDiv(now, 60) + 1) * 60), TimerKind.MANAGED_SCALING_TICK, "", "", 0, 0);
        tickPending = true;
    }

    private void tick(Timer timer) {
        tickPending = false;
        for (CapacityProviderRec p : List.copyOf(e.capacity.providers.values())) {
            if (!p.active() || !p.managedScalingEnabled()) {
                continue;
            }
            AutoScalingGroupRec g = groupOf(p);
            ClusterRec c = clusterOf(p);
            if (g != null && c != null) {
                scale(c, p, g);
            }
        }
        for (AutoScalingGroupRec g : List.copyOf(e.capacity.groups.values())) {
            for (AutoScalingGroupRec.Member m : List.copyOf(g.instances)) {
                finishDrainIfDone(g, m);
            }
        }
        ensureTicking();
    }

    private void scale(ClusterRec c, CapacityProviderRec p, AutoScalingGroupRec g) {
        int running = 0;
        int busy = 0;
        Long youngest = null;
        for (AutoScalingGroupRec.Member m : g.instances) {
            if (leaving(m)) {
                continue;
            }
            running++;
            long launched = m.launchedAt.getEpochSecond();
            youngest = youngest == null ? launched : Math.max(youngest, launched);
            InstanceRec i = instanceOf(c, m);
            if (i != null && runsNonDaemonTask(c, i)) {
                busy++;
            }
        }
        int estimate = 0;
        InstanceType type = InstanceTypes.find(g.instanceType).orElse(null);
        if (type != null) {
            // [model] A fake group has one instance type: it is both the largest and the smallest.
            estimate = CapacityProviderScaling.estimateInstances(provisioning.waitingFor(c, p.name), type, type);
        }
        ManagedScalingRec rec = providers.computeIfAbsent(p.name, k -> {
            ManagedScalingRec r = new ManagedScalingRec();
            r.capacityProvider = k;
            return r;
        });
        ManagedScalingState state = new ManagedScalingState(
                running, busy, estimate, g.desiredCapacity, g.minSize, g.maxSize, youngest, rec.lowMinutes);
        ManagedScalingDecision d = CapacityProviderScaling.evaluate(
                ManagedScalingSettings.of(p.managedScaling), state, e.now().getEpochSecond());
        rec.lowMinutes = d.lowMinutes();
        ManagedScalingRec.Datapoint dp = new ManagedScalingRec.Datapoint();
        dp.time = e.now();
        dp.cluster = c.name;
        dp.reservation = d.reservation();
        dp.instancesNeeded = d.instancesNeeded();
        dp.runningInstances = running;
        dp.desiredCapacityBefore = g.desiredCapacity;
        dp.desiredCapacity = d.desiredCapacity();
        dp.reason = d.reason();
        rec.datapoints.add(dp);
        if (rec.datapoints.size() > DATAPOINTS_KEPT) {
            rec.datapoints.remove(0);
        }
        if (d.desiredCapacity() != g.desiredCapacity) {
            e.capacity.setDesired(g, d.desiredCapacity());
        }
    }

    private boolean runsNonDaemonTask(ClusterRec c, InstanceRec i) {
        for (String id : i.taskIds) {
            TaskRec t = c.tasks.get(id);
            if (t == null || t.stopped()) {
                continue;
            }
            ServiceRec s = t.serviceName == null ? null : c.services.get(t.serviceName);
            // [doc] An instance running only daemon tasks counts as empty (cluster-auto-scaling).
            if (s == null || !s.daemon()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the instance runs a task that is not a daemon task (what managed termination protection keeps). */
    boolean runsNonDaemonTask(AutoScalingGroupRec.Member m) {
        ClusterRec c = m.cluster == null ? null : e.clusters.get(m.cluster);
        InstanceRec i = c == null ? null : instanceOf(c, m);
        return c != null && i != null && runsNonDaemonTask(c, i);
    }

    private @Nullable AutoScalingGroupRec groupOf(CapacityProviderRec p) {
        for (AutoScalingGroupRec g : e.capacity.groups.values()) {
            if (g.arn.equals(p.autoScalingGroupArn)) {
                return g;
            }
        }
        return null;
    }

    private @Nullable ClusterRec clusterOf(CapacityProviderRec p) {
        for (ClusterRec c : e.clusters.values()) {
            if (c.active() && c.capacityProviders.contains(p.name)) {
                return c;
            }
        }
        return null;
    }

    private static @Nullable InstanceRec instanceOf(ClusterRec c, AutoScalingGroupRec.Member m) {
        if (m.containerInstanceId == null || !c.name.equals(m.cluster)) {
            return null;
        }
        InstanceRec i = c.instances.get(m.containerInstanceId);
        return i == null || "INACTIVE".equals(i.status) ? null : i;
    }

    static boolean leaving(AutoScalingGroupRec.Member m) {
        return m.lifecycleState.startsWith("Terminating");
    }

    /** One provider's CapacityProviderReservation datapoints, oldest first. */
    List<ManagedScalingRec.Datapoint> datapoints(String provider) {
        ManagedScalingRec r = providers.get(provider);
        return r == null ? List.of() : r.datapoints;
    }

    // ------------------------------------------------------------------ managed instance draining

    /**
     * Called when the group is about to terminate {@code m}: with managed draining on the group's
     * provider and the instance registered, sets it DRAINING and keeps it until no task runs on it;
     * answers whether termination waits.
     */
    boolean drainFirst(AutoScalingGroupRec g, AutoScalingGroupRec.Member m) {
        ClusterRec c = m.cluster == null ? null : e.clusters.get(m.cluster);
        InstanceRec i = c == null ? null : instanceOf(c, m);
        if (c == null || i == null || i.capacityProviderName == null) {
            return false;
        }
        CapacityProviderRec p = e.capacity.providers.get(i.capacityProviderName);
        if (p == null || !"ENABLED".equals(p.managedDraining)) {
            return false;
        }
        // [doc] The Auto Scaling lifecycle hook holds the instance in Terminating:Wait while ECS drains it.
        m.lifecycleState = "Terminating:Wait";
        if (!"DRAINING".equals(i.status)) {
            i.status = "DRAINING";
            i.version++;
            e.placement.invalidate(c);
            e.events.emitInstance(i);
            e.instanceChanged(i);
        }
        finishDrainIfDone(g, m);
        return true;
    }

    private void finishDrainIfDone(AutoScalingGroupRec g, AutoScalingGroupRec.Member m) {
        if (!"Terminating:Wait".equals(m.lifecycleState) || !g.instances.contains(m)) {
            return;
        }
        ClusterRec c = m.cluster == null ? null : e.clusters.get(m.cluster);
        InstanceRec i = c == null ? null : instanceOf(c, m);
        if (c != null && i != null) {
            for (String id : i.taskIds) {
                TaskRec t = c.tasks.get(id);
                if (t != null && !t.stopped()) {
                    return;
                }
            }
        }
        e.capacity.terminateNow(g, m);
    }

    /** A task that stops on an instance being drained may let its termination go on. */
    private void taskChanged(TaskRec t, @Nullable String previous) {
        if (!t.stopped() || t.instanceId == null || "STOPPED".equals(previous)) {
            return;
        }
        for (AutoScalingGroupRec g : e.capacity.groups.values()) {
            for (AutoScalingGroupRec.Member m : List.copyOf(g.instances)) {
                if (t.instanceId.equals(m.containerInstanceId) && t.cluster.equals(m.cluster)) {
                    finishDrainIfDone(g, m);
                    return;
                }
            }
        }
    }
}
