package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.time.Instant;

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
    Proposal out = new Proposal(policyName);
    evaluate(out, targetValue(config), Boolean.TRUE.equals(config.disableScaleIn()), scaleOutCooldown(config),
        scaleInCooldown(config), high, low, highAlarmName, lowAlarmName, latestDatapoint, capacity, cooldown,
        now.getEpochSecond(), formula);
    return out.toRecord();
  }

  /** The rules, filling in {@code out}; the configuration comes already read. */
  static void evaluate(
      Proposal out,
      double target,
      boolean disableScaleIn,
      int scaleOutCooldown,
      int scaleInCooldown,
      AlarmState high,
      @Nullable AlarmState low,
      String highAlarmName,
      @Nullable String lowAlarmName,
      double latestDatapoint,
      int capacity,
      PolicyCooldown cooldown,
      long now,
      TargetTrackingFormula formula) {
    if (capacity == 0) {
      // Scale from zero on one datapoint showing demand, by the minimum possible amount; within the
      // scale-out cooldown the task the policy already added counts as there, as for any scale-out.
      if (!(latestDatapoint > target)) {
        out.none(capacity);
      } else if (cooldown.inScaleOutCooldown(now, scaleOutCooldown) && cooldown.lastScaleOutCapacity() >= 1) {
        out.set(ScalingProposal.Direction.NONE, capacity, highAlarmName, SCALE_OUT_COOLDOWN);
      } else {
        out.set(ScalingProposal.Direction.OUT, 1, highAlarmName, null);
      }
      return;
    }
    if (high == AlarmState.ALARM && latestDatapoint == latestDatapoint) {
      boolean inCooldown = cooldown.inScaleOutCooldown(now, scaleOutCooldown);
      int base = inCooldown ? cooldown.scaleOutBase() : capacity;
      int wanted = formula.desiredCapacity(base, latestDatapoint, target);
      if (inCooldown && wanted <= cooldown.lastScaleOutCapacity()) {
        out.set(ScalingProposal.Direction.NONE, capacity, highAlarmName, SCALE_OUT_COOLDOWN);
      } else if (wanted > capacity) {
        out.set(ScalingProposal.Direction.OUT, wanted, highAlarmName, null);
      } else {
        out.none(capacity);
      }
      return;
    }
    if (low == AlarmState.ALARM && lowAlarmName != null && !disableScaleIn && latestDatapoint == latestDatapoint) {
      int wanted = formula.desiredCapacity(capacity, latestDatapoint, target);
      if (wanted >= capacity) {
        out.none(capacity);
      } else if (cooldown.inScaleInCooldown(now, scaleInCooldown)) {
        out.set(ScalingProposal.Direction.NONE, capacity, lowAlarmName, SCALE_IN_COOLDOWN);
      } else {
        out.set(ScalingProposal.Direction.IN, wanted, lowAlarmName, null);
      }
      return;
    }
    out.none(capacity);
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
