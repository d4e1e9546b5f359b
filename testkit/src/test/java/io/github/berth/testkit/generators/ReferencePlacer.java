package io.github.berth.testkit.generators;

import io.github.berth.core.Nullable;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.placement.FailureReason;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.internal.TieBreaker;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.QueryTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The exhaustive reference placer: the simplest scan that is obviously right, written from the
 * rules (docs/placement.md and the engine's documented [model] choices),
 * not from the engine. For every task it checks every instance from scratch, computes every
 * strategy's key from scratch (spread counts by summing over all instances), and takes the
 * lexicographic minimum, ties to {@link TieBreaker#order}. Cubic, and meant to be.
 *
 * <p>Scope: valid EC2 requests (no capacity providers, no Fargate) on instances that report
 * their remaining CPU, memory and ports, as the generators make them. The cluster query language
 * is evaluated with the query package (tested on its own).
 */
final class ReferencePlacer {

    /** One placed task: the instance and the host port of each port mapping (0 when none). */
    record Placed(int task, String instanceArn, List<Integer> hostPorts) {}

    /** One unplaced task. */
    record Unplaced(int task, @Nullable String instanceArn, String reason) {}

    record Result(List<Placed> placed, List<Unplaced> unplaced) {}

    private final List<ContainerInstance> instances;
    private final int n;
    private final boolean trunking;
    // The state, by instance: what is left, and what the tasks hold.
    private final int[] cpu;
    private final int[] memory;
    private final int[] gpus;
    private final int[] registeredGpus;
    private final int[] enis;
    private final List<Set<Integer>> reservedTcp = new ArrayList<>();
    private final List<Set<Integer>> reservedUdp = new ArrayList<>();
    private final List<Set<Integer>> boundTcp = new ArrayList<>();
    private final List<Set<Integer>> boundUdp = new ArrayList<>();
    private final List<Map<String, Integer>> groups = new ArrayList<>();
    private final int[] running;
    private final Map<String, String> subnetZone = new HashMap<>();
    private final Map<String, String> subnetVpc = new HashMap<>();

    ReferencePlacer(List<ContainerInstance> instances, List<Task> tasks, boolean trunking) {
        this.instances = instances;
        this.n = instances.size();
        this.trunking = trunking;
        cpu = new int[n];
        memory = new int[n];
        gpus = new int[n];
        registeredGpus = new int[n];
        enis = new int[n];
        running = new int[n];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ContainerInstance ci = instances.get(i);
            index.put(ci.containerInstanceArn(), i);
            cpu[i] = resource(ci.remainingResources(), "CPU");
            memory[i] = resource(ci.remainingResources(), "MEMORY");
            String type = attribute(i, "ecs.instance-type");
            registeredGpus[i] = type == null
                    ? 0
                    : InstanceTypes.find(type).map(t -> t.gpus()).orElse(0);
            gpus[i] = registeredGpus[i];
            reservedTcp.add(ports(ci.remainingResources(), "PORTS"));
            reservedUdp.add(ports(ci.remainingResources(), "PORTS_UDP"));
            boundTcp.add(new HashSet<>(reservedTcp.get(i)));
            boundUdp.add(new HashSet<>(reservedUdp.get(i)));
            groups.add(new HashMap<>());
            String subnet = attribute(i, "ecs.subnet-id");
            if (subnet != null) {
                subnetZone.putIfAbsent(subnet, attribute(i, "ecs.availability-zone"));
                subnetVpc.putIfAbsent(subnet, attribute(i, "ecs.vpc-id"));
            }
        }
        int[] runningFromTasks = new int[n];
        for (Task t : tasks) {
            Integer i = index.get(t.containerInstanceArn());
            if (i == null || "STOPPED".equals(t.desiredStatus())) {
                continue;
            }
            if (t.group() != null) {
                groups.get(i).merge(t.group(), 1, Integer::sum);
            }
            if (t.desiredStatus() == null || "RUNNING".equals(t.desiredStatus())) {
                runningFromTasks[i]++;
            }
            if (t.attachments() != null) {
                for (Attachment a : t.attachments()) {
                    if ("ElasticNetworkInterface".equals(a.type()) && !"DELETED".equals(a.status())) {
                        enis[i]++;
                        break;
                    }
                }
            }
            for (Container c : t.containers() == null ? List.<Container>of() : t.containers()) {
                if (c.gpuIds() != null) {
                    gpus[i] -= c.gpuIds().size();
                }
                for (NetworkBinding b : c.networkBindings() == null ? List.<NetworkBinding>of() : c.networkBindings()) {
                    Set<Integer> bound = (TransportProtocol.UDP.equals(b.protocol()) ? boundUdp : boundTcp).get(i);
                    if (b.hostPort() != null && b.hostPort() > 0) {
                        bound.add(b.hostPort());
                    }
                    if (b.hostPortRange() != null) {
                        String[] ends = b.hostPortRange().split("-");
                        for (int p = Integer.parseInt(ends[0]); p <= Integer.parseInt(ends[1]); p++) {
                            bound.add(p);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Integer r = instances.get(i).runningTasksCount();
            running[i] = r != null ? r : runningFromTasks[i];
        }
    }

    private String attribute(int i, String name) {
        List<Attribute> attrs = instances.get(i).attributes();
        if (attrs != null) {
            for (Attribute a : attrs) {
                if (name.equals(a.name())) {
                    return a.value() == null ? "" : a.value();
                }
            }
        }
        return null;
    }

    private static int resource(List<Resource> resources, String name) {
        for (Resource r : resources) {
            if (name.equals(r.name())) {
                return r.integerValue();
            }
        }
        throw new IllegalArgumentException("the reference needs remaining " + name);
    }

    private static Set<Integer> ports(List<Resource> resources, String name) {
        Set<Integer> out = new HashSet<>();
        for (Resource r : resources) {
            if (name.equals(r.name()) && r.stringSetValue() != null) {
                r.stringSetValue().forEach(p -> out.add(Integer.parseInt(p)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the task

    private record Mapping(int containerPort, int hostPort, boolean udp, int rangeLength) {}

    Result place(PlacementRequest request) {
        TaskDefinition td = request.taskDefinition();
        boolean awsvpc = NetworkMode.AWSVPC.equals(td.networkMode());
        boolean host = NetworkMode.HOST.equals(td.networkMode());
        int taskCpu = 0;
        int taskMemory = 0;
        int taskGpus = 0;
        List<Mapping> mappings = new ArrayList<>();
        for (ContainerDefinition c : td.containerDefinitions()) {
            taskCpu += c.cpu() == null ? 0 : c.cpu();
            taskMemory += c.memoryReservation() != null ? c.memoryReservation() : c.memory() == null ? 0 : c.memory();
            for (ResourceRequirement r :
                    c.resourceRequirements() == null ? List.<ResourceRequirement>of() : c.resourceRequirements()) {
                if (ResourceType.GPU.equals(r.type())) {
                    taskGpus += Integer.parseInt(r.value());
                }
            }
            for (PortMapping pm : c.portMappings() == null ? List.<PortMapping>of() : c.portMappings()) {
                boolean udp = TransportProtocol.UDP.equals(pm.protocol());
                if (pm.containerPortRange() != null) {
                    String[] ends = pm.containerPortRange().split("-");
                    mappings.add(new Mapping(0, 0, udp, Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1));
                } else {
                    int hp = pm.hostPort() == null ? 0 : pm.hostPort();
                    mappings.add(new Mapping(pm.containerPort(), host && hp == 0 ? pm.containerPort() : hp, udp, 0));
                }
            }
        }
        if (td.cpu() != null && Integer.parseInt(td.cpu()) > 0) {
            taskCpu = Integer.parseInt(td.cpu()); // task level wins when set (a 0 counts as not set)
        }
        if (td.memory() != null) {
            taskMemory = Integer.parseInt(td.memory());
        }
        String group = request.effectiveGroup();
        List<IntPredicate> memberOf = new ArrayList<>();
        boolean distinct = false;
        QueryTarget target = new Target(group);
        for (TaskDefinitionPlacementConstraint c : td.placementConstraints() == null
                ? List.<TaskDefinitionPlacementConstraint>of()
                : td.placementConstraints()) {
            memberOf.add(ClusterQuery.matcher(ClusterQuery.parse(c.expression()), target));
        }
        for (PlacementConstraint c : request.placementConstraints()) {
            if (PlacementConstraintType.DISTINCT_INSTANCE.equals(c.type())) {
                distinct = true;
            } else {
                memberOf.add(ClusterQuery.matcher(ClusterQuery.parse(c.expression()), target));
            }
        }
        List<PlacementStrategy> strategies = new ArrayList<>(request.placementStrategy());
        if (strategies.isEmpty()) {
            if (request.scheduler() == PlacementRequest.Scheduler.SERVICE) {
                strategies.add(PlacementStrategy.builder()
                        .type(PlacementStrategyType.SPREAD)
                        .field("attribute:ecs.availability-zone")
                        .build());
                strategies.add(PlacementStrategy.builder()
                        .type(PlacementStrategyType.SPREAD)
                        .field("instanceId")
                        .build());
            } else {
                strategies.add(PlacementStrategy.builder()
                        .type(PlacementStrategyType.RANDOM)
                        .build());
            }
        }
        Set<String> zones = new HashSet<>();
        Set<String> vpcs = new HashSet<>();
        List<String> subnets =
                awsvpc ? request.networkConfiguration().awsvpcConfiguration().subnets() : List.of();
        for (String s : subnets) {
            if (subnetZone.get(s) != null) {
                zones.add(subnetZone.get(s));
            }
            if (subnetVpc.get(s) != null) {
                vpcs.add(subnetVpc.get(s));
            }
        }
        List<Attribute> required =
                new ArrayList<>(td.requiresAttributes() == null ? List.of() : td.requiresAttributes());
        if (awsvpc) {
            required.add(Attribute.builder().name("ecs.capability.task-eni").build());
        }
        int[] rank = TieBreaker.order(request.seed(), n);
        List<Placed> placed = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        for (int t = 0; t < request.count(); t++) {
            int best = -1;
            int closest = -1;
            int closestStage = -1;
            // Tasks of the group per value of each spread attribute, counted over every instance.
            Map<String, Map<String, Long>> spreadCounts = new HashMap<>();
            for (PlacementStrategy s : strategies) {
                if (PlacementStrategyType.SPREAD.equals(s.type()) && s.field().startsWith("attribute:")) {
                    String name = s.field().substring("attribute:".length());
                    Map<String, Long> counts = new HashMap<>();
                    for (int j = 0; j < n; j++) {
                        counts.merge(
                                bucket(attribute(j, name)), (long) groups.get(j).getOrDefault(group, 0), Long::sum);
                    }
                    spreadCounts.put(name, counts);
                }
            }
            for (int i = 0; i < n; i++) {
                int stage = stage(
                        i,
                        required,
                        awsvpc,
                        taskCpu,
                        taskMemory,
                        taskGpus,
                        mappings,
                        zones,
                        vpcs,
                        memberOf,
                        distinct,
                        group);
                if (stage > closestStage) {
                    closest = i;
                    closestStage = stage;
                }
                if (stage == PASS
                        && (best < 0 || before(i, best, t, strategies, group, request.seed(), rank, spreadCounts))) {
                    best = i;
                }
            }
            if (best < 0) {
                FailureReason reason = FailureReason.values()[closestStage];
                String arn = instances.get(closest).containerInstanceArn();
                if (reason == FailureReason.NOT_ACTIVE) {
                    reason = FailureReason.NO_ACTIVE_INSTANCES;
                    arn = null;
                }
                unplaced.add(new Unplaced(t, arn, reason.text()));
                continue;
            }
            int i = best;
            cpu[i] -= taskCpu;
            memory[i] -= taskMemory;
            gpus[i] -= taskGpus;
            if (awsvpc) {
                enis[i]++;
            }
            groups.get(i).merge(group, 1, Integer::sum);
            running[i]++;
            List<Integer> hostPorts = new ArrayList<>();
            for (Mapping m : mappings) {
                if (awsvpc) {
                    break; // the task's own ENI: no host ports
                }
                Set<Integer> bound = m.udp() ? boundUdp.get(i) : boundTcp.get(i);
                if (m.rangeLength() > 0 || m.hostPort() == 0) {
                    int length = Math.max(1, m.rangeLength());
                    int first = 49153;
                    while (!allFree(bound, first, length)) {
                        first++;
                    }
                    for (int p = first; p < first + length; p++) {
                        bound.add(p);
                    }
                    hostPorts.add(first);
                } else {
                    (m.udp() ? reservedUdp : reservedTcp).get(i).add(m.hostPort());
                    bound.add(m.hostPort());
                    hostPorts.add(m.hostPort());
                }
            }
            placed.add(new Placed(t, instances.get(i).containerInstanceArn(), hostPorts));
        }
        return new Result(placed, unplaced);
    }

    private static boolean allFree(Set<Integer> bound, int first, int length) {
        for (int p = first; p < first + length; p++) {
            if (bound.contains(p)) {
                return false;
            }
        }
        return true;
    }

    private static final int PASS = Integer.MAX_VALUE;

    /** The first check the instance fails, as a {@link FailureReason} ordinal, or {@link #PASS}. */
    private int stage(
            int i,
            List<Attribute> required,
            boolean awsvpc,
            int taskCpu,
            int taskMemory,
            int taskGpus,
            List<Mapping> mappings,
            Set<String> zones,
            Set<String> vpcs,
            List<IntPredicate> memberOf,
            boolean distinct,
            String group) {
        ContainerInstance ci = instances.get(i);
        if (ci.status() != null && !"ACTIVE".equals(ci.status())) {
            return FailureReason.NOT_ACTIVE.ordinal();
        }
        if (Boolean.FALSE.equals(ci.agentConnected())) {
            return FailureReason.AGENT.ordinal();
        }
        for (Attribute a : required) {
            String v = attribute(i, a.name());
            if (v == null || (a.value() != null && !a.value().equals(v))) {
                return FailureReason.ATTRIBUTE.ordinal();
            }
        }
        String vpc = attribute(i, "ecs.vpc-id");
        if (!vpcs.isEmpty() && vpc != null && !vpcs.contains(vpc)) {
            return FailureReason.ATTRIBUTE.ordinal();
        }
        if (awsvpc && !zones.contains(attribute(i, "ecs.availability-zone"))) {
            return FailureReason.LOCATION.ordinal();
        }
        if (cpu[i] < taskCpu) {
            return FailureReason.CPU.ordinal();
        }
        if (memory[i] < taskMemory) {
            return FailureReason.MEMORY.ordinal();
        }
        if (gpus[i] < taskGpus) {
            return FailureReason.GPU.ordinal();
        }
        if (!awsvpc) {
            int statics = 0;
            for (Mapping m : mappings) {
                if (m.rangeLength() == 0 && m.hostPort() > 0) {
                    statics++;
                }
            }
            int reserved = reservedTcp.get(i).size() + reservedUdp.get(i).size() + statics;
            for (boolean udp : new boolean[] {false, true}) {
                Set<Integer> seen = new HashSet<>();
                boolean any = false;
                for (Mapping m : mappings) {
                    if (m.udp() == udp && m.rangeLength() == 0 && m.hostPort() > 0) {
                        any = true;
                        if (!seen.add(m.hostPort())
                                || (udp ? reservedUdp : reservedTcp).get(i).contains(m.hostPort())) {
                            return (udp ? FailureReason.PORTS_UDP : FailureReason.PORTS).ordinal();
                        }
                    }
                }
                if (any && reserved > 100) {
                    return (udp ? FailureReason.PORTS_UDP : FailureReason.PORTS).ordinal();
                }
            }
        }
        if (awsvpc) {
            String type = attribute(i, "ecs.instance-type");
            int limit = type == null
                    ? 0
                    : InstanceTypes.find(type)
                            .map(x -> x.awsvpcTaskLimit(
                                    attribute(i, "ecs.awsvpc-trunk-id") != null && x.supportsTrunking()))
                            .orElse(0);
            if (enis[i] >= limit) {
                return FailureReason.ENI.ordinal();
            }
        }
        for (IntPredicate m : memberOf) {
            if (!m.test(i)) {
                return FailureReason.MEMBER_OF.ordinal();
            }
        }
        if (distinct && groups.get(i).getOrDefault(group, 0) > 0) {
            return FailureReason.DISTINCT_INSTANCE.ordinal();
        }
        return PASS;
    }

    private boolean before(
            int a,
            int b,
            int task,
            List<PlacementStrategy> strategies,
            String group,
            long seed,
            int[] rank,
            Map<String, Map<String, Long>> spreadCounts) {
        for (PlacementStrategy s : strategies) {
            long ka = key(a, task, s, group, seed, spreadCounts);
            long kb = key(b, task, s, group, seed, spreadCounts);
            int c = PlacementStrategyType.RANDOM.equals(s.type()) ? Long.compareUnsigned(ka, kb) : Long.compare(ka, kb);
            if (c != 0) {
                return c < 0;
            }
        }
        return rank[a] < rank[b];
    }

    private long key(
            int i,
            int task,
            PlacementStrategy s,
            String group,
            long seed,
            Map<String, Map<String, Long>> spreadCounts) {
        if (PlacementStrategyType.RANDOM.equals(s.type())) {
            return TieBreaker.randomKey(seed, task, i);
        }
        String field = s.field().toLowerCase(java.util.Locale.ROOT);
        if (PlacementStrategyType.BINPACK.equals(s.type())) {
            return field.equals("cpu") ? cpu[i] : memory[i];
        }
        if (field.equals("instanceid") || field.equals("host")) {
            return groups.get(i).getOrDefault(group, 0);
        }
        String name = s.field().substring("attribute:".length());
        return spreadCounts.get(name).get(bucket(attribute(i, name)));
    }

    /** Instances without the attribute share a bucket of their own. */
    private static String bucket(@Nullable String value) {
        return value == null ? "\u0000missing" : value;
    }

    /** The cluster as the reference sees it, for memberOf expressions. */
    private final class Target implements QueryTarget {
        private final String group;

        Target(String group) {
            this.group = group;
        }

        @Override
        public int instanceCount() {
            return n;
        }

        @Override
        public Boolean agentConnected(int i) {
            return instances.get(i).agentConnected();
        }

        @Override
        public String agentVersion(int i) {
            return instances.get(i).versionInfo() == null
                    ? null
                    : instances.get(i).versionInfo().agentVersion();
        }

        @Override
        public String ec2InstanceId(int i) {
            return instances.get(i).ec2InstanceId();
        }

        @Override
        public Instant registeredAt(int i) {
            return instances.get(i).registeredAt();
        }

        @Override
        public int runningTasksCount(int i) {
            return running[i];
        }

        @Override
        public AttributeColumn attribute(String name) {
            return i -> ReferencePlacer.this.attribute(i, name);
        }

        @Override
        public boolean hostsGroup(int i, String g) {
            return groups.get(i).getOrDefault(g, 0) > 0;
        }

        @Override
        public Iterable<String> groups(int i) {
            List<String> out = new ArrayList<>();
            groups.get(i).forEach((g, c) -> {
                if (c > 0) {
                    out.add(g);
                }
            });
            return out;
        }
    }
}
