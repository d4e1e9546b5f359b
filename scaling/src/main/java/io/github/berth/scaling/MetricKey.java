package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.model.CustomizedMetricSpecification;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.util.Objects;

/**
 * Which metric an alarm reads: what a caller of {@link ScalableTargetEvaluator} supplies datapoints
 * for. A target tracking policy reads its predefined metric (for ECS:
 * {@code ECSServiceAverageCPUUtilization}, {@code ECSServiceAverageMemoryUtilization},
 * {@code ALBRequestCountPerTarget} with its ResourceLabel) or its customized metric; a step
 * scaling policy reads the metric of the CloudWatch alarm whose action it is, named here by the
 * alarm's name.
 */
public sealed interface MetricKey {

    /** {@code ECSServiceAverageCPUUtilization}: the service's CPUUtilization. */
    MetricKey ECS_CPU = new Predefined(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, null);

    /** {@code ECSServiceAverageMemoryUtilization}: the service's MemoryUtilization. */
    MetricKey ECS_MEMORY = new Predefined(MetricType.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION, null);

    /** A predefined metric ({@code PredefinedMetricSpecification}). */
    record Predefined(MetricType metricType, @Nullable String resourceLabel) implements MetricKey {
        public Predefined {
            Objects.requireNonNull(metricType, "metricType");
        }
    }

    /** A customized metric ({@code CustomizedMetricSpecification}), compared member by member. */
    record Customized(CustomizedMetricSpecification specification) implements MetricKey {
        public Customized {
            Objects.requireNonNull(specification, "specification");
        }
    }

    /** The metric of the CloudWatch alarm {@code alarmName} (the alarm of a step scaling policy). */
    record OfAlarm(String alarmName) implements MetricKey {
        public OfAlarm {
            Objects.requireNonNull(alarmName, "alarmName");
        }
    }

    /** {@code ALBRequestCountPerTarget} of one target group ({@code app/<lb>/<id>/targetgroup/<tg>/<id>}). */
    static MetricKey albRequestCountPerTarget(String resourceLabel) {
        return new Predefined(MetricType.ALB_REQUEST_COUNT_PER_TARGET, Objects.requireNonNull(resourceLabel));
    }

    /**
     * The metric a target tracking policy tracks: its predefined metric, else its customized one.
     *
     * @throws IllegalArgumentException if the configuration names neither
     */
    static MetricKey of(TargetTrackingScalingPolicyConfiguration config) {
        PredefinedMetricSpecification p = config.predefinedMetricSpecification();
        if (p != null && p.predefinedMetricType() != null) {
            return new Predefined(p.predefinedMetricType(), p.resourceLabel());
        }
        CustomizedMetricSpecification c = config.customizedMetricSpecification();
        if (c != null) {
            return new Customized(c);
        }
        throw new IllegalArgumentException(
                "TargetTrackingScalingPolicyConfiguration names no metric: give PredefinedMetricSpecification or CustomizedMetricSpecification");
    }
}
