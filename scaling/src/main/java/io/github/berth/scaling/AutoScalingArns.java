package io.github.berth.scaling;

import java.util.Objects;

/**
 * Formats the ARNs Application Auto Scaling gives what it holds for an ECS service, for one
 * partition, region and account (docs/scaling.md#scaling-activities).
 *
 * <pre>{@code
 * AutoScalingArns arns = AutoScalingArns.of("us-east-1", "123456789012");
 * arns.scalingPolicy("6d8972f3-...", "service/prod/web", "cpu");
 * // arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:6d8972f3-...:resource/ecs/service/prod/web:policyName/cpu
 * }</pre>
 */
public final class AutoScalingArns {

    private final String partition;
    private final String region;
    private final String account;

    private AutoScalingArns(String partition, String region, String account) {
        this.partition = Objects.requireNonNull(partition, "partition");
        this.region = Objects.requireNonNull(region, "region");
        this.account = Objects.requireNonNull(account, "account");
    }

    /** ARNs in the {@code aws} partition. */
    public static AutoScalingArns of(String region, String account) {
        return new AutoScalingArns("aws", region, account);
    }

    public static AutoScalingArns of(String partition, String region, String account) {
        return new AutoScalingArns(partition, region, account);
    }

    /**
     * {@code arn:<partition>:application-autoscaling:<region>:<account>:scalable-target/<id>} [doc]
     * (API Reference, ScalableTarget).
     */
    public String scalableTarget(String id) {
        return "arn:" + partition + ":application-autoscaling:" + region + ":" + account + ":scalable-target/" + id;
    }

    /**
     * {@code arn:<partition>:autoscaling:<region>:<account>:scalingPolicy:<uuid>:resource/ecs/<resourceId>:policyName/<name>},
     * where {@code resourceId} is {@code service/<cluster>/<service>} [obs].
     */
    public String scalingPolicy(String uuid, String resourceId, String policyName) {
        return child("scalingPolicy", uuid, resourceId, "policyName", policyName);
    }

    /**
     * {@code arn:<partition>:autoscaling:<region>:<account>:scheduledAction:<uuid>:resource/ecs/<resourceId>:scheduledActionName/<name>}
     * [obs] (DescribeScheduledActions output pasted in public issue threads).
     */
    public String scheduledAction(String uuid, String resourceId, String actionName) {
        return child("scheduledAction", uuid, resourceId, "scheduledActionName", actionName);
    }

    private String child(String type, String uuid, String resourceId, String nameKey, String name) {
        return "arn:" + partition + ":autoscaling:" + region + ":" + account + ":" + type + ":" + uuid
                + ":resource/ecs/" + resourceId + ":" + nameKey + "/" + name;
    }
}
