package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A fake Elastic Load Balancing target group, made on first use of its ARN by a service. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class TargetGroupRec {
    /** Set on creation; empty only in between (Jackson makes the record with the no-argument constructor). */
    String arn = "";
    /** [doc] deregistration_delay.timeout_seconds: 300 by default. */
    int deregistrationDelaySeconds = 300;
    /** [doc] ELB's defaults: a probe every 30 s, healthy after 5 passing ones, unhealthy after 2 failing ones. */
    int intervalSeconds = 30;

    int healthyThreshold = 5;
    int unhealthyThreshold = 2;
    List<TargetRec> targets = new ArrayList<>();
    /**
     * The percent of the production and test listener rules' traffic this group receives, as a
     * blue/green, linear or canary deployment sets the rules' weights; null until one does.
     */
    @Nullable
    Double productionWeight;

    @Nullable
    Double testWeight;

    TargetGroupRec() {}

    /** One registered target: an instance and host port, or an awsvpc task's IP and port. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class TargetRec {
        // Set on creation, as in TargetGroupRec.
        String id = "";

        int port;
        String cluster = "";
        String taskId = "";
        String containerName = "";
        Instant registeredAt = Instant.EPOCH;
        /** Set when deregistration began: the target is draining. */
        @Nullable
        Instant drainingSince;

        TargetRec() {}
    }
}
