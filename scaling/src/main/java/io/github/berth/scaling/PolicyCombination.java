package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import java.util.List;

/**
 * The proposals of every scaling policy on one scalable target, combined into one capacity
 * (reference §4.1, §4.2):
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
    if (!scaleOutSuspended) {
      ScalingProposal out = largest(targetTracking, ScalingProposal.Direction.OUT);
      ScalingProposal otherOut = largest(others, ScalingProposal.Direction.OUT);
      if (out == null || (otherOut != null && otherOut.capacity() > out.capacity())) {
        out = otherOut;
      }
      if (out != null && capacity < max) {
        int next = Math.max(min, Math.min(out.capacity(), max));
        if (next > capacity) {
          return new Outcome(next, out);
        }
      }
    }
    if (scaleInSuspended || deploymentInProgress || capacity <= min) {
      return new Outcome(capacity, null);
    }
    ScalingProposal in = largest(others, ScalingProposal.Direction.IN);
    if (!targetTracking.isEmpty() && allIn(targetTracking)) {
      ScalingProposal tt = largest(targetTracking, ScalingProposal.Direction.IN);
      if (in == null || tt.capacity() > in.capacity()) {
        in = tt;
      }
    }
    if (in != null) {
      int next = Math.min(max, Math.max(in.capacity(), min));
      if (next < capacity) {
        return new Outcome(next, in);
      }
    }
    return new Outcome(capacity, null);
  }

  private static boolean allIn(List<ScalingProposal> proposals) {
    for (int i = 0; i < proposals.size(); i++) {
      if (!proposals.get(i).isIn()) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable ScalingProposal largest(List<ScalingProposal> proposals, ScalingProposal.Direction direction) {
    ScalingProposal best = null;
    for (int i = 0; i < proposals.size(); i++) {
      ScalingProposal p = proposals.get(i);
      if (p.direction() == direction && (best == null || p.capacity() > best.capacity())) {
        best = p;
      }
    }
    return best;
  }
}
