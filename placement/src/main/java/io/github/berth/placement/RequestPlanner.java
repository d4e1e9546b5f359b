package io.github.berth.placement;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TaskDefinitionPlacementConstraintType;
import io.github.berth.core.model.TaskDefinitionStatus;
import io.github.berth.core.validation.JsonPath;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a request as ECS would before placing anything, and turns it into a {@link PlacementPlan}. */
final class RequestPlanner {

    static final String FARGATE = "FARGATE";
    static final String FARGATE_SPOT = "FARGATE_SPOT";

    private RequestPlanner() {}

    static PlacementPlan plan(ClusterSnapshot snapshot, PlacementRequest request) {
        int count = request.count();
        boolean runTask = request.scheduler() == PlacementRequest.Scheduler.RUN_TASK;
        if (count < (runTask ? 1 : 0) || (runTask && count > PlacementErrors.MAX_RUN_TASK_COUNT)) {
            throw PlacementErrors.count(count, runTask);
        }
        TaskDefinition td = request.taskDefinition();
        if (TaskDefinitionStatus.INACTIVE.equals(td.status())) {
            throw PlacementErrors.inactiveTaskDefinition();
        }
        if (request.launchType() != null && !request.launchType().isKnown()) {
            throw PlacementErrors.unknownEnum(
                    JsonPath.root().child("launchType"), request.launchType().value(), LaunchType.knownValues());
        }
        List<CapacityProviderStrategyItem> cps = request.capacityProviderStrategy();
        boolean hasCps = cps != null && !cps.isEmpty();
        if (request.launchType() != null && hasCps) {
            throw PlacementErrors.launchTypeAndStrategy();
        }
        String group = request.effectiveGroup();
        List<PlacementPlan.Pool> pools = pools(snapshot, request, group);
        boolean fargate = pools.stream().anyMatch(p -> p.kind() == PlacementPlan.PoolKind.FARGATE);
        if (fargate) {
            if (!request.placementConstraints().isEmpty()) {
                throw PlacementErrors.fargateConstraints();
            }
            if (!request.placementStrategy().isEmpty()) {
                throw PlacementErrors.fargateStrategies();
            }
            if (td.placementConstraints() != null && !td.placementConstraints().isEmpty()) {
                throw PlacementErrors.fargateTaskDefinitionConstraints();
            }
            // [model] docs/task-definitions.md#compatibilities: a definition is Fargate-compatible only when ECS said
            // so
            // (compatibilities, in a DescribeTaskDefinition output) or it asked for it
            // (requiresCompatibilities, in a RegisterTaskDefinition input); with neither it is not.
            List<Compatibility> compat =
                    td.compatibilities() != null ? td.compatibilities() : td.requiresCompatibilities();
            if (compat == null || !compat.contains(Compatibility.FARGATE)) {
                throw PlacementErrors.noFargateSupport();
            }
        }
        ImmutableList<StrategySpec> strategies = fargate ? ImmutableList.of() : strategies(request);
        List<Expression> memberOf = new ArrayList<>();
        boolean distinct = constraints(request, td, memberOf);
        TaskRequirements requirements = TaskRequirements.of(td, request.overrides());
        ImmutableList<String> subnets = network(request, requirements, fargate);
        boolean needsInstances = pools.stream()
                .anyMatch(p -> p.kind() == PlacementPlan.PoolKind.EC2 || p.kind() == PlacementPlan.PoolKind.EXTERNAL);
        if (needsInstances && snapshot.size() == 0 && count > 0) {
            throw PlacementErrors.noContainerInstances();
        }
        return new PlacementPlan(
                request,
                requirements,
                group,
                strategies,
                ImmutableList.copyOf(memberOf),
                distinct,
                subnets,
                ImmutableList.copyOf(pools));
    }

