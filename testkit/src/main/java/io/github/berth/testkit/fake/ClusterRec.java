package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.ClusterConfiguration;
import io.github.berth.core.model.ClusterServiceConnectDefaults;
import io.github.berth.core.model.ClusterSetting;
import io.github.berth.core.model.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One cluster's state: its settings, and the instances, tasks and services in it. */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class ClusterRec {
    String name;
    String arn;
    String status = "ACTIVE";
    Instant createdAt;
    List<Tag> tags = new ArrayList<>();
    List<ClusterSetting> settings = new ArrayList<>();

    @Nullable
    ClusterConfiguration configuration;

    @Nullable
    ClusterServiceConnectDefaults serviceConnectDefaults;

    List<String> capacityProviders = new ArrayList<>();
    List<CapacityProviderStrategyItem> defaultStrategy = new ArrayList<>();
    /** Container instances by id, in registration order. */
    final Map<String, InstanceRec> instances = new LinkedHashMap<>();
    /** Tasks by id, in launch order; stopped ones until they expire. */
    final Map<String, TaskRec> tasks = new LinkedHashMap<>();
    /** Services by name, in creation order (INACTIVE ones until purged). */
    final Map<String, ServiceRec> services = new LinkedHashMap<>();
    /** Bumped on every change placement reads, so a cached snapshot knows it is stale. */
    long placementVersion;

    // Jackson's (Snapshots): a snapshot sets every field.
    @SuppressWarnings("NullAway.Init")
    ClusterRec() {}

    ClusterRec(String name, String arn, Instant createdAt) {
        this.name = name;
        this.arn = arn;
        this.createdAt = createdAt;
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
