/**
 * The Amazon ECS resources as immutable values: clusters, container instances, task definitions
 * and their containers, tasks, services and deployments, capacity providers, and their parts. Types
 * and members carry the names of the ECS API shapes, and serialise to its wire JSON through
 * {@link io.github.berth.core.json.EcsJson}.
 *
 * <p>Every member may be absent ({@code null}), as on the wire: a value holds whatever was read, and
 * whether ECS would accept it is the job of {@link io.github.berth.core.validation}. Enums are
 * {@link io.github.berth.core.model.OpenEnum open}: a value this version does not know is kept.
 */
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = false))
package io.github.berth.core.model;

import org.immutables.value.Value;
