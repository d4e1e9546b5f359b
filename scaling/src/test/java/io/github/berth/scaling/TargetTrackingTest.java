package io.github.berth.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TargetTrackingTest {

    private static final Instant NOW = Instant.parse("2024-03-04T10:00:00Z");

    static TargetTrackingScalingPolicyConfiguration cpu(double target) {
        return TargetTrackingScalingPolicyConfiguration.builder()
                .targetValue(target)
                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                        .build())
                .build();
    }

    private static ScalingProposal eval(
            TargetTrackingScalingPolicyConfiguration c,
            AlarmState high,
            AlarmState low,
            double metric,
            int capacity,
            PolicyCooldown cd,
            Instant now) {
        return TargetTracking.evaluate(
                TargetTracking.Settings.of("p", c, TargetTrackingFormula.PROPORTIONAL),
                new TargetTracking.AlarmReadings(high, low, "high", "low", metric),
                capacity,
                cd,
                now.getEpochSecond());
    }

    @Test
    void theFormulaIsProportionalAndRoundsUp() {
        TargetTrackingFormula f = TargetTrackingFormula.PROPORTIONAL;
        assertThat(f.desiredCapacity(10, 90, 50)).isEqualTo(18);
        assertThat(f.desiredCapacity(10, 55, 50)).isEqualTo(11); // exactly 11, not pushed to 12
        // 25 x 17.6 / 40 is 11 in decimal but 11.000000000000002 in binary floating point
        assertThat(f.desiredCapacity(25, 17.6, 40)).isEqualTo(11);
        assertThat(f.desiredCapacity(10, 55.1, 50)).isEqualTo(12);
        assertThat(f.desiredCapacity(10, 30, 50)).isEqualTo(6);
        assertThat(f.desiredCapacity(3, 10, 50)).isEqualTo(1);
        assertThat(f.desiredCapacity(3, 0, 50)).isEqualTo(0);
    }

    @Test
    void theHighAlarmScalesOutProportionally() {
        ScalingProposal p = eval(cpu(50), AlarmState.ALARM, AlarmState.OK, 90, 10, PolicyCooldown.NONE, NOW);
        assertThat(p.direction()).isEqualTo(ScalingProposal.Direction.OUT);
        assertThat(p.capacity()).isEqualTo(18);
        assertThat(p.alarmName()).isEqualTo("high");
        assertThat(eval(cpu(50), AlarmState.OK, AlarmState.OK, 90, 10, PolicyCooldown.NONE, NOW)
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
    }

    @Test
    void theLowAlarmScalesIn() {
        ScalingProposal p = eval(cpu(50), AlarmState.OK, AlarmState.ALARM, 30, 10, PolicyCooldown.NONE, NOW);
        assertThat(p.direction()).isEqualTo(ScalingProposal.Direction.IN);
        assertThat(p.capacity()).isEqualTo(6);
        assertThat(p.alarmName()).isEqualTo("low");
        // In ALARM, but the formula keeps the capacity (ceil(10 x 46 / 50) = 10): nothing to do
        ScalingProposal keep = eval(cpu(50), AlarmState.OK, AlarmState.ALARM, 46, 10, PolicyCooldown.NONE, NOW);
        assertThat(keep.direction()).isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(keep.capacity()).isEqualTo(10);
        assertThat(keep.blockedBy()).isNull();
    }

    @Test
    void disableScaleInNeverScalesIn() {
        TargetTrackingScalingPolicyConfiguration c =
                cpu(50).toBuilder().disableScaleIn(true).build();
        assertThat(eval(c, AlarmState.OK, AlarmState.ALARM, 30, 10, PolicyCooldown.NONE, NOW)
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(eval(c, AlarmState.ALARM, null, 90, 10, PolicyCooldown.NONE, NOW)
                        .direction())
                .isEqualTo(ScalingProposal.Direction.OUT);
    }

    @Test
    void duringTheScaleOutCooldownOnlyAHigherDemandScalesOut() {
        // 10 tasks at 60 % of 50: 12. Within the 300 s cooldown the base stays 10.
        PolicyCooldown cd = PolicyCooldown.NONE.afterScaleOut(NOW, 300, 10, 12);
        ScalingProposal same = eval(cpu(50), AlarmState.ALARM, AlarmState.OK, 60, 12, cd, NOW.plusSeconds(60));
        assertThat(same.direction()).isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(same.blockedBy()).contains("scale-out cooldown");
        ScalingProposal higher = eval(cpu(50), AlarmState.ALARM, AlarmState.OK, 75, 12, cd, NOW.plusSeconds(60));
        assertThat(higher.capacity()).isEqualTo(15); // ceil(10 x 75 / 50)
        // After the cooldown the current capacity is the base again.
        ScalingProposal later = eval(cpu(50), AlarmState.ALARM, AlarmState.OK, 60, 12, cd, NOW.plusSeconds(300));
        assertThat(later.capacity()).isEqualTo(15); // ceil(12 x 60 / 50)
    }

    @Test
    void theScaleInCooldownHoldsScaleInAndAScaleOutEndsIt() {
        TargetTrackingScalingPolicyConfiguration c =
                cpu(50).toBuilder().scaleInCooldown(600).build();
        PolicyCooldown cd = PolicyCooldown.NONE.afterScaleIn(NOW);
        assertThat(eval(c, AlarmState.OK, AlarmState.ALARM, 30, 10, cd, NOW.plusSeconds(599))
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(eval(c, AlarmState.OK, AlarmState.ALARM, 30, 10, cd, NOW.plusSeconds(600))
                        .direction())
                .isEqualTo(ScalingProposal.Direction.IN);
        // A scale-out during it happens at once.
        assertThat(eval(c, AlarmState.ALARM, AlarmState.OK, 90, 10, cd, NOW.plusSeconds(60))
                        .direction())
                .isEqualTo(ScalingProposal.Direction.OUT);
        assertThat(cd.afterScaleOut(NOW.plusSeconds(60), 300, 10, 18).lastScaleIn())
                .isNull();
    }

    @Test
    void defaultCooldownsAreFiveMinutes() {
        assertThat(TargetTracking.scaleOutCooldown(cpu(50))).isEqualTo(300);
        assertThat(TargetTracking.scaleInCooldown(cpu(50))).isEqualTo(300);
        assertThat(TargetTracking.scaleOutCooldown(
                        cpu(50).toBuilder().scaleOutCooldown(60).build()))
                .isEqualTo(60);
    }

    @Test
    void fromZeroOneDatapointOfDemandAsksForOneTask() {
        ScalingProposal p = eval(
                cpu(50), AlarmState.INSUFFICIENT_DATA, AlarmState.INSUFFICIENT_DATA, 80, 0, PolicyCooldown.NONE, NOW);
        assertThat(p.direction()).isEqualTo(ScalingProposal.Direction.OUT);
        assertThat(p.capacity()).isEqualTo(1);
        assertThat(eval(
                                cpu(50),
                                AlarmState.INSUFFICIENT_DATA,
                                AlarmState.INSUFFICIENT_DATA,
                                Double.NaN,
                                0,
                                PolicyCooldown.NONE,
                                NOW)
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
        // a datapoint above the target, not at it
        assertThat(eval(
                                cpu(50),
                                AlarmState.INSUFFICIENT_DATA,
                                AlarmState.INSUFFICIENT_DATA,
                                50,
                                0,
                                PolicyCooldown.NONE,
                                NOW)
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(eval(
                                cpu(50),
                                AlarmState.INSUFFICIENT_DATA,
                                AlarmState.INSUFFICIENT_DATA,
                                50.5,
                                0,
                                PolicyCooldown.NONE,
                                NOW)
                        .capacity())
                .isEqualTo(1);
        // Back at zero within the cooldown of that scale-out: the task it added counts as there.
        PolicyCooldown cd = PolicyCooldown.NONE.afterScaleOut(NOW, 300, 0, 1);
        ScalingProposal again = eval(
                cpu(50), AlarmState.INSUFFICIENT_DATA, AlarmState.INSUFFICIENT_DATA, 80, 0, cd, NOW.plusSeconds(120));
        assertThat(again.direction()).isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(again.blockedBy()).isEqualTo(TargetTracking.SCALE_OUT_COOLDOWN);
        assertThat(eval(
                                cpu(50),
                                AlarmState.INSUFFICIENT_DATA,
                                AlarmState.INSUFFICIENT_DATA,
                                80,
                                0,
                                cd,
                                NOW.plusSeconds(300))
                        .capacity())
                .isEqualTo(1);
    }

    @Test
    void aTargetThatCannotBeTrackedIsRefused() {
        assertThatThrownBy(() -> TargetTracking.targetValue(cpu(0))).hasMessageContaining("above 0");
        assertThatThrownBy(() -> TargetTracking.targetValue(cpu(-5))).hasMessageContaining("above 0");
    }

    @Test
    void aDifferentFormulaCanBeSwappedIn() {
        TargetTrackingFormula plusOne = (capacity, metric, target) -> metric > target ? capacity + 1 : capacity - 1;
        ScalingProposal p = TargetTracking.evaluate(
                TargetTracking.Settings.of("p", cpu(50), plusOne),
                new TargetTracking.AlarmReadings(AlarmState.ALARM, AlarmState.OK, "h", "l", 90),
                10,
                PolicyCooldown.NONE,
                NOW.getEpochSecond());
        assertThat(p.capacity()).isEqualTo(11);
    }
}
