package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.attr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.berth.core.error.EcsException;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TransportProtocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LiveCluster} against the snapshot it stands for: random sequences of instance changes,
 * placements, stops and releases, seeded, and after every step the live state and a
 * {@link ClusterSnapshot} rebuilt from scratch out of the same instances and tasks must give the
 * same placements, failures and explanations (or the same refusal).
 */
class LiveClusterEquivalenceTest {

    private static final String[] TYPES = {"m5.large", "m5.xlarge", "c5.large", "t3.micro"};
    private static final String[] AZS = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final String[] GROUPS = {"g1", "g2", "family:web"};

    private static final List<TaskDefinition> DEFINITIONS = List.of(
            Fixtures.td(256, 512),
            Fixtures.td(128, 256, Fixtures.port(80, 80)),
            Fixtures.td(64, 128, Fixtures.port(8080, 0)),
            Fixtures.td(512, 1024, Fixtures.port(53, 0), Fixtures.port(9000, 9000)),
            Fixtures.awsvpc(256, 512));

    private static final List<List<PlacementStrategy>> STRATEGIES = List.of(
            List.of(),
            List.of(Fixtures.spread("attribute:ecs.availability-zone"), Fixtures.binpack("memory")),
            List.of(Fixtures.spread("instanceId")),
            List.of(Fixtures.binpack("cpu")),
            List.of(Fixtures.strategy(io.github.berth.core.model.PlacementStrategyType.RANDOM, null)),
            List.of(Fixtures.spread("attribute:stack"), Fixtures.spread("instanceId")));

    private static final List<List<PlacementConstraint>> CONSTRAINTS = List.of(
            List.of(),
            List.of(),
            List.of(Fixtures.distinctInstance()),
            List.of(Fixtures.memberOf("attribute:stack == blue")),
            List.of(Fixtures.memberOf("task:group == g1")),
            List.of(Fixtures.memberOf("runningTasksCount < 3")),
            List.of(Fixtures.memberOf("not(task:group =~ g*)")));

    @Test
    void liveStateAnswersAsASnapshotRebuiltAfterEveryChange() {
        int placements = 0;
        for (long seed = 1; seed <= 25; seed++) {
            placements += new Run(seed).steps(150);
        }
        // The sequences did place tasks (not only refusals and failures).
        assertEquals(true, placements > 1000, "tasks placed: " + placements);
    }

    @Test
    void aTaskWithAnInvalidCpuOnAnInstanceIsRefusedAndChangesNothing() {
        LiveCluster live = new LiveCluster();
        live.putInstance(Fixtures.instance("a", "m5.large", "us-east-1a").build());
        Task bad = Fixtures.task("a", "g1").toBuilder()
                .taskArn("arn:task/bad")
                .cpu("lots")
                .build();
        EcsException e = assertThrows(EcsException.class, () -> live.putTask(bad));
        assertEquals("tasks[0].cpu is not a valid cpu value: 'lots'", e.getMessage());
        PlacementRequest request = PlacementRequest.builder(Fixtures.td(128, 128))
                .count(1)
                .placementConstraints(List.of(Fixtures.memberOf("task:group == g1")))
                .build();
        assertEquals(
                List.of("MemberOf placement constraint unsatisfied"),
                failureReasons(PlacementEngine.place(live, request)));
    }

    @Test
    void aReleaseGivesBackWhatAReserveTook() {
        LiveCluster live = new LiveCluster();
        live.putInstance(
                Fixtures.instance("a", "m5.large", "us-east-1a", 1024, 1024).build());
        PlacementRequest big =
                PlacementRequest.builder(Fixtures.td(1024, 512)).count(1).build();
        assertEquals(List.of(), failureReasons(PlacementEngine.place(live, big)));
        live.reserve(Fixtures.arn("a"), 512, 256, 0, new int[] {80}, new int[0]);
        assertEquals(List.of("RESOURCE:CPU"), failureReasons(PlacementEngine.place(live, big)));
        PlacementRequest port80 = PlacementRequest.builder(Fixtures.td(10, 10, Fixtures.port(80, 80)))
                .count(1)
                .build();
        assertEquals(List.of("RESOURCE:PORTS"), failureReasons(PlacementEngine.place(live, port80)));
        live.release(Fixtures.arn("a"), 512, 256, 0, new int[] {80}, new int[0]);
        assertEquals(List.of(), failureReasons(PlacementEngine.place(live, big)));
        assertEquals(List.of(), failureReasons(PlacementEngine.place(live, port80)));
    }

