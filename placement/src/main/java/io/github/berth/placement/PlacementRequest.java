package io.github.berth.placement;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskOverride;
import java.util.List;
import java.util.Objects;

/**
 * What to place: a task definition, how many copies, and the RunTask (or service) parameters that
 * steer placement. Immutable.
 *
 * <pre>{@code
 * PlacementRequest request = PlacementRequest.builder(taskDefinition)
 *     .count(3)
 *     .addPlacementStrategy(PlacementStrategy.builder().type(PlacementStrategyType.SPREAD)
 *         .field("attribute:ecs.availability-zone").build())
 *     .seed(42)
 *     .build();
 * PlacementRequest fromRunTask = PlacementRequest.fromRunTask(runTaskRequest, taskDefinition);
 * PlacementRequest forService = PlacementRequest.builder(taskDefinition).service("web").count(500).build();
 * }</pre>
 */
public final class PlacementRequest {

    /** Who asks: RunTask (count 1-10, default strategy random) or the service scheduler (any count, AZ spread). */
    public enum Scheduler {
        RUN_TASK,
        SERVICE
    }

    private final TaskDefinition taskDefinition;
    private final int count;
    private final Scheduler scheduler;
    private final @Nullable String serviceName;
    private final @Nullable LaunchType launchType;
    private final @Nullable ImmutableList<CapacityProviderStrategyItem> capacityProviderStrategy;
    private final ImmutableList<PlacementConstraint> placementConstraints;
    private final ImmutableList<PlacementStrategy> placementStrategy;
    private final @Nullable String group;
    private final @Nullable String startedBy;
    private final @Nullable NetworkConfiguration networkConfiguration;
    private final @Nullable TaskOverride overrides;
    private final long seed;

    private PlacementRequest(Builder b) {
        this.taskDefinition = Objects.requireNonNull(b.taskDefinition, "taskDefinition");
        this.count = b.count;
        this.scheduler = b.scheduler;
        this.serviceName = b.serviceName;
        this.launchType = b.launchType;
        this.capacityProviderStrategy =
                b.capacityProviderStrategy == null ? null : ImmutableList.copyOf(b.capacityProviderStrategy);
        this.placementConstraints = b.placementConstraints.build();
        this.placementStrategy = b.placementStrategy.build();
        this.group = b.group;
        this.startedBy = b.startedBy;
        this.networkConfiguration = b.networkConfiguration;
        this.overrides = b.overrides;
        this.seed = b.seed;
    }

    /** A builder for placing {@code taskDefinition}. */
    public static Builder builder(TaskDefinition taskDefinition) {
        return new Builder(taskDefinition);
    }

    /**
     * The request a RunTask call makes ({@code count} absent means 1, as the AWS CLI sends). The
     * request's {@code taskDefinition} member is not read: the definition is given. The count is
     * judged by {@link PlacementEngine#place(ClusterSnapshot, PlacementRequest)}, as ECS judges it.
     *
     * @throws NullPointerException if an argument is null
     */
    public static PlacementRequest fromRunTask(RunTaskRequest run, TaskDefinition taskDefinition) {
        Builder b = builder(taskDefinition)
                .count(run.count() == null ? 1 : run.count())
                .launchType(run.launchType())
                .capacityProviderStrategy(run.capacityProviderStrategy())
                .group(run.group())
                .startedBy(run.startedBy())
                .networkConfiguration(run.networkConfiguration())
                .overrides(run.overrides());
        if (run.placementConstraints() != null) {
            b.placementConstraints(run.placementConstraints());
        }
        if (run.placementStrategy() != null) {
            b.placementStrategy(run.placementStrategy());
        }
        return b.build();
    }

