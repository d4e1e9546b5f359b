package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Managed scaling of one capacity provider: the minutes CapacityProviderReservation has been below
 * target, and the metric's datapoints, one a minute (docs/scheduler.md#managed-scaling-in-the-fake).
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class ManagedScalingRec {
    /** Set on creation; empty only in between (Jackson makes the record with the no-argument constructor). */
    String capacityProvider = "";

    int lowMinutes;
    /** Oldest first; at most {@link ManagedScalingController#DATAPOINTS_KEPT}. */
    List<Datapoint> datapoints = new ArrayList<>();

    ManagedScalingRec() {}

    /** One minute's CapacityProviderReservation and what managed scaling did with it. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Datapoint {
        // Set on creation, as in ManagedScalingRec.
        Instant time = Instant.EPOCH;

        String cluster = "";
        double reservation;
        int instancesNeeded;
        int runningInstances;
        int desiredCapacityBefore;
        int desiredCapacity;
        String reason = "";

        Datapoint() {}
    }
}
