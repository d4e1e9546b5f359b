package io.github.berth.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.ComparisonOperator;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.error.LimitExceededException;
import io.github.berth.scaling.error.ObjectNotFoundException;
import io.github.berth.scaling.error.ValidationException;
import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.CapacityForecast;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingMaxCapacityBreachBehavior;
import io.github.berth.scaling.model.PredictiveScalingMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingMode;
import io.github.berth.scaling.model.PredictiveScalingPolicyConfiguration;
import io.github.berth.scaling.model.PredictiveScalingPredefinedMetricPairSpecification;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ScalingActivityStatusCode;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.SuspendedState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ScalingSimulatorTest {

    static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");
    static final String RESOURCE = "service/prod/web";

    static RegisterScalableTargetRequest target(int min, int max) {
        return RegisterScalableTargetRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(min)
                .maxCapacity(max)
                .build();
    }

    static PutScalingPolicyRequest targetTracking(String name, double target) {
        return PutScalingPolicyRequest.builder()
                .policyName(name)
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                        .targetValue(target)
                        .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                .build())
                        .build())
                .build();
    }

    static PutScheduledActionRequest scheduled(String name, String schedule, Integer min, Integer max) {
        return PutScheduledActionRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .scheduledActionName(name)
                .schedule(schedule)
                .scalableTargetAction(ScalableTargetAction.builder()
                        .minCapacity(min)
                        .maxCapacity(max)
                        .build())
                .build();
    }

    /** One sample a minute from T0. */
    static MetricSeries minutes(double... values) {
        List<Instant> t = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            t.add(T0.plusSeconds(60L * i));
        }
        return MetricSeries.of(t, values);
    }

    static double[] repeat(double value, int n) {
        double[] d = new double[n];
        Arrays.fill(d, value);
        return d;
    }

    static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Capacity after each step that changed it, by minute. */
    static Map<Integer, Integer> changes(ScalingTimeline t) {
        Map<Integer, Integer> m = new TreeMap<>();
        for (int i = 1; i < t.size(); i++) {
            if (t.capacity(i) != t.capacity(i - 1)) {
                m.put(i, t.capacity(i));
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ target tracking end to end

    @Test
    void targetTrackingFollowsTheAlarmsAndTheCooldowns() {
        // CPU 30 % for 20 minutes, 90 % for 10, then 30 % again; target 50, 4 tasks, 2 to 20.
        MetricSeries cpu = minutes(concat(repeat(30, 20), repeat(90, 10), repeat(30, 40)));
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu50", 50))
                .metric(cpu)
                .initialCapacity(4)
                .start(T0)
                .end(T0.plusSeconds(69 * 60))
                .build()
                .run();
        assertThat(t.size()).isEqualTo(70);
        // 15 minutes below 45: scale in to ceil(4 x 30 / 50) = 3, again 5 minutes later (cooldown) to 2.
        // 3 minutes above 50 (minutes 20-22): at 23 out to ceil(2 x 90 / 50) = 4; the 300 s cooldown holds
        // until 28, then ceil(4 x 90 / 50) = 8. Back at 30 %: 15 minutes later (45) in to 5, then 3, then 2.
        assertThat(changes(t))
                .containsExactly(
                        Map.entry(15, 3),
                        Map.entry(20, 2),
                        Map.entry(23, 4),
                        Map.entry(28, 8),
                        Map.entry(45, 5),
                        Map.entry(50, 3),
                        Map.entry(55, 2));
        ScalingActivity out = t.activities().get(2);
        assertThat(out.description()).isEqualTo("Setting desired count to 4.");
        assertThat(out.cause())
                .matches("monitor alarm TargetTracking-service/prod/web-AlarmHigh-[0-9a-f-]{36} in state ALARM "
                        + "triggered policy cpu50");
        assertThat(out.statusMessage())
                .isEqualTo("Successfully set desired count to 4. Change successfully fulfilled by ecs.");
        assertThat(out.statusCode()).isEqualTo(ScalingActivityStatusCode.SUCCESSFUL);
        assertThat(out.startTime()).isEqualTo(T0.plusSeconds(23 * 60));
        assertThat(out.resourceId()).isEqualTo(RESOURCE);
        assertThat(t.activities().get(0).cause()).contains("-AlarmLow-");
        assertThat(t.step(23).activities()).containsExactly("Setting desired count to 4.");
        assertThat(t.step(23).metric()).isEqualTo(90);
    }

    @Test
    void alarmsStartInInsufficientDataAndTheirChangesAreRecorded() {
        MetricSeries cpu = minutes(concat(repeat(30, 5), repeat(90, 5)));
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(1, 10))
                .addPolicy(targetTracking("cpu", 50))
                .metric(cpu)
                .start(T0)
                .end(T0.plusSeconds(9 * 60))
                .build()
                .run();
        List<AlarmTransition> high = t.alarmTransitions().stream()
                .filter(a -> a.alarmName().contains("AlarmHigh"))
                .toList();
        assertThat(high)
                .extracting(AlarmTransition::from, AlarmTransition::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlarmState.INSUFFICIENT_DATA, AlarmState.OK),
                        org.assertj.core.groups.Tuple.tuple(AlarmState.OK, AlarmState.ALARM));
        assertThat(high.get(0).timestamp()).isEqualTo(T0.plusSeconds(60));
        assertThat(high.get(1).timestamp()).isEqualTo(T0.plusSeconds(8 * 60));
    }

    @Test
    void aLoadModelConvergesOnTheTarget() {
        // 1,200 units of work a minute; each task at 100 % does 20. CPU = load / tasks / 20 x 100.
        CapacityMetric cpu = (time, tasks) -> tasks == 0 ? Double.NaN : 1200.0 / tasks / 20 * 100;
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(1, 200))
                .addPolicy(targetTracking("cpu", 50))
                .metric(cpu)
                .initialCapacity(10)
                .start(T0)
                .end(T0.plus(Duration.ofHours(3)))
                .build()
                .run();
        // 60 tasks would run at 100 %; at the 50 % target: 120.
        assertThat(t.capacity(t.size() - 1)).isEqualTo(120);
        assertThat(t.step(t.size() - 1).metric()).isEqualTo(50);
    }

    @Test
    void runsAreDeterministic() {
        MetricSeries cpu = minutes(concat(repeat(30, 20), repeat(90, 10)));
        ScalingSimulator s = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(cpu)
                .initialCapacity(4)
                .start(T0)
                .end(T0.plusSeconds(29 * 60))
                .seed(7)
                .build();
        assertThat(s.run().toCsv()).isEqualTo(s.run().toCsv());
        assertThat(s.run().activities()).isEqualTo(s.run().activities());
    }

    // ------------------------------------------------------------------ step scaling

    @Test
    void aStepPolicyActsOnItsAlarm() {
        PutScalingPolicyRequest step = PutScalingPolicyRequest.builder()
                .policyName("scale-out")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.STEP_SCALING)
                .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .cooldown(120)
                        .addStepAdjustments(StepAdjustment.builder()
                                .metricIntervalLowerBound(0.0)
                                .metricIntervalUpperBound(20.0)
                                .scalingAdjustment(1)
                                .build())
                        .addStepAdjustments(StepAdjustment.builder()
                                .metricIntervalLowerBound(20.0)
                                .scalingAdjustment(3)
                                .build())
                        .build())
                .build();
        AlarmSpec alarm = AlarmSpec.of(
                "web-cpu-high", Statistic.AVERAGE, 60, 2, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 70);
        MetricSeries cpu = minutes(concat(repeat(50, 5), repeat(75, 5), repeat(95, 5)));
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(1, 10))
                .addPolicy(step)
                .alarm("scale-out", alarm)
                .metric(cpu)
                .initialCapacity(2)
                .start(T0)
                .end(T0.plusSeconds(14 * 60))
                .build()
                .run();
        // 75 from minute 5: ALARM at 7, +1; cooldown 120 s; again at 9 (+1). 95 from 10: at 11 the
        // average of the two latest datapoints (75, 95) is 85, still the +1 step; at 12, +3.
        assertThat(changes(t))
                .containsExactly(
                        Map.entry(7, 3), Map.entry(9, 4), Map.entry(11, 5), Map.entry(12, 7), Map.entry(14, 10));
        assertThat(t.activities().get(0).cause())
                .isEqualTo("monitor alarm web-cpu-high in state ALARM triggered policy scale-out");
        assertThat(t.thresholds()).containsExactly(new Threshold("web-cpu-high threshold", 70));
    }

    // ------------------------------------------------------------------ scheduled actions

    @Test
    void scheduledActionsSetTheBoundsAndMoveCapacityInside() {
        MetricSeries flat = minutes(repeat(50, 24 * 60));
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .addScheduledAction(scheduled("morning", "cron(0 9 ? * MON-FRI *)", 10, null))
                .addScheduledAction(scheduled("evening", "cron(0 18 ? * MON-FRI *)", 1, 5))
                .metric(flat)
                .initialCapacity(3)
                .start(T0)
                .end(T0.plus(Duration.ofHours(23)))
                .build()
                .run();
        int nine = 9 * 60;
        int six = 18 * 60;
        assertThat(t.step(nine - 1).minCapacity()).isEqualTo(2);
        assertThat(t.step(nine).minCapacity()).isEqualTo(10);
        assertThat(t.capacity(nine)).isEqualTo(10);
        assertThat(t.step(nine).activities())
                .containsExactly("Setting min capacity to 10", "Setting desired count to 10.");
        assertThat(t.step(six).minCapacity()).isEqualTo(1);
        assertThat(t.step(six).maxCapacity()).isEqualTo(5);
        assertThat(t.capacity(six)).isEqualTo(5);
        ScalingActivity evening = t.activities().stream()
                .filter(a -> a.cause().contains("evening"))
                .findFirst()
                .orElseThrow();
        assertThat(evening.description()).isEqualTo("Setting min capacity to 1 and max capacity to 5");
        assertThat(evening.cause()).isEqualTo("scheduled action name evening was triggered");
        // The metric at the target never scales: only the schedules changed capacity.
        assertThat(changes(t)).containsExactly(Map.entry(nine, 10), Map.entry(six, 5));
    }

    @Test
    void aScheduledActionWhoseBoundCrossesTheOtherFails() {
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 5))
                .addPolicy(targetTracking("cpu", 50))
                .addScheduledAction(scheduled("too-high", "at(2024-03-04T00:10:00)", 8, null))
                .metric(minutes(repeat(50, 30)))
                .start(T0)
                .end(T0.plusSeconds(20 * 60))
                .build()
                .run();
        ScalingActivity a = t.activities().get(0);
        assertThat(a.statusCode()).isEqualTo(ScalingActivityStatusCode.FAILED);
        assertThat(a.statusMessage()).isEqualTo("Maximum capacity cannot be less than minimum capacity");
        assertThat(t.step(10).minCapacity()).isEqualTo(2);
    }

    @Test
    void aScheduledActionDueAtTheStartRunsAtTheFirstStep() {
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .addScheduledAction(scheduled("early", "at(2024-03-04T00:00:00)", 6, null))
                .metric(minutes(repeat(50, 30)))
                .initialCapacity(3)
                .start(T0)
                .end(T0.plusSeconds(10 * 60))
                .build()
                .run();
        assertThat(t.step(0).minCapacity()).isEqualTo(6);
        assertThat(t.capacity(0)).isEqualTo(6);
    }

    @Test
    void aScheduledActionMaySetMinAndMaxEqual() {
        // docs/scaling.md#scheduled-actions: only a minimum above the maximum fails; min = max pins the capacity.
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .addScheduledAction(scheduled("pin", "at(2024-03-04T00:05:00)", 4, 4))
                .metric(minutes(repeat(50, 30)))
                .initialCapacity(3)
                .start(T0)
                .end(T0.plusSeconds(10 * 60))
                .build()
                .run();
        assertThat(t.activities().get(0).statusCode()).isEqualTo(ScalingActivityStatusCode.SUCCESSFUL);
        assertThat(t.step(5).minCapacity()).isEqualTo(4);
        assertThat(t.step(5).maxCapacity()).isEqualTo(4);
        assertThat(t.capacity(5)).isEqualTo(4);
    }

    // ------------------------------------------------------------------ target state

    @Test
    void suspendedStatesHoldTheirKindOfScaling() {
        MetricSeries high = minutes(repeat(90, 30));
        RegisterScalableTargetRequest outSuspended = target(2, 20).toBuilder()
                .suspendedState(SuspendedState.builder()
                        .dynamicScalingOutSuspended(true)
                        .build())
                .build();
        ScalingTimeline t = ScalingSimulator.builder()
                .target(outSuspended)
                .addPolicy(targetTracking("cpu", 50))
                .metric(high)
                .start(T0)
                .end(T0.plusSeconds(29 * 60))
                .build()
                .run();
        assertThat(t.activities()).isEmpty();

        RegisterScalableTargetRequest scheduledSuspended = target(2, 20).toBuilder()
                .suspendedState(
                        SuspendedState.builder().scheduledScalingSuspended(true).build())
                .build();
        ScalingTimeline s = ScalingSimulator.builder()
                .target(scheduledSuspended)
                .addPolicy(targetTracking("cpu", 50))
                .addScheduledAction(scheduled("up", "at(2024-03-04T00:05:00)", 6, null))
                .metric(minutes(repeat(50, 30)))
                .start(T0)
                .end(T0.plusSeconds(29 * 60))
                .build()
                .run();
        assertThat(s.activities()).isEmpty();
        assertThat(s.step(10).minCapacity()).isEqualTo(2);
    }

    /** A suspension of scale-in that starts during the run: the low metric scales in until then only. */
    @Test
    void aSuspensionThatStartsMidRunStopsScaleInFromThen() {
        MetricSeries low = minutes(repeat(10, 60));
        RegisterScalableTargetRequest suspendIn = RegisterScalableTargetRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .suspendedState(
                        SuspendedState.builder().dynamicScalingInSuspended(true).build())
                .build();
        ScalingSimulator.Builder b = ScalingSimulator.builder()
                .target(target(1, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(low)
                .initialCapacity(10)
                .start(T0)
                .end(T0.plusSeconds(59 * 60));
        // Unsuspended, the 15-minute low alarm scales in at minute 15 and keeps going.
        Map<Integer, Integer> free = changes(b.build().run());
        assertThat(free).containsEntry(15, 2);
        // Suspended from minute 10: nothing moves.
        assertThat(changes(b.targetUpdate(T0.plusSeconds(10 * 60), suspendIn)
                        .build()
                        .run()))
                .isEmpty();
        // Resumed at minute 40 (the update names only the flag it changes): the scale-in comes then.
        RegisterScalableTargetRequest resume = suspendIn.toBuilder()
                .suspendedState(SuspendedState.builder()
                        .dynamicScalingInSuspended(false)
                        .build())
                .build();
        ScalingTimeline resumed =
                b.targetUpdate(T0.plusSeconds(40 * 60), resume).build().run();
        assertThat(changes(resumed).keySet()).allMatch(minute -> minute >= 40).isNotEmpty();
        assertThat(resumed.step(45).minCapacity()).isEqualTo(1);
    }

    @Test
    void newBoundsMidRunMoveTheCapacityInsideThem() {
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(repeat(50, 30)))
                .initialCapacity(4)
                .start(T0)
                .end(T0.plusSeconds(29 * 60))
                .targetUpdate(T0.plusSeconds(12 * 60), target(6, 8))
                .build()
                .run();
        assertThat(changes(t)).containsExactly(Map.entry(12, 6));
        assertThat(t.step(11).minCapacity()).isEqualTo(2);
        assertThat(t.step(12).minCapacity()).isEqualTo(6);
        assertThat(t.step(12).maxCapacity()).isEqualTo(8);
    }

    @Test
    void aTargetUpdateAasWouldRefuseIsRefusedBeforeTheRun() {
        ScalingSimulator.Builder b = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(repeat(50, 30)))
                .start(T0)
                .end(T0.plusSeconds(29 * 60));
        RegisterScalableTargetRequest maxBelowMin = RegisterScalableTargetRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .maxCapacity(1)
                .build();
        assertThatThrownBy(() -> b.targetUpdate(T0.plusSeconds(60), maxBelowMin).build())
                .isInstanceOf(io.github.berth.scaling.error.ValidationException.class);
    }

    @Test
    void aTargetUpdateOutsideTheRunOrForAnotherTargetIsRefused() {
        ScalingSimulator.Builder b = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(repeat(50, 30)))
                .start(T0)
                .end(T0.plusSeconds(29 * 60));
        assertThatThrownBy(
                        () -> b.targetUpdate(T0.plusSeconds(3600), target(2, 4)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a target update at 2024-03-04T01:00:00Z lies outside the run (2024-03-04T00:00:00Z to "
                        + "2024-03-04T00:29:00Z)");
        ScalingSimulator.Builder other = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(repeat(50, 30)))
                .start(T0)
                .end(T0.plusSeconds(29 * 60))
                .targetUpdate(
                        T0.plusSeconds(60),
                        target(2, 4).toBuilder().resourceId("service/prod/api").build());
        assertThatThrownBy(other::build).isInstanceOf(io.github.berth.scaling.error.ObjectNotFoundException.class);
    }

    @Test
    void noScaleInDuringADeployment() {
        MetricSeries low = minutes(repeat(10, 60));
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(1, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(low)
                .initialCapacity(10)
                .deployment(T0, T0.plusSeconds(30 * 60))
                .start(T0)
                .end(T0.plusSeconds(59 * 60))
                .build()
                .run();
        assertThat(changes(t).keySet()).allMatch(minute -> minute >= 30);
        assertThat(changes(t)).containsEntry(30, 2);
    }

    @Test
    void aCapacityOutsideTheBoundsIsMovedInsideAtRegistration() {
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(3, 6))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(repeat(50, 10)))
                .initialCapacity(9)
                .start(T0)
                .end(T0.plusSeconds(5 * 60))
                .build()
                .run();
        assertThat(t.capacity(0)).isEqualTo(6);
        assertThat(t.activities().get(0).description()).isEqualTo("Setting desired count to 6.");
    }

    @Test
    void aPredictiveForecastIsAFloor() {
        PutScalingPolicyRequest predictive = PutScalingPolicyRequest.builder()
                .policyName("forecast")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.PREDICTIVE_SCALING)
                .predictiveScalingPolicyConfiguration(PredictiveScalingPolicyConfiguration.builder()
                        .mode(PredictiveScalingMode.FORECAST_AND_SCALE)
                        .addMetricSpecifications(PredictiveScalingMetricSpecification.builder()
                                .targetValue(50.0)
                                .predefinedMetricPairSpecification(
                                        PredictiveScalingPredefinedMetricPairSpecification.builder()
                                                .predefinedMetricType("ECSServiceCPUUtilization")
                                                .build())
                                .build())
                        .build())
                .build();
        CapacityForecast forecast = CapacityForecast.builder()
                .timestamps(List.of(T0.plusSeconds(3600), T0.plusSeconds(7200)))
                .values(List.of(8.0, 3.0))
                .build();
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .addPolicy(predictive)
                .forecast("forecast", forecast)
                .metric(minutes(repeat(50, 200)))
                .start(T0)
                .end(T0.plusSeconds(3 * 3600))
                .build()
                .run();
        // In place 5 minutes ahead of 01:00; held through the hour (the target tracking policy sits at target).
        assertThat(changes(t)).containsExactly(Map.entry(55, 8));
        assertThat(t.activities().get(0).cause()).isEqualTo("predictive scaling policy forecast scheduled capacity 8");
    }

    static PutScalingPolicyRequest predictive(String name, PredictiveScalingPolicyConfiguration.Builder config) {
        return PutScalingPolicyRequest.builder()
                .policyName(name)
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.PREDICTIVE_SCALING)
                .predictiveScalingPolicyConfiguration(config.mode(PredictiveScalingMode.FORECAST_AND_SCALE)
                        .addMetricSpecifications(PredictiveScalingMetricSpecification.builder()
                                .targetValue(50.0)
                                .predefinedMetricPairSpecification(
                                        PredictiveScalingPredefinedMetricPairSpecification.builder()
                                                .predefinedMetricType("ECSServiceCPUUtilization")
                                                .build())
                                .build())
                        .build())
                .build();
    }

    @Test
    void aForecastOneAboveTheCapacityRaisesIt() {
        CapacityForecast forecast = CapacityForecast.builder()
                .timestamps(List.of(T0.plusSeconds(3600)))
                .values(List.of(8.0))
                .build();
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .addPolicy(predictive("forecast", PredictiveScalingPolicyConfiguration.builder()))
                .forecast("forecast", forecast)
                .metric(minutes(repeat(50, 200)))
                .initialCapacity(7)
                .start(T0)
                .end(T0.plusSeconds(2 * 3600))
                .build()
                .run();
        assertThat(changes(t)).containsExactly(Map.entry(55, 8));
    }

    @Test
    void increaseMaxCapacityLetsDynamicScalingGoPastMaxCapacityUpToTheBuffer() {
        // docs/scaling.md#predictive-scaling: forecast 30, MaxCapacity 20, buffer 10 %: effective maximum 33. The
        // target
        // tracking policy asking for more than that is held at 33, not at 20 (nor at the forecast 30).
        CapacityForecast forecast = CapacityForecast.builder()
                .timestamps(List.of(T0))
                .values(List.of(30.0))
                .build();
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .addPolicy(predictive(
                        "forecast",
                        PredictiveScalingPolicyConfiguration.builder()
                                .maxCapacityBreachBehavior(
                                        PredictiveScalingMaxCapacityBreachBehavior.INCREASE_MAX_CAPACITY)
                                .maxCapacityBuffer(10)))
                .forecast("forecast", forecast)
                .metric(minutes(repeat(90, 60)))
                .initialCapacity(10)
                .start(T0)
                .end(T0.plusSeconds(30 * 60))
                .build()
                .run();
        assertThat(t.capacity(0)).isEqualTo(30);
        assertThat(t.capacity(t.size() - 1)).isEqualTo(33);
    }

    // ------------------------------------------------------------------ output

    @Test
    void csvHasTheHeaderAndOneRowPerStep() {
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(concat(repeat(30.5, 3), repeat(90, 4))))
                .initialCapacity(4)
                .start(T0)
                .end(T0.plusSeconds(6 * 60))
                .build()
                .run();
        String[] lines = t.toCsv().split("\n");
        assertThat(lines[0]).isEqualTo("timestamp,metric,capacity,min_capacity,max_capacity,activity");
        assertThat(lines).hasSize(8);
        assertThat(lines[1]).isEqualTo("2024-03-04T00:00:00Z,30.5,4,2,20,");
        assertThat(lines[7]).isEqualTo("2024-03-04T00:06:00Z,90,8,2,20,Setting desired count to 8.");
    }

    @Test
    void theStepsAreValues() {
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(30, 30))
                .start(T0)
                .end(T0.plusSeconds(180))
                .build()
                .run();
        assertThat(t.steps()).hasSize(4);
        assertThat(t.steps().get(0)).isEqualTo(new TimelineStep(T0, 30, 2, 2, 20, List.of()));
        assertThat(t.steps().get(3).metric()).isNaN();
    }

    /** Target tracking at 50 on a CPU of 30, then 90 for ten minutes, then 30 again: out and back in. */
    static ScalingTimeline outAndBackIn() {
        return ScalingSimulator.builder()
                .target(target(2, 20))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(concat(repeat(30, 20), repeat(90, 10), repeat(30, 40))))
                .initialCapacity(4)
                .start(T0)
                .end(T0.plusSeconds(69 * 60))
                .build()
                .run();
    }

    @Test
    void svgIsAWellFormedSelfContainedDocument() throws Exception {
        ScalingTimeline t = outAndBackIn();
        String svg = t.toSvg();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(d.getElementsByTagName("circle").getLength())
                .isEqualTo(t.activities().size() + 1); // + legend
        assertThat(d.getElementsByTagName("polyline").getLength()).isGreaterThanOrEqualTo(4);
        assertThat(svg)
                .contains("cpu target 50")
                .contains("Cause: monitor alarm")
                .doesNotContain("href")
                .doesNotContain("<script");
    }

    // ------------------------------------------------------------------ checks

    @Test
    void aPolicyForAnotherTargetIsNotFound() {
        PutScalingPolicyRequest other = targetTracking("cpu", 50).toBuilder()
                .resourceId("service/prod/api")
                .build();
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(other)
                        .metric(minutes(1))
                        .start(T0)
                        .end(T0.plusSeconds(60))
                        .build())
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("No scalable target registered for service namespace: ecs, resource ID: service/prod/api, "
                        + "scalable dimension: ecs:service:DesiredCount");
    }

    @Test
    void aTargetHoldsAtMostFiftyPoliciesAndTwoHundredScheduledActions() {
        ScalingSimulator.Builder b = ScalingSimulator.builder()
                .target(target(1, 5))
                .metric(minutes(1))
                .start(T0)
                .end(T0.plusSeconds(60));
        for (int i = 0; i < 50; i++) {
            b.addPolicy(targetTracking("cpu" + i, 50));
        }
        for (int i = 0; i < 200; i++) {
            b.addScheduledAction(scheduled("a" + i, "rate(1 day)", 1, 5));
        }
        assertThat(b.build().steps()).isEqualTo(2);
        b.addPolicy(targetTracking("cpu0", 60)); // replaces cpu0, as PutScalingPolicy does
        assertThat(b.build().steps()).isEqualTo(2);
        b.addPolicy(targetTracking("cpu50", 50));
        assertThatThrownBy(b::build)
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("The scalable target " + RESOURCE + " can have at most 50 scaling policies");
        ScalingSimulator.Builder actions = ScalingSimulator.builder()
                .target(target(1, 5))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(1))
                .start(T0)
                .end(T0.plusSeconds(60));
        for (int i = 0; i <= 200; i++) {
            actions.addScheduledAction(scheduled("a" + i, "rate(1 day)", 1, 5));
        }
        assertThatThrownBy(actions::build)
                .isInstanceOf(LimitExceededException.class)
                .hasMessage("The scalable target " + RESOURCE + " can have at most 200 scheduled actions");
    }

    @Test
    void whatAasWouldRefuseIsRefused() {
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(5, 1))
                        .addPolicy(targetTracking("cpu", 50))
                        .metric(minutes(1))
                        .start(T0)
                        .end(T0.plusSeconds(60))
                        .build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("Maximum capacity cannot be less than minimum capacity");
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(targetTracking("cpu", 50))
                        .addScheduledAction(scheduled("bad", "cron(0 9 * * * *)", 2, null))
                        .metric(minutes(1))
                        .start(T0)
                        .end(T0.plusSeconds(60))
                        .build())
                .isInstanceOf(ValidationException.class)
                .hasMessage("Invalid CRON expression");
    }

    @Test
    void whatTheSimulationLacksIsNamed() {
        PutScalingPolicyRequest step = PutScalingPolicyRequest.builder()
                .policyName("s")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .addStepAdjustments(StepAdjustment.builder()
                                .metricIntervalLowerBound(0.0)
                                .scalingAdjustment(1)
                                .build())
                        .build())
                .build();
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(step)
                        .metric(minutes(1))
                        .start(T0)
                        .end(T0.plusSeconds(60))
                        .build())
                .hasMessageContaining("step scaling policy 's' has no alarm");
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(targetTracking("cpu", 50))
                        .start(T0)
                        .end(T0.plusSeconds(60))
                        .build())
                .hasMessageContaining("policy 'cpu' has no metric");
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(targetTracking("cpu", 50))
                        .metric(minutes(1))
                        .start(T0)
                        .end(T0)
                        .build())
                .hasMessageContaining("must be before the end");
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(targetTracking("cpu", 0))
                        .metric(minutes(1))
                        .start(T0)
                        .end(T0.plusSeconds(60))
                        .build())
                .hasMessageContaining("above 0");
    }

    @Test
    void aRunSpansAtMostMaxSpanWhateverTheStep() {
        // A long step once hid a span of centuries: the alarms' datapoints overflowed their array.
        Instant yearOn = T0.plus(ScalingSimulator.MAX_SPAN);
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(1, 5))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(1))
                .start(T0)
                .end(yearOn)
                .step(ScalingSimulator.MAX_SPAN)
                .build()
                .run();
        assertThat(t.size()).isEqualTo(2);
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(targetTracking("cpu", 50))
                        .metric(minutes(1))
                        .start(T0)
                        .end(yearOn.plusSeconds(1))
                        .step(Duration.ofDays(3650))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the run spans more than 366 days");
    }

    @Test
    void aStepIsAtMostMaxSpan() {
        // A step of 2,700 years over a day once ran out of memory: its seconds wrapped round as an int period.
        Instant dayOn = T0.plus(Duration.ofDays(1));
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(targetTracking("cpu", 50))
                        .metric(minutes(1))
                        .start(T0)
                        .end(dayOn)
                        .step(Duration.ofSeconds(86_400_000_000L))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the step must be at most 366 days, found PT24000000H");
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target(1, 5))
                        .addPolicy(targetTracking("cpu", 50))
                        .metric(minutes(1))
                        .start(T0)
                        .end(dayOn)
                        .step(ScalingSimulator.MAX_SPAN.plusSeconds(1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the step must be at most 366 days");
        ScalingTimeline t = ScalingSimulator.builder()
                .target(target(1, 5))
                .addPolicy(targetTracking("cpu", 50))
                .metric(minutes(1))
                .start(T0)
                .end(dayOn)
                .step(ScalingSimulator.MAX_SPAN)
                .build()
                .run();
        assertThat(t.size()).isEqualTo(1);
    }
}
