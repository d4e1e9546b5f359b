package io.github.berth.testkit.generators;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.query.Expression;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Tuple2;
import java.time.Instant;
import java.util.List;

/**
 * Generators of realistic ECS values, the one entry point for property tests of ECS code:
 *
 * <pre>{@code
 * Property.forAll(EcsGen.fargateTaskDefinitions()).check(td -> myPipeline.register(td));
 * Property.forAll(EcsGen.clusters()).check(cluster -> assertThat(myDeployer.plan(cluster)).fitsIn(cluster));
 * }</pre>
 *
 * <p>Task definitions are RegisterTaskDefinition requests that ECS accepts (
 * docs/task-definitions.md): 1-10 containers with port mappings (static, dynamic, ranges, UDP),
 * health checks, secrets, environment, log configuration, volumes and mount points, dependencies,
 * GPU requirements, each where its launch type, operating system and network mode allow it.
 * Container instances and clusters are as DescribeContainerInstances and DescribeTasks show them.
 * Every generator shrinks: a failing property reports a small task definition or cluster.
 *
 * <p>Placement inputs (cluster query language expressions as text and as values, constraints,
 * strategies, whole requests) and scaling inputs (scalable targets, target tracking and step
 * policies, scheduled actions, cron expressions, metric series) are here too; {@link PlacementGen}
 * and {@link ScalingGen} hold them, with more specialised generators.
 */
public final class EcsGen {

    private EcsGen() {}

    /** Valid task definitions for EC2, Fargate or EXTERNAL (ECS Anywhere), Linux or Windows. */
    public static Gen<RegisterTaskDefinitionRequest> taskDefinitions() {
        return Gen.frequency(
                Gen.weighted(2, ec2TaskDefinitions()),
                Gen.weighted(2, fargateTaskDefinitions()),
                Gen.weighted(1, externalTaskDefinitions()));
    }

    /**
     * Valid task definitions for one launch type: {@code EC2}, {@code FARGATE} or {@code EXTERNAL}
     * ({@code MANAGED_INSTANCES} is not generated yet).
     */
    public static Gen<RegisterTaskDefinitionRequest> taskDefinitions(Compatibility launchType) {
        if (!launchType.equals(Compatibility.EC2)
                && !launchType.equals(Compatibility.FARGATE)
                && !launchType.equals(Compatibility.EXTERNAL)) {
            throw new IllegalArgumentException(
                    "no generator of task definitions for " + launchType + " (EC2, FARGATE and EXTERNAL have one)");
        }
        return TaskDefinitionGen.valid(launchType, null, true);
    }

    /** Valid EC2 task definitions: every network mode on Linux; default or awsvpc on Windows; GPUs. */
    public static Gen<RegisterTaskDefinitionRequest> ec2TaskDefinitions() {
        return taskDefinitions(Compatibility.EC2);
    }

    /** Valid Fargate task definitions: awsvpc, every size of the Fargate table, Linux (x86_64, ARM64) and Windows. */
    public static Gen<RegisterTaskDefinitionRequest> fargateTaskDefinitions() {
        return taskDefinitions(Compatibility.FARGATE);
    }

    /** Valid Fargate task definitions for one operating system. */
    public static Gen<RegisterTaskDefinitionRequest> fargateTaskDefinitions(boolean windows) {
        return TaskDefinitionGen.valid(Compatibility.FARGATE, windows, true);
    }

    /** Valid EXTERNAL (ECS Anywhere) task definitions: Linux, bridge, host or none network mode. */
    public static Gen<RegisterTaskDefinitionRequest> externalTaskDefinitions() {
        return taskDefinitions(Compatibility.EXTERNAL);
    }

    /**
     * Task definitions that break exactly one named rule of ECS, each with the violation (path,
     * error code, ECS's message) that validation must report, and nothing else.
     */
    public static Gen<InvalidTaskDefinition> invalidTaskDefinitions() {
        return InvalidTaskDefinitionGen.any();
    }

    /** Task definitions that break the one rule named (one of {@link #invalidTaskDefinitionRules()}). */
    public static Gen<InvalidTaskDefinition> invalidTaskDefinitions(String rule) {
        Gen<InvalidTaskDefinition> gen = InvalidTaskDefinitionGen.BY_RULE.get(rule);
        if (gen == null) {
            throw new IllegalArgumentException("no rule '" + rule + "'; the rules are " + invalidTaskDefinitionRules());
        }
        return gen;
    }

