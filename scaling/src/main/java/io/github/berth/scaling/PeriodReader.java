package io.github.berth.scaling;

/**
 * The datapoints of one metric by one period and statistic, by period index since the epoch: what
 * a simulation resolves once per alarm. An abstract class, not an interface, so that reading an
 * alarm's reader needs no interface type check on the hot path.
 */
abstract class PeriodReader {

    /** The datapoint of period {@code period}; NaN when missing. */
    abstract double datapoint(long period);

    /** A reader of {@code function}. */
    static PeriodReader of(java.util.function.LongToDoubleFunction function) {
        return new PeriodReader() {
            @Override
            double datapoint(long period) {
                return function.applyAsDouble(period);
            }
        };
    }
}
