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
    return CapacityProviderStrategyItem.builder().capacityProvider(name).base(base).weight(weight).build();
  }

  private static NetworkConfiguration subnets(String... ids) {
    return NetworkConfiguration.builder()
        .awsvpcConfiguration(AwsVpcConfiguration.builder().subnets(List.of(ids)).build()).build();
  }

  private static ClusterSnapshot.Builder subnetsKnown() {
    return ClusterSnapshot.builder().subnet("subnet-1", "us-east-1a", "vpc-1").subnet("subnet-2", "us-east-1b", "vpc-1")
        .subnet("subnet-3", "us-east-1c", "vpc-1").subnet("subnet-4", "us-east-1a", "vpc-1");
  }

  @Test
  void splitBaseThenWeights() {
    // Reference scheduler §3.2: FARGATE base 1 weight 1, FARGATE_SPOT weight 3, N = 5 -> 2 and 3.
    assertThat(CapacityProviderStrategies.split(List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", null, 3)), 5, null))
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
        .isInstanceOf(InvalidParameterException.class).hasMessage("Value '1001' at 'capacityProviderStrategy[0].weight' "
            + "failed to satisfy constraint: Member must have value less than or equal to 1000");
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
        .isInstanceOf(InvalidParameterException.class).hasMessage("Value of size 21 at 'capacityProviderStrategy' "
            + "failed to satisfy constraint: Member must have length less than or equal to 20");
    assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(), 1, null))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Value of size 0 at 'capacityProviderStrategy' "
            + "failed to satisfy constraint: Member must have length greater than or equal to 1");
    assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", null, 1), item("A", null, 2)), 1, null))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("The capacity provider A appears more than once in the capacity provider strategy.");
    assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item("A", -1, 1)), 1, null))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Value '-1' at 'capacityProviderStrategy[0].base' "
            + "failed to satisfy constraint: Member must have value greater than or equal to 0");
    assertThatThrownBy(() -> CapacityProviderStrategies.split(List.of(item(null, null, 1)), 1, null))
        .isInstanceOf(InvalidParameterException.class).hasMessage("Value null at "
            + "'capacityProviderStrategy[0].capacityProvider' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void fargateSpreadsOverTheSubnetsAzs() {
    PlacementResult r = PlacementEngine.place(subnetsKnown().build(), PlacementRequest.builder(Fixtures.fargate())
        .launchType(LaunchType.FARGATE).count(9).networkConfiguration(subnets("subnet-1", "subnet-2", "subnet-3", "subnet-4"))
        .build());
    Map<String, Long> perAz = r.placements().stream()
        .collect(Collectors.groupingBy(TaskPlacement::availabilityZone, TreeMap::new, Collectors.counting()));
    assertThat(perAz).containsExactly(Map.entry("us-east-1a", 3L), Map.entry("us-east-1b", 3L), Map.entry("us-east-1c", 3L));
    assertThat(r.placements()).allSatisfy(p -> {
      assertThat(p.containerInstanceArn()).isNull();
      assertThat(p.launchType()).isEqualTo(LaunchType.FARGATE);
      assertThat(p.hasEni()).isTrue();
    });
    Map<String, Long> perSubnet = r.placements().stream().filter(p -> "us-east-1a".equals(p.availabilityZone()))
        .collect(Collectors.groupingBy(TaskPlacement::eniSubnetId, TreeMap::new, Collectors.counting()));
    assertThat(perSubnet.values()).containsExactlyInAnyOrder(2L, 1L);
  }

  @Test
  void fargateCountsTheGroupsRunningTasksPerAz() {
    ClusterSnapshot s = subnetsKnown()
        .addTask(Task.builder().group("family:vpc").availabilityZone("us-east-1a").launchType(LaunchType.FARGATE)
            .desiredStatus("RUNNING").build())
        .build();
    PlacementResult r = PlacementEngine.place(s, PlacementRequest.builder(Fixtures.fargate()).launchType(LaunchType.FARGATE)
        .count(3).networkConfiguration(subnets("subnet-1", "subnet-2")).build());
    // us-east-1a already has one: the first goes to us-east-1b, then both AZs end with two.
    assertThat(r.placements().get(0).availabilityZone()).isEqualTo("us-east-1b");
    assertThat(r.placements()).extracting(TaskPlacement::availabilityZone)
        .containsExactlyInAnyOrder("us-east-1b", "us-east-1b", "us-east-1a");
  }

  @Test
  void fargateAndSpotSpreadIndependently() {
    PlacementResult r = PlacementEngine.place(subnetsKnown().build(), PlacementRequest.builder(Fixtures.fargate())
        .capacityProviderStrategy(List.of(item("FARGATE", 1, 1), item("FARGATE_SPOT", null, 3))).count(5)
        .networkConfiguration(subnets("subnet-1", "subnet-2")).build());
    assertThat(r.placements()).extracting(TaskPlacement::capacityProviderName)
        .containsExactly("FARGATE", "FARGATE", "FARGATE_SPOT", "FARGATE_SPOT", "FARGATE_SPOT");
    assertThat(r.placements().subList(0, 2)).extracting(TaskPlacement::availabilityZone)
        .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
  }

  @Test
  void autoScalingProvidersPlaceOnTheirOwnInstances() {
    ClusterSnapshot s = ClusterSnapshot.builder()
        .addInstance(instance("a", "m5.large", "us-east-1a").capacityProviderName("on-demand").build())
        .addInstance(instance("b", "m5.large", "us-east-1a").capacityProviderName("spot").build())
        .build();
    PlacementResult r = PlacementEngine.place(s, PlacementRequest.builder(td(10, 10)).count(4)
        .capacityProviderStrategy(List.of(item("on-demand", 1, 1), item("spot", null, 1))).build());
    // base 1 to on-demand, the other 3 by equal weights: 1 each and the odd one in strategy order.
    assertThat(r.placements()).extracting(TaskPlacement::containerInstanceArn)
        .containsExactly(arn("a"), arn("a"), arn("a"), arn("b"));
    PlacementResult empty = PlacementEngine.place(s, PlacementRequest.builder(td(10, 10)).count(1)
        .capacityProviderStrategy(List.of(item("nothing-here", null, 1))).build());
    assertThat(empty.failures()).containsExactly(Failure.builder().reason("EMPTY CAPACITY PROVIDER").build());
  }
}
