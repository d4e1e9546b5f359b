package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.TaskPlacement;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.Expression;
import io.github.berth.testkit.generators.internal.PlacementScenarios;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The properties of placement: the engine equals the exhaustive reference, and ECS's invariants hold. */
class PlacementPropertiesTest {

    private static ClusterSnapshot snapshot(ClusterState c) {
        return ClusterSnapshot.of(c.containerInstances(), c.tasks());
    }

    @Test
    void engineEqualsTheReference() {
        Property.forAll(PlacementGen.cases()).tries(300).check(c -> {
            PlacementResult engine = PlacementEngine.place(snapshot(c.cluster()), c.request());
            ReferencePlacer.Result reference = new ReferencePlacer(
                            c.cluster().containerInstances(), c.cluster().tasks(), false)
                    .place(c.request());
            assertThat(BenchmarkScenariosMatchReferenceTest.asReference(engine)).isEqualTo(reference);
        });
    }

    /** What one task of the request reserves (docs/placement.md#what-a-task-reserves), computed here on its own. */
    private record Need(int cpu, int memory, int gpus) {
        static Need of(TaskDefinition td) {
            int cpu = 0;
            int memory = 0;
            int gpus = 0;
            for (ContainerDefinition c : td.containerDefinitions()) {
                cpu += c.cpu() == null ? 0 : c.cpu();
                memory += c.memoryReservation() != null ? c.memoryReservation() : c.memory() == null ? 0 : c.memory();
                for (ResourceRequirement r :
                        c.resourceRequirements() == null ? List.<ResourceRequirement>of() : c.resourceRequirements()) {
                    if (ResourceType.GPU.equals(r.type())) {
                        gpus += Integer.parseInt(r.value());
                    }
                }
            }
            if (td.cpu() != null) {
                cpu = Integer.parseInt(td.cpu());
            }
            if (td.memory() != null) {
                memory = Integer.parseInt(td.memory());
            }
            return new Need(cpu, memory, gpus);
        }
    }

    private static int resource(ContainerInstance ci, String name) {
        return ci.remainingResources().stream()
                .filter(r -> name.equals(r.name()))
                .findFirst()
                .map(Resource::integerValue)
                .orElseThrow();
    }

    private static String attribute(ContainerInstance ci, String name) {
        return ci.attributes().stream()
                .filter(a -> name.equals(a.name()))
                .findFirst()
                .map(a -> a.value() == null ? "" : a.value())
                .orElse(null);
    }

    @Test
    void noInstanceIsOverCommitted() {
        Property.forAll(PlacementGen.cases()).tries(200).check(c -> {
            PlacementResult r = PlacementEngine.place(snapshot(c.cluster()), c.request());
            Need need = Need.of(c.request().taskDefinition());
            boolean awsvpc =
                    NetworkMode.AWSVPC.equals(c.request().taskDefinition().networkMode());
            Map<String, Integer> placedOn = new HashMap<>();
            r.placements().forEach(p -> placedOn.merge(p.containerInstanceArn(), 1, Integer::sum));
            for (ContainerInstance ci : c.cluster().containerInstances()) {
                int k = placedOn.getOrDefault(ci.containerInstanceArn(), 0);
                if (k == 0) {
                    continue;
                }
                assertThat(k * need.cpu())
                        .as("CPU of %s", ci.containerInstanceArn())
                        .isLessThanOrEqualTo(resource(ci, "CPU"));
                assertThat(k * need.memory()).as("memory").isLessThanOrEqualTo(resource(ci, "MEMORY"));
                List<Task> on = c.cluster().tasksOn(ci).stream()
                        .filter(t -> !"STOPPED".equals(t.desiredStatus()))
                        .toList();
                int gpusUsed = on.stream()
                        .flatMap(t -> t.containers().stream())
                        .mapToInt(x -> x.gpuIds() == null ? 0 : x.gpuIds().size())
                        .sum();
                String type = attribute(ci, "ecs.instance-type");
                int gpus = InstanceTypes.find(type).orElseThrow().gpus();
                assertThat(gpusUsed + k * need.gpus()).as("GPUs").isLessThanOrEqualTo(gpus);
                if (awsvpc) {
                    long enis = on.stream()
                            .filter(t -> t.attachments() != null
                                    && t.attachments().stream()
                                            .anyMatch(a -> "ElasticNetworkInterface".equals(a.type())))
                            .count();
                    int limit = InstanceTypes.find(type)
                            .orElseThrow()
                            .awsvpcTaskLimit(attribute(ci, "ecs.awsvpc-trunk-id") != null);
                    assertThat(enis + k).as("ENIs").isLessThanOrEqualTo(limit);
                }
            }
        });
    }

