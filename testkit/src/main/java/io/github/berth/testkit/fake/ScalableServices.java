package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;

/**
 * What Application Auto Scaling reads and sets of an ECS service (its scalable dimension
 * {@code ecs:service:DesiredCount}), as {@code engine.scalableServices}. Clusters and services are
 * named by name. Implemented by the service scheduler; the names here are stable.
 */
interface ScalableServices {

    /** Whether the cluster holds an ACTIVE service of that name. */
    boolean exists(String cluster, String service);

    /** The service's RUNNING tasks (its {@code runningCount}), or null when there is no ACTIVE such service. */
    @Nullable
    Integer runningCount(String cluster, String service);

    /** The service's {@code desiredCount}, or null when there is no ACTIVE such service. */
    @Nullable
    Integer desiredCount(String cluster, String service);

    /**
     * Whether a deployment is in progress (the service has more than one deployment, or its primary
     * deployment's rollout is IN_PROGRESS): Application Auto Scaling does not scale in then.
     */
    boolean deploymentInProgress(String cluster, String service);

    /**
     * Sets the desired count as Application Auto Scaling's UpdateService call does: no new deployment,
     * the scheduler starts or stops tasks. Answers false (and changes nothing) when there is no
     * ACTIVE REPLICA service of that name.
     */
    boolean setDesiredCount(String cluster, String service, int desiredCount);
}
