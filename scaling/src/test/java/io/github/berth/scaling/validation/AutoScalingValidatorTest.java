package io.github.berth.scaling.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.validation.Violation;
import io.github.berth.scaling.error.ObjectNotFoundException;
import io.github.berth.scaling.error.ValidationException;
import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.CustomizedMetricSpecification;
import io.github.berth.scaling.model.MetricStatistic;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingCustomizedMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingMaxCapacityBreachBehavior;
import io.github.berth.scaling.model.PredictiveScalingMetricDataQuery;
import io.github.berth.scaling.model.PredictiveScalingMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingPolicyConfiguration;
import io.github.berth.scaling.model.PredictiveScalingPredefinedLoadMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingPredefinedMetricPairSpecification;
import io.github.berth.scaling.model.PredictiveScalingPredefinedScalingMetricSpecification;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.TargetTrackingMetric;
import io.github.berth.scaling.model.TargetTrackingMetricDataQuery;
import io.github.berth.scaling.model.TargetTrackingMetricStat;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoScalingValidatorTest {

    private static RegisterScalableTargetRequest.Builder target() {
        return RegisterScalableTargetRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/c/s")
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .minCapacity(1)
                .maxCapacity(10);
    }

    private static PutScalingPolicyRequest.Builder policy() {
        return PutScalingPolicyRequest.builder()
                .policyName("p")
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/c/s")
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT);
    }

    private static StepAdjustment step(Double lower, Double upper, int adjustment) {
        return StepAdjustment.builder()
                .metricIntervalLowerBound(lower)
                .metricIntervalUpperBound(upper)
                .scalingAdjustment(adjustment)
                .build();
    }

    private static List<Violation> steps(AdjustmentType type, StepAdjustment... steps) {
        return AutoScalingValidator.validate(policy().policyType(PolicyType.STEP_SCALING)
                .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                        .adjustmentType(type)
                        .stepAdjustments(List.of(steps))
                        .build())
                .build());
    }

    private static PutScheduledActionRequest.Builder action() {
        return PutScheduledActionRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId("service/c/s")
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .scheduledActionName("night")
                .schedule("cron(0 22 ? * MON-FRI *)")
                .scalableTargetAction(
                        ScalableTargetAction.builder().minCapacity(1).build());
    }

    private static void only(List<Violation> v, String path, String message) {
        assertThat(v)
                .extracting(Violation::path, Violation::errorCode, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(path, "ValidationException", message));
    }

    // ------------------------------------------------------------------ RegisterScalableTarget

    @Test
    void aScalableTargetWithinItsBoundsPasses() {
        assertThat(AutoScalingValidator.validate(target().build())).isEmpty();
        assertThat(AutoScalingValidator.validate(
                        target().minCapacity(0).maxCapacity(0).build()))
                .isEmpty();
    }

    @Test
    void minAboveMaxIsRefused() {
        only(
                AutoScalingValidator.validate(
                        target().minCapacity(5).maxCapacity(2).build()),
                "MaxCapacity",
                "Maximum capacity cannot be less than minimum capacity");
    }

    @Test
    void aNewTargetNeedsBothBounds() {
        List<Violation> v = AutoScalingValidator.validate(
                target().minCapacity(null).maxCapacity(null).build());
        assertThat(v).extracting(Violation::path).containsExactly("MinCapacity", "MaxCapacity");
        only(
                AutoScalingValidator.validate(target().minCapacity(-1).build()),
                "MinCapacity",
                "Minimum capacity cannot be less than 0");
    }

    @Test
    void modelConstraintsComeInTheAwsForm() {
        List<Violation> v = AutoScalingValidator.validate(
                target().serviceNamespace(ServiceNamespace.fromValue("ecz")).build());
        assertThat(v).hasSize(1);
        String constraint = "Value 'ecz' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum "
                + "value set: [ecs, elasticmapreduce, ec2, appstream, dynamodb, rds, sagemaker, custom-resource, comprehend, "
                + "lambda, cassandra, kafka, elasticache, neptune, workspaces]";
        assertThat(v.get(0).message()).isEqualTo(constraint);
        assertThat(AutoScalingValidator.toException(v))
                .isInstanceOf(ValidationException.class)
                .hasMessage("1 validation error detected: " + constraint);
    }

    @Test
    void aViolationBecomesApplicationAutoScalingsValidationExceptionAndAnEcsOneIsRefused() {
        assertThat(AutoScalingValidator.toException(List.of(new Violation(
                        "MaxCapacity",
                        "ValidationException",
                        "Maximum capacity cannot be less than minimum capacity"))))
                .isInstanceOf(ValidationException.class)
                .isNotInstanceOf(io.github.berth.core.error.EcsException.class)
                .hasMessage("Maximum capacity cannot be less than minimum capacity");
        assertThatThrownBy(() -> AutoScalingValidator.toException(
                        List.of(new Violation("family", "ClientException", "not ours"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a violation Application Auto Scaling reports: family: ClientException: not ours");
    }

    // ------------------------------------------------------------------ step scaling

    @Test
    void wellFormedStepsPass() {
        assertThat(steps(AdjustmentType.CHANGE_IN_CAPACITY, step(0.0, 10.0, 1), step(10.0, null, 3)))
                .isEmpty();
        assertThat(steps(AdjustmentType.CHANGE_IN_CAPACITY, step(null, 0.0, -1)))
                .isEmpty();
        assertThat(steps(
                        AdjustmentType.CHANGE_IN_CAPACITY,
                        step(null, -10.0, -2),
                        step(-10.0, 0.0, -1),
                        step(0.0, 10.0, 1),
                        step(10.0, null, 2)))
                .isEmpty();
    }

    @Test
    void overlappingStepsAreRefused() {
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(0.0, 20.0, 1), step(10.0, null, 3)),
                "StepScalingPolicyConfiguration.StepAdjustments[1]",
                "Step adjustment intervals cannot overlap");
    }

    @Test
    void gappedStepsAreRefused() {
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(0.0, 10.0, 1), step(20.0, null, 3)),
                "StepScalingPolicyConfiguration.StepAdjustments[1]",
                "Step adjustment intervals cannot have gaps between them");
    }

    @Test
    void boundsRules() {
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(null, null, 1)),
                "StepScalingPolicyConfiguration.StepAdjustments[0]",
                "Both lower and upper bounds of a step adjustment cannot be left unspecified");
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(0.0, 0.0, 1)),
                "StepScalingPolicyConfiguration.StepAdjustments[0].MetricIntervalUpperBound",
                "Lower bound must be less than upper bound for a step adjustment");
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(null, 0.0, -1), step(null, -5.0, -2)),
                "StepScalingPolicyConfiguration.StepAdjustments",
                "At most one step adjustment may have an unspecified lower bound");
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(0.0, null, 1), step(5.0, null, 2)),
                "StepScalingPolicyConfiguration.StepAdjustments",
                "At most one step adjustment may have an unspecified upper bound");
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(-10.0, 0.0, -1)),
                "StepScalingPolicyConfiguration.StepAdjustments",
                "There must be a step adjustment with an unspecified lower bound when one step adjustment has a negative lower bound");
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, step(0.0, 10.0, 1)),
                "StepScalingPolicyConfiguration.StepAdjustments",
                "There must be a step adjustment with an unspecified upper bound when one step adjustment has a positive upper bound");
    }

    @Test
    void exactCapacityBelowZeroIsRefused() {
        only(
                steps(AdjustmentType.EXACT_CAPACITY, step(0.0, null, -1)),
                "StepScalingPolicyConfiguration.StepAdjustments[0].ScalingAdjustment",
                "Scaling adjustment cannot be less than 0 when adjustment type is ExactCapacity");
        assertThat(steps(AdjustmentType.EXACT_CAPACITY, step(0.0, null, 0))).isEmpty();
        assertThat(steps(AdjustmentType.CHANGE_IN_CAPACITY, step(null, 0.0, -1)))
                .isEmpty();
    }

    @Test
    void stepConfigurationNeedsItsParts() {
        only(
                steps(null, step(0.0, null, 1)),
                "StepScalingPolicyConfiguration.AdjustmentType",
                "Adjustment type must be specified");
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY),
                "StepScalingPolicyConfiguration.StepAdjustments",
                "There must be at least one step adjustment");
        StepAdjustment[] many = new StepAdjustment[21];
        many[0] = step(null, 0.0, -1);
        for (int i = 1; i < 21; i++) {
            many[i] = step((double) (i - 1), i == 20 ? null : (double) i, 1);
        }
        only(
                steps(AdjustmentType.CHANGE_IN_CAPACITY, many),
                "StepScalingPolicyConfiguration.StepAdjustments",
                "There can be at most 20 step adjustments per scaling policy");
        only(
                AutoScalingValidator.validate(policy().build()),
                "StepScalingPolicyConfiguration",
                "StepScaling policy configuration must be specified");
    }

    @Test
    void minAdjustmentMagnitudeOnlyWithPercent() {
        PutScalingPolicyRequest.Builder b = policy().stepScalingPolicyConfiguration(
                        StepScalingPolicyConfiguration.builder()
                                .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                                .minAdjustmentMagnitude(2)
                                .addStepAdjustments(step(0.0, null, 1))
                                .build());
        only(
                AutoScalingValidator.validate(b.build()),
                "StepScalingPolicyConfiguration.MinAdjustmentMagnitude",
                "Minimum adjustment magnitude is only allowed for adjustment type PercentChangeInCapacity");
        b.stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                .adjustmentType(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY)
                .minAdjustmentMagnitude(2)
                .addStepAdjustments(step(0.0, null, 25))
                .build());
        assertThat(AutoScalingValidator.validate(b.build())).isEmpty();
    }

    // ------------------------------------------------------------------ target tracking

    @Test
    void targetValuesBeyondTwoToThe360AreRefused() {
        // 1.7e308 was accepted, and building its alarms threw IllegalArgumentException (90 % of it is infinite).
        PutScalingPolicyRequest.Builder b = policy().policyType(PolicyType.TARGET_TRACKING_SCALING);
        for (double bad : new double[] {1.7e308, -0x1.000001p360, Double.NaN, Double.POSITIVE_INFINITY}) {
            only(
                    AutoScalingValidator.validate(b.targetTrackingScalingPolicyConfiguration(
                                    TargetTrackingScalingPolicyConfiguration.builder()
                                            .targetValue(bad)
                                            .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                                    .predefinedMetricType(
                                                            MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                                    .build())
                                            .build())
                            .build()),
                    "TargetTrackingScalingPolicyConfiguration.TargetValue",
                    "TargetValue must be in the range of -2^360 to 2^360");
        }
        for (double fine : new double[] {0x1p360, -0x1p360, 1e-300}) {
            PutScalingPolicyRequest accepted = b.targetTrackingScalingPolicyConfiguration(
                            TargetTrackingScalingPolicyConfiguration.builder()
                                    .targetValue(fine)
                                    .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                            .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                            .build())
                                    .build())
                    .build();
            assertThat(AutoScalingValidator.validate(accepted)).isEmpty();
            assertThat(io.github.berth.scaling.alarm.TargetTrackingAlarms.low(
                                    "service/c/s", "u", accepted.targetTrackingScalingPolicyConfiguration())
                            .threshold())
                    .isEqualTo(fine * 9 / 10);
        }
    }

    @Test
    void targetTrackingNeedsAMetric() {
        PutScalingPolicyRequest.Builder b = policy().policyType(PolicyType.TARGET_TRACKING_SCALING);
        only(
                AutoScalingValidator.validate(b.build()),
                "TargetTrackingScalingPolicyConfiguration",
                "TargetTrackingScaling policy configuration must be specified");
        only(
                AutoScalingValidator.validate(
                        b.targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                        .targetValue(50.0)
                                        .build())
                                .build()),
                "TargetTrackingScalingPolicyConfiguration",
                "PredefinedMetricSpecification or CustomizedMetricSpecification must be set for target tracking scaling.");
        only(
                AutoScalingValidator.validate(
                        b.targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                        .targetValue(500.0)
                                        .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                                .predefinedMetricType(MetricType.ALB_REQUEST_COUNT_PER_TARGET)
                                                .build())
                                        .build())
                                .build()),
                "TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.ResourceLabel",
                "Resource label should be specified for predefined metric type ALBRequestCountPerTarget");
        assertThat(AutoScalingValidator.validate(
                        b.targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                        .targetValue(50.0)
                                        .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                                .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                                .build())
                                        .build())
                                .build()))
                .isEmpty();
        only(
                AutoScalingValidator.validate(
                        b.targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                        .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                                .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                                .build())
                                        .build())
                                .build()),
                "TargetTrackingScalingPolicyConfiguration.TargetValue",
                "Value null at 'targetTrackingScalingPolicyConfiguration.targetValue' failed to satisfy constraint: Member must not be null");
    }

    // ------------------------------------------------------------------ predictive

    private static PredictiveScalingMetricSpecification pair() {
        return PredictiveScalingMetricSpecification.builder()
                .targetValue(40.0)
                .predefinedMetricPairSpecification(PredictiveScalingPredefinedMetricPairSpecification.builder()
                        .predefinedMetricType("ECSServiceCPUUtilization")
                        .build())
                .build();
    }

    @Test
    void predictiveRules() {
        PutScalingPolicyRequest.Builder b = policy().policyType(PolicyType.PREDICTIVE_SCALING);
        assertThat(AutoScalingValidator.validate(
                        b.predictiveScalingPolicyConfiguration(PredictiveScalingPolicyConfiguration.builder()
                                        .addMetricSpecifications(pair())
                                        .build())
                                .build()))
                .isEmpty();
        only(
                AutoScalingValidator.validate(
                        b.predictiveScalingPolicyConfiguration(PredictiveScalingPolicyConfiguration.builder()
                                        .addMetricSpecifications(pair(), pair())
                                        .build())
                                .build()),
                "PredictiveScalingPolicyConfiguration.MetricSpecifications",
                "You must specify one metric specification.");
        only(
                AutoScalingValidator.validate(b.predictiveScalingPolicyConfiguration(
                                PredictiveScalingPolicyConfiguration.builder()
                                        .addMetricSpecifications(pair().toBuilder()
                                                .predefinedLoadMetricSpecification(
                                                        PredictiveScalingPredefinedLoadMetricSpecification.builder()
                                                                .predefinedMetricType("ECSServiceTotalCPUUtilization")
                                                                .build())
                                                .build())
                                        .build())
                        .build()),
                "PredictiveScalingPolicyConfiguration.MetricSpecifications[0]",
                "The metric specification is invalid. A policy must have either one scaling metric and one load metric or one metric pair.");
        only(
                AutoScalingValidator.validate(
                        b.predictiveScalingPolicyConfiguration(PredictiveScalingPolicyConfiguration.builder()
                                        .addMetricSpecifications(pair())
                                        .maxCapacityBreachBehavior(
                                                PredictiveScalingMaxCapacityBreachBehavior.INCREASE_MAX_CAPACITY)
                                        .build())
                                .build()),
                "PredictiveScalingPolicyConfiguration.MaxCapacityBuffer",
                "You must specify MaxCapacityBuffer when using IncreaseMaxCapacity.");
        only(
                AutoScalingValidator.validate(
                        b.predictiveScalingPolicyConfiguration(PredictiveScalingPolicyConfiguration.builder()
                                        .addMetricSpecifications(pair())
                                        .maxCapacityBuffer(10)
                                        .build())
                                .build()),
                "PredictiveScalingPolicyConfiguration.MaxCapacityBuffer",
                "You cannot specify MaxCapacityBuffer when using HonorMaxCapacity.");
    }

    // ------------------------------------------------------------------ metric math

    private static TargetTrackingMetricDataQuery stat(String id, String stat, Boolean returnData) {
        return TargetTrackingMetricDataQuery.builder()
                .id(id)
                .returnData(returnData)
                .metricStat(TargetTrackingMetricStat.builder()
                        .stat(stat)
                        .metric(TargetTrackingMetric.builder()
                                .namespace("AWS/SQS")
                                .metricName("ApproximateNumberOfMessagesVisible")
                                .build())
                        .build())
                .build();
    }

    private static TargetTrackingMetricDataQuery expression(String id, String expression, Boolean returnData) {
        return TargetTrackingMetricDataQuery.builder()
                .id(id)
                .expression(expression)
                .returnData(returnData)
                .build();
    }

    private static List<Violation> math(CustomizedMetricSpecification spec) {
        return AutoScalingValidator.validate(policy().policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                        .targetValue(100.0)
                        .customizedMetricSpecification(spec)
                        .build())
                .build());
    }

    private static final String MATH = "TargetTrackingScalingPolicyConfiguration.CustomizedMetricSpecification";

    @Test
    void metricMathPassesWhenOneQueryReturnsTheFinalExpression() {
        // Backlog per task, the AAS user guide's example: m1 / m2, only e1 returning data.
        assertThat(math(CustomizedMetricSpecification.builder()
                        .addMetrics(
                                stat("m1", "Sum", false),
                                stat("m2", "Average", false),
                                expression("e1", "m1 / m2", true))
                        .build()))
                .isEmpty();
        // Without math, ReturnData may be left out: it defaults to true.
        assertThat(math(CustomizedMetricSpecification.builder()
                        .addMetrics(stat("m1", "Sum", null))
                        .build()))
                .isEmpty();
        assertThat(math(CustomizedMetricSpecification.builder()
                        .metricName("Backlog")
                        .namespace("App")
                        .statistic(MetricStatistic.AVERAGE)
                        .build()))
                .isEmpty();
    }

    @Test
    void metricMathRulesAreEnforced() {
        only(
                math(CustomizedMetricSpecification.builder()
                        .addMetrics(stat("m1", "Sum", null), expression("e1", "m1 * 2", null))
                        .build()),
                MATH + ".Metrics",
                "Exactly one metric data query must return data: set ReturnData to false on all others.");
        only(
                math(CustomizedMetricSpecification.builder()
                        .addMetrics(stat("m1", "Sum", false))
                        .build()),
                MATH + ".Metrics",
                "Exactly one metric data query must return data: set ReturnData to false on all others.");
        only(
                math(CustomizedMetricSpecification.builder()
                        .addMetrics(
                                stat("m1", "Sum", false),
                                stat("m2", "Sum", false).toBuilder()
                                        .expression("m1")
                                        .build(),
                                expression("e1", "m1", true))
                        .build()),
                MATH + ".Metrics[1]",
                "A metric data query must specify either Expression or MetricStat, but not both.");
        only(
                math(CustomizedMetricSpecification.builder()
                        .addMetrics(
                                stat("m1", "Sum", false),
                                TargetTrackingMetricDataQuery.builder().id("e1").build())
                        .build()),
                MATH + ".Metrics[1]",
                "A metric data query must specify either Expression or MetricStat, but not both.");
        only(
                math(CustomizedMetricSpecification.builder()
                        .addMetrics(stat("M1", "Sum", null))
                        .build()),
                MATH + ".Metrics[0].Id",
                "The Id of a metric data query may contain only letters, numbers and underscores, and its first character must be a lowercase letter.");
        only(
                math(CustomizedMetricSpecification.builder()
                        .addMetrics(stat("m1", "Sum", false), expression("m1", "m1", true))
                        .build()),
                MATH + ".Metrics[1].Id",
                "The Id of a metric data query must be unique within the metric specification.");
        only(
                math(CustomizedMetricSpecification.builder().metrics(List.of()).build()),
                MATH + ".Metrics",
                "At least one metric data query must be specified.");
        only(
                math(CustomizedMetricSpecification.builder()
                        .metricName("Backlog")
                        .addMetrics(stat("m1", "Sum", null))
                        .build()),
                MATH,
                "A customized metric specification takes either MetricName, Namespace and Statistic or Metrics, not both.");
        only(
                math(CustomizedMetricSpecification.builder()
                        .metricName("Backlog")
                        .namespace("App")
                        .build()),
                MATH,
                "A customized metric specification without Metrics must specify MetricName, Namespace and Statistic.");
    }

    @Test
    void aPolicyTracksOneKindOfMetric() {
        only(
                AutoScalingValidator.validate(policy().policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                .targetValue(50.0)
                                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                        .build())
                                .customizedMetricSpecification(CustomizedMetricSpecification.builder()
                                        .metricName("Backlog")
                                        .namespace("App")
                                        .statistic(MetricStatistic.AVERAGE)
                                        .build())
                                .build())
                        .build()),
                "TargetTrackingScalingPolicyConfiguration",
                "PredefinedMetricSpecification and CustomizedMetricSpecification cannot both be set for target tracking scaling.");
    }

    @Test
    void predictiveMetricMathRulesAreEnforced() {
        PredictiveScalingMetricDataQuery load = PredictiveScalingMetricDataQuery.builder()
                .id("load")
                .expression("m1 * 2")
                .build();
        PredictiveScalingMetricSpecification custom = PredictiveScalingMetricSpecification.builder()
                .targetValue(50.0)
                .predefinedScalingMetricSpecification(PredictiveScalingPredefinedScalingMetricSpecification.builder()
                        .predefinedMetricType("ECSServiceAverageCPUUtilization")
                        .build())
                .customizedLoadMetricSpecification(PredictiveScalingCustomizedMetricSpecification.builder()
                        .addMetricDataQueries(load)
                        .build())
                .build();
        PutScalingPolicyRequest.Builder b = policy().policyType(PolicyType.PREDICTIVE_SCALING);
        assertThat(AutoScalingValidator.validate(
                        b.predictiveScalingPolicyConfiguration(PredictiveScalingPolicyConfiguration.builder()
                                        .addMetricSpecifications(custom)
                                        .build())
                                .build()))
                .isEmpty();
        PredictiveScalingMetricSpecification twoReturn = custom.toBuilder()
                .customizedLoadMetricSpecification(PredictiveScalingCustomizedMetricSpecification.builder()
                        .addMetricDataQueries(load, load.toBuilder().id("other").build())
                        .build())
                .build();
        only(
                AutoScalingValidator.validate(
                        b.predictiveScalingPolicyConfiguration(PredictiveScalingPolicyConfiguration.builder()
                                        .addMetricSpecifications(twoReturn)
                                        .build())
                                .build()),
                "PredictiveScalingPolicyConfiguration.MetricSpecifications[0].CustomizedLoadMetricSpecification.MetricDataQueries",
                "Exactly one metric data query must return data: set ReturnData to false on all others.");
    }

    // ------------------------------------------------------------------ scheduled actions

    @Test
    void aWellFormedScheduledActionPasses() {
        assertThat(AutoScalingValidator.validate(action().build())).isEmpty();
        assertThat(AutoScalingValidator.validate(action().schedule("rate(5 minutes)")
                        .timezone("Europe/Paris")
                        .build()))
                .isEmpty();
    }

    @Test
    void cronWithStarInBothDayFieldsIsRefused() {
        only(
                AutoScalingValidator.validate(
                        action().schedule("cron(0 22 * * * *)").build()),
                "Schedule",
                "Invalid CRON expression");
        assertThat(AutoScalingValidator.scheduleProblem("cron(0 22 * * * *)")).contains("must be '?'");
        assertThat(AutoScalingValidator.scheduleProblem("cron(0 22 * * ? *)")).isNull();
    }

    @Test
    void scheduleSyntaxErrors() {
        only(
                AutoScalingValidator.validate(action().schedule("tomorrow").build()),
                "Schedule",
                "Invalid schedule expression");
        only(
                AutoScalingValidator.validate(
                        action().schedule("rate(0 minutes)").build()),
                "Schedule",
                "Invalid schedule frequency");
        only(
                AutoScalingValidator.validate(
                        action().schedule("at(2030-01-01T00:00:00Z)").build()),
                "Schedule",
                "Invalid schedule at DateTime expression");
    }

    @Test
    void scheduledActionBounds() {
        only(
                AutoScalingValidator.validate(action().scalableTargetAction((ScalableTargetAction) null)
                        .build()),
                "ScalableTargetAction",
                "ScalableTargetAction must be set");
        only(
                AutoScalingValidator.validate(action().scalableTargetAction(
                                ScalableTargetAction.builder().build())
                        .build()),
                "ScalableTargetAction",
                "At least one of minimum capacity and maximum capacity should be provided");
        only(
                AutoScalingValidator.validate(action().scalableTargetAction(ScalableTargetAction.builder()
                                .minCapacity(5)
                                .maxCapacity(2)
                                .build())
                        .build()),
                "ScalableTargetAction.MaxCapacity",
                "Maximum capacity cannot be less than minimum capacity");
    }

    @Test
    void startTimeAndZone() {
        only(
                AutoScalingValidator.validate(action().startTime(Instant.parse("2030-01-02T00:00:00Z"))
                        .endTime(Instant.parse("2030-01-01T00:00:00Z"))
                        .build()),
                "StartTime",
                "StartTime must be before EndTime");
        only(
                AutoScalingValidator.validate(action().timezone("Mars/Olympus").build()),
                "Timezone",
                "The datetime zone id 'Mars/Olympus' is not recognised");
    }

    @Test
    void theExceptionIsTheFirstViolationsType() {
        List<Violation> v = AutoScalingValidator.validate(
                action().schedule("cron(0 22 * * * *)").build());
        assertThatThrownBy(() -> AutoScalingValidator.check(v))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Invalid CRON expression");
        assertThatThrownBy(() -> AutoScalingValidator.requireValid(
                        action().schedule("cron(0 22 * * * *)").build()))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Invalid CRON expression");
        AutoScalingValidator.requireValid(action().build());
        AutoScalingValidator.requireValid(target().build());
        assertThatThrownBy(() -> AutoScalingValidator.requireValid(policy().build()))
                .hasMessage("StepScaling policy configuration must be specified");
        ObjectNotFoundException e =
                AutoScalingValidator.noScalableTarget("ecs", "service/c/x", "ecs:service:DesiredCount");
        assertThat(e.getMessage())
                .isEqualTo("No scalable target registered for service namespace: ecs, resource ID: "
                        + "service/c/x, scalable dimension: ecs:service:DesiredCount");
        assertThat(e.errorCode()).isEqualTo("ObjectNotFoundException");
    }
}