    @Test
    void noHostPortIsBoundTwiceOnAnInstance() {
        Property.forAll(PlacementGen.cases()).tries(200).check(c -> {
            PlacementResult r = PlacementEngine.place(snapshot(c.cluster()), c.request());
            Map<String, Set<String>> bound = new HashMap<>();
            for (ContainerInstance ci : c.cluster().containerInstances()) {
                Set<String> ports = new HashSet<>();
                for (Resource res : ci.remainingResources()) {
                    if (res.stringSetValue() != null && res.name().startsWith("PORTS")) {
                        res.stringSetValue()
                                .forEach(p -> ports.add((res.name().equals("PORTS") ? "tcp/" : "udp/") + p));
                    }
                }
                for (Task t : c.cluster().tasksOn(ci)) {
                    for (Container x : t.containers()) {
                        for (NetworkBinding b :
                                x.networkBindings() == null ? List.<NetworkBinding>of() : x.networkBindings()) {
                            if (b.hostPort() != null && b.hostPort() > 0) {
                                ports.add(protocol(b) + b.hostPort());
                            }
                        }
                    }
                }
                bound.put(ci.containerInstanceArn(), ports);
            }
            for (TaskPlacement p : r.placements()) {
                Set<String> ports = bound.get(p.containerInstanceArn());
                for (TaskPlacement.ContainerBindings x : p.containers()) {
                    for (NetworkBinding b : x.networkBindings()) {
                        List<Integer> hostPorts = new ArrayList<>();
                        if (b.hostPortRange() != null) {
                            String[] ends = b.hostPortRange().split("-");
                            for (int q = Integer.parseInt(ends[0]); q <= Integer.parseInt(ends[1]); q++) {
                                hostPorts.add(q);
                            }
                        } else {
                            hostPorts.add(b.hostPort());
                        }
                        for (int q : hostPorts) {
                            assertThat(ports.add(protocol(b) + q))
                                    .as("%s%d bound twice on %s", protocol(b), q, p.containerInstanceArn())
                                    .isTrue();
                        }
                    }
                }
            }
        });
    }

    private static String protocol(NetworkBinding b) {
        return TransportProtocol.UDP.equals(b.protocol()) ? "udp/" : "tcp/";
    }

    @Test
    void constraintsHold() {
        Property.forAll(PlacementGen.cases()).tries(200).check(c -> {
            ClusterSnapshot snapshot = snapshot(c.cluster());
            PlacementResult r = PlacementEngine.place(snapshot, c.request());
            String group = c.request().effectiveGroup();
            Map<String, Integer> before = new HashMap<>();
            for (Task t : c.cluster().tasks()) {
                if (!"STOPPED".equals(t.desiredStatus()) && group.equals(t.group())) {
                    before.merge(t.containerInstanceArn(), 1, Integer::sum);
                }
            }
            boolean distinct = c.request().placementConstraints().stream()
                    .anyMatch(x -> PlacementConstraintType.DISTINCT_INSTANCE.equals(x.type()));
            Map<String, Integer> placedOn = new HashMap<>();
            for (TaskPlacement p : r.placements()) {
                int now = placedOn.merge(p.containerInstanceArn(), 1, Integer::sum);
                if (distinct) {
                    assertThat(now + before.getOrDefault(p.containerInstanceArn(), 0))
                            .as("distinctInstance")
                            .isEqualTo(1);
                }
            }
            List<String> expressions = new ArrayList<>();
            c.request().placementConstraints().stream()
                    .filter(x -> x.expression() != null)
                    .forEach(x -> expressions.add(x.expression()));
            if (c.request().taskDefinition().placementConstraints() != null) {
                c.request().taskDefinition().placementConstraints().forEach(x -> expressions.add(x.expression()));
            }
            for (String text : expressions) {
                Expression e = ClusterQuery.parse(text);
                if (e.dependsOnTasks()) {
                    continue; // those see the tasks placed before them: the reference property covers them
                }
                IntPredicate holds = ClusterQuery.matcher(e, snapshot.queryTarget());
                List<String> arns = snapshot.containerInstanceArns();
                for (TaskPlacement p : r.placements()) {
                    assertThat(holds.test(arns.indexOf(p.containerInstanceArn())))
                            .as("memberOf(%s) on %s", text, p.containerInstanceArn())
                            .isTrue();
                }
            }
        });
    }

