package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import io.github.berth.placement.query.ClusterQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A cluster's placement state kept up to date one change at a time: the mutable, single-threaded
 * twin of {@link ClusterSnapshot}, for a control plane (Berth's fake ECS) that places tasks on
 * every call and cannot afford to rebuild a snapshot of every task each time.
 *
 * <p>At every moment {@code PlacementEngine.place(live, request)} answers exactly what
 * {@code PlacementEngine.place(snapshot, request)} answers for the snapshot built from the same
 * instances (in the order they were first put, with the changes told since) and the same tasks:
 *
 * <pre>{@code
 * LiveCluster live = new LiveCluster();
 * live.putInstance(containerInstance);            // registered, or changed (attributes, status...)
 * PlacementResult r = PlacementEngine.place(live, request);
 * live.reserve(instanceArn, 256, 512, 0, new int[] {8080}, new int[0]); // what the placed task takes
 * live.putTask(task);                             // its group, ENI, host ports...; again when it changes
 * live.release(instanceArn, 256, 512, 0, new int[] {8080}, new int[0]); // when it stops
 * live.removeTask(task.taskArn());
 * }</pre>
 *
 * <p>A task change costs a few counter updates; an instance change ({@link #putInstance},
 * {@link #removeInstance}, the account setting, subnets) rebuilds the instance columns at the next
 * read, in time linear in instances and tasks. Not thread-safe: one thread at a time (the fake
 * holds its lock). Library users who place from many threads keep using {@link ClusterSnapshot}.
 * See docs/placement.md#live-state.
 */
public final class LiveCluster {

    /** Instances in the order first put; a put of a known ARN replaces it in place. */
    private final List<ContainerInstance> instances = new ArrayList<>();

    private final Map<String, Integer> instancePosition = new HashMap<>();
    /** What each instance's reported resources moved by since it was put, by ARN. */
    private final Map<String, Moved> moved = new HashMap<>();
    /** Tasks (desired status not STOPPED) by ARN, in the order first put. */
    private final LinkedHashMap<String, TaskEntry> tasks = new LinkedHashMap<>();

    private final List<ClusterSnapshot.Subnet> subnets = new ArrayList<>();
    private boolean awsvpcTrunking;

    /** The state placement reads; null when an instance change asks for a rebuild. */
    private @Nullable ClusterSnapshot current;
    /** Per instance of {@link #current}: what it reports itself (then tasks do not move it). */
    private boolean[] cpuReported = new boolean[0];

    private boolean[] memoryReported = new boolean[0];
    private boolean[] gpuReported = new boolean[0];
    private boolean[] tcpReported = new boolean[0];
    private boolean[] udpReported = new boolean[0];
    private boolean[] runningReported = new boolean[0];
    /** Per instance: host ports held reserved and ports tasks bind, each port with its count. */
    private PortCounts[] tcp = new PortCounts[0];

    private PortCounts[] udp = new PortCounts[0];
    private boolean[] portsStale = new boolean[0];
    private int[] stalePorts = new int[8];
    private int staleCount;

    /** An empty cluster: no instances, no tasks, {@code awsvpcTrunking} off. */
    public LiveCluster() {}

    /** Changes of what an instance reports, told since it was last put. */
    private static final class Moved {
        int cpu;
        int memory;
        int gpus;
        final List<int[]> tcpAdded = new ArrayList<>();
        final List<int[]> tcpRemoved = new ArrayList<>();
        final List<int[]> udpAdded = new ArrayList<>();
        final List<int[]> udpRemoved = new ArrayList<>();

        @Nullable
        Integer runningTasksCount;
    }

    // ------------------------------------------------------------------ instances and settings

    /** The {@code awsvpcTrunking} account setting ({@link ClusterSnapshot.Builder#awsvpcTrunking}). */
    public void awsvpcTrunking(boolean on) {
        if (on != awsvpcTrunking) {
            awsvpcTrunking = on;
            current = null;
        }
    }

    /** A subnet's AZ and VPC ({@link ClusterSnapshot.Builder#subnet}); a later one for the same id wins. */
    public void subnet(String subnetId, @Nullable String availabilityZone, @Nullable String vpcId) {
        subnets.add(new ClusterSnapshot.Subnet(subnetId, availabilityZone, vpcId));
        current = null;
    }

    /**
     * An instance registered, or changed (status, agent, attributes, resources): it replaces the one
     * of the same ARN where that one was, and what {@link #reserve} and {@link #runningTasksCount}
     * told of it before is forgotten (the new value reports it).
     *
     * @throws io.github.berth.core.error.InvalidParameterException (at the next read) when it has no ARN
     */
    public void putInstance(ContainerInstance instance) {
        String arn = instance.containerInstanceArn();
        Integer at = arn == null ? null : instancePosition.get(arn);
        if (at != null) {
            instances.set(at, instance);
        } else {
            if (arn != null) {
                instancePosition.put(arn, instances.size());
            }
            instances.add(instance);
        }
        moved.remove(arn);
        current = null;
    }

    /** An instance left the cluster (deregistered); its tasks count as on no instance. */
    public void removeInstance(String containerInstanceArn) {
        Integer at = instancePosition.remove(containerInstanceArn);
        if (at == null) {
            return;
        }
        instances.remove((int) at);
        for (int k = at; k < instances.size(); k++) {
            instancePosition.put(instances.get(k).containerInstanceArn(), k);
        }
        moved.remove(containerInstanceArn);
        current = null;
    }

    /**
     * A task placed on the instance took these resources: its reported remaining CPU, memory and
     * GPUs go down and the ports join its reported remaining {@code PORTS} / {@code PORTS_UDP}, as
     * describe-container-instances would now show them. A resource the instance does not report is
     * counted from its tasks instead, and this leaves it alone.
     *
     * @throws IllegalArgumentException when no instance has that ARN
     */
    public void reserve(String containerInstanceArn, int cpu, int memoryMiB, int gpus, int[] tcpPorts, int[] udpPorts) {
        move(containerInstanceArn, new Held(cpu, memoryMiB, gpus, tcpPorts, udpPorts), 1);
    }

    /** A task on the instance stopped and gave back what {@link #reserve} took. */
    public void release(String containerInstanceArn, int cpu, int memoryMiB, int gpus, int[] tcpPorts, int[] udpPorts) {
        move(containerInstanceArn, new Held(cpu, memoryMiB, gpus, tcpPorts, udpPorts), -1);
    }

    /** The instance's {@code runningTasksCount} as describe-container-instances reports it now. */
    public void runningTasksCount(String containerInstanceArn, int count) {
        int i = position(containerInstanceArn);
        moved(containerInstanceArn).runningTasksCount = count;
        if (current != null) {
            runningReported[i] = true;
            current.runningTasks[i] = count;
        }
    }

    /** What one task holds on its instance, as {@link #reserve} and {@link #release} are told. */
    private record Held(int cpu, int memoryMiB, int gpus, int[] tcpPorts, int[] udpPorts) {}

    private void move(String arn, Held held, int sign) {
        int cpu = held.cpu();
        int memoryMiB = held.memoryMiB();
        int gpus = held.gpus();
        int[] tcpPorts = held.tcpPorts();
        int[] udpPorts = held.udpPorts();
        int i = position(arn);
        Moved m = moved(arn);
        m.cpu += sign * cpu;
        m.memory += sign * memoryMiB;
        m.gpus += sign * gpus;
        if (tcpPorts.length > 0) {
            (sign > 0 ? m.tcpAdded : m.tcpRemoved).add(tcpPorts.clone());
        }
        if (udpPorts.length > 0) {
            (sign > 0 ? m.udpAdded : m.udpRemoved).add(udpPorts.clone());
        }
        if (current != null) {
            applyMoved(i, sign * cpu, sign * memoryMiB, sign * gpus);
            if (tcpReported[i] && tcpPorts.length > 0) {
                tcp[i].reserved(tcpPorts, sign);
                stale(i);
            }
            if (udpReported[i] && udpPorts.length > 0) {
                udp[i].reserved(udpPorts, sign);
                stale(i);
            }
        }
    }

    private void applyMoved(int i, int cpu, int memory, int gpus) {
        ClusterSnapshot s = Objects.requireNonNull(current);
        if (cpuReported[i]) {
            s.remainingCpu[i] -= cpu;
        }
        if (memoryReported[i]) {
            s.remainingMemory[i] -= memory;
        }
        if (gpuReported[i]) {
            s.remainingGpu[i] -= gpus;
        }
    }

    private int position(String arn) {
        Integer at = instancePosition.get(arn);
        if (at == null) {
            throw new IllegalArgumentException("no container instance " + arn + " in this cluster");
        }
        return at;
    }

    private Moved moved(String arn) {
        return moved.computeIfAbsent(arn, k -> new Moved());
    }

    // ------------------------------------------------------------------ tasks

    /**
     * A task was placed, or changed (desired status, attachments, bindings): it replaces the one of
     * the same ARN. A task whose desired status is STOPPED no longer counts (as in a snapshot).
     *
     * @throws io.github.berth.core.error.InvalidParameterException when it is on an instance and its
     *     {@code cpu} or {@code memory} is a value ECS never reports; nothing changes then
     */
    public void putTask(Task task) {
        String arn = task.taskArn();
        if (arn == null) {
            throw new IllegalArgumentException("a task needs its taskArn");
        }
        TaskEntry entry = TaskEntry.of(task, tasks.size());
        if (entry != null
                && entry.containerInstanceArn != null
                && instancePosition.containsKey(entry.containerInstanceArn)) {
            entry.checkUnits();
        }
        if (entry == null) {
            removeTask(arn);
            return;
        }
        TaskEntry old = tasks.put(arn, entry);
        if (current != null) {
            if (old != null) {
                apply(old, -1);
            }
            apply(entry, 1);
        }
    }

    /** A task left (stopped and expired, or its desired status went to STOPPED). */
    public void removeTask(String taskArn) {
        TaskEntry old = tasks.remove(taskArn);
        if (old != null && current != null) {
            apply(old, -1);
        }
    }

    /** Adds ({@code sign} 1) or takes away (-1) what a task counts for; the rules of {@link SnapshotBuilder}. */
    private void apply(TaskEntry t, int sign) {
        ClusterSnapshot s = Objects.requireNonNull(current);
        String group = t.group;
        if (group != null) {
            count(s.tasksPerProvider, group, t.provider, sign);
        }
        Integer at = t.containerInstanceArn == null ? null : s.indexByArn.get(t.containerInstanceArn);
        if (at == null) {
            if (t.offInstanceKey != null) {
                // offInstanceKey is set only with a group (TaskEntry)
                count(s.offInstanceTaskCounts, Objects.requireNonNull(group), t.offInstanceKey, sign);
            }
            return;
        }
        int i = at;
        if (group != null) {
            groupCount(s, i, group, sign);
        }
        if (t.desiredRunning && !runningReported[i]) {
            s.runningTasks[i] += sign;
        }
        if (!cpuReported[i]) {
            s.remainingCpu[i] -= sign * t.cpu;
        }
        if (!memoryReported[i]) {
            s.remainingMemory[i] -= sign * t.memory;
        }
        if (!gpuReported[i]) {
            s.remainingGpu[i] -= sign * t.gpus;
        }
        if (t.eni) {
            s.enisUsed[i] += sign;
        }
        if (t.tcp.length > 0) {
            tcp[i].bound(t.tcp, sign, !tcpReported[i]);
            stale(i);
        }
        if (t.udp.length > 0) {
            udp[i].bound(t.udp, sign, !udpReported[i]);
            stale(i);
        }
    }

    private static void count(Map<String, Map<String, Integer>> counts, String group, String key, int sign) {
        Map<String, Integer> m = counts.computeIfAbsent(group, k -> new LinkedHashMap<>());
        int n = m.getOrDefault(key, 0) + sign;
        if (n == 0) {
            m.remove(key);
            if (m.isEmpty()) {
                counts.remove(group);
            }
        } else {
            m.put(key, n);
        }
    }

    /** The group's tasks on one instance move by one; the instance's sparse arrays stay sorted by group id. */
    private static void groupCount(ClusterSnapshot s, int i, String group, int sign) {
        Integer known = s.groupIds.get(group);
        int id;
        if (known == null) {
            id = s.groupNames.size();
            s.groupNames.add(group);
            s.groupIds.put(group, id);
        } else {
            id = known;
        }
        int[] ids = s.instanceGroupIds[i];
        int[] counts = s.instanceGroupCounts[i];
        int k = Arrays.binarySearch(ids, id);
        if (k >= 0) {
            int n = counts[k] + sign;
            if (n > 0) {
                counts[k] = n;
                return;
            }
            // The last task of the group on this instance: the group leaves its arrays.
            int[] newIds = new int[ids.length - 1];
            int[] newCounts = new int[ids.length - 1];
            System.arraycopy(ids, 0, newIds, 0, k);
            System.arraycopy(ids, k + 1, newIds, k, ids.length - k - 1);
            System.arraycopy(counts, 0, newCounts, 0, k);
            System.arraycopy(counts, k + 1, newCounts, k, ids.length - k - 1);
            s.instanceGroupIds[i] = newIds;
            s.instanceGroupCounts[i] = newCounts;
            return;
        }
        if (sign < 0) {
            throw new IllegalStateException("group " + group + " has no task on instance " + s.arn[i]);
        }
        int insert = -k - 1;
        int[] newIds = new int[ids.length + 1];
        int[] newCounts = new int[ids.length + 1];
        System.arraycopy(ids, 0, newIds, 0, insert);
        System.arraycopy(counts, 0, newCounts, 0, insert);
        newIds[insert] = id;
        newCounts[insert] = 1;
        System.arraycopy(ids, insert, newIds, insert + 1, ids.length - insert);
        System.arraycopy(counts, insert, newCounts, insert + 1, ids.length - insert);
        s.instanceGroupIds[i] = newIds;
        s.instanceGroupCounts[i] = newCounts;
    }

    // ------------------------------------------------------------------ reading

    /** The ARNs of the instances a cluster query language expression matches, in order: ListContainerInstances' {@code filter}. */
    public List<String> filter(String expression) {
        return state().filter(ClusterQuery.parse(expression));
    }

    /** Whether an instance of this ARN is in the cluster. */
    public boolean hasInstance(String containerInstanceArn) {
        return instancePosition.containsKey(containerInstanceArn);
    }

    /** Whether a task of this ARN counts (put, and its desired status not STOPPED). */
    public boolean hasTask(String taskArn) {
        return tasks.containsKey(taskArn);
    }

    /** The number of container instances. */
    public int size() {
        return instances.size();
    }

    /** The state as placement reads it, rebuilt first if an instance changed; valid until the next change. */
    ClusterSnapshot state() {
        if (current == null) {
            rebuild();
        }
        for (int k = 0; k < staleCount; k++) {
            int i = stalePorts[k];
            portsStale[i] = false;
            ClusterSnapshot s = Objects.requireNonNull(current);
            s.reservedTcp[i] = tcp[i].reservedPorts();
            s.boundTcp[i] = tcp[i].boundPorts();
            s.reservedUdp[i] = udp[i].reservedPorts();
            s.boundUdp[i] = udp[i].boundPorts();
        }
        staleCount = 0;
        return Objects.requireNonNull(current);
    }

    private void stale(int i) {
        if (portsStale[i]) {
            return;
        }
        portsStale[i] = true;
        if (staleCount == stalePorts.length) {
            stalePorts = Arrays.copyOf(stalePorts, staleCount * 2);
        }
        stalePorts[staleCount++] = i;
    }

    /** The instances' columns from scratch (no tasks), then what was told of them since, then every task. */
    private void rebuild() {
        try {
            build();
        } catch (RuntimeException e) {
            current = null; // a task or instance refused: nothing half built stays
            throw e;
        }
    }

    private void build() {
        SnapshotBuilder b = new SnapshotBuilder(instances, List.of(), subnets, awsvpcTrunking);
        b.groupNames = new ArrayList<>();
        b.groupIds = new HashMap<>();
        b.offInstanceTaskCounts = new HashMap<>();
        b.tasksPerProvider = new HashMap<>();
        ClusterSnapshot s = new ClusterSnapshot(b);
        int n = s.size;
        cpuReported = new boolean[n];
        memoryReported = new boolean[n];
        gpuReported = new boolean[n];
        tcpReported = new boolean[n];
        udpReported = new boolean[n];
        runningReported = new boolean[n];
        tcp = new PortCounts[n];
        udp = new PortCounts[n];
        portsStale = new boolean[n];
        staleCount = 0;
        for (int i = 0; i < n; i++) {
            ContainerInstance ci = instances.get(i);
            List<Resource> remaining = ci.remainingResources();
            cpuReported[i] = SnapshotBuilder.find(remaining, "CPU") != null;
            memoryReported[i] = SnapshotBuilder.find(remaining, "MEMORY") != null;
            gpuReported[i] = SnapshotBuilder.find(remaining, "GPU") != null;
            tcpReported[i] = SnapshotBuilder.find(remaining, "PORTS") != null;
            udpReported[i] = SnapshotBuilder.find(remaining, "PORTS_UDP") != null;
            runningReported[i] = ci.runningTasksCount() != null;
            tcp[i] = new PortCounts(s.reservedTcp[i]);
            udp[i] = new PortCounts(s.reservedUdp[i]);
            if (tcpReported[i]) {
                tcp[i] = new PortCounts(
                        SnapshotBuilder.portList(Objects.requireNonNull(SnapshotBuilder.find(remaining, "PORTS"))));
            }
            if (udpReported[i]) {
                udp[i] = new PortCounts(
                        SnapshotBuilder.portList(Objects.requireNonNull(SnapshotBuilder.find(remaining, "PORTS_UDP"))));
            }
        }
        current = s;
        for (int i = 0; i < n; i++) {
            Moved m = moved.get(s.arn[i]);
            if (m == null) {
                continue;
            }
            applyMoved(i, m.cpu, m.memory, m.gpus);
            if (tcpReported[i]) {
                for (int[] p : m.tcpAdded) {
                    tcp[i].reserved(p, 1);
                }
                for (int[] p : m.tcpRemoved) {
                    tcp[i].reserved(p, -1);
                }
            }
            if (udpReported[i]) {
                for (int[] p : m.udpAdded) {
                    udp[i].reserved(p, 1);
                }
                for (int[] p : m.udpRemoved) {
                    udp[i].reserved(p, -1);
                }
            }
            if (m.runningTasksCount != null) {
                runningReported[i] = true;
                s.runningTasks[i] = m.runningTasksCount;
            }
            stale(i);
        }
        for (TaskEntry t : tasks.values()) {
            if (t.containerInstanceArn != null && instancePosition.containsKey(t.containerInstanceArn)) {
                t.checkUnits();
            }
            apply(t, 1);
        }
    }

    @Override
    public String toString() {
        return "LiveCluster[" + instances.size() + " instances, " + tasks.size() + " tasks, awsvpcTrunking="
                + awsvpcTrunking + "]";
    }

    /**
     * The host ports of one instance with their counts: those held reserved (reported, or registered
     * plus what tasks bind when it reports none) and those its tasks bind. A port is in a column while
     * its count is above zero.
     */
    private static final class PortCounts {
        private final TreeMap<Integer, Integer> reserved = new TreeMap<>();
        private final TreeMap<Integer, Integer> bound = new TreeMap<>();

        PortCounts(int[] ports) {
            for (int p : ports) {
                reserved.merge(p, 1, Integer::sum);
            }
        }

        PortCounts(List<Integer> ports) {
            for (int p : ports) {
                reserved.merge(p, 1, Integer::sum);
            }
        }

        void reserved(int[] ports, int sign) {
            add(reserved, ports, sign);
        }

        /** A task's bindings; when the instance reports no remaining ports, they count as reserved too. */
        void bound(int[] ports, int sign, boolean alsoReserved) {
            add(bound, ports, sign);
            if (alsoReserved) {
                add(reserved, ports, sign);
            }
        }

        private static void add(TreeMap<Integer, Integer> m, int[] ports, int sign) {
            for (int p : ports) {
                int n = m.getOrDefault(p, 0) + sign;
                if (n <= 0) {
                    m.remove(p);
                } else {
                    m.put(p, n);
                }
            }
        }

        int[] reservedPorts() {
            return keys(reserved, null);
        }

        int[] boundPorts() {
            return keys(reserved, bound);
        }

        private static int[] keys(TreeMap<Integer, Integer> a, @Nullable TreeMap<Integer, Integer> b) {
            if (b == null || b.isEmpty()) {
                int[] out = new int[a.size()];
                int k = 0;
                for (int p : a.keySet()) {
                    out[k++] = p;
                }
                return out;
            }
            TreeMap<Integer, Integer> all = new TreeMap<>(a);
            all.putAll(b);
            return keys(all, null);
        }
    }
}
