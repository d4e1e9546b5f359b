package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmEvaluator;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.model.MetricAggregationType;
import java.util.Arrays;

/**
 * One alarm of a {@link ScalableTargetEvaluator}: its state and the datapoints of its evaluation
 * range, nothing older. Each period's datapoint is read once, when the period has ended; the alarm
 * then keeps, as the range slides, how many of its datapoints exist and how many of the last N
 * breach, so that an evaluation with no datapoint missing is a comparison of two counts. With one
 * missing, the range is handed to {@link AlarmEvaluator}, which applies the missing-data treatment.
 */
final class AlarmWindow {

    /** Where a window reads its datapoints. */
    interface Source {
        double datapoint(AlarmWindow alarm, long period);
    }

    final AlarmSpec spec;
    final String policyName;
    final MetricKey metric;
    /** Where a simulation's {@link Source} keeps the reader it resolved for this alarm, or null. */
    @Nullable
    PeriodReader reader;

    final int period;
    final Statistic statistic;
    private final int n;
    private final double[] ring; // the evaluation range; slot head holds the latest period
    private final double[] range; // the range oldest first, when it has to be read whole
    private int head;
    private long last = Long.MIN_VALUE; // the latest period read
    private long nextEnd = Long.MIN_VALUE; // when a period after it ends: (last + 2) x period
    private int present; // existing datapoints in the range
    private int breaching; // breaching datapoints among the last N
    AlarmState state = AlarmState.INSUFFICIENT_DATA;

    AlarmWindow(AlarmSpec spec, String policyName, MetricKey metric) {
        this.spec = spec;
        this.policyName = policyName;
        this.metric = metric;
        this.period = spec.periodSeconds();
        this.statistic = spec.statistic();
        this.n = spec.evaluationPeriods();
        this.ring = new double[AlarmEvaluator.evaluationRange(spec)];
        this.range = new double[ring.length];
    }

    /** The number of datapoints the window keeps. */
    int retained() {
        return ring.length;
    }

    /**
     * Reads the periods that ended by {@code now} and evaluates the alarm over the range whose latest
     * period is the last one ending at or before {@code now}.
     *
     * @return whether the state changed
     */
    boolean evaluate(long now, Source source) {
        if (now < nextEnd) {
            return false; // no period ended: the same range gives the same state
        }
        // The latest period that ended: one after the last read, unless steps skip periods.
        long latest = now < nextEnd + period && last != Long.MIN_VALUE ? last + 1 : Math.floorDiv(now, period) - 1;
        int r = ring.length;
        long from;
        if (last == Long.MIN_VALUE || latest - last >= r) {
            Arrays.fill(ring, Double.NaN);
            present = 0;
            breaching = 0;
            head = r - 1;
            from = latest - r + 1;
        } else {
            from = last + 1;
        }
        for (long p = from; p <= latest; p++) {
            push(source.datapoint(this, p));
        }
        last = latest;
        nextEnd = (latest + 2) * period;
        AlarmState before = state;
        if (present == r) {
            // Every period of the range has its datapoint: the N most recent are the last N periods.
            state = AlarmEvaluator.mOfN(spec, breaching);
        } else {
            state = AlarmEvaluator.evaluate(spec, ordered(), 0, r, state);
        }
        return state != before;
    }

    private void push(double v) {
        int r = ring.length;
        head = head + 1 == r ? 0 : head + 1;
        double dropped = ring[head]; // the period R before the new one leaves the range
        if (!Double.isNaN(dropped)) {
            present--;
        }
        ring[head] = v;
        if (!Double.isNaN(v)) {
            present++;
        }
        if (spec.breaches(v)) {
            breaching++;
        }
        int old = head - n; // the period N before the new one leaves the last N (N < R: still in the ring)
        if (spec.breaches(ring[old < 0 ? old + r : old])) {
            breaching--;
        }
    }

    /** The range, oldest first. */
    private double[] ordered() {
        int r = ring.length;
        int first = head + 1 == r ? 0 : head + 1;
        System.arraycopy(ring, first, range, 0, r - first);
        System.arraycopy(ring, 0, range, r - first, first);
        return range;
    }

    /** The latest existing datapoint of the range, or NaN. */
    double latest() {
        int r = ring.length;
        for (int i = 0, k = head; i < r; i++, k = k == 0 ? r - 1 : k - 1) {
            if (!Double.isNaN(ring[k])) {
                return ring[k];
            }
        }
        return Double.NaN;
    }

    /** The alarm's N most recent existing datapoints aggregated as a step policy does. */
    double recent(@Nullable MetricAggregationType type) {
        double[] d = ordered();
        int from = AlarmEvaluator.mostRecentFrom(d, 0, d.length, n);
        return StepScaling.aggregate(type, d, from, d.length - from);
    }
}
