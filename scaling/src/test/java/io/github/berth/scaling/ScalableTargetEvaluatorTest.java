package io.github.berth.scaling;

import static io.github.berth.scaling.ScalingSimulatorTest.RESOURCE;
import static io.github.berth.scaling.ScalingSimulatorTest.T0;
import static io.github.berth.scaling.ScalingSimulatorTest.scheduled;
import static io.github.berth.scaling.ScalingSimulatorTest.target;
import static io.github.berth.scaling.ScalingSimulatorTest.targetTracking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.scaling.ScalableTargetEvaluator.StepInput;
import io.github.berth.scaling.ScalableTargetEvaluator.StepResult;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.ComparisonOperator;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.error.ObjectNotFoundException;
import io.github.berth.scaling.error.ValidationException;
import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ScalingActivityStatusCode;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.SuspendedState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ScalableTargetEvaluatorTest {

    /** 360 % of one task's CPU: 4 tasks run at 90 %, 8 at 45 %. */
    static final IntToDoubleFunction LOAD_360 = tasks -> 360.0 / tasks;

    static Instant minute(int m) {
        return T0.plusSeconds(60L * m);
    }

    static ScalableTargetEvaluator evaluator(int min, int max) {
        return ScalableTargetEvaluator.builder()
                .target(target(min, max))
                .seed(7)
                .build();
    }

    /** A service whose tasks run at once; its CPU comes from the load; one step a minute. */
    static final class Service {
        final ScalableTargetEvaluator aas;
        int desired;
        int minute;
        final List<StepResult> results = new ArrayList<>();

        Service(ScalableTargetEvaluator aas, int desired) {
            this.aas = aas;
            this.desired = desired;
        }

        StepResult step(IntToDoubleFunction load, boolean deploying) {
            StepResult r = aas.step(StepInput.at(minute(minute++))
                    .desiredCount(desired)
                    .deploymentInProgress(deploying)
                    .datapoint(MetricKey.ECS_CPU, load.applyAsDouble(desired)));
            r.desiredCount().ifPresent(d -> desired = d);
            results.add(r);
            return r;
        }

        /** Steps until minute {@code until} (exclusive); returns the desired count after each. */
        List<Integer> run(int until, IntToDoubleFunction load) {
            List<Integer> out = new ArrayList<>();
            while (minute < until) {
                step(load, false);
                out.add(desired);
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ target tracking, datapoints step by step

    @Test
    void aTargetTrackingPolicyScalesOutOnThreeMinutesAboveTheTarget() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        Service s = new Service(aas, 4);

        // The samples of minutes 0, 1 and 2 fill three periods; the step at minute 3 reads them.
        assertThat(s.run(4, LOAD_360)).containsExactly(4, 4, 4, 8);
        StepResult r = s.results.get(3);
        assertThat(r.desiredCount()).hasValue(8);
        String high = aas.alarmNames("cpu50").get(0);
        assertThat(high)
                .matches(
                        "TargetTracking-service/prod/web-AlarmHigh-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        ScalingActivity a = r.activities().get(0);
        assertThat(a.description()).isEqualTo("Setting desired count to 8.");
        assertThat(a.cause()).isEqualTo("monitor alarm " + high + " in state ALARM triggered policy cpu50");
        assertThat(a.statusCode()).isEqualTo(ScalingActivityStatusCode.SUCCESSFUL);
        assertThat(a.statusMessage())
                .isEqualTo("Successfully set desired count to 8. Change successfully fulfilled by ecs.");
        assertThat(a.startTime()).isEqualTo(minute(3));
        assertThat(r.alarmTransitions())
                .contains(new AlarmTransition(minute(3), high, AlarmState.INSUFFICIENT_DATA, AlarmState.ALARM));
        // At 8 tasks the CPU is 45 %: neither alarm fires again.
        assertThat(s.run(30, LOAD_360)).containsOnly(8);
    }

    @Test
    void twoMinutesAboveTheTargetThenBelowItDoNotScaleOut() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        Service s = new Service(aas, 4);
        s.run(2, LOAD_360);
        List<Integer> desired = s.run(30, tasks -> 48); // 48 %: below the target, above its 90 % (43.2)
        assertThat(desired).containsOnly(4);
        assertThat(s.results).allSatisfy(r -> assertThat(r.activities()).isEmpty());
        assertThat(aas.alarmState(aas.alarmNames("cpu50").get(0))).isEqualTo(AlarmState.OK);
    }

    // ------------------------------------------------------------------ changes between steps

    @Test
    void aPolicyPutMidRunActsOnTheDatapointsThatFollow() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        Service s = new Service(aas, 4);
        assertThat(s.run(10, LOAD_360)).containsOnly(4); // no policy: nothing scales
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        // No alarm read the CPU before, so none of it was kept: three new minutes are needed.
        assertThat(s.run(14, LOAD_360)).containsExactly(4, 4, 4, 8);
    }

    @Test
    void aPolicyPutMidRunReadsTheHistoryOfAMetricDataFunctionAtOnce() {
        ScalableTargetEvaluator aas = ScalableTargetEvaluator.builder()
                .target(target(1, 20))
                .seed(7)
                .metricData((policy, metric, periodStart, period, statistic) ->
                        metric.equals(MetricKey.ECS_CPU) ? 90 : Double.NaN)
                .build();
        for (int m = 0; m < 10; m++) {
            assertThat(aas.step(StepInput.at(minute(m)).desiredCount(4)).desiredCount())
                    .isEmpty();
        }
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        assertThat(aas.step(StepInput.at(minute(10)).desiredCount(4)).desiredCount())
                .hasValue(8);
    }

    @Test
    void aDeletedPolicyNoLongerScalesAndCannotBeDeletedTwice() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        Service s = new Service(aas, 4);
        s.run(2, LOAD_360);
        aas.deleteScalingPolicy("cpu50");
        assertThat(s.run(30, LOAD_360)).containsOnly(4);
        assertThat(aas.alarmNames("cpu50")).isEmpty();
        assertThatThrownBy(() -> aas.deleteScalingPolicy("cpu50"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("No scaling policy found for service namespace: ecs, resource ID: service/prod/web, "
                        + "scalable dimension: ecs:service:DesiredCount, policy name: cpu50");
    }

    @Test
    void aReplacedPolicyGetsNewAlarmsAndItsNewTarget() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu", 50));
        List<String> first = aas.alarmNames("cpu");
        Service s = new Service(aas, 4);
        s.run(2, LOAD_360);
        aas.putScalingPolicy(targetTracking("cpu", 95)); // 90 % is now below the target
        assertThat(aas.alarmNames("cpu")).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(s.run(30, LOAD_360)).containsOnly(4);
    }

    @Test
    void scaleOutSuspendedMidRunHoldsUntilResumed() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        Service s = new Service(aas, 4);
        s.run(1, LOAD_360);
        aas.registerScalableTarget(
                update(SuspendedState.builder().dynamicScalingOutSuspended(true).build()));
        assertThat(s.run(8, LOAD_360)).containsOnly(4);
        assertThat(aas.alarmState(aas.alarmNames("cpu50").get(0))).isEqualTo(AlarmState.ALARM);
        aas.registerScalableTarget(update(
                SuspendedState.builder().dynamicScalingOutSuspended(false).build()));
        assertThat(s.run(9, LOAD_360)).containsExactly(8);
        // The update kept MinCapacity and MaxCapacity, which it did not name.
        assertThat(aas.target().minCapacity()).isEqualTo(1);
        assertThat(aas.target().maxCapacity()).isEqualTo(20);
    }

    static RegisterScalableTargetRequest update(SuspendedState state) {
        return RegisterScalableTargetRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .suspendedState(state)
                .build();
    }

    @Test
    void aDeploymentInProgressBlocksScaleInNotScaleOut() {
        // 10 tasks at 20 % of target 50: the low alarm needs 15 periods, then scale in to ceil(10 x 20 / 50) = 4.
        IntToDoubleFunction load = tasks -> 200.0 / tasks;
        ScalableTargetEvaluator free = evaluator(1, 20);
        free.putScalingPolicy(targetTracking("cpu50", 50));
        Service a = new Service(free, 10);
        List<Integer> noDeployment = a.run(16, load);
        assertThat(noDeployment.subList(0, 15)).containsOnly(10);
        assertThat(noDeployment.get(15)).isEqualTo(4);

        ScalableTargetEvaluator held = evaluator(1, 20);
        held.putScalingPolicy(targetTracking("cpu50", 50));
        Service b = new Service(held, 10);
        for (int m = 0; m < 30; m++) {
            b.step(load, true);
            assertThat(b.desired).isEqualTo(10);
        }
        b.step(load, false);
        assertThat(b.desired).isEqualTo(4);

        // Scale-out goes on during a deployment.
        ScalableTargetEvaluator out = evaluator(1, 20);
        out.putScalingPolicy(targetTracking("cpu50", 50));
        Service c = new Service(out, 4);
        for (int m = 0; m < 4; m++) {
            c.step(LOAD_360, true);
        }
        assertThat(c.desired).isEqualTo(8);
    }

    @Test
    void policiesScaleFromTheRunningCountAndNeverLowerTheDesiredCountOnScaleOut() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        StepResult r = null;
        for (int m = 0; m < 4; m++) {
            // 10 desired, 5 running at 90 %: ceil(5 x 90 / 50) = 9, below the desired 10: nothing to do.
            r = aas.step(
                    StepInput.at(minute(m)).desiredCount(10).runningCount(5).datapoint(MetricKey.ECS_CPU, 90));
        }
        assertThat(r.desiredCount()).isEmpty();
        // 8 running at 90 %: ceil(8 x 90 / 50) = 15.
        r = aas.step(StepInput.at(minute(4)).desiredCount(10).runningCount(8).datapoint(MetricKey.ECS_CPU, 90));
        assertThat(r.desiredCount()).hasValue(15);
    }

    @Test
    void aStepPolicyActsOnItsAlarmsMetric() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(PutScalingPolicyRequest.builder()
                .policyName("burst")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.STEP_SCALING)
                .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .addStepAdjustments(StepAdjustment.builder()
                                .metricIntervalLowerBound(0.0)
                                .scalingAdjustment(3)
                                .build())
                        .build())
                .build());
        MetricKey queue = new MetricKey.OfAlarm("queue-deep");
        // Without its alarm the policy does nothing.
        assertThat(aas.step(StepInput.at(minute(0)).desiredCount(2).datapoint(queue, 500))
                        .desiredCount())
                .isEmpty();
        aas.putAlarm(
                "burst",
                AlarmSpec.of("queue-deep", Statistic.MAXIMUM, 60, 2, ComparisonOperator.GREATER_THAN_THRESHOLD, 100));
        assertThat(aas.alarmNames("burst")).containsExactly("queue-deep");
        assertThat(aas.step(StepInput.at(minute(1)).desiredCount(2).datapoint(queue, 500))
                        .desiredCount())
                .isEmpty();
        assertThat(aas.step(StepInput.at(minute(2)).desiredCount(2).datapoint(queue, 500))
                        .desiredCount())
                .isEmpty();
        StepResult r = aas.step(StepInput.at(minute(3)).desiredCount(2).datapoint(queue, 500));
        assertThat(r.desiredCount()).hasValue(5);
        assertThat(r.activities().get(0).cause())
                .isEqualTo("monitor alarm queue-deep in state ALARM triggered policy burst");
        assertThatThrownBy(() -> aas.putAlarm(
                        "nope",
                        AlarmSpec.of("x", Statistic.MAXIMUM, 60, 2, ComparisonOperator.GREATER_THAN_THRESHOLD, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an alarm is given for 'nope', which is not a step scaling policy");
    }

    @Test
    void aStepPolicyWhoseAlarmIsRemovedActsNoMore() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(PutScalingPolicyRequest.builder()
                .policyName("burst")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .policyType(PolicyType.STEP_SCALING)
                .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .cooldown(0)
                        .addStepAdjustments(StepAdjustment.builder()
                                .metricIntervalLowerBound(0.0)
                                .scalingAdjustment(1)
                                .build())
                        .build())
                .build());
        MetricKey queue = new MetricKey.OfAlarm("queue-deep");
        aas.putAlarm(
                "burst",
                AlarmSpec.of("queue-deep", Statistic.MAXIMUM, 60, 1, ComparisonOperator.GREATER_THAN_THRESHOLD, 100));
        aas.step(StepInput.at(minute(0)).desiredCount(2).datapoint(queue, 500));
        assertThat(aas.step(StepInput.at(minute(1)).desiredCount(2).datapoint(queue, 500))
                        .desiredCount())
                .hasValue(3);
        aas.removeAlarm("burst");
        assertThat(aas.alarmNames("burst")).isEmpty();
        assertThat(aas.alarmState("queue-deep")).isNull();
        assertThat(aas.step(StepInput.at(minute(2)).desiredCount(3).datapoint(queue, 500))
                        .desiredCount())
                .isEmpty();
        assertThat(aas.step(StepInput.at(minute(3)).desiredCount(3).datapoint(queue, 500))
                        .desiredCount())
                .isEmpty();
        aas.removeAlarm("burst"); // a policy without an alarm: nothing happens
        assertThatThrownBy(() -> aas.removeAlarm("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'nope' is not a step scaling policy");
    }

    @Test
    void aScheduledActionPutMidRunSetsTheBoundsAndIsGoneOnceDeleted() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        Service s = new Service(aas, 4);
        s.run(3, LOAD_360);
        aas.putScheduledAction(scheduled("morning", "cron(5 * * * ? *)", 6, null)); // minute 5 of every hour
        List<Integer> desired = s.run(7, LOAD_360);
        assertThat(desired).containsExactly(4, 4, 6, 6);
        StepResult at5 = s.results.get(5);
        assertThat(at5.minCapacity()).isEqualTo(6);
        assertThat(at5.boundsChanged()).isTrue();
        assertThat(at5.activities())
                .extracting(ScalingActivity::description)
                .containsExactly("Setting min capacity to 6", "Setting desired count to 6.");
        assertThat(s.results.get(6).boundsChanged()).isFalse();
        aas.deleteScheduledAction("morning");
        aas.registerScalableTarget(target(1, 20)); // min back to 1
        assertThat(s.run(70, LOAD_360)).containsOnly(6); // minute 65 runs nothing
        assertThat(s.results.get(65).minCapacity()).isEqualTo(1);
        assertThatThrownBy(() -> aas.deleteScheduledAction("morning"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("No scheduled action found for service namespace: ecs, resource ID: service/prod/web, "
                        + "scalable dimension: ecs:service:DesiredCount, scheduled action name: morning");
    }

    @Test
    void registrationMovesTheDesiredCountInsideTheBoundsAtTheNextStep() {
        ScalableTargetEvaluator aas = evaluator(2, 5);
        StepResult r = aas.step(StepInput.at(minute(0)).desiredCount(9));
        assertThat(r.desiredCount()).hasValue(5);
        assertThat(r.activities()).extracting(ScalingActivity::cause).containsExactly("maximum capacity was set to 5");
        assertThat(aas.step(StepInput.at(minute(1)).desiredCount(9)).desiredCount())
                .isEmpty(); // only at registration
        aas.registerScalableTarget(target(6, 8));
        assertThat(aas.step(StepInput.at(minute(2)).desiredCount(3)).desiredCount())
                .hasValue(6);
    }

    @Test
    void aScaleOutAskedForAtTheMaximumIsANotScaledActivity() {
        ScalableTargetEvaluator aas = evaluator(1, 4);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        Service s = new Service(aas, 4);
        assertThat(s.run(4, LOAD_360)).containsOnly(4);
        assertThat(s.results.subList(0, 3))
                .allSatisfy(r -> assertThat(r.notScaledActivities()).isEmpty());
        StepResult r = s.results.get(3);
        assertThat(r.activities()).isEmpty();
        ScalingActivity a = r.notScaledActivities().get(0);
        assertThat(a.description()).isEqualTo("Attempting to scale due to alarm triggered");
        assertThat(a.cause())
                .isEqualTo(
                        "monitor alarm " + aas.alarmNames("cpu50").get(0) + " in state ALARM triggered policy cpu50");
        assertThat(a.statusCode()).isEqualTo(ScalingActivityStatusCode.FAILED);
        assertThat(a.statusMessage()).isNull();
        assertThat(a.notScaledReasons()).hasSize(1);
        assertThat(a.notScaledReasons().get(0).code()).isEqualTo("AlreadyAtMaxCapacity");
        assertThat(a.notScaledReasons().get(0).maxCapacity()).isEqualTo(4);
        assertThat(a.activityId())
                .isNotEqualTo(aas.alarmNames("cpu50")
                        .get(0)
                        .substring("TargetTracking-service/prod/web-AlarmHigh-".length()));

        // Below the maximum the same alarm scales, and nothing is recorded as not scaled.
        ScalableTargetEvaluator room = evaluator(1, 5);
        room.putScalingPolicy(targetTracking("cpu50", 50));
        Service t = new Service(room, 4);
        assertThat(t.run(4, LOAD_360)).containsExactly(4, 4, 4, 5);
        assertThat(t.results)
                .allSatisfy(x -> assertThat(x.notScaledActivities()).isEmpty());
    }

    // ------------------------------------------------------------------ bad input changes nothing

    @Test
    void aPolicyForAnotherTargetIsRefusedAndChangesNothing() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        List<String> alarms = aas.alarmNames("cpu50");
        PutScalingPolicyRequest other = targetTracking("cpu50", 70).toBuilder()
                .resourceId("service/prod/other")
                .build();
        assertThatThrownBy(() -> aas.putScalingPolicy(other))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage(
                        "No scalable target registered for service namespace: ecs, resource ID: service/prod/other, "
                                + "scalable dimension: ecs:service:DesiredCount");
        assertThat(aas.alarmNames("cpu50")).isEqualTo(alarms);
        Service s = new Service(aas, 4);
        assertThat(s.run(4, LOAD_360)).containsExactly(4, 4, 4, 8); // still tracking 50, not 70
    }

    @Test
    void anInvalidPolicyIsRefusedAsAasWould() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        PutScalingPolicyRequest noConfiguration = targetTracking("cpu50", 50).toBuilder()
                .targetTrackingScalingPolicyConfiguration((TargetTrackingScalingPolicyConfiguration) null)
                .build();
        assertThatThrownBy(() -> aas.putScalingPolicy(noConfiguration)).isInstanceOf(ValidationException.class);
        assertThat(aas.alarmNames("cpu50")).isEmpty();
    }

    @Test
    void aPolicyOrScheduledActionWithoutItsNameIsRefusedAsAasWould() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        PutScalingPolicyRequest noName = targetTracking("cpu50", 50).toBuilder()
                .policyName((String) null)
                .build();
        assertThatThrownBy(() -> aas.putScalingPolicy(noName))
                .isInstanceOf(ValidationException.class)
                .hasMessage("1 validation error detected: Value null at 'policyName' failed to satisfy constraint: "
                        + "Member must not be null");
        PutScheduledActionRequest unnamed = scheduled("morning", "cron(5 * * * ? *)", 6, null).toBuilder()
                .scheduledActionName((String) null)
                .build();
        assertThatThrownBy(() -> aas.putScheduledAction(unnamed))
                .isInstanceOf(ValidationException.class)
                .hasMessage("1 validation error detected: Value null at 'scheduledActionName' failed to satisfy "
                        + "constraint: Member must not be null");
        // Named, the same requests are taken.
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        aas.putScheduledAction(scheduled("morning", "cron(5 * * * ? *)", 6, null));
        assertThat(aas.alarmNames("cpu50")).hasSize(2);
    }

    @Test
    void aStepBeforeThePreviousOneIsRefused() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.step(StepInput.at(minute(5)).desiredCount(1));
        assertThatThrownBy(() -> aas.step(StepInput.at(minute(4)).desiredCount(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a step at 2024-03-04T00:04:00Z comes before the previous one, at 2024-03-04T00:05:00Z");
        assertThatThrownBy(() -> aas.step(StepInput.at(minute(6))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a step needs the service's desired count");
        assertThatThrownBy(() ->
                        aas.step(StepInput.at(minute(6)).desiredCount(1).datapoint(MetricKey.ECS_CPU, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the datapoint of Predefined[metricType=ECSServiceAverageCPUUtilization");
    }

    // ------------------------------------------------------------------ memory and determinism

    @Test
    void memoryDoesNotGrowWithTheNumberOfSteps() {
        ScalableTargetEvaluator aas = evaluator(1, 20);
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        Service s = new Service(aas, 4);
        s.run(60 * 24, tasks -> 40);
        // The high alarm's range (3 + 2), the low alarm's (15 + 2), and 18 minutes of CPU samples.
        assertThat(aas.retainedDatapoints()).isEqualTo(5 + 17 + 18);
        s.run(60 * 24 * 30, tasks -> 40);
        assertThat(aas.retainedDatapoints()).isEqualTo(5 + 17 + 18);
        aas.deleteScalingPolicy("cpu50");
        assertThat(aas.retainedDatapoints()).isZero();
    }

    @Test
    void namesAndIdsComeFromTheSeedWhenEverTheyAreRead() {
        List<String> readEachStep = ids(7, true);
        assertThat(readEachStep).hasSize(3);
        assertThat(ids(7, false)).isEqualTo(readEachStep);
        assertThat(ids(8, true)).doesNotContainAnyElementsOf(readEachStep);
    }

    /** The alarm names, then the activity ids of a run that scales out then is put a second policy. */
    private static List<String> ids(long seed, boolean readEachStep) {
        ScalableTargetEvaluator aas = ScalableTargetEvaluator.builder()
                .target(target(1, 20))
                .seed(seed)
                .build();
        aas.putScalingPolicy(targetTracking("cpu50", 50));
        List<StepResult> results = new ArrayList<>();
        List<String> activityIds = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            StepResult r = aas.step(StepInput.at(minute(m)).desiredCount(4).datapoint(MetricKey.ECS_CPU, 90));
            results.add(r);
            if (readEachStep) {
                r.activities().forEach(a -> activityIds.add(a.activityId()));
            }
        }
        aas.putScalingPolicy(targetTracking("cpu60", 60));
        if (!readEachStep) {
            results.forEach(r -> r.activities().forEach(a -> activityIds.add(a.activityId())));
        }
        List<String> out = new ArrayList<>(activityIds);
        out.add(aas.alarmNames("cpu60").get(0));
        out.add(aas.alarmNames("cpu60").get(1));
        return out;
    }
}
