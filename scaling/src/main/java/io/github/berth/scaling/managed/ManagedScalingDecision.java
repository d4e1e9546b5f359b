package io.github.berth.scaling.managed;

/**
 * One minute of managed scaling.
 *
 * @param reservation the CapacityProviderReservation published
 * @param instancesNeeded M
 * @param desiredCapacity the group's desired capacity afterwards (unchanged when nothing happens)
 * @param lowMinutes the consecutive minutes below target, this one included
 * @param reason why the capacity changed or did not
 */
public record ManagedScalingDecision(
        double reservation, int instancesNeeded, int desiredCapacity, int lowMinutes, String reason) {}