    private static List<PlacementPlan.Pool> pools(ClusterSnapshot snapshot, PlacementRequest request, String group) {
        int count = request.count();
        List<CapacityProviderStrategyItem> cps = request.capacityProviderStrategy();
        if (cps == null || cps.isEmpty()) {
            LaunchType lt = request.launchType();
            if (LaunchType.FARGATE.equals(lt)) {
                return List.of(new PlacementPlan.Pool(PlacementPlan.PoolKind.FARGATE, null, count));
            }
            if (LaunchType.EXTERNAL.equals(lt)) {
                return List.of(new PlacementPlan.Pool(PlacementPlan.PoolKind.EXTERNAL, null, count));
            }
            // [unsure] docs/placement.md#defaults: with neither a launch type nor a strategy, ECS falls back to EC2.
            return List.of(new PlacementPlan.Pool(PlacementPlan.PoolKind.EC2, null, count));
        }
        boolean anyFargate = false;
        boolean anyAsg = false;
        for (CapacityProviderStrategyItem item : cps) {
            boolean f = FARGATE.equals(item.capacityProvider()) || FARGATE_SPOT.equals(item.capacityProvider());
            anyFargate |= f;
            anyAsg |= !f;
        }
        if (anyFargate && anyAsg) {
            throw PlacementErrors.mixedProviders();
        }
        Map<String, Integer> running = snapshot.tasksPerProvider.getOrDefault(group, ImmutableMap.of());
        Map<String, Integer> split = CapacityProviderStrategies.split(cps, count, running);
        List<PlacementPlan.Pool> pools = new ArrayList<>();
        PlacementPlan.PoolKind kind =
                anyFargate ? PlacementPlan.PoolKind.FARGATE : PlacementPlan.PoolKind.AUTO_SCALING_PROVIDER;
        split.forEach((provider, n) -> {
            if (n > 0) {
                pools.add(new PlacementPlan.Pool(kind, provider, n));
            }
        });
        return pools;
    }

    private static ImmutableList<StrategySpec> strategies(PlacementRequest request) {
        List<PlacementStrategy> given = request.placementStrategy();
        if (given.size() > PlacementErrors.MAX_STRATEGIES) {
            throw PlacementErrors.tooManyStrategies(given.size());
        }
        List<StrategySpec> specs = new ArrayList<>();
        for (int k = 0; k < given.size(); k++) {
            PlacementStrategy s = given.get(k);
            JsonPath path = JsonPath.root().child("placementStrategy").index(k);
            if (s.type() == null) {
                throw PlacementErrors.required(path.child("type"));
            }
            if (!s.type().isKnown()) {
                throw PlacementErrors.unknownEnum(
                        path.child("type"), s.type().value(), PlacementStrategyType.knownValues());
            }
            specs.add(spec(s));
        }
        if (specs.isEmpty()) {
            // Defaults, docs/placement.md#defaults: RunTask places at random; a service spreads over AZs, then
            // favours the instance with the fewest tasks of the service (UpdateService API text).
            if (request.scheduler() == PlacementRequest.Scheduler.SERVICE) {
                specs.add(StrategySpec.spread(StrategySpec.AVAILABILITY_ZONE));
                specs.add(StrategySpec.of(StrategySpec.Kind.SPREAD_INSTANCE));
            } else {
                specs.add(StrategySpec.of(StrategySpec.Kind.RANDOM));
            }
        }
        // A strategy after random never decides (random leaves no ties), and a repeated one never
        // breaks a tie the first left: both are dropped without changing the result.
        List<StrategySpec> normalized = new ArrayList<>();
        for (StrategySpec s : specs) {
            if (!normalized.contains(s)) {
                normalized.add(s);
            }
            if (s.kind() == StrategySpec.Kind.RANDOM) {
                break;
            }
        }
        return ImmutableList.copyOf(normalized);
    }

    private static StrategySpec spec(PlacementStrategy s) {
        String field = s.field();
        if (PlacementStrategyType.RANDOM.equals(s.type())) {
            return StrategySpec.of(StrategySpec.Kind.RANDOM); // "field is not used" (API)
        }
        String f = field == null ? "" : field.trim();
        if (PlacementStrategyType.BINPACK.equals(s.type())) {
            // [obs] ECS accepts MEMORY as well as memory (ansible-collections/community.aws#1601 ran it against AWS).
            switch (f.toLowerCase(Locale.ROOT)) {
                case "cpu":
                    return StrategySpec.of(StrategySpec.Kind.BINPACK_CPU);
                case "memory":
                    return StrategySpec.of(StrategySpec.Kind.BINPACK_MEMORY);
                default:
                    throw PlacementErrors.binpackField(f);
            }
        }
        if (f.equalsIgnoreCase("instanceId") || f.equalsIgnoreCase("host")) {
            return StrategySpec.of(StrategySpec.Kind.SPREAD_INSTANCE);
        }
        if (f.startsWith("attribute:") && f.length() > "attribute:".length()) {
            return StrategySpec.spread(f.substring("attribute:".length()));
        }
        throw PlacementErrors.spreadField(f);
    }

