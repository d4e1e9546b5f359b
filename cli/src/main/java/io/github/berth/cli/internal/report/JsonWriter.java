package io.github.berth.cli.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * For scripts: one JSON document,
 * {@code {"command", "version", "summary": {"subjects", "valid", "invalid", "unreadable", "skipped"},
 * "subjects": [{"file", "resource"?, "kind", "outcome", "summary"?, "findings": [{"ruleId", "severity",
 * "path", "line"?, "column"?, "errorType"?, "message"}], "notes"}]}}; outcomes and severities in lower case.
 */
final class JsonWriter implements Format.ReportWriter {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Report report, PrintWriter out) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("command", report.command());
        root.put("version", report.toolVersion());
        ObjectNode summary = root.putObject("summary");
        summary.put("subjects", report.subjects().size());
        for (Subject.Outcome o : Subject.Outcome.values()) {
            summary.put(o.name().toLowerCase(Locale.ROOT), report.count(o));
        }
        ArrayNode subjects = root.putArray("subjects");
        for (Subject s : report.subjects()) {
            ObjectNode n = subjects.addObject();
            n.put("file", s.file());
            if (s.resource() != null) {
                n.put("resource", s.resource());
            }
            n.put("kind", s.kind());
            n.put("outcome", s.outcome().name().toLowerCase(Locale.ROOT));
            if (!s.summary().isEmpty()) {
                n.put("summary", s.summary());
            }
            ArrayNode findings = n.putArray("findings");
            for (Finding f : s.findings()) {
                ObjectNode fn = findings.addObject();
                fn.put("ruleId", f.ruleId());
                fn.put("severity", f.severity().sarifLevel());
                fn.put("path", f.path());
                if (f.line() > 0) {
                    fn.put("line", f.line());
                    fn.put("column", f.column());
                }
                if (f.errorType() != null) {
                    fn.put("errorType", f.errorType());
                }
                fn.put("message", f.message());
            }
            ArrayNode notes = n.putArray("notes");
            s.notes().forEach(notes::add);
        }
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
