package io.github.berth.scaling;

import io.github.berth.core.Nullable;

/**
 * What one scaling policy asks for at one evaluation: to scale out or in to a capacity, or
 * nothing. When a policy would act but a cooldown holds it back, {@code blockedBy} says so.
 *
 * @param policyName the policy
 * @param direction {@link Direction#OUT}, {@link Direction#IN} or {@link Direction#NONE}
 * @param capacity the capacity asked for (the current capacity when NONE)
 * @param alarmName the alarm in ALARM that triggered the policy, if any
 * @param blockedBy why the policy does not act although its alarm is in ALARM, or null
 */
public record ScalingProposal(
        String policyName,
        Direction direction,
        int capacity,
        @Nullable String alarmName,
        @Nullable String blockedBy) {

    /** The way a policy wants capacity to move. */
    public enum Direction {
        OUT,
        IN,
        NONE
    }

    /** This proposal, or {@code previous} when it is equal (so that a step that asks the same allocates nothing). */
    static ScalingProposal of(
            @Nullable ScalingProposal previous,
            String policyName,
            Direction direction,
            int capacity,
            @Nullable String alarmName,
            @Nullable String blockedBy) {
        if (previous != null
                && previous.direction == direction
                && previous.capacity == capacity
                && previous.policyName.equals(policyName)
                && java.util.Objects.equals(previous.alarmName, alarmName)
                && java.util.Objects.equals(previous.blockedBy, blockedBy)) {
            return previous;
        }
        return new ScalingProposal(policyName, direction, capacity, alarmName, blockedBy);
    }

    static ScalingProposal none(String policyName, int capacity) {
        return new ScalingProposal(policyName, Direction.NONE, capacity, null, null);
    }

    static ScalingProposal blocked(String policyName, int capacity, String alarmName, String why) {
        return new ScalingProposal(policyName, Direction.NONE, capacity, alarmName, why);
    }

    public boolean isOut() {
        return direction == Direction.OUT;
    }

    public boolean isIn() {
        return direction == Direction.IN;
    }
}
