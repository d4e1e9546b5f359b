package io.github.berth.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.scaling.model.CapacityForecast;
import io.github.berth.scaling.model.PredictiveScalingMaxCapacityBreachBehavior;
import io.github.berth.scaling.model.PredictiveScalingMode;
import io.github.berth.scaling.model.PredictiveScalingPolicyConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictiveScalingTest {

    private static final Instant H10 = Instant.parse("2024-03-04T10:00:00Z");
    private static final CapacityForecast FORECAST = CapacityForecast.builder()
            .timestamps(List.of(H10, H10.plusSeconds(3600), H10.plusSeconds(7200)))
            .values(List.of(4.0, 12.2, 50.0))
            .build();

    private static PredictiveScalingPolicyConfiguration scale() {
        return PredictiveScalingPolicyConfiguration.builder()
                .mode(PredictiveScalingMode.FORECAST_AND_SCALE)
                .build();
    }

    @Test
    void forecastOnlyNeverScales() {
        assertThat(PredictiveScaling.evaluate(
                        PredictiveScalingPolicyConfiguration.builder().build(), FORECAST, 1, 100, H10))
                .isNull();
        assertThat(PredictiveScaling.evaluate(
                        PredictiveScalingPolicyConfiguration.builder()
                                .mode(PredictiveScalingMode.FORECAST_ONLY)
                                .build(),
                        FORECAST,
                        1,
                        100,
                        H10))
                .isNull();
    }

    @Test
    void theForecastOfTheHourIsAFloorRoundedUp() {
        assertThat(PredictiveScaling.evaluate(scale(), FORECAST, 1, 100, H10.plusSeconds(600))
                        .capacity())
                .isEqualTo(4);
        assertThat(PredictiveScaling.evaluate(scale(), FORECAST, 6, 100, H10.plusSeconds(600))
                        .capacity())
                .isEqualTo(6);
    }

    @Test
    void capacityIsInPlaceTheSchedulingBufferTimeAhead() {
        // Default 300 s: at 10:55 the 11:00 value applies, at 10:54:59 not yet.
        assertThat(PredictiveScaling.evaluate(scale(), FORECAST, 1, 100, Instant.parse("2024-03-04T10:55:00Z"))
                        .capacity())
                .isEqualTo(13);
        assertThat(PredictiveScaling.evaluate(scale(), FORECAST, 1, 100, Instant.parse("2024-03-04T10:54:59Z"))
                        .capacity())
                .isEqualTo(4);
        PredictiveScalingPolicyConfiguration buffer =
                scale().toBuilder().schedulingBufferTime(1800).build();
        assertThat(PredictiveScaling.evaluate(buffer, FORECAST, 1, 100, Instant.parse("2024-03-04T10:30:00Z"))
                        .capacity())
                .isEqualTo(13);
        // Before the first point and after the last hour nothing applies.
        assertThat(PredictiveScaling.evaluate(scale(), FORECAST, 1, 100, H10.minusSeconds(3600)))
                .isNull();
        assertThat(PredictiveScaling.evaluate(scale(), FORECAST, 1, 100, H10.plusSeconds(3 * 3600)))
                .isNull();
    }

    @Test
    void honorMaxCapacityCapsTheForecast() {
        PredictiveScaling.Floor f = PredictiveScaling.evaluate(scale(), FORECAST, 1, 40, H10.plusSeconds(7200));
        assertThat(f.capacity()).isEqualTo(40);
        assertThat(f.maximum()).isEqualTo(40);
    }

    @Test
    void increaseMaxCapacityAddsTheBuffer() {
        // API doc: forecast 50, max 40, buffer 10: effective max 55.
        PredictiveScalingPolicyConfiguration c = scale().toBuilder()
                .maxCapacityBreachBehavior(PredictiveScalingMaxCapacityBreachBehavior.INCREASE_MAX_CAPACITY)
                .maxCapacityBuffer(10)
                .build();
        PredictiveScaling.Floor f = PredictiveScaling.evaluate(c, FORECAST, 1, 40, H10.plusSeconds(7200));
        assertThat(f.maximum()).isEqualTo(55);
        assertThat(f.capacity()).isEqualTo(50);
        // Below the max nothing is raised.
        assertThat(PredictiveScaling.evaluate(c, FORECAST, 1, 40, H10).maximum())
                .isEqualTo(40);
    }

    @Test
    void theEffectiveMaximumIsRoundedUpLikeTheForecast() {
        // Forecast 12.2 with a 10 % buffer: 13.42, rounded up to 14 (the class's [model] rounding).
        PredictiveScalingPolicyConfiguration c = scale().toBuilder()
                .maxCapacityBreachBehavior(PredictiveScalingMaxCapacityBreachBehavior.INCREASE_MAX_CAPACITY)
                .maxCapacityBuffer(10)
                .build();
        PredictiveScaling.Floor f = PredictiveScaling.evaluate(c, FORECAST, 1, 10, H10.plusSeconds(3600));
        assertThat(f.maximum()).isEqualTo(14);
        assertThat(f.capacity()).isEqualTo(13);
    }

    @Test
    void floatingPointNoiseInTheForecastDoesNotAddATask() {
        CapacityForecast noisy = CapacityForecast.builder()
                .timestamps(List.of(H10))
                .values(List.of(Math.nextUp(3.0)))
                .build();
        assertThat(PredictiveScaling.evaluate(scale(), noisy, 1, 100, H10).capacity())
                .isEqualTo(3);
    }

    @Test
    void aForecastOfZeroIsInForceAndKeepsTheMinimum() {
        CapacityForecast zero = CapacityForecast.builder()
                .timestamps(List.of(H10))
                .values(List.of(0.0))
                .build();
        PredictiveScaling.Floor f = PredictiveScaling.evaluate(scale(), zero, 2, 40, H10);
        assertThat(f).isEqualTo(new PredictiveScaling.Floor(2, 40, H10));
    }

    @Test
    void aForecastWithoutValuesIsNoFloor() {
        assertThat(PredictiveScaling.evaluate(
                        scale(),
                        CapacityForecast.builder().timestamps(List.of(H10)).build(),
                        1,
                        100,
                        H10))
                .isNull();
    }
}
