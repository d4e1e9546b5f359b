package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code berth validate}: what it prints and the exit status, for good, bad and broken files. */
class ValidateCommandTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    private InputStream stdin = InputStream.nullInputStream();

    @TempDir
    Path dir;

    private static String fixture(String name) {
        try {
            return Path.of(ValidateCommandTest.class
                            .getResource("/taskdefs/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int validate(String... files) {
        String[] args = new String[files.length + 1];
        args[0] = "validate";
        System.arraycopy(files, 0, args, 1, files.length);
        return run(args);
    }

    /** The command line on this test's own streams: nothing global is swapped. */
    private int run(String... args) {
        return Berth.run(
                stdin,
                new PrintWriter(captured, true, StandardCharsets.UTF_8),
                new PrintWriter(capturedErr, true, StandardCharsets.UTF_8),
                args);
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private String write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private String write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content).toString();
    }

    // ----- good and bad task definitions

    @Test
    void aValidRegisterInputIsOk() {
        String file = fixture("fargate-web.json");
        assertThat(validate(file)).isEqualTo(0);
        assertThat(output()).isEqualTo(file + ": OK\n");
    }

    @Test
    void describeOutputsInBothFormsAreValidatedAsTheirRegisterRequest() {
        assertThat(validate(fixture("described.json"), fixture("bare-described.json")))
                .isEqualTo(0);
        assertThat(output())
                .isEqualTo(fixture("described.json") + ": OK\n"
                        + "  note: judged as the RegisterTaskDefinition input it amounts to; as a DescribeTaskDefinition output, it is "
                        + "not what aws ecs register-task-definition --cli-input-json takes\n"
                        + fixture("bare-described.json") + ": OK\n"
                        + "  note: judged as the RegisterTaskDefinition input it amounts to; as a DescribeTaskDefinition output, with "
                        + "taskDefinitionArn, revision, status, compatibilities, registeredAt, it is not what aws ecs "
                        + "register-task-definition --cli-input-json takes\n");
    }

    @Test
    void anInvalidTaskDefinitionListsEveryViolationAndExitsWith1() {
        String file = fixture("invalid-fargate.json");
        assertThat(validate(file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + ": 2 problems\n"
                        + "  memory (line 6, column 13): ClientException: No Fargate configuration exists for given values: 512 CPU, "
                        + "512 memory. See the Amazon ECS documentation for the valid values.\n"
                        + "  containerDefinitions[0].portMappings[0].hostPort (line 11, column 58): ClientException: When "
                        + "networkMode=awsvpc, the host ports and container ports in port mappings must match.\n");
    }

    @Test
    void oneProblemIsSingular() throws IOException {
        String file = write(
                "one.json", "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\"}]}");
        assertThat(validate(file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(
                        file + ": 1 problem\n  containerDefinitions[0] (line 1, column 42): ClientException: "
                                + "Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified.\n");
    }

    @Test
    void aProblemOfTheWholeDocumentIsShownAsDocument() throws IOException {
        StringBuilder env = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            env.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"VARIABLE_")
                    .append(i)
                    .append("\", \"value\": \"some value here\"}");
        }
        String file = write(
                "big.json",
                "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", "
                        + "\"memory\": 128, \"environment\": [" + env + "]}]}");
        assertThat(validate(file)).isEqualTo(1);
        assertThat(output())
                .matches(java.util.regex.Pattern.quote(
                                file + ": 1 problem\n  (document): ClientException: " + "Actual length: '")
                        + "[0-9]{5,}" + java.util.regex.Pattern.quote("'. Max allowed length is '65536' bytes.\n"));
    }

    @Test
    void aDescribeOutputsProblemsAreNamedWhereTheyStandInTheFile() throws IOException {
        String file = write(
                "described-invalid.json",
                "{\"taskDefinition\": {\"taskDefinitionArn\": "
                        + "\"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3\", \"family\": \"web\", \"revision\": 3, "
                        + "\"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\"}]}, "
                        + "\"tags\": [{\"key\": \"aws:team\", \"value\": \"x\"}]}");
        assertThat(validate(file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + ": 2 problems\n"
                        + "  taskDefinition.containerDefinitions[0] (line 1, column 159): ClientException: Invalid setting for container "
                        + "'a'. At least one of 'memory' or 'memoryReservation' must be specified.\n"
                        + "  tags[0].key (line 1, column 207): InvalidParameterException: Tag keys and values can't start with the prefix 'aws:', "
                        + "which is reserved for AWS use.\n"
                        + "  note: judged as the RegisterTaskDefinition input it amounts to; as a DescribeTaskDefinition output, it is "
                        + "not what aws ecs register-task-definition --cli-input-json takes\n");
    }

    @Test
    void aBareTaskDefinitionsProblemsKeepTheirPaths() throws IOException {
        String file = write(
                "bare-invalid.json",
                "{\"family\": \"web\", \"revision\": 3, \"status\": \"ACTIVE\", "
                        + "\"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\"}]}");
        assertThat(validate(file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + ": 1 problem\n"
                        + "  containerDefinitions[0] (line 1, column 79): ClientException: Invalid setting for container 'a'. "
                        + "At least one of 'memory' or 'memoryReservation' must be specified.\n"
                        + "  note: judged as the RegisterTaskDefinition input it amounts to; as a DescribeTaskDefinition output, with "
                        + "revision, status, it is not what aws ecs register-task-definition --cli-input-json takes\n");
    }

    @Test
    void aNullTaskDefinitionIsNamedWithItsPlace() throws IOException {
        String file = write("null-td.json", "{\n  \"taskDefinition\": null\n}");
        assertThat(validate(file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(file + ": not a task definition\n"
                        + "  taskDefinition (line 2, column 21): expected an object (a task definition), found null\n");
    }

    @Test
    void theWorstFileDecidesTheExitStatus() {
        assertThat(validate(fixture("fargate-web.json"), fixture("invalid-fargate.json")))
                .isEqualTo(1);
        assertThat(validate(fixture("invalid-fargate.json"), fixture("truncated.json"), fixture("fargate-web.json")))
                .isEqualTo(2);
        assertThat(output()).contains(fixture("fargate-web.json") + ": OK\n");
    }

    // ----- not a task definition

    @Test
    void truncatedJsonGivesTheLineAndColumnAndExits2() {
        String file = fixture("truncated.json");
        assertThat(validate(file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(
                        file + ": not valid JSON\n"
                                + "  containerDefinitions[0].memory (line 5, column 1): not valid JSON: the document ends before it is complete\n");
    }

    @Test
    void everyUnknownMemberIsListed() {
        String file = fixture("unknown-members.json");
        assertThat(validate(file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(file + ": not a task definition\n"
                        + "  containerDefinitions[0].portMapings (line 5, column 21): unknown member 'portMapings'\n"
                        + "  launchType (line 7, column 17): unknown member 'launchType'\n");
    }

    @Test
    void aWrongTypeIsNamedWithItsPath() {
        String file = fixture("wrong-type.json");
        assertThat(validate(file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(
                        file + ": not a task definition\n  cpu (line 3, column 10): expected a string, found true\n");
    }

    @Test
    void garbageIsNotJson() {
        String file = fixture("not-json.txt");
        assertThat(validate(file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(file + ": not valid JSON\n  line 1, column 1: not valid JSON: unexpected text "
                        + "'family' (strings need double quotes; the literals are true, false and null)\n");
    }

    @Test
    void aContainerListAloneIsJudgedAsTheContainersOfAnEc2Task() {
        String file = fixture("container-list.json");
        assertThat(validate(file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + ": 1 problem\n"
                        + "  [0] (line 1, column 2): ClientException: Invalid setting for container 'web'. At least one of 'memory' or "
                        + "'memoryReservation' must be specified.\n"
                        + "  note: judged as the containers of an EC2 task\n");
    }

    @Test
    void emptyFilesAndScalarsAreNoTaskDefinitions() throws IOException {
        String empty = write("empty.json", "");
        String number = write("number.json", "42");
        assertThat(validate(empty, number)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(empty + ": not valid JSON\n  the document is empty\n"
                        + number
                        + ": not a form berth validate knows\n  line 1, column 1: expected a task definition, container "
                        + "definitions, a CreateService or UpdateService input, a scalable target, a scaling policy or its configuration, "
                        + "a CloudFormation template or a Terraform plan; found a number\n");
    }

    @Test
    void hugeNumbersAreOutOfRangeOrInvalid() throws IOException {
        String memory = write(
                "memory.json",
                "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", "
                        + "\"memory\": 99999999999999999999999}]}");
        String cpu = write(
                "cpu.json",
                "{\"family\": \"x\", \"cpu\": 1e400, \"containerDefinitions\": [{\"name\": \"a\", "
                        + "\"image\": \"b\", \"memory\": 128}]}");
        String long1 = write("long.json", "{\"family\": \"x\", \"cpu\": " + "9".repeat(5000) + "}");
        assertThat(validate(memory, cpu, long1)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(
                        memory + ": not a task definition\n"
                                + "  containerDefinitions[0].memory (line 1, column 80): number out of range of an integer (32-bit)\n"
                                + cpu
                                + ": not a task definition\n  cpu (line 1, column 24): expected a string, found Infinity\n"
                                + long1
                                + ": not valid JSON\n  cpu (line 1, column 5024): a number is too long (more than 400 digits)\n");
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() throws IOException {
        String deep = write("deep.json", "{\"family\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertThat(validate(deep)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(deep + ": not valid JSON\n"
                        + "  line 1, column 212: the document is nested too deeply (more than 200 levels)\n");
    }

    @Test
    void aTenMegabyteFileIsJudgedWithoutEchoingIt() throws IOException {
        StringBuilder env = new StringBuilder();
        while (env.length() < 10_000_000) {
            env.append(env.length() == 0 ? "" : ",")
                    .append("{\"name\": \"VARIABLE\", \"value\": \"")
                    .append("v".repeat(100))
                    .append("\"}");
        }
        String big = write(
                "big.json",
                "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", "
                        + "\"memory\": 128, \"environment\": [" + env + "]}]}");
        String nested = write("nested.json", "{\"family\": " + "[".repeat(10_000_000));
        byte[] junk = new byte[10_000_000];
        java.util.Arrays.fill(junk, (byte) 'x');
        String garbage = write("garbage.json", junk);
        // How fast is measured in the benchmarks, not here (no timing assertions in tests).
        // Past 1 MiB a task definition is not read at all (EcsJson.MAX_REQUEST_BYTES, sixteen times ECS's 64 KiB).
        assertThat(validate(big)).isEqualTo(2);
        assertThat(validate(nested)).isEqualTo(2);
        assertThat(validate(garbage)).isEqualTo(2);
        assertThat(output())
                .contains(big + ": too large to read (more than 1 MiB)\n")
                .contains("): the document is too large (more than 1 MiB)")
                .contains(nested + ": not valid JSON\n  line 1, column 212: the document is nested too deeply")
                .contains("the document is nested too deeply (more than 200 levels)")
                .contains(garbage + ": not valid JSON\n  line 1, column 1: not valid JSON: unexpected text 'xxxx");
        // Jackson shortens the token it quotes; a 10 MB token does not come back in the message
        assertThat(output().length()).isLessThan(10_000);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws IOException {
        String latin1 = write("latin1.json", "{\"family\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(validate(latin1)).isEqualTo(2);
        assertThat(output()).isEqualTo(latin1 + ": not UTF-8 text\n");
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        String bom = write(
                "bom.json",
                "\uFEFF{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", \"memory\": 128}]}");
        assertThat(validate(bom)).isEqualTo(0);
    }

    // ----- files that cannot be read

    @Test
    void aMissingFileOrAnEmptyDirectoryIsSaidClearly() {
        String missing = dir.resolve("missing.json").toString();
        assertThat(validate(missing, dir.toString())).isEqualTo(2);
        assertThat(output())
                .isEqualTo(missing + ": cannot read: no such file\n" + dir
                        + ": a directory without a .json, .yaml, .yml or .template file\n");
    }

    @Test
    void dashReadsStandardInput() {
        stdin = new ByteArrayInputStream(
                "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", \"memory\": 128}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(validate("-")).isEqualTo(0);
        assertThat(output()).isEqualTo("-: OK\n");
    }

    @Test
    void withoutFilesItIsAUsageError() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(capturedErr.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'FILE'");
    }
}
