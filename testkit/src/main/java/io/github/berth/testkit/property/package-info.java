/**
 * Property-based testing for ECS code: {@link io.github.berth.testkit.property.Gen} generators that
 * shrink by replaying a smaller record of their random choices, the
 * {@link io.github.berth.testkit.property.Property} runner for JUnit 5 tests, and
 * {@link io.github.berth.testkit.property.EcsGen}, generators of realistic ECS values (task
 * definitions, container instances, clusters with tasks) and of any Berth model type.
 */
package io.github.berth.testkit.property;
