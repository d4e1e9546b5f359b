package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.placement.query.QueryTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cluster as one request changes it: copies of the counters the request moves (remaining CPU,
 * memory, GPUs, ENIs, the group's tasks per instance), the ports taken so far, and the per-request
 * indexes the strategies keep (tasks per attribute bucket). The snapshot itself is never written,
 * so requests run in parallel on one snapshot.
 */
final class PlacementState implements QueryTarget {

    final ClusterSnapshot snapshot;
    final int n;
    final int[] cpu;
    final int[] memory;
    final int[] gpu;
    final int[] enis;
    /** Tasks of the request's group on each instance: the snapshot's plus those placed now. */
    final int[] groupCount;
    /** Tasks placed by this request on each instance. */
    final int[] placedHere;

    private final String group;
    private final int snapshotGroupId;
    /** Ports taken by this request, per instance (null until the first). */
    private final PortSet[] taken;

    private final Map<String, StrategyRule.SpreadAttribute> spreadByAttribute = new HashMap<>();
    private StrategyRule.SpreadAttribute[] spreadIndexes = new StrategyRule.SpreadAttribute[0];

    PlacementState(ClusterSnapshot snapshot, String group) {
        this.snapshot = snapshot;
        this.n = snapshot.size;
        this.cpu = snapshot.remainingCpu.clone();
        this.memory = snapshot.remainingMemory.clone();
        this.gpu = snapshot.remainingGpu.clone();
        this.enis = snapshot.enisUsed.clone();
        this.group = group;
        this.snapshotGroupId = snapshot.groupId(group);
        this.groupCount = new int[n];
        if (snapshotGroupId >= 0) {
            for (int i = 0; i < n; i++) {
                groupCount[i] = snapshot.groupCount(i, snapshotGroupId);
            }
        }
        this.placedHere = new int[n];
        this.taken = new PortSet[n];
    }

    /** The strategy bound to this state (one spread index per attribute, shared by all pools). */
    StrategyRule rule(StrategySpec spec, long seed) {
        return switch (spec.kind()) {
            case BINPACK_CPU -> new StrategyRule.Binpack(cpu);
            case BINPACK_MEMORY -> new StrategyRule.Binpack(memory);
            case SPREAD_INSTANCE -> new StrategyRule.SpreadInstance(groupCount);
            case SPREAD_ATTRIBUTE -> {
                StrategyRule.SpreadAttribute index = spreadByAttribute.get(spec.attribute());
                if (index == null) {
                    index = spreadIndex(Objects.requireNonNull(spec.attribute()));
                    spreadByAttribute.put(spec.attribute(), index);
                    spreadIndexes = spreadByAttribute.values().toArray(new StrategyRule.SpreadAttribute[0]);
                }
                yield index;
            }
            case RANDOM -> new StrategyRule.Random(seed);
        };
    }

    private StrategyRule.SpreadAttribute spreadIndex(String attribute) {
        String[] column = snapshot.attributes.get(attribute);
        int[] bucketOf = new int[n];
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String v = column == null ? null : column[i];
            // The missing value is a bucket of its own (a key no attribute value can have).
            String key = v == null ? "\u0000missing" : v;
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
            }
            bucketOf[i] = id;
        }
        int[] counts = new int[ids.size()];
        for (int i = 0; i < n; i++) {
            counts[bucketOf[i]] += groupCount[i];
        }
        return new StrategyRule.SpreadAttribute(bucketOf, counts);
    }

    /** Every spread-by-attribute index of this request (to tell them of each placement). */
    StrategyRule.SpreadAttribute[] spreadIndexes() {
        return spreadIndexes;
    }

    // ------------------------------------------------------------------ ports

    boolean tcpTaken(int i, int port) {
        return Arrays.binarySearch(snapshot.reservedTcp[i], port) >= 0
                || (taken[i] != null && taken[i].has(PortSet.RESERVED_TCP, port));
    }

    boolean udpTaken(int i, int port) {
        return Arrays.binarySearch(snapshot.reservedUdp[i], port) >= 0
                || (taken[i] != null && taken[i].has(PortSet.RESERVED_UDP, port));
    }

    /** Host ports held reserved on the instance (TCP and UDP): ECS allows 100 (docs/placement.md#host-ports). */
    int reservedPortCount(int i) {
        int c = snapshot.reservedTcp[i].length + snapshot.reservedUdp[i].length;
        return taken[i] == null ? c : c + taken[i].size[PortSet.RESERVED_TCP] + taken[i].size[PortSet.RESERVED_UDP];
    }

    /** Whether the host port is bound on the instance at all (reserved, or a task's dynamic binding). */
    boolean bound(int i, int port, boolean udp) {
        int[] base = udp ? snapshot.boundUdp[i] : snapshot.boundTcp[i];
        if (Arrays.binarySearch(base, port) >= 0) {
            return true;
        }
        PortSet t = taken[i];
        return t != null && t.has(udp ? PortSet.BOUND_UDP : PortSet.BOUND_TCP, port);
    }

    void reserve(int i, int port, boolean udp) {
        PortSet t = ports(i);
        t.add(udp ? PortSet.RESERVED_UDP : PortSet.RESERVED_TCP, port);
        t.add(udp ? PortSet.BOUND_UDP : PortSet.BOUND_TCP, port);
    }

    void bind(int i, int port, boolean udp) {
        ports(i).add(udp ? PortSet.BOUND_UDP : PortSet.BOUND_TCP, port);
    }

    /**
     * A port at or below which every ephemeral port of the instance is bound (TCP or UDP): ports are
     * only ever added during a request, so the lowest free one is never below it, and looking for
     * dynamic ports starts here rather than at the bottom of the range each time.
     */
    int ephemeralCursor(int i, boolean udp) {
        PortSet t = taken[i];
        int c = t == null ? 0 : t.cursor[udp ? 1 : 0];
        return Math.max(c, EphemeralPorts.FIRST);
    }

    void ephemeralCursor(int i, boolean udp, int port) {
        ports(i).cursor[udp ? 1 : 0] = port;
    }

    private PortSet ports(int i) {
        PortSet t = taken[i];
        if (t == null) {
            t = new PortSet();
            taken[i] = t;
        }
        return t;
    }

    /**
     * Ports a request took on one instance, in four hash sets: a task may bind hundreds of dynamic
     * ports and an instance hold thousands of tasks, so a lookup must not scan them.
     */
    static final class PortSet {
        static final int RESERVED_TCP = 0;
        static final int RESERVED_UDP = 1;
        static final int BOUND_TCP = 2;
        static final int BOUND_UDP = 3;
        private static final int[] NONE = new int[0];
        private static final int FREE = -1;

        /** Open addressing, linear probing; {@link #FREE} marks an empty slot (ports are never negative). */
        final int[][] tables = {NONE, NONE, NONE, NONE};

        final int[] size = new int[4];
        /** {@link PlacementState#ephemeralCursor} per protocol (TCP, UDP); 0 until a dynamic port is chosen. */
        final int[] cursor = new int[2];

        boolean has(int set, int port) {
            int[] t = tables[set];
            if (size[set] == 0) {
                return false;
            }
            int mask = t.length - 1;
            for (int k = slot(port) & mask; ; k = (k + 1) & mask) {
                if (t[k] == port) {
                    return true;
                }
                if (t[k] == FREE) {
                    return false;
                }
            }
        }

        void add(int set, int port) {
            if (has(set, port)) {
                return;
            }
            if ((size[set] + 1) * 2 > tables[set].length) {
                grow(set);
            }
            insert(tables[set], port);
            size[set]++;
        }

        private void grow(int set) {
            int[] old = tables[set];
            int[] t = new int[Math.max(8, old.length * 2)];
            Arrays.fill(t, FREE);
            for (int v : old) {
                if (v != FREE) {
                    insert(t, v);
                }
            }
            tables[set] = t;
        }

        private static void insert(int[] t, int port) {
            int mask = t.length - 1;
            int k = slot(port) & mask;
            while (t[k] != FREE) {
                k = (k + 1) & mask;
            }
            t[k] = port;
        }

        private static int slot(int port) {
            return port * 0x9E3779B9 >>> 7;
        }
    }

    // ------------------------------------------------------------------ QueryTarget

    @Override
    public int instanceCount() {
        return n;
    }

    @Override
    public @Nullable Boolean agentConnected(int i) {
        return snapshot.agentConnectedValue[i];
    }

    @Override
    public @Nullable String agentVersion(int i) {
        return snapshot.agentVersion[i];
    }

    @Override
    public @Nullable String ec2InstanceId(int i) {
        return snapshot.ec2InstanceId[i];
    }

    @Override
    public @Nullable Instant registeredAt(int i) {
        return snapshot.registeredAt[i];
    }

    /** [model] Tasks placed earlier in the same request count as running (they are meant to be). */
    @Override
    public int runningTasksCount(int i) {
        return snapshot.runningTasks[i] + placedHere[i];
    }

    @Override
    public AttributeColumn attribute(String name) {
        return snapshot.queryTarget().attribute(name);
    }

    @Override
    public boolean hostsGroup(int i, String g) {
        if (g.equals(group)) {
            return groupCount[i] > 0;
        }
        return snapshot.queryTarget().hostsGroup(i, g);
    }

    @Override
    public Iterable<String> groups(int i) {
        List<String> out = new ArrayList<>();
        snapshot.queryTarget().groups(i).forEach(out::add);
        if (placedHere[i] > 0 && snapshotGroupId >= 0 && snapshot.groupCount(i, snapshotGroupId) == 0
                || placedHere[i] > 0 && snapshotGroupId < 0) {
            out.add(group);
        }
        return out;
    }
}
