package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;

/**
 * One target tracking policy at one evaluation (docs/scaling.md#target-tracking): from the states of its two
 * alarms, the latest datapoint, the current capacity and its cooldowns, what it asks for.
 *
 * <ul>
 *   <li>AlarmHigh in ALARM: scale out to the formula's capacity; within the scale-out cooldown the
 *       formula starts from the capacity the cooldown started from, and the policy acts only above
 *       what it last set.
 *   <li>AlarmLow in ALARM (and no DisableScaleIn): scale in to the formula's capacity, unless the
 *       scale-in cooldown runs.
 *   <li>Capacity 0 (an ECS service with no running task publishes no CPU): one datapoint above the
 *       target is enough, and the policy asks for the minimum possible, 1 task (DG
 *       {@code service-auto-scaling.md}); [model] not again within its scale-out cooldown.
 * </ul>
 *
 * The scalable target's min and max, suspension and deployments are applied when the proposals
 * of all policies are combined ({@link PolicyCombination}).
 */
public final class TargetTracking {

    /** ScaleOutCooldown and ScaleInCooldown when absent, for ECS services (docs/scaling.md#target-tracking). */
    public static final int DEFAULT_COOLDOWN_SECONDS = 300;

    /** Why a policy in ALARM does not scale out: not above what it set, within the scale-out cooldown. */
    public static final String SCALE_OUT_COOLDOWN = "scale-out cooldown: not above the capacity the policy last set";
    /** Why a policy in ALARM does not scale in. */
    public static final String SCALE_IN_COOLDOWN = "scale-in cooldown";

    private TargetTracking() {}

    /**
     * A target tracking policy's settings, read once from its configuration.
     *
     * @param target the TargetValue
     * @param scaleOutCooldown ScaleOutCooldown in seconds (300 when absent)
     * @param scaleInCooldown ScaleInCooldown in seconds (300 when absent)
     */
    public record Settings(
            String policyName,
            double target,
            boolean disableScaleIn,
            int scaleOutCooldown,
            int scaleInCooldown,
            TargetTrackingFormula formula) {

        /** @throws IllegalArgumentException unless TargetValue is a number above 0 */
        public static Settings of(
                String policyName, TargetTrackingScalingPolicyConfiguration config, TargetTrackingFormula formula) {
            return new Settings(
                    policyName,
                    targetValue(config),
                    Boolean.TRUE.equals(config.disableScaleIn()),
                    TargetTracking.scaleOutCooldown(config),
                    TargetTracking.scaleInCooldown(config),
                    formula);
        }
    }

    /**
     * What a policy's two alarms say at one evaluation.
     *
     * @param high the state of the policy's AlarmHigh
     * @param low the state of its AlarmLow, or null if it has none (DisableScaleIn)
     * @param highAlarmName the AlarmHigh's name, cited as the cause of an activity
     * @param lowAlarmName the AlarmLow's name, or null
     * @param latestDatapoint the latest datapoint of the metric (NaN if none)
     */
    public record AlarmReadings(
            AlarmState high,
            @Nullable AlarmState low,
            String highAlarmName,
            @Nullable String lowAlarmName,
            double latestDatapoint)
            implements Readings {}

    /** What {@link AlarmReadings} holds, read where it lives (an evaluator's alarms), without a copy. */
    interface Readings {
        AlarmState high();

        @Nullable
        AlarmState low();

        String highAlarmName();

        @Nullable
        String lowAlarmName();

        double latestDatapoint();
    }

    /** What the policy asks for at {@code now} (epoch second) with {@code capacity} running. */
    public static ScalingProposal evaluate(
            Settings policy, AlarmReadings alarms, int capacity, PolicyCooldown cooldown, long now) {
        return evaluate(policy, alarms, capacity, cooldown, now, null);
    }

