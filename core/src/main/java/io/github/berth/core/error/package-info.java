/**
 * One exception type per error code of the Amazon ECS API, each knowing its wire {@code __type} and
 * HTTP status, so that code handling real ECS errors handles Berth's unchanged. Application Auto
 * Scaling's errors live in {@link io.github.berth.core.error.autoscaling}.
 */
package io.github.berth.core.error;
