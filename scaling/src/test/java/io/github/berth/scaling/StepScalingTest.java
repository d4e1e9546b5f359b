package io.github.berth.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.ComparisonOperator;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.MetricAggregationType;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepScalingTest {

    private static final Instant NOW = Instant.parse("2024-03-04T10:00:00Z");

    static StepAdjustment step(Double lower, Double upper, int adjustment) {
        return StepAdjustment.builder()
                .metricIntervalLowerBound(lower)
                .metricIntervalUpperBound(upper)
                .scalingAdjustment(adjustment)
                .build();
    }

    /** The documented example: threshold 50, percent steps 0/+10/+30 above and 0/-10/-30 below. */
    static StepScalingPolicyConfiguration documentedPolicy() {
        return StepScalingPolicyConfiguration.builder()
                .adjustmentType(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY)
                .addStepAdjustments(step(0.0, 10.0, 0))
                .addStepAdjustments(step(10.0, 20.0, 10))
                .addStepAdjustments(step(20.0, null, 30))
                .addStepAdjustments(step(-10.0, 0.0, 0))
                .addStepAdjustments(step(-20.0, -10.0, -10))
                .addStepAdjustments(step(null, -20.0, -30))
                .build();
    }

    private static int apply(StepScalingPolicyConfiguration c, AlarmSpec alarm, double metric, int capacity) {
        ScalingProposal p = StepScaling.evaluate(
                new StepScaling.Policy("p", c, alarm), AlarmState.ALARM, metric, capacity, PolicyCooldown.NONE, NOW);
        return p.direction() == ScalingProposal.Direction.NONE ? capacity : p.capacity();
    }

    @Test
    void theWorkedExampleOfTheReference() {
        // docs/scaling.md#step-scaling: capacity 10; metric 60 -> 11; 70 -> 14; 40 -> 13; 30 -> 10.
        StepScalingPolicyConfiguration c = documentedPolicy();
        AlarmSpec upper = AlarmSpec.of(
                "high", Statistic.AVERAGE, 60, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 50);
        AlarmSpec lower =
                AlarmSpec.of("low", Statistic.AVERAGE, 60, 1, ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD, 50);
        int capacity = apply(c, upper, 60, 10);
        assertThat(capacity).isEqualTo(11);
        capacity = apply(c, upper, 70, capacity);
        assertThat(capacity).isEqualTo(14);
        capacity = apply(c, lower, 40, capacity);
        assertThat(capacity).isEqualTo(13);
        capacity = apply(c, lower, 30, capacity);
        assertThat(capacity).isEqualTo(10);
    }

    @ParameterizedTest(name = "difference {0} ({1} alarm) -> step {2}")
    @CsvSource({
        // Above the threshold: lower bound inclusive, upper exclusive.
        "0, upper, 0", "9.99, upper, 0", "10, upper, 1", "19.99, upper, 1", "20, upper, 2", "1000, upper, 2",
        // Below: lower exclusive, upper inclusive.
        "-0.01, lower, 3", "-9.99, lower, 3", "-10, lower, 4", "-19.99, lower, 4", "-20, lower, 5", "-500, lower, 5",
        // At the threshold the alarm's direction decides.
        "0, lower, 3"
    })
    void intervalEndsAreInclusiveOrExclusiveByTheSideOfTheThreshold(double difference, String side, int expected) {
        StepScalingPolicyConfiguration c = documentedPolicy();
        assertThat(StepScaling.stepFor(c.stepAdjustments(), difference, side.equals("upper")))
                .isSameAs(c.stepAdjustments().get(expected));
    }

    @Test
    void noStepHoldsTheMetricNoChange() {
        StepScalingPolicyConfiguration c = StepScalingPolicyConfiguration.builder()
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .addStepAdjustments(step(10.0, null, 2))
                .build();
        AlarmSpec alarm = AlarmSpec.of("a", Statistic.AVERAGE, 60, 1, ComparisonOperator.GREATER_THAN_THRESHOLD, 50);
        assertThat(StepScaling.evaluate(
                                new StepScaling.Policy("p", c, alarm),
                                AlarmState.ALARM,
                                55,
                                4,
                                PolicyCooldown.NONE,
                                NOW)
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(StepScaling.evaluate(
                                new StepScaling.Policy("p", c, alarm),
                                AlarmState.ALARM,
                                65,
                                4,
                                PolicyCooldown.NONE,
                                NOW)
                        .capacity())
                .isEqualTo(6);
        // An alarm that is not in ALARM triggers nothing.
        assertThat(StepScaling.evaluate(
                                new StepScaling.Policy("p", c, alarm), AlarmState.OK, 65, 4, PolicyCooldown.NONE, NOW)
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
    }

    @Test
    void theThreeAdjustmentTypes() {
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.CHANGE_IN_CAPACITY, 3, null, 10))
                .isEqualTo(13);
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.CHANGE_IN_CAPACITY, -3, null, 10))
                .isEqualTo(7);
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.EXACT_CAPACITY, 3, null, 10))
                .isEqualTo(3);
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, 200, null, 10))
                .isEqualTo(30);
    }

    @ParameterizedTest(name = "{1} % of {0} -> {2}")
    @CsvSource({
        "127, 10, 12", // 12.7 rounds down
        "5, 10, 1", // 0.5 becomes 1
        "10, 10, 1", // exactly 1
        "5, -10, -1", // -0.5 becomes -1
        "14, -10, -1", // -1.4 rounds toward zero
        "667, -1, -6", // -6.67 rounds toward zero
        "13, -30, -3", // -3.9
        "10, 0, 0"
    })
    void percentChangeRounding(int capacity, int percent, long change) {
        assertThat(StepScaling.percentChange(capacity, percent)).isEqualTo(change);
    }

    @Test
    void minAdjustmentMagnitudeRaisesSmallPercentChanges() {
        // API doc: 25 % of 4 tasks is 1; with MinAdjustmentMagnitude 2 the service scales out by 2.
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, 25, 2, 4))
                .isEqualTo(6);
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, 25, null, 4))
                .isEqualTo(5);
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, -25, 2, 4))
                .isEqualTo(2);
        // A change larger than the magnitude is kept; no change stays no change.
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, 100, 2, 4))
                .isEqualTo(8);
        assertThat(StepScaling.adjustedCapacity(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, 0, 2, 4))
                .isEqualTo(4);
    }

    @Test
    void inScaleOutCooldownARetriggerAddsOnlyTheDifference() {
        // docs/scaling.md#step-scaling: +2, then a +3 step during the cooldown adds 1.
        StepScalingPolicyConfiguration c = StepScalingPolicyConfiguration.builder()
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .cooldown(300)
                .addStepAdjustments(step(0.0, 10.0, 2))
                .addStepAdjustments(step(10.0, null, 3))
                .build();
        AlarmSpec alarm = AlarmSpec.of("a", Statistic.AVERAGE, 60, 1, ComparisonOperator.GREATER_THAN_THRESHOLD, 50);
        ScalingProposal first = StepScaling.evaluate(
                new StepScaling.Policy("p", c, alarm), AlarmState.ALARM, 55, 10, PolicyCooldown.NONE, NOW);
        assertThat(first.capacity()).isEqualTo(12);
        PolicyCooldown cd = PolicyCooldown.NONE.afterScaleOut(NOW, 300, 10, 12);
        ScalingProposal second = StepScaling.evaluate(
                new StepScaling.Policy("p", c, alarm), AlarmState.ALARM, 65, 12, cd, NOW.plusSeconds(60));
        assertThat(second.capacity()).isEqualTo(13);
        // The same step again within the cooldown adds nothing.
        ScalingProposal again = StepScaling.evaluate(
                new StepScaling.Policy("p", c, alarm), AlarmState.ALARM, 55, 12, cd, NOW.plusSeconds(120));
        assertThat(again.direction()).isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(again.blockedBy()).contains("cooldown");
        // After the cooldown it acts on the capacity it finds.
        ScalingProposal after = StepScaling.evaluate(
                new StepScaling.Policy("p", c, alarm), AlarmState.ALARM, 55, 12, cd, NOW.plusSeconds(300));
        assertThat(after.capacity()).isEqualTo(14);
    }

    @Test
    void scaleInWaitsForTheCooldown() {
        StepScalingPolicyConfiguration c = StepScalingPolicyConfiguration.builder()
                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                .addStepAdjustments(step(null, 0.0, -1))
                .build();
        AlarmSpec alarm = AlarmSpec.of("a", Statistic.AVERAGE, 60, 1, ComparisonOperator.LESS_THAN_THRESHOLD, 20);
        PolicyCooldown cd = PolicyCooldown.NONE.afterScaleIn(NOW);
        assertThat(StepScaling.evaluate(
                                new StepScaling.Policy("p", c, alarm),
                                AlarmState.ALARM,
                                10,
                                5,
                                cd,
                                NOW.plusSeconds(299))
                        .direction())
                .isEqualTo(ScalingProposal.Direction.NONE);
        assertThat(StepScaling.evaluate(
                                new StepScaling.Policy("p", c, alarm),
                                AlarmState.ALARM,
                                10,
                                5,
                                cd,
                                NOW.plusSeconds(300))
                        .capacity())
                .isEqualTo(4);
        // A scale-out by any policy ends the scale-in cooldown.
        assertThat(StepScaling.evaluate(
                                new StepScaling.Policy("p", c, alarm),
                                AlarmState.ALARM,
                                10,
                                5,
                                cd.afterOtherScaleOut(),
                                NOW.plusSeconds(60))
                        .capacity())
                .isEqualTo(4);
    }

    @Test
    void aggregationOfTheLatestDatapoints() {
        double[] d = {10, Double.NaN, 30, 20};
        assertThat(StepScaling.aggregate(null, d, 0, 4)).isEqualTo(20);
        assertThat(StepScaling.aggregate(MetricAggregationType.AVERAGE, d, 0, 4))
                .isEqualTo(20);
        assertThat(StepScaling.aggregate(MetricAggregationType.MINIMUM, d, 0, 4))
                .isEqualTo(10);
        assertThat(StepScaling.aggregate(MetricAggregationType.MAXIMUM, d, 0, 4))
                .isEqualTo(30);
        assertThat(StepScaling.aggregate(MetricAggregationType.MAXIMUM, d, 1, 1))
                .isNaN();
    }

    @Test
    void aggregateRefusesARangeOutsideTheDatapoints() {
        // This threw ArrayIndexOutOfBoundsException from inside.
        assertThatThrownBy(() -> StepScaling.aggregate(null, new double[3], 2, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the datapoints from 2 (5 of them) are not inside the 3 given");
        assertThatThrownBy(() -> StepScaling.aggregate(null, new double[3], -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StepScaling.aggregate(null, new double[] {9, 1, 3}, 1, 2)).isEqualTo(2.0);
    }
}
