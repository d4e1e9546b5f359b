package io.github.berth.core.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * core's generated sources (model, api, errors, {@code EcsShapeRules}, the operation list) are what
 * the generator writes from the committed API model, and the generator passes its expected-output
 * tests.
 */
class GeneratedSourcesTest {

    @Test
    void theCommittedEcsSourcesAreWhatTheGeneratorWrites() throws Exception {
        GeneratedSources.Run run = GeneratedSources.python("tools/codegen/generate_model.py", "--check", "ecs");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("ecs: generated sources are up to date");
    }

    @Test
    void theGeneratorPassesItsExpectedOutputTests() throws Exception {
        GeneratedSources.Run run = GeneratedSources.python("-m", "unittest", "discover", "-s", "tools/codegen/tests");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("Ran [1-9][0-9]* tests").contains("OK");
    }
}
