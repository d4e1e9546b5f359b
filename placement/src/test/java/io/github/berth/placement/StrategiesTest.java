package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.arn;
import static io.github.berth.placement.Fixtures.binpack;
import static io.github.berth.placement.Fixtures.distinctInstance;
import static io.github.berth.placement.Fixtures.instance;
import static io.github.berth.placement.Fixtures.memberOf;
import static io.github.berth.placement.Fixtures.spread;
import static io.github.berth.placement.Fixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TaskDefinitionPlacementConstraintType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Strategies, constraints, defaults and determinism. */
class StrategiesTest {

    /** Six instances over three AZs; instance i has (i+1) x 512 MiB free. */
    private static ClusterSnapshot sixInstances() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder();
        String[] azs = {"us-east-1a", "us-east-1b", "us-east-1c"};
        for (int i = 0; i < 6; i++) {
            b.addInstance(instance("i" + i, i % 2 == 0 ? "m5.large" : "c5.large", azs[i % 3], 4096, 512 * (i + 1))
                    .build());
        }
        return b.build();
    }

    private static PlacementResult place(
            ClusterSnapshot s, TaskDefinition td, int count, PlacementStrategy... strategies) {
        return PlacementEngine.place(
                s,
                PlacementRequest.builder(td)
                        .count(count)
                        .placementStrategy(List.of(strategies))
                        .build());
    }

    private static Map<String, Long> countBy(PlacementResult r, Function<TaskPlacement, String> key) {
        return r.placements().stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    @Test
    void binpackMemoryFillsTheInstanceWithLeastMemoryFirst() {
        PlacementResult r = place(sixInstances(), td(10, 256), 4, binpack("memory"));
        // i0 has 512: two tasks; then i1 (1024): next two.
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("i0"), arn("i0"), arn("i1"), arn("i1"));
    }

    @Test
    void binpackCpu() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(
                        instance("big", "m5.large", "us-east-1a", 4096, 4096).build())
                .addInstance(
                        instance("small", "m5.large", "us-east-1a", 1024, 4096).build())
                .build();
        PlacementResult r = place(s, td(512, 10), 3, binpack("cpu"));
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("small"), arn("small"), arn("big"));
    }

    @Test
    void spreadInstanceIdSpreadsEvenly() {
        PlacementResult r = place(sixInstances(), td(10, 10), 10, spread("instanceId"));
        assertThat(countBy(r, TaskPlacement::containerInstanceArn).values())
                .containsOnly(1L, 2L)
                .hasSize(6);
        assertThat(place(sixInstances(), td(10, 10), 10, spread("host")).placements())
                .isEqualTo(r.placements());
    }

    @Test
    void spreadAzThenBinpackMemory() {
        PlacementResult r =
                place(sixInstances(), td(10, 256), 6, spread("attribute:ecs.availability-zone"), binpack("memory"));
        assertThat(countBy(r, TaskPlacement::availabilityZone).values()).containsOnly(2L);
        // In each AZ the instance with the least memory takes both: i0 (a), i1 (b), i2 (c).
        assertThat(countBy(r, TaskPlacement::containerInstanceArn)).containsOnlyKeys(arn("i0"), arn("i1"), arn("i2"));
    }

    @Test
    void spreadCountsTasksAlreadyRunningInTheGroup() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder();
        b.addInstance(instance("a", "m5.large", "us-east-1a").build());
        b.addInstance(instance("b", "m5.large", "us-east-1b").build());
        b.addTask(Fixtures.task("a", "family:web"));
        b.addTask(Fixtures.task("a", "family:web"));
        b.addTask(Fixtures.task("b", "other"));
        PlacementResult r = place(b.build(), td(10, 10), 2, spread("attribute:ecs.availability-zone"));
        // us-east-1a already runs two tasks of the group; the other group's task does not count.
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("b"), arn("b"));
    }

    @Test
    void spreadOnAnAttributeSomeInstancesLackTreatsMissingAsABucket() {
        ClusterSnapshot.Builder b = ClusterSnapshot.builder();
        ContainerInstance.Builder tagged = instance("t", "m5.large", "us-east-1a");
        List<io.github.berth.core.model.Attribute> attrs =
                new ArrayList<>(tagged.build().attributes());
        attrs.add(Fixtures.attr("rack", "r1"));
        b.addInstance(tagged.attributes(attrs).build());
        b.addInstance(instance("u1", "m5.large", "us-east-1a").build());
        b.addInstance(instance("u2", "m5.large", "us-east-1a").build());
        PlacementResult r = place(b.build(), td(10, 10), 4, spread("attribute:rack"));
        assertThat(countBy(r, TaskPlacement::containerInstanceArn).get(arn("t")))
                .isEqualTo(2L);
    }

    @Test
    void randomIsDeterministicPerSeedAndDrawsPerTask() {
        ClusterSnapshot s = sixInstances();
        PlacementRequest.Builder req = PlacementRequest.builder(td(10, 10))
                .count(10)
                .addPlacementStrategy(PlacementStrategy.builder()
                        .type(PlacementStrategyType.RANDOM)
                        .build());
        PlacementResult a = PlacementEngine.place(s, req.seed(7).build());
        assertThat(PlacementEngine.place(s, req.seed(7).build()).placements()).isEqualTo(a.placements());
        assertThat(countBy(a, TaskPlacement::containerInstanceArn)).hasSizeGreaterThan(2);
        boolean anyDifferent = false;
        for (long seed = 8; seed < 12; seed++) {
            anyDifferent |= !PlacementEngine.place(s, req.seed(seed).build())
                    .placements()
                    .equals(a.placements());
        }
        assertThat(anyDifferent).isTrue();
    }

    @Test
    void runTaskDefaultIsRandom() {
        ClusterSnapshot s = sixInstances();
        PlacementResult def = PlacementEngine.place(
                s, PlacementRequest.builder(td(10, 10)).count(10).seed(3).build());
        PlacementResult random = PlacementEngine.place(
                s,
                PlacementRequest.builder(td(10, 10))
                        .count(10)
                        .seed(3)
                        .addPlacementStrategy(PlacementStrategy.builder()
                                .type(PlacementStrategyType.RANDOM)
                                .build())
                        .build());
        assertThat(def.placements()).isEqualTo(random.placements());
    }

    @Test
    void serviceDefaultSpreadsOverAzsThenInstances() {
        ClusterSnapshot s = sixInstances();
        PlacementResult def = PlacementEngine.place(
                s, PlacementRequest.builder(td(10, 10)).service("web").count(12).build());
        assertThat(countBy(def, TaskPlacement::availabilityZone).values()).containsOnly(4L);
        assertThat(countBy(def, TaskPlacement::containerInstanceArn).values()).containsOnly(2L);
        assertThat(def.placements()).allSatisfy(p -> assertThat(p.group()).isEqualTo("service:web"));
        PlacementResult explicit = PlacementEngine.place(
                s,
                PlacementRequest.builder(td(10, 10))
                        .service("web")
                        .count(12)
                        .addPlacementStrategy(spread("attribute:ecs.availability-zone"))
                        .addPlacementStrategy(spread("instanceId"))
                        .build());
        assertThat(def.placements()).isEqualTo(explicit.placements());
    }

    @Test
    void distinctInstancePlacesOnePerInstance() {
        PlacementResult r = PlacementEngine.place(
                sixInstances(),
                PlacementRequest.builder(td(10, 10))
                        .count(8)
                        .addPlacementConstraint(distinctInstance())
                        .build());
        assertThat(r.placements()).hasSize(6);
        assertThat(countBy(r, TaskPlacement::containerInstanceArn).values()).containsOnly(1L);
        assertThat(r.failures())
                .extracting(Failure::reason)
                .containsExactly(
                        "DistinctInstance placement constraint unsatisfied",
                        "DistinctInstance placement constraint unsatisfied");
    }

    @Test
    void distinctInstanceCountsTheGroupsRunningTasksButNotStoppingOnes() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a").build())
                .addInstance(instance("b", "m5.large", "us-east-1a").build())
                .addTask(Fixtures.task("a", "family:web"))
                .addTask(Fixtures.task("b", "family:web").toBuilder()
                        .desiredStatus("STOPPED")
                        .build())
                .build();
        PlacementResult r = PlacementEngine.place(
                s,
                PlacementRequest.builder(td(10, 10))
                        .count(2)
                        .addPlacementConstraint(distinctInstance())
                        .build());
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("b"));
    }

    @Test
    void memberOfRestrictsTheCandidates() {
        PlacementResult r = PlacementEngine.place(
                sixInstances(),
                PlacementRequest.builder(td(10, 10))
                        .count(6)
                        .addPlacementConstraint(memberOf("attribute:ecs.instance-type =~ c5.*"))
                        .build());
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsOnly(arn("i1"), arn("i3"), arn("i5"));
        PlacementResult none = PlacementEngine.place(
                sixInstances(),
                PlacementRequest.builder(td(10, 10))
                        .addPlacementConstraint(memberOf("attribute:ecs.instance-type == t2.small"))
                        .build());
        assertThat(none.failures())
                .containsExactly(Failure.builder()
                        .arn(arn("i0"))
                        .reason("MemberOf placement constraint unsatisfied")
                        .build());
        assertThat(none.explain())
                .containsExactly("task 1 (EC2): 6 instances: 6 MemberOf placement constraint "
                        + "unsatisfied; reported MemberOf placement constraint unsatisfied on " + arn("i0"));
    }

    @Test
    void memberOfFromTheTaskDefinitionToo() {
        TaskDefinition pinned = td(10, 10).toBuilder()
                .placementConstraints(List.of(TaskDefinitionPlacementConstraint.builder()
                        .type(TaskDefinitionPlacementConstraintType.MEMBER_OF)
                        .expression("attribute:ecs.availability-zone == us-east-1b")
                        .build()))
                .build();
        PlacementResult r = PlacementEngine.place(
                sixInstances(), PlacementRequest.builder(pinned).count(4).build());
        assertThat(r.placements()).extracting(TaskPlacement::availabilityZone).containsOnly("us-east-1b");
    }

    @Test
    void memberOfOnTasksSeesTasksPlacedEarlierInTheRequest() {
        PlacementResult r = PlacementEngine.place(
                sixInstances(),
                PlacementRequest.builder(td(10, 10))
                        .count(8)
                        .addPlacementConstraint(memberOf("runningTasksCount == 0"))
                        .build());
        assertThat(r.placements()).hasSize(6);
        assertThat(r.failures()).hasSize(2);
        PlacementResult affinity = PlacementEngine.place(
                sixInstances(),
                PlacementRequest.builder(td(10, 10))
                        .count(3)
                        .addPlacementConstraint(memberOf("not(task:group == family:web)"))
                        .build());
        assertThat(countBy(affinity, TaskPlacement::containerInstanceArn).values())
                .containsOnly(1L);
    }

    @Test
    void memberOfAndResourcesTogetherExplainPerReason() {
        PlacementResult r = PlacementEngine.place(
                sixInstances(),
                PlacementRequest.builder(td(10, 2000))
                        .count(1)
                        .addPlacementConstraint(memberOf("attribute:ecs.instance-type == m5.large"))
                        .build());
        // i0 (512), i1 (1024 c5), i2 (1536) lack memory; i3 (c5) and i5 (c5) fail memberOf; i4 (2560, m5) fits.
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("i4"));
        PlacementResult none = PlacementEngine.place(
                sixInstances(),
                PlacementRequest.builder(td(10, 3000))
                        .count(1)
                        .addPlacementConstraint(memberOf("attribute:ecs.instance-type == m5.large"))
                        .build());
        assertThat(none.explain())
                .containsExactly("task 1 (EC2): 6 instances: 5 RESOURCE:MEMORY, 1 MemberOf placement "
                        + "constraint unsatisfied; reported MemberOf placement constraint unsatisfied on " + arn("i5"));
    }

    @Test
    void strategiesApplyInOrderEachBreakingTheTiesOfTheOneBefore() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a", 4096, 1000).build())
                .addInstance(instance("b", "m5.large", "us-east-1a", 1000, 1000).build())
                .addInstance(instance("c", "m5.large", "us-east-1a", 1000, 4000).build())
                .build();
        assertThat(place(s, td(10, 10), 1, binpack("memory"), binpack("cpu"))
                        .placements()
                        .get(0)
                        .containerInstanceArn())
                .isEqualTo(arn("b"));
        assertThat(place(s, td(10, 10), 1, binpack("cpu"), binpack("memory"))
                        .placements()
                        .get(0)
                        .containerInstanceArn())
                .isEqualTo(arn("b"));
        assertThat(place(s, td(10, 10), 1, binpack("memory"))
                        .placements()
                        .get(0)
                        .containerInstanceArn())
                .isIn(arn("a"), arn("b"));
    }

    @Test
    void safeFromManyThreads() throws Exception {
        ClusterSnapshot s = sixInstances();
        PlacementRequest req = PlacementRequest.builder(td(10, 10))
                .service("svc")
                .count(40)
                .seed(5)
                .build();
        PlacementResult expected = PlacementEngine.place(s, req);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PlacementResult>> futures = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                futures.add(pool.submit(() -> PlacementEngine.place(s, req)));
            }
            for (Future<PlacementResult> f : futures) {
                assertThat(f.get().placements()).isEqualTo(expected.placements());
            }
        } finally {
            pool.shutdown();
        }
    }
}
