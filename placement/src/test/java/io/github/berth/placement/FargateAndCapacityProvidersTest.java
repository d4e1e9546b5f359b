package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.arn;
import static io.github.berth.placement.Fixtures.instance;
import static io.github.berth.placement.Fixtures.td;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.Task;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FargateAndCapacityProvidersTest {

    private static CapacityProviderStrategyItem item(String name, Integer base, Integer weight) {
        return CapacityProviderStrategyItem.builder()
                .capacityProvider(name)
                .base(base)
                .weight(weight)
                .build();
    }

    private static NetworkConfiguration subnets(String... ids) {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets(List.of(ids)).build())
                .build();
    }

    private static ClusterSnapshot.Builder subnetsKnown() {
        return ClusterSnapshot.builder()
                .subnet("subnet-1", "us-east-1a", "vpc-1")
                .subnet("subnet-2", "us-east-1b", "vpc-1")
                .subnet("subnet-3", "us-east-1c", "vpc-1")
                .subnet("subnet-4", "us-east-1a", "vpc-1");
    }

    @Test
    void splitBaseThenWeights() {
        // docs/scheduler.md#capacity-provider-strategy: FARGATE base 1 weight 1, FARGATE_SPOT weight 3, N = 5 -> 2 and
        // 3.
        assertThat(CapacityProviderStrategies.split(
                        List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", null, 3)), 5, null))
                .containsExactly(Map.entry("FARGATE", 2), Map.entry("FARGATE_SPOT", 3));
        assertThat(CapacityProviderStrategies.split(List.of(item("A", null, 1), item("B", null, 4)), 5, Map.of()))
                .containsExactly(Map.entry("A", 1), Map.entry("B", 4));
        assertThat(CapacityProviderStrategies.split(List.of(item("A", null, 1), item("B", null, 1)), 3, Map.of()))
                .containsExactly(Map.entry("A", 2), Map.entry("B", 1));
        assertThat(CapacityProviderStrategies.split(List.of(item("A", 10, 1), item("B", null, 1)), 4, Map.of()))
                .containsExactly(Map.entry("A", 4), Map.entry("B", 0));
    }

    @Test
    void splitMovesRunningTotalsTowardsTheRatio() {
        assertThat(CapacityProviderStrategies.split(List.of(item("A", null, 1), item("B", null, 1)), 4, Map.of("A", 6)))
                .containsExactly(Map.entry("A", 0), Map.entry("B", 4));
        assertThat(CapacityProviderStrategies.split(List.of(item("A", 2, 0), item("B", null, 1)), 3, Map.of("A", 2)))
                .containsExactly(Map.entry("A", 0), Map.entry("B", 3));
    }

    @Test
    void splitRejectsWhatEcsRejects() {
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", null, 0)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("There are no capacity providers with a weight value greater than zero");
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", 1, 1), item("B", 1, 1)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Only one capacity provider in a capacity provider strategy can have a base defined.");
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", null, 1001)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value '1001' at 'capacityProviderStrategy[0].weight' "
                        + "failed to satisfy constraint: Member must have value less than or equal to 1000");
        assertThatThrownBy(() ->
                        CapacityProviderStrategies.split(List.of(item("A", null, -1), item("B", null, 2)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value '-1' at 'capacityProviderStrategy[0].weight' "
                        + "failed to satisfy constraint: Member must have value greater than or equal to 0");
        // docs/scheduler.md#capacity-provider-strategy: base 0..100000.
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", 100_001, 1)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value '100001' at 'capacityProviderStrategy[0].base' "
                        + "failed to satisfy constraint: Member must have value less than or equal to 100000");
        assertThat(CapacityProviderStrategies.split(List.of(item("A", 100_000, 1), item("B", null, 1000)), 3, null))
                .containsExactly(Map.entry("A", 3), Map.entry("B", 0));
    }

    @Test
    void splitRejectsMalformedStrategies() {
        List<CapacityProviderStrategyItem> twenty = new java.util.ArrayList<>();
        for (int k = 0; k < CapacityProviderStrategies.MAX_PROVIDERS; k++) {
            twenty.add(item("p" + k, null, 1));
        }
        assertThat(CapacityProviderStrategies.split(twenty, 20, null).values()).containsOnly(1);
        List<CapacityProviderStrategyItem> twentyOne = new java.util.ArrayList<>(twenty);
        twentyOne.add(item("p20", null, 1));
        assertThatThrownBy(() -> CapacityProviderStrategies.split(twentyOne, 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value of size 21 at 'capacityProviderStrategy' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 20");
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value of size 0 at 'capacityProviderStrategy' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        assertThatThrownBy(() ->
                        CapacityProviderStrategies.split(List.of(item("A", null, 1), item("A", null, 2)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The capacity provider A appears more than once in the capacity provider strategy.");
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", -1, 1)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value '-1' at 'capacityProviderStrategy[0].base' "
                        + "failed to satisfy constraint: Member must have value greater than or equal to 0");
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item(null, null, 1)), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Value null at "
                                + "'capacityProviderStrategy[0].capacityProvider' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void splitTakesNoLongerForManyTasks() {
        // Handing out tasks one at a time took Integer.MAX_VALUE steps here; the total of running and
        // new tasks also overflowed an int.
        List<CapacityProviderStrategyItem> s = List.of(item("A", 5, 1), item("B", null, 2), item("C", null, 0));
        Map<String, Integer> split =
                CapacityProviderStrategies.split(s, Integer.MAX_VALUE, Map.of("B", Integer.MAX_VALUE));
        assertThat(split.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(Integer.MAX_VALUE);
        assertThat(split).containsEntry("C", 0);
        assertThat(split.get("A")).isGreaterThan(split.get("B"));
    }

    @Test
    void splitGivesEachTaskToTheProviderFurthestBelowItsTarget() {
        // The split in closed form equals the one-task-at-a-time rule it implements.
        java.util.Random random = new java.util.Random(7);
        for (int run = 0; run < 2_000; run++) {
            int n = 1 + random.nextInt(4);
            List<CapacityProviderStrategyItem> s = new java.util.ArrayList<>();
            Map<String, Integer> running = new java.util.HashMap<>();
            for (int i = 0; i < n; i++) {
                s.add(item(
                        "p" + i,
                        i == 0 && random.nextBoolean() ? random.nextInt(6) : null,
                        i == n - 1 ? 1 + random.nextInt(3) : random.nextInt(4)));
                if (random.nextBoolean()) {
                    running.put("p" + i, random.nextInt(8));
                }
            }
            int count = random.nextInt(25);
            assertThat(CapacityProviderStrategies.split(s, count, running))
                    .as("%s, %d, %s", s, count, running)
                    .isEqualTo(oneAtATime(s, count, running));
        }
    }

    /** The rule step by step: each new task to the provider furthest below its target, ties in order. */
    private static Map<String, Integer> oneAtATime(
            List<CapacityProviderStrategyItem> s, int count, Map<String, Integer> running) {
        int n = s.size();
        long[] current = new long[n];
        long total = count;
        for (int i = 0; i < n; i++) {
            current[i] = running.getOrDefault(s.get(i).capacityProvider(), 0);
            total += current[i];
        }
        long[] target = CapacityProviderStrategies.targets(s, total);
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        s.forEach(i -> out.put(i.capacityProvider(), 0));
        for (int t = 0; t < count; t++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                long d = target[i] - current[i];
                if (best < 0 || d > target[best] - current[best]) {
                    best = i;
                }
            }
            current[best]++;
            out.merge(s.get(best).capacityProvider(), 1, Integer::sum);
        }
        return out;
    }

    @Test
    void splitRefusesCarelessArguments() {
        assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", null, 1)), -1, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must not be negative, found -1");
        assertThatThrownBy(() -> CapacityProviderStrategies.split(null, 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("at 'capacityProviderStrategy'");
        assertThatThrownBy(() ->
                        CapacityProviderStrategies.split(java.util.Arrays.asList(item("A", null, 1), null), 1, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value null at 'capacityProviderStrategy[1]' "
                        + "failed to satisfy constraint: Member must not be null");
        // A map that holds null for a provider: nothing runs there.
        Map<String, Integer> running = new java.util.HashMap<>();
        running.put("A", null);
        assertThat(CapacityProviderStrategies.split(List.of(item("A", null, 1), item("B", null, 1)), 2, running))
                .containsExactly(Map.entry("A", 1), Map.entry("B", 1));
    }

    @Test
    void fargateSpreadsOverTheSubnetsAzs() {
        PlacementResult r = PlacementEngine.place(
                subnetsKnown().build(),
                PlacementRequest.builder(Fixtures.fargate())
                        .launchType(LaunchType.FARGATE)
                        .count(9)
                        .networkConfiguration(subnets("subnet-1", "subnet-2", "subnet-3", "subnet-4"))
                        .build());
        Map<String, Long> perAz = r.placements().stream()
                .collect(Collectors.groupingBy(TaskPlacement::availabilityZone, TreeMap::new, Collectors.counting()));
        assertThat(perAz)
                .containsExactly(Map.entry("us-east-1a", 3L), Map.entry("us-east-1b", 3L), Map.entry("us-east-1c", 3L));
        assertThat(r.placements()).allSatisfy(p -> {
            assertThat(p.containerInstanceArn()).isNull();
            assertThat(p.launchType()).isEqualTo(LaunchType.FARGATE);
            assertThat(p.hasEni()).isTrue();
        });
        Map<String, Long> perSubnet = r.placements().stream()
                .filter(p -> "us-east-1a".equals(p.availabilityZone()))
                .collect(Collectors.groupingBy(TaskPlacement::eniSubnetId, TreeMap::new, Collectors.counting()));
        assertThat(perSubnet.values()).containsExactlyInAnyOrder(2L, 1L);
    }

    @Test
    void fargateCountsTheGroupsRunningTasksPerAz() {
        ClusterSnapshot s = subnetsKnown()
                .addTask(Task.builder()
                        .group("family:vpc")
                        .availabilityZone("us-east-1a")
                        .launchType(LaunchType.FARGATE)
                        .desiredStatus("RUNNING")
                        .build())
                .build();
        PlacementResult r = PlacementEngine.place(
                s,
                PlacementRequest.builder(Fixtures.fargate())
                        .launchType(LaunchType.FARGATE)
                        .count(3)
                        .networkConfiguration(subnets("subnet-1", "subnet-2"))
                        .build());
        // us-east-1a already has one: the first goes to us-east-1b, then both AZs end with two.
        assertThat(r.placements().get(0).availabilityZone()).isEqualTo("us-east-1b");
        assertThat(r.placements())
                .extracting(TaskPlacement::availabilityZone)
                .containsExactlyInAnyOrder("us-east-1b", "us-east-1b", "us-east-1a");
    }

    @Test
    void fargateAndSpotSpreadIndependently() {
        PlacementResult r = PlacementEngine.place(
                subnetsKnown().build(),
                PlacementRequest.builder(Fixtures.fargate())
                        .capacityProviderStrategy(List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", null, 3)))
                        .count(5)
                        .networkConfiguration(subnets("subnet-1", "subnet-2"))
                        .build());
        assertThat(r.placements())
                .extracting(TaskPlacement::capacityProviderName)
                .containsExactly("FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT");
        assertThat(r.placements().subList(0, 2))
                .extracting(TaskPlacement::availabilityZone)
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
    }

    @Test
    void autoScalingProvidersPlaceOnTheirOwnInstances() {
        ClusterSnapshot s = ClusterSnapshot.builder()
                .addInstance(instance("a", "m5.large", "us-east-1a")
                        .capacityProviderName("on-demand")
                        .build())
                .addInstance(instance("b", "m5.large", "us-east-1a")
                        .capacityProviderName("spot")
                        .build())
                .build();
        PlacementResult r = PlacementEngine.place(
                s,
                PlacementRequest.builder(td(10, 10))
                        .count(4)
                        .capacityProviderStrategy(List.of(item("on-demand", 1, 1), item("spot", null, 1)))
                        .build());
        // base 1 to on-demand, the other 3 by equal weights: 1 each and the odd one in strategy order.
        assertThat(r.placements())
                .extracting(TaskPlacement::containerInstanceArn)
                .containsExactly(arn("a"), arn("a"), arn("a"), arn("b"));
        PlacementResult empty = PlacementEngine.place(
                s,
                PlacementRequest.builder(td(10, 10))
                        .count(1)
                        .capacityProviderStrategy(List.of(item("nothing-here", null, 1)))
                        .build());
        assertThat(empty.failures())
                .containsExactly(
                        Failure.builder().reason("EMPTY CAPACITY PROVIDER").build());
    }
}
