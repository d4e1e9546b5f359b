package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.Setting;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskOverride;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.LiveCluster;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.TaskPlacement;
import io.github.berth.placement.TaskReservation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fake's side of placement: each cluster's {@link LiveCluster}, kept up to date as tasks are
 * placed, change and stop (a few counters each) and rebuilt when an instance changes (rare),
 * {@link PlacementEngine} for the choice, and the resources each placed task then holds on its
 * instance until it is STOPPED. The live state is not part of the fake's snapshot: it is rebuilt
 * from the records on first use ([model], docs/scheduler.md#placement-state-in-the-fake).
 */
final class Placement {

    /** Set (to anything) to check every placement against a snapshot rebuilt from scratch (slow; for tests). */
    static final boolean VERIFY = System.getenv("BERTH_FAKE_VERIFY_PLACEMENT") != null;

    private final Engine e;
    private final Map<ClusterRec, Live> live = new IdentityHashMap<>();

    /** A cluster's live state and what it was built with. */
    private static final class Live {
        final LiveCluster cluster = new LiveCluster();
        boolean trunking;
        int subnets;
        /** Tasks counted in their instance's runningTasksCount: desired and last status RUNNING. */
        final Set<String> running = new HashSet<>();
        /** runningTasksCount per instance id, as describe-container-instances shows it. */
        final Map<String, Integer> runningCount = new HashMap<>();
    }

    Placement(Engine e) {
        this.e = e;
    }

    /** A snapshot of the cluster built afresh from its records (for one-off reads; placement uses the live state). */
    ClusterSnapshot snapshot(ClusterRec c) {
        return snapshot(c, t -> false);
    }

    /** A snapshot built afresh, without the tasks {@code leaveOut} accepts (a daemon's own, to re-check its constraints). */
    ClusterSnapshot snapshot(ClusterRec c, java.util.function.Predicate<TaskRec> leaveOut) {
        List<ContainerInstance> instances = new ArrayList<>(c.instances.size());
        for (InstanceRec i : c.instances.values()) {
            if (!"INACTIVE".equals(i.status)) {
                instances.add(Views.instance(e, i, false));
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (TaskRec t : c.tasks.values()) {
            if (!t.stopped() && !leaveOut.test(t)) {
                tasks.add(placementView(c, t));
            }
        }
        ClusterSnapshot.Builder b = ClusterSnapshot.builder()
                .addInstances(instances)
                .addTasks(tasks)
                .awsvpcTrunking(trunking());
        for (Network.Subnet s : e.network.subnets.values()) {
            b.subnet(s.subnetId, s.availabilityZone, s.vpcId);
        }
        return b.build();
    }

    /** The cluster's live state, built from its records when there is none or what it was built with changed. */
    private Live live(ClusterRec c) {
        Live l = live.get(c);
        boolean trunking = trunking();
        if (l != null && l.trunking == trunking && l.subnets == e.network.subnets.size()) {
            return l;
        }
        if (live.size() >= e.clusters.size()) {
            // Clusters deleted or replaced by a restore keep no state here.
            live.keySet().removeIf(k -> e.clusters.get(k.name) != k);
        }
        l = new Live();
        l.trunking = trunking;
        l.subnets = e.network.subnets.size();
        l.cluster.awsvpcTrunking(trunking);
        for (Network.Subnet s : e.network.subnets.values()) {
            l.cluster.subnet(s.subnetId, s.availabilityZone, s.vpcId);
        }
        for (InstanceRec i : c.instances.values()) {
            if ("INACTIVE".equals(i.status)) {
                continue;
            }
            ContainerInstance view = Views.instance(e, i, false);
            l.cluster.putInstance(view);
            l.runningCount.put(i.id, view.runningTasksCount());
        }
        for (TaskRec t : c.tasks.values()) {
            if (!t.stopped()) {
                l.cluster.putTask(placementView(c, t));
                if (countsAsRunning(c, t)) {
                    l.running.add(t.id);
                }
            }
        }
        live.put(c, l);
        return l;
    }

    /** What describe-container-instances counts in runningTasksCount (see {@link Views#instance}). */
    private static boolean countsAsRunning(ClusterRec c, TaskRec t) {
        InstanceRec inst = t.instanceId == null ? null : c.instances.get(t.instanceId);
        return inst != null
                && !"INACTIVE".equals(inst.status)
                && inst.taskIds.contains(t.id)
                && "RUNNING".equals(t.desiredStatus)
                && "RUNNING".equals(t.lastStatus);
    }

    /**
     * A task changed (launched, moved on, stopping, stopped): placement reads its desired status
     * and, for the instance's runningTasksCount, its last status. Called before the listeners, so
     * that a controller reacting to the change places on the state after it.
     */
    void taskChanged(TaskRec t, @Nullable String previousLastStatus) {
        ClusterRec c = e.clusters.get(t.cluster);
        if (c == null) {
            return;
        }
        Live l = live.get(c);
        if (l == null) {
            return; // built from the records when next used
        }
        if (t.stopped() || !"RUNNING".equals(t.desiredStatus)) {
            l.cluster.removeTask(t.arn);
        } else if (previousLastStatus == null || !l.cluster.hasTask(t.arn)) {
            l.cluster.putTask(placementView(c, t));
        }
        boolean now = countsAsRunning(c, t);
        if (now != l.running.contains(t.id)) {
            // Counted as running now or before: it is (was) on an instance, and instances stay in the map.
            InstanceRec inst = Objects.requireNonNull(c.instances.get(t.instanceId));
            if (now) {
                l.running.add(t.id);
            } else {
                l.running.remove(t.id);
            }
            int count = l.runningCount.merge(inst.id, now ? 1 : -1, Integer::sum);
            l.cluster.runningTasksCount(inst.arn, count);
        }
    }

    /**
     * What placement reads of a task: where it is, its group, ports, ENI and capacity provider
     * (containers without host bindings hold nothing placement reads, so they are left out).
     */
    private Task placementView(ClusterRec c, TaskRec t) {
        List<Container> containers = List.of();
        for (ContainerRec k : t.containers) {
            if (k.networkBindings.isEmpty()) {
                continue;
            }
            if (containers.isEmpty()) {
                containers = new ArrayList<>(t.containers.size());
            }
            containers.add(Container.builder()
                    .name(k.name)
                    .networkBindings(k.networkBindings)
                    .build());
        }
        InstanceRec inst = t.instanceId == null ? null : c.instances.get(t.instanceId);
        return Task.builder()
                .taskArn(t.arn)
                .containerInstanceArn(inst == null ? null : inst.arn)
                .group(t.group)
                .desiredStatus(t.desiredStatus)
                .lastStatus(t.lastStatus)
                .launchType(t.launchType)
                .capacityProviderName(t.capacityProviderName)
                .availabilityZone(t.availabilityZone)
                .startedBy(t.startedBy)
                .attachments(t.holdsEni ? t.attachments : List.<Attachment>of())
                .containers(containers)
                .build();
    }

    boolean trunking() {
        Map<String, Setting> account = e.accountSettings.get("");
        Setting s = account == null ? null : account.get("awsvpcTrunking");
        return s != null && "enabled".equals(s.value());
    }

    PlacementResult place(ClusterRec c, PlacementRequest request) {
        PlacementResult result = PlacementEngine.place(live(c).cluster, request);
        if (VERIFY) {
            PlacementResult expected = PlacementEngine.place(snapshot(c), request);
            if (!expected.placements().equals(result.placements())
                    || !expected.failures().equals(result.failures())
                    || !expected.explain().equals(result.explain())) {
                throw new IllegalStateException(
                        "live placement state differs from a fresh snapshot:\n" + expected + "\n" + result);
            }
        }
        return result;
    }

    /** The reservation of the last definition and overrides asked for: the tasks of one launch share them. */
    private @Nullable TaskDefinition lastDefinition;

    private @Nullable TaskOverride lastOverrides;
    private @Nullable TaskReservation lastReservation;

    private TaskReservation reservation(TaskDefinition td, TaskOverride overrides) {
        TaskReservation r = lastReservation;
        if (r == null || td != lastDefinition || overrides != lastOverrides) {
            r = TaskReservation.of(td, overrides);
            lastReservation = r;
            lastDefinition = td;
            lastOverrides = overrides;
        }
        return r;
    }

    /** Records what a placed task holds on its instance. */
    void reserve(ClusterRec c, TaskRec t, TaskPlacement p, TaskDefinition td) {
        TaskReservation r = reservation(td, t.overrides);
        t.holdsEni = r.eni();
        if (p.containerInstanceArn() != null) {
            // Placement chose an instance of this cluster.
            InstanceRec inst = Objects.requireNonNull(c.instances.get(Resolve.nameOf(p.containerInstanceArn())));
            t.instanceId = inst.id;
            t.reservedCpu = r.cpu();
            t.reservedMemory = r.memoryMiB();
            inst.usedCpu += r.cpu();
            inst.usedMemory += r.memoryMiB();
            int gpus = r.allGpus() ? inst.gpuIds.size() : r.gpus();
            for (String gpu : inst.gpuIds) {
                if (t.reservedGpuIds.size() >= gpus) {
                    break;
                }
                if (!inst.usedGpuIds.contains(gpu)) {
                    t.reservedGpuIds.add(gpu);
                }
            }
            inst.usedGpuIds.addAll(t.reservedGpuIds);
            if (!r.eni()) {
                for (TaskPlacement.ContainerBindings cb : p.containers()) {
                    for (NetworkBinding nb : cb.networkBindings()) {
                        if (nb.hostPort() == null || nb.hostPort() == 0) {
                            continue;
                        }
                        String port = String.valueOf(nb.hostPort());
                        if (TransportProtocol.UDP.equals(nb.protocol())) {
                            t.reservedUdp.add(port);
                            inst.usedUdp.add(port);
                        } else {
                            t.reservedTcp.add(port);
                            inst.usedTcp.add(port);
                        }
                    }
                }
            }
            inst.taskIds.add(t.id);
            Live l = live.get(c);
            if (l != null && l.cluster.hasInstance(inst.arn)) {
                l.cluster.reserve(
                        inst.arn,
                        t.reservedCpu,
                        t.reservedMemory,
                        t.reservedGpuIds.size(),
                        ports(t.reservedTcp),
                        ports(t.reservedUdp));
            }
        }
        c.placementVersion++;
    }

    private static int[] ports(List<String> ports) {
        int[] out = new int[ports.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Integer.parseInt(ports.get(k));
        }
        return out;
    }

    /** Gives back what a STOPPED task held. */
    void release(TaskRec t) {
        ClusterRec c = e.clusters.get(t.cluster);
        if (c == null) {
            return;
        }
        InstanceRec inst = t.instanceId == null ? null : c.instances.get(t.instanceId);
        if (inst != null) {
            Live l = live.get(c);
            if (l != null && l.cluster.hasInstance(inst.arn)) {
                l.cluster.release(
                        inst.arn,
                        t.reservedCpu,
                        t.reservedMemory,
                        t.reservedGpuIds.size(),
                        ports(t.reservedTcp),
                        ports(t.reservedUdp));
            }
            inst.usedCpu -= t.reservedCpu;
            inst.usedMemory -= t.reservedMemory;
            inst.usedGpuIds.removeAll(t.reservedGpuIds);
            for (String p : t.reservedTcp) {
                inst.usedTcp.remove(p);
            }
            for (String p : t.reservedUdp) {
                inst.usedUdp.remove(p);
            }
            inst.taskIds.remove(t.id);
        }
        t.reservedCpu = 0;
        t.reservedMemory = 0;
        t.reservedGpuIds = new ArrayList<>();
        t.reservedTcp = new ArrayList<>();
        t.reservedUdp = new ArrayList<>();
        c.placementVersion++;
    }

    /** The cluster changed in a way placement reads (instances, attributes): its live state is rebuilt at next use. */
    void invalidate(ClusterRec c) {
        c.placementVersion++;
        live.remove(c);
    }

    void forget(ClusterRec c) {
        live.remove(c);
    }
}
