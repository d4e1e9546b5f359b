package io.github.berth.core.lint;

import java.util.Locale;

/** How much a finding matters; the names are SARIF's levels, so reports map one to one. */
public enum Severity {
    /** A risk to security or availability most teams would not accept. */
    ERROR,
    /** A practice AWS recommends against; fix it or suppress it with a reason. */
    WARNING,
    /** Worth knowing; often a deliberate choice. */
    NOTE;

    /** The lower-case name, as SARIF and the JSON output write it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /**
     * @throws IllegalArgumentException naming the accepted values, for a name that is none of them
     */
    public static Severity fromValue(String value) {
        for (Severity s : values()) {
            if (s.value().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + value + "': expected error, warning or note");
    }
}
