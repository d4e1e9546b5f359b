package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.client;
import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.fargate;
import static io.github.berth.core.validation.Fixtures.invalidParameter;
import static io.github.berth.core.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TaskDefinitionPlacementConstraintType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quotas of one task definition (docs/task-definitions.md#quotas, docs/placement.md#constraints), the API model's constraints, the entry points. */
class QuotaAndModelRulesTest {

    private static TaskDefinitionPlacementConstraint memberOf(String expression) {
        return TaskDefinitionPlacementConstraint.builder()
                .type(TaskDefinitionPlacementConstraintType.MEMBER_OF)
                .expression(expression)
                .build();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    /** A definition whose compact JSON is {@code bytes} long: one environment value pads it. */
    private static RegisterTaskDefinitionRequest ofSize(int bytes) {
        RegisterTaskDefinitionRequest base = ec2(container("web")
                        .addEnvironment(
                                KeyValuePair.builder().name("PAD").value("").build()))
                .build();
        int baseSize = EcsJson.lenient().writeBytes(base).length;
        return ec2(container("web")
                        .addEnvironment(KeyValuePair.builder()
                                .name("PAD")
                                .value("x".repeat(bytes - baseSize))
                                .build()))
                .build();
    }

    @Test
    void aTaskDefinitionIsAtMost64KiB() {
        assertThat(EcsJson.lenient().writeBytes(ofSize(65_536))).hasSize(65_536);
        assertThat(TaskDefinitionValidator.validate(ofSize(65_536))).isEmpty();
        assertThat(TaskDefinitionValidator.validate(ofSize(66_420)))
                .containsExactly(client("", "Actual length: '66420'. Max allowed length is '65536' bytes."));
    }

    @Test
    void aTaskDefinitionHasAtMostTenPlacementConstraints() {
        List<TaskDefinitionPlacementConstraint> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(memberOf("attribute:ecs.instance-type =~ t" + i + ".*"));
        }
        assertThat(validate(ec2(container("web")).placementConstraints(ten))).isEmpty();
        List<TaskDefinitionPlacementConstraint> eleven = new ArrayList<>(ten);
        eleven.add(memberOf("attribute:ecs.os-type == linux"));
        assertThat(validate(ec2(container("web")).placementConstraints(eleven)))
                .containsExactly(client("placementConstraints", "Too many placement constraints. The maximum is 10."));
    }

    @Test
    void distinctInstanceIsNoTaskDefinitionConstraint() {
        TaskDefinitionPlacementConstraint distinct = TaskDefinitionPlacementConstraint.builder()
                .type(TaskDefinitionPlacementConstraintType.fromValue("distinctInstance"))
                .build();
        // the specific message replaces the model's enum message for the same member
        assertThat(validate(
                        ec2(container("web")).addPlacementConstraints(memberOf("task:group == databases"), distinct)))
                .containsExactly(
                        client("placementConstraints[1].type", "constraint.type 'distinctInstance' is not supported."));
    }

    @Test
    void anExpressionIsAtMost2000Characters() {
        String head = "attribute:purpose == ";
        assertThat(validate(ec2(container("web"))
                        .addPlacementConstraints(memberOf(head + "a".repeat(2000 - head.length())))))
                .isEmpty();
        assertThat(validate(ec2(container("web"))
                        .addPlacementConstraints(memberOf(head + "a".repeat(2001 - head.length())))))
                .containsExactly(client(
                        "placementConstraints[0].expression",
                        "The expression of a placement constraint can't be longer than 2000 characters."));
    }

    @Test
    void tagKeysAreUniqueAndTheAwsPrefixIsReserved() {
        assertThat(validate(ec2(container("web")).addTags(tag("team", "web"), tag("Team", "web"), tag("awsome", "x"))))
                .isEmpty();
        assertThat(validate(ec2(container("web")).addTags(tag("team", "web"), tag("team", "api"))))
                .containsExactly(invalidParameter("tags[1].key", "Tag key 'team' is specified more than once."));
        String reserved = "Tag keys and values can't start with the prefix 'aws:', which is reserved for AWS use.";
        assertThat(validate(ec2(container("web")).addTags(tag("AWS:owner", "me"), tag("owner", "aws:me"))))
                .containsExactly(
                        invalidParameter("tags[0].key", reserved), invalidParameter("tags[1].value", reserved));
        // a repeated key is reported once, as repeated, even when it also has the reserved prefix
        assertThat(validate(ec2(container("web")).addTags(tag("aws:team", "web"), tag("aws:team", "api"))))
                .containsExactly(
                        invalidParameter("tags[0].key", reserved),
                        invalidParameter("tags[1].key", "Tag key 'aws:team' is specified more than once."));
    }

    @Test
    void atMost50TagsByTheApiModel() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tags.add(tag("k" + i, "v"));
        }
        assertThat(validate(ec2(container("web")).tags(tags))).isEmpty();
        tags.add(tag("k50", "v"));
        assertThat(validate(ec2(container("web")).tags(tags)))
                .containsExactly(
                        invalidParameter(
                                "tags",
                                "Value of size 51 at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50"));
    }

    @Test
    void theApiModelChecksEnumValuesAndRequiredMembers() {
        assertThat(validate(ec2(container("web")).networkMode(NetworkMode.fromValue("overlay"))))
                .containsExactly(invalidParameter(
                        "networkMode",
                        "Value 'overlay' at 'networkMode' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [bridge, host, awsvpc, none]"));
        assertThat(validate(ec2(container("web")).addRequiresCompatibilities(Compatibility.fromValue("EC3"))))
                .containsExactly(
                        invalidParameter(
                                "requiresCompatibilities[0]",
                                "Value 'EC3' at 'requiresCompatibilities[0]' "
                                        + "failed to satisfy constraint: Member must satisfy enum value set: [EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES]"));
        assertThat(validate(ec2(
                        container("web")
                                .addDependsOn(ContainerDependency.builder()
                                        .containerName("db")
                                        .build()),
                        container("db"))))
                .containsExactly(
                        invalidParameter(
                                "containerDefinitions[0].dependsOn[0].condition",
                                "Value null at 'containerDefinitions[0].dependsOn[0].condition' failed to satisfy constraint: Member must not be null"));
    }

    @Test
    void requireValidThrowsWhatEcsAnswersTheFirstProblemWith() {
        assertThatCode(() -> TaskDefinitionValidator.requireValid(
                        fargate(container("web")).build()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> TaskDefinitionValidator.requireValid(fargate(container("web"))
                        .memory("512")
                        .cpu("512")
                        .family("")
                        .build()))
                .isInstanceOf(ClientException.class)
                .hasMessage("Family can not be blank.");
    }

    @Test
    void aDependencyCycleIsNotRefused() {
        // a cycle is not refused on registration [model]; what matters is that validation ends
        assertThat(validate(ec2(
                        container("a")
                                .addDependsOn(ContainerDependency.builder()
                                        .containerName("b")
                                        .condition(ContainerCondition.START)
                                        .build()),
                        container("b")
                                .addDependsOn(ContainerDependency.builder()
                                        .containerName("a")
                                        .condition(ContainerCondition.START)
                                        .build()))))
                .isEmpty();
    }
}
