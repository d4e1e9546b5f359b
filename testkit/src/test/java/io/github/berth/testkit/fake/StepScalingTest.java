package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.Alarm;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step scaling policies of the fake's Application Auto Scaling, triggered by fake CloudWatch alarms
 * put with {@code ecs.autoScaling().putMetricAlarm} (docs/scheduler.md#step-scaling-alarms): the
 * step arithmetic, cooldowns and activity texts, an alarm naming another policy, deleting the alarm
 * or the policy, bad alarms, and a snapshot that continues identically.
 */
class StepScalingTest {

    static final String ID = "service/prod/web";

    final FakeEcs ecs = AutoScalingTest.webService();

    StepScalingTest() {
        ecs.autoScaling()
                .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(1)
                        .maxCapacity(10));
    }

    /** Scale-out: +1 from 0 to 20 above the threshold, +3 from 20 up; cooldown 120 s. */
    String scaleOutPolicy() {
        return ecs.autoScaling()
                .putScalingPolicy(b -> b.policyName("cpu-out")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.STEP_SCALING)
                        .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                                .cooldown(120)
                                .stepAdjustments(List.of(
                                        StepAdjustment.builder()
                                                .metricIntervalLowerBound(0.0)
                                                .metricIntervalUpperBound(20.0)
                                                .scalingAdjustment(1)
                                                .build(),
                                        StepAdjustment.builder()
                                                .metricIntervalLowerBound(20.0)
                                                .scalingAdjustment(3)
                                                .build()))
                                .build()))
                .policyARN();
    }

    /** Scale-in: -1 at or below the threshold; cooldown 120 s. */
    String scaleInPolicy() {
        return ecs.autoScaling()
                .putScalingPolicy(b -> b.policyName("cpu-in")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.STEP_SCALING)
                        .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                                .cooldown(120)
                                .stepAdjustments(List.of(StepAdjustment.builder()
                                        .metricIntervalUpperBound(0.0)
                                        .scalingAdjustment(-1)
                                        .build()))
                                .build()))
                .policyARN();
    }

    static String cpuAlarm(String name, String operator, double threshold, int periods, String action) {
        return "{\"AlarmName\":\"" + name + "\",\"Namespace\":\"AWS/ECS\",\"MetricName\":\"CPUUtilization\","
                + "\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"prod\"},{\"Name\":\"ServiceName\",\"Value\":\"web\"}],"
                + "\"Statistic\":\"Average\",\"Period\":60,\"EvaluationPeriods\":" + periods + ",\"Threshold\":"
                + threshold
                + ",\"ComparisonOperator\":\"" + operator + "\",\"AlarmActions\":[\"" + action + "\"]}";
    }

    int desired() {
        return ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                .services()
                .get(0)
                .desiredCount();
    }

    List<Integer> desiredEachMinute(int minutes) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < minutes; i++) {
            ecs.clock().advance(Duration.ofMinutes(1));
            out.add(desired());
        }
        return out;
    }

    List<String> activities() {
        List<String> out = new ArrayList<>();
        for (ScalingActivity a : ecs.autoScaling()
                .describeScalingActivities(
                        b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(ID))
                .scalingActivities()) {
            out.add(a.startTime() + " | " + a.description() + " | " + a.cause() + " | " + a.statusCode() + " | "
                    + a.statusMessage());
        }
        return out;
    }

    /** docs/scheduler.md#step-scaling-alarms: the alarm in ALARM triggers the policy's steps, after its cooldown. */
    @Test
    void stepPolicyScalesOutUnderLoadThroughItsSteps() {
        String arn = scaleOutPolicy();
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn));
        // 2 tasks at 100 % (20 above the threshold of 60... 40 above: +3), 5 tasks at 90 % (+3), 8 at 56.25 %: below.
        ecs.metrics().cpu("prod", "web", Metrics.demand(450));
        assertThat(desiredEachMinute(8)).containsExactly(2, 5, 5, 8, 8, 8, 8, 8);
        assertThat(ecs.autoScaling().metricAlarmState("web-cpu-high")).isEqualTo("OK");
        assertThat(activities())
                .containsExactly(
                        "2026-01-01T00:04:00Z | Setting desired count to 8. | monitor alarm web-cpu-high in state ALARM triggered"
                                + " policy cpu-out | Successful | Successfully set desired count to 8. Change successfully fulfilled by ecs.",
                        "2026-01-01T00:02:00Z | Setting desired count to 5. | monitor alarm web-cpu-high in state ALARM triggered"
                                + " policy cpu-out | Successful | Successfully set desired count to 5. Change successfully fulfilled by ecs.");
    }

    /** docs/scheduler.md#step-scaling-alarms: a scale-in cooldown of 60 s has passed a minute later. */
    @Test
    void scaleInCooldownEndsAfterItsSeconds() {
        ecs.autoScaling()
                .putScalingPolicy(b -> b.policyName("cpu-in")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.STEP_SCALING)
                        .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                                .cooldown(60)
                                .stepAdjustments(List.of(StepAdjustment.builder()
                                        .metricIntervalUpperBound(0.0)
                                        .scalingAdjustment(-1)
                                        .build()))
                                .build()));
        String arn = ecs.autoScaling()
                .describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS))
                .scalingPolicies()
                .get(0)
                .policyARN();
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(4));
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-low", "LessThanOrEqualToThreshold", 30, 2, arn));
        ecs.metrics().cpu("prod", "web", Metrics.demand(20));
        assertThat(desiredEachMinute(6)).containsExactly(4, 4, 3, 2, 1, 1);
    }

    /** docs/scheduler.md#step-scaling-alarms: the step whose interval holds the breach is the one applied (+1). */
    @Test
    void aSmallBreachTakesTheFirstStep() {
        String arn = scaleOutPolicy();
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn));
        ecs.metrics().cpu("prod", "web", Metrics.demand(140)); // 2 tasks at 70 %: 10 above, +1; 3 at 46.7 %
        assertThat(desiredEachMinute(6)).containsExactly(2, 3, 3, 3, 3, 3);
    }

    /** docs/scheduler.md#step-scaling-alarms: a low alarm triggers the scale-in policy down to the minimum. */
    @Test
    void stepPolicyScalesIn() {
        String arn = scaleInPolicy();
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(4));
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-low", "LessThanOrEqualToThreshold", 30, 2, arn));
        ecs.metrics().cpu("prod", "web", Metrics.demand(20));
        // ALARM once both periods breach (00:03), then one task less every 120 s cooldown, down to MinCapacity 1.
        assertThat(desiredEachMinute(9)).containsExactly(4, 4, 3, 3, 2, 2, 1, 1, 1);
        assertThat(activities())
                .first()
                .isEqualTo("2026-01-01T00:07:00Z | Setting desired count to 1. | monitor alarm"
                        + " web-cpu-low in state ALARM triggered policy cpu-in | Successful | Successfully set desired count to 1."
                        + " Change successfully fulfilled by ecs.");
        assertThat(activities()).hasSize(3);
    }

    /** docs/scheduler.md#step-scaling-alarms: DescribeScalingPolicies lists the alarm that triggers a step policy. */
    @Test
    void describeScalingPoliciesShowsTheAlarm() {
        String arn = scaleOutPolicy();
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn));
        assertThat(ecs.autoScaling()
                        .describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingPolicies()
                        .get(0)
                        .alarms())
                .containsExactly(Alarm.builder()
                        .alarmName("web-cpu-high")
                        .alarmARN("arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-cpu-high")
                        .build());
    }

    /** docs/scheduler.md#step-scaling-alarms: an alarm whose action is another policy's ARN triggers nothing. */
    @Test
    void anAlarmNamingAnotherPolicyDoesNothing() {
        scaleOutPolicy();
        String tt = ecs.autoScaling()
                .putScalingPolicy(b -> b.policyName("tt")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                .targetValue(99.0)
                                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION)
                                        .build())
                                .build()))
                .policyARN();
        String other = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:00000000-0000-4000-8000-000000000000"
                + ":resource/ecs/service/prod/web:policyName/cpu-out";
        ecs.autoScaling().putMetricAlarm(cpuAlarm("names-a-stranger", "GreaterThanThreshold", 60, 1, other));
        ecs.autoScaling().putMetricAlarm(cpuAlarm("names-tt", "GreaterThanThreshold", 60, 1, tt));
        ecs.metrics().cpu("prod", "web", Metrics.demand(450));
        assertThat(desiredEachMinute(5)).containsOnly(2);
        assertThat(activities()).isEmpty();
        assertThat(ecs.autoScaling().metricAlarmState("names-a-stranger")).isEqualTo("INSUFFICIENT_DATA");
    }

    /** docs/scheduler.md#step-scaling-alarms: ActionsEnabled false invokes nothing. */
    @Test
    void anAlarmWithActionsDisabledDoesNothing() {
        String arn = scaleOutPolicy();
        ecs.autoScaling()
                .putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn)
                        .replace("{\"AlarmName\"", "{\"ActionsEnabled\":false,\"AlarmName\""));
        ecs.metrics().cpu("prod", "web", Metrics.demand(450));
        assertThat(desiredEachMinute(4)).containsOnly(2);
    }

    /** docs/scheduler.md#step-scaling-alarms: once the alarm is deleted the policy acts no more. */
    @Test
    void deletingTheAlarmStopsThePolicy() {
        String arn = scaleOutPolicy();
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn));
        ecs.metrics().cpu("prod", "web", Metrics.demand(1000));
        assertThat(desiredEachMinute(2)).containsExactly(2, 5);
        ecs.autoScaling().deleteAlarms("web-cpu-high");
        assertThat(desiredEachMinute(6)).containsOnly(5);
        assertThat(activities()).hasSize(1);
        assertThat(ecs.autoScaling()
                        .describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingPolicies()
                        .get(0)
                        .alarms())
                .isEmpty();
        assertThatThrownBy(() -> ecs.autoScaling().deleteAlarms("web-cpu-high"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("DeleteAlarms: AlarmNames: no alarm named web-cpu-high");
    }

    /** docs/scheduler.md#step-scaling-alarms: a deleted policy is not triggered, nor its re-creation (a new ARN). */
    @Test
    void deletingThePolicyStopsItAndARecreatedOneHasANewArn() {
        String arn = scaleOutPolicy();
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn));
        ecs.metrics().cpu("prod", "web", Metrics.demand(1000));
        assertThat(desiredEachMinute(2)).containsExactly(2, 5);
        ecs.autoScaling()
                .deleteScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyName("cpu-out"));
        assertThat(desiredEachMinute(3)).containsOnly(5);
        String again = scaleOutPolicy();
        assertThat(again).isNotEqualTo(arn);
        assertThat(desiredEachMinute(3)).containsOnly(5);
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, again));
        assertThat(desiredEachMinute(3)).containsExactly(5, 8, 8);
    }

    /** docs/scheduler.md#step-scaling-alarms: a bad alarm is refused naming the member, and nothing changes. */
    @Test
    void aBadAlarmIsRefusedAndChangesNothing() {
        String arn = scaleOutPolicy();
        String good = cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn);
        assertThatThrownBy(() -> ecs.autoScaling().putMetricAlarm(good.replace("\"Period\":60", "\"Period\":45")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PutMetricAlarm: Period must be 10, 30 or a multiple of 60 seconds, found 45");
        assertThatThrownBy(() -> ecs.autoScaling().putMetricAlarm(good.replace("\"Threshold\":60.0,", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PutMetricAlarm: Threshold: required member missing");
        assertThatThrownBy(() -> ecs.autoScaling().putMetricAlarm(good.replace("AWS/ECS", "AWS/EC2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "PutMetricAlarm: Namespace: Berth's fake has no datapoints for AWS/EC2 CPUUtilization; it models"
                                + " AWS/ECS CPUUtilization and MemoryUtilization, AWS/ApplicationELB RequestCountPerTarget and RequestCount");
        assertThatThrownBy(() -> ecs.autoScaling()
                        .putMetricAlarm(good.replace(",{\"Name\":\"ServiceName\",\"Value\":\"web\"}", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PutMetricAlarm: Dimensions: AWS/ECS CPUUtilization needs the dimensions ClusterName and"
                        + " ServiceName in Berth's fake (its load model is per service)");
        assertThatThrownBy(
                        () -> ecs.autoScaling().putMetricAlarm(good.replace("\"Dimensions\":[", "\"Dimensions\":[7,")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PutMetricAlarm: Dimensions[0]: expected an object with Name and Value");
        assertThatThrownBy(() -> ecs.autoScaling().metricAlarmState("web-cpu-high"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no alarm named web-cpu-high");
        ecs.metrics().cpu("prod", "web", Metrics.demand(1000));
        assertThat(desiredEachMinute(3)).containsOnly(2);
        // The same alarm, well formed, is taken and acts.
        ecs.autoScaling().putMetricAlarm(good);
        assertThat(desiredEachMinute(2)).containsExactly(2, 5);
    }

    /** docs/scheduler.md#step-scaling-alarms: [model] one alarm per step policy in the fake. */
    @Test
    void aSecondAlarmOnTheSamePolicyIsRefused() {
        String arn = scaleOutPolicy();
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 1, arn));
        assertThatThrownBy(() -> ecs.autoScaling()
                        .putMetricAlarm(cpuAlarm("web-cpu-higher", "GreaterThanThreshold", 80, 1, arn)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PutMetricAlarm: AlarmActions: " + arn
                        + " is already an action of alarm web-cpu-high; Berth's fake"
                        + " gives a step scaling policy one alarm");
        // Replacing the alarm of the same name is allowed.
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 80, 1, arn));
    }

    /** docs/scheduler.md#step-scaling-alarms: ALB RequestCountPerTarget is the request rate over the running tasks. */
    @Test
    void requestCountPerTargetAlarmScalesOut() {
        String arn = scaleOutPolicy();
        ecs.autoScaling()
                .putMetricAlarm("{\"AlarmName\":\"web-requests\",\"Namespace\":\"AWS/ApplicationELB\","
                        + "\"MetricName\":\"RequestCountPerTarget\",\"Dimensions\":[{\"Name\":\"TargetGroup\","
                        + "\"Value\":\"targetgroup/web/0123456789abcdef\"}],\"Statistic\":\"Sum\",\"Period\":60,"
                        + "\"EvaluationPeriods\":1,\"Threshold\":1000,\"ComparisonOperator\":\"GreaterThanThreshold\","
                        + "\"AlarmActions\":[\"" + arn + "\"]}");
        ecs.metrics().requests("prod", "web", t -> 2010); // 2 tasks: 1005 a task, +1; 3 tasks: 670
        assertThat(desiredEachMinute(5)).containsExactly(2, 3, 3, 3, 3);
    }

    /**
     * docs/scheduler.md#step-scaling-alarms: the alarm reads the service its dimensions name, here the
     * memory of another service; while that service runs no task there is no datapoint.
     */
    @Test
    void anAlarmOnAnotherServicesMemoryScalesThePolicysService() {
        String arn = scaleOutPolicy();
        ecs.autoScaling()
                .putMetricAlarm(cpuAlarm("api-memory", "GreaterThanThreshold", 60, 1, arn)
                        .replace("CPUUtilization", "MemoryUtilization")
                        .replace("\"Value\":\"web\"", "\"Value\":\"api\""));
        ecs.metrics().memory("prod", "api", Metrics.demand(150)); // api's one task at 100 %: +3
        ecs.metrics().cpu("prod", "web", Metrics.demand(1000)); // web's own CPU is not the alarm's metric
        assertThat(desiredEachMinute(3)).containsOnly(2); // no service api yet: INSUFFICIENT_DATA
        assertThat(ecs.autoScaling().metricAlarmState("api-memory")).isEqualTo("INSUFFICIENT_DATA");
        ecs.createService(
                b -> b.cluster("prod").serviceName("api").taskDefinition("web").desiredCount(1));
        // api's first minute (00:04) is read at 00:05: +3; api stays at 100 %, so +3 again once the cooldown ends
        // (00:07).
        assertThat(desiredEachMinute(4)).containsExactly(2, 5, 5, 8);
        assertThat(ecs.autoScaling().metricAlarmState("api-memory")).isEqualTo("ALARM");
    }

    /** docs/scheduler.md#step-scaling-alarms: ALB RequestCount is the whole request rate, not divided by the tasks. */
    @Test
    void requestCountAlarmReadsTheWholeRate() {
        String arn = scaleOutPolicy();
        ecs.autoScaling()
                .putMetricAlarm("{\"AlarmName\":\"web-requests\",\"Namespace\":\"AWS/ApplicationELB\","
                        + "\"MetricName\":\"RequestCount\",\"Statistic\":\"Sum\",\"Period\":60,"
                        + "\"EvaluationPeriods\":1,\"Threshold\":1000,\"ComparisonOperator\":\"GreaterThanThreshold\","
                        + "\"AlarmActions\":[\"" + arn + "\"]}");
        ecs.metrics().requests("prod", "web", t -> 1010); // 10 above: +1, each minute after the 120 s cooldown
        assertThat(desiredEachMinute(6)).containsExactly(2, 3, 3, 4, 4, 5);
        assertThatThrownBy(() -> ecs.autoScaling()
                        .putMetricAlarm("{\"AlarmName\":\"x\",\"Namespace\":"
                                + "\"AWS/ApplicationELB\",\"MetricName\":\"TargetResponseTime\",\"Period\":60,\"EvaluationPeriods\":1,"
                                + "\"Threshold\":1,\"ComparisonOperator\":\"GreaterThanThreshold\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "PutMetricAlarm: MetricName: Berth's fake has no datapoints for AWS/ApplicationELB"
                                + " TargetResponseTime; of AWS/ApplicationELB it models RequestCountPerTarget and RequestCount");
    }

    /** docs/scheduler.md#step-scaling-alarms: a restored fake, alarm included, scales on exactly as the original. */
    @Test
    void aRestoredFakeContinuesIdentically() {
        String arn = scaleOutPolicy();
        ecs.autoScaling().putMetricAlarm(cpuAlarm("web-cpu-high", "GreaterThanThreshold", 60, 2, arn));
        ecs.metrics().cpu("prod", "web", Metrics.demand(900));
        desiredEachMinute(3);
        FakeEcs copy = FakeEcs.restore(ecs.snapshot());
        copy.metrics().cpu("prod", "web", Metrics.demand(900)); // load models are callbacks: given again
        List<Integer> original = desiredEachMinute(10);
        List<Integer> restored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copy.clock().advance(Duration.ofMinutes(1));
            restored.add(copy.describeServices(b -> b.cluster("prod").services(List.of("web")))
                    .services()
                    .get(0)
                    .desiredCount());
        }
        assertThat(restored).isEqualTo(original).contains(10);
        assertThat(copy.autoScaling()
                        .describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingActivities())
                .isEqualTo(ecs.autoScaling()
                        .describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingActivities());
        assertThat(copy.autoScaling().metricAlarmState("web-cpu-high"))
                .isEqualTo(ecs.autoScaling().metricAlarmState("web-cpu-high"));
    }
}
