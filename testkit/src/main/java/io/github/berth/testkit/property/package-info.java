/**
 * The property-based testing engine: {@link io.github.berth.testkit.property.Gen} generators that
 * shrink by replaying a smaller record of their random choices, {@link
 * io.github.berth.testkit.property.Draw} for generators whose parts depend on each other, and the
 * {@link io.github.berth.testkit.property.Property} runner for JUnit 5 tests. Nothing here knows
 * ECS: the ECS generators are in {@link io.github.berth.testkit.generators}.
 */
package io.github.berth.testkit.property;
