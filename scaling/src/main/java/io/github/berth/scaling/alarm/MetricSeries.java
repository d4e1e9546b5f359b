package io.github.berth.scaling.alarm;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Recorded samples of one metric: instants (second precision) and finite values, in time order.
 * A period without a sample is missing data. Immutable.
 */
public final class MetricSeries {

    private static final MetricSeries EMPTY = new MetricSeries(new long[0], new double[0]);

    private final long[] seconds;
    private final double[] values;

    private MetricSeries(long[] seconds, double[] values) {
        this.seconds = seconds;
        this.values = values;
    }

    /** A series without samples. */
    public static MetricSeries empty() {
        return EMPTY;
    }

    /**
     * A series of samples, sorted by time (samples at the same second keep their order).
     *
     * @throws IllegalArgumentException if the lengths differ or a value is not finite
     */
    public static MetricSeries of(List<Instant> times, double[] values) {
        long[] s = new long[times.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = times.get(i).getEpochSecond();
        }
        return ofEpochSeconds(s, values);
    }

    /**
     * Like {@link #of(List, double[])}, with times as epoch seconds.
     *
     * @throws IllegalArgumentException if the lengths differ, a value is not finite or a time is
     *     outside the range of an {@link Instant}
     */
    public static MetricSeries ofEpochSeconds(long[] epochSeconds, double[] values) {
        if (epochSeconds.length != values.length) {
            throw new IllegalArgumentException(
                    "times and values differ in length: " + epochSeconds.length + " and " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("sample " + i + " is not a finite number: " + values[i]);
            }
            if (epochSeconds[i] < Instant.MIN.getEpochSecond() || epochSeconds[i] > Instant.MAX.getEpochSecond()) {
                throw new IllegalArgumentException(
                        "sample " + i + " is at epoch second " + epochSeconds[i] + ", outside the range of an Instant");
            }
        }
        long[] s = epochSeconds.clone();
        double[] v = values.clone();
        if (!isSorted(s)) {
            Integer[] order = new Integer[s.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(epochSeconds[a], epochSeconds[b]));
            for (int i = 0; i < order.length; i++) {
                s[i] = epochSeconds[order[i]];
                v[i] = values[order[i]];
            }
        }
        return new MetricSeries(s, v);
    }

