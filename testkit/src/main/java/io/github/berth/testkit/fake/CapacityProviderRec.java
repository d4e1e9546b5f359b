package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.Tag;
import java.util.ArrayList;
import java.util.List;

/** One Auto Scaling group capacity provider of the account (FARGATE and FARGATE_SPOT are not kept). */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class CapacityProviderRec {
    /** Set on creation; empty only in between (Jackson makes the record with the no-argument constructor). */
    String name = "";

    String arn = "";
    /** ACTIVE, or INACTIVE once deleted. */
    String status = "ACTIVE";
    /** CREATE_COMPLETE, UPDATE_COMPLETE, DELETE_COMPLETE. */
    String updateStatus = "CREATE_COMPLETE";

    String autoScalingGroupArn = "";
    /** With every default filled in. */
    ManagedScaling managedScaling = Capacity.MANAGED_SCALING_DEFAULTS;
    /** [doc] The defaults of CreateCapacityProvider until creation sets them. */
    String managedTerminationProtection = "DISABLED";

    String managedDraining = "ENABLED";
    List<Tag> tags = new ArrayList<>();

    CapacityProviderRec() {}

    boolean active() {
        return "ACTIVE".equals(status);
    }

    boolean managedScalingEnabled() {
        return managedScaling != null && "ENABLED".equals(String.valueOf(managedScaling.status()));
    }
}
