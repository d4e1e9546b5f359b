/**
 * One request and one response type per ECS operation ({@code RunTaskRequest},
 * {@code RunTaskResponse}, ...), named and serialised as the ECS API names them. The fake control
 * plane takes and returns these; so does its wire server.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = false))
package io.github.berth.core.api;

import org.immutables.value.Value;
