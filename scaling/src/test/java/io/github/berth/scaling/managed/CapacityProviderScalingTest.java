package io.github.berth.scaling.managed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.ManagedScalingStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityProviderScalingTest {

    private static final long NOW = 1_700_000_000L;

    private static ManagedScalingState state(
            int running, int busy, int provisioning, int desired, Long youngest, int low) {
        return new ManagedScalingState(running, busy, provisioning, desired, 0, 100, youngest, low);
    }

    @Test
    void reservationIsNeededOverRunningTimesHundredWithItsSpecialCases() {
        assertThat(CapacityProviderScaling.reservation(3, 4)).isEqualTo(75);
        assertThat(CapacityProviderScaling.reservation(6, 4)).isEqualTo(150);
        assertThat(CapacityProviderScaling.reservation(4, 4)).isEqualTo(100);
        assertThat(CapacityProviderScaling.reservation(0, 0)).isEqualTo(100);
        assertThat(CapacityProviderScaling.reservation(2, 0)).isEqualTo(200);
    }

    @Test
    void withoutProvisioningTasksOnlyBusyInstancesAreNeeded() {
        assertThat(CapacityProviderScaling.instancesNeeded(10, 8, 0, ManagedScalingSettings.DEFAULTS))
                .isEqualTo(8);
    }

    @Test
    void stepSizesBoundTheInstancesToAdd() {
        ManagedScalingSettings s = new ManagedScalingSettings(true, 100, 3, 5, 300);
        assertThat(CapacityProviderScaling.instancesToAdd(1, s)).isEqualTo(3);
        assertThat(CapacityProviderScaling.instancesToAdd(2, s)).isEqualTo(3); // just below the minimum step
        assertThat(CapacityProviderScaling.instancesToAdd(3, s)).isEqualTo(3);
        assertThat(CapacityProviderScaling.instancesToAdd(4, s)).isEqualTo(4);
        assertThat(CapacityProviderScaling.instancesToAdd(9, s)).isEqualTo(5);
        assertThat(CapacityProviderScaling.instancesToAdd(0, s)).isEqualTo(0);
        assertThat(CapacityProviderScaling.instancesNeeded(10, 10, 9, s)).isEqualTo(15);
    }

    @Test
    void provisioningTasksAreBinpackedOntoTheLargestTypeAndCheckedAgainstTheSmallest() {
        InstanceType large = InstanceTypes.find("m5.xlarge").orElseThrow(); // 4 vCPU, 16 GiB
        InstanceType small = InstanceTypes.find("m5.large").orElseThrow(); // 2 vCPU, 8 GiB
        // 1 vCPU / 2 GiB tasks: 4 per m5.xlarge by CPU; 10 tasks need 3.
        assertThat(CapacityProviderScaling.estimateInstances(
                        List.of(new ProvisioningTasks(1024, 2048, 0, 10)), large, small))
                .isEqualTo(3);
        // Memory-bound: 6 GiB tasks, 2 per xlarge (15,974 MiB registered).
        assertThat(CapacityProviderScaling.estimateInstances(
                        List.of(new ProvisioningTasks(256, 6144, 0, 5)), large, small))
                .isEqualTo(3);
        // A group that does not fit the smallest type is left out.
        assertThat(CapacityProviderScaling.estimateInstances(
                        List.of(new ProvisioningTasks(4096, 1024, 0, 5), new ProvisioningTasks(1024, 1024, 0, 4)),
                        large,
                        small))
                .isEqualTo(1);
        // GPUs count in the fit too: a GPU task does not fit an m5.large, it fits a p2.xlarge (1 GPU)
        InstanceType gpuLarge = InstanceTypes.find("p2.8xlarge").orElseThrow(); // 8 GPUs
        InstanceType gpuSmall = InstanceTypes.find("p2.xlarge").orElseThrow(); // 1 GPU
        assertThat(CapacityProviderScaling.estimateInstances(
                        List.of(new ProvisioningTasks(1024, 1024, 1, 4)), gpuLarge, small))
                .isZero();
        assertThat(CapacityProviderScaling.estimateInstances(
                        List.of(new ProvisioningTasks(1024, 1024, 1, 12)), gpuLarge, gpuSmall))
                .isEqualTo(2); // 8 per p2.8xlarge by GPUs
    }

    @Test
    void scaleOutBringsTheReservationBackToTarget() {
        // 4 running, all busy, 2 more needed: M = 6, CPR 150, target 100: desired 6.
        ManagedScalingDecision d =
                CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(4, 4, 2, 4, NOW - 600, 0), NOW);
        assertThat(d.reservation()).isEqualTo(150);
        assertThat(d.desiredCapacity()).isEqualTo(6);
        // With targetCapacity 90: ceil(6 x 100 / 90) = 7, leaving spare room.
        ManagedScalingDecision spare = CapacityProviderScaling.evaluate(
                new ManagedScalingSettings(true, 90, 1, 10_000, 300), state(4, 4, 2, 4, NOW - 600, 0), NOW);
        assertThat(spare.desiredCapacity()).isEqualTo(7);
    }

    @Test
    void scaleOutWaitsForWarmUp() {
        ManagedScalingDecision d =
                CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(4, 4, 2, 4, NOW - 299, 0), NOW);
        assertThat(d.desiredCapacity()).isEqualTo(4);
        assertThat(d.reason()).contains("warm-up");
        assertThat(CapacityProviderScaling.evaluate(
                                ManagedScalingSettings.DEFAULTS, state(4, 4, 2, 4, NOW - 300, 0), NOW)
                        .desiredCapacity())
                .isEqualTo(6);
    }

    @Test
    void fromZeroInstancesItScalesOutToTwo() {
        ManagedScalingDecision d =
                CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(0, 0, 5, 0, null, 0), NOW);
        assertThat(d.reservation()).isEqualTo(200);
        assertThat(d.desiredCapacity()).isEqualTo(2);
    }

    @Test
    void scaleInNeedsFifteenMinutesAndMovesLessThanHalf() {
        // 10 running, 2 busy: CPR 20.
        ManagedScalingDecision d14 =
                CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(10, 2, 0, 10, null, 13), NOW);
        assertThat(d14.lowMinutes()).isEqualTo(14);
        assertThat(d14.desiredCapacity()).isEqualTo(10);
        ManagedScalingDecision d15 =
                CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(10, 2, 0, 10, null, 14), NOW);
        assertThat(d15.lowMinutes()).isEqualTo(15);
        assertThat(d15.desiredCapacity()).isEqualTo(6); // at most (10 - 1) / 2 = 4 fewer
        // Near the target it goes straight there.
        assertThat(CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(10, 9, 0, 10, null, 20), NOW)
                        .desiredCapacity())
                .isEqualTo(9);
        // A scale-in never raises the desired capacity, even where it stands below the computed step.
        assertThat(CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(10, 2, 0, 4, null, 14), NOW)
                        .desiredCapacity())
                .isEqualTo(4);
        // A reservation above target resets the count.
        assertThat(CapacityProviderScaling.evaluate(
                                ManagedScalingSettings.DEFAULTS, state(10, 10, 1, 10, null, 14), NOW)
                        .lowMinutes())
                .isEqualTo(0);
    }

    @Test
    void theGroupsSizesBoundTheResult() {
        ManagedScalingState s = new ManagedScalingState(4, 4, 10, 4, 0, 6, null, 0);
        assertThat(CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, s, NOW)
                        .desiredCapacity())
                .isEqualTo(6);
        ManagedScalingState low = new ManagedScalingState(4, 0, 0, 4, 3, 6, null, 30);
        assertThat(CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, low, NOW)
                        .desiredCapacity())
                .isEqualTo(3);
    }

    @Test
    void settingsFromTheEcsModelWithDefaults() {
        ManagedScalingSettings s = ManagedScalingSettings.of(ManagedScaling.builder()
                .status(ManagedScalingStatus.ENABLED)
                .targetCapacity(80)
                .build());
        assertThat(s).isEqualTo(new ManagedScalingSettings(true, 80, 1, 10_000, 300));
        assertThat(ManagedScalingSettings.of(null).enabled()).isFalse();
        assertThat(CapacityProviderScaling.evaluate(ManagedScalingSettings.of(null), state(4, 4, 2, 4, null, 0), NOW)
                        .desiredCapacity())
                .isEqualTo(4);
        assertThatThrownBy(() -> new ManagedScalingSettings(true, 0, 1, 1, 0)).hasMessageContaining("targetCapacity");
        assertThatThrownBy(() -> new ManagedScalingSettings(true, 100, 5, 2, 0))
                .hasMessageContaining("minimumScalingStepSize");
    }

    @Test
    void aScaleOutNeverLowersADesiredCapacityAlreadyAboveItsTarget() {
        // 4 running, 2 instances launching (desired 6), one more task's instance needed: M = 5,
        // CPR 125, target 5; the target tracking scale-out keeps the 6 already asked for.
        ManagedScalingDecision d =
                CapacityProviderScaling.evaluate(ManagedScalingSettings.DEFAULTS, state(4, 4, 1, 6, NOW - 600, 0), NOW);
        assertThat(d.reservation()).isEqualTo(125);
        assertThat(d.desiredCapacity()).isEqualTo(6);
        assertThat(d.reason()).isEqualTo("desired capacity 6 already covers the 5 instances the target needs");
        // At the group's MaxSize the same reservation adds nothing either, and says why.
        ManagedScalingDecision atMax = CapacityProviderScaling.evaluate(
                ManagedScalingSettings.DEFAULTS, new ManagedScalingState(4, 4, 1, 4, 0, 4, NOW - 600, 0), NOW);
        assertThat(atMax.desiredCapacity()).isEqualTo(4);
        assertThat(atMax.reason()).isEqualTo("already at the group's MaxSize");
    }
}
