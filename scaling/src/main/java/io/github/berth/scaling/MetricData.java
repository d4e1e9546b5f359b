package io.github.berth.scaling;

import io.github.berth.scaling.alarm.Statistic;

/**
 * The datapoints of the metrics a {@link ScalableTargetEvaluator}'s alarms read, as a function the
 * caller passes instead of giving datapoints step by step. The evaluator asks for each period once,
 * when the period has ended, and in time order for each alarm.
 */
@FunctionalInterface
public interface MetricData {

    /**
     * The datapoint of one period: the samples of {@code metric} in
     * [{@code periodStart}, {@code periodStart + periodSeconds}) (epoch seconds) by {@code
     * statistic}; {@link Double#NaN} when the period has none (a missing datapoint).
     *
     * @param policyName the policy whose alarm asks
     */
    double datapoint(String policyName, MetricKey metric, long periodStart, int periodSeconds, Statistic statistic);
}
