package io.github.berth.cli.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), in the shape GitHub
 * code scanning takes (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning):
 * one run; the tool's rules with their descriptions, help page and default level; one result per
 * finding with its rule, level, message and a physical location (the file relative to the checkout,
 * {@code %SRCROOT%}, with the line and column when known) and a logical location (the JSON path). A
 * note of a subject becomes a result of level {@code note} under the rule {@code rules-skipped}.
 */
final class SarifWriter implements Format.ReportWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SKIPPED_RULE = "rules-skipped";

    @Override
    public void write(Report report, PrintWriter out) {
        ObjectNode root = JsonWriter.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "berth");
        driver.put("semanticVersion", report.toolVersion().replaceFirst("-SNAPSHOT$", ""));
        driver.put("version", report.toolVersion());
        List<Rule> rules = new ArrayList<>(report.rules());
        boolean anyNotes = report.subjects().stream().anyMatch(s -> !s.notes().isEmpty());
        if (anyNotes && !report.rulesById().containsKey(SKIPPED_RULE)) {
            rules.add(new Rule(
                    SKIPPED_RULE,
                    "RulesSkipped",
                    "Rules that need a value known only at deploy time (an intrinsic function, a value unknown to the plan) "
                            + "were not judged.",
                    null,
                    Severity.NOTE));
        }
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> index = new java.util.HashMap<>();
        for (Rule r : rules) {
            index.put(r.id(), index.size());
            ObjectNode rn = ruleNodes.addObject();
            rn.put("id", r.id());
            rn.put("name", r.name());
            rn.putObject("shortDescription").put("text", r.description());
            rn.putObject("fullDescription").put("text", r.description());
            if (r.helpUri() != null) {
                rn.put("helpUri", r.helpUri());
                rn.putObject("help").put("text", r.description() + " See " + r.helpUri());
            }
            rn.putObject("defaultConfiguration").put("level", r.severity().sarifLevel());
        }
        run.putObject("automationDetails").put("id", "berth/" + report.command() + "/");
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%").put("uri", "./");
        ArrayNode results = run.putArray("results");
        for (Subject s : report.subjects()) {
            for (Finding f : s.findings()) {
                ObjectNode res = results.addObject();
                res.put("ruleId", f.ruleId());
                Integer i = index.get(f.ruleId());
                if (i != null) {
                    res.put("ruleIndex", i);
                }
                res.put("level", f.severity().sarifLevel());
                String text = (f.errorType() == null ? "" : f.errorType() + ": ") + f.message();
                if (s.resource() != null) {
                    text = s.resource() + ": " + text;
                }
                res.putObject("message").put("text", text);
                location(res.putArray("locations").addObject(), s.file(), f.path(), f.line(), f.column());
                if (f.errorType() != null) {
                    res.putObject("properties").put("awsErrorType", f.errorType());
                }
            }
            for (String note : s.notes()) {
                ObjectNode res = results.addObject();
                res.put("ruleId", SKIPPED_RULE);
                res.put("ruleIndex", index.get(SKIPPED_RULE));
                res.put("level", "note");
                res.putObject("message").put("text", (s.resource() == null ? "" : s.resource() + ": ") + note);
                location(res.putArray("locations").addObject(), s.file(), "", 0, 0);
            }
        }
        try {
            out.println(JsonWriter.MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void location(ObjectNode loc, String file, String path, int line, int column) {
        ObjectNode physical = loc.putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            artifact.put("uri", p.toUri().toString());
        } else {
            artifact.put("uri", relativeUri(p));
            artifact.put("uriBaseId", "%SRCROOT%");
        }
        // GitHub needs a region to show a result on a line; the first line stands for the whole file.
        ObjectNode region = physical.putObject("region");
        region.put("startLine", Math.max(line, 1));
        if (line > 0 && column > 0) {
            region.put("startColumn", column);
        }
        if (!path.isEmpty()) {
            ArrayNode logical = loc.putArray("logicalLocations");
            logical.addObject().put("fullyQualifiedName", path).put("kind", "member");
        }
    }

    /** A relative path as a relative URI reference: forward slashes, each segment percent-encoded. */
    static String relativeUri(Path p) {
        StringBuilder sb = new StringBuilder();
        for (Path part : p.normalize()) {
            String seg = part.toString();
            if (seg.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            try {
                sb.append(new URI(null, null, seg, null).getRawPath().replace(":", "%3A"));
            } catch (URISyntaxException e) {
                sb.append(seg);
            }
        }
        return sb.toString();
    }
}
