package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.PlatformDevice;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.VersionInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** One container instance: what it registered, what its tasks hold, and its status. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class InstanceRec {
    String id;
    String arn;
    String cluster;
    String ec2InstanceId;
    String instanceType;
    String availabilityZone;
    String subnetId;
    String vpcId;
    String privateIp;
    String status = "ACTIVE";

    @Nullable
    String statusReason;

    boolean agentConnected = true;

    @Nullable
    String capacityProviderName;

    VersionInfo versionInfo;
    Instant registeredAt;
    long version = 1;
    int registeredCpu;
    int registeredMemory;
    List<String> reservedTcp = new ArrayList<>();
    List<String> reservedUdp = new ArrayList<>();
    List<String> gpuIds = new ArrayList<>();
    List<PlatformDevice> platformDevices = new ArrayList<>();
    /** Built-in and custom attributes by name, built-in first. */
    Map<String, Attribute> attributes = new LinkedHashMap<>();

    List<Tag> tags = new ArrayList<>();
    List<Attachment> attachments = new ArrayList<>();
    /** What the tasks on it hold now (tasks not yet STOPPED). */
    int usedCpu;

    int usedMemory;
    TreeSet<String> usedGpuIds = new TreeSet<>();
    List<String> usedTcp = new ArrayList<>();
    List<String> usedUdp = new ArrayList<>();
    /** Ids of the tasks on this instance that are not STOPPED, in launch order. */
    LinkedHashSet<String> taskIds = new LinkedHashSet<>();

    // InstanceOps.register sets id, arn, cluster, ec2InstanceId, instanceType, availabilityZone, subnetId,
    // vpcId, privateIp, versionInfo and registeredAt right after; Jackson (Snapshots) sets every field.
    @SuppressWarnings("NullAway.Init")
    InstanceRec() {}
}
