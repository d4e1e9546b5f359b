package io.github.berth.scaling;

import java.time.Instant;
import java.util.List;

/**
 * One step of a simulation: at {@code timestamp}, the metric datapoint of the step's period
 * ({@code NaN} when there is none), the capacity after that step's scaling, the scalable target's
 * bounds, and the descriptions of the scaling activities the step started.
 */
public record TimelineStep(
        Instant timestamp, double metric, int capacity, int minCapacity, int maxCapacity, List<String> activities) {

    public TimelineStep {
        activities = List.copyOf(activities);
    }
}
