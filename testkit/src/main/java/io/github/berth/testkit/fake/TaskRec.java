package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
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
    @Nullable
    String instanceId;

    LaunchType launchType;

    @Nullable
    String capacityProviderName;

    @Nullable
    String platformVersion;

    @Nullable
    String platformFamily;

    @Nullable
    String availabilityZone;

    String group;

    @Nullable
    String startedBy;

    TaskOverride overrides;
    List<Tag> tags = new ArrayList<>();
    boolean enableExecuteCommand;

    @Nullable
    String cpu;

    @Nullable
    String memory;

    String lastStatus;
    String desiredStatus = "RUNNING";
    String health = "UNKNOWN";
    Instant createdAt;

    @Nullable
    Instant pullStartedAt;

    @Nullable
    Instant pullStoppedAt;

    @Nullable
    Instant startedAt;

    @Nullable
    Instant stoppingAt;

    @Nullable
    Instant executionStoppedAt;

    @Nullable
    Instant stoppedAt;

    @Nullable
    Instant connectivityAt;

    @Nullable
    TaskStopCode stopCode;

    @Nullable
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
    @Nullable
    String serviceName;

    @Nullable
    String deploymentId;
    /** Scale-in protection (service tasks only). */
    boolean protectionEnabled;

    @Nullable
    Instant protectionExpiresAt;
    /** The task never reached RUNNING before it stopped (the service throttle counts these). */
    boolean everRunning;

    // TaskOps.newTask sets id, arn, cluster, taskDefinitionArn, launchType, group and overrides, and its callers
    // lastStatus and createdAt, before anything reads the task; Jackson (Snapshots) sets every field.
    @SuppressWarnings("NullAway.Init")
    TaskRec() {}

    /** When the task reached RUNNING: TaskLifecycle sets startedAt as it does; only for a task that has. */
    Instant started() {
        return java.util.Objects.requireNonNull(startedAt, "a task that reached RUNNING has startedAt");
    }

    boolean stopped() {
        return "STOPPED".equals(lastStatus);
    }
}
