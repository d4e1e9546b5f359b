package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.ServiceRegistry;
import io.github.berth.core.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One task set of a service with the EXTERNAL or CODE_DEPLOY deployment controller
 * (docs/scheduler.md#task-sets): what its tasks run, its share of the service's desired count, its
 * status and stability. Its tasks carry its id as their deployment id and {@code startedBy}.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class TaskSetRec {
    /** {@code ecs-svc/} and 19 digits. */
    String id;

    String arn;
    /** PRIMARY, ACTIVE or DRAINING. */
    String status = "ACTIVE";

    @Nullable
    String externalId;

    @Nullable
    String startedBy;

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
    List<ServiceRegistry> serviceRegistries = new ArrayList<>();
    /** The scale, a percentage (0 to 100) of the service's desired count. */
    double scaleValue = 100.0;

    String scaleUnit = "PERCENT";
    /** STEADY_STATE or STABILIZING, and when it last changed. */
    String stabilityStatus = "STABILIZING";

    Instant stabilityStatusAt;
    Instant createdAt;
    Instant updatedAt;

    @Nullable
    String clientToken;

    List<Tag> tags = new ArrayList<>();

    // TaskSetOps.create and TaskSetScheduler.createPrimary set id, arn, taskDefinitionArn, createdAt,
    // updatedAt and stabilityStatusAt right after; Jackson (Snapshots) sets every field.
    @SuppressWarnings("NullAway.Init")
    TaskSetRec() {}

    /** [doc] computedDesiredCount: the service's desired count times the scale, rounded up. */
    int computedDesiredCount(int serviceDesiredCount) {
        // Rounded to 1e-9 first, so that 3 x 33.333333333 % is not 1.0000000001 tasks rounded up to 2.
        double exact = serviceDesiredCount * scaleValue / 100.0;
        return (int) Math.ceil(Math.round(exact * 1e9) / 1e9);
    }
}
