package io.github.berth.scaling;

import static io.github.berth.scaling.ScalingSimulatorTest.scheduled;
import static io.github.berth.scaling.ScalingSimulatorTest.target;
import static io.github.berth.scaling.ScalingSimulatorTest.targetTracking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.scaling.alarm.MetricSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs at the edges of time and of doubles give a timeline or a documented error, never an internal exception. */
class ScalingEdgesTest {

    private static ScalingSimulator.Builder withSchedules(Instant start, Instant end) {
        return ScalingSimulator.builder()
                .target(target(1, 10))
                .addPolicy(targetTracking("cpu", 50))
                .addScheduledAction(scheduled("s", "cron(0 8 * * ? *)", 2, 8))
                .addScheduledAction(scheduled("r", "rate(5 minutes)", 1, 9))
                .metric((time, tasks) -> 50)
                .start(start)
                .end(end);
    }

    @Test
    void aRunAtTheEdgesOfTimeIsRefusedByTheBuilderNotByJavaTime() {
        // These escaped as DateTimeException (Invalid value for EpochDay) from scheduled actions.
        for (Instant[] window : new Instant[][] {
            {Instant.MAX.minusSeconds(3600), Instant.MAX},
            {Instant.MIN, Instant.MIN.plusSeconds(3600)},
            {Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("+10000-01-01T01:00:00Z")}
        }) {
            assertThatThrownBy(() -> withSchedules(window[0], window[1]).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the run must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, found "
                            + window[0] + " to " + window[1]);
        }
    }

    @Test
    void theFirstAndLastDaysOfTheFourDigitYearsRunWithTheirChart() {
        Instant last = Instant.parse("9999-12-31T23:59:59Z");
        ScalingTimeline end =
                withSchedules(last.minusSeconds(86_400), last).build().run();
        assertThat(end.size()).isEqualTo(1441);
        assertThat(end.toSvg()).contains("9999-12-31");
        assertThat(end.activities()).anyMatch(a -> a.cause().equals("scheduled action name r was triggered"));
        Instant first = Instant.parse("0001-01-01T00:00:00Z");
        ScalingTimeline start =
                withSchedules(first, first.plusSeconds(86_400)).build().run();
        assertThat(start.toCsv())
                .startsWith("timestamp,metric,capacity,min_capacity,max_capacity,activity\n0001-01-01T00:00:00Z,50,");
    }

    @Test
    void aMetricWhoseAverageOverflowsIsWrittenAsInfinity() {
        // Samples every 10 s near Double.MAX_VALUE: their one-minute average is infinite, and writing
        // the CSV threw NumberFormatException.
        List<Instant> times = new ArrayList<>();
        double[] values = new double[360];
        for (int i = 0; i < values.length; i++) {
            times.add(ScalingSimulatorTest.T0.plusSeconds(10L * i));
            values[i] = 1.7e308;
        }
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(1, 10))
                .addPolicy(targetTracking("cpu", 50))
                .metric(MetricSeries.of(times, values))
                .start(ScalingSimulatorTest.T0)
                .end(ScalingSimulatorTest.T0.plusSeconds(59 * 60))
                .build()
                .run();
        assertThat(t.toCsv().split("\n")[1]).startsWith("2024-03-04T00:00:00Z,Infinity,");
        assertThat(t.toSvg()).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(ScalingTimeline.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(ScalingTimeline.number(1.5)).isEqualTo("1.5");
    }
}
