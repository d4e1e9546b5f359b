package io.github.berth.scaling.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.lint.Finding;
import io.github.berth.core.lint.Linter;
import io.github.berth.core.lint.Suppressions;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalingLintTest {

    private static final Linter LINT = Linter.with(Suppressions.none());

    private static RegisterScalableTargetRequest target(int min, int max, String tags) {
        return AutoScalingJson.strict()
                .read(
                        "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod/web\", "
                                + "\"ScalableDimension\": \"ecs:service:DesiredCount\", \"MinCapacity\": " + min
                                + ", \"MaxCapacity\": " + max
                                + tags + "}",
                        RegisterScalableTargetRequest.class);
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.resource() + " " + f).toList();
    }

    @Test
    void aTargetWhoseMinEqualsItsMaxCannotScale() {
        assertThat(ScalingLint.target(target(2, 10, ""), LINT)).isEmpty();
        assertThat(lines(ScalingLint.target(target(4, 4, ""), LINT)))
                .containsExactly(
                        "service/prod/web MaxCapacity: warning SCALING-MIN-EQUALS-MAX: MinCapacity and MaxCapacity are both 4.");
    }

    @Test
    void suppressedByFlagOrByTheTargetsTag() {
        assertThat(ScalingLint.target(
                        target(4, 4, ""),
                        Linter.with(Suppressions.ofFlags(List.of("SCALING-MIN-EQUALS-MAX:service/prod/web")))))
                .isEmpty();
        assertThat(ScalingLint.target(
                        target(4, 4, ", \"Tags\": {\"berth:lint:suppress\": \"SCALING-MIN-EQUALS-MAX\"}"), LINT))
                .isEmpty();
    }

    @Test
    void aTargetTrackingPolicyThatNeverScalesIn() {
        String policy =
                "{\"PolicyName\": \"cpu50\", \"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod/web\", "
                        + "\"ScalableDimension\": \"ecs:service:DesiredCount\", \"PolicyType\": \"TargetTrackingScaling\", "
                        + "\"TargetTrackingScalingPolicyConfiguration\": {\"TargetValue\": 50, \"PredefinedMetricSpecification\": "
                        + "{\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"}%s}}";
        assertThat(ScalingLint.policy(
                        AutoScalingJson.strict().read(String.format(policy, ""), PutScalingPolicyRequest.class), LINT))
                .isEmpty();
        assertThat(lines(ScalingLint.policy(
                        AutoScalingJson.strict()
                                .read(
                                        String.format(policy, ", \"DisableScaleIn\": true"),
                                        PutScalingPolicyRequest.class),
                        LINT)))
                .containsExactly(
                        "service/prod/web TargetTrackingScalingPolicyConfiguration.DisableScaleIn: note SCALING-SCALE-IN-DISABLED: "
                                + "Policy 'cpu50' has DisableScaleIn true.");
    }
}
