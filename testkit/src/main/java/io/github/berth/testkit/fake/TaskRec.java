package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskOverride;
import io.github.berth.core.model.TaskStopCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One task: where it runs, its lifecycle status and timestamps, its containers. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class TaskRec {
    String id;
    String arn;
    String cluster;
    String taskDefinitionArn;
    /** Null on Fargate. */
    String instanceId;

    LaunchType launchType;
    String capacityProviderName;
    String platformVersion;
    String platformFamily;
    String availabilityZone;
    String group;
    String startedBy;
    TaskOverride overrides;
    List<Tag> tags = new ArrayList<>();
    boolean enableExecuteCommand;
    String cpu;
    String memory;
    String lastStatus;
    String desiredStatus = "RUNNING";
    String health = "UNKNOWN";
    Instant createdAt;
    Instant pullStartedAt;
    Instant pullStoppedAt;
    Instant startedAt;
    Instant stoppingAt;
    Instant executionStoppedAt;
    Instant stoppedAt;
    Instant connectivityAt;
    TaskStopCode stopCode;
    String stoppedReason;
    long version = 1;
    /** Counts lifecycle steps, so a stale TASK_STEP timer is recognised. */
    long step;

    List<ContainerRec> containers = new ArrayList<>();
    List<Attachment> attachments = new ArrayList<>();
    /** What the task holds on its instance while not STOPPED. */
    int reservedCpu;

    int reservedMemory;
    List<String> reservedGpuIds = new ArrayList<>();
    List<String> reservedTcp = new ArrayList<>();
    List<String> reservedUdp = new ArrayList<>();
    boolean holdsEni;
    /** The service that started it, and its deployment, or null for a standalone task. */
    String serviceName;

    String deploymentId;
    /** Scale-in protection (service tasks only). */
    boolean protectionEnabled;

    Instant protectionExpiresAt;
    /** The task never reached RUNNING before it stopped (the service throttle counts these). */
    boolean everRunning;

    TaskRec() {}

    boolean stopped() {
        return "STOPPED".equals(lastStatus);
    }
}
