package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import java.util.List;

/**
 * The proposals of every scaling policy on one scalable target, combined into one capacity
 * (docs/scaling.md#several-policies):
 *
 * <ul>
 *   <li>Scale out if any policy asks to; the largest capacity wins (PutScalingPolicy doc example:
 *       10 tasks, +3 against +200 %: 30).
 *   <li>Target tracking scales in only if every target tracking policy that may scale in asks to,
 *       to the largest of their capacities. A step policy's scale-in is not held back by target
 *       tracking. With no scale-out, the largest capacity among the scale-ins wins.
 *   <li>DynamicScalingOutSuspended / DynamicScalingInSuspended drop that direction; no scale-in
 *       while an ECS deployment is in progress (DG {@code service-auto-scaling.md}).
 *   <li>The result stays within [min, max]. Below min, a scale-out first raises to min and a
 *       scale-in does nothing; above max, a scale-in first lowers to max and a scale-out does
 *       nothing (DG {@code service-auto-scaling.md}).
 * </ul>
 */
public final class PolicyCombination {

  private PolicyCombination() {}

  /**
   * The outcome: the new capacity and the proposal that set it, or the unchanged capacity and null.
   */
  public record Outcome(int capacity, @Nullable ScalingProposal winner) {

    public boolean changed() {
      return winner != null;
    }
  }

  /**
   * @param capacity the current capacity
   * @param targetTracking the proposals of the target tracking policies that may scale in (not
   *     DisableScaleIn); their consent is needed to scale in
   * @param others the proposals of the other policies (step scaling, and target tracking policies
   *     with DisableScaleIn)
   */
  public static Outcome decide(
      int capacity,
      int min,
      int max,
      List<ScalingProposal> targetTracking,
      List<ScalingProposal> others,
      boolean scaleOutSuspended,
      boolean scaleInSuspended,
      boolean deploymentInProgress) {
    Proposal[] tt = targetTracking.stream().map(Proposal::of).toArray(Proposal[]::new);
    Proposal[] ot = others.stream().map(Proposal::of).toArray(Proposal[]::new);
    Proposal winner = decide(capacity, min, max, tt, tt.length, ot, ot.length, scaleOutSuspended, scaleInSuspended,
        deploymentInProgress);
    if (winner == null) {
      return new Outcome(capacity, null);
    }
    int i = indexOf(tt, winner);
    ScalingProposal w = i >= 0 ? targetTracking.get(i) : others.get(indexOf(ot, winner));
    return new Outcome(resulting(capacity, min, max, winner), w);
  }

  private static int indexOf(Proposal[] proposals, Proposal p) {
    for (int i = 0; i < proposals.length; i++) {
      if (proposals[i] == p) {
        return i;
      }
    }
    return -1;
  }

  /** The capacity the winning proposal gives, within [min, max]. */
  static int resulting(int capacity, int min, int max, Proposal winner) {
    return winner.isOut() ? Math.max(min, Math.min(winner.capacity, max)) : Math.min(max, Math.max(winner.capacity, min));
  }

  /**
   * The proposal that changes capacity, or null; see {@link #resulting} for the capacity. Reads the
   * first {@code ttCount} and {@code otherCount} elements of the arrays; allocates nothing.
   */
  static @Nullable Proposal decide(
      int capacity,
      int min,
      int max,
      Proposal[] targetTracking,
      int ttCount,
      Proposal[] others,
      int otherCount,
      boolean scaleOutSuspended,
      boolean scaleInSuspended,
      boolean deploymentInProgress) {
    if (!scaleOutSuspended) {
      Proposal out = largest(targetTracking, ttCount, ScalingProposal.Direction.OUT);
      Proposal otherOut = largest(others, otherCount, ScalingProposal.Direction.OUT);
      if (out == null || (otherOut != null && otherOut.capacity > out.capacity)) {
        out = otherOut;
      }
      if (out != null && capacity < max && resulting(capacity, min, max, out) > capacity) {
        return out;
      }
    }
    if (scaleInSuspended || deploymentInProgress || capacity <= min) {
      return null;
    }
    Proposal in = largest(others, otherCount, ScalingProposal.Direction.IN);
    if (ttCount > 0 && allIn(targetTracking, ttCount)) {
      Proposal tt = largest(targetTracking, ttCount, ScalingProposal.Direction.IN);
      if (in == null || tt.capacity > in.capacity) {
        in = tt;
      }
    }
    return in != null && resulting(capacity, min, max, in) < capacity ? in : null;
  }

  private static boolean allIn(Proposal[] proposals, int count) {
    for (int i = 0; i < count; i++) {
      if (!proposals[i].isIn()) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Proposal largest(Proposal[] proposals, int count, ScalingProposal.Direction direction) {
    Proposal best = null;
    for (int i = 0; i < count; i++) {
      Proposal p = proposals[i];
      if (p.direction == direction && (best == null || p.capacity > best.capacity)) {
        best = p;
      }
    }
    return best;
  }
}
