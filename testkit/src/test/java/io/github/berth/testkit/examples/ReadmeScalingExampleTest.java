package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.scaling.ScalingSimulator;
import io.github.berth.scaling.ScalingTimeline;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.schedule.CronExpression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The README's scaling example, compiled and run; {@link ReadmeExamplesTest} keeps the two the same. */
class ReadmeScalingExampleTest {

    /** The repository's examples/scaling, which the README's simulate-scaling command reads too. */
    private static final Path EXAMPLES = Path.of("..", "examples", "scaling");

    @Test
    void theReadmeExample() throws IOException {
        // Inputs as the AWS CLI takes them (--cli-input-json), and a day of CPU: 85 % from 09:00 to 12:00, else 35 %.
        String targetJson = Files.readString(EXAMPLES.resolve("target.json"));
        String policyJson = Files.readString(EXAMPLES.resolve("cpu50.json"));
        String morningJson = Files.readString(EXAMPLES.resolve("weekday-morning.json"));
        String cpuCsv = Files.readString(EXAMPLES.resolve("cpu.csv"));

        // readme:scaling
        AutoScalingJson json = AutoScalingJson.strict();
        ScalingTimeline timeline = ScalingSimulator.builder()
                .target(json.read(targetJson, RegisterScalableTargetRequest.class))
                .addPolicy(json.read(policyJson, PutScalingPolicyRequest.class))
                .addScheduledAction(json.read(morningJson, PutScheduledActionRequest.class))
                .metric(MetricSeries.parseCsv(cpuCsv))
                .start(Instant.parse("2024-03-04T00:00:00Z"))
                .end(Instant.parse("2024-03-04T23:59:00Z"))
                .build()
                .run();
        StringBuilder printed = new StringBuilder();
        for (ScalingActivity a : timeline.activities()) {
            printed.append(a.startTime() + "  " + a.description() + "  (" + a.cause() + ")\n");
        }
        System.out.print(printed);
        String csv = timeline.toCsv(); // timestamp,metric,capacity,min_capacity,max_capacity,activity
        String svg = timeline.toSvg(); // open it in a browser

        Instant next = CronExpression.parse("0 8 ? * MON-FRI *")
                .next(
                        Instant.parse("2024-03-29T12:00:00Z"),
                        ZoneId.of("Europe/Paris")); // 2024-04-01T06:00:00Z: Monday 08:00, summer time
        // end readme:scaling

        // What the README says this prints, whole: the block after its "<!-- output:scaling -->" marker.
        assertThat(printed.toString()).isEqualTo(ReadmeExamplesTest.outputBlock("scaling"));
        assertThat(csv).startsWith("timestamp,metric,capacity,min_capacity,max_capacity,activity\n");
        assertThat(svg).contains("<svg");
        assertThat(next).isEqualTo("2024-04-01T06:00:00Z");
    }
}
