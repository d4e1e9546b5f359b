package io.github.berth.testkit.fake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateCapacityProviderRequest;
import io.github.berth.core.api.CreateCapacityProviderResponse;
import io.github.berth.core.api.DeleteCapacityProviderRequest;
import io.github.berth.core.api.DeleteCapacityProviderResponse;
import io.github.berth.core.api.DescribeCapacityProvidersRequest;
import io.github.berth.core.api.DescribeCapacityProvidersResponse;
import io.github.berth.core.api.PutClusterCapacityProvidersRequest;
import io.github.berth.core.api.PutClusterCapacityProvidersResponse;
import io.github.berth.core.api.UpdateCapacityProviderRequest;
import io.github.berth.core.api.UpdateCapacityProviderResponse;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.LimitExceededException;
import io.github.berth.core.error.ResourceInUseException;
import io.github.berth.core.model.AutoScalingGroupProvider;
import io.github.berth.core.model.AutoScalingGroupProviderUpdate;
import io.github.berth.core.model.CapacityProvider;
import io.github.berth.core.model.CapacityProviderField;
import io.github.berth.core.model.CapacityProviderStatus;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.CapacityProviderType;
import io.github.berth.core.model.CapacityProviderUpdateStatus;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.ManagedDraining;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.ManagedScalingStatus;
import io.github.berth.core.model.ManagedTerminationProtection;
import io.github.berth.core.model.TaskStopCode;
import io.github.berth.placement.TaskPlacement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Capacity providers: FARGATE and FARGATE_SPOT (in every account), Auto Scaling group providers,
 * the clusters' associations and default strategies (docs/scheduler.md#capacity-providers), and
 * the Fargate Spot interruption (docs/scheduler.md#fargate-spot-interruption).
 */
final class Capacity {

    static final String FARGATE = "FARGATE";
    static final String FARGATE_SPOT = "FARGATE_SPOT";

    /** [doc] Up to 255 letters, numbers, underscores and hyphens (CreateCapacityProvider, name). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /** [doc] Capacity providers per cluster (Service Quotas page of the ECS developer guide). */
    static final int PROVIDERS_PER_CLUSTER = 20;
    /** [doc] A strategy holds at most 20 providers (CapacityProviderStrategy in the API reference). */
    static final int PROVIDERS_PER_STRATEGY = 20;
    /** [doc] The ManagedScaling defaults (ManagedScaling in the API reference): every member set. */
    static final ManagedScaling MANAGED_SCALING_DEFAULTS = ManagedScaling.builder()
            .status(ManagedScalingStatus.DISABLED)
            .targetCapacity(100)
            .minimumScalingStepSize(1)
            .maximumScalingStepSize(10_000)
            .instanceWarmupPeriod(300)
            .build();
    /** [doc] The warning before a Fargate Spot task is stopped (Fargate capacity providers page). */
    static final Duration SPOT_WARNING = Duration.ofMinutes(2);
    /** [doc] The stoppedReason of an interrupted Fargate Spot task (Fargate capacity providers page). */
    static final String SPOT_REASON = "Your Spot Task was interrupted.";

    private final Engine e;
    /** The fault "Fargate has no capacity" (for FARGATE, FARGATE_SPOT, or both). */
    boolean fargateUnavailable;

    boolean fargateSpotUnavailable;
    /** Auto Scaling group providers by name, in creation order (INACTIVE ones stay describable). */
    final Map<String, CapacityProviderRec> providers = new LinkedHashMap<>();
    /** The fault "Fargate Spot reclaims capacity": the chance a FARGATE_SPOT task is interrupted, and within when. */
    double spotInterruptionProbability;

    long spotInterruptionWithinMillis;
    /** The fake EC2 Auto Scaling groups by name, in creation order. */
    final Map<String, AutoScalingGroupRec> groups = new LinkedHashMap<>();

    Capacity(Engine e) {
        this.e = e;
        e.handlers.put(TimerKind.SPOT_INTERRUPTION, this::spotInterruptionDue);
        e.handlers.put(TimerKind.ASG_INSTANCE_BOOT, this::instanceBooted);
        e.taskListeners.add(this::maybeInterruptLater);
        e.stateParts.put("spotInterruptions", new Snapshots.StatePart() {
            @Override
            public JsonNode write(ObjectMapper mapper) {
                return mapper.createObjectNode()
                        .put("probability", spotInterruptionProbability)
                        .put("withinMillis", spotInterruptionWithinMillis);
            }

            @Override
            public void read(ObjectMapper mapper, JsonNode node) {
                spotInterruptionProbability = node.path("probability").asDouble();
                spotInterruptionWithinMillis = node.path("withinMillis").asLong();
            }
        });
        e.stateParts.put(
                "autoScalingGroups",
                Snapshots.StatePart.valuesOf(groups, new TypeReference<List<AutoScalingGroupRec>>() {}, g -> g.name));
        e.stateParts.put(
                "capacityProviders",
                Snapshots.StatePart.valuesOf(
                        providers, new TypeReference<List<CapacityProviderRec>>() {}, r -> r.name));
    }

    /** Whether the Fargate placement cannot be honoured for lack of capacity (a fault a test set). */
    boolean fargateUnavailable(TaskPlacement p) {
        if (FARGATE_SPOT.equals(p.capacityProviderName())) {
            return fargateSpotUnavailable;
        }
        return fargateUnavailable;
    }

    // ------------------------------------------------------------------ operations

    CreateCapacityProviderResponse create(CreateCapacityProviderRequest r) {
        String name = Resolve.required(r.name(), "name");
        if (!NAME.matcher(name).matches()) {
            // [unsure] ECS's text is not documented; the rule is (CreateCapacityProvider, name).
            throw new InvalidParameterException("Capacity provider name must be between 1 and 255 characters and can "
                    + "contain letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("aws") || lower.startsWith("ecs") || lower.startsWith("fargate")) {
            // [doc] "The name can't be prefixed with aws, ecs, or fargate" (CreateCapacityProvider); text [unsure].
            throw new InvalidParameterException(
                    "The capacity provider name cannot be prefixed with \"aws\", \"ecs\", " + "or \"fargate\".");
        }
        if (r.managedInstancesProvider() != null || r.cluster() != null) {
            // [model] Managed Instances providers are not modelled by the fake.
            throw new io.github.berth.core.error.UnsupportedFeatureException(
                    "Amazon ECS Managed Instances capacity providers are not supported by this fake.");
        }
        AutoScalingGroupProvider asg = Resolve.required(r.autoScalingGroupProvider(), "autoScalingGroupProvider");
        String asgArn = Resolve.required(asg.autoScalingGroupArn(), "autoScalingGroupProvider.autoScalingGroupArn");
        Tags.check(r.tags(), "tags");
        CapacityProviderRec existing = providers.get(name);
        if (existing != null && existing.active()) {
            // [obs] ECS's text (hashicorp/terraform-provider-aws#11358, cloudposse/terraform-aws-ecs-cluster#68).
            throw new ClientException("The specified capacity provider already exists. To change the configuration of "
                    + "an existing capacity provider, update the capacity provider.");
        }
        ManagedScaling scaling = scalingWithDefaults(asg.managedScaling(), null);
        String mtp = asg.managedTerminationProtection() == null
                ? "DISABLED"
                : asg.managedTerminationProtection().value();
        checkTerminationProtection(mtp, scaling);
        CapacityProviderRec p = new CapacityProviderRec();
        p.name = name;
        p.arn = e.arns.capacityProvider(name);
        p.autoScalingGroupArn = asgArn;
        p.managedScaling = scaling;
        p.managedTerminationProtection = mtp;
        // [doc] Managed instance draining is on by default for new Auto Scaling group providers.
        p.managedDraining = asg.managedDraining() == null
                ? "ENABLED"
                : asg.managedDraining().value();
        p.tags = new ArrayList<>(r.tags() == null ? List.of() : r.tags());
        providers.put(name, p);
        return CreateCapacityProviderResponse.builder()
                .capacityProvider(view(p, true))
                .build();
    }

    UpdateCapacityProviderResponse update(UpdateCapacityProviderRequest r) {
        CapacityProviderRec p = activeProvider(Resolve.required(r.name(), "name"));
        AutoScalingGroupProviderUpdate u = Resolve.required(r.autoScalingGroupProvider(), "autoScalingGroupProvider");
        ManagedScaling scaling = u.managedScaling() == null
                ? p.managedScaling
                : scalingWithDefaults(u.managedScaling(), p.managedScaling);
        String mtp = u.managedTerminationProtection() == null
                ? p.managedTerminationProtection
                : u.managedTerminationProtection().value();
        checkTerminationProtection(mtp, scaling);
        p.managedScaling = scaling;
        p.managedTerminationProtection = mtp;
        if (u.managedDraining() != null) {
            p.managedDraining = u.managedDraining().value();
        }
        // [model] The update completes at once (real ECS passes through UPDATE_IN_PROGRESS).
        p.updateStatus = "UPDATE_COMPLETE";
        return UpdateCapacityProviderResponse.builder()
                .capacityProvider(view(p, false))
                .build();
    }

    DeleteCapacityProviderResponse delete(DeleteCapacityProviderRequest r) {
        String ref = Resolve.required(r.capacityProvider(), "capacityProvider");
        String name = Resolve.nameOf(ref);
        if (FARGATE.equals(name) || FARGATE_SPOT.equals(name)) {
            // [doc] FARGATE and FARGATE_SPOT cannot be deleted; text [unsure].
            throw new InvalidParameterException(
                    "The specified capacity provider " + name + " is reserved and cannot be " + "deleted.");
        }
        CapacityProviderRec p = activeProvider(ref);
        for (ClusterRec c : e.clusters.values()) {
            if (c.active() && c.capacityProviders.contains(p.name)) {
                // [doc] A provider associated with a cluster must be disassociated first (DeleteCapacityProvider);
                // text [unsure].
                throw new ResourceInUseException("The specified capacity provider is in use and cannot be removed. "
                        + "Disassociate it from cluster " + c.name + " and try again.");
            }
        }
        // [model] Deletion completes at once: INACTIVE, DELETE_COMPLETE (real ECS passes through DELETE_IN_PROGRESS).
        p.status = "INACTIVE";
        p.updateStatus = "DELETE_COMPLETE";
        return DeleteCapacityProviderResponse.builder()
                .capacityProvider(view(p, false))
                .build();
    }

    DescribeCapacityProvidersResponse describe(DescribeCapacityProvidersRequest r) {
        boolean tags = r.include() != null && r.include().contains(CapacityProviderField.TAGS);
        List<CapacityProvider> found = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (r.capacityProviders() == null || r.capacityProviders().isEmpty()) {
            // [obs] With no names, DescribeCapacityProviders lists FARGATE and FARGATE_SPOT, then the account's.
            found.add(fargateView(FARGATE));
            found.add(fargateView(FARGATE_SPOT));
            for (CapacityProviderRec p : providers.values()) {
                found.add(view(p, tags));
            }
        } else {
            Resolve.atMost(r.capacityProviders(), 100, "capacityProviders");
            for (String ref : r.capacityProviders()) {
                String name = Resolve.nameOf(ref);
                CapacityProviderRec p = providers.get(name);
                if (FARGATE.equals(name) || FARGATE_SPOT.equals(name)) {
                    found.add(fargateView(name));
                } else if (p == null) {
                    failures.add(Failure.builder()
                            .arn(ref.startsWith("arn:") ? ref : e.arns.capacityProvider(ref))
                            .reason("MISSING")
                            .build());
                } else {
                    found.add(view(p, tags));
                }
            }
        }
        // [doc] maxResults 1..10; without it all are answered (DescribeCapacityProviders).
        Pages.Page<CapacityProvider> page = Pages.page(found, r.maxResults(), r.nextToken(), 10, Integer.MAX_VALUE);
        return DescribeCapacityProvidersResponse.builder()
                .capacityProviders(page.items())
                .failures(failures)
                .nextToken(page.nextToken())
                .build();
    }

    PutClusterCapacityProvidersResponse putClusterProviders(PutClusterCapacityProvidersRequest r, ClusterOps clusters) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        List<String> wanted = Resolve.required(r.capacityProviders(), "capacityProviders");
        List<CapacityProviderStrategyItem> strategy =
                Resolve.required(r.defaultCapacityProviderStrategy(), "defaultCapacityProviderStrategy");
        if (wanted.size() > PROVIDERS_PER_CLUSTER) {
            // [doc] 20 capacity providers per cluster (quota); text [unsure].
            throw new LimitExceededException(
                    "The specified cluster has reached the limit of " + PROVIDERS_PER_CLUSTER + " capacity providers.");
        }
        List<String> names = new ArrayList<>();
        for (String ref : wanted) {
            names.add(Resolve.nameOf(ref));
        }
        checkClusterProviders(names, strategy);
        for (String name : names) {
            CapacityProviderRec p = providers.get(name);
            if (p != null && p.managedScalingEnabled()) {
                for (ClusterRec other : e.clusters.values()) {
                    if (other != c && other.active() && other.capacityProviders.contains(name)) {
                        // [doc] A provider with managed scaling belongs to one cluster only (Auto Scaling group
                        // capacity
                        // providers page); text [unsure].
                        throw new InvalidParameterException("The specified capacity provider " + name + " is already "
                                + "associated with cluster " + other.name
                                + ". A capacity provider with managed scaling enabled "
                                + "can only be associated with one cluster.");
                    }
                }
            }
        }
        Set<String> kept = new HashSet<>(names);
        for (String old : c.capacityProviders) {
            if (!kept.contains(old) && inUse(c, old)) {
                // [doc] Removing a provider that tasks or services use fails with ResourceInUseException
                // (PutClusterCapacityProviders); text [unsure].
                throw new ResourceInUseException(
                        "The specified capacity provider " + old + " is in use and cannot be " + "removed.");
            }
        }
        c.capacityProviders = new ArrayList<>(names);
        c.defaultStrategy = new ArrayList<>(strategy);
        c.placementVersion++;
        return PutClusterCapacityProvidersResponse.builder()
                .cluster(clusters.view(c, false, false, false))
                .build();
    }

    private static boolean inUse(ClusterRec c, String provider) {
        for (TaskRec t : c.tasks.values()) {
            if (!t.stopped() && provider.equals(t.capacityProviderName)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ checks used elsewhere

    /**
     * [obs] A strategy may only name providers associated with the cluster
     * (docs/scheduler.md#capacity-provider-strategy).
     */
    void checkStrategy(ClusterRec c, @Nullable List<CapacityProviderStrategyItem> strategy) {
        if (strategy == null) {
            return;
        }
        for (CapacityProviderStrategyItem item : strategy) {
            if (item.capacityProvider() == null || !c.capacityProviders.contains(item.capacityProvider())) {
                throw new InvalidParameterException(
                        "The specified capacity provider strategy cannot contain a capacity "
                                + "provider that is not associated with the cluster. Associate the capacity provider with the cluster "
                                + "or specify a valid capacity provider and try again.");
            }
        }
    }

    /** The providers named at CreateCluster or PutClusterCapacityProviders must exist. */
    void checkClusterProviders(
            @Nullable List<String> providers, @Nullable List<CapacityProviderStrategyItem> strategy) {
        if (providers == null) {
            return;
        }
        for (String p : providers) {
            if (!FARGATE.equals(p) && !FARGATE_SPOT.equals(p) && !exists(p)) {
                throw new InvalidParameterException("The specified capacity provider " + p + " does not exist.");
            }
        }
        if (strategy != null) {
            if (strategy.size() > PROVIDERS_PER_STRATEGY) {
                throw new InvalidParameterException(
                        "capacityProviderStrategy can have at most " + PROVIDERS_PER_STRATEGY + " items.");
            }
            int withBase = 0;
            for (CapacityProviderStrategyItem item : strategy) {
                if (!providers.contains(item.capacityProvider())) {
                    throw new InvalidParameterException(
                            "The specified capacity provider strategy cannot contain a capacity "
                                    + "provider that is not associated with the cluster. Associate the capacity provider with the cluster "
                                    + "or specify a valid capacity provider and try again.");
                }
                if (item.base() != null && item.base() > 0) {
                    withBase++;
                }
            }
            if (withBase > 1) {
                // [doc] Only one provider in a strategy can have a base defined; text [unsure].
                throw new InvalidParameterException(
                        "Only one capacity provider in a capacity provider strategy can have "
                                + "a base value greater than zero.");
            }
        }
    }

    boolean exists(String name) {
        CapacityProviderRec p = providers.get(name);
        return p != null && p.active();
    }

    /** The capacity provider a newly registered instance belongs to (its Auto Scaling group's), or null. */
    @Nullable
    String providerOfInstance(ClusterRec c, InstanceRec i) {
        for (AutoScalingGroupRec g : groups.values()) {
            for (AutoScalingGroupRec.Member m : g.instances) {
                if (m.ec2InstanceId.equals(i.ec2InstanceId)) {
                    CapacityProviderRec p = providerOfGroup(c, g);
                    return p == null ? null : p.name;
                }
            }
        }
        return null;
    }

    /** The active provider associated with {@code c} whose group is {@code g}, or null. */
    private @Nullable CapacityProviderRec providerOfGroup(ClusterRec c, AutoScalingGroupRec g) {
        for (String name : c.capacityProviders) {
            CapacityProviderRec p = providers.get(name);
            if (p != null && p.active() && g.arn.equals(p.autoScalingGroupArn)) {
                return p;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ fake Auto Scaling groups

    String createGroup(String name, AutoScalingGroups.Spec s) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidParameterException(
                    "The Auto Scaling group name must be 1 to 255 letters, numbers, " + "underscores and hyphens.");
        }
        if (groups.containsKey(name)) {
            // [doc] EC2 Auto Scaling answers AlreadyExists for a taken name; the fake uses ECS's error type.
            throw new InvalidParameterException(
                    "AutoScalingGroup by this name already exists - A group with the name " + name + " already exists");
        }
        checkSizes(s.minSize, s.maxSize, s.desiredCapacity);
        AutoScalingGroupRec g = new AutoScalingGroupRec();
        g.name = name;
        g.arn = "arn:aws:autoscaling:" + e.region + ":" + e.account + ":autoScalingGroup:" + e.ids.uuid()
                + ":autoScalingGroupName/" + name;
        g.instanceType = s.instanceType;
        g.minSize = s.minSize;
        g.maxSize = s.maxSize;
        g.availabilityZones = s.availabilityZones.isEmpty()
                ? new ArrayList<>(List.of(e.region + "a"))
                : new ArrayList<>(s.availabilityZones);
        g.bootDelayMillis = s.bootDelay.toMillis();
        groups.put(name, g);
        setDesired(g, s.desiredCapacity);
        e.managedScaling.ensureTicking();
        return g.arn;
    }

    private static void checkSizes(int min, int max, int desired) {
        if (min < 0 || max < min || desired < min || desired > max) {
            // [doc] EC2 Auto Scaling's ValidationError texts name the sizes; [model] the fake's own wording.
            throw new InvalidParameterException("The sizes of the Auto Scaling group must satisfy 0 <= minSize (" + min
                    + ") <= desiredCapacity (" + desired + ") <= maxSize (" + max + ").");
        }
    }

    AutoScalingGroupRec group(String name) {
        AutoScalingGroupRec g = groups.get(name);
        if (g == null) {
            throw new InvalidParameterException("The Auto Scaling group " + name + " does not exist.");
        }
        return g;
    }

    /**
     * [model] A new desired capacity: instances are launched (zones round robin) or terminated,
     * those still booting first, then the newest. With managed termination protection on the
     * group's provider, an instance running tasks is protected from scale-in ([doc] Auto Scaling
     * group capacity providers page): the group then stays above its desired capacity
     * (docs/scheduler.md#auto-scaling-groups-in-the-fake). With managed draining, an instance is
     * drained before it is terminated (docs/scheduler.md#managed-scaling-in-the-fake).
     */
    void setDesired(AutoScalingGroupRec g, int desired) {
        checkSizes(g.minSize, g.maxSize, desired);
        g.desiredCapacity = desired;
        // Instances being drained before termination (managed draining) are already on their way out.
        int staying = 0;
        for (AutoScalingGroupRec.Member m : g.instances) {
            staying += ManagedScalingController.leaving(m) ? 0 : 1;
        }
        while (staying < desired) {
            staying++;
            AutoScalingGroupRec.Member m = new AutoScalingGroupRec.Member();
            m.ec2InstanceId = "i-0" + e.ids.uuid().replace("-", "").substring(0, 16);
            m.availabilityZone = g.availabilityZones.get(g.launched % g.availabilityZones.size());
            m.launchedAt = e.now();
            g.launched++;
            g.instances.add(m);
            e.schedule(
                    Duration.ofMillis(g.bootDelayMillis),
                    TimerKind.ASG_INSTANCE_BOOT,
                    "",
                    g.name + "/" + m.ec2InstanceId,
                    0,
                    0);
        }
        int excess = staying - desired;
        List<AutoScalingGroupRec.Member> order = new ArrayList<>();
        for (AutoScalingGroupRec.Member m : g.instances) {
            if ("Pending".equals(m.lifecycleState)) {
                order.add(m);
            }
        }
        for (int k = g.instances.size() - 1; k >= 0; k--) {
            if ("InService".equals(g.instances.get(k).lifecycleState)) {
                order.add(g.instances.get(k));
            }
        }
        for (AutoScalingGroupRec.Member m : order) {
            if (excess <= 0) {
                break;
            }
            if (protectedFromScaleIn(g, m)) {
                continue;
            }
            terminateMember(g, m);
            excess--;
        }
    }

    private boolean protectedFromScaleIn(AutoScalingGroupRec g, AutoScalingGroupRec.Member m) {
        if (m.cluster == null) {
            return false;
        }
        ClusterRec c = e.clusters.get(m.cluster);
        InstanceRec i = c == null ? null : c.instances.get(m.containerInstanceId);
        if (i == null || "INACTIVE".equals(i.status)) {
            return false;
        }
        CapacityProviderRec p = i.capacityProviderName == null ? null : providers.get(i.capacityProviderName);
        if (p == null || !"ENABLED".equals(p.managedTerminationProtection)) {
            return false;
        }
        // [doc] Only instances running a task that is not a daemon task are protected (cluster-auto-scaling).
        return e.managedScaling.runsNonDaemonTask(m);
    }

    private void terminateMember(AutoScalingGroupRec g, AutoScalingGroupRec.Member m) {
        if (e.managedScaling.drainFirst(g, m)) {
            return; // [doc] managed instance draining: terminated once drained
            // (docs/scheduler.md#managed-scaling-in-the-fake)
        }
        terminateNow(g, m);
    }

    /** The group terminates the instance: gone from the group, deregistered from its cluster, its tasks stopped. */
    void terminateNow(AutoScalingGroupRec g, AutoScalingGroupRec.Member m) {
        g.instances.remove(m);
        if (m.cluster != null) {
            ClusterRec c = e.clusters.get(m.cluster);
            InstanceRec i = c == null ? null : c.instances.get(m.containerInstanceId);
            if (c != null && i != null && !"INACTIVE".equals(i.status)) {
                new InstanceOps(e).terminate(c, i);
            }
        }
    }

    private void instanceBooted(Timer timer) {
        int slash = timer.subject().indexOf('/');
        AutoScalingGroupRec g = groups.get(timer.subject().substring(0, slash));
        String ec2Id = timer.subject().substring(slash + 1);
        AutoScalingGroupRec.Member m = null;
        if (g != null) {
            for (AutoScalingGroupRec.Member x : g.instances) {
                if (x.ec2InstanceId.equals(ec2Id)) {
                    m = x;
                }
            }
        }
        if (g == null || m == null || !"Pending".equals(m.lifecycleState)) {
            return;
        }
        m.lifecycleState = "InService";
        for (ClusterRec c : e.clusters.values()) {
            if (c.active() && providerOfGroup(c, g) != null) {
                // [doc] The ECS agent on an instance of the group registers it in the cluster its user data names;
                // [model] here, the cluster that holds the group's capacity provider.
                String doc = "{\"instanceId\":\"" + m.ec2InstanceId + "\",\"instanceType\":\"" + g.instanceType
                        + "\",\"availabilityZone\":\"" + m.availabilityZone + "\",\"region\":\"" + e.region + "\"}";
                // RegisterContainerInstance answers the instance it made, with its ARN.
                var ci = Objects.requireNonNull(new InstanceOps(e)
                        .register(io.github.berth.core.api.RegisterContainerInstanceRequest.builder()
                                .cluster(c.name)
                                .instanceIdentityDocument(doc)
                                .build())
                        .containerInstance());
                m.cluster = c.name;
                m.containerInstanceId = Resolve.nameOf(Objects.requireNonNull(ci.containerInstanceArn()));
                return;
            }
        }
    }

    private CapacityProviderRec activeProvider(String ref) {
        CapacityProviderRec p = providers.get(Resolve.nameOf(ref));
        if (p == null || !p.active()) {
            // [unsure] ECS's text for an unknown provider.
            throw new InvalidParameterException(
                    "The specified capacity provider does not exist. Specify a valid " + "name or ARN and try again.");
        }
        return p;
    }

    /** [doc] The ManagedScaling defaults and ranges (ManagedScaling in the API reference). */
    private static ManagedScaling scalingWithDefaults(@Nullable ManagedScaling s, @Nullable ManagedScaling before) {
        if (s == null) {
            s = ManagedScaling.builder().build();
        }
        // Both the defaults and a provider's stored settings (made here) have every member set.
        ManagedScaling base = before != null ? before : MANAGED_SCALING_DEFAULTS;
        int targetCapacity =
                inRange(s.targetCapacity(), Objects.requireNonNull(base.targetCapacity()), 1, 100, "targetCapacity");
        int minimumStep = inRange(
                s.minimumScalingStepSize(),
                Objects.requireNonNull(base.minimumScalingStepSize()),
                1,
                10_000,
                "minimumScalingStepSize");
        int maximumStep = inRange(
                s.maximumScalingStepSize(),
                Objects.requireNonNull(base.maximumScalingStepSize()),
                1,
                10_000,
                "maximumScalingStepSize");
        int warmup = inRange(
                s.instanceWarmupPeriod(),
                Objects.requireNonNull(base.instanceWarmupPeriod()),
                0,
                10_000,
                "instanceWarmupPeriod");
        ManagedScaling out = ManagedScaling.builder()
                .status(s.status() != null ? s.status() : base.status())
                .targetCapacity(targetCapacity)
                .minimumScalingStepSize(minimumStep)
                .maximumScalingStepSize(maximumStep)
                .instanceWarmupPeriod(warmup)
                .build();
        if (minimumStep > maximumStep) {
            // [unsure] text; the rule follows from the two fields' meaning.
            throw new InvalidParameterException(
                    "autoScalingGroupProvider.managedScaling.minimumScalingStepSize must not "
                            + "be greater than maximumScalingStepSize.");
        }
        return out;
    }

    private static int inRange(@Nullable Integer value, int dflt, int min, int max, String field) {
        if (value == null) {
            return dflt;
        }
        if (value < min || value > max) {
            throw new InvalidParameterException("autoScalingGroupProvider.managedScaling." + field + " must be between "
                    + min + " and " + max + ".");
        }
        return value;
    }

    private static void checkTerminationProtection(String mtp, ManagedScaling scaling) {
        if ("ENABLED".equals(mtp) && !ManagedScalingStatus.ENABLED.equals(scaling.status())) {
            // [doc] Managed termination protection requires managed scaling (Auto Scaling group capacity providers
            // page); text [unsure].
            throw new InvalidParameterException("The managed termination protection setting for the capacity provider "
                    + "is invalid. To enable managed termination protection for a capacity provider, managed scaling must "
                    + "be turned on.");
        }
    }

    private CapacityProvider view(CapacityProviderRec p, boolean tags) {
        CapacityProvider.Builder b = CapacityProvider.builder()
                .capacityProviderArn(p.arn)
                .name(p.name)
                .status(CapacityProviderStatus.fromValue(p.status))
                .type(CapacityProviderType.EC2_AUTOSCALING)
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(p.autoScalingGroupArn)
                        .managedScaling(p.managedScaling)
                        .managedTerminationProtection(
                                ManagedTerminationProtection.fromValue(p.managedTerminationProtection))
                        .managedDraining(ManagedDraining.fromValue(p.managedDraining))
                        .build())
                .updateStatus(CapacityProviderUpdateStatus.fromValue(p.updateStatus));
        if (tags) {
            b.tags(List.copyOf(p.tags));
        }
        return b.build();
    }

    private CapacityProvider fargateView(String name) {
        return CapacityProvider.builder()
                .capacityProviderArn(e.arns.capacityProvider(name))
                .name(name)
                .status(CapacityProviderStatus.ACTIVE)
                .type(FARGATE.equals(name) ? CapacityProviderType.FARGATE : CapacityProviderType.FARGATE_SPOT)
                .tags(List.of())
                .build();
    }

    // ------------------------------------------------------------------ Fargate Spot interruption

    /**
     * [doc] A Fargate Spot interruption: a two-minute warning sent as a task state change event (and
     * SIGTERM), then the task is stopped with stopCode TerminationNotice and stoppedReason "Your Spot
     * Task was interrupted." (Fargate capacity providers page of the ECS developer guide;
     * docs/scheduler.md#fargate-spot-interruption). [model] The warning event carries desiredStatus
     * STOPPED with that stopCode and reason while lastStatus stays RUNNING, as the guide's example
     * event shows; the stop itself starts when the two minutes are up.
     */
    void interruptSpot(ClusterRec c, TaskRec t) {
        if (!FARGATE_SPOT.equals(t.capacityProviderName)) {
            throw new InvalidParameterException("Task " + t.arn + " does not run on FARGATE_SPOT.");
        }
        if (!"RUNNING".equals(t.desiredStatus) || t.stopped()) {
            throw new InvalidParameterException("Task " + t.arn + " is already stopping.");
        }
        t.desiredStatus = "STOPPED";
        t.stopCode = TaskStopCode.TERMINATION_NOTICE;
        t.stoppedReason = SPOT_REASON;
        e.lifecycle.changed(t, t.lastStatus);
        e.schedule(SPOT_WARNING, TimerKind.SPOT_INTERRUPTION, c.name, t.id, t.version, 0);
    }

    /**
     * [model] With the probability a test set, a FARGATE_SPOT task that reaches RUNNING is interrupted
     * at a seeded random instant within the chosen time (docs/scheduler.md#fargate-spot-interruption).
     */
    private void maybeInterruptLater(TaskRec t, @Nullable String previous) {
        if (spotInterruptionProbability <= 0
                || !FARGATE_SPOT.equals(t.capacityProviderName)
                || !"RUNNING".equals(t.lastStatus)
                || "RUNNING".equals(previous)) {
            return;
        }
        if (e.random.nextDouble() >= spotInterruptionProbability) {
            return;
        }
        long at = spotInterruptionWithinMillis <= 0 ? 0 : (long) (e.random.nextDouble() * spotInterruptionWithinMillis);
        e.schedule(Duration.ofMillis(at), TimerKind.SPOT_INTERRUPTION, t.cluster, t.id, t.version, 1);
    }

    private void spotInterruptionDue(Timer timer) {
        if (timer.arg() == 1) {
            // The random interruption is due: the two-minute warning starts now.
            ClusterRec c = e.clusters.get(timer.cluster());
            TaskRec t = c == null ? null : c.tasks.get(timer.subject());
            if (c != null && t != null && "RUNNING".equals(t.desiredStatus) && "RUNNING".equals(t.lastStatus)) {
                interruptSpot(c, t);
            }
            return;
        }
        ClusterRec c = e.clusters.get(timer.cluster());
        TaskRec t = c == null ? null : c.tasks.get(timer.subject());
        if (t == null || t.stopped() || !TaskStopCode.TERMINATION_NOTICE.equals(t.stopCode)) {
            return;
        }
        if (!"STOPPED".equals(t.desiredStatus)
                || !"RUNNING".equals(t.lastStatus)
                        && !"PENDING".equals(t.lastStatus)
                        && !"PROVISIONING".equals(t.lastStatus)) {
            return;
        }
        // Let the lifecycle take the task down as any stop would.
        t.desiredStatus = "RUNNING";
        e.lifecycle.stop(t, TaskStopCode.TERMINATION_NOTICE, SPOT_REASON);
    }
}
