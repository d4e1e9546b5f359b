package io.github.berth.scaling.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.scaling.error.SerializationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AutoScalingJsonTest {

    /** What {@code aws application-autoscaling put-scaling-policy --cli-input-json} takes. */
    private static final String POLICY = "{\n"
            + "  \"PolicyName\": \"cpu50\",\n"
            + "  \"ServiceNamespace\": \"ecs\",\n"
            + "  \"ResourceId\": \"service/prod/web\",\n"
            + "  \"ScalableDimension\": \"ecs:service:DesiredCount\",\n"
            + "  \"PolicyType\": \"TargetTrackingScaling\",\n"
            + "  \"TargetTrackingScalingPolicyConfiguration\": {\n"
            + "    \"TargetValue\": 50.0,\n"
            + "    \"PredefinedMetricSpecification\": {\"PredefinedMetricType\": \"ECSServiceAverageCPUUtilization\"},\n"
            + "    \"ScaleOutCooldown\": 60,\n"
            + "    \"ScaleInCooldown\": 300\n"
            + "  }\n"
            + "}";

    @Test
    void readsAndWritesTheWireForm() {
        PutScalingPolicyRequest p = AutoScalingJson.strict().read(POLICY, PutScalingPolicyRequest.class);
        assertThat(p.policyType()).isEqualTo(PolicyType.TARGET_TRACKING_SCALING);
        assertThat(p.targetTrackingScalingPolicyConfiguration().scaleOutCooldown())
                .isEqualTo(60);
        String json = AutoScalingJson.strict().write(p);
        assertThat(json).contains("\"PolicyName\":\"cpu50\"").contains("\"TargetValue\":50.0");
        assertThat(AutoScalingJson.lenient().read(json, PutScalingPolicyRequest.class))
                .isEqualTo(p);
    }

    @Test
    void strictReadingNamesAnUnknownMember() {
        String typo = POLICY.replace("\"ScaleInCooldown\"", "\"ScaleInCoolDown\"");
        assertThatThrownBy(() -> AutoScalingJson.strict().read(typo, PutScalingPolicyRequest.class))
                .isInstanceOfSatisfying(
                        SerializationException.class,
                        e -> assertThat(e.getMessage())
                                .contains("TargetTrackingScalingPolicyConfiguration")
                                .contains("ScaleInCoolDown"));
        assertThat(AutoScalingJson.lenient()
                        .read(typo, PutScalingPolicyRequest.class)
                        .policyName())
                .isEqualTo("cpu50");
    }

    @Test
    void aReadingErrorIsApplicationAutoScalingsNotEcss() {
        // As a request body arrives (bytes), read as the service reads it: a wrong JSON type is refused.
        byte[] body = "{\"ServiceNamespace\": \"ecs\", \"MinCapacity\": \"one\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AutoScalingJson.wire().read(body, RegisterScalableTargetRequest.class))
                .isInstanceOfSatisfying(SerializationException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("SerializationException");
                    assertThat(e.messageMember()).isEqualTo("Message");
                    assertThat(e.problems()).extracting(p -> p.path()).containsExactly("MinCapacity");
                    assertThat(e.getMessage()).startsWith("MinCapacity: ");
                })
                .isNotInstanceOf(io.github.berth.core.error.EcsException.class);
        assertThat(AutoScalingJson.wire()
                        .read(
                                "{\"MinCapacity\": 1}".getBytes(StandardCharsets.UTF_8),
                                RegisterScalableTargetRequest.class)
                        .minCapacity())
                .isEqualTo(1);
    }

    @Test
    void timestampsAreEpochSecondsOrIsoText() {
        String a = "{\"ScheduledActionName\":\"n\",\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/c/s\","
                + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"StartTime\":\"2024-03-04T10:00:00Z\",\"EndTime\":1709596800}";
        PutScheduledActionRequest r = AutoScalingJson.strict().read(a, PutScheduledActionRequest.class);
        assertThat(r.startTime()).isEqualTo("2024-03-04T10:00:00Z");
        assertThat(r.endTime()).isEqualTo("2024-03-05T00:00:00Z");
    }
}
