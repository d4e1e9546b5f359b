package io.github.berth.scaling.alarm;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.model.CustomizedMetricSpecification;
import io.github.berth.scaling.model.TargetTrackingMetricDataQuery;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;

/**
 * The two CloudWatch alarms Application Auto Scaling creates for a target tracking policy on an
 * ECS service (docs/scaling.md#target-tracking-alarms, observed in alarms exported from real accounts):
 *
 * <ul>
 *   <li>high: {@code TargetTracking-<resourceId>-AlarmHigh-<uuid>}, GreaterThanThreshold
 *       TargetValue, period 60 s, 3 of 3 datapoints;
 *   <li>low: {@code TargetTracking-<resourceId>-AlarmLow-<uuid>}, LessThanThreshold
 *       0.9 x TargetValue, period 60 s, 15 of 15 datapoints;
 * </ul>
 *
 * both on the Average of the metric (a customized metric's own statistic), missing data treated
 * as {@code missing}. [model] With DisableScaleIn no low alarm is made, since nothing acts on it.
 */
public final class TargetTrackingAlarms {

    public static final int PERIOD_SECONDS = 60;
    public static final int HIGH_EVALUATION_PERIODS = 3;
    public static final int LOW_EVALUATION_PERIODS = 15;

    private TargetTrackingAlarms() {}

    /** The alarm name prefix of a target, e.g. {@code TargetTracking-service/c/s}. */
    private static String prefix(String resourceId) {
        return "TargetTracking-" + resourceId;
    }

    /** The high (scale-out) alarm. */
    public static AlarmSpec high(String resourceId, String uuid, TargetTrackingScalingPolicyConfiguration config) {
        return AlarmSpec.of(
                prefix(resourceId) + "-AlarmHigh-" + uuid,
                statistic(config),
                PERIOD_SECONDS,
                HIGH_EVALUATION_PERIODS,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                targetValue(config));
    }

    /** The low (scale-in) alarm, or null when the policy has DisableScaleIn. */
    public static @Nullable AlarmSpec low(
            String resourceId, String uuid, TargetTrackingScalingPolicyConfiguration config) {
        if (Boolean.TRUE.equals(config.disableScaleIn())) {
            return null;
        }
        // 90 % of the target, computed so that 70 gives 63 and 80 gives 72 exactly.
        double threshold = targetValue(config) * 9 / 10;
        return AlarmSpec.of(
                prefix(resourceId) + "-AlarmLow-" + uuid,
                statistic(config),
                PERIOD_SECONDS,
                LOW_EVALUATION_PERIODS,
                ComparisonOperator.LESS_THAN_THRESHOLD,
                threshold);
    }

    private static double targetValue(TargetTrackingScalingPolicyConfiguration config) {
        Double t = config.targetValue();
        if (t == null) {
            throw new IllegalArgumentException("TargetTrackingScalingPolicyConfiguration.TargetValue is required");
        }
        return t;
    }

    /**
     * The statistic the alarms use: Average, or a customized metric's own statistic. With metric
     * math the metric is the query that returns data: its MetricStat's Stat when that is one of the
     * five statistics, else [model] Average of the series the expression gives (the simulator is
     * handed that series as the policy's metric).
     */
    public static Statistic statistic(TargetTrackingScalingPolicyConfiguration config) {
        CustomizedMetricSpecification c = config.customizedMetricSpecification();
        if (c == null) {
            return Statistic.AVERAGE;
        }
        if (c.metrics() != null) {
            for (TargetTrackingMetricDataQuery q : c.metrics()) {
                if (!Boolean.FALSE.equals(q.returnData())) {
                    return q.metricStat() != null ? known(q.metricStat().stat()) : Statistic.AVERAGE;
                }
            }
            return Statistic.AVERAGE;
        }
        return c.statistic() != null ? known(c.statistic().value()) : Statistic.AVERAGE;
    }

    private static Statistic known(@Nullable String stat) {
        for (Statistic s : Statistic.values()) {
            if (stat != null && s.wireName().equals(stat)) {
                return s;
            }
        }
        return Statistic.AVERAGE; // a percentile or other extended statistic: [model] read as Average
    }
}
