package io.github.berth.testkit.fuzz;

import static io.github.berth.testkit.fuzz.FuzzInputs.documented;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.berth.scaling.ScalingSimulator;
import io.github.berth.scaling.ScalingTimeline;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.schedule.ScheduledActionTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scaling as {@code berth simulate-scaling} runs it, and schedule expressions alone. The CSV
 * reader and the simulator's builder document IllegalArgumentException; the AWS errors
 * (ValidationException) come from the requests.
 */
class ScalingFuzzTest {

    /** Parts: a metric CSV, a scalable target, a scaling policy, a scheduled action (each may be empty). */
    @FuzzTest(maxDuration = "10m")
    void readCsvAndSimulate(byte[] input) {
        List<String> parts = FuzzInputs.parts(FuzzInputs.text(input), 4);
        AutoScalingJson json = AutoScalingJson.lenient();
        documented(
                () -> {
                    MetricSeries metric = MetricSeries.parseCsv(parts.get(0));
                    if (metric.size() == 0 || parts.get(1).isBlank()) {
                        return;
                    }
                    Instant start = Instant.ofEpochSecond(metric.epochSecond(0));
                    Instant last = Instant.ofEpochSecond(metric.epochSecond(metric.size() - 1));
                    Instant end = last.isAfter(start.plus(Duration.ofDays(2))) ? start.plus(Duration.ofDays(2)) : last;
                    if (!end.isAfter(start)) {
                        end = start.plusSeconds(600);
                    }
                    ScalingSimulator.Builder b = ScalingSimulator.builder()
                            .target(json.read(parts.get(1), RegisterScalableTargetRequest.class))
                            .metric(metric)
                            .start(start)
                            .end(end);
                    if (!parts.get(2).isBlank()) {
                        b.addPolicy(json.read(parts.get(2), PutScalingPolicyRequest.class));
                    }
                    if (!parts.get(3).isBlank()) {
                        b.addScheduledAction(json.read(parts.get(3), PutScheduledActionRequest.class));
                    }
                    ScalingTimeline t = b.build().run();
                    assertThat(t.toCsv()).startsWith("timestamp,");
                    assertThat(t.toSvg()).contains("<svg");
                },
                IllegalArgumentException.class);
    }

    /** Parts: a schedule expression (at, rate or cron), a time zone. */
    @FuzzTest(maxDuration = "10m")
    void scheduleExpressions(byte[] input) {
        List<String> parts = FuzzInputs.parts(FuzzInputs.text(input), 2);
        documented(
                () -> {
                    ScheduledActionTimes times = ScheduledActionTimes.of(
                            parts.get(0), parts.get(1).isBlank() ? null : parts.get(1), null, null);
                    Instant from = Instant.parse("2024-03-04T00:00:00Z");
                    for (int i = 0; i < 3; i++) {
                        Instant next = times.next(from, Instant.parse("2024-03-01T00:00:00Z"));
                        if (next == null) {
                            break;
                        }
                        assertThat(next).isAfter(from);
                        from = next;
                    }
                },
                IllegalArgumentException.class,
                io.github.berth.scaling.schedule.InvalidScheduleException.class);
    }
}
