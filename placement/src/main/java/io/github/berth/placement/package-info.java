/**
 * Where ECS puts tasks: {@code PlacementEngine.place(ClusterSnapshot, PlacementRequest)} runs the
 * filters (agent, status, attributes, CPU, memory, GPU, ports, ENIs), the constraints
 * ({@code distinctInstance}, {@code memberOf} with the cluster query language) and the strategies
 * (binpack, spread, random) in ECS's order, and answers with placements and ECS-shaped failures.
 *
 * <p><b>Adding a constraint</b> (or any check of an instance): one class and one registration.
 * <ol>
 *   <li>A record implementing {@code InstanceFilter}: {@code accepts(instance)}, its
 *       {@code reason()} (a {@code FailureReason} constant, added in the enum where its precedence
 *       falls, with ECS's text), and {@code dependsOnlyOnItsInstance()}.
 *   <li>One line in {@code FilterChain.filtersFor}, e.g.
 *       {@code if (plan.distinctInstance()) list.add(new InstanceFilter.DistinctInstance(st));}.
 * </ol>
 * Where the check runs is not up to the line's place: {@code FilterChain} sorts the filters by
 * their reason, and refuses one that reads other instances (it rechecks only the instance a task
 * went to) or reports a request-level reason.
 *
 * <p><b>Adding a strategy</b>: one class and one registration.
 * <ol>
 *   <li>A class implementing {@code StrategyRule}: {@code key(instance, task)} (lower is better),
 *       {@code maxKey(pool, tasks)} (the bound of its keys, or {@code UNBOUNDED}),
 *       {@code perInstance()} and, if it counts placements, {@code placed(instance)}; see
 *       {@code StrategyRule.SpreadInstance}.
 *   <li>A {@code StrategySpec.Kind} constant and its case in {@code PlacementState.rule}, e.g.
 *       {@code case SPREAD_INSTANCE -> new StrategyRule.SpreadInstance(groupCount);} (the switch has
 *       no default, so a kind without a rule does not compile), with the wire
 *       {@code type}/{@code field} that selects it in {@code RequestPlanner.spec}.
 * </ol>
 * {@code HeapRanker} packs a per-instance rule's key into a field sized from {@code maxKey} and
 * throws if a key leaves that bound; strategies with a rule whose keys do not fit (unbounded,
 * unsigned, or per bucket of instances after a per-instance rule) are ranked by {@code ScanRanker},
 * which gives the same answers.
 */
package io.github.berth.placement;