    @Test
    void reservingOnAnUnknownInstanceIsRefused() {
        LiveCluster live = new LiveCluster();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> live.reserve("arn:nowhere", 1, 1, 0, new int[0], new int[0]));
        assertEquals("no container instance arn:nowhere in this cluster", e.getMessage());
    }

    private static List<String> failureReasons(PlacementResult r) {
        List<String> out = new ArrayList<>();
        r.failures().forEach(f -> out.add(f.reason()));
        return out;
    }

    /** One random sequence: the reference (plain lists of values) and the live state, side by side. */
    private static final class Run {
        final SplittableRandom random;
        final LiveCluster live = new LiveCluster();
        final Map<String, ContainerInstance> instances = new LinkedHashMap<>();
        final Map<String, Task> tasks = new LinkedHashMap<>();
        /** What each running task reserved, to give back: instance ARN, cpu, memory, TCP, UDP ports. */
        final Map<String, Object[]> held = new LinkedHashMap<>();

        boolean trunking;
        int nextInstance;
        int nextTask;
        int placed;

        Run(long seed) {
            this.random = new SplittableRandom(seed);
            live.subnet("subnet-extra", "us-east-1b", "vpc-1");
        }

        int steps(int n) {
            for (int s = 0; s < 4; s++) {
                addInstance();
            }
            for (int s = 0; s < n; s++) {
                int op = random.nextInt(100);
                if (op < 10) {
                    addInstance();
                } else if (op < 15) {
                    changeInstance();
                } else if (op < 18) {
                    removeInstance();
                } else if (op < 21) {
                    runningCount();
                } else if (op < 22) {
                    trunking = !trunking;
                    live.awsvpcTrunking(trunking);
                } else if (op < 60) {
                    place(true);
                } else if (op < 70) {
                    place(false);
                } else if (op < 85) {
                    stopOne();
                } else {
                    releaseOne();
                }
            }
            return placed;
        }

        ClusterSnapshot reference() {
            return ClusterSnapshot.builder()
                    .addInstances(instances.values())
                    .addTasks(tasks.values())
                    .awsvpcTrunking(trunking)
                    .subnet("subnet-extra", "us-east-1b", "vpc-1")
                    .build();
        }

        void addInstance() {
            String id = "i" + nextInstance++;
            ContainerInstance.Builder b = Fixtures.instance(
                    id,
                    TYPES[random.nextInt(TYPES.length)],
                    AZS[random.nextInt(AZS.length)],
                    512 + 512 * random.nextInt(4),
                    512 + 1024 * random.nextInt(4));
            if (random.nextInt(4) == 0) {
                // Reports nothing remaining: tasks' own cpu, memory and ports count instead.
                b.remainingResources(List.of());
            }
            if (random.nextInt(3) == 0) {
                b.runningTasksCount(random.nextInt(4));
            }
            List<Attribute> attrs = new ArrayList<>(b.build().attributes());
            if (random.nextBoolean()) {
                attrs.add(attr("stack", random.nextBoolean() ? "blue" : "green"));
            }
            ContainerInstance ci = b.attributes(attrs).build();
            instances.put(ci.containerInstanceArn(), ci);
            live.putInstance(ci);
        }

        String anyInstance() {
            List<String> arns = new ArrayList<>(instances.keySet());
            return arns.isEmpty() ? null : arns.get(random.nextInt(arns.size()));
        }

        void changeInstance() {
            String arn = anyInstance();
            if (arn == null) {
                return;
            }
            ContainerInstance ci = instances.get(arn);
            ContainerInstance changed = switch (random.nextInt(3)) {
                case 0 ->
                    ci.toBuilder()
                            .status(random.nextBoolean() ? "DRAINING" : "ACTIVE")
                            .build();
                case 1 -> ci.toBuilder().agentConnected(random.nextBoolean()).build();
                default -> {
                    List<Attribute> attrs = new ArrayList<>();
                    for (Attribute a : ci.attributes()) {
                        if (!"stack".equals(a.name())) {
                            attrs.add(a);
                        }
                    }
                    attrs.add(attr("stack", random.nextBoolean() ? "blue" : "green"));
                    yield ci.toBuilder().attributes(attrs).build();
                }
            };
            instances.put(arn, changed);
            live.putInstance(changed);
        }

        void removeInstance() {
            String arn = anyInstance();
            if (arn == null || instances.size() < 3) {
                return;
            }
            instances.remove(arn);
            live.removeInstance(arn);
            // Its reservations go with it; its tasks stay (as on no instance), as a deregistered
            // instance's tasks do until they stop.
            held.values().removeIf(h -> h[0].equals(arn));
        }

        void runningCount() {
            String arn = anyInstance();
            if (arn == null) {
                return;
            }
            int n = random.nextInt(5);
            instances.put(
                    arn, instances.get(arn).toBuilder().runningTasksCount(n).build());
            live.runningTasksCount(arn, n);
        }

        void place(boolean keep) {
            TaskDefinition td = DEFINITIONS.get(random.nextInt(DEFINITIONS.size()));
            boolean awsvpc = td.networkMode() != null;
            PlacementRequest.Builder rb = PlacementRequest.builder(td)
                    .count(1 + random.nextInt(10))
                    .group(GROUPS[random.nextInt(GROUPS.length)])
                    .placementStrategy(STRATEGIES.get(random.nextInt(STRATEGIES.size())))
                    .placementConstraints(CONSTRAINTS.get(random.nextInt(CONSTRAINTS.size())))
                    .seed(random.nextLong());
            if (awsvpc) {
                rb.networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(List.of("subnet-us-east-1a", "subnet-extra"))
                                .build())
                        .build());
            }
            PlacementRequest request = rb.build();
            PlacementResult expected;
            try {
                expected = PlacementEngine.place(reference(), request);
            } catch (EcsException e) {
                EcsException actual = assertThrows(EcsException.class, () -> PlacementEngine.place(live, request));
                assertEquals(e.getClass(), actual.getClass());
                assertEquals(e.getMessage(), actual.getMessage());
                return;
            }
            PlacementResult actual = PlacementEngine.place(live, request);
            assertEquals(expected.placements(), actual.placements(), "placements of " + request);
            assertEquals(expected.failures(), actual.failures());
            assertEquals(expected.explain(), actual.explain());
            assertEquals(
                    reference().filter("attribute:stack == blue or runningTasksCount > 1"),
                    live.filter("attribute:stack == blue or runningTasksCount > 1"));
            if (!keep) {
                return;
            }
            TaskRequirements req = TaskRequirements.of(td, null);
            for (TaskPlacement p : actual.placements()) {
                String taskArn = "arn:aws:ecs:us-east-1:123456789012:task/test/t" + nextTask++;
                List<Container> containers = new ArrayList<>();
                List<Integer> tcp = new ArrayList<>();
                List<Integer> udp = new ArrayList<>();
                for (TaskPlacement.ContainerBindings cb : p.containers()) {
                    containers.add(Container.builder()
                            .name(cb.containerName())
                            .networkBindings(cb.networkBindings())
                            .build());
                    for (NetworkBinding nb : cb.networkBindings()) {
                        if (nb.hostPort() != null && nb.hostPort() > 0) {
                            (TransportProtocol.UDP.equals(nb.protocol()) ? udp : tcp).add(nb.hostPort());
                        }
                    }
                }
                Task.Builder tb = Task.builder()
                        .taskArn(taskArn)
                        .containerInstanceArn(p.containerInstanceArn())
                        .group(p.group())
                        .desiredStatus("RUNNING")
                        .lastStatus("PENDING")
                        .cpu(String.valueOf(req.cpu))
                        .memory(String.valueOf(req.memory))
                        .availabilityZone(p.availabilityZone())
                        .containers(containers);
                if (awsvpc) {
                    tb.attachments(List.of(Attachment.builder()
                            .type("ElasticNetworkInterface")
                            .status("ATTACHED")
                            .build()));
                }
                Task t = tb.build();
                tasks.put(taskArn, t);
                live.putTask(t);
                int[] tcpPorts = tcp.stream().mapToInt(Integer::intValue).toArray();
                int[] udpPorts = udp.stream().mapToInt(Integer::intValue).toArray();
                reserve(p.containerInstanceArn(), req.cpu, req.memory, tcpPorts, udpPorts, 1);
                live.reserve(p.containerInstanceArn(), req.cpu, req.memory, 0, tcpPorts, udpPorts);
                held.put(taskArn, new Object[] {p.containerInstanceArn(), req.cpu, req.memory, tcpPorts, udpPorts});
                placed++;
            }
        }

        /** The reference's instance value with what it reports moved, as describe-container-instances would show. */
        void reserve(String arn, int cpu, int memory, int[] tcp, int[] udp, int sign) {
            ContainerInstance ci = instances.get(arn);
            List<Resource> remaining = new ArrayList<>();
            for (Resource r : ci.remainingResources()) {
                switch (r.name()) {
                    case "CPU" ->
                        remaining.add(r.toBuilder()
                                .integerValue(r.integerValue() - sign * cpu)
                                .build());
                    case "MEMORY" ->
                        remaining.add(r.toBuilder()
                                .integerValue(r.integerValue() - sign * memory)
                                .build());
                    case "PORTS" ->
                        remaining.add(r.toBuilder()
                                .stringSetValue(ports(r.stringSetValue(), tcp, sign))
                                .build());
                    case "PORTS_UDP" ->
                        remaining.add(r.toBuilder()
                                .stringSetValue(ports(r.stringSetValue(), udp, sign))
                                .build());
                    default -> remaining.add(r);
                }
            }
            instances.put(arn, ci.toBuilder().remainingResources(remaining).build());
        }

        static List<String> ports(List<String> listed, int[] ports, int sign) {
            List<String> out = new ArrayList<>(listed);
            for (int p : ports) {
                if (sign > 0) {
                    out.add(String.valueOf(p));
                } else {
                    out.remove(String.valueOf(p));
                }
            }
            return out;
        }

        String anyTask() {
            List<String> arns = new ArrayList<>(tasks.keySet());
            return arns.isEmpty() ? null : arns.get(random.nextInt(arns.size()));
        }

        /** Desired status STOPPED: groups and spread stop counting it; what it holds stays until released. */
        void stopOne() {
            String arn = anyTask();
            if (arn == null) {
                return;
            }
            Task stopped = tasks.get(arn).toBuilder().desiredStatus("STOPPED").build();
            tasks.put(arn, stopped);
            live.putTask(stopped);
        }

        /** The task reached STOPPED: it gives back what it held and leaves. */
        void releaseOne() {
            String arn = anyTask();
            if (arn == null) {
                return;
            }
            tasks.remove(arn);
            live.removeTask(arn);
            Object[] h = held.remove(arn);
            if (h != null) {
                String instance = (String) h[0];
                reserve(instance, (int) h[1], (int) h[2], (int[]) h[3], (int[]) h[4], -1);
                live.release(instance, (int) h[1], (int) h[2], 0, (int[]) h[3], (int[]) h[4]);
            }
        }
    }
}
