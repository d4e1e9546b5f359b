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
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The README's scaling example, compiled and run; {@link ReadmeExamplesTest} keeps the two the same. */
class ReadmeScalingExampleTest {

  @Test
  void theReadmeExample() {
    // Inputs as the AWS CLI takes them (--cli-input-json).
    String targetJson = "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/prod/web\","
        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":2,\"MaxCapacity\":40}";
    String policyJson = "{\"PolicyName\":\"cpu50\",\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/prod/web\","
        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"PolicyType\":\"TargetTrackingScaling\","
        + "\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50.0,"
        + "\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"}}}";
    String morningJson = "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/prod/web\","
        + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"ScheduledActionName\":\"weekday-morning\","
        + "\"Schedule\":\"cron(0 8 ? * MON-FRI *)\",\"Timezone\":\"Europe/Paris\","
        + "\"ScalableTargetAction\":{\"MinCapacity\":6}}";
    StringBuilder cpuCsv = new StringBuilder("timestamp,value\n");
    for (int minute = 0; minute < 24 * 60; minute++) {
      double cpu = minute >= 9 * 60 && minute < 12 * 60 ? 85 : 35;
      cpuCsv.append(Instant.parse("2024-03-04T00:00:00Z").plusSeconds(60L * minute)).append(',').append(cpu).append('\n');
    }

    // readme:scaling
    AutoScalingJson json = AutoScalingJson.strict();
    ScalingTimeline timeline = ScalingSimulator.builder()
        .target(json.read(targetJson, RegisterScalableTargetRequest.class))
        .addPolicy(json.read(policyJson, PutScalingPolicyRequest.class))
        .addScheduledAction(json.read(morningJson, PutScheduledActionRequest.class))
        .metric(MetricSeries.parseCsv(cpuCsv.toString()))
        .start(Instant.parse("2024-03-04T00:00:00Z"))
        .end(Instant.parse("2024-03-04T23:59:00Z"))
        .build()
        .run();
    for (ScalingActivity a : timeline.activities()) {
      System.out.println(a.startTime() + "  " + a.description() + "  (" + a.cause() + ")");
    }
    String csv = timeline.toCsv(); // timestamp,metric,capacity,min_capacity,max_capacity,activity
    String svg = timeline.toSvg(); // open it in a browser

    Instant next = CronExpression.parse("0 8 ? * MON-FRI *").next(Instant.parse("2024-03-29T12:00:00Z"),
        ZoneId.of("Europe/Paris")); // 2024-04-01T06:00:00Z: Monday 08:00, summer time
    // end readme:scaling

    assertThat(timeline.activities()).isNotEmpty();
    assertThat(timeline.activities().get(0).cause()).isEqualTo("scheduled action name weekday-morning was triggered");
    assertThat(csv).startsWith("timestamp,metric,capacity,min_capacity,max_capacity,activity\n");
    assertThat(svg).contains("<svg");
    assertThat(next).isEqualTo("2024-04-01T06:00:00Z");
  }
}
