package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.ServiceEvent;
import io.github.berth.core.model.ServiceRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One service of a cluster. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class ServiceRec {
    String name;
    String arn;
    String cluster;
    /** ACTIVE, DRAINING or INACTIVE. */
    String status = "ACTIVE";

    @Nullable
    LaunchType launchType;

    java.util.List<io.github.berth.core.model.Tag> tags = new java.util.ArrayList<>();

    // ---- what CreateService and UpdateService set (the service scheduler's own state below)
    /** REPLICA or DAEMON. */
    String schedulingStrategy = "REPLICA";
    /** ECS, CODE_DEPLOY or EXTERNAL. */
    String deploymentController = "ECS";

    @Nullable
    String taskDefinitionArn;

    int desiredCount;
    List<CapacityProviderStrategyItem> capacityProviderStrategy = new ArrayList<>();

    @Nullable
    String platformVersion;

    @Nullable
    String platformFamily;

    List<LoadBalancer> loadBalancers = new ArrayList<>();
    List<ServiceRegistry> serviceRegistries = new ArrayList<>();
    /** The Cloud Map namespace Service Connect puts the service in, or null (ListServicesByNamespace reads it). */
    @Nullable
    String serviceConnectNamespace;

    @Nullable
    NetworkConfiguration networkConfiguration;

    List<PlacementConstraint> placementConstraints = new ArrayList<>();
    List<PlacementStrategy> placementStrategy = new ArrayList<>();
    int healthCheckGracePeriodSeconds;
    /** With the defaults filled in (100/200 for REPLICA, 0/100 for DAEMON; ROLLING). */
    DeploymentConfiguration deploymentConfiguration;

    boolean enableECSManagedTags;
    String propagateTags = "NONE";
    boolean enableExecuteCommand;

    @Nullable
    String availabilityZoneRebalancing;

    @Nullable
    String roleArn;

    String createdBy;

    @Nullable
    String clientToken;

    Instant createdAt;

    // ---- the service scheduler's state
    /** Every deployment the service ever had, newest first (ListServiceDeployments). */
    List<DeploymentRec> history = new ArrayList<>();
    /** Service events, newest first, at most 100. */
    List<ServiceEvent> events = new ArrayList<>();
    /** Consecutive tasks that stopped without ever reaching RUNNING (the throttle counts these). */
    int startFailures;
    /** No task is launched before this instant (the throttle's back-off), or null. */
    @Nullable
    Instant throttledUntil;
    /** The pending reconcile timer: its token and instant (null when none is pending). */
    long reconcileToken;

    @Nullable
    Instant reconcileAt;
    /** Whether the service was at steady state when last looked at, and when that was last said. */
    boolean steady;

    @Nullable
    Instant steadySince;

    @Nullable
    Instant steadyEventAt;
    /** The task sets of an EXTERNAL or CODE_DEPLOY service, oldest first (docs/scheduler.md#task-sets). */
    List<TaskSetRec> taskSets = new ArrayList<>();

    // ServiceOps (create, createExternal) sets name, arn, cluster, deploymentConfiguration, createdBy and
    // createdAt right after; Jackson (Snapshots) sets every field.
    @SuppressWarnings("NullAway.Init")
    ServiceRec() {}

    /** Whether the service's tasks belong to task sets (the EXTERNAL and CODE_DEPLOY controllers), not deployments. */
    boolean usesTaskSets() {
        return !"ECS".equals(deploymentController);
    }

    boolean daemon() {
        return "DAEMON".equals(schedulingStrategy);
    }

    /** The deployments describe-services shows: the PRIMARY one first, then the ACTIVE ones, newest first. */
    List<DeploymentRec> deployments() {
        List<DeploymentRec> out = new ArrayList<>();
        for (DeploymentRec d : history) {
            if ("PRIMARY".equals(d.status) || "ACTIVE".equals(d.status)) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The PRIMARY deployment of a service of the ECS deployment controller: CreateService starts one,
     * a new deployment (or a blue/green rollback) makes another PRIMARY as the former one turns
     * ACTIVE, and only non-primary ones turn INACTIVE, so there is always one. Not for a task-set
     * service ({@link #usesTaskSets}), which has none.
     */
    DeploymentRec primaryDeployment() {
        return java.util.Objects.requireNonNull(primary(), "no PRIMARY deployment");
    }

    /** The PRIMARY deployment, or null for a task-set service. */
    @Nullable
    DeploymentRec primary() {
        for (DeploymentRec d : history) {
            if ("PRIMARY".equals(d.status)) {
                return d;
            }
        }
        return null;
    }
}
