package io.github.berth.placement;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.github.berth.core.Nullable;
import io.github.berth.placement.query.Expression;
import java.util.List;

/**
 * A request that passed validation, in the terms the engine works with: what one task reserves,
 * the strategies bound to kinds, the constraints parsed, and the pools (launch type or capacity
 * providers) with how many tasks each gets.
 */
record PlacementPlan(
        PlacementRequest request,
        TaskRequirements requirements,
        String group,
        ImmutableList<StrategySpec> strategies,
        ImmutableList<Expression> memberOf,
        boolean distinctInstance,
        ImmutableList<String> subnets,
        ImmutableList<Pool> pools) {

    enum PoolKind {
        EC2,
        EXTERNAL,
        AUTO_SCALING_PROVIDER,
        FARGATE
    }

    /**
     * Tasks that go to one kind of capacity.
     *
     * @param capacityProvider the provider's name, or null for a launch type
     * @param count how many tasks of the request go here
     */
    record Pool(PoolKind kind, @Nullable String capacityProvider, int count) {}

    ImmutableSet<String> subnetSet() {
        return ImmutableSet.copyOf(subnets);
    }

    List<Pool> poolList() {
        return pools;
    }
}
