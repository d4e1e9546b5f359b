package io.github.berth.scaling.alarm;

import java.util.Locale;

/** A CloudWatch statistic: how the samples of one period make one datapoint. */
public enum Statistic {
    AVERAGE("Average"),
    MINIMUM("Minimum"),
    MAXIMUM("Maximum"),
    SUM("Sum"),
    SAMPLE_COUNT("SampleCount");

    private final String wireName;

    Statistic(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire, e.g. {@code Average}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The statistic of a wire name (as CloudWatch writes it, case-insensitively).
     *
     * @throws IllegalArgumentException if there is none
     */
    public static Statistic fromWireName(String name) {
        for (Statistic s : values()) {
            if (s.wireName.equalsIgnoreCase(name) || s.name().equals(name.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown statistic '" + name + "': expected Average, Minimum, Maximum, Sum or SampleCount");
    }

    /** The datapoint of a period from its samples' count, sum, minimum and maximum (NaN if no sample). */
    public double of(int count, double sum, double min, double max) {
        if (count == 0) {
            return Double.NaN;
        }
        switch (this) {
            case AVERAGE:
                return sum / count;
            case MINIMUM:
                return min;
            case MAXIMUM:
                return max;
            case SUM:
                return sum;
            case SAMPLE_COUNT:
                return count;
            default:
                throw new AssertionError(this);
        }
    }
}
