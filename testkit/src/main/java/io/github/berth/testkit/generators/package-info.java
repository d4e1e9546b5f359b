/**
 * Generators of ECS values for property-based tests, built on the engine of
 * {@link io.github.berth.testkit.property}: {@link io.github.berth.testkit.generators.EcsGen} makes
 * realistic task definitions (valid for EC2, Fargate and external instances, and deliberately invalid
 * ones with the error ECS answers), container instances, clusters with tasks, placement requests,
 * scalable targets and policies, and any Berth model type; {@link
 * io.github.berth.testkit.generators.PlacementGen} and {@link
 * io.github.berth.testkit.generators.ScalingGen} make whole placement and scaling scenarios.
 */
package io.github.berth.testkit.generators;
