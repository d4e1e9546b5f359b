package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import java.util.List;
import java.util.Objects;

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
     * The scalable target at one decision: its capacity and bounds, and what holds a direction back.
     *
     * @param capacity the current capacity (the running task count for ECS)
     * @param scaleOutSuspended DynamicScalingOutSuspended
     * @param scaleInSuspended DynamicScalingInSuspended
     * @param deploymentInProgress an ECS deployment is in progress (no scale-in)
     */
    public record TargetState(
            int capacity,
            int min,
            int max,
            boolean scaleOutSuspended,
            boolean scaleInSuspended,
            boolean deploymentInProgress) {}

    /**
     * @param targetTracking the proposals of the target tracking policies that may scale in (not
     *     DisableScaleIn); their consent is needed to scale in
     * @param others the proposals of the other policies (step scaling, and target tracking policies
     *     with DisableScaleIn)
     */
    public static Outcome decide(
            TargetState target, List<ScalingProposal> targetTracking, List<ScalingProposal> others) {
        ScalingProposal[] tt = targetTracking.toArray(new ScalingProposal[0]);
        ScalingProposal[] ot = others.toArray(new ScalingProposal[0]);
        ScalingProposal winner = decide(target, tt, tt.length, ot, ot.length);
        return winner == null ? new Outcome(target.capacity(), null) : new Outcome(resulting(target, winner), winner);
    }

    /** The capacity the winning proposal gives, within [min, max]. */
    static int resulting(TargetState t, ScalingProposal winner) {
        return winner.isOut()
                ? Math.max(t.min(), Math.min(winner.capacity(), t.max()))
                : Math.min(t.max(), Math.max(winner.capacity(), t.min()));
    }

    /**
     * The proposal that changes capacity, or null; see {@link #resulting} for the capacity. Reads the
     * first {@code ttCount} and {@code otherCount} elements of the arrays.
     */
    static @Nullable ScalingProposal decide(
            TargetState t, ScalingProposal[] targetTracking, int ttCount, ScalingProposal[] others, int otherCount) {
        int capacity = t.capacity();
        if (!t.scaleOutSuspended()) {
            ScalingProposal out = largest(targetTracking, ttCount, ScalingProposal.Direction.OUT);
            ScalingProposal otherOut = largest(others, otherCount, ScalingProposal.Direction.OUT);
            if (out == null || (otherOut != null && otherOut.capacity() > out.capacity())) {
                out = otherOut;
            }
            if (out != null && capacity < t.max() && resulting(t, out) > capacity) {
                return out;
            }
        }
        if (t.scaleInSuspended() || t.deploymentInProgress() || capacity <= t.min()) {
            return null;
        }
        ScalingProposal in = largest(others, otherCount, ScalingProposal.Direction.IN);
        if (ttCount > 0 && allIn(targetTracking, ttCount)) {
            ScalingProposal tt =
                    Objects.requireNonNull(largest(targetTracking, ttCount, ScalingProposal.Direction.IN)); // allIn
            if (in == null || tt.capacity() > in.capacity()) {
                in = tt;
            }
        }
        return in != null && resulting(t, in) < capacity ? in : null;
    }

    private static boolean allIn(ScalingProposal[] proposals, int count) {
        for (int i = 0; i < count; i++) {
            if (!proposals[i].isIn()) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable ScalingProposal largest(
            ScalingProposal[] proposals, int count, ScalingProposal.Direction direction) {
        ScalingProposal best = null;
        for (int i = 0; i < count; i++) {
            ScalingProposal p = proposals[i];
            if (p.direction() == direction && (best == null || p.capacity() > best.capacity())) {
                best = p;
            }
        }
        return best;
    }
}
