package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.NetworkConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One deployment of a service: what it deploys (its service revision), its status in the service's
 * {@code deployments} list, its rollout state, and its record as a {@code ServiceDeployment}.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class DeploymentRec {
    /** {@code ecs-svc/} and 19 digits; the {@code startedBy} of its tasks. */
    String id;
    /** The service deployment ARN and the service revision ARN it deploys. */
    @Nullable
    String arn;

    @Nullable
    String revisionArn;
    /** PRIMARY, ACTIVE or INACTIVE (the Deployment shape's status). */
    String status = "PRIMARY";

    String taskDefinitionArn;

    @Nullable
    LaunchType launchType;

    List<CapacityProviderStrategyItem> capacityProviderStrategy = new ArrayList<>();

    @Nullable
    String platformVersion;

    @Nullable
    String platformFamily;

    @Nullable
    NetworkConfiguration networkConfiguration;

    List<LoadBalancer> loadBalancers = new ArrayList<>();

    @Nullable
    Instant createdAt;

    @Nullable
    Instant updatedAt;
    /** IN_PROGRESS, COMPLETED or FAILED. */
    String rolloutState = "IN_PROGRESS";

    @Nullable
    String rolloutStateReason;
    /** Consecutive failed tasks (the circuit breaker's count). */
    int failedTasks;
    /** Some task of this deployment reached RUNNING (the circuit breaker's first stage is over). */
    boolean hadRunningTask;
    /** The ServiceDeployment status: PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED, ROLLBACK_*... */
    String deploymentStatus = "IN_PROGRESS";

    @Nullable
    String statusReason;

    @Nullable
    Instant startedAt;

    @Nullable
    Instant finishedAt;

    @Nullable
    Instant stoppedAt;
    /** The revisions it replaces (ARNs), oldest first. */
    List<String> sourceRevisionArns = new ArrayList<>();
    /** The id of the failed deployment this one rolls back (then it is no service deployment of its own). */
    @Nullable
    String rollbackOf;
    /** Set on a failed deployment that is rolled back: why, when, and to which revision. */
    @Nullable
    String rollbackReason;

    @Nullable
    Instant rollbackStartedAt;

    @Nullable
    String rollbackRevisionArn;
    /** The alarms that were in ALARM when it started (then alarms are ignored for it), and the ones that fired. */
    boolean alarmsIgnored;

    List<String> triggeredAlarmNames = new ArrayList<>();
    /** Circuit breaker state as ServiceDeployment reports it: MONITORING, TRIGGERED, MONITORING_COMPLETE, DISABLED. */
    @Nullable
    String circuitBreakerStatus;

    @Nullable
    String alarmsStatus;
    /**
     * A rolling deployment watching alarms: when its bake time ends, counted from when it first
     * reached its completion condition; null while it has not (docs/scheduler.md#deployment-alarm-bake-time).
     */
    @Nullable
    Instant bakeEndsAt;

    // ---- blue/green, linear and canary deployments (docs/scheduler.md#blue-green-deployments)
    /** The deployment strategy it follows (ROLLING, BLUE_GREEN, LINEAR, CANARY), as configured when it started. */
    @Nullable
    String strategy;
    /** The lifecycle stage it is in (RECONCILE_SERVICE ... CLEAN_UP), or null for a rolling deployment. */
    @Nullable
    String lifecycleStage;
    /** The deployment it replaces (blue), whose tasks keep production traffic until the shift. */
    @Nullable
    String blueId;
    /** Percent of production traffic its target group receives (the rest stays on blue). */
    double productionTrafficPercent;
    /** Percent of test traffic its target group receives. */
    double testTrafficPercent;
    /** When the next traffic step (linear, canary) or the end of the bake time is due. */
    @Nullable
    Instant waitUntil;
    /** Within a traffic step: 0 before its PRE_PRODUCTION_TRAFFIC_SHIFT hooks, 1 once its traffic has shifted. */
    int shiftPhase;
    /** The lifecycle hooks run so far for the present stage. */
    List<HookRunRec> hookRuns = new ArrayList<>();

    // ServiceScheduler.startDeployment and TaskSetScheduler.asDeployment set id and taskDefinitionArn right
    // after; Jackson (Snapshots) sets every field.
    @SuppressWarnings("NullAway.Init")
    DeploymentRec() {}

    boolean completed() {
        return "COMPLETED".equals(rolloutState);
    }
}