    /** Parses the constraints of the request and the task definition; returns whether distinctInstance is among them. */
    private static boolean constraints(PlacementRequest request, TaskDefinition td, List<Expression> memberOf) {
        List<TaskDefinitionPlacementConstraint> fromTd =
                td.placementConstraints() == null ? List.of() : td.placementConstraints();
        int total = fromTd.size() + request.placementConstraints().size();
        if (total > PlacementErrors.MAX_CONSTRAINTS) {
            throw PlacementErrors.tooManyConstraints(total);
        }
        boolean distinct = false;
        for (int k = 0; k < fromTd.size(); k++) {
            TaskDefinitionPlacementConstraint c = fromTd.get(k);
            JsonPath path = JsonPath.root()
                    .child("taskDefinition")
                    .child("placementConstraints")
                    .index(k);
            if (c.type() == null) {
                throw PlacementErrors.required(path.child("type"));
            }
            if ("distinctInstance".equals(c.type().value())) {
                throw PlacementErrors.distinctInstanceInTaskDefinition();
            }
            if (!TaskDefinitionPlacementConstraintType.MEMBER_OF.equals(c.type())) {
                throw PlacementErrors.unknownEnum(
                        path.child("type"), c.type().value(), TaskDefinitionPlacementConstraintType.knownValues());
            }
            memberOf.add(expression(c.expression(), path.child("expression")));
        }
        for (int k = 0; k < request.placementConstraints().size(); k++) {
            PlacementConstraint c = request.placementConstraints().get(k);
            JsonPath path = JsonPath.root().child("placementConstraints").index(k);
            if (c.type() == null) {
                throw PlacementErrors.required(path.child("type"));
            }
            if (PlacementConstraintType.DISTINCT_INSTANCE.equals(c.type())) {
                if (c.expression() != null) {
                    throw PlacementErrors.distinctInstanceExpression();
                }
                distinct = true;
            } else if (PlacementConstraintType.MEMBER_OF.equals(c.type())) {
                memberOf.add(expression(c.expression(), path.child("expression")));
            } else {
                throw PlacementErrors.unknownEnum(
                        path.child("type"), c.type().value(), PlacementConstraintType.knownValues());
            }
        }
        return distinct;
    }

    private static Expression expression(@Nullable String text, JsonPath path) {
        if (text == null || text.isBlank()) {
            throw PlacementErrors.memberOfWithoutExpression();
        }
        if (text.length() > ClusterQuery.MAX_EXPRESSION_LENGTH) {
            throw PlacementErrors.expressionTooLong(path, text);
        }
        return ClusterQuery.parse(text); // a QuerySyntaxException is an InvalidParameterException
    }

    private static ImmutableList<String> network(PlacementRequest request, TaskRequirements req, boolean fargate) {
        AwsVpcConfiguration vpc = request.networkConfiguration() == null
                ? null
                : request.networkConfiguration().awsvpcConfiguration();
        if (!req.awsvpc && !fargate) {
            if (vpc != null) {
                throw PlacementErrors.networkConfigurationNotValid();
            }
            return ImmutableList.of();
        }
        if (vpc == null) {
            throw PlacementErrors.networkConfigurationRequired();
        }
        List<String> subnets = vpc.subnets() == null ? List.of() : vpc.subnets();
        if (subnets.isEmpty()) {
            throw PlacementErrors.subnetsRequired();
        }
        if (subnets.size() > PlacementErrors.MAX_SUBNETS) {
            throw PlacementErrors.tooManySubnets(subnets.size());
        }
        Map<String, Boolean> distinct = new LinkedHashMap<>();
        subnets.forEach(s -> distinct.put(s, true));
        return ImmutableList.copyOf(distinct.keySet());
    }
}
