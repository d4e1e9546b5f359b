/**
 * Where ECS puts tasks: {@code PlacementEngine.place(ClusterSnapshot, PlacementRequest)} runs the
 * filters (agent, status, attributes, CPU, memory, GPU, ports, ENIs), the constraints
 * ({@code distinctInstance}, {@code memberOf} with the cluster query language) and the strategies
 * (binpack, spread, random) in ECS's order, and answers with placements and ECS-shaped failures.
 */
package io.github.berth.placement;