    /** The names of the rules {@link #invalidTaskDefinitions()} breaks, e.g. {@code fargate-only-awsvpc}. */
    public static List<String> invalidTaskDefinitionRules() {
        return List.copyOf(InvalidTaskDefinitionGen.BY_RULE.keySet());
    }

    /** The EC2 instance types Berth knows (core.ec2.InstanceTypes), shrinking to the first. */
    public static Gen<InstanceType> instanceTypes() {
        return Gen.elements(List.copyOf(ContainerInstanceGen.TYPES));
    }

    /**
     * Container instances of real instance types, with no tasks on them (remaining resources equal the
     * registered ones): CPU, MEMORY, PORTS, PORTS_UDP and, on GPU types, GPU as the agent registers
     * them; the built-in and capability attributes and up to 10 custom ones; AZ, agent version and
     * connection, status.
     */
    public static Gen<ContainerInstance> containerInstances() {
        return ClusterGen.containerInstances();
    }

    /** Clusters of 1-10 container instances over 1-6 AZs, with tasks of up to 4 task definitions on them. */
    public static Gen<ClusterState> clusters() {
        return ClusterGen.clusters();
    }

    /**
     * Any value of a Berth model type ({@code core.model}, {@code core.api}, the Application Auto
     * Scaling model): every member absent or of any value its type allows, nested types to a bounded
     * depth. For properties of the model itself (the JSON round trip); such values are not valid
     * requests.
     */
    public static <T> Gen<T> any(Class<T> type) {
        return ModelGen.of(type);
    }

    // ------------------------------------------------------------------ placement

    /** Cluster query language expressions: every subject and operator, values quoted and not. */
    public static Gen<Expression> clusterQueries() {
        return PlacementGen.expressions();
    }

    /** Cluster query language expressions as text (in any spelling ECS accepts) with the value they parse to. */
    public static Gen<Tuple2<String, Expression>> clusterQueryTexts() {
        return PlacementGen.expressionTexts();
    }

    /** Up to five placement strategies (binpack, spread, random) with their fields. */
    public static Gen<List<PlacementStrategy>> placementStrategies() {
        return PlacementGen.strategies();
    }

    /** Placement constraints for a cluster: memberOf over its attributes and groups, distinctInstance. */
    public static Gen<List<PlacementConstraint>> placementConstraints(ClusterState cluster) {
        return PlacementGen.constraints(cluster);
    }

    /** Placement requests fitted to a cluster: task definition, count, constraints, strategies, seed. */
    public static Gen<PlacementRequest> placementRequests(ClusterState cluster) {
        return PlacementGen.requests(cluster);
    }

    // ------------------------------------------------------------------ scaling

    /** RegisterScalableTarget requests for an ECS service. */
    public static Gen<RegisterScalableTargetRequest> scalableTargets() {
        return ScalingGen.scalableTargets();
    }

    /** Target tracking PutScalingPolicy requests named {@code name}. */
    public static Gen<PutScalingPolicyRequest> targetTrackingPolicies(String name) {
        return ScalingGen.targetTrackingPolicies(name);
    }

    /** Step scaling PutScalingPolicy requests named {@code name}, with the alarm that drives each. */
    public static Gen<Tuple2<PutScalingPolicyRequest, AlarmSpec>> stepPolicies(String name) {
        return ScalingGen.stepPolicies(name);
    }

    /** PutScheduledAction requests named {@code name} (at, rate and cron schedules, zones, bounds). */
    public static Gen<PutScheduledActionRequest> scheduledActions(String name, Instant createdAt) {
        return ScalingGen.scheduledActions(name, createdAt);
    }

    /** Valid six-field AWS cron expressions. */
    public static Gen<String> cronExpressions() {
        return ScalingGen.cronExpressions();
    }

    /** Minute samples of a utilization-like metric, {@code minutes} long (flat, walks, waves, spikes, gaps). */
    public static Gen<double[]> metricValues(int minutes) {
        return ScalingGen.metricValues(minutes);
    }
}
