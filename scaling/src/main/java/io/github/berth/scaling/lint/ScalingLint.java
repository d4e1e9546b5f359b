package io.github.berth.scaling.lint;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.lint.Finding;
import io.github.berth.core.lint.LintRule;
import io.github.berth.core.lint.Linter;
import io.github.berth.core.lint.Severity;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scaling rules. A scalable target's resource name is its {@code ResourceId}
 * ({@code service/cluster/name}); a policy's is the same, so one suppression covers a service's scaling.
 */
public final class ScalingLint {

    private ScalingLint() {}

    public static final LintRule MIN_EQUALS_MAX = new LintRule(
            "SCALING-MIN-EQUALS-MAX",
            Severity.WARNING,
            "MinCapacity equals MaxCapacity: no scaling policy can change the desired count.",
            "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html");
    public static final LintRule SCALE_IN_DISABLED = new LintRule(
            "SCALING-SCALE-IN-DISABLED",
            Severity.NOTE,
            "The target tracking policy never scales in: capacity added for a peak stays until something else removes it.",
            "https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html");

    private static final ImmutableList<LintRule> ALL = ImmutableList.of(MIN_EQUALS_MAX, SCALE_IN_DISABLED);

    public static ImmutableList<LintRule> all() {
        return ALL;
    }

    /** The findings on a scalable target, less those {@code linter} suppresses (its Tags may suppress too). */
    public static ImmutableList<Finding> target(RegisterScalableTargetRequest target, Linter linter) {
        String resource = target.resourceId() == null ? "" : target.resourceId();
        List<Finding> found = new ArrayList<>();
        Integer min = target.minCapacity();
        if (min != null && min.equals(target.maxCapacity())) {
            found.add(MIN_EQUALS_MAX.at(resource, "MaxCapacity", "MinCapacity and MaxCapacity are both " + min + "."));
        }
        return linter.keep(found, target.tags() == null ? null : target.tags().get(Linter.SUPPRESS_TAG));
    }

    /** The findings on a scaling policy, less those {@code linter} suppresses. */
    public static ImmutableList<Finding> policy(PutScalingPolicyRequest policy, Linter linter) {
        String resource = policy.resourceId() == null ? "" : policy.resourceId();
        List<Finding> found = new ArrayList<>();
        TargetTrackingScalingPolicyConfiguration tt = policy.targetTrackingScalingPolicyConfiguration();
        if (tt != null && Boolean.TRUE.equals(tt.disableScaleIn())) {
            found.add(SCALE_IN_DISABLED.at(
                    resource,
                    "TargetTrackingScalingPolicyConfiguration.DisableScaleIn",
                    "Policy '" + policy.policyName() + "' has DisableScaleIn true."));
        }
        return linter.keep(found, (String) null);
    }
}
