package io.github.berth.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoScalingArnsTest {

    private final AutoScalingArns arns = AutoScalingArns.of("us-east-1", "123456789012");

    @Test
    void formatsTheScalableTargetArn() {
        assertThat(arns.scalableTarget("1234"))
                .isEqualTo("arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/1234");
    }

    @Test
    void formatsTheArnsOfPoliciesAndScheduledActionsOnAService() {
        assertThat(arns.scalingPolicy("u-1", "service/prod/web", "cpu"))
                .isEqualTo(
                        "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:u-1:resource/ecs/service/prod/web:policyName/cpu");
        assertThat(arns.scheduledAction("u-2", "service/prod/web", "nightly"))
                .isEqualTo(
                        "arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:u-2:resource/ecs/service/prod/web"
                                + ":scheduledActionName/nightly");
    }

    @Test
    void takesThePartition() {
        assertThat(AutoScalingArns.of("aws-cn", "cn-north-1", "123456789012").scalableTarget("9"))
                .isEqualTo("arn:aws-cn:application-autoscaling:cn-north-1:123456789012:scalable-target/9");
    }
}
