package io.github.berth.placement;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns core model values into the columns of a {@link ClusterSnapshot}. */
final class SnapshotBuilder {

    /**
     * The ports the Linux agent reserves by default when an instance reports no PORTS resource
     * (docs/placement.md#what-the-agent-registers, leaning to the agent code: 51680 only with Prometheus metrics).
     */
    static final int[] DEFAULT_RESERVED_PORTS = {22, 2375, 2376, 51678, 51679};

    static final String AZ = "ecs.availability-zone";
    static final String SUBNET = "ecs.subnet-id";
    static final String VPC = "ecs.vpc-id";
    static final String ENI_ATTACHMENT = "ElasticNetworkInterface";

    int size;
    String[] arn;
    String[] ec2InstanceId;
    String[] capacityProvider;
    String[] status;
    boolean[] agentConnected;
    Boolean[] agentConnectedValue;
    String[] agentVersion;
    Instant[] registeredAt;
    int[] runningTasks;
    int[] remainingCpu;
    int[] remainingMemory;
    int[] remainingGpu;
    int[] registeredGpu;
    int[][] reservedTcp;
    int[][] reservedUdp;
    int[][] boundTcp;
    int[][] boundUdp;
    int[] enisUsed;
    int[] eniLimit;
    String[] availabilityZone;
    String[] subnetId;
    String[] vpcId;
    ImmutableMap<String, String[]> attributes;
    List<String> groupNames;
    Map<String, Integer> groupIds;
    int[][] instanceGroupIds;
    int[][] instanceGroupCounts;
    Map<String, Map<String, Integer>> offInstanceTaskCounts;
    Map<String, Map<String, Integer>> tasksPerProvider;
    ImmutableMap<String, ClusterSnapshot.Subnet> subnets;
    boolean awsvpcTrunking;
    ImmutableMap<String, Integer> indexByArn;

    private final Map<String, String> interned = new HashMap<>();

