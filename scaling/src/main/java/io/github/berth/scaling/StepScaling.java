package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.MetricAggregationType;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import java.time.Instant;
import java.util.List;

/**
 * One step scaling policy at one evaluation (docs/scaling.md#step-scaling; API model {@code StepAdjustment},
 * {@code StepScalingPolicyConfiguration}).
 *
 * <ul>
 *   <li>Interval bounds are offsets from the alarm's threshold. Above the threshold the lower bound
 *       is inclusive and the upper exclusive; below it the lower is exclusive and the upper
 *       inclusive. [model] At the threshold itself the alarm's direction decides: an upper alarm
 *       (GreaterThan...) reads it as above, a lower alarm as below.
 *   <li>ChangeInCapacity adds the adjustment; ExactCapacity sets it; PercentChangeInCapacity adds
 *       that percentage of the capacity, rounded: above 1 down, between 0 and 1 to 1, between -1
 *       and 0 to -1, below -1 toward zero; then at least MinAdjustmentMagnitude either way.
 *   <li>Cooldown (300 s when absent), see {@link PolicyCooldown}.
 * </ul>
 */
public final class StepScaling {

    /** Cooldown when absent (API model doc of {@code StepScalingPolicyConfiguration.Cooldown}). */
    public static final int DEFAULT_COOLDOWN_SECONDS = 300;

    /** Why a policy in ALARM does not scale out: not above the capacity it set, within its cooldown. */
    public static final String SCALE_OUT_COOLDOWN = "cooldown: not above the capacity the policy last set";
    /** Why a policy in ALARM does not scale in. */
    public static final String SCALE_IN_COOLDOWN = "cooldown";

    private StepScaling() {}

    /**
     * A step scaling policy with the CloudWatch alarm whose action it is (its step bounds are
     * offsets from that alarm's threshold).
     *
     * @param policyName the policy
     * @param config its StepScalingPolicyConfiguration
     * @param alarm the alarm that triggers it
     */
    public record Policy(String policyName, StepScalingPolicyConfiguration config, AlarmSpec alarm) {}

    /**
     * What the policy asks for when its alarm is in {@code state}.
     *
     * @param metric the metric aggregated by the policy's MetricAggregationType (see {@link #aggregate})
     */
    public static ScalingProposal evaluate(
            Policy policy, AlarmState state, double metric, int capacity, PolicyCooldown cooldown, Instant now) {
        return evaluate(policy, state, metric, capacity, cooldown, now.getEpochSecond());
    }

    /** The rules, with {@code now} in epoch seconds. */
    static ScalingProposal evaluate(
            Policy policy, AlarmState state, double metric, int capacity, PolicyCooldown cooldown, long now) {
        String policyName = policy.policyName();
        StepScalingPolicyConfiguration config = policy.config();
        AlarmSpec alarm = policy.alarm();
        if (state != AlarmState.ALARM || Double.isNaN(metric)) {
            return ScalingProposal.none(policyName, capacity);
        }
        StepAdjustment step = stepFor(
                config.stepAdjustments(),
                metric - alarm.threshold(),
                alarm.comparison().isUpper());
        if (step == null || step.scalingAdjustment() == null) {
            return ScalingProposal.none(policyName, capacity);
        }
        AdjustmentType type = config.adjustmentType();
        int adjustment = step.scalingAdjustment();
        Integer magnitude = config.minAdjustmentMagnitude();
        int cooldownSeconds = cooldown(config);
        int provisional = adjustedCapacity(type, adjustment, magnitude, capacity);
        if (provisional > capacity) {
            boolean inCooldown = cooldown.inScaleOutCooldown(now, cooldownSeconds);
            int wanted =
                    inCooldown ? adjustedCapacity(type, adjustment, magnitude, cooldown.scaleOutBase()) : provisional;
            if (inCooldown && wanted <= cooldown.lastScaleOutCapacity()) {
                return ScalingProposal.blocked(policyName, capacity, alarm.name(), SCALE_OUT_COOLDOWN);
            }
            return wanted > capacity
                    ? new ScalingProposal(policyName, ScalingProposal.Direction.OUT, wanted, alarm.name(), null)
                    : ScalingProposal.none(policyName, capacity);
        }
        if (provisional < capacity) {
            return cooldown.inScaleInCooldown(now, cooldownSeconds)
                    ? ScalingProposal.blocked(policyName, capacity, alarm.name(), SCALE_IN_COOLDOWN)
                    : new ScalingProposal(policyName, ScalingProposal.Direction.IN, provisional, alarm.name(), null);
        }
        return ScalingProposal.none(policyName, capacity);
    }

