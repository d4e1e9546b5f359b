package io.github.berth.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.error.SerializationException.Problem;
import io.github.berth.core.model.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict reading takes what the AWS CLI's {@code --cli-input-json} takes: values of the wrong JSON
 * type and null members are refused with their path, as botocore's parameter validation refuses
 * them; the lenient reader still converts them.
 */
class EcsJsonStrictTypesTest {

    private static final String CONTAINER =
            "\"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", \"memory\": 128";

    private static List<Problem> strictProblems(String json) {
        SerializationException e = catchThrowableOfType(
                SerializationException.class, () -> EcsJson.strict().read(json, RegisterTaskDefinitionRequest.class));
        assertThat(e).as("strict reading accepted %s", json).isNotNull();
        return e.problems();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "`{\"family\": \"x\", \"cpu\": 256}`|cpu|expected a string, found 256",
                "`{\"family\": \"x\", \"memory\": 0.5}`|memory|expected a string, found 0.5",
                "`{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"essential\": \"true\"}]}`"
                        + "|containerDefinitions[0].essential|expected true or false, found 'true'",
                "`{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"portMappings\": [{\"containerPort\": \"80\"}]}]}`"
                        + "|containerDefinitions[0].portMappings[0].containerPort|expected an integer (32-bit), found '80'",
                "`{\"family\": \"x\", \"taskRoleArn\": null}`|taskRoleArn|expected a string, found null (leave the member out instead)"
            })
    void wrongTypesAndNullMembersAreRefusedWithTheirPath(String json, String path, String reason) {
        List<Problem> problems = strictProblems(json);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo(path);
        assertThat(problems.get(0).reason()).isEqualTo(reason);
    }

    @Test
    void theLenientReaderStillConvertsThem() {
        RegisterTaskDefinitionRequest r = EcsJson.lenient()
                .read(
                        "{\"family\": \"x\", \"cpu\": 256, \"taskRoleArn\": null, " + CONTAINER
                                + ", \"essential\": \"true\"}]}",
                        RegisterTaskDefinitionRequest.class);
        assertThat(r.cpu()).isEqualTo("256");
        assertThat(r.taskRoleArn()).isNull();
        assertThat(r.containerDefinitions().get(0).essential()).isTrue();
    }

    @Test
    void theWireReaderRefusesWrongTypesButIgnoresUnknownMembers() {
        SerializationException e = catchThrowableOfType(
                SerializationException.class,
                () -> EcsJson.wire().read("{\"family\": \"x\", \"cpu\": 256}", RegisterTaskDefinitionRequest.class));
        assertThat(e).isNotNull();
        assertThat(e.problems().get(0).path()).isEqualTo("cpu");
        assertThat(e.problems().get(0).reason()).isEqualTo("expected a string, found 256");
        RegisterTaskDefinitionRequest r = EcsJson.wire()
                .read(
                        "{\"family\": \"x\", \"cpu\": \"256\", " + "\"notAMember\": 1, \"taskRoleArn\": null}",
                        RegisterTaskDefinitionRequest.class);
        assertThat(r.cpu()).isEqualTo("256");
        assertThat(r.taskRoleArn()).isNull();
    }

    @Test
    void rightTypesAreRead() {
        RegisterTaskDefinitionRequest r = EcsJson.strict()
                .read(
                        "{\"family\": \"x\", \"cpu\": \"256\", " + CONTAINER
                                + ", \"essential\": true, \"portMappings\": [{\"containerPort\": 80}]}]}",
                        RegisterTaskDefinitionRequest.class);
        assertThat(r.cpu()).isEqualTo("256");
        assertThat(r.containerDefinitions().get(0).portMappings().get(0).containerPort())
                .isEqualTo(80);
    }

    @Test
    void aBareTaskDefinitionWithTheDescribeOutputsTagsIsRead() {
        TaskDefinitionFile f = EcsJson.strict()
                .readTaskDefinitionFile("{\"taskDefinitionArn\": "
                        + "\"arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3\", \"family\": \"web\", \"revision\": 3, "
                        + "\"status\": \"ACTIVE\", " + CONTAINER
                        + "}], \"tags\": [{\"key\": \"team\", \"value\": \"payments\"}]}");
        assertThat(f.form()).isEqualTo(TaskDefinitionFile.Form.TASK_DEFINITION);
        assertThat(f.request().tags())
                .containsExactly(Tag.builder().key("team").value("payments").build());
        assertThat(f.pathInFile("tags[0].key")).isEqualTo("tags[0].key");
    }

    @Test
    void aBareTaskDefinitionWithTagsStillReportsItsOtherUnknownMembers() {
        SerializationException e = catchThrowableOfType(
                SerializationException.class,
                () -> EcsJson.strict()
                        .readTaskDefinitionFile("{\"family\": \"web\", \"revision\": 3, " + CONTAINER
                                + "}], \"tags\": [], \"colour\": \"blue\"}"));
        assertThat(e.problems()).extracting(Problem::reason).containsExactly("unknown member 'colour'");
    }
}
