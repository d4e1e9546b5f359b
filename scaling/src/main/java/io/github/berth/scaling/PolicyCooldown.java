package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import java.time.Instant;

/**
 * The cooldown bookkeeping of one scaling policy: when it last scaled out (and from what capacity
 * to what capacity) and when it last scaled in. Immutable; each activity gives a new value.
 *
 * <p>The documented interplay (reference §4.2, §4.3): during a scale-out cooldown the capacity the
 * initiating activity added counts as already there, so a policy scales out again only to a
 * capacity above what it last set, computed from the capacity the cooldown started from (a step
 * of +2 then, in cooldown, a step of +3 adds 1); a scale-in waits for its cooldown to end; a
 * scale-out during a scale-in cooldown happens at once and ends that cooldown.
 *
 * @param lastScaleOut when the policy last scaled out, or null
 * @param scaleOutBase the capacity before the scale-out that started the current cooldown
 * @param lastScaleOutCapacity the capacity the policy's last scale-out set
 * @param lastScaleIn when the policy last scaled in (null when none, or cancelled by a scale-out)
 */
public record PolicyCooldown(
    @Nullable Instant lastScaleOut,
    int scaleOutBase,
    int lastScaleOutCapacity,
    @Nullable Instant lastScaleIn) {

  /** A policy that has not acted yet. */
  public static final PolicyCooldown NONE = new PolicyCooldown(null, 0, 0, null);

  /** Whether a scale-out cooldown of {@code seconds} that the last scale-out started is running at {@code now}. */
  public boolean inScaleOutCooldown(Instant now, long seconds) {
    return lastScaleOut != null && now.isBefore(lastScaleOut.plusSeconds(seconds));
  }

  /** Whether a scale-in cooldown of {@code seconds} is running at {@code now}. */
  public boolean inScaleInCooldown(Instant now, long seconds) {
    return lastScaleIn != null && now.isBefore(lastScaleIn.plusSeconds(seconds));
  }

  /**
   * After this policy scaled out at {@code now} from {@code before} to {@code after}. A scale-out
   * within the running cooldown keeps the cooldown's base capacity.
   */
  public PolicyCooldown afterScaleOut(Instant now, long cooldownSeconds, int before, int after) {
    int base = inScaleOutCooldown(now, cooldownSeconds) ? scaleOutBase : before;
    return new PolicyCooldown(now, base, after, null);
  }

  /** After this policy scaled in at {@code now}. */
  public PolicyCooldown afterScaleIn(Instant now) {
    return new PolicyCooldown(lastScaleOut, scaleOutBase, lastScaleOutCapacity, now);
  }

  /** After another policy scaled out: any scale-in cooldown ends. */
  public PolicyCooldown afterOtherScaleOut() {
    return lastScaleIn == null ? this : new PolicyCooldown(lastScaleOut, scaleOutBase, lastScaleOutCapacity, null);
  }
}
