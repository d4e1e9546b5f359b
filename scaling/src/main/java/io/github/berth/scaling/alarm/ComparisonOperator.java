package io.github.berth.scaling.alarm;

/** How an alarm compares a datapoint with its threshold (CloudWatch {@code ComparisonOperator}). */
public enum ComparisonOperator {
    GREATER_THAN_OR_EQUAL_TO_THRESHOLD("GreaterThanOrEqualToThreshold"),
    GREATER_THAN_THRESHOLD("GreaterThanThreshold"),
    LESS_THAN_THRESHOLD("LessThanThreshold"),
    LESS_THAN_OR_EQUAL_TO_THRESHOLD("LessThanOrEqualToThreshold");

    private final String wireName;

    ComparisonOperator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The operator of a wire name.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static ComparisonOperator fromWireName(String name) {
        for (ComparisonOperator c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown comparison operator '" + name
                        + "': expected GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold or LessThanOrEqualToThreshold");
    }

    /** Whether {@code value} breaches {@code threshold}. */
    public boolean breaches(double value, double threshold) {
        switch (this) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD:
                return value >= threshold;
            case GREATER_THAN_THRESHOLD:
                return value > threshold;
            case LESS_THAN_THRESHOLD:
                return value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD:
                return value <= threshold;
            default:
                throw new AssertionError(this);
        }
    }

    /** Whether the alarm watches for values above its threshold (a scale-out alarm, usually). */
    public boolean isUpper() {
        return this == GREATER_THAN_OR_EQUAL_TO_THRESHOLD || this == GREATER_THAN_THRESHOLD;
    }
}
