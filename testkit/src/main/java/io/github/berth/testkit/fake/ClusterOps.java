package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateClusterRequest;
import io.github.berth.core.api.CreateClusterResponse;
import io.github.berth.core.api.DeleteClusterRequest;
import io.github.berth.core.api.DeleteClusterResponse;
import io.github.berth.core.api.DescribeClustersRequest;
import io.github.berth.core.api.DescribeClustersResponse;
import io.github.berth.core.api.ListClustersRequest;
import io.github.berth.core.api.ListClustersResponse;
import io.github.berth.core.api.UpdateClusterRequest;
import io.github.berth.core.api.UpdateClusterResponse;
import io.github.berth.core.api.UpdateClusterSettingsRequest;
import io.github.berth.core.api.UpdateClusterSettingsResponse;
import io.github.berth.core.error.ClusterContainsContainerInstancesException;
import io.github.berth.core.error.ClusterContainsServicesException;
import io.github.berth.core.error.ClusterContainsTasksException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Cluster;
import io.github.berth.core.model.ClusterField;
import io.github.berth.core.model.ClusterServiceConnectDefaults;
import io.github.berth.core.model.ClusterSetting;
import io.github.berth.core.model.ClusterSettingName;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.LaunchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CreateCluster, DescribeClusters, ListClusters, UpdateCluster, UpdateClusterSettings, DeleteCluster
 * (docs/scheduler.md#clusters, docs/scheduler.md#cluster-settings).
 */
final class ClusterOps {

    /** [doc] Cluster names: up to 255 letters, numbers, underscores and hyphens. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final Engine e;

    ClusterOps(Engine e) {
        this.e = e;
    }

    CreateClusterResponse create(CreateClusterRequest r) {
        String name = r.clusterName() == null ? Resolve.DEFAULT_CLUSTER : r.clusterName();
        if (!NAME.matcher(name).matches()) {
            throw new InvalidParameterException("Cluster name must be between 1 and 255 characters and can contain "
                    + "letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }
        Tags.check(r.tags(), "tags");
        ClusterRec existing = e.clusters.get(name);
        if (existing != null && existing.active()) {
            // [obs] CreateCluster is idempotent: the same arguments answer the cluster, others this error.
            boolean same = (r.settings() == null || Objects.equals(existing.settings, r.settings()))
                    && (r.configuration() == null || Objects.equals(existing.configuration, r.configuration()))
                    && Objects.equals(existing.tags, orEmpty(r.tags()));
            if (!same) {
                throw new InvalidParameterException(
                        "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");
            }
            return CreateClusterResponse.builder()
                    .cluster(view(existing, true, true, true))
                    .build();
        }
        e.capacity.checkClusterProviders(r.capacityProviders(), r.defaultCapacityProviderStrategy());
        ClusterRec c = new ClusterRec(name, e.arns.cluster(name), e.now());
        c.tags = new ArrayList<>(orEmpty(r.tags()));
        c.settings = new ArrayList<>(
                r.settings() == null
                        ? List.of(ClusterSetting.builder()
                                .name(io.github.berth.core.model.ClusterSettingName.CONTAINER_INSIGHTS)
                                .value("disabled")
                                .build())
                        : r.settings());
        c.configuration = r.configuration();
        if (r.serviceConnectDefaults() != null) {
            c.serviceConnectDefaults = ClusterServiceConnectDefaults.builder()
                    .namespace(r.serviceConnectDefaults().namespace())
                    .build();
        }
        c.capacityProviders = new ArrayList<>(orEmpty(r.capacityProviders()));
        c.defaultStrategy = new ArrayList<>(orEmpty(r.defaultCapacityProviderStrategy()));
        e.clusters.put(name, c);
        return CreateClusterResponse.builder()
                .cluster(view(c, true, true, true))
                .build();
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    DescribeClustersResponse describe(DescribeClustersRequest r) {
        List<String> refs =
                r.clusters() == null || r.clusters().isEmpty() ? List.of(Resolve.DEFAULT_CLUSTER) : r.clusters();
        if (refs.size() > 100) {
            throw new InvalidParameterException("clusters can have at most 100 items.");
        }
        List<ClusterField> include = r.include() == null ? List.of() : r.include();
        List<Cluster> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            ClusterRec c = e.clusters.get(Resolve.clusterName(ref));
            if (c == null) {
                failures.add(Failure.builder()
                        .arn(ref.startsWith("arn:") ? ref : e.arns.cluster(ref))
                        .reason("MISSING")
                        .build());
            } else {
                out.add(view(
                        c,
                        include.contains(ClusterField.STATISTICS),
                        include.contains(ClusterField.SETTINGS),
                        include.contains(ClusterField.TAGS)));
            }
        }
        return DescribeClustersResponse.builder()
                .clusters(out)
                .failures(failures)
                .build();
    }

    Cluster view(ClusterRec c, boolean statistics, boolean settings, boolean tags) {
        int running = 0;
        int pending = 0;
        int runningEc2 = 0;
        int runningFargate = 0;
        int runningExternal = 0;
        int pendingEc2 = 0;
        int pendingFargate = 0;
        for (TaskRec t : c.tasks.values()) {
            boolean fargate = LaunchType.FARGATE.equals(t.launchType);
            if ("RUNNING".equals(t.lastStatus)) {
                running++;
                if (fargate) {
                    runningFargate++;
                } else if (LaunchType.EXTERNAL.equals(t.launchType)) {
                    runningExternal++;
                } else {
                    runningEc2++;
                }
            } else if ("PENDING".equals(t.lastStatus)
                    || "PROVISIONING".equals(t.lastStatus)
                    || "ACTIVATING".equals(t.lastStatus)) {
                // [model] PROVISIONING and ACTIVATING tasks count as pending (docs/scheduler.md#counts).
                pending++;
                if (fargate) {
                    pendingFargate++;
                } else {
                    pendingEc2++;
                }
            }
        }
        int instances = 0;
        for (InstanceRec i : c.instances.values()) {
            if ("ACTIVE".equals(i.status) || "DRAINING".equals(i.status)) {
                instances++;
            }
        }
        int activeServices = 0;
        int activeFargate = 0;
        int drainingServices = 0;
        int drainingFargate = 0;
        for (ServiceRec s : c.services.values()) {
            boolean fargate = LaunchType.FARGATE.equals(s.launchType);
            if ("ACTIVE".equals(s.status)) {
                activeServices++;
                if (fargate) {
                    activeFargate++;
                }
            } else if ("DRAINING".equals(s.status)) {
                drainingServices++;
                if (fargate) {
                    drainingFargate++;
                }
            }
        }
        Cluster.Builder b = Cluster.builder()
                .clusterArn(c.arn)
                .clusterName(c.name)
                .configuration(c.configuration)
                .status(c.status)
                .registeredContainerInstancesCount(c.active() ? instances : 0)
                .runningTasksCount(running)
                .pendingTasksCount(pending)
                .activeServicesCount(activeServices)
                .capacityProviders(List.copyOf(c.capacityProviders))
                .defaultCapacityProviderStrategy(List.copyOf(c.defaultStrategy))
                .serviceConnectDefaults(c.serviceConnectDefaults);
        if (statistics) {
            // [doc] The statistics DescribeClusters answers with include=STATISTICS.
            b.statistics(List.of(
                    kv("runningEC2TasksCount", runningEc2),
                    kv("runningFargateTasksCount", runningFargate),
                    kv("pendingEC2TasksCount", pendingEc2),
                    kv("pendingFargateTasksCount", pendingFargate),
                    kv("runningExternalTasksCount", runningExternal),
                    kv("activeEC2ServiceCount", activeServices - activeFargate),
                    kv("activeFargateServiceCount", activeFargate),
                    kv("drainingEC2ServiceCount", drainingServices - drainingFargate),
                    kv("drainingFargateServiceCount", drainingFargate)));
        } else {
            b.statistics(List.of());
        }
        b.tags(tags ? List.copyOf(c.tags) : List.of());
        if (settings) {
            b.settings(List.copyOf(c.settings));
        }
        return b.build();
    }

    private static KeyValuePair kv(String name, int value) {
        return KeyValuePair.builder().name(name).value(String.valueOf(value)).build();
    }

    ListClustersResponse list(ListClustersRequest r) {
        List<String> arns = new ArrayList<>();
        for (ClusterRec c : e.clusters.values()) {
            if (c.active()) {
                arns.add(c.arn);
            }
        }
        Pages.Page<String> page = Pages.page(arns, r.maxResults(), r.nextToken(), 100, 100);
        return ListClustersResponse.builder()
                .clusterArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    UpdateClusterResponse update(UpdateClusterRequest r) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        if (r.settings() != null) {
            c.settings = new ArrayList<>(r.settings());
        }
        if (r.configuration() != null) {
            c.configuration = r.configuration();
        }
        if (r.serviceConnectDefaults() != null) {
            c.serviceConnectDefaults = ClusterServiceConnectDefaults.builder()
                    .namespace(r.serviceConnectDefaults().namespace())
                    .build();
        }
        return UpdateClusterResponse.builder()
                .cluster(view(c, false, true, false))
                .build();
    }

    /** [doc] The values ClusterSetting {@code containerInsights} takes (API reference, ClusterSetting). */
    private static final List<String> CONTAINER_INSIGHTS_VALUES = List.of("enhanced", "enabled", "disabled");

    /**
     * UpdateClusterSettings: sets the cluster's {@code containerInsights}; the tags, the configuration and
     * the tasks are untouched (docs/scheduler.md#cluster-settings). Every setting is checked before any is
     * applied.
     */
    UpdateClusterSettingsResponse updateSettings(UpdateClusterSettingsRequest r) {
        String ref = Resolve.required(r.cluster(), "cluster");
        List<ClusterSetting> settings = Resolve.required(r.settings(), "settings");
        ClusterRec c = Resolve.activeCluster(e, ref);
        for (ClusterSetting s : settings) {
            // [obs] ECS's text for a value it does not take ("enhaced"): "Invalid setting 'value'"
            // (terraform-aws-modules/terraform-aws-ecs#264); [unsure] the same form for the name.
            if (s.name() == null || !ClusterSettingName.CONTAINER_INSIGHTS.equals(s.name())) {
                throw new InvalidParameterException("Invalid setting 'name'");
            }
            if (s.value() == null || !CONTAINER_INSIGHTS_VALUES.contains(s.value())) {
                throw new InvalidParameterException("Invalid setting 'value'");
            }
        }
        for (ClusterSetting s : settings) {
            c.settings.removeIf(old -> Objects.equals(s.name(), old.name()));
            c.settings.add(s);
        }
        // [doc] The answer carries the settings, as the AWS CLI's update-cluster-settings example shows.
        return UpdateClusterSettingsResponse.builder()
                .cluster(view(c, false, true, false))
                .build();
    }

    DeleteClusterResponse delete(DeleteClusterRequest r) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        for (InstanceRec i : c.instances.values()) {
            if ("ACTIVE".equals(i.status) || "DRAINING".equals(i.status)) {
                // [obs] ECS's texts for the three preconditions (docs/scheduler.md#clusters).
                throw new ClusterContainsContainerInstancesException(
                        "The Cluster cannot be deleted while Container Instances are active or draining.");
            }
        }
        for (ServiceRec s : c.services.values()) {
            if (!"INACTIVE".equals(s.status)) {
                throw new ClusterContainsServicesException("The Cluster cannot be deleted while Services are active.");
            }
        }
        for (TaskRec t : c.tasks.values()) {
            if (!t.stopped()) {
                throw new ClusterContainsTasksException("The Cluster cannot be deleted while Tasks are active.");
            }
        }
        c.status = "INACTIVE";
        e.placement.forget(c);
        return DeleteClusterResponse.builder()
                .cluster(view(c, false, false, false))
                .build();
    }
}
