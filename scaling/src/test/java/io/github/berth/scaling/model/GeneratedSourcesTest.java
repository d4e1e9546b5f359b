package io.github.berth.scaling.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.codegen.GeneratedSources;
import org.junit.jupiter.api.Test;

/** The Application Auto Scaling sources generated from the committed API model are up to date. */
class GeneratedSourcesTest {

    @Test
    void theCommittedAutoScalingSourcesAreWhatTheGeneratorWrites() throws Exception {
        GeneratedSources.Run run = GeneratedSources.python("tools/codegen/generate_model.py", "--check", "autoscaling");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("autoscaling: generated sources are up to date");
    }
}
