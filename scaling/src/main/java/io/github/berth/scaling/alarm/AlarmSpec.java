package io.github.berth.scaling.alarm;

import java.util.Objects;

/**
 * A CloudWatch metric alarm, as far as its state is concerned: on one metric, each {@code period}
 * seconds one datapoint by {@code statistic}; ALARM when at least {@code datapointsToAlarm} of the
 * last {@code evaluationPeriods} datapoints breach {@code threshold} by {@code comparison}.
 *
 * @param name the alarm name (scaling activities cite it as their cause)
 * @param periodSeconds 10, 30 or a multiple of 60
 * @param evaluationPeriods N, at least 1; N periods last at most one day
 * @param datapointsToAlarm M, 1 to N
 */
public record AlarmSpec(
        String name,
        Statistic statistic,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        ComparisonOperator comparison,
        double threshold,
        TreatMissingData treatMissingData) {

    /** @throws IllegalArgumentException naming the member that CloudWatch would refuse */
    public AlarmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(treatMissingData, "treatMissingData");
        if (!(periodSeconds == 10 || periodSeconds == 30 || (periodSeconds >= 60 && periodSeconds % 60 == 0))) {
            throw new IllegalArgumentException(
                    "Period must be 10, 30 or a multiple of 60 seconds, found " + periodSeconds);
        }
        if (evaluationPeriods < 1) {
            throw new IllegalArgumentException("EvaluationPeriods must be at least 1, found " + evaluationPeriods);
        }
        // CloudWatch: "The number of evaluation periods for an alarm multiplied by the length of each
        // evaluation period cannot exceed one day."
        if ((long) evaluationPeriods * periodSeconds > 86_400) {
            throw new IllegalArgumentException("EvaluationPeriods x Period must not exceed one day, found "
                    + evaluationPeriods + " x " + periodSeconds + " s");
        }
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException("DatapointsToAlarm must be between 1 and EvaluationPeriods ("
                    + evaluationPeriods + "), found " + datapointsToAlarm);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("Threshold must be a finite number, found " + threshold);
        }
    }

    /** An N-out-of-N alarm with the default missing-data treatment ({@code missing}). */
    public static AlarmSpec of(
            String name,
            Statistic statistic,
            int periodSeconds,
            int evaluationPeriods,
            ComparisonOperator comparison,
            double threshold) {
        return new AlarmSpec(
                name,
                statistic,
                periodSeconds,
                evaluationPeriods,
                evaluationPeriods,
                comparison,
                threshold,
                TreatMissingData.MISSING);
    }

    /** Whether one datapoint breaches the threshold. */
    public boolean breaches(double datapoint) {
        return comparison.breaches(datapoint, threshold);
    }
}
