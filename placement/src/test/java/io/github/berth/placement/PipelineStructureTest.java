package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.attr;
import static io.github.berth.placement.Fixtures.container;
import static io.github.berth.placement.Fixtures.distinctInstance;
import static io.github.berth.placement.Fixtures.instance;
import static io.github.berth.placement.Fixtures.memberOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TransportProtocol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the placement pipeline guarantees by its structure rather than by hand-kept order: the
 * filters run in the failure-reason order, each filter declares it reads its own instance only, and
 * each strategy rule's keys stay within the bound that sizes its field of the heap's packed key.
 */
class PipelineStructureTest {

    private static final Path PLACEMENT_DOC = Path.of("..", "docs", "placement.md");

    private static ClusterSnapshot oneInstance() {
        return ClusterSnapshot.builder()
                .subnet("subnet-1", "us-east-1a", "vpc-1")
                .addInstance(instance("a", "p3.2xlarge", "us-east-1a")
                        .attributes(List.of(
                                attr("ecs.availability-zone", "us-east-1a"),
                                attr("ecs.vpc-id", "vpc-1"),
                                attr("team", "blue"),
                                io.github.berth.core.model.Attribute.builder()
                                        .name("ecs.capability.task-eni")
                                        .build()))
                        .build())
                .build();
    }

    private static FilterChain chain(ClusterSnapshot s, PlacementRequest request) {
        PlacementPlan plan = RequestPlanner.plan(s, request);
        return new FilterChain(new PlacementState(s, plan.group()), plan);
    }

    // ------------------------------------------------------------------ filter order

    @Test
    void aBridgeTaskNeedingEveryCheckRunsThemInTheOrderOfTheReasons() {
        TaskDefinition td = TaskDefinition.builder()
                .family("all")
                .requiresAttributes(List.of(attr("team", "blue")))
                .addContainerDefinitions(container("app")
                        .cpu(128)
                        .memory(128)
                        .resourceRequirements(List.of(ResourceRequirement.builder()
                                .type(ResourceType.GPU)
                                .value("1")
                                .build()))
                        .portMappings(List.of(
                                PortMapping.builder()
                                        .containerPort(80)
                                        .hostPort(8080)
                                        .build(),
                                PortMapping.builder()
                                        .containerPort(53)
                                        .hostPort(5353)
                                        .protocol(TransportProtocol.UDP)
                                        .build()))
                        .build())
                .build();
        PlacementRequest request = PlacementRequest.builder(td)
                .addPlacementConstraint(distinctInstance())
                .addPlacementConstraint(memberOf("attribute:team == blue"))
                .build();

        assertThat(chain(oneInstance(), request).reasons())
                .containsExactly(
                        FailureReason.NOT_ACTIVE,
                        FailureReason.AGENT,
                        FailureReason.ATTRIBUTE,
                        FailureReason.CPU,
                        FailureReason.MEMORY,
                        FailureReason.GPU,
                        FailureReason.PORTS,
                        FailureReason.PORTS_UDP,
                        FailureReason.MEMBER_OF,
                        FailureReason.DISTINCT_INSTANCE);
    }

