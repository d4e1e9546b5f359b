package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkInterface;
import java.util.ArrayList;
import java.util.List;

/** One container of a task. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class ContainerRec {
    String name;
    String uuid;
    String arn;
    String image;
    boolean essential = true;

    @Nullable
    HealthCheck healthCheck;

    String lastStatus = "PENDING";

    @Nullable
    Integer exitCode;

    @Nullable
    String reason;
    /** HEALTHY, UNHEALTHY or UNKNOWN; null when the container has no health check. */
    @Nullable
    String health;

    String cpu;

    @Nullable
    String memory;

    @Nullable
    String memoryReservation;

    List<NetworkBinding> networkBindings = new ArrayList<>();
    List<NetworkInterface> networkInterfaces = new ArrayList<>();
    List<String> gpuIds = new ArrayList<>();

    @Nullable
    String runtimeId;
    /** Counts health changes, so a stale health timer is recognised. */
    long healthToken;
    /** The containers this one waits for before it starts (the definition's dependsOn), and its startTimeout in seconds. */
    List<io.github.berth.core.model.ContainerDependency> dependsOn = new ArrayList<>();

    @Nullable
    Integer startTimeout;
    /** When the container started (RUNNING), or null: its dependents' startTimeout counts from here. */
    java.time.@Nullable Instant startedAt;
    /** What the container will do, by the behaviour rules in force at launch. */
    Behaviours.Plan plan;

    // TaskOps.newTask sets name, uuid, arn, image, cpu and plan right after; Jackson (Snapshots) sets every field.
    @SuppressWarnings("NullAway.Init")
    ContainerRec() {}
}
