package io.github.berth.scaling.managed;

import io.github.berth.core.Nullable;

/**
 * What managed scaling looks at, once a minute.
 *
 * @param runningInstances N: the instances of the Auto Scaling group running for the provider
 * @param busyInstances the instances running at least one task that is not a daemon task
 * @param provisioningInstances the instances ECS estimates the PROVISIONING tasks need (see
 *     {@link CapacityProviderScaling#estimateInstances}); 0 when none wait or none fits
 * @param desiredCapacity the group's current desired capacity
 * @param minSize the group's MinSize (ECS never changes it)
 * @param maxSize the group's MaxSize (ECS never changes it)
 * @param youngestInstanceLaunch when the newest instance launched (epoch second), or null
 * @param lowMinutes the consecutive minutes CapacityProviderReservation has been below target
 */
public record ManagedScalingState(
        int runningInstances,
        int busyInstances,
        int provisioningInstances,
        int desiredCapacity,
        int minSize,
        int maxSize,
        @Nullable Long youngestInstanceLaunch,
        int lowMinutes) {}
