package io.github.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.berth.cli.internal.report.Report;
import io.github.berth.cli.internal.report.Rule;
import io.github.berth.cli.internal.report.Severity;
import io.github.berth.cli.internal.report.Subject;
import io.github.berth.core.lint.Finding;
import io.github.berth.core.lint.LintRule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code berth lint}'s output: text for people, JSON for scripts, and SARIF and JUnit XML through the
 * writers {@code validate} uses.
 */
final class LintReport {

    private LintReport() {}

    enum Format {
        TEXT,
        JSON,
        SARIF,
        JUNIT;

        static Format of(String value) {
            switch (value) {
                case "text":
                    return TEXT;
                case "json":
                    return JSON;
                case "sarif":
                    return SARIF;
                case "junit":
                    return JUNIT;
                default:
                    throw new IllegalArgumentException(
                            "--format: unknown format '" + value + "': expected text, json, sarif or junit");
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Text: per file {@code FILE: OK} or {@code FILE: N findings}, then one line a finding,
     * {@code path: severity RULE: message <url>}. JSON: {@code {"findings": [...]}}, one
     * object a finding with its file.
     */
    static void findings(Map<String, List<Finding>> byFile, List<LintRule> rules, Format format, PrintWriter out) {
        if (format == Format.SARIF || format == Format.JUNIT) {
            // The same writers as validate's: SARIF for code scanning, JUnit XML for CI test reports.
            io.github.berth.cli.internal.report.Format writer = format == Format.SARIF
                    ? io.github.berth.cli.internal.report.Format.SARIF
                    : io.github.berth.cli.internal.report.Format.JUNIT;
            writer.write(report(byFile, rules), out);
            return;
        }
        if (format == Format.TEXT) {
            byFile.forEach((file, findings) -> {
                out.println(file + ": "
                        + (findings.isEmpty()
                                ? "OK"
                                : findings.size() + (findings.size() == 1 ? " finding" : " findings")));
                for (Finding f : findings) {
                    out.println("  " + f + " <" + f.docUrl() + ">");
                }
            });
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        byFile.forEach((file, findings) -> {
            for (Finding f : findings) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file);
                m.put("resource", f.resource());
                m.put("ruleId", f.ruleId());
                m.put("severity", f.severity().value());
                m.put("path", f.path());
                m.put("message", f.message());
                m.put("docUrl", f.docUrl());
                list.add(m);
            }
        });
        out.println(write(Map.of("findings", list)));
    }

    /** The findings as a report of the command line's writers: a subject per file, the rules' metadata. */
    static Report report(Map<String, List<Finding>> byFile, List<LintRule> rules) {
        List<Rule> meta = new ArrayList<>();
        for (LintRule r : rules) {
            meta.add(new Rule(r.id(), sarifName(r.id()), r.reason(), r.docUrl(), severity(r.severity())));
        }
        List<Subject> subjects = new ArrayList<>();
        byFile.forEach((file, findings) -> {
            List<io.github.berth.cli.internal.report.Finding> mapped = new ArrayList<>();
            for (Finding f : findings) {
                mapped.add(new io.github.berth.cli.internal.report.Finding(
                        f.ruleId(), severity(f.severity()), f.path(), 0, 0, null, f.message()));
            }
            subjects.add(new Subject(
                    file,
                    null,
                    "lint",
                    mapped.isEmpty() ? Subject.Outcome.VALID : Subject.Outcome.INVALID,
                    "",
                    mapped,
                    List.of()));
        });
        return new Report("lint", BerthVersion.number(), meta, subjects);
    }

    /** {@code TD-IMAGE-LATEST} as SARIF's UpperCamelCase name: {@code TdImageLatest}. */
    static String sarifName(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            if (!part.isEmpty()) {
                sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return sb.toString();
    }

    private static Severity severity(io.github.berth.core.lint.Severity s) {
        return switch (s) {
            case ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case NOTE -> Severity.NOTE;
        };
    }

    /** Every rule: text, one a line ({@code ID severity: reason <url>}); JSON, {@code {"rules": [...]}}. */
    static void rules(List<LintRule> rules, Format format, PrintWriter out) {
        if (format == Format.SARIF || format == Format.JUNIT) {
            throw new IllegalArgumentException("--list-rules: give --format text or json");
        }
        if (format == Format.TEXT) {
            for (LintRule r : rules) {
                out.println(r.id() + " " + r.severity().value() + ": " + r.reason() + " <" + r.docUrl() + ">");
            }
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (LintRule r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("severity", r.severity().value());
            m.put("reason", r.reason());
            m.put("docUrl", r.docUrl());
            list.add(m);
        }
        out.println(write(Map.of("rules", list)));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
