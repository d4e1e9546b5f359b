package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * A task waiting in PROVISIONING for its capacity provider to add capacity: what placing it again
 * needs that the task itself does not keep (docs/scheduler.md#tasks-waiting-for-capacity).
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class ProvisioningRec {
    /** Set on creation; empty only in between (Jackson makes the record with the no-argument constructor). */
    String cluster = "";

    String taskId = "";
    String capacityProvider = "";
    List<PlacementConstraint> placementConstraints = new ArrayList<>();
    List<PlacementStrategy> placementStrategy = new ArrayList<>();

    @Nullable
    NetworkConfiguration networkConfiguration;
    /** Why the last placement attempt failed (a placement failure reason: RESOURCE:MEMORY, ...). */
    @Nullable
    String lastReason;

    ProvisioningRec() {}
}
