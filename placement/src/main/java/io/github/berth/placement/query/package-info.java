/**
 * The cluster query language of ECS: {@link io.github.berth.placement.query.ClusterQuery#parse} turns
 * an expression such as {@code attribute:ecs.instance-type =~ t2.* and not(task:group == db)} into an
 * {@link io.github.berth.placement.query.Expression}, which prints back canonically and evaluates
 * against any {@link io.github.berth.placement.query.QueryTarget}. Used by {@code memberOf} constraints
 * and usable alone for the {@code filter} of ListContainerInstances.
 */
package io.github.berth.placement.query;
