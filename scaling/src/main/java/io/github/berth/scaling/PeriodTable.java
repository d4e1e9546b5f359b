package io.github.berth.scaling;

import io.github.berth.scaling.alarm.Statistic;

/**
 * Samples of one metric accumulated per period (count, sum, min, max), over a fixed range of
 * periods, so that a datapoint by any statistic costs one array read. Filled sample by sample from a
 * capacity-dependent metric.
 */
final class PeriodTable {

  final int periodSeconds;
  private final long firstPeriod;
  private final int[] count;
  private final double[] sum;
  private final double[] min;
  private final double[] max;

  PeriodTable(int periodSeconds, long firstSecond, long endSecond) {
    this.periodSeconds = periodSeconds;
    this.firstPeriod = Math.floorDiv(firstSecond, periodSeconds);
    int n = (int) (Math.floorDiv(endSecond, periodSeconds) - firstPeriod + 1);
    this.count = new int[n];
    this.sum = new double[n];
    this.min = new double[n];
    this.max = new double[n];
  }

  void add(long second, double value) {
    long i = Math.floorDiv(second, periodSeconds) - firstPeriod;
    if (i < 0 || i >= count.length) {
      return;
    }
    int k = (int) i;
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

  /** The datapoint of period {@code period} (its index since the epoch); NaN if it has no sample. */
  double value(long period, Statistic statistic) {
    long i = period - firstPeriod;
    if (i < 0 || i >= count.length) {
      return Double.NaN;
    }
    int k = (int) i;
    return statistic.of(count[k], sum[k], min[k], max[k]);
  }
}