    SnapshotBuilder(
            List<ContainerInstance> instances,
            List<Task> tasks,
            List<ClusterSnapshot.Subnet> knownSubnets,
            boolean awsvpcTrunking) {
        this.awsvpcTrunking = awsvpcTrunking;
        int n = instances.size();
        size = n;
        arn = new String[n];
        ec2InstanceId = new String[n];
        capacityProvider = new String[n];
        status = new String[n];
        agentConnected = new boolean[n];
        agentConnectedValue = new Boolean[n];
        agentVersion = new String[n];
        registeredAt = new Instant[n];
        runningTasks = new int[n];
        remainingCpu = new int[n];
        remainingMemory = new int[n];
        remainingGpu = new int[n];
        registeredGpu = new int[n];
        reservedTcp = new int[n][];
        reservedUdp = new int[n][];
        boundTcp = new int[n][];
        boundUdp = new int[n][];
        enisUsed = new int[n];
        eniLimit = new int[n];
        availabilityZone = new String[n];
        subnetId = new String[n];
        vpcId = new String[n];
        Map<String, Integer> byArn = new HashMap<>();
        Map<String, String[]> columns = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            ContainerInstance ci = instances.get(i);
            String a = ci.containerInstanceArn();
            if (a == null || a.isEmpty()) {
                throw new InvalidParameterException("containerInstances[" + i + "].containerInstanceArn must be given");
            }
            if (byArn.put(a, i) != null) {
                throw new InvalidParameterException("containerInstances[" + i + "].containerInstanceArn repeats " + a);
            }
            arn[i] = a;
            ec2InstanceId[i] = ci.ec2InstanceId();
            capacityProvider[i] = intern(ci.capacityProviderName());
            // [model] Absent status and agentConnected read as ACTIVE and connected, so that small
            // hand-written files work; DescribeContainerInstances always has both.
            status[i] = intern(ci.status() == null ? "ACTIVE" : ci.status());
            agentConnectedValue[i] = ci.agentConnected();
            agentConnected[i] = ci.agentConnected() == null || ci.agentConnected();
            agentVersion[i] =
                    ci.versionInfo() == null ? null : intern(ci.versionInfo().agentVersion());
            registeredAt[i] = ci.registeredAt();
            if (ci.attributes() != null) {
                for (Attribute attr : ci.attributes()) {
                    if (attr.name() == null) {
                        continue;
                    }
                    String[] column = columns.computeIfAbsent(intern(attr.name()), k -> new String[n]);
                    column[i] = attr.value() == null ? "" : intern(attr.value());
                }
            }
        }
        indexByArn = ImmutableMap.copyOf(byArn);
        attributes = ImmutableMap.copyOf(columns);
        String[] types = columns.getOrDefault(EniCapacity.INSTANCE_TYPE, new String[n]);
        String[] azs = columns.getOrDefault(AZ, new String[n]);
        String[] subnetsCol = columns.getOrDefault(SUBNET, new String[n]);
        String[] vpcs = columns.getOrDefault(VPC, new String[n]);
        String[] trunks = columns.getOrDefault(EniCapacity.TRUNK_ID, new String[n]);
        for (int i = 0; i < n; i++) {
            availabilityZone[i] = blankToNull(azs[i]);
            subnetId[i] = blankToNull(subnetsCol[i]);
            vpcId[i] = blankToNull(vpcs[i]);
            eniLimit[i] = EniCapacity.awsvpcTaskLimit(blankToNull(types[i]), trunks[i] != null);
        }
        readTasksAndResources(instances, tasks, types);
        Map<String, ClusterSnapshot.Subnet> subnetMap = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (subnetId[i] != null && !subnetMap.containsKey(subnetId[i])) {
                subnetMap.put(subnetId[i], new ClusterSnapshot.Subnet(subnetId[i], availabilityZone[i], vpcId[i]));
            }
        }
        for (ClusterSnapshot.Subnet s : knownSubnets) {
            subnetMap.put(s.subnetId(), s);
        }
        subnets = ImmutableMap.copyOf(subnetMap);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private @Nullable String intern(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String k = interned.putIfAbsent(s, s);
        return k == null ? s : k;
    }

    private void readTasksAndResources(List<ContainerInstance> instances, List<Task> tasks, String[] types) {
        int n = size;
        int[] taskCpu = new int[n];
        int[] taskMemory = new int[n];
        int[] taskGpus = new int[n];
        int[] runningFromTasks = new int[n];
        List<TreeSet<Integer>> taskTcp = new ArrayList<>(n);
        List<TreeSet<Integer>> taskUdp = new ArrayList<>(n);
        List<TreeMap<Integer, Integer>> groupCounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            taskTcp.add(new TreeSet<>());
            taskUdp.add(new TreeSet<>());
            groupCounts.add(new TreeMap<>());
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> offInstance = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> perProvider = new LinkedHashMap<>();
        for (int taskIndex = 0; taskIndex < tasks.size(); taskIndex++) {
            TaskEntry t = TaskEntry.of(tasks.get(taskIndex), taskIndex);
            if (t == null) {
                continue; // distinctInstance and spread look at the desired status (docs/placement.md#constraints)
            }
            String group = t.group;
            if (group != null) {
                perProvider.computeIfAbsent(group, k -> new LinkedHashMap<>()).merge(t.provider, 1, Integer::sum);
            }
            Integer at = t.containerInstanceArn == null ? null : indexByArn.get(t.containerInstanceArn);
            if (at == null) {
                if (t.offInstanceKey != null) {
                    offInstance
                            .computeIfAbsent(group, k -> new LinkedHashMap<>())
                            .merge(t.offInstanceKey, 1, Integer::sum);
                }
                continue;
            }
            int i = at;
            if (group != null) {
                int id = ids.computeIfAbsent(intern(group), k -> ids.size());
                groupCounts.get(i).merge(id, 1, Integer::sum);
            }
            if (t.desiredRunning) {
                runningFromTasks[i]++;
            }
            t.checkUnits();
            taskCpu[i] += t.cpu;
            taskMemory[i] += t.memory;
            if (t.eni) {
                enisUsed[i]++;
            }
            taskGpus[i] += t.gpus;
            for (int p : t.tcp) {
                taskTcp.get(i).add(p);
            }
            for (int p : t.udp) {
                taskUdp.get(i).add(p);
            }
        }
        groupNames = ImmutableList.copyOf(ids.keySet());
        groupIds = ImmutableMap.copyOf(ids);
        instanceGroupIds = new int[n][];
        instanceGroupCounts = new int[n][];
        int[] empty = new int[0];
        for (int i = 0; i < n; i++) {
            TreeMap<Integer, Integer> m = groupCounts.get(i);
            if (m.isEmpty()) {
                instanceGroupIds[i] = empty;
                instanceGroupCounts[i] = empty;
                continue;
            }
            instanceGroupIds[i] =
                    m.keySet().stream().mapToInt(Integer::intValue).toArray();
            instanceGroupCounts[i] =
                    m.values().stream().mapToInt(Integer::intValue).toArray();
        }
        offInstanceTaskCounts = immutable(offInstance);
        tasksPerProvider = immutable(perProvider);

        for (int i = 0; i < n; i++) {
            ContainerInstance ci = instances.get(i);
            InstanceType type =
                    types[i] == null ? null : InstanceTypes.find(types[i]).orElse(null);
            Resource regCpu = find(ci.registeredResources(), "CPU");
            Resource remCpu = find(ci.remainingResources(), "CPU");
            Resource regMem = find(ci.registeredResources(), "MEMORY");
            Resource remMem = find(ci.remainingResources(), "MEMORY");
            // Remaining resources as ECS accounts them (docs/placement.md#registered-and-remaining-resources); without
            // them, what was registered
            // (or what the agent would register for the type, docs/placement.md#what-the-agent-registers) less what the
            // tasks reserve.
            remainingCpu[i] = remCpu != null
                    ? intValue(remCpu)
                    : (regCpu != null ? intValue(regCpu) : type != null ? type.registeredCpu() : 0) - taskCpu[i];
            remainingMemory[i] = remMem != null
                    ? intValue(remMem)
                    : (regMem != null ? intValue(regMem) : type != null ? type.registeredMemoryMiB() : 0)
                            - taskMemory[i];
            Resource regGpu = find(ci.registeredResources(), "GPU");
            Resource remGpu = find(ci.remainingResources(), "GPU");
            registeredGpu[i] = regGpu != null ? setSize(regGpu) : type != null ? type.gpus() : 0;
            remainingGpu[i] = remGpu != null ? setSize(remGpu) : registeredGpu[i] - taskGpus[i];
            Resource remPorts = find(ci.remainingResources(), "PORTS");
            Resource regPorts = find(ci.registeredResources(), "PORTS");
            Resource remUdp = find(ci.remainingResources(), "PORTS_UDP");
            Resource regUdp = find(ci.registeredResources(), "PORTS_UDP");
            TreeSet<Integer> tcp = new TreeSet<>();
            TreeSet<Integer> udp = new TreeSet<>();
            if (remPorts != null) {
                addPorts(remPorts, tcp);
            } else {
                // Without remaining PORTS, every host port the tasks bind counts as reserved (the safe side).
                if (regPorts != null) {
                    addPorts(regPorts, tcp);
                } else {
                    for (int p : DEFAULT_RESERVED_PORTS) {
                        tcp.add(p);
                    }
                }
                tcp.addAll(taskTcp.get(i));
            }
            if (remUdp != null) {
                addPorts(remUdp, udp);
            } else {
                if (regUdp != null) {
                    addPorts(regUdp, udp);
                }
                udp.addAll(taskUdp.get(i));
            }
            reservedTcp[i] = toArray(tcp);
            reservedUdp[i] = toArray(udp);
            tcp.addAll(taskTcp.get(i));
            udp.addAll(taskUdp.get(i));
            boundTcp[i] = tcp.size() == reservedTcp[i].length ? reservedTcp[i] : toArray(tcp);
            boundUdp[i] = udp.size() == reservedUdp[i].length ? reservedUdp[i] : toArray(udp);
            runningTasks[i] = ci.runningTasksCount() != null ? ci.runningTasksCount() : runningFromTasks[i];
        }
    }

    private static ImmutableMap<String, Map<String, Integer>> immutable(Map<String, Map<String, Integer>> m) {
        ImmutableMap.Builder<String, Map<String, Integer>> b = ImmutableMap.builder();
        m.forEach((k, v) -> b.put(k, ImmutableMap.copyOf(v)));
        return b.buildOrThrow();
    }

    static @Nullable Resource find(@Nullable List<Resource> resources, String name) {
        if (resources == null) {
            return null;
        }
        for (Resource r : resources) {
            if (name.equals(r.name())) {
                return r;
            }
        }
        return null;
    }

    private static int intValue(Resource r) {
        if (r.integerValue() != null) {
            return r.integerValue();
        }
        if (r.longValue() != null) {
            return (int) Math.min(Integer.MAX_VALUE, r.longValue());
        }
        if (r.doubleValue() != null) {
            return (int) Math.floor(r.doubleValue());
        }
        return 0;
    }

    private static int setSize(Resource r) {
        return r.stringSetValue() != null ? r.stringSetValue().size() : intValue(r);
    }

    /** The ports of a STRINGSET resource, as listed (repeats kept); what is not a port is left out. */
    static List<Integer> portList(Resource r) {
        List<Integer> out = new ArrayList<>();
        if (r.stringSetValue() == null) {
            return out;
        }
        for (String s : r.stringSetValue()) {
            try {
                out.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                // A port ECS would never list; nothing to reserve.
            }
        }
        return out;
    }

    private static void addPorts(Resource r, TreeSet<Integer> into) {
        if (r.stringSetValue() == null) {
            return;
        }
        for (String s : r.stringSetValue()) {
            try {
                into.add(Integer.parseInt(s.trim()));
            } catch (NumberFormatException e) {
                // A port ECS would never list; nothing to reserve.
            }
        }
    }

    private static int[] toArray(TreeSet<Integer> set) {
        return set.stream().mapToInt(Integer::intValue).toArray();
    }
}