    @Test
    void anAwsvpcTaskRunsItsLocationAndEniChecksInTheirPlaces() {
        TaskDefinition td = TaskDefinition.builder()
                .family("vpc")
                .networkMode(NetworkMode.AWSVPC)
                .addContainerDefinitions(container("app").cpu(128).memory(128).build())
                .build();
        PlacementRequest request = PlacementRequest.builder(td)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(List.of("subnet-1"))
                                .build())
                        .build())
                .build();

        assertThat(chain(oneInstance(), request).reasons())
                .containsExactly(
                        FailureReason.NOT_ACTIVE,
                        FailureReason.AGENT,
                        FailureReason.ATTRIBUTE,
                        FailureReason.LOCATION,
                        FailureReason.CPU,
                        FailureReason.MEMORY,
                        FailureReason.ENI);
    }

    @Test
    void theChainSortsFiltersGivenOutOfOrder() {
        ClusterSnapshot s = oneInstance();
        PlacementState st = new PlacementState(s, "family:x");
        List<InstanceFilter> shuffled = new ArrayList<>(List.of(
                new InstanceFilter.DistinctInstance(st),
                new InstanceFilter.Memory(st, 1),
                new InstanceFilter.Agent(s),
                new InstanceFilter.Eni(st),
                new InstanceFilter.Cpu(st, 1),
                new InstanceFilter.Status(s)));
        Collections.reverse(shuffled);

        assertThat(new FilterChain(st.n, shuffled).reasons())
                .containsExactly(
                        FailureReason.NOT_ACTIVE,
                        FailureReason.AGENT,
                        FailureReason.CPU,
                        FailureReason.MEMORY,
                        FailureReason.ENI,
                        FailureReason.DISTINCT_INSTANCE);
    }

    /** With memory short and a task of the group already there, the instance stops at memory: the earlier reason. */
    @Test
    void anInstanceFailingTwoChecksStopsAtTheEarlierReason() {
        ClusterSnapshot s = oneInstance();
        PlacementState st = new PlacementState(s, "family:x");
        st.groupCount[0] = 1;
        FilterChain chain = new FilterChain(
                st.n, List.of(new InstanceFilter.DistinctInstance(st), new InstanceFilter.Memory(st, 1 << 30)));
        assertThat(chain.stage[0]).isEqualTo((byte) FailureReason.MEMORY.ordinal());

        FilterChain roomButTaken = new FilterChain(
                st.n, List.of(new InstanceFilter.DistinctInstance(st), new InstanceFilter.Memory(st, 1)));
        assertThat(roomButTaken.stage[0]).isEqualTo((byte) FailureReason.DISTINCT_INSTANCE.ordinal());
        st.groupCount[0] = 0;
        assertThat(roomButTaken.recheck(0)).isTrue();
    }

    @Test
    void aFilterThatReadsOtherInstancesIsRefused() {
        ClusterSnapshot s = oneInstance();
        InstanceFilter looksAround = new InstanceFilter() {
            @Override
            public FailureReason reason() {
                return FailureReason.MEMBER_OF;
            }

            @Override
            public boolean accepts(int instance) {
                return true;
            }

            @Override
            public boolean dependsOnlyOnItsInstance() {
                return false;
            }
        };
        assertThatThrownBy(() -> new FilterChain(s.size, List.of(new InstanceFilter.Agent(s), looksAround)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "reads other instances than the one it checks; the chain rechecks only the instance a"
                                + " task went to");
        assertThat(new FilterChain(s.size, List.of(new InstanceFilter.Agent(s))).reasons())
                .containsExactly(FailureReason.AGENT);
    }

    @Test
    void aFilterReportingARequestLevelReasonIsRefused() {
        ClusterSnapshot s = oneInstance();
        InstanceFilter wrongReason = new InstanceFilter() {
            @Override
            public FailureReason reason() {
                return FailureReason.NO_ACTIVE_INSTANCES;
            }

            @Override
            public boolean accepts(int instance) {
                return true;
            }

            @Override
            public boolean dependsOnlyOnItsInstance() {
                return true;
            }
        };
        assertThatThrownBy(() -> new FilterChain(s.size, List.of(wrongReason)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "reports NO_ACTIVE_INSTANCES, a reason of the whole request, not of one instance");
    }

    /**
     * docs/placement.md's pipeline table names the reasons in the order the checks run: the ECS texts
     * in it, in order of first mention, are the per-instance reasons in enum order (the status check
     * reports no text of its own).
     */
    @Test
    void thePipelineTableOfThePlacementDocListsTheReasonsInTheEnumOrder() throws IOException {
        String doc = Files.readString(PLACEMENT_DOC);
        int from = doc.indexOf("## Pipeline order");
        String section = doc.substring(from, doc.indexOf("\n## ", from + 1));
        List<String> mentioned = new ArrayList<>();
        for (String line : section.split("\n")) {
            String[] cells = line.split("\\|");
            if (!line.startsWith("|") || cells.length < 3) {
                continue;
            }
            Matcher m = Pattern.compile("`([^`]+)`").matcher(cells[2]);
            while (m.find()) {
                FailureReason r = FailureReason.fromText(m.group(1));
                if (r != null && r.isPerInstance() && !mentioned.contains(m.group(1))) {
                    mentioned.add(m.group(1));
                }
            }
        }
        assertThat(mentioned)
                .containsExactly(
                        "AGENT",
                        "ATTRIBUTE",
                        "LOCATION",
                        "RESOURCE:CPU",
                        "RESOURCE:MEMORY",
                        "RESOURCE:GPU",
                        "RESOURCE:PORTS",
                        "RESOURCE:PORTS_UDP",
                        "RESOURCE:ENI",
                        "MemberOf placement constraint unsatisfied",
                        "DistinctInstance placement constraint unsatisfied");
        List<String> enumOrder = new ArrayList<>();
        for (FailureReason r : FailureReason.values()) {
            if (r.isPerInstance() && r != FailureReason.NOT_ACTIVE) {
                enumOrder.add(r.text());
            }
        }
        assertThat(enumOrder).isEqualTo(mentioned);
    }

    // ------------------------------------------------------------------ strategy key bounds

    @Test
    void everyStrategyKindDeclaresABoundItsKeysKeep() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a", 1024, 2048).build())
                .addInstance(instance("b", "m5.large", "us-east-1b", 2048, 1024).build())
                .addInstance(instance("c", "m5.large", "us-east-1b", 512, 4096).build())
                .addTask(Fixtures.task("b", "family:web"))
                .build();
        int[] pool = {0, 1, 2};
        int tasks = 4;
        for (StrategySpec.Kind kind : StrategySpec.Kind.values()) {
            PlacementState st = new PlacementState(s, "family:web");
            StrategySpec spec = kind == StrategySpec.Kind.SPREAD_ATTRIBUTE
                    ? StrategySpec.spread("ecs.availability-zone")
                    : StrategySpec.of(kind);
            StrategyRule rule = st.rule(spec, 7);
            long bound = rule.maxKey(pool, tasks);
            if (kind == StrategySpec.Kind.RANDOM) {
                assertThat(bound).as(kind.name()).isEqualTo(StrategyRule.UNBOUNDED);
                continue;
            }
            assertThat(bound).as(kind.name()).isGreaterThanOrEqualTo(0);
            // Place the tasks on instance b (the one that has a task already: the worst case for spread).
            for (int t = 0; t <= tasks; t++) {
                for (int i : pool) {
                    assertThat(rule.key(i, t))
                            .as(kind + " instance " + i + " after " + t + " tasks")
                            .isBetween(0L, bound);
                }
                if (t < tasks) {
                    st.groupCount[1]++;
                    st.cpu[1] -= 128;
                    st.memory[1] -= 128;
                    for (StrategyRule.SpreadAttribute index : st.spreadIndexes()) {
                        index.placed(1);
                    }
                }
            }
        }
    }

    @Test
    void theBoundsAreTheLargestKeys() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a", 1024, 3072).build())
                .addInstance(instance("b", "m5.large", "us-east-1b", 2048, 1024).build())
                .addTask(Fixtures.task("b", "family:web"))
                .addTask(Fixtures.task("b", "family:web"))
                .build();
        PlacementState st = new PlacementState(s, "family:web");
        int[] pool = {0, 1};
        // The remaining amounts the instances report (the fixtures report all free).
        assertThat(st.rule(StrategySpec.of(StrategySpec.Kind.BINPACK_CPU), 1).maxKey(pool, 3))
                .isEqualTo(2048);
        assertThat(st.rule(StrategySpec.of(StrategySpec.Kind.BINPACK_MEMORY), 1).maxKey(pool, 3))
                .isEqualTo(3072);
        assertThat(st.rule(StrategySpec.of(StrategySpec.Kind.SPREAD_INSTANCE), 1)
                        .maxKey(pool, 3))
                .isEqualTo(5);
        assertThat(st.rule(StrategySpec.spread("ecs.availability-zone"), 1).maxKey(pool, 3))
                .isEqualTo(5);
    }

    /** A rule that says its keys stay below 4 and gives 9: the packed key would carry into the next field. */
    private static final class Overflowing implements StrategyRule {
        @Override
        public long key(int instance, int task) {
            return instance == 1 ? 9 : 2;
        }

        @Override
        public long maxKey(int[] pool, int tasks) {
            return 3;
        }

        @Override
        public boolean perInstance() {
            return true;
        }
    }

    @Test
    void theHeapRefusesAKeyBeyondTheBoundItsRuleDeclared() {
        int[] pool = {0, 1};
        byte[] stage = {FilterChain.PASS, FilterChain.PASS};
        int[] rank = {0, 1};
        assertThatThrownBy(() -> HeapRanker.tryCreate(pool, stage, new StrategyRule[] {new Overflowing()}, rank, 2, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "strategy Overflowing gave instance 1 the key 9, outside the bound 0..3 its field of the packed"
                                + " heap key was sized for");
        // The same rule on instance 0 alone keeps its bound, and ranks.
        byte[] onlyFirst = {FilterChain.PASS, 0};
        HeapRanker heap = HeapRanker.tryCreate(pool, onlyFirst, new StrategyRule[] {new Overflowing()}, rank, 2, 1);
        assertThat(heap).isNotNull();
        assertThat(heap.choose(0)).isEqualTo(0);
    }

    @Test
    void theLayoutGivesEachRuleAFieldAsWideAsItsBound() {
        StrategyRule binpack = new StrategyRule.Binpack(new int[] {1000, 5});
        StrategyRule spread = new StrategyRule.SpreadInstance(new int[] {0, 2});
        HeapRanker.KeyLayout layout = HeapRanker.layout(new StrategyRule[] {binpack, spread}, new int[] {0, 1}, 5, 1);
        // rank: 1 bit; spread: max 2 + 5 tasks = 7, 3 bits; binpack: max 1000, 10 bits.
        assertThat(layout.shift()).containsExactly(4, 1);
        assertThat(layout.maxKey()).containsExactly(1000, 7);
        // Random keys take 64 bits: no packed key.
        assertThat(HeapRanker.layout(new StrategyRule[] {binpack, new StrategyRule.Random(1)}, new int[] {0, 1}, 5, 1))
                .isNull();
        // Fields that do not fit 63 bits: no packed key either (the scan ranker takes over).
        StrategyRule wide = new StrategyRule.Binpack(new int[] {Integer.MAX_VALUE, 0});
        assertThat(HeapRanker.layout(new StrategyRule[] {wide, wide, wide}, new int[] {0, 1}, 5, 1))
                .isNull();
        assertThat(HeapRanker.layout(new StrategyRule[] {wide, wide}, new int[] {0, 1}, 5, 1))
                .isNotNull();
    }
}