    private static boolean isSorted(long[] s) {
        for (int i = 1; i < s.length; i++) {
            if (s[i] < s[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s} is a decimal number as CSV exports write it: {@code 42}, {@code -0.5},
     * {@code .5}, {@code 1.2E3}. One pass, written out: the regular expression it replaces
     * backtracked quadratically on a long run of digits.
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Reads a CSV of samples: a header line (such as {@code timestamp,value}), then one
     * {@code timestamp,value} row per sample, the timestamp an ISO-8601 instant
     * ({@code 2024-03-01T10:00:00Z}). Blank lines are skipped, fields may be quoted, rows may come in
     * any order (CloudWatch exports newest first).
     *
     * @throws IllegalArgumentException naming the line and the problem (a timestamp that is not an
     *     ISO-8601 instant, a value that is not a finite number)
     * @throws NullPointerException if {@code text} is null
     */
    public static MetricSeries parseCsv(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = text.split("\r?\n|\r", -1);
        int n = 0;
        long[] s = new long[Math.max(16, lines.length)];
        double[] v = new double[s.length];
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 2) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 2 columns (timestamp,value), found "
                        + f.length + ": '" + abbreviate(line) + "'");
            }
            String ts = unquote(f[0]);
            String val = unquote(f[1]);
            if (!header) {
                header = true;
                if (looksLikeData(ts, val)) {
                    throw new IllegalArgumentException("line " + (i + 1)
                            + ": expected a header line such as 'timestamp,value' before the samples");
                }
                continue;
            }
            Instant t;
            try {
                t = Instant.parse(ts);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": not an ISO-8601 instant: '" + abbreviate(ts) + "'");
            }
            // Checked in one pass before parsing: Java also reads 50d, 7f and 0x1p3, which a metric export
            // never writes, and its failure copies the whole text (a megabyte) into an exception.
            if (!isDecimal(val)) {
                String unsigned = val.startsWith("+") || val.startsWith("-") ? val.substring(1) : val;
                boolean named = unsigned.equals("NaN") || unsigned.equals("Infinity");
                throw new IllegalArgumentException("line " + (i + 1) + ": not a " + (named ? "finite " : "")
                        + "number: '" + abbreviate(val) + "'");
            }
            double d = Double.parseDouble(val);
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": not a finite number: '" + abbreviate(val) + "'");
            }
            s[n] = t.getEpochSecond();
            v[n] = d;
            n++;
        }
        if (!header) {
            throw new IllegalArgumentException("line 1: expected a header line such as 'timestamp,value'");
        }
        return ofEpochSeconds(Arrays.copyOf(s, n), Arrays.copyOf(v, n));
    }

    private static boolean looksLikeData(String ts, String val) {
        try {
            Instant.parse(ts);
            Double.parseDouble(val);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String unquote(String f) {
        String s = f.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"").strip();
        }
        return s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    public int size() {
        return seconds.length;
    }

    public boolean isEmpty() {
        return seconds.length == 0;
    }

    public Instant time(int i) {
        return Instant.ofEpochSecond(seconds[i]);
    }

    public long epochSecond(int i) {
        return seconds[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** The datapoint of the samples in [{@code from}, {@code to}) by {@code statistic}; NaN if none. */
    public double aggregate(Instant from, Instant to, Statistic statistic) {
        return aggregate(from.getEpochSecond(), to.getEpochSecond(), statistic);
    }

    /** Like {@link #aggregate(Instant, Instant, Statistic)}, with epoch seconds. */
    public double aggregate(long fromSecond, long toSecond, Statistic statistic) {
        int i = lowerBound(fromSecond);
        int count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (; i < seconds.length && seconds[i] < toSecond; i++) {
            double x = values[i];
            count++;
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return statistic.of(count, sum, min, max);
    }

    /**
     * The datapoints of {@code count} consecutive periods of {@code periodSeconds}, the first
     * starting at {@code firstPeriodStart} (epoch second); NaN where a period has no sample.
     */
    public double[] datapoints(long firstPeriodStart, int periodSeconds, int count, Statistic statistic) {
        if (periodSeconds < 1 || count < 0) {
            throw new IllegalArgumentException(
                    "a period of at least 1 second and a count of at least 0 are needed, found " + periodSeconds
                            + " s and " + count);
        }
        double[] out = new double[count];
        int i = lowerBound(firstPeriodStart);
        long end = firstPeriodStart;
        for (int p = 0; p < count; p++) {
            end += periodSeconds;
            int from = i;
            while (i < seconds.length && seconds[i] < end) {
                i++;
            }
            out[p] = datapoint(from, i, statistic);
        }
        return out;
    }

    /**
     * A reader of this series' datapoints of one period and statistic, for periods asked in time
     * order: each costs the samples it holds, not a search.
     */
    public Cursor cursor(int periodSeconds, Statistic statistic) {
        if (periodSeconds < 1) {
            throw new IllegalArgumentException(
                    "a period of at least 1 second is needed, found " + periodSeconds + " s");
        }
        return new Cursor(periodSeconds, java.util.Objects.requireNonNull(statistic, "statistic"));
    }

    /** See {@link #cursor(int, Statistic)}. Not thread-safe. */
    public final class Cursor {
        private final int periodSeconds;
        private final Statistic statistic;
        private long nextStart = Long.MIN_VALUE; // the period start the cursor stands at
        private int index; // the first sample at or after nextStart
        private long lastStart = Long.MIN_VALUE;
        private double lastValue;

        private Cursor(int periodSeconds, Statistic statistic) {
            this.periodSeconds = periodSeconds;
            this.statistic = statistic;
        }

        public int periodSeconds() {
            return periodSeconds;
        }

        public Statistic statistic() {
            return statistic;
        }

        /** The datapoint of [{@code periodStart}, {@code periodStart + periodSeconds}); NaN if no sample. */
        public double datapoint(long periodStart) {
            if (periodStart == lastStart) {
                return lastValue;
            }
            int i = periodStart == nextStart ? index : lowerBound(periodStart);
            long end = periodStart + periodSeconds;
            int from = i;
            while (i < seconds.length && seconds[i] < end) {
                i++;
            }
            nextStart = end;
            index = i;
            lastStart = periodStart;
            lastValue = MetricSeries.this.datapoint(from, i, statistic);
            return lastValue;
        }
    }

    /** The datapoint of samples [from, to) by {@code statistic}; NaN when there is none. */
    private double datapoint(int from, int to, Statistic statistic) {
        int n = to - from;
        if (n == 0) {
            return Double.NaN;
        }
        if (n == 1 && statistic != Statistic.SAMPLE_COUNT) {
            return values[from]; // one sample: its own average, minimum, maximum and sum
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) {
            double x = values[k];
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return statistic.of(n, sum, min, max);
    }

    /** The index of the first sample at or after {@code second}. */
    private int lowerBound(long second) {
        int lo = 0;
        int hi = seconds.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (seconds[mid] < second) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "MetricSeries[" + seconds.length + " samples"
                + (seconds.length == 0 ? "" : ", " + time(0) + " .. " + time(seconds.length - 1)) + "]";
    }
}
