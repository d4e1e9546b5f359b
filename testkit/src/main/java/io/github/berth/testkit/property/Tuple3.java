package io.github.berth.testkit.property;

/** Three values, as {@link Gen#tuples(Gen, Gen, Gen)} makes them. */
public record Tuple3<A, B, C>(A first, B second, C third) {}
