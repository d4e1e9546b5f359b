package io.github.berth.scaling;

import io.github.berth.core.Nullable;

/**
 * The texts of the scaling activities Application Auto Scaling records for an ECS service, in one
 * place. Observed ones [obs] are word for word from real DescribeScalingActivities output pasted
 * in public issues (docs/scaling.md#scaling-activities; GitHub aws/amazon-ecs-agent#862 and #2125); the others are
 * [model] choices written in the same style.
 */
final class ActivityMessages {

    private ActivityMessages() {}

    /** [obs] {@code Setting desired count to 10.} */
    static String setDesiredCount(int capacity) {
        return "Setting desired count to " + capacity + ".";
    }

    /** [obs] {@code Successfully set desired count to 10. Change successfully fulfilled by ecs.} */
    static String desiredCountSet(int capacity) {
        return "Successfully set desired count to " + capacity + ". Change successfully fulfilled by ecs.";
    }

    /** [obs] {@code monitor alarm <alarm> in state ALARM triggered policy <policy>} */
    static String alarmCause(@Nullable String alarmName, String policyName) {
        return "monitor alarm " + alarmName + " in state ALARM triggered policy " + policyName;
    }

    /** [model] The description of a scheduled action's run: {@code Setting min capacity to 1 and max capacity to 5}. */
    static String setBounds(@Nullable Integer min, @Nullable Integer max) {
        return "Setting " + bounds(min, max);
    }

    /** [model] The status message of a scheduled action's run. */
    static String boundsSet(@Nullable Integer min, @Nullable Integer max) {
        return "Successfully set " + bounds(min, max);
    }

    private static String bounds(@Nullable Integer min, @Nullable Integer max) {
        if (min != null && max != null) {
            return "min capacity to " + min + " and max capacity to " + max;
        }
        return min != null ? "min capacity to " + min : "max capacity to " + max;
    }

    /** [model] {@code scheduled action name <name> was triggered} */
    static String scheduledCause(String actionName) {
        return "scheduled action name " + actionName + " was triggered";
    }

    /** [model] The cause of moving the desired count inside new bounds. */
    static String boundCause(boolean minimum, int value) {
        return (minimum ? "minimum" : "maximum") + " capacity was set to " + value;
    }

    /** [model] The cause of a change made to keep the predictive scaling forecast. */
    static String predictiveCause(String policyName, int capacity) {
        return "predictive scaling policy " + policyName + " scheduled capacity " + capacity;
    }

    /** [model] Why a scheduled action fails when its bounds would cross the other one. */
    static final String BOUNDS_CROSS = "Maximum capacity cannot be less than minimum capacity";
}
