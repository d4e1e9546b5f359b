/**
 * ECS cluster auto scaling: the managed scaling of an Auto Scaling group capacity provider. The
 * CapacityProviderReservation metric (M / N x 100 and its special cases), the instances ECS
 * estimates for tasks waiting in PROVISIONING, and the target tracking of targetCapacity with
 * minimum and maximum scaling step sizes and instance warm-up. Pure functions of their inputs.
 */
package io.github.berth.scaling.managed;
