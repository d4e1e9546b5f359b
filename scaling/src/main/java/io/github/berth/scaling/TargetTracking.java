package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.time.Instant;

/**
 * One target tracking policy at one evaluation (reference §4.2): from the states of its two
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
 *       {@code service-auto-scaling.md}).
 * </ul>
 *
 * The scalable target's min and max, suspension and deployments are applied when the proposals
 * of all policies are combined ({@link PolicyCombination}).
 */
public final class TargetTracking {

  /** ScaleOutCooldown and ScaleInCooldown when absent, for ECS services (reference §4.2). */
  public static final int DEFAULT_COOLDOWN_SECONDS = 300;

  private TargetTracking() {}

  /**
   * @param high the state of the policy's AlarmHigh
   * @param low the state of its AlarmLow, or null if it has none (DisableScaleIn)
   * @param latestDatapoint the latest datapoint of the metric (NaN if none)
   * @param highAlarmName the AlarmHigh's name, cited as the cause of an activity
   * @param lowAlarmName the AlarmLow's name, or null
   */
  public static ScalingProposal evaluate(
      String policyName,
      TargetTrackingScalingPolicyConfiguration config,
      AlarmState high,
      @Nullable AlarmState low,
      String highAlarmName,
      @Nullable String lowAlarmName,
      double latestDatapoint,
      int capacity,
      PolicyCooldown cooldown,
      Instant now,
      TargetTrackingFormula formula) {
    double target = targetValue(config);
    if (capacity == 0) {
      // Scale from zero on one datapoint showing demand, by the minimum possible amount.
      if (latestDatapoint > target) {
        return new ScalingProposal(policyName, ScalingProposal.Direction.OUT, 1, highAlarmName, null);
      }
      return ScalingProposal.none(policyName, capacity);
    }
    if (high == AlarmState.ALARM && latestDatapoint == latestDatapoint) {
      int outCooldown = scaleOutCooldown(config);
      boolean inCooldown = cooldown.inScaleOutCooldown(now, outCooldown);
      int base = inCooldown ? cooldown.scaleOutBase() : capacity;
      int wanted = formula.desiredCapacity(base, latestDatapoint, target);
      if (inCooldown && wanted <= cooldown.lastScaleOutCapacity()) {
        return ScalingProposal.blocked(policyName, capacity, highAlarmName,
            "scale-out cooldown: " + wanted + " is not above the " + cooldown.lastScaleOutCapacity()
                + " the policy set at " + cooldown.lastScaleOut());
      }
      if (wanted > capacity) {
        return new ScalingProposal(policyName, ScalingProposal.Direction.OUT, wanted, highAlarmName, null);
      }
      return ScalingProposal.none(policyName, capacity);
    }
    if (low == AlarmState.ALARM && lowAlarmName != null && !Boolean.TRUE.equals(config.disableScaleIn())
        && latestDatapoint == latestDatapoint) {
      int wanted = formula.desiredCapacity(capacity, latestDatapoint, target);
      if (wanted >= capacity) {
        return ScalingProposal.none(policyName, capacity);
      }
      int inCooldown = scaleInCooldown(config);
      if (cooldown.inScaleInCooldown(now, inCooldown)) {
        return ScalingProposal.blocked(policyName, capacity, lowAlarmName,
            "scale-in cooldown since " + cooldown.lastScaleIn());
      }
      return new ScalingProposal(policyName, ScalingProposal.Direction.IN, wanted, lowAlarmName, null);
    }
    return ScalingProposal.none(policyName, capacity);
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
