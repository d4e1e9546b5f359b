package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.testkit.property.Property;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Berth's validation against Berth's generators: every generated valid task definition passes, and
 * every generated invalid one fails with exactly the violation planted in it.
 */
class TaskDefinitionValidationPropertyTest {

    @Test
    void generatedValidTaskDefinitionsHaveNoViolation() {
        Property.forAll(EcsGen.taskDefinitions())
                .tries(500)
                .check(td -> assertThat(TaskDefinitionValidator.validate(td)).isEmpty());
    }

    @Test
    void everyFargateSizeAndSystemIsValid() {
        Property.forAll(EcsGen.fargateTaskDefinitions(true))
                .tries(150)
                .check(td -> assertThat(TaskDefinitionValidator.validate(td)).isEmpty());
        Property.forAll(EcsGen.fargateTaskDefinitions(false))
                .tries(150)
                .check(td -> assertThat(TaskDefinitionValidator.validate(td)).isEmpty());
    }

    @Test
    void theTaskDefinitionsOfGeneratedClustersAreValid() {
        Property.forAll(EcsGen.clusters()).tries(50).check(cluster -> {
            for (var td : cluster.taskDefinitions()) {
                RegisterTaskDefinitionRequest request = RegisterTaskDefinitionRequest.builder()
                        .family(td.family())
                        .containerDefinitions(td.containerDefinitions())
                        .networkMode(td.networkMode())
                        .volumes(td.volumes())
                        .requiresCompatibilities(td.requiresCompatibilities())
                        .cpu(td.cpu())
                        .memory(td.memory())
                        .taskRoleArn(td.taskRoleArn())
                        .executionRoleArn(td.executionRoleArn())
                        .runtimePlatform(td.runtimePlatform())
                        .pidMode(td.pidMode())
                        .ipcMode(td.ipcMode())
                        .build();
                assertThat(TaskDefinitionValidator.validate(request)).isEmpty();
            }
        });
    }

    static Iterable<String> rules() {
        return EcsGen.invalidTaskDefinitionRules();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachInvalidTaskDefinitionHasExactlyItsPlantedViolation(String rule) {
        Property.forAll(EcsGen.invalidTaskDefinitions(rule))
                .tries(40)
                .check(invalid -> assertThat(TaskDefinitionValidator.validate(invalid.taskDefinition()))
                        .containsExactly(invalid.violation()));
    }

    @Test
    void theMixOfInvalidTaskDefinitionsCoversEveryRule() {
        Set<String> seen = new HashSet<>();
        for (InvalidTaskDefinition invalid : EcsGen.invalidTaskDefinitions().samples(1, 600)) {
            seen.add(invalid.rule());
            assertThat(TaskDefinitionValidator.validate(invalid.taskDefinition()))
                    .containsExactly(invalid.violation());
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(EcsGen.invalidTaskDefinitionRules());
    }
}
