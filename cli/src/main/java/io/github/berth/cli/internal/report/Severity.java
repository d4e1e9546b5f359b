package io.github.berth.cli.internal.report;

import java.util.Locale;

/** How much a finding matters: SARIF's levels, which CI tools map to failing, warning and informing. */
public enum Severity {
    /** The service would refuse the input (or the input cannot be read). */
    ERROR,
    /** A practice to change; the service would accept it. */
    WARNING,
    /** Information, such as rules that could not be judged. */
    NOTE;

    /** The SARIF {@code level}: {@code error}, {@code warning} or {@code note}. */
    public String sarifLevel() {
        return name().toLowerCase(Locale.ROOT);
    }
}
