package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.AutoScalingGroupProvider;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.ManagedScalingStatus;
import io.github.berth.core.model.ManagedTerminationProtection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fake Auto Scaling groups behind capacity providers (docs/scheduler.md#auto-scaling-groups-in-the-fake). */
class AutoScalingGroupTest {

    private static FakeEcs withGroup(int desired, boolean terminationProtection) {
        FakeEcs ecs = Scenario.fake();
        String arn = ecs.autoScalingGroups()
                .create(
                        "asg-1",
                        g -> g.instanceType("m5.large")
                                .minSize(0)
                                .maxSize(10)
                                .desiredCapacity(desired)
                                .availabilityZones("us-east-1a", "us-east-1b")
                                .bootDelay(Duration.ofSeconds(90)));
        ecs.createCapacityProvider(b -> b.name("cp-1")
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(arn)
                        .managedScaling(ManagedScaling.builder()
                                .status(ManagedScalingStatus.ENABLED)
                                .build())
                        .managedTerminationProtection(
                                terminationProtection
                                        ? ManagedTerminationProtection.ENABLED
                                        : ManagedTerminationProtection.DISABLED)
                        .build()));
        ecs.createCluster(b -> b.clusterName("prod").capacityProviders(List.of("cp-1")));
        return ecs;
    }

    private static List<ContainerInstance> instances(FakeEcs ecs) {
        List<String> arns = ecs.listContainerInstances(
                        b -> b.cluster("prod").status(io.github.berth.core.model.ContainerInstanceStatus.ACTIVE))
                .containerInstanceArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeContainerInstances(b -> b.cluster("prod").containerInstances(arns))
                .containerInstances();
    }

    @Test
    void launchedInstancesRegisterAfterTheBootDelayCarryingTheProvidersName() {
        FakeEcs ecs = withGroup(2, false);
        assertThat(ecs.autoScalingGroups().describe("asg-1").arn())
                .startsWith("arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:")
                .endsWith(":autoScalingGroupName/asg-1");
        ecs.clock().advance(Duration.ofSeconds(89));
        assertThat(instances(ecs)).isEmpty();
        ecs.clock().advance(Duration.ofSeconds(1));
        List<ContainerInstance> in = instances(ecs);
        assertThat(in).extracting(ContainerInstance::capacityProviderName).containsExactly("cp-1", "cp-1");
        assertThat(in)
                .extracting(ContainerInstance::ec2InstanceId)
                .containsExactlyInAnyOrderElementsOf(
                        ecs.autoScalingGroups().describe("asg-1").inServiceInstanceIds());
        assertThat(in)
                .extracting(i -> i.attributes().stream()
                        .filter(a -> a.name().equals("ecs.availability-zone"))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .containsExactlyInAnyOrder("us-east-1a", "us-east-1b");
        assertThat(ecs.events().ofType("ECS Container Instance State Change")).hasSize(2);
    }

    @Test
    void sizesOutOfOrderAreRefused() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.autoScalingGroups()
                        .create("asg-1", g -> g.minSize(0).maxSize(2).desiredCapacity(3)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The sizes of the Auto Scaling group must satisfy 0 <= minSize (0) <= desiredCapacity (3) "
                        + "<= maxSize (2).");
        assertThatThrownBy(() -> ecs.autoScalingGroups().describe("asg-1"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The Auto Scaling group asg-1 does not exist.");
    }

    @Test
    void loweringDesiredCapacityDeregistersInstances() {
        FakeEcs ecs = withGroup(2, false);
        ecs.clock().advance(Duration.ofMinutes(2));
        ecs.autoScalingGroups().setDesiredCapacity("asg-1", 1);
        assertThat(instances(ecs)).hasSize(1);
        assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds()).hasSize(1);
        // Managed draining is on by default: the instance is drained (empty, at once), then terminated
        // (docs/scheduler.md#managed-scaling-in-the-fake).
        assertThat(ecs.events().ofType("ECS Container Instance State Change"))
                .extracting(e -> e.detail("status"))
                .containsExactly("ACTIVE", "ACTIVE", "DRAINING", "INACTIVE");
    }

    @Test
    void managedTerminationProtectionKeepsInstancesRunningTasks() {
        for (boolean protection : List.of(true, false)) {
            FakeEcs ecs = withGroup(1, protection);
            ecs.clock().advance(Duration.ofMinutes(2));
            ecs.registerTaskDefinition(Scenario.web());
            ecs.runTask(
                    b -> b.cluster("prod").taskDefinition("web").launchType(io.github.berth.core.model.LaunchType.EC2));
            ecs.clock().advance(Duration.ofMinutes(1));
            ecs.autoScalingGroups().setDesiredCapacity("asg-1", 0);
            assertThat(instances(ecs)).as("protection " + protection).hasSize(protection ? 1 : 0);
            assertThat(ecs.autoScalingGroups().describe("asg-1").desiredCapacity())
                    .isZero();
        }
    }

    @Test
    void aRestoredFakeBootsTheSameInstances() {
        FakeEcs ecs = withGroup(3, false);
        FakeEcs copy = FakeEcs.restore(ecs.snapshot());
        ecs.clock().advance(Duration.ofMinutes(2));
        copy.clock().advance(Duration.ofMinutes(2));
        assertThat(copy.autoScalingGroups().describe("asg-1"))
                .isEqualTo(ecs.autoScalingGroups().describe("asg-1"));
        assertThat(copy.snapshot()).isEqualTo(ecs.snapshot());
        assertThat(instances(copy)).hasSize(3);
    }
}
