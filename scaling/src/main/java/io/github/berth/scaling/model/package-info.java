/**
 * The Application Auto Scaling API as immutable values: scalable targets, scaling policies (target
 * tracking, step, predictive), scheduled actions, scaling activities, and the request and response
 * of each operation. Named and serialised as the service's API model names them; read and written
 * with {@link io.github.berth.scaling.model.AutoScalingJson} (the same mapper as
 * {@code io.github.berth.core.json.EcsJson}).
 */
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = false))
package io.github.berth.scaling.model;

import org.immutables.value.Value;
