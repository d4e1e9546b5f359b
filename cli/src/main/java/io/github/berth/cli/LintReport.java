package io.github.berth.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.berth.core.lint.Finding;
import io.github.berth.core.lint.LintRule;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code berth lint}'s output, as text for people or JSON for tools. Kept small on purpose: SARIF and
 * JUnit writers belong with the other reports of the command line.
 */
final class LintReport {

  private LintReport() {}

  enum Format {
    TEXT, JSON;

    static Format of(String value) {
      switch (value) {
        case "text":
          return TEXT;
        case "json":
          return JSON;
        default:
          throw new IllegalArgumentException("--format: unknown format '" + value + "': expected text or json");
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Text: per file {@code FILE: OK} or {@code FILE: N findings}, then one line a finding,
   * {@code path: severity RULE: message <url>}. JSON: {@code {"findings": [...]}}, one
   * object a finding with its file.
   */
  static void findings(Map<String, List<Finding>> byFile, Format format, PrintWriter out) {
    if (format == Format.TEXT) {
      byFile.forEach((file, findings) -> {
        out.println(file + ": " + (findings.isEmpty() ? "OK" : findings.size() + (findings.size() == 1 ? " finding" : " findings")));
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

  /** Every rule: text, one a line ({@code ID severity: reason <url>}); JSON, {@code {"rules": [...]}}. */
  static void rules(List<LintRule> rules, Format format, PrintWriter out) {
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
