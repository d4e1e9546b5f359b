/**
 * Berth's core: the ECS resource model ({@code model}, {@code api}), its wire JSON ({@code json}),
 * validation ({@code validation}), ARNs and ids ({@code arn}) and errors ({@code error}). Pure
 * library code: no threads, no clocks, no I/O but JSON text.
 */
package io.github.berth.core;
