package io.github.berth.scaling.alarm;

/** How an alarm treats periods without data (CloudWatch {@code TreatMissingData}). */
public enum TreatMissingData {
    /** The default: missing periods are not considered; all missing is INSUFFICIENT_DATA. */
    MISSING("missing"),
    NOT_BREACHING("notBreaching"),
    BREACHING("breaching"),
    /** The current state is kept when data is missing. */
    IGNORE("ignore");

    private final String wireName;

    TreatMissingData(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The treatment of a wire name.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static TreatMissingData fromWireName(String name) {
        for (TreatMissingData t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown missing-data treatment '" + name + "': expected missing, notBreaching, breaching or ignore");
    }
}
