package io.github.berth.scaling;

/**
 * The capacity a target tracking policy asks for. AWS publishes no formula, only that target
 * tracking "scales out proportionally to the metric as fast as it can", scales in gradually, and
 * rounds conservatively: it adds enough and never removes too much (docs/scaling.md#target-tracking-capacity).
 * This is the one place that choice lives; pass another formula to {@link ScalingSimulator} or
 * {@link TargetTracking} to try a different model.
 */
@FunctionalInterface
public interface TargetTrackingFormula {

    /**
     * [model] The default: {@code ceil(capacity x metric / target)}, with a tolerance of 1e-9 so
     * that a product that is whole in decimal (10 x 55 / 50 = 11) is not pushed up by binary
     * floating point. Rounding up adds enough on scale-out and removes no more than the metric
     * allows on scale-in.
     */
    TargetTrackingFormula PROPORTIONAL = (capacity, metric, target) -> {
        double x = capacity * metric / target;
        if (!(x > 0)) {
            return 0;
        }
        double c = Math.ceil(x - 1e-9 * Math.max(1, x));
        return c >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) c;
    };

    /**
     * The capacity asked for, before the scalable target's minimum and maximum apply.
     *
     * @param capacity the current capacity (the running task count for ECS), at least 1
     * @param metric the latest datapoint of the tracked metric
     * @param target the policy's TargetValue, above 0
     */
    int desiredCapacity(int capacity, double metric, double target);
}
