/**
 * Whether Application Auto Scaling would accept a request: the rules the service applies to
 * RegisterScalableTarget, PutScalingPolicy and PutScheduledAction (step intervals, adjustment
 * types, capacities, schedules) and the constraints of its API model, each violation with its
 * JSON path, error code and the service's message.
 */
package io.github.berth.scaling.validation;