    @Test
    void spreadOnlyWithRoomEverywhereIsEvenToOne() {
        Gen<Integer> sizes = Gen.integers(1, 40);
        Gen<String> fields =
                Gen.elements("instanceId", "host", "attribute:ecs.availability-zone", "attribute:ecs.instance-type");
        // Only spread strategies, one to three: the first one's buckets end within one of each other.
        Property.forAll(sizes, Gen.lists(fields, 1, 3), Gen.longs(0, Long.MAX_VALUE))
                .tries(100)
                .check((n, spreads, seed) -> {
                    String field = spreads.get(0);
                    ClusterSnapshot cluster = PlacementScenarios.cluster(n, seed, false);
                    List<ContainerInstance> instances = PlacementScenarios.instances(n, seed);
                    int count = 1 + (int) (Math.floorMod(seed, 3L * n));
                    // A task of 1 CPU unit and 1 MiB without ports: every instance has room for all of them.
                    TaskDefinition tiny = TaskDefinition.builder()
                            .family("tiny")
                            .addContainerDefinitions(ContainerDefinition.builder()
                                    .name("c")
                                    .image("busybox")
                                    .cpu(1)
                                    .memory(1)
                                    .build())
                            .build();
                    List<PlacementStrategy> strategies = spreads.stream()
                            .map(f -> PlacementStrategy.builder()
                                    .type(PlacementStrategyType.SPREAD)
                                    .field(f)
                                    .build())
                            .toList();
                    PlacementRequest request = PlacementRequest.builder(tiny)
                            .service("even")
                            .count(count)
                            .placementStrategy(strategies)
                            .seed(seed)
                            .build();
                    PlacementResult r = PlacementEngine.place(cluster, request);
                    assertThat(r.allPlaced()).isTrue();
                    Map<String, String> bucketOf = new HashMap<>();
                    Map<String, Integer> perBucket = new HashMap<>();
                    for (ContainerInstance ci : instances) {
                        String bucket = field.startsWith("attribute:")
                                ? attribute(ci, field.substring("attribute:".length()))
                                : ci.containerInstanceArn();
                        bucketOf.put(ci.containerInstanceArn(), bucket);
                        perBucket.put(bucket, 0);
                    }
                    r.placements()
                            .forEach(p -> perBucket.merge(bucketOf.get(p.containerInstanceArn()), 1, Integer::sum));
                    int max = perBucket.values().stream()
                            .mapToInt(Integer::intValue)
                            .max()
                            .orElseThrow();
                    int min = perBucket.values().stream()
                            .mapToInt(Integer::intValue)
                            .min()
                            .orElseThrow();
                    assertThat(max - min).as("tasks per bucket %s", perBucket).isLessThanOrEqualTo(1);
                });
    }

    @Test
    void binpackPicksAnInstanceWithTheLeastRemainingAmongTheFeasible() {
        Property.forAll(PlacementGen.cases()).tries(150).check(c -> {
            ClusterSnapshot snapshot = snapshot(c.cluster());
            for (String field : List.of("memory", "cpu")) {
                PlacementRequest one = c.request().toBuilder()
                        .count(1)
                        .placementStrategy(List.of(PlacementStrategy.builder()
                                .type(PlacementStrategyType.BINPACK)
                                .field(field)
                                .build()))
                        .build();
                PlacementResult r = PlacementEngine.place(snapshot, one);
                if (!r.allPlaced()) {
                    continue;
                }
                String chosen = r.placements().get(0).containerInstanceArn();
                String resource = field.equals("cpu") ? "CPU" : "MEMORY";
                int chosenLeft = c.cluster().containerInstances().stream()
                        .filter(ci -> ci.containerInstanceArn().equals(chosen))
                        .mapToInt(ci -> resource(ci, resource))
                        .sum();
                for (ContainerInstance other : c.cluster().containerInstances()) {
                    if (resource(other, resource) >= chosenLeft || other.ec2InstanceId() == null) {
                        continue;
                    }
                    // An instance with less left must not have been able to take the task.
                    PlacementRequest pinned = one.toBuilder()
                            .addPlacementConstraint(PlacementConstraint.builder()
                                    .type(PlacementConstraintType.MEMBER_OF)
                                    .expression("ec2InstanceId == '" + other.ec2InstanceId() + "'")
                                    .build())
                            .build();
                    assertThat(PlacementEngine.place(snapshot, pinned).allPlaced())
                            .as("%s has less %s left than %s and fits", other.containerInstanceArn(), field, chosen)
                            .isFalse();
                }
            }
        });
    }

