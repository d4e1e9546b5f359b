package io.github.berth.scaling.alarm;

import java.time.Instant;

/**
 * Evaluates a CloudWatch alarm the way CloudWatch documents it ("How alarm state is evaluated when
 * data is missing", CloudWatch user guide, {@code AlarmThatSendsEmail.md}):
 *
 * <ol>
 *   <li>CloudWatch retrieves an <em>evaluation range</em> of more periods than EvaluationPeriods
 *       (N). [model] The range is N + {@value #EXTRA_PERIODS} periods, as in the documentation's
 *       tables (N = 3, 5 datapoints retrieved); AWS says only that it depends on the period.
 *   <li>If at least N datapoints exist, the N most recent existing ones are evaluated and the
 *       missing-data treatment is not used.
 *   <li>Otherwise missing datapoints are filled with the treatment, as few as possible, and all
 *       real datapoints in the range take part. ALARM when at least DatapointsToAlarm (M) breach,
 *       else OK; with every datapoint missing: INSUFFICIENT_DATA ({@code missing}), the current
 *       state ({@code ignore}), ALARM ({@code breaching}) or OK ({@code notBreaching}).
 *   <li>[model] With {@code missing} or {@code ignore} and fewer than M real datapoints, all of
 *       them breaching: {@code ignore} keeps the current state; {@code missing} goes to ALARM when
 *       the oldest datapoint of the range exists (and breaches), else to INSUFFICIENT_DATA. This
 *       reproduces every row of the documentation's two tables, which is all AWS publishes.
 * </ol>
 *
 * <p>Periods are aligned to multiples of the period since the epoch; at an instant {@code now},
 * the last datapoint evaluated is that of the last period ending at or before {@code now}.
 */
public final class AlarmEvaluator {

    /** How many periods beyond EvaluationPeriods the evaluation range holds. [model] */
    public static final int EXTRA_PERIODS = 2;

    private AlarmEvaluator() {}

    /** The number of datapoints in the alarm's evaluation range. */
    public static int evaluationRange(AlarmSpec alarm) {
        return alarm.evaluationPeriods() + EXTRA_PERIODS;
    }

    /**
     * The state of {@code alarm} at {@code now} over {@code series}.
     *
     * @param current the state before this evaluation (kept by {@code ignore} when data is missing)
     */
    public static AlarmState evaluate(AlarmSpec alarm, MetricSeries series, Instant now, AlarmState current) {
        int period = alarm.periodSeconds();
        int range = evaluationRange(alarm);
        long lastEnd = Math.floorDiv(now.getEpochSecond(), period) * period;
        double[] datapoints = series.datapoints(lastEnd - (long) range * period, period, range, alarm.statistic());
        return evaluate(alarm, datapoints, 0, range, current);
    }

    /**
     * The state of {@code alarm} over the datapoints of its evaluation range,
     * {@code datapoints[from .. from + length)}, oldest first, {@code NaN} for a missing period.
     *
     * @throws IllegalArgumentException if that range is not inside {@code datapoints}
     */
    public static AlarmState evaluate(AlarmSpec alarm, double[] datapoints, int from, int length, AlarmState current) {
        checkRange(datapoints, from, length);
        int n = alarm.evaluationPeriods();
        int existing = 0;
        int breaching = 0;
        for (int i = from; i < from + length; i++) {
            double x = datapoints[i];
            if (!Double.isNaN(x)) {
                existing++;
                if (alarm.breaches(x)) {
                    breaching++;
                }
            }
        }
        if (existing >= n) {
            // The N most recent real datapoints decide; the treatment is not needed.
            int b = 0;
            for (int i = mostRecentFrom(datapoints, from, length, n); i < from + length; i++) {
                if (alarm.breaches(datapoints[i])) {
                    b++; // a missing datapoint (NaN) never breaches
                }
            }
            return mOfN(alarm, b);
        }
        int fill = n - existing;
        switch (alarm.treatMissingData()) {
            case BREACHING:
                return mOfN(alarm, breaching + fill);
            case NOT_BREACHING:
                return mOfN(alarm, breaching);
            case IGNORE:
            case MISSING:
                if (existing == 0) {
                    return alarm.treatMissingData() == TreatMissingData.IGNORE ? current : AlarmState.INSUFFICIENT_DATA;
                }
                if (mOfN(alarm, breaching) == AlarmState.ALARM) {
                    return AlarmState.ALARM;
                }
                if (breaching < existing) {
                    return AlarmState.OK;
                }
                if (alarm.treatMissingData() == TreatMissingData.IGNORE) {
                    return current;
                }
                return !Double.isNaN(datapoints[from]) ? AlarmState.ALARM : AlarmState.INSUFFICIENT_DATA;
            default:
                throw new AssertionError(alarm.treatMissingData());
        }
    }

    /**
     * CloudWatch's "M out of N": ALARM when at least DatapointsToAlarm (M) of the datapoints
     * evaluated breach, else OK. The one place of that rule: {@link #evaluate} and the evaluator's
     * sliding windows, which count the breaching datapoints among the N most recent as they go, both
     * ask it.
     */
    public static AlarmState mOfN(AlarmSpec alarm, int breaching) {
        return breaching >= alarm.datapointsToAlarm() ? AlarmState.ALARM : AlarmState.OK;
    }

    /**
     * Where the {@code n} most recent existing datapoints of {@code datapoints[from .. from + length)}
     * begin: the range from the returned index to its end holds them (all the existing ones if there
     * are fewer), with the missing ones between them. The one place of CloudWatch's rule that the N
     * most recent datapoints decide, used by alarms and by step scaling's metric aggregation.
     */
    public static int mostRecentFrom(double[] datapoints, int from, int length, int n) {
        checkRange(datapoints, from, length);
        int i = from + length;
        int seen = 0;
        while (i > from && seen < n) {
            i--;
            if (!Double.isNaN(datapoints[i])) {
                seen++;
            }
        }
        return i;
    }

    /** Refuses a range {@code datapoints[from .. from + length)} outside the array. */
    private static void checkRange(double[] datapoints, int from, int length) {
        if (from < 0 || length < 0 || (long) from + length > datapoints.length) {
            throw new IllegalArgumentException("the datapoints from " + from + " (" + length
                    + " of them) are not inside the " + datapoints.length + " given");
        }
    }
}
