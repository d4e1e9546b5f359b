package io.github.berth.placement;

import io.github.berth.core.Nullable;

/**
 * A validated strategy: {@code binpack} on cpu or memory, {@code spread} on the instance or an
 * attribute, or {@code random}. Bound to a request's state by {@link PlacementState#rule}.
 */
record StrategySpec(Kind kind, @Nullable String attribute) {

    enum Kind {
        BINPACK_CPU,
        BINPACK_MEMORY,
        SPREAD_INSTANCE,
        SPREAD_ATTRIBUTE,
        RANDOM
    }

    static final String AVAILABILITY_ZONE = "ecs.availability-zone";

    static StrategySpec of(Kind kind) {
        return new StrategySpec(kind, null);
    }

    static StrategySpec spread(String attribute) {
        return new StrategySpec(Kind.SPREAD_ATTRIBUTE, attribute);
    }
}