    /**
     * The properties above check something only when their case comes up (tasks placed, a GPU asked
     * for, a static host port, a distinctInstance or memberOf constraint, a binpack choice with a
     * smaller instance to compare): this counts how often the generator gives each, so that a change
     * to it cannot make them vacuous unnoticed. The floors are about a third of what 300 cases give.
     */
    @Test
    void theGeneratedCasesExerciseEveryProperty() {
        Map<String, Integer> seen = new HashMap<>();
        for (PlacementGen.PlacementCase c : PlacementGen.cases().samples(42, 300)) {
            ClusterSnapshot snapshot = snapshot(c.cluster());
            PlacementResult r = PlacementEngine.place(snapshot, c.request());
            boolean placed = !r.placements().isEmpty();
            Need need = Need.of(c.request().taskDefinition());
            count(seen, "placed", placed);
            count(seen, "refused", !r.allPlaced());
            count(
                    seen,
                    "awsvpc placed",
                    placed
                            && NetworkMode.AWSVPC.equals(
                                    c.request().taskDefinition().networkMode()));
            count(seen, "GPU placed", placed && need.gpus() > 0);
            count(seen, "GPU refused", r.failures().stream().anyMatch(f -> "RESOURCE:GPU".equals(f.reason())));
            count(
                    seen,
                    "host port bound",
                    r.placements().stream()
                            .flatMap(p -> p.containers().stream())
                            .flatMap(x -> x.networkBindings().stream())
                            .anyMatch(b -> b.hostPort() != null && b.hostPort() > 0));
            count(
                    seen,
                    "distinctInstance placed",
                    placed
                            && c.request().placementConstraints().stream()
                                    .anyMatch(x -> PlacementConstraintType.DISTINCT_INSTANCE.equals(x.type())));
            List<String> expressions = new ArrayList<>();
            c.request().placementConstraints().stream()
                    .filter(x -> x.expression() != null)
                    .forEach(x -> expressions.add(x.expression()));
            if (c.request().taskDefinition().placementConstraints() != null) {
                c.request().taskDefinition().placementConstraints().forEach(x -> expressions.add(x.expression()));
            }
            count(
                    seen,
                    "instance memberOf placed",
                    placed
                            && expressions.stream()
                                    .anyMatch(t -> !ClusterQuery.parse(t).dependsOnTasks()));
            PlacementRequest one = c.request().toBuilder()
                    .count(1)
                    .placementStrategy(List.of(PlacementStrategy.builder()
                            .type(PlacementStrategyType.BINPACK)
                            .field("memory")
                            .build()))
                    .build();
            PlacementResult binpacked = PlacementEngine.place(snapshot, one);
            if (binpacked.allPlaced()) {
                String chosen = binpacked.placements().get(0).containerInstanceArn();
                int left = c.cluster().containerInstances().stream()
                        .filter(ci -> ci.containerInstanceArn().equals(chosen))
                        .mapToInt(ci -> resource(ci, "MEMORY"))
                        .sum();
                count(
                        seen,
                        "binpack with a smaller instance",
                        c.cluster().containerInstances().stream()
                                .anyMatch(ci -> ci.ec2InstanceId() != null && resource(ci, "MEMORY") < left));
            }
        }
        assertThat(seen)
                .as("cases out of 300")
                .containsOnlyKeys(
                        "placed",
                        "refused",
                        "awsvpc placed",
                        "GPU placed",
                        "GPU refused",
                        "host port bound",
                        "distinctInstance placed",
                        "instance memberOf placed",
                        "binpack with a smaller instance");
        Map<String, Integer> floors = Map.of(
                "placed",
                40,
                "refused",
                40,
                "awsvpc placed",
                8,
                "GPU placed",
                4,
                "GPU refused",
                8,
                "host port bound",
                20,
                "distinctInstance placed",
                8,
                "instance memberOf placed",
                5,
                "binpack with a smaller instance",
                8);
        floors.forEach((what, floor) ->
                assertThat(seen.get(what)).as("%s in 300 cases", what).isGreaterThanOrEqualTo(floor));
    }

    private static void count(Map<String, Integer> seen, String what, boolean happened) {
        if (happened) {
            seen.merge(what, 1, Integer::sum);
        }
    }

    @Test
    void printedExpressionsParseBackEqual() {
        Property.forAll(PlacementGen.expressions())
                .tries(500)
                .check(e ->
                        assertThat(ClusterQuery.parse(ClusterQuery.print(e))).isEqualTo(e));
    }

    @Test
    void everySpellingParsesToItsTree() {
        Property.forAll(PlacementGen.expressionTexts())
                .tries(500)
                .check(t ->
                        assertThat(ClusterQuery.parse(t.first())).as(t.first()).isEqualTo(t.second()));
    }
}
