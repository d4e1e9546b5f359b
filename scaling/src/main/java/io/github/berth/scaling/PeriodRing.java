package io.github.berth.scaling;

import io.github.berth.scaling.alarm.Statistic;
import java.util.Arrays;

/**
 * Samples of one metric accumulated per period (count, sum, minimum, maximum) for the most recent
 * {@link #size()} periods only, so that memory does not grow with time: a sample of a newer period
 * takes the slot of the period that many periods older. A datapoint by any statistic is one slot
 * read.
 */
final class PeriodRing {

    private static final long EMPTY = Long.MIN_VALUE;

    final int periodSeconds;
    private long[] period; // the period (index since the epoch) each slot holds, or EMPTY
    private int[] count;
    private double[] sum;
    private double[] min;
    private double[] max;

    PeriodRing(int periodSeconds, int size) {
        this.periodSeconds = periodSeconds;
        allocate(size);
    }

    private void allocate(int size) {
        period = new long[size];
        Arrays.fill(period, EMPTY);
        count = new int[size];
        sum = new double[size];
        min = new double[size];
        max = new double[size];
    }

    /** The number of periods kept. */
    int size() {
        return period.length;
    }

    /** Keeps at least {@code size} periods from now on, keeping the samples held. */
    void ensureSize(int size) {
        if (size <= period.length) {
            return;
        }
        long[] p = period;
        int[] c = count;
        double[] s = sum;
        double[] lo = min;
        double[] hi = max;
        allocate(size);
        for (int i = 0; i < p.length; i++) {
            if (p[i] != EMPTY) {
                int k = slot(p[i]);
                period[k] = p[i];
                count[k] = c[i];
                sum[k] = s[i];
                min[k] = lo[i];
                max[k] = hi[i];
            }
        }
    }

    private int slot(long p) {
        return (int) Math.floorMod(p, (long) period.length);
    }

    /** Adds a sample taken at {@code second}; one older than every period kept is dropped. */
    void add(long second, double value) {
        long p = Math.floorDiv(second, periodSeconds);
        int k = slot(p);
        if (period[k] != p) {
            if (period[k] != EMPTY && period[k] > p) {
                return; // older than the periods kept
            }
            period[k] = p;
            count[k] = 0;
            sum[k] = 0;
        }
        if (count[k] == 0) {
            min[k] = value;
            max[k] = value;
        } else {
            min[k] = Math.min(min[k], value);
            max[k] = Math.max(max[k], value);
        }
        count[k]++;
        sum[k] += value;
    }

    /** The datapoint of period {@code p} (its index since the epoch); NaN if it has no sample kept. */
    double value(long p, Statistic statistic) {
        int k = slot(p);
        if (period[k] != p || count[k] == 0) {
            return Double.NaN;
        }
        return statistic.of(count[k], sum[k], min[k], max[k]);
    }

    /** The periods holding samples (for tests of the memory bound). */
    int retained() {
        int n = 0;
        for (long p : period) {
            n += p != EMPTY ? 1 : 0;
        }
        return n;
    }
}
