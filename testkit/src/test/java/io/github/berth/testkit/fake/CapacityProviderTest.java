package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.ResourceInUseException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.AutoScalingGroupProvider;
import io.github.berth.core.model.AutoScalingGroupProviderUpdate;
import io.github.berth.core.model.CapacityProvider;
import io.github.berth.core.model.CapacityProviderField;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.ManagedScalingStatus;
import io.github.berth.core.model.ManagedTerminationProtection;
import io.github.berth.core.model.Tag;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capacity providers: CreateCapacityProvider, UpdateCapacityProvider, DeleteCapacityProvider,
 * DescribeCapacityProviders, PutClusterCapacityProviders (docs/scheduler.md#capacity-providers),
 * and the Fargate Spot interruption (docs/scheduler.md#fargate-spot-interruption).
 */
class CapacityProviderTest {

    private static final String ASG_ARN = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:"
            + "8f0b5e3e-1111-2222-3333-444455556666:autoScalingGroupName/asg-1";

    private static AutoScalingGroupProvider asg(ManagedScaling scaling) {
        return AutoScalingGroupProvider.builder()
                .autoScalingGroupArn(ASG_ARN)
                .managedScaling(scaling)
                .build();
    }

    private static ManagedScaling enabled() {
        return ManagedScaling.builder().status(ManagedScalingStatus.ENABLED).build();
    }

    private static String json(Object value) {
        return EcsJson.lenient().write(value);
    }

    @Test
    void createAnswersTheProviderWithTheManagedScalingDefaults() {
        FakeEcs ecs = Scenario.fake();
        CapacityProvider p = ecs.createCapacityProvider(b -> b.name("cp-1")
                        .autoScalingGroupProvider(asg(enabled()))
                        .tags(List.of(Tag.builder().key("team").value("a").build())))
                .capacityProvider();
        assertThat(json(p))
                .isEqualTo("{\"capacityProviderArn\":\"arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp-1\","
                        + "\"name\":\"cp-1\",\"status\":\"ACTIVE\",\"autoScalingGroupProvider\":{\"autoScalingGroupArn\":\""
                        + ASG_ARN + "\",\"managedScaling\":{\"status\":\"ENABLED\",\"targetCapacity\":100,"
                        + "\"minimumScalingStepSize\":1,\"maximumScalingStepSize\":10000,\"instanceWarmupPeriod\":300},"
                        + "\"managedTerminationProtection\":\"DISABLED\",\"managedDraining\":\"ENABLED\"},"
                        + "\"updateStatus\":\"CREATE_COMPLETE\",\"tags\":[{\"key\":\"team\",\"value\":\"a\"}],"
                        + "\"type\":\"EC2_AUTOSCALING\"}");
    }

    @Test
    void aSecondProviderOfTheSameNameIsRefusedWithEcsText() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCapacityProvider(b -> b.name("cp-1").autoScalingGroupProvider(asg(enabled())));
        assertThatThrownBy(() -> ecs.createCapacityProvider(b -> b.name("cp-1").autoScalingGroupProvider(asg(null))))
                .isInstanceOf(ClientException.class)
                .hasMessage(
                        "The specified capacity provider already exists. To change the configuration of an existing "
                                + "capacity provider, update the capacity provider.");
        assertThat(ecs.describeCapacityProviders(b -> b.capacityProviders(List.of("cp-1")))
                        .capacityProviders()
                        .get(0)
                        .autoScalingGroupProvider()
                        .managedScaling()
                        .status())
                .isEqualTo(ManagedScalingStatus.ENABLED);
    }

    @Test
    void namesStartingWithAwsEcsOrFargateAreRefused() {
        FakeEcs ecs = Scenario.fake();
        for (String name : List.of("aws-cp", "ECS1", "fargate_x")) {
            assertThatThrownBy(
                            () -> ecs.createCapacityProvider(b -> b.name(name).autoScalingGroupProvider(asg(null))))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessage("The capacity provider name cannot be prefixed with \"aws\", \"ecs\", or \"fargate\".");
        }
        assertThat(ecs.createCapacityProvider(b -> b.name("my-aws").autoScalingGroupProvider(asg(null)))
                        .capacityProvider()
                        .name())
                .isEqualTo("my-aws");
    }

    @Test
    void managedScalingOutOfRangeNamesTheField() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.createCapacityProvider(b -> b.name("cp-1")
                        .autoScalingGroupProvider(
                                asg(ManagedScaling.builder().targetCapacity(101).build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("autoScalingGroupProvider.managedScaling.targetCapacity must be between 1 and 100.");
        assertThat(ecs.describeCapacityProviders(b -> b.capacityProviders(List.of("cp-1")))
                        .failures()
                        .get(0)
                        .reason())
                .isEqualTo("MISSING");
    }

    @Test
    void managedTerminationProtectionNeedsManagedScaling() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.createCapacityProvider(b -> b.name("cp-1")
                        .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                                .autoScalingGroupArn(ASG_ARN)
                                .managedTerminationProtection(ManagedTerminationProtection.ENABLED)
                                .build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(
                        "The managed termination protection setting for the capacity provider is invalid.");
        CapacityProvider ok = ecs.createCapacityProvider(b -> b.name("cp-1")
                        .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                                .autoScalingGroupArn(ASG_ARN)
                                .managedScaling(enabled())
                                .managedTerminationProtection(ManagedTerminationProtection.ENABLED)
                                .build()))
                .capacityProvider();
        assertThat(ok.autoScalingGroupProvider().managedTerminationProtection().value())
                .isEqualTo("ENABLED");
    }

    @Test
    void describeWithoutNamesListsFargateProvidersFirstAndTagsOnlyWhenAsked() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCapacityProvider(b -> b.name("cp-1")
                .autoScalingGroupProvider(asg(null))
                .tags(List.of(Tag.builder().key("k").value("v").build())));
        List<CapacityProvider> all = ecs.describeCapacityProviders(b -> {}).capacityProviders();
        assertThat(all).extracting(CapacityProvider::name).containsExactly("FARGATE", "FARGATE_SPOT", "cp-1");
        assertThat(json(all.get(1)))
                .isEqualTo("{\"capacityProviderArn\":\"arn:aws:ecs:us-east-1:123456789012:"
                        + "capacity-provider/FARGATE_SPOT\",\"name\":\"FARGATE_SPOT\",\"status\":\"ACTIVE\",\"tags\":[],"
                        + "\"type\":\"FARGATE_SPOT\"}");
        assertThat(all.get(2).tags()).isNull();
        assertThat(ecs.describeCapacityProviders(b -> b.include(List.of(CapacityProviderField.TAGS)))
                        .capacityProviders()
                        .get(2)
                        .tags())
                .containsExactly(Tag.builder().key("k").value("v").build());
    }

    @Test
    void describePagesByMaxResultsUpToTen() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCapacityProvider(b -> b.name("cp-1").autoScalingGroupProvider(asg(null)));
        var first = ecs.describeCapacityProviders(b -> b.maxResults(2));
        assertThat(first.capacityProviders())
                .extracting(CapacityProvider::name)
                .containsExactly("FARGATE", "FARGATE_SPOT");
        var second = ecs.describeCapacityProviders(b -> b.maxResults(2).nextToken(first.nextToken()));
        assertThat(second.capacityProviders())
                .extracting(CapacityProvider::name)
                .containsExactly("cp-1");
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> ecs.describeCapacityProviders(b -> b.maxResults(11)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("maxResults must be between 1 and 10.");
    }

    @Test
    void updateChangesManagedScalingKeepingWhatItDoesNotName() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCapacityProvider(b -> b.name("cp-1")
                .autoScalingGroupProvider(asg(ManagedScaling.builder()
                        .status(ManagedScalingStatus.ENABLED)
                        .targetCapacity(90)
                        .build())));
        CapacityProvider p = ecs.updateCapacityProvider(b -> b.name("cp-1")
                        .autoScalingGroupProvider(AutoScalingGroupProviderUpdate.builder()
                                .managedScaling(ManagedScaling.builder()
                                        .instanceWarmupPeriod(60)
                                        .build())
                                .build()))
                .capacityProvider();
        assertThat(json(p.autoScalingGroupProvider().managedScaling()))
                .isEqualTo("{\"status\":\"ENABLED\","
                        + "\"targetCapacity\":90,\"minimumScalingStepSize\":1,\"maximumScalingStepSize\":10000,"
                        + "\"instanceWarmupPeriod\":60}");
        assertThat(p.updateStatus().value()).isEqualTo("UPDATE_COMPLETE");
        assertThatThrownBy(() -> ecs.updateCapacityProvider(b -> b.name("cp-2")
                        .autoScalingGroupProvider(
                                AutoScalingGroupProviderUpdate.builder().build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "The specified capacity provider does not exist. Specify a valid name or ARN and try again.");
    }

    @Test
    void putClusterCapacityProvidersSetsTheListAndTheDefaultStrategy() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.createCapacityProvider(b -> b.name("cp-1").autoScalingGroupProvider(asg(null)));
        var cluster = ecs.putClusterCapacityProviders(b -> b.cluster("prod")
                        .capacityProviders(List.of("cp-1", "FARGATE"))
                        .defaultCapacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                .capacityProvider("cp-1")
                                .base(1)
                                .weight(1)
                                .build())))
                .cluster();
        assertThat(cluster.capacityProviders()).containsExactly("cp-1", "FARGATE");
        assertThat(json(cluster.defaultCapacityProviderStrategy()))
                .isEqualTo("[{\"capacityProvider\":\"cp-1\",\"weight\":1,\"base\":1}]");
        assertThat(ecs.describeClusters(b -> b.clusters(List.of("prod")))
                        .clusters()
                        .get(0)
                        .capacityProviders())
                .containsExactly("cp-1", "FARGATE");
    }

    @Test
    void putClusterCapacityProvidersRefusesUnknownProvidersAndStrategiesNamingOthersAndChangesNothing() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(b -> b.cluster("prod")
                        .capacityProviders(List.of("cp-9"))
                        .defaultCapacityProviderStrategy(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The specified capacity provider cp-9 does not exist.");
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(b -> b.cluster("prod")
                        .capacityProviders(List.of("FARGATE"))
                        .defaultCapacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE_SPOT")
                                .weight(1)
                                .build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The specified capacity provider strategy cannot contain a capacity provider that is not "
                        + "associated with the cluster. Associate the capacity provider with the cluster or specify a valid "
                        + "capacity provider and try again.");
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(b -> b.cluster("prod")
                        .capacityProviders(List.of("FARGATE", "FARGATE_SPOT"))
                        .defaultCapacityProviderStrategy(List.of(
                                CapacityProviderStrategyItem.builder()
                                        .capacityProvider("FARGATE")
                                        .base(1)
                                        .weight(1)
                                        .build(),
                                CapacityProviderStrategyItem.builder()
                                        .capacityProvider("FARGATE_SPOT")
                                        .base(2)
                                        .weight(1)
                                        .build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Only one capacity provider in a capacity provider strategy can have a base value greater "
                        + "than zero.");
        assertThat(ecs.describeClusters(b -> b.clusters(List.of("prod")))
                        .clusters()
                        .get(0)
                        .capacityProviders())
                .isEmpty();
    }

    @Test
    void aProviderWithManagedScalingBelongsToOneClusterOnly() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("a"));
        ecs.createCluster(b -> b.clusterName("b"));
        ecs.createCapacityProvider(b -> b.name("managed").autoScalingGroupProvider(asg(enabled())));
        ecs.createCapacityProvider(b -> b.name("shared").autoScalingGroupProvider(asg(null)));
        ecs.putClusterCapacityProviders(b -> b.cluster("a")
                .capacityProviders(List.of("managed", "shared"))
                .defaultCapacityProviderStrategy(List.of()));
        assertThat(ecs.putClusterCapacityProviders(b -> b.cluster("b")
                                .capacityProviders(List.of("shared"))
                                .defaultCapacityProviderStrategy(List.of()))
                        .cluster()
                        .capacityProviders())
                .containsExactly("shared");
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(b -> b.cluster("b")
                        .capacityProviders(List.of("managed"))
                        .defaultCapacityProviderStrategy(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(
                        "The specified capacity provider managed is already associated with cluster a.");
    }

    @Test
    void aProviderInUseByTasksCannotBeRemovedFromTheCluster() {
        FakeEcs ecs = spotCluster();
        String task = runSpot(ecs);
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(b -> b.cluster("prod")
                        .capacityProviders(List.of("FARGATE"))
                        .defaultCapacityProviderStrategy(List.of())))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessage("The specified capacity provider FARGATE_SPOT is in use and cannot be removed.");
        ecs.stopTask(b -> b.cluster("prod").task(task));
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(ecs.putClusterCapacityProviders(b -> b.cluster("prod")
                                .capacityProviders(List.of("FARGATE"))
                                .defaultCapacityProviderStrategy(List.of()))
                        .cluster()
                        .capacityProviders())
                .containsExactly("FARGATE");
    }

    @Test
    void deleteMakesTheProviderInactiveUnlessAClusterHoldsIt() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.createCapacityProvider(b -> b.name("cp-1").autoScalingGroupProvider(asg(null)));
        ecs.putClusterCapacityProviders(
                b -> b.cluster("prod").capacityProviders(List.of("cp-1")).defaultCapacityProviderStrategy(List.of()));
        assertThatThrownBy(() -> ecs.deleteCapacityProvider(b -> b.capacityProvider("cp-1")))
                .isInstanceOf(ResourceInUseException.class)
                .hasMessage(
                        "The specified capacity provider is in use and cannot be removed. Disassociate it from cluster "
                                + "prod and try again.");
        ecs.putClusterCapacityProviders(
                b -> b.cluster("prod").capacityProviders(List.of()).defaultCapacityProviderStrategy(List.of()));
        CapacityProvider gone = ecs.deleteCapacityProvider(
                        b -> b.capacityProvider("arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp-1"))
                .capacityProvider();
        assertThat(gone.status().value()).isEqualTo("INACTIVE");
        assertThat(gone.updateStatus().value()).isEqualTo("DELETE_COMPLETE");
        assertThatThrownBy(() -> ecs.putClusterCapacityProviders(b -> b.cluster("prod")
                        .capacityProviders(List.of("cp-1"))
                        .defaultCapacityProviderStrategy(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The specified capacity provider cp-1 does not exist.");
        assertThatThrownBy(() -> ecs.deleteCapacityProvider(b -> b.capacityProvider("FARGATE")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The specified capacity provider FARGATE is reserved and cannot be deleted.");
    }

    @Test
    void createClusterAcceptsACreatedProvider() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.createCluster(b -> b.clusterName("prod").capacityProviders(List.of("cp-1"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The specified capacity provider cp-1 does not exist.");
        ecs.createCapacityProvider(b -> b.name("cp-1").autoScalingGroupProvider(asg(null)));
        assertThat(ecs.createCluster(b -> b.clusterName("prod").capacityProviders(List.of("cp-1")))
                        .cluster()
                        .capacityProviders())
                .containsExactly("cp-1");
    }

    // ------------------------------------------------------------------ Fargate Spot interruption

    private static FakeEcs spotCluster() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod").capacityProviders(List.of("FARGATE", "FARGATE_SPOT")));
        ecs.registerTaskDefinition(Scenario.fargate("job"));
        return ecs;
    }

    private static String runSpot(FakeEcs ecs) {
        String arn = ecs.runTask(b -> b.cluster("prod")
                        .taskDefinition("job")
                        .capacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE_SPOT")
                                .weight(1)
                                .build()))
                        .networkConfiguration(Scenario.subnets("subnet-1")))
                .tasks()
                .get(0)
                .taskArn();
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(Scenario.describe(ecs, "prod", arn).lastStatus()).isEqualTo("RUNNING");
        return arn;
    }

    @Test
    void aSpotInterruptionWarnsThenStopsTheTaskTwoMinutesLater() {
        FakeEcs ecs = spotCluster();
        String arn = runSpot(ecs);
        long from = ecs.events().nextSequence();
        ecs.interruptSpot("prod", arn);
        EcsEvent warning = ecs.events().since(from).get(0);
        assertThat(warning.detailType()).isEqualTo("ECS Task State Change");
        assertThat(warning.detail("lastStatus")).isEqualTo("RUNNING");
        assertThat(warning.detail("desiredStatus")).isEqualTo("STOPPED");
        assertThat(warning.detail("stopCode")).isEqualTo("TerminationNotice");
        assertThat(warning.detail("stoppedReason")).isEqualTo("Your Spot Task was interrupted.");

        ecs.clock().advance(Duration.ofSeconds(119));
        assertThat(Scenario.describe(ecs, "prod", arn).lastStatus()).isEqualTo("RUNNING");
        ecs.clock().advance(Duration.ofMinutes(1));
        var stopped = Scenario.describe(ecs, "prod", arn);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode().value()).isEqualTo("TerminationNotice");
        assertThat(stopped.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
        assertThat(stopped.stoppingAt()).isEqualTo(Scenario.T0.plus(Duration.ofMinutes(3)));
    }

    @Test
    void onlyARunningFargateSpotTaskCanBeInterrupted() {
        FakeEcs ecs = spotCluster();
        String onDemand = ecs.runTask(b -> b.cluster("prod")
                        .taskDefinition("job")
                        .capacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE")
                                .weight(1)
                                .build()))
                        .networkConfiguration(Scenario.subnets("subnet-1")))
                .tasks()
                .get(0)
                .taskArn();
        long from = ecs.events().nextSequence();
        assertThatThrownBy(() -> ecs.interruptSpot("prod", onDemand))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Task " + onDemand + " does not run on FARGATE_SPOT.");
        String spot = runSpot(ecs);
        ecs.interruptSpot("prod", spot);
        assertThatThrownBy(() -> ecs.interruptSpot("prod", spot))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Task " + spot + " is already stopping.");
        assertThat(ecs.events().since(from))
                .noneMatch(
                        ev -> ev.resources().contains(onDemand) && "TerminationNotice".equals(ev.detail("stopCode")));
    }

    @Test
    void aRestoredFakeKeepsProvidersAndAPendingInterruption() {
        FakeEcs ecs = spotCluster();
        ecs.createCapacityProvider(b -> b.name("cp-1").autoScalingGroupProvider(asg(enabled())));
        String arn = runSpot(ecs);
        ecs.interruptSpot("prod", arn);
        FakeEcs copy = FakeEcs.restore(ecs.snapshot());
        assertThat(json(copy.describeCapacityProviders(b -> {}).capacityProviders()))
                .isEqualTo(json(ecs.describeCapacityProviders(b -> {}).capacityProviders()));
        ecs.clock().advance(Duration.ofMinutes(5));
        copy.clock().advance(Duration.ofMinutes(5));
        assertThat(json(Scenario.describe(copy, "prod", arn))).isEqualTo(json(Scenario.describe(ecs, "prod", arn)));
        assertThat(Scenario.describe(copy, "prod", arn).stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
        assertThat(copy.snapshot()).isEqualTo(ecs.snapshot());
    }

    private static List<String> interruptedAfterAnHour(long seed, double probability) {
        FakeEcs ecs = FakeEcs.builder().seed(seed).build();
        ecs.createCluster(b -> b.clusterName("prod").capacityProviders(List.of("FARGATE", "FARGATE_SPOT")));
        ecs.registerTaskDefinition(Scenario.fargate("job"));
        ecs.fargateSpotInterruptions(probability, Duration.ofMinutes(30));
        List<String> arns = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            arns.addAll(ecs
                    .runTask(b -> b.cluster("prod")
                            .taskDefinition("job")
                            .count(10)
                            .capacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                    .capacityProvider("FARGATE_SPOT")
                                    .weight(1)
                                    .build()))
                            .networkConfiguration(Scenario.subnets("subnet-1")))
                    .tasks()
                    .stream()
                    .map(t -> t.taskArn())
                    .toList());
        }
        ecs.clock().advance(Duration.ofHours(1));
        List<String> out = new java.util.ArrayList<>();
        for (String arn : arns) {
            var t = Scenario.describe(ecs, "prod", arn);
            if ("STOPPED".equals(t.lastStatus())) {
                assertThat(t.stoppedReason()).isEqualTo("Your Spot Task was interrupted.");
                assertThat(t.stoppedAt()).isBefore(Scenario.T0.plus(Duration.ofMinutes(34)));
                out.add(arn.substring(arn.lastIndexOf('/') + 1) + "@" + t.stoppedAt());
            } else {
                assertThat(t.lastStatus()).isEqualTo("RUNNING");
            }
        }
        return out;
    }

    @Test
    void interruptionsByProbabilityAreSeededAndZeroTurnsThemOff() {
        List<String> half = interruptedAfterAnHour(3, 0.5);
        assertThat(half).hasSizeBetween(1, 19).isEqualTo(interruptedAfterAnHour(3, 0.5));
        assertThat(interruptedAfterAnHour(3, 1.0)).hasSize(20);
        assertThat(interruptedAfterAnHour(3, 0.0)).isEmpty();
    }
}
