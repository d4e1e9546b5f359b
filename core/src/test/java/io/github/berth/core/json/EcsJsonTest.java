package io.github.berth.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.error.SerializationException.Problem;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsJsonTest {

    private static SerializationException readFails(EcsJson json, String text, Class<?> type) {
        try {
            json.read(text, type);
        } catch (SerializationException e) {
            return e;
        }
        throw new AssertionError("expected a SerializationException for " + text);
    }

    @Test
    void strictReadingNamesEveryUnknownMemberByPathLineAndColumn() {
        String text = "{\"family\": \"web\",\n"
                + " \"containerDefinitions\": [{\"name\": \"a\"},\n"
                + "   {\"name\": \"b\", \"portMapings\": [{\"containerPort\": 80}]}],\n"
                + " \"cpuu\": \"256\"}";
        SerializationException e = readFails(EcsJson.strict(), text, RegisterTaskDefinitionRequest.class);
        assertThat(e.errorCode()).isEqualTo("SerializationException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.problems())
                .containsExactly(
                        new Problem("containerDefinitions[1].portMapings", 3, 33, "unknown member 'portMapings'"),
                        new Problem("cpuu", 4, 10, "unknown member 'cpuu'"));
    }

    @Test
    void lenientReadingIgnoresUnknownMembers() {
        String text =
                "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"b\", \"portMapings\": [1]}], \"cpuu\": 1}";
        RegisterTaskDefinitionRequest r = EcsJson.lenient().read(text, RegisterTaskDefinitionRequest.class);
        assertThat(r)
                .isEqualTo(RegisterTaskDefinitionRequest.builder()
                        .family("web")
                        .addContainerDefinitions(
                                ContainerDefinition.builder().name("b").build())
                        .build());
    }

    @Test
    void explicitNullReadsAsAbsentAndAbsentIsOmitted() {
        TaskDefinition td =
                EcsJson.lenient().read("{\"family\": null, \"cpu\": \"256\", \"volumes\": null}", TaskDefinition.class);
        assertThat(td.family()).isNull();
        assertThat(td.volumes()).isNull();
        assertThat(EcsJson.strict().write(td)).isEqualTo("{\"cpu\":\"256\"}");
    }

    @Test
    void anEmptyListStaysDifferentFromAnAbsentOne() {
        TaskDefinition empty = EcsJson.strict().read("{\"volumes\": []}", TaskDefinition.class);
        assertThat(empty.volumes()).isEmpty();
        assertThat(EcsJson.strict().write(empty)).isEqualTo("{\"volumes\":[]}");
    }

    @Test
    void timestampsAreEpochSecondsWithTheirFraction() {
        Instant t = Instant.ofEpochSecond(1_767_225_600L, 123_000_000);
        TaskDefinition td = TaskDefinition.builder().registeredAt(t).build();
        assertThat(EcsJson.strict().write(td)).isEqualTo("{\"registeredAt\":1767225600.123}");
        Instant precise = Instant.ofEpochSecond(1_767_225_600L, 123_456_789);
        TaskDefinition p = TaskDefinition.builder().registeredAt(precise).build();
        assertThat(EcsJson.strict().write(p)).isEqualTo("{\"registeredAt\":1767225600.123456789}");
        assertThat(EcsJson.strict().read(EcsJson.strict().write(p), TaskDefinition.class))
                .isEqualTo(p);
    }

    @Test
    void timestampsAreReadInEveryFormPeopleHave() {
        Instant expected = Instant.parse("2026-01-01T00:00:00.500Z");
        for (String form : List.of(
                "1767225600.5",
                "1.7672256005E9",
                "\"1767225600.5\"",
                "\"2026-01-01T00:00:00.500000+00:00\"",
                "\"2026-01-01T00:00:00.5Z\"")) {
            TaskDefinition td = EcsJson.strict().read("{\"registeredAt\": " + form + "}", TaskDefinition.class);
            assertThat(td.registeredAt()).as(form).isEqualTo(expected);
        }
        assertThat(EcsJson.strict()
                        .read("{\"registeredAt\": 1767225600}", TaskDefinition.class)
                        .registeredAt())
                .isEqualTo(Instant.ofEpochSecond(1_767_225_600L));
    }

    @Test
    void aTimestampThatIsNotOneIsRefusedWithItsPath() {
        SerializationException e =
                readFails(EcsJson.lenient(), "{\"registeredAt\": \"yesterday\"}", TaskDefinition.class);
        assertThat(e.problems().get(0).path()).isEqualTo("registeredAt");
        assertThat(e.problems().get(0).reason()).startsWith("not a timestamp");
    }

    @Test
    void taskCpuAndMemoryAreReadFromNumbersAndStrings() {
        TaskDefinition n = EcsJson.lenient().read("{\"cpu\": 256, \"memory\": 512}", TaskDefinition.class);
        assertThat(n.cpu()).isEqualTo("256");
        assertThat(n.memory()).isEqualTo("512");
        TaskDefinition u = EcsJson.strict().read("{\"cpu\": \".25 vcpu\", \"memory\": \"2 GB\"}", TaskDefinition.class);
        assertThat(u.cpu()).isEqualTo(".25 vcpu");
        assertThat(u.memory()).isEqualTo("2 GB");
    }

    @Test
    void wrongTypesAreRefusedWithPathAndReason() {
        assertThat(readFails(EcsJson.lenient(), "{\"cpu\": true}", TaskDefinition.class)
                        .problems()
                        .get(0))
                .isEqualTo(new Problem("cpu", 1, 9, "expected a string, found true"));
        assertThat(readFails(
                                EcsJson.lenient(),
                                "{\"containerDefinitions\": [{\"cpu\": \"lots\"}]}",
                                TaskDefinition.class)
                        .problems()
                        .get(0)
                        .toString())
                .isEqualTo(
                        "containerDefinitions[0].cpu: expected an integer (32-bit), found 'lots' (line 1, column 35)");
        assertThat(readFails(EcsJson.lenient(), "{\"containerDefinitions\": [{\"cpu\": 1.5}]}", TaskDefinition.class)
                        .problems()
                        .get(0)
                        .reason())
                .isEqualTo("expected an integer (32-bit), found 1.5");
        assertThat(readFails(EcsJson.lenient(), "{\"containerDefinitions\": {\"name\": \"x\"}}", TaskDefinition.class)
                        .problems()
                        .get(0)
                        .reason())
                .isEqualTo("expected an array, found an object");
        assertThat(readFails(
                                EcsJson.lenient(),
                                "{\"containerDefinitions\": [{\"essential\": 1}]}",
                                TaskDefinition.class)
                        .problems()
                        .get(0)
                        .path())
                .isEqualTo("containerDefinitions[0].essential");
    }

    @Test
    void numbersOutOfRangeAreRefused() {
        SerializationException e = readFails(
                EcsJson.lenient(),
                "{\"containerDefinitions\": [{\"portMappings\": [{\"containerPort\": 99999999999999999999}]}]}",
                TaskDefinition.class);
        assertThat(e.problems().get(0).path()).isEqualTo("containerDefinitions[0].portMappings[0].containerPort");
        assertThat(e.problems().get(0).reason()).isEqualTo("number out of range of an integer (32-bit)");
        SerializationException longer =
                readFails(EcsJson.lenient(), "{\"revision\": 1" + "0".repeat(500) + "}", TaskDefinition.class);
        assertThat(longer.problems().get(0).reason()).isEqualTo("a number is too long (more than 400 digits)");
    }

    @Test
    void nullInsideAListIsRefusedStrictlyAndSkippedLeniently() {
        SerializationException e =
                readFails(EcsJson.strict(), "{\"containerDefinitions\": [null]}", TaskDefinition.class);
        assertThat(e.problems().get(0).path()).isEqualTo("containerDefinitions[0]");
        assertThat(e.problems().get(0).reason()).isEqualTo("null is not allowed in a list or map");
        TaskDefinition td =
                EcsJson.lenient().read("{\"containerDefinitions\": [null, {\"name\": \"a\"}]}", TaskDefinition.class);
        assertThat(td.containerDefinitions())
                .containsExactly(ContainerDefinition.builder().name("a").build());
    }

    @Test
    void documentsThatAreNotJsonAreRefusedWithLineAndColumn() {
        assertThat(readFails(EcsJson.strict(), "{\"family\": \"a\",\n  \"cpu\": }", TaskDefinition.class)
                        .problems()
                        .get(0))
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.column()).isEqualTo(10);
                    assertThat(p.reason()).isEqualTo("not valid JSON: unexpected character '}'");
                });
        assertThat(readFails(EcsJson.strict(), "{\"family\": \"a\"", TaskDefinition.class)
                        .problems()
                        .get(0)
                        .reason())
                .isEqualTo("not valid JSON: the document ends before it is complete");
        assertThat(readFails(EcsJson.strict(), "", TaskDefinition.class)
                        .problems()
                        .get(0)
                        .reason())
                .isEqualTo("the document is empty");
        assertThat(readFails(EcsJson.strict(), "{} {}", TaskDefinition.class)
                        .problems()
                        .get(0)
                        .reason())
                .isEqualTo("unexpected content after the end of the document");
        assertThat(readFails(EcsJson.strict(), "{\"family\": \"a\", \"family\": \"b\"}", TaskDefinition.class)
                        .problems()
                        .get(0)
                        .reason())
                .isEqualTo("not valid JSON: member 'family' appears more than once");
        assertThat(readFails(EcsJson.strict(), "null", TaskDefinition.class)
                        .problems()
                        .get(0)
                        .reason())
                .isEqualTo("the document is null, expected an object");
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        String deep = "{\"family\": \"a\", \"extra\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        SerializationException e = readFails(EcsJson.lenient(), deep, TaskDefinition.class);
        assertThat(e.problems().get(0).reason()).isEqualTo("the document is nested too deeply (more than 200 levels)");
    }

    @Test
    void aLargeResponseIsReadWholeAndARequestUpTo1MiB() {
        StringBuilder sb = new StringBuilder("{\"containerDefinitions\": [{\"name\": \"a\", \"environment\": [");
        for (int i = 0; i < 120_000; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"name\": \"VARIABLE_")
                    .append(i)
                    .append("\", \"value\": \"")
                    .append("v".repeat(60))
                    .append("\"}");
        }
        sb.append("]}]}");
        assertThat(sb.length()).isGreaterThan(10_000_000);
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 120_000; i++) {
            attributes
                    .append(i == 0 ? "" : ",")
                    .append("{\"name\": \"custom.a")
                    .append(i)
                    .append("\", \"value\": \"")
                    .append("v".repeat(60))
                    .append("\"}");
        }
        String response = "{\"containerInstances\": [{\"attributes\": [" + attributes + "]}]}";
        assertThat(response.length()).isGreaterThan(10_000_000);
        DescribeContainerInstancesResponse described =
                EcsJson.strict().read(response, DescribeContainerInstancesResponse.class);
        assertThat(described.containerInstances().get(0).attributes()).hasSize(120_000);

        // A request (here a task definition) stops at 1 MiB, where the reading was.
        String request = "{\"family\": \"big\", " + sb.substring(1);
        SerializationException e = catchThrowableOfType(
                SerializationException.class, () -> EcsJson.strict().read(request, TaskDefinition.class));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).reason()).isEqualTo("the document is too large (more than 1 MiB)");
        assertThat(e.problems().get(0).path()).startsWith("containerDefinitions[0].environment[");
        String justUnder = "{\"family\": \"" + "f".repeat((1 << 20) - 20) + "\"}";
        assertThat(justUnder.length()).isLessThanOrEqualTo(1 << 20);
        assertThat(EcsJson.strict().read(justUnder, TaskDefinition.class).family())
                .hasSize((1 << 20) - 20);
        String justOver = "{\"family\": \"" + "f".repeat(1 << 20) + "\"}";
        assertThatThrownBy(() -> EcsJson.strict().read(justOver, RegisterTaskDefinitionRequest.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the document is too large (more than 1 MiB)");
    }

    @Test
    void aTaskDefinitionFileIsReadInEachForm() {
        String input = "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx\"}]}";
        TaskDefinitionFile in = EcsJson.strict().readTaskDefinitionFile(input);
        assertThat(in.form()).isEqualTo(TaskDefinitionFile.Form.REGISTER_INPUT);
        assertThat(in.described()).isNull();

        String bare = "{\"taskDefinitionArn\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\","
                + " \"family\": \"web\", \"revision\": 3, \"status\": \"ACTIVE\", \"registeredAt\": 1767225600.123,"
                + " \"registeredBy\": \"arn:aws:iam::123456789012:user/me\", \"compatibilities\": [\"EC2\"],"
                + " \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"nginx\"}]}";
        TaskDefinitionFile b = EcsJson.strict().readTaskDefinitionFile(bare);
        assertThat(b.form()).isEqualTo(TaskDefinitionFile.Form.TASK_DEFINITION);
        assertThat(b.request()).isEqualTo(in.request());
        assertThat(b.described().revision()).isEqualTo(3);
        assertThat(b.described().status()).isEqualTo(TaskDefinitionStatus.ACTIVE);

        String wrapped = "{\"taskDefinition\": " + bare + ", \"tags\": [{\"key\": \"team\", \"value\": \"web\"}]}";
        TaskDefinitionFile w = EcsJson.strict().readTaskDefinitionFile(wrapped);
        assertThat(w.form()).isEqualTo(TaskDefinitionFile.Form.DESCRIBE_OUTPUT);
        assertThat(w.request())
                .isEqualTo(in.request().toBuilder()
                        .addTags(Tag.builder().key("team").value("web").build())
                        .build());
    }

    @Test
    void aFileThatIsNotATaskDefinitionIsRefused() {
        assertThatThrownBy(() -> EcsJson.strict().readTaskDefinitionFile("[1, 2]"))
                .isInstanceOf(SerializationException.class)
                .hasMessage("expected an object (a task definition), found an array (line 1, column 1)");
        assertThatThrownBy(() -> EcsJson.strict().readTaskDefinitionFile("{\"clusterName\": \"x\"}"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown member 'clusterName'");
    }

    @Test
    void aNullTaskDefinitionIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> EcsJson.strict().readTaskDefinitionFile("{\"tags\": [],\n \"taskDefinition\": null}"))
                .isInstanceOf(SerializationException.class)
                .hasMessage("taskDefinition: expected an object (a task definition), found null (line 2, column 20)");
    }

    @Test
    void aMemberOfTheRequestIsNamedWhereItStandsInTheFile() {
        String td = "{\"family\": \"web\", \"revision\": 3, \"containerDefinitions\": [{\"name\": \"a\"}]}";
        TaskDefinitionFile described =
                EcsJson.strict().readTaskDefinitionFile("{\"taskDefinition\": " + td + ", \"tags\": []}");
        assertThat(described.form()).isEqualTo(TaskDefinitionFile.Form.DESCRIBE_OUTPUT);
        assertThat(described.pathInFile("containerDefinitions[0].image"))
                .isEqualTo("taskDefinition.containerDefinitions[0].image");
        assertThat(described.pathInFile("family")).isEqualTo("taskDefinition.family");
        assertThat(described.pathInFile("tags[1].key")).isEqualTo("tags[1].key");
        assertThat(described.pathInFile("tags")).isEqualTo("tags");
        assertThat(described.pathInFile("")).isEmpty();
        TaskDefinitionFile bare = EcsJson.strict().readTaskDefinitionFile(td);
        assertThat(bare.form()).isEqualTo(TaskDefinitionFile.Form.TASK_DEFINITION);
        assertThat(bare.pathInFile("containerDefinitions[0].image")).isEqualTo("containerDefinitions[0].image");
        TaskDefinitionFile input = EcsJson.strict().readTaskDefinitionFile("{\"family\": \"web\"}");
        assertThat(input.form()).isEqualTo(TaskDefinitionFile.Form.REGISTER_INPUT);
        assertThat(input.pathInFile("family")).isEqualTo("family");
    }

    @Test
    void valuesWriteInModelMemberOrder() {
        ContainerDefinition c = ContainerDefinition.builder()
                .addPortMappings(
                        PortMapping.builder().hostPort(80).containerPort(8080).build())
                .image("nginx")
                .name("web")
                .build();
        assertThat(EcsJson.strict().write(c))
                .isEqualTo(
                        "{\"name\":\"web\",\"image\":\"nginx\",\"portMappings\":[{\"containerPort\":8080,\"hostPort\":80}]}");
    }
}
