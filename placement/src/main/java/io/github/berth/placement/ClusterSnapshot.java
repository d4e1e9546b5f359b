package io.github.berth.placement;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.DescribeTasksResponse;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Task;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.Expression;
import io.github.berth.placement.query.QueryTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The state of a cluster that placement reads: its container instances (status, agent, attributes,
 * remaining resources, instance type, AZ) and what the tasks on them hold (groups, host ports,
 * ENIs), plus the {@code awsvpcTrunking} account setting and what is known of subnets.
 *
 * <p>Immutable and thread-safe; built once from core model values and kept compact (columns of
 * interned values, counts instead of tasks), so that many placements can share it:
 *
 * <pre>{@code
 * ClusterSnapshot snapshot = ClusterSnapshot.fromJson(describeContainerInstancesJson, describeTasksJson);
 * ClusterSnapshot snapshot = ClusterSnapshot.of(containerInstances, tasks);
 * ClusterSnapshot snapshot = ClusterSnapshot.builder().addInstances(instances).addTasks(tasks)
 *     .awsvpcTrunking(true).subnet("subnet-1", "us-east-1a", "vpc-1").build();
 * }</pre>
 */
public final class ClusterSnapshot {

    // Per instance, by index in input order.
    final int size;
    final String[] arn;
    final java.lang.@Nullable String[] ec2InstanceId;
    final java.lang.@Nullable String[] capacityProvider;
    final String[] status;
    final boolean[] agentConnected;
    final java.lang.@Nullable Boolean[] agentConnectedValue;
    final java.lang.@Nullable String[] agentVersion;
    final java.time.@Nullable Instant[] registeredAt;
    final int[] runningTasks;
    final int[] remainingCpu;
    final int[] remainingMemory;
    final int[] remainingGpu;
    final int[] registeredGpu;
    /** Ports ECS holds reserved (remaining PORTS / PORTS_UDP), sorted. */
    final int[][] reservedTcp;

    final int[][] reservedUdp;
    /** Every host port bound on the instance (reserved plus tasks' dynamic bindings), sorted. */
    final int[][] boundTcp;

    final int[][] boundUdp;
    final int[] enisUsed;
    /** awsvpc tasks the instance can hold ({@link EniCapacity}); 0 when its type is unknown. */
    final int[] eniLimit;

    final java.lang.@Nullable String[] availabilityZone;
    final java.lang.@Nullable String[] subnetId;
    final java.lang.@Nullable String[] vpcId;
    final ImmutableMap<String, String[]> attributes;
    // Groups of the tasks on each instance (desired status not STOPPED): sparse, sorted by group id.
    // Immutable collections in a snapshot; a LiveCluster's own state has mutable ones it updates.
    final List<String> groupNames;
    final Map<String, Integer> groupIds;
    final int[][] instanceGroupIds;
    final int[][] instanceGroupCounts;
    /** Tasks not on any instance of the snapshot (Fargate), per group, capacity provider and AZ. */
    final Map<String, Map<String, Integer>> offInstanceTaskCounts;
    /** Tasks of each group, per capacity provider name, for capacity provider strategies. */
    final Map<String, Map<String, Integer>> tasksPerProvider;

    final ImmutableMap<String, Subnet> subnets;
    final boolean awsvpcTrunking;
    final ImmutableMap<String, Integer> indexByArn;

    private final QueryTarget queryTarget = new SnapshotQueryTarget();

    /** What is known of a subnet: its AZ and VPC (either may be unknown). */
    public record Subnet(
            String subnetId,
            @Nullable String availabilityZone,
            @Nullable String vpcId) {}

