package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth lint}: findings per file kind, both formats, suppression by flag, config and tag, exit status. */
class LintCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** One finding only: the image is tagged latest. */
    private static final String TASK_DEFINITION = """
      {"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:latest", "memory": 256,
        "user": "1000", "readonlyRootFilesystem": true,
        "healthCheck": {"command": ["CMD-SHELL", "exit 0"]},
        "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1"}}}]}
      """;

    private static final String SERVICE = """
      {"serviceName": "api", "taskDefinition": "web", "desiredCount": 2,
       "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-a", "subnet-b"]}},
       "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true}}}
      """;
    private static final String SUBNETS = """
      {"Subnets": [{"SubnetId": "subnet-a", "AvailabilityZone": "eu-west-1a", "MapPublicIpOnLaunch": false},
                   {"SubnetId": "subnet-b", "AvailabilityZone": "eu-west-1a", "MapPublicIpOnLaunch": false}]}
      """;
    private static final String TARGET = """
      {"ServiceNamespace": "ecs", "ResourceId": "service/prod/api", "ScalableDimension": "ecs:service:DesiredCount",
       "MinCapacity": 3, "MaxCapacity": 3}
      """;
    private static final String LATEST_URL =
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html#deployment-container-image-stability";

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("td.json"), TASK_DEFINITION);
        Files.writeString(dir.resolve("service.json"), SERVICE);
        Files.writeString(dir.resolve("subnets.json"), SUBNETS);
        Files.writeString(dir.resolve("target.json"), TARGET);
    }

    /** The command line on this test's own streams: nothing global is swapped. */
    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("lint"));
        all.addAll(List.of(args));
        return Berth.run(
                java.io.InputStream.nullInputStream(),
                new java.io.PrintWriter(out, true, StandardCharsets.UTF_8),
                new java.io.PrintWriter(err, true, StandardCharsets.UTF_8),
                all.toArray(String[]::new));
    }

    @Test
    void sarifOutputCarriesTheRulesAndPassesTheSarif210Schema() throws Exception {
        assertThat(run("--format", "sarif", p("td.json"))).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode sarif =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
        com.networknt.schema.JsonSchema schema;
        try (java.io.InputStream in = LintCommandTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V4)
                    .getSchema(in);
        }
        assertThat(schema.validate(sarif)).isEmpty();
        com.fasterxml.jackson.databind.JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("results")).hasSize(1);
        assertThat(run.get("results").get(0).get("ruleId").asText()).isEqualTo("TD-IMAGE-LATEST");
        assertThat(run.get("results").get(0).get("level").asText()).isEqualTo("warning");
        List<String> ruleIds = new ArrayList<>();
        run.get("tool")
                .get("driver")
                .get("rules")
                .forEach(r -> ruleIds.add(r.get("id").asText()));
        assertThat(ruleIds).contains("TD-IMAGE-LATEST", "TD-PRIVILEGED", "TD-NO-LOGGING");
    }

    @Test
    void junitOutputIsOneTestCasePerFileFailingOnFindings() {
        assertThat(run("--format", "junit", p("td.json"), p("service.json"), "--subnets", p("subnets.json")))
                .isEqualTo(1);
        assertThat(out()).startsWith("<?xml").contains("<testsuite").contains("TD-IMAGE-LATEST");
        assertThat(out()).contains("<failure");
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachKindOfFileIsJudgedByItsOwnRules() {
        assertThat(run(p("td.json"), p("service.json"), "--subnets", p("subnets.json"), p("target.json")))
                .isEqualTo(1);
        assertThat(out())
                .isEqualTo(p("td.json") + ": 1 finding\n"
                        + "  containerDefinitions[0].image: warning TD-IMAGE-LATEST: Container 'web''s image 'nginx:latest' is tagged "
                        + "'latest'. <" + LATEST_URL + ">\n"
                        + p("service.json") + ": 1 finding\n"
                        + "  networkConfiguration.awsvpcConfiguration.subnets: warning SVC-SINGLE-AZ: The service's 2 subnets are all in "
                        + "eu-west-1a. <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-best-practices.html>\n"
                        + p("target.json") + ": 1 finding\n"
                        + "  MaxCapacity: warning SCALING-MIN-EQUALS-MAX: MinCapacity and MaxCapacity are both 3. "
                        + "<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html>\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void aCleanFileIsOkAndExitsZero() {
        assertThat(run(p("service.json"))).isZero(); // subnets not described: one AZ cannot be told
        assertThat(out()).isEqualTo(p("service.json") + ": OK\n");
    }

    @Test
    void jsonOutputCarriesEveryFieldOfAFinding() {
        assertThat(run("--format", "json", p("td.json"))).isEqualTo(1);
        assertThat(out())
                .isEqualTo("{\n"
                        + "  \"findings\" : [ {\n"
                        + "    \"file\" : \"" + p("td.json").replace("\\", "\\\\") + "\",\n"
                        + "    \"resource\" : \"web\",\n"
                        + "    \"ruleId\" : \"TD-IMAGE-LATEST\",\n"
                        + "    \"severity\" : \"warning\",\n"
                        + "    \"path\" : \"containerDefinitions[0].image\",\n"
                        + "    \"message\" : \"Container 'web''s image 'nginx:latest' is tagged 'latest'.\",\n"
                        + "    \"docUrl\" : \"" + LATEST_URL + "\"\n"
                        + "  } ]\n"
                        + "}\n");
    }

    @Test
    void suppressionByFlagAndByConfigFile() throws IOException {
        assertThat(run("--suppress", "TD-IMAGE-LATEST:web", p("td.json"))).isZero();
        assertThat(out()).isEqualTo(p("td.json") + ": OK\n");
        out.reset();
        Files.writeString(
                dir.resolve("lint.json"),
                "{\"suppress\": [{\"rule\": \"SCALING-MIN-EQUALS-MAX\", "
                        + "\"resources\": [\"service/prod/api\"], \"reason\": \"fixed size by design\"}]}");
        assertThat(run("--config", p("lint.json"), p("target.json"))).isZero();
        assertThat(out()).isEqualTo(p("target.json") + ": OK\n");
    }

    @Test
    void failOnChoosesWhichSeverityFails() {
        assertThat(run("--fail-on", "error", p("td.json"))).isZero();
        assertThat(out()).startsWith(p("td.json") + ": 1 finding\n");
    }

    @Test
    void badOptionsAndFilesExitTwoNamingTheProblem() throws IOException {
        assertThat(run("--suppress", "TD-NOPE", p("td.json"))).isEqualTo(2);
        assertThat(err()).isEqualTo("berth lint: unknown rule 'TD-NOPE' (berth lint --list-rules lists them)\n");
        err.reset();
        assertThat(run("--format", "xml", p("td.json"))).isEqualTo(2);
        assertThat(err())
                .isEqualTo("berth lint: --format: unknown format 'xml': expected text, json, sarif or junit\n");
        err.reset();
        Files.writeString(dir.resolve("lint.json"), "{\"suppress\": [{\"resources\": [\"web\"]}]}");
        assertThat(run("--config", p("lint.json"), p("td.json"))).isEqualTo(2);
        assertThat(err()).isEqualTo("berth lint: " + p("lint.json") + ": suppress[0].rule: expected a rule id\n");
        err.reset();
        assertThat(run(p("missing.json"))).isEqualTo(2);
        assertThat(err()).isEqualTo("berth lint: " + p("missing.json") + ": no such file\n");
        err.reset();
        Files.writeString(dir.resolve("typo.json"), "{\"serviceName\": \"api\", \"desiredCont\": 2}");
        assertThat(run(p("typo.json"))).isEqualTo(2);
        assertThat(err()).startsWith("berth lint: " + p("typo.json") + ": ").contains("desiredCont");
        err.reset();
        assertThat(run("--fail-on", "fatal", p("td.json"))).isEqualTo(2);
        assertThat(err()).isEqualTo("berth lint: unknown severity 'fatal': expected error, warning or note\n");
    }

    @Test
    void listRulesPrintsEveryRuleWithItsPage() {
        assertThat(run("--list-rules")).isZero();
        assertThat(out())
                .contains("TD-PRIVILEGED error: A privileged container has root access to its host. "
                        + "<https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4>\n");
        assertThat(out().lines()).hasSize(21);
    }
}
