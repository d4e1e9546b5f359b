package io.github.berth.cli.internal.report;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The output formats: {@code text} for people, {@code json} for scripts, {@code sarif} for GitHub
 * code scanning and other SARIF 2.1.0 consumers, {@code junit} for CI systems that show JUnit XML as
 * test results.
 */
public enum Format {
    TEXT(new TextWriter()),
    JSON(new JsonWriter()),
    SARIF(new SarifWriter()),
    JUNIT(new JunitWriter());

    private final ReportWriter writer;

    Format(ReportWriter writer) {
        this.writer = writer;
    }

    /** Writes {@code report} in this format. */
    public void write(Report report, PrintWriter out) {
        writer.write(report, out);
        out.flush();
    }

    /** The format named {@code text}, {@code json}, {@code sarif} or {@code junit} (any case). */
    public static Format parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "': use text, json, sarif or junit", e);
        }
    }

    /** Writes a report in one format. */
    interface ReportWriter {
        void write(Report report, PrintWriter out);
    }
}
