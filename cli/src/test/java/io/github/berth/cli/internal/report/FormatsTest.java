package io.github.berth.cli.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The four writers over one report: what each format carries, and SARIF against the SARIF 2.1.0 schema. */
class FormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Rule TD = new Rule(
            "RegisterTaskDefinition",
            "RegisterTaskDefinition",
            "Amazon ECS would refuse to register this task definition.",
            "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
            Severity.ERROR);
    private static final Rule INPUT =
            new Rule("input", "UnreadableInput", "The file cannot be read.", null, Severity.ERROR);

    /** Four subjects: valid with a note, invalid with two findings (one of a resource), unreadable, skipped. */
    static Report report() {
        return new Report(
                "validate",
                "0.1.0-SNAPSHOT",
                List.of(TD, INPUT),
                List.of(
                        new Subject(
                                "deploy/web.json",
                                null,
                                "task definition",
                                Subject.Outcome.VALID,
                                "",
                                List.of(),
                                List.of("judged as the containers of an EC2 task")),
                        new Subject(
                                "deploy/stack.yaml",
                                "Resources.Api",
                                "AWS::ECS::TaskDefinition",
                                Subject.Outcome.INVALID,
                                "",
                                List.of(
                                        new Finding(
                                                "RegisterTaskDefinition",
                                                Severity.ERROR,
                                                "Resources.Api.Properties.Memory",
                                                12,
                                                15,
                                                "ClientException",
                                                "No Fargate configuration exists for given values: 512 CPU, 512 memory. See the "
                                                        + "Amazon ECS documentation for the valid values."),
                                        new Finding(
                                                "RegisterTaskDefinition",
                                                Severity.ERROR,
                                                "",
                                                0,
                                                0,
                                                "ClientException",
                                                "Actual length: '70000'. Max allowed length is '65536' bytes & <more>.")),
                                List.of()),
                        new Subject(
                                "deploy/broken.json",
                                null,
                                "",
                                Subject.Outcome.UNREADABLE,
                                "not valid JSON",
                                List.of(new Finding(
                                        "input",
                                        Severity.ERROR,
                                        "family",
                                        2,
                                        3,
                                        null,
                                        "not valid JSON: the document ends before it is " + "complete")),
                                List.of()),
                        new Subject(
                                "deploy/package.json",
                                null,
                                "",
                                Subject.Outcome.SKIPPED,
                                "not a form berth validate knows",
                                List.of(),
                                List.of())));
    }

    static String write(Format format, Report report) {
        StringWriter s = new StringWriter();
        format.write(report, new PrintWriter(s));
        return s.toString();
    }

    @Test
    void textIsOneHeadlinePerSubjectAndOneLinePerFinding() {
        assertThat(write(Format.TEXT, report()))
                .isEqualTo(String.join(
                        "\n",
                        "deploy/web.json: OK",
                        "  note: judged as the containers of an EC2 task",
                        "deploy/stack.yaml Resources.Api: 2 problems",
                        "  Resources.Api.Properties.Memory (line 12, column 15): ClientException: No Fargate configuration exists for "
                                + "given values: 512 CPU, 512 memory. See the Amazon ECS documentation for the valid values.",
                        "  (document): ClientException: Actual length: '70000'. Max allowed length is '65536' bytes & <more>.",
                        "deploy/broken.json: not valid JSON",
                        "  family (line 2, column 3): not valid JSON: the document ends before it is complete",
                        "deploy/package.json: skipped: not a form berth validate knows",
                        ""));
    }

    @Test
    void jsonCarriesEveryFieldForScripts() throws Exception {
        JsonNode root = JSON.readTree(write(Format.JSON, report()));
        assertThat(root.get("command").asText()).isEqualTo("validate");
        assertThat(root.get("summary").toString())
                .isEqualTo("{\"subjects\":4,\"valid\":1,\"invalid\":1,\"unreadable\":1,\"skipped\":1}");
        JsonNode invalid = root.get("subjects").get(1);
        assertThat(invalid.get("resource").asText()).isEqualTo("Resources.Api");
        assertThat(invalid.get("outcome").asText()).isEqualTo("invalid");
        assertThat(invalid.get("findings").get(0).toString())
                .isEqualTo("{\"ruleId\":\"RegisterTaskDefinition\","
                        + "\"severity\":\"error\",\"path\":\"Resources.Api.Properties.Memory\",\"line\":12,\"column\":15,"
                        + "\"errorType\":\"ClientException\",\"message\":\"No Fargate configuration exists for given values: 512 CPU, "
                        + "512 memory. See the Amazon ECS documentation for the valid values.\"}");
        assertThat(invalid.get("findings").get(1).has("line")).isFalse();
        assertThat(root.get("subjects").get(0).get("notes").get(0).asText())
                .isEqualTo("judged as the containers of an EC2 task");
        assertThat(root.get("subjects").get(2).get("summary").asText()).isEqualTo("not valid JSON");
    }

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws Exception {
        String sarif = write(Format.SARIF, report());
        JsonSchema schema;
        try (InputStream in = FormatsTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(JSON.readTree(sarif));
        assertThat(errors).isEmpty();
        // and the schema check can fail: a result without its message is refused
        JsonNode broken = JSON.readTree(sarif);
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        broken.get("runs").get(0).get("results").get(0))
                .remove("message");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void sarifCarriesWhatGitHubCodeScanningNeeds() throws Exception {
        JsonNode run = JSON.readTree(write(Format.SARIF, report())).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules)
                .extracting(r -> r.get("id").asText())
                .containsExactly("RegisterTaskDefinition", "input", "rules-skipped");
        assertThat(rules.get(0).get("helpUri").asText())
                .isEqualTo("https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html");
        assertThat(rules.get(0).get("shortDescription").get("text").asText())
                .isEqualTo("Amazon ECS would refuse to register this task definition.");
        JsonNode results = run.get("results");
        assertThat(results).hasSize(4); // two findings, one unreadable, one note; nothing for valid or skipped files
        JsonNode first = results.get(1); // results follow the subjects: the first file's note comes first
        assertThat(first.get("ruleId").asText()).isEqualTo("RegisterTaskDefinition");
        assertThat(first.get("ruleIndex").asInt()).isEqualTo(0);
        assertThat(first.get("level").asText()).isEqualTo("error");
        assertThat(first.get("message").get("text").asText()).startsWith("Resources.Api: ClientException: No Fargate");
        JsonNode physical = first.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asText()).isEqualTo("deploy/stack.yaml");
        assertThat(physical.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(physical.get("region").toString()).isEqualTo("{\"startLine\":12,\"startColumn\":15}");
        assertThat(first.get("locations")
                        .get(0)
                        .get("logicalLocations")
                        .get(0)
                        .get("fullyQualifiedName")
                        .asText())
                .isEqualTo("Resources.Api.Properties.Memory");
        // a finding of the whole document points at the file's first line
        assertThat(results.get(2)
                        .get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("region")
                        .toString())
                .isEqualTo("{\"startLine\":1}");
        assertThat(results.get(3).get("ruleIndex").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("level").asText()).isEqualTo("note");
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("rules-skipped");
    }

    @Test
    void sarifUrisAreRelativeAndEncodedOrFileUrisForAbsolutePaths() {
        assertThat(SarifWriter.relativeUri(java.nio.file.Path.of("deploy", "my stack.yaml")))
                .isEqualTo("deploy/my%20stack.yaml");
        assertThat(SarifWriter.relativeUri(java.nio.file.Path.of("./a/../b.json")))
                .isEqualTo("b.json");
    }

    @Test
    void junitIsOneTestCasePerSubjectWithFailuresErrorsAndSkips() throws Exception {
        String xml = write(Format.JUNIT, report());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("berth validate");
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element invalid = (Element) cases.item(1);
        assertThat(invalid.getAttribute("classname")).isEqualTo("deploy/stack.yaml");
        assertThat(invalid.getAttribute("name")).isEqualTo("Resources.Api");
        Element failure = (Element) invalid.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("ClientException");
        assertThat(failure.getAttribute("message")).startsWith("No Fargate configuration exists");
        assertThat(failure.getTextContent())
                .contains("(document): ClientException: Actual length: '70000'. Max allowed "
                        + "length is '65536' bytes & <more>.");
        Element broken = (Element) cases.item(2);
        assertThat(broken.getElementsByTagName("error").item(0).getTextContent())
                .isEqualTo("family (line 2, column 3): not valid JSON: the document ends before it is complete\n");
        assertThat(((Element) cases.item(3)).getElementsByTagName("skipped").getLength())
                .isEqualTo(1);
        assertThat(((Element) cases.item(0))
                        .getElementsByTagName("system-out")
                        .item(0)
                        .getTextContent())
                .isEqualTo("judged as the containers of an EC2 task");
    }

    @Test
    void formatsAreNamedInAnyCaseAndAnUnknownOneIsRefused() {
        assertThat(Format.parse("SARIF")).isEqualTo(Format.SARIF);
        assertThat(Format.parse("junit")).isEqualTo(Format.JUNIT);
        assertThatThrownBy(() -> Format.parse("xml"))
                .hasMessage("unknown format 'xml': use text, json, sarif or junit");
    }
}