    public TaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public int count() {
        return count;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public @Nullable String serviceName() {
        return serviceName;
    }

    public @Nullable LaunchType launchType() {
        return launchType;
    }

    public @Nullable List<CapacityProviderStrategyItem> capacityProviderStrategy() {
        return capacityProviderStrategy;
    }

    public List<PlacementConstraint> placementConstraints() {
        return placementConstraints;
    }

    public List<PlacementStrategy> placementStrategy() {
        return placementStrategy;
    }

    /** The group as given (null: the default, see {@link #effectiveGroup()}). */
    public @Nullable String group() {
        return group;
    }

    /**
     * The task group the tasks join: {@code service:<name>} for a service, else the given group,
     * else {@code family:<family>} (docs/placement.md#task-groups).
     */
    public String effectiveGroup() {
        if (serviceName != null) {
            return "service:" + serviceName;
        }
        if (group != null) {
            return group;
        }
        return "family:" + taskDefinition.family();
    }

    public @Nullable String startedBy() {
        return startedBy;
    }

    public @Nullable NetworkConfiguration networkConfiguration() {
        return networkConfiguration;
    }

    public @Nullable TaskOverride overrides() {
        return overrides;
    }

    public long seed() {
        return seed;
    }

    public Builder toBuilder() {
        Builder b = new Builder(taskDefinition);
        b.count = count;
        b.scheduler = scheduler;
        b.serviceName = serviceName;
        b.launchType = launchType;
        b.capacityProviderStrategy = capacityProviderStrategy;
        b.placementConstraints.addAll(placementConstraints);
        b.placementStrategy.addAll(placementStrategy);
        b.group = group;
        b.startedBy = startedBy;
        b.networkConfiguration = networkConfiguration;
        b.overrides = overrides;
        b.seed = seed;
        return b;
    }

    @Override
    public String toString() {
        return "PlacementRequest[" + taskDefinition.family() + " x" + count + ", " + scheduler
                + (launchType != null ? ", " + launchType : "") + ", constraints=" + placementConstraints
                + ", strategy=" + placementStrategy + ", group=" + effectiveGroup() + ", seed=" + seed + "]";
    }

    /** Builds requests. */
    public static final class Builder {
        private final TaskDefinition taskDefinition;
        private int count = 1;
        private Scheduler scheduler = Scheduler.RUN_TASK;
        private @Nullable String serviceName;
        private @Nullable LaunchType launchType;
        private @Nullable List<CapacityProviderStrategyItem> capacityProviderStrategy;
        private ImmutableList.Builder<PlacementConstraint> placementConstraints = ImmutableList.builder();
        private ImmutableList.Builder<PlacementStrategy> placementStrategy = ImmutableList.builder();
        private @Nullable String group;
        private @Nullable String startedBy;
        private @Nullable NetworkConfiguration networkConfiguration;
        private @Nullable TaskOverride overrides;
        private long seed;

        private Builder(TaskDefinition taskDefinition) {
            this.taskDefinition = taskDefinition;
        }

        /** How many tasks (RunTask allows 1-10; the service scheduler any number). Default 1. */
        public Builder count(int count) {
            this.count = count;
            return this;
        }

        /** Places for the service scheduler: group {@code service:<name>}, default strategy AZ spread, any count. */
        public Builder service(String serviceName) {
            this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
            this.scheduler = Scheduler.SERVICE;
            return this;
        }

        public Builder launchType(@Nullable LaunchType launchType) {
            this.launchType = launchType;
            return this;
        }

        public Builder capacityProviderStrategy(@Nullable List<CapacityProviderStrategyItem> strategy) {
            this.capacityProviderStrategy = strategy;
            return this;
        }

        public Builder addPlacementConstraint(PlacementConstraint constraint) {
            placementConstraints.add(constraint);
            return this;
        }

        public Builder placementConstraints(List<PlacementConstraint> constraints) {
            placementConstraints = ImmutableList.<PlacementConstraint>builder().addAll(constraints);
            return this;
        }

        public Builder addPlacementStrategy(PlacementStrategy strategy) {
            placementStrategy.add(strategy);
            return this;
        }

        public Builder placementStrategy(List<PlacementStrategy> strategies) {
            placementStrategy = ImmutableList.<PlacementStrategy>builder().addAll(strategies);
            return this;
        }

        public Builder group(@Nullable String group) {
            this.group = group;
            return this;
        }

        public Builder startedBy(@Nullable String startedBy) {
            this.startedBy = startedBy;
            return this;
        }

        public Builder networkConfiguration(@Nullable NetworkConfiguration networkConfiguration) {
            this.networkConfiguration = networkConfiguration;
            return this;
        }

        /** Overrides of RunTask: task-level and container-level cpu, memory and GPUs change what is reserved. */
        public Builder overrides(@Nullable TaskOverride overrides) {
            this.overrides = overrides;
            return this;
        }

        /** The seed of every random choice (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public PlacementRequest build() {
            return new PlacementRequest(this);
        }
    }
}
