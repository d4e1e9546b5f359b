package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.model.CapacityForecast;
import io.github.berth.scaling.model.PredictiveScalingMaxCapacityBreachBehavior;
import io.github.berth.scaling.model.PredictiveScalingMode;
import io.github.berth.scaling.model.PredictiveScalingPolicyConfiguration;
import java.time.Instant;
import java.util.List;

/**
 * A predictive scaling policy over a supplied capacity forecast (docs/scaling.md#predictive-scaling; API model
 * {@code PredictiveScalingPolicyConfiguration}).
 *
 * <ul>
 *   <li>{@code ForecastOnly} (the default) never scales; {@code ForecastAndScale} does.
 *   <li>[model] Forecast values are hourly: the value at T is the capacity for [T, T + 1 h), put
 *       in place SchedulingBufferTime (300 s when absent) before T. It acts as a floor: dynamic
 *       policies may add more but not go below it, as predictive and dynamic scaling combine by
 *       taking the larger capacity. A fractional forecast is rounded up.
 *   <li>{@code HonorMaxCapacity} (the default) caps the floor at MaxCapacity.
 *       {@code IncreaseMaxCapacity} lets it exceed MaxCapacity up to the forecast plus
 *       MaxCapacityBuffer percent of it (forecast 50, max 40, buffer 10: effective max 55).
 * </ul>
 */
public final class PredictiveScaling {

    /** SchedulingBufferTime when absent. */
    public static final int DEFAULT_SCHEDULING_BUFFER_SECONDS = 300;

    private static final long HOUR = 3_600;

    private PredictiveScaling() {}

    /**
     * The capacity floor predictive scaling keeps at one instant, and the maximum that applies with
     * it.
     *
     * @param capacity the floor (at least the target's MinCapacity)
     * @param maximum the effective maximum (MaxCapacity, or more with IncreaseMaxCapacity)
     * @param forecastTimestamp the forecast point in force
     */
    public record Floor(int capacity, int maximum, Instant forecastTimestamp) {}

    /**
     * The floor at {@code now}, or null when the policy does not scale (ForecastOnly) or no forecast
     * point is in force.
     */
    public static @Nullable Floor evaluate(
            PredictiveScalingPolicyConfiguration config,
            @Nullable CapacityForecast forecast,
            int minCapacity,
            int maxCapacity,
            Instant now) {
        if (!PredictiveScalingMode.FORECAST_AND_SCALE.equals(config.mode()) || forecast == null) {
            return null;
        }
        List<Instant> times = forecast.timestamps();
        List<Double> values = forecast.values();
        if (times == null || values == null) {
            return null;
        }
        int buffer = config.schedulingBufferTime() != null
                ? config.schedulingBufferTime()
                : DEFAULT_SCHEDULING_BUFFER_SECONDS;
        long launchAt = now.getEpochSecond() + buffer;
        int best = -1;
        for (int i = 0; i < Math.min(times.size(), values.size()); i++) {
            long t = times.get(i).getEpochSecond();
            if (t <= launchAt
                    && now.getEpochSecond() < t + HOUR
                    && (best < 0 || t > times.get(best).getEpochSecond())) {
                best = i;
            }
        }
        if (best < 0 || values.get(best) == null || !(values.get(best) >= 0)) {
            return null;
        }
        double forecastValue = values.get(best);
        int predicted = (int) Math.min(Integer.MAX_VALUE, Math.ceil(forecastValue - 1e-9 * Math.max(1, forecastValue)));
        int maximum = maxCapacity;
        if (PredictiveScalingMaxCapacityBreachBehavior.INCREASE_MAX_CAPACITY.equals(
                config.maxCapacityBreachBehavior())) {
            int bufferPercent = config.maxCapacityBuffer() != null ? config.maxCapacityBuffer() : 0;
            double withBuffer = forecastValue * (100 + bufferPercent) / 100;
            maximum = Math.max(maxCapacity, (int)
                    Math.min(Integer.MAX_VALUE, Math.ceil(withBuffer - 1e-9 * Math.max(1, withBuffer))));
        }
        int floor = Math.max(minCapacity, Math.min(predicted, maximum));
        return new Floor(floor, maximum, times.get(best));
    }
}