    /**
     * The step whose interval holds {@code difference} = metric - threshold, or null.
     *
     * @param upperAlarm whether the alarm watches values above its threshold (decides the threshold itself)
     */
    public static @Nullable StepAdjustment stepFor(
            @Nullable List<StepAdjustment> steps, double difference, boolean upperAlarm) {
        if (steps == null) {
            return null;
        }
        boolean above = difference > 0 || (difference == 0 && upperAlarm);
        for (StepAdjustment s : steps) {
            Double lo = s.metricIntervalLowerBound();
            Double hi = s.metricIntervalUpperBound();
            boolean inside = above
                    ? (lo == null || difference >= lo) && (hi == null || difference < hi)
                    : (lo == null || difference > lo) && (hi == null || difference <= hi);
            if (inside) {
                return s;
            }
        }
        return null;
    }

    /** The capacity an adjustment gives from {@code capacity} (before min and max apply). */
    public static int adjustedCapacity(
            @Nullable AdjustmentType type, int adjustment, @Nullable Integer minAdjustmentMagnitude, int capacity) {
        if (AdjustmentType.EXACT_CAPACITY.equals(type)) {
            return adjustment;
        }
        if (AdjustmentType.PERCENT_CHANGE_IN_CAPACITY.equals(type)) {
            long change = percentChange(capacity, adjustment);
            if (change != 0 && minAdjustmentMagnitude != null && Math.abs(change) < minAdjustmentMagnitude) {
                change = change > 0 ? minAdjustmentMagnitude : -minAdjustmentMagnitude;
            }
            return saturate(capacity + change);
        }
        return saturate((long) capacity + adjustment);
    }

    /**
     * The change a PercentChangeInCapacity adjustment makes to {@code capacity}: above 1 rounded
     * down (12.7 gives 12), between 0 and 1 gives 1, between -1 and 0 gives -1, below -1 rounded
     * toward zero (-6.67 gives -6).
     */
    public static long percentChange(int capacity, int percent) {
        long hundredths = (long) capacity * percent; // the change times 100, exactly
        if (hundredths == 0) {
            return 0;
        }
        if (hundredths > 0) {
            return hundredths < 100 ? 1 : hundredths / 100;
        }
        return hundredths > -100 ? -1 : hundredths / 100; // Java division rounds toward zero
    }

    /**
     * The policy's metric value: its MetricAggregationType (Average when absent) over
     * {@code datapoints[from .. from + length)}.
     *
     * @throws IllegalArgumentException if that range is not inside {@code datapoints}
     */
    public static double aggregate(@Nullable MetricAggregationType type, double[] datapoints, int from, int length) {
        if (from < 0 || length < 0 || (long) from + length > datapoints.length) {
            throw new IllegalArgumentException("the datapoints from " + from + " (" + length
                    + " of them) are not inside the " + datapoints.length + " given");
        }
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            double x = datapoints[i];
            if (!Double.isNaN(x)) {
                n++;
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (MetricAggregationType.MINIMUM.equals(type)) {
            return min;
        }
        if (MetricAggregationType.MAXIMUM.equals(type)) {
            return max;
        }
        return sum / n;
    }

    /** Cooldown, 300 s when absent. */
    public static int cooldown(StepScalingPolicyConfiguration config) {
        return config.cooldown() != null ? config.cooldown() : DEFAULT_COOLDOWN_SECONDS;
    }

    private static int saturate(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
