/**
 * One request and one response type per ECS operation ({@code RunTaskRequest},
 * {@code RunTaskResponse}, ...), named and serialised as the ECS API names them. The placement
 * engine reads RunTask requests and answers RunTask responses; the fake control plane being built
 * in testkit is to take and return them too.
 */
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        overshadowImplementation = true,
        defaults = @Value.Immutable(copy = false))
package io.github.berth.core.api;

import org.immutables.value.Value;