    ClusterSnapshot(SnapshotBuilder b) {
        this.size = b.size;
        this.arn = b.arn;
        this.ec2InstanceId = b.ec2InstanceId;
        this.capacityProvider = b.capacityProvider;
        this.status = b.status;
        this.agentConnected = b.agentConnected;
        this.agentConnectedValue = b.agentConnectedValue;
        this.agentVersion = b.agentVersion;
        this.registeredAt = b.registeredAt;
        this.runningTasks = b.runningTasks;
        this.remainingCpu = b.remainingCpu;
        this.remainingMemory = b.remainingMemory;
        this.remainingGpu = b.remainingGpu;
        this.registeredGpu = b.registeredGpu;
        this.reservedTcp = b.reservedTcp;
        this.reservedUdp = b.reservedUdp;
        this.boundTcp = b.boundTcp;
        this.boundUdp = b.boundUdp;
        this.enisUsed = b.enisUsed;
        this.eniLimit = b.eniLimit;
        this.availabilityZone = b.availabilityZone;
        this.subnetId = b.subnetId;
        this.vpcId = b.vpcId;
        this.attributes = b.attributes;
        this.groupNames = b.groupNames;
        this.groupIds = b.groupIds;
        this.instanceGroupIds = b.instanceGroupIds;
        this.instanceGroupCounts = b.instanceGroupCounts;
        this.offInstanceTaskCounts = b.offInstanceTaskCounts;
        this.tasksPerProvider = b.tasksPerProvider;
        this.subnets = b.subnets;
        this.awsvpcTrunking = b.awsvpcTrunking;
        this.indexByArn = b.indexByArn;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A snapshot of these instances and the tasks on them (account setting {@code awsvpcTrunking} off).
     *
     * @throws io.github.berth.core.error.InvalidParameterException when an instance has no ARN or
     *     two share one, naming the instance's path ({@code containerInstances[0].containerInstanceArn})
     * @throws NullPointerException if an argument is null
     */
    public static ClusterSnapshot of(Collection<ContainerInstance> instances, Collection<Task> tasks) {
        return builder().addInstances(instances).addTasks(tasks).build();
    }

    /**
     * A snapshot from the JSON of a DescribeContainerInstances response and, optionally, of a
     * DescribeTasks response (as {@code aws ecs describe-container-instances} and
     * {@code aws ecs describe-tasks} print them).
     *
     * @throws io.github.berth.core.error.SerializationException when either is not such JSON,
     *     naming the path, line and column ({@code containerInstances[0].registeredResources[0]
     *     .doubleValue: number out of range ...})
     * @throws io.github.berth.core.error.InvalidParameterException when an instance cannot be placed
     *     on, naming its path ({@code containerInstances[0].containerInstanceArn must be given})
     * @throws NullPointerException if {@code describeContainerInstances} is null
     */
    public static ClusterSnapshot fromJson(String describeContainerInstances, @Nullable String describeTasks) {
        DescribeContainerInstancesResponse instances =
                EcsJson.lenient().read(describeContainerInstances, DescribeContainerInstancesResponse.class);
        List<Task> tasks = describeTasks == null
                ? List.of()
                : nonNull(EcsJson.lenient()
                        .read(describeTasks, DescribeTasksResponse.class)
                        .tasks());
        return of(nonNull(instances.containerInstances()), tasks);
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The number of container instances. */
    public int size() {
        return size;
    }

    /** The ARN of the instance at {@code index} (input order). */
    public String containerInstanceArn(int index) {
        return arn[index];
    }

    /** The instances' ARNs, in input order. */
    public List<String> containerInstanceArns() {
        return Collections.unmodifiableList(Arrays.asList(arn));
    }

    /** Whether the {@code awsvpcTrunking} account setting is on. */
    public boolean awsvpcTrunking() {
        return awsvpcTrunking;
    }

    /**
     * The ARNs of the instances a cluster query language expression matches, in input order: what
     * ListContainerInstances returns for that {@code filter}.
     *
     * @throws io.github.berth.placement.query.QuerySyntaxException when the expression does not parse
     */
    public List<String> filter(String expression) {
        return filter(ClusterQuery.parse(expression));
    }

    /** The ARNs of the instances the expression matches, in input order. */
    public List<String> filter(Expression expression) {
        List<String> out = new ArrayList<>();
        for (int i : ClusterQuery.select(expression, queryTarget)) {
            out.add(arn[i]);
        }
        return out;
    }

    /** The snapshot as a target of cluster query language expressions. */
    public QueryTarget queryTarget() {
        return queryTarget;
    }

    /** How many tasks of {@code group} (desired status not STOPPED) the instance hosts. */
    int groupCount(int instance, int groupId) {
        int[] ids = instanceGroupIds[instance];
        int k = Arrays.binarySearch(ids, groupId);
        return k >= 0 ? instanceGroupCounts[instance][k] : 0;
    }

    /** The id of a group, or -1 when no task of the snapshot is in it. */
    int groupId(String group) {
        Integer id = groupIds.get(group);
        return id == null ? -1 : id;
    }

    @Override
    public String toString() {
        return "ClusterSnapshot[" + size + " instances, " + groupNames.size() + " task groups, awsvpcTrunking="
                + awsvpcTrunking + "]";
    }

    private final class SnapshotQueryTarget implements QueryTarget {
        @Override
        public int instanceCount() {
            return size;
        }

        @Override
        public @Nullable Boolean agentConnected(int i) {
            return agentConnectedValue[i];
        }

        @Override
        public @Nullable String agentVersion(int i) {
            return agentVersion[i];
        }

        @Override
        public @Nullable String ec2InstanceId(int i) {
            return ec2InstanceId[i];
        }

        @Override
        public @Nullable Instant registeredAt(int i) {
            return registeredAt[i];
        }

        @Override
        public int runningTasksCount(int i) {
            return runningTasks[i];
        }

        @Override
        public AttributeColumn attribute(String name) {
            String[] column = attributes.get(name);
            return column == null ? i -> null : i -> column[i];
        }

        @Override
        public boolean hostsGroup(int i, String group) {
            int id = groupId(group);
            return id >= 0 && groupCount(i, id) > 0;
        }

        @Override
        public Iterable<String> groups(int i) {
            List<String> out = new ArrayList<>();
            for (int id : instanceGroupIds[i]) {
                out.add(groupNames.get(id));
            }
            return out;
        }
    }

    /** Builds snapshots; instances keep the order they are added in. */
    public static final class Builder {
        private final List<ContainerInstance> instances = new ArrayList<>();
        private final List<Task> tasks = new ArrayList<>();
        private final List<Subnet> subnets = new ArrayList<>();
        private boolean awsvpcTrunking;

        Builder() {}

        public Builder addInstance(ContainerInstance instance) {
            instances.add(instance);
            return this;
        }

        public Builder addInstances(Collection<ContainerInstance> more) {
            instances.addAll(more);
            return this;
        }

        public Builder addTask(Task task) {
            tasks.add(task);
            return this;
        }

        public Builder addTasks(Collection<Task> more) {
            tasks.addAll(more);
            return this;
        }

        /**
         * The {@code awsvpcTrunking} account setting, as the account has it. It raises no instance's ENI
         * limit by itself: only instances launched after the opt-in have a trunk interface, which
         * describe-container-instances shows as the attribute {@code ecs.awsvpc-trunk-id}, and those (of
         * types that support trunking) hold the trunked number of awsvpc tasks
         * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html).
         */
        public Builder awsvpcTrunking(boolean on) {
            this.awsvpcTrunking = on;
            return this;
        }

        /**
         * What a subnet's AZ and VPC are. Subnets that instances sit in (attributes
         * {@code ecs.subnet-id}, {@code ecs.availability-zone}, {@code ecs.vpc-id}) are learnt from
         * them; others can be told here (for awsvpc {@code LOCATION} checks and Fargate AZ spread).
         */
        public Builder subnet(String subnetId, @Nullable String availabilityZone, @Nullable String vpcId) {
            subnets.add(new Subnet(subnetId, availabilityZone, vpcId));
            return this;
        }

        /**
         * Builds the snapshot.
         *
         * @throws io.github.berth.core.error.InvalidParameterException when an instance has no ARN or
         *     two share one
         */
        public ClusterSnapshot build() {
            return new ClusterSnapshot(new SnapshotBuilder(instances, tasks, subnets, awsvpcTrunking));
        }
    }
}
