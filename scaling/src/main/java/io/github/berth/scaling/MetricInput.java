package io.github.berth.scaling;

import java.util.Objects;

/** What a {@link ScalingSimulator}'s policy reads: a recorded series, or a metric of the simulated capacity. */
sealed interface MetricInput {

    /** How a simulation reads this input; each kind says it itself, so a new kind cannot be forgotten. */
    SimulationRun.MetricSource source();

    /** A recorded metric series. */
    record Recorded(io.github.berth.scaling.alarm.MetricSeries series) implements MetricInput {
        public Recorded {
            Objects.requireNonNull(series, "series");
        }

        @Override
        public SimulationRun.MetricSource source() {
            return new SimulationRun.MetricSource(series, null);
        }
    }

    /** A metric computed from the simulated capacity, sampled once a step. */
    record OfCapacity(CapacityMetric metric) implements MetricInput {
        public OfCapacity {
            Objects.requireNonNull(metric, "metric");
        }

        @Override
        public SimulationRun.MetricSource source() {
            return new SimulationRun.MetricSource(null, metric);
        }
    }
}
