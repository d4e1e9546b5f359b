package io.github.berth.testkit.property;

/** Two values, as {@link Gen#tuples(Gen, Gen)} makes them. */
public record Tuple2<A, B>(A first, B second) {}
