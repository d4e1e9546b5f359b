package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One fake EC2 Auto Scaling group: its sizes and the instances it launched. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class AutoScalingGroupRec {
    /** Set on creation; empty only in between (Jackson makes the record with the no-argument constructor). */
    String name = "";

    String arn = "";
    String instanceType = "";
    int minSize;
    int maxSize;
    int desiredCapacity;
    List<String> availabilityZones = new ArrayList<>();
    long bootDelayMillis;
    /** How many instances were ever launched (picks the next Availability Zone, round robin). */
    int launched;

    List<Member> instances = new ArrayList<>();

    AutoScalingGroupRec() {}

    /** One EC2 instance of the group. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    static final class Member {
        // Set on creation, as in AutoScalingGroupRec.
        String ec2InstanceId = "";

        String availabilityZone = "";
        /** Pending (booting), InService. */
        String lifecycleState = "Pending";

        Instant launchedAt = Instant.EPOCH;
        /** Where its ECS agent registered it, once it did; null before. */
        @Nullable
        String cluster;

        @Nullable
        String containerInstanceId;

        Member() {}
    }
}
