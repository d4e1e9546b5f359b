package io.github.berth.scaling;

import java.time.Instant;

/**
 * A metric that depends on the capacity the simulation has reached, for "load divided by tasks"
 * models: {@code (t, tasks) -> requests(t) / tasks}. Return {@code NaN} for no datapoint (an ECS
 * service with no running task publishes no CPU or memory utilization).
 */
@FunctionalInterface
public interface CapacityMetric {

    /** The sample at {@code time} while {@code capacity} tasks run. */
    double value(Instant time, int capacity);
}