    /** The rules; a result equal to {@code previous} is {@code previous}. */
    static ScalingProposal evaluate(
            Settings policy,
            Readings alarms,
            int capacity,
            PolicyCooldown cooldown,
            long now,
            @Nullable ScalingProposal previous) {
        String name = policy.policyName();
        double latest = alarms.latestDatapoint();
        if (capacity == 0) {
            // Scale from zero on one datapoint showing demand, by the minimum possible amount; within the
            // scale-out cooldown the task the policy already added counts as there, as for any scale-out.
            if (!(latest > policy.target())) {
                return ScalingProposal.of(previous, name, ScalingProposal.Direction.NONE, capacity, null, null);
            }
            if (cooldown.inScaleOutCooldown(now, policy.scaleOutCooldown()) && cooldown.lastScaleOutCapacity() >= 1) {
                return ScalingProposal.of(
                        previous,
                        name,
                        ScalingProposal.Direction.NONE,
                        capacity,
                        alarms.highAlarmName(),
                        SCALE_OUT_COOLDOWN);
            }
            return ScalingProposal.of(previous, name, ScalingProposal.Direction.OUT, 1, alarms.highAlarmName(), null);
        }
        if (alarms.high() == AlarmState.ALARM && !Double.isNaN(latest)) {
            boolean inCooldown = cooldown.inScaleOutCooldown(now, policy.scaleOutCooldown());
            int base = inCooldown ? cooldown.scaleOutBase() : capacity;
            int wanted = policy.formula().desiredCapacity(base, latest, policy.target());
            if (inCooldown && wanted <= cooldown.lastScaleOutCapacity()) {
                return ScalingProposal.of(
                        previous,
                        name,
                        ScalingProposal.Direction.NONE,
                        capacity,
                        alarms.highAlarmName(),
                        SCALE_OUT_COOLDOWN);
            }
            return wanted > capacity
                    ? ScalingProposal.of(
                            previous, name, ScalingProposal.Direction.OUT, wanted, alarms.highAlarmName(), null)
                    : ScalingProposal.of(previous, name, ScalingProposal.Direction.NONE, capacity, null, null);
        }
        if (alarms.low() == AlarmState.ALARM
                && alarms.lowAlarmName() != null
                && !policy.disableScaleIn()
                && !Double.isNaN(latest)) {
            int wanted = policy.formula().desiredCapacity(capacity, latest, policy.target());
            if (wanted >= capacity) {
                return ScalingProposal.of(previous, name, ScalingProposal.Direction.NONE, capacity, null, null);
            }
            if (cooldown.inScaleInCooldown(now, policy.scaleInCooldown())) {
                return ScalingProposal.of(
                        previous,
                        name,
                        ScalingProposal.Direction.NONE,
                        capacity,
                        alarms.lowAlarmName(),
                        SCALE_IN_COOLDOWN);
            }
            return ScalingProposal.of(
                    previous, name, ScalingProposal.Direction.IN, wanted, alarms.lowAlarmName(), null);
        }
        return ScalingProposal.of(previous, name, ScalingProposal.Direction.NONE, capacity, null, null);
    }

    /** The policy's TargetValue. @throws IllegalArgumentException unless it is above 0 */
    public static double targetValue(TargetTrackingScalingPolicyConfiguration config) {
        Double t = config.targetValue();
        if (t == null || !(t > 0) || t.isInfinite()) {
            throw new IllegalArgumentException("TargetValue must be a number above 0 to track it, found " + t);
        }
        return t;
    }

    /** ScaleOutCooldown, 300 s when absent. */
    public static int scaleOutCooldown(TargetTrackingScalingPolicyConfiguration config) {
        return config.scaleOutCooldown() != null ? config.scaleOutCooldown() : DEFAULT_COOLDOWN_SECONDS;
    }

    /** ScaleInCooldown, 300 s when absent. */
    public static int scaleInCooldown(TargetTrackingScalingPolicyConfiguration config) {
        return config.scaleInCooldown() != null ? config.scaleInCooldown() : DEFAULT_COOLDOWN_SECONDS;
    }
}
