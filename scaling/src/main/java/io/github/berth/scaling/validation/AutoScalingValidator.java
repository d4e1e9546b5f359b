package io.github.berth.scaling.validation;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.Nullable;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.validation.JsonPath;
import io.github.berth.core.validation.Violation;
import io.github.berth.core.validation.internal.Violations;
import io.github.berth.scaling.error.LimitExceededException;
import io.github.berth.scaling.error.ObjectNotFoundException;
import io.github.berth.scaling.error.ValidationException;
import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.CustomizedMetricSpecification;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingCustomizedMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingMaxCapacityBreachBehavior;
import io.github.berth.scaling.model.PredictiveScalingMetricDataQuery;
import io.github.berth.scaling.model.PredictiveScalingMetricSpecification;
import io.github.berth.scaling.model.PredictiveScalingPolicyConfiguration;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.TargetTrackingMetricDataQuery;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import io.github.berth.scaling.schedule.InvalidScheduleException;
import io.github.berth.scaling.schedule.Schedule;
import io.github.berth.scaling.schedule.ScheduledActionTimes;
import io.github.berth.scaling.validation.internal.AutoScalingShapeRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether Application Auto Scaling would accept a RegisterScalableTarget, PutScalingPolicy or
 * PutScheduledAction request, and if not every reason at once. Each {@link Violation} names the
 * JSON path of the member, the error code ({@code ValidationException}) and the service's message.
 * Requests are judged as creating the target, policy or action (what the members needed on
 * creation require).
 *
 * <p>The messages marked [obs] are the service's own words, pasted from real output in the public
 * issue named at each (docs/scaling.md#errors gathers the sources). Those marked [model] are ours: AWS publishes no
 * text for them, and no real output was found; where third-party lint rules quote a wording, it is
 * used, unverified. Then the constraints of the API model follow, in AWS's generic form.
 */
public final class AutoScalingValidator {

    /** [model] the wording third-party validators use; no real output found. */
    static final String MAX_BELOW_MIN = "Maximum capacity cannot be less than minimum capacity";
    /** [model] worded like MAX_BELOW_MIN. */
    static final String MIN_BELOW_ZERO = "Minimum capacity cannot be less than 0";
    /** [model] */
    static final String MAX_BELOW_ZERO = "Maximum capacity cannot be less than 0";
    /** [model] */
    static final String MIN_REQUIRED = "MinCapacity is required when registering a new scalable target";
    /** [model] */
    static final String MAX_REQUIRED = "MaxCapacity is required when registering a new scalable target";
    /** [model] a policy of type StepScaling without its configuration. */
    static final String STEP_CONFIGURATION_REQUIRED = "StepScaling policy configuration must be specified";
    /** [model] a policy of type TargetTrackingScaling without its configuration. */
    static final String TARGET_TRACKING_CONFIGURATION_REQUIRED =
            "TargetTrackingScaling policy configuration must be specified";
    /**
     * [unsure] the wording; the range is the API model's ([doc] TargetValue: "Values must be in the
     * range of -2^360 to 2^360", https://docs.aws.amazon.com/autoscaling/application/APIReference/API_TargetTrackingScalingPolicyConfiguration.html).
     * Beyond it the alarms' thresholds (90 % of the target) overflowed to infinity.
     */
    static final String TARGET_VALUE_RANGE = "TargetValue must be in the range of -2^360 to 2^360";
    /** [model] a policy of type PredictiveScaling without its configuration. */
    static final String PREDICTIVE_CONFIGURATION_REQUIRED = "PredictiveScaling policy configuration must be specified";
    /** [model] the wording third-party validators use; no real output found. */
    static final String ADJUSTMENT_TYPE_REQUIRED = "Adjustment type must be specified";
    /** [model] the wording third-party validators use; no real output found. */
    static final String STEP_REQUIRED = "There must be at least one step adjustment";
    /** [obs] aws/aws-cdk#26215. */
    static final String TOO_MANY_STEPS = "There can be at most 20 step adjustments per scaling policy";
    /** [obs] hashicorp/terraform-provider-aws#4812. */
    static final String BOTH_BOUNDS_NULL =
            "Both lower and upper bounds of a step adjustment cannot be left unspecified";
    /** [model] the wording third-party validators use; no real output found. */
    static final String LOWER_NOT_BELOW_UPPER = "Lower bound must be less than upper bound for a step adjustment";
    /** [model] the wording third-party validators use; no real output found. */
    static final String EXACT_CAPACITY_NEGATIVE =
            "Scaling adjustment cannot be less than 0 when adjustment type is ExactCapacity";
    /** [model] the wording third-party validators use; no real output found. */
    static final String TWO_NULL_LOWER = "At most one step adjustment may have an unspecified lower bound";
    /** [model] the wording third-party validators use; no real output found. */
    static final String TWO_NULL_UPPER = "At most one step adjustment may have an unspecified upper bound";
    /** [model] the wording third-party validators use; no real output found. */
    static final String NEED_NULL_LOWER =
            "There must be a step adjustment with an unspecified lower bound when one step adjustment has a negative lower bound";
    /** [obs] terraform-aws-modules/terraform-aws-ecs#31. */
    static final String NEED_NULL_UPPER =
            "There must be a step adjustment with an unspecified upper bound when one step adjustment has a positive upper bound";
    /** [model] the wording third-party validators use; no real output found. */
    static final String OVERLAP = "Step adjustment intervals cannot overlap";
    /** [model] the wording third-party validators use; no real output found. */
    static final String GAP = "Step adjustment intervals cannot have gaps between them";
    /** [model] the wording third-party validators use; no real output found. */
    static final String MAGNITUDE_PERCENT_ONLY =
            "Minimum adjustment magnitude is only allowed for adjustment type PercentChangeInCapacity";
    /** [model] the wording third-party validators use; no real output found. */
    static final String TT_METRIC_REQUIRED =
            "PredefinedMetricSpecification or CustomizedMetricSpecification must be set for target tracking scaling.";
    /** [model] the wording third-party validators use; no real output found. */
    static final String ALB_LABEL_REQUIRED =
            "Resource label should be specified for predefined metric type ALBRequestCountPerTarget";
    /** [model] the wording third-party validators use; no real output found. */
    static final String ONE_METRIC_SPECIFICATION = "You must specify one metric specification.";
    /** [model] the wording third-party validators use; no real output found. */
    static final String METRIC_SPECIFICATION_INVALID =
            "The metric specification is invalid. A policy must have either one scaling metric and one load metric or one metric pair.";
    /** [model] the wording third-party validators use; no real output found. */
    static final String BUFFER_REQUIRED = "You must specify MaxCapacityBuffer when using IncreaseMaxCapacity.";
    /** [model] the wording third-party validators use; no real output found. */
    static final String BUFFER_FORBIDDEN = "You cannot specify MaxCapacityBuffer when using HonorMaxCapacity.";
    /** [model] */
    static final String PREDICTIVE_ECS_ONLY =
            "PredictiveScaling policy type is only supported for the ecs service namespace";
    /** [model] the wording third-party validators use; no real output found. */
    static final String TARGET_ACTION_REQUIRED = "ScalableTargetAction must be set";
    /** [model] the wording third-party validators use; no real output found. */
    static final String TARGET_ACTION_EMPTY =
            "At least one of minimum capacity and maximum capacity should be provided";
    /** [model] the wording third-party validators use; no real output found. */
    static final String START_AFTER_END = "StartTime must be before EndTime";

    // Metric math. The rules are the API model's ("you must specify either Expression or MetricStat,
    // but not both"; Id "must be unique ...; the valid characters are letters, numbers, and
    // underscores. The first character must be a lowercase letter"; ReturnData true "for only the
    // final math expression", its default true). AWS publishes no message for them: [model].
    /** [model] */
    static final String PREDEFINED_AND_CUSTOMIZED =
            "PredefinedMetricSpecification and CustomizedMetricSpecification cannot both be set for target tracking scaling.";
    /** [model] */
    static final String METRIC_AND_METRICS =
            "A customized metric specification takes either MetricName, Namespace and Statistic or Metrics, not both.";
    /** [model] */
    static final String METRIC_PARTS_REQUIRED =
            "A customized metric specification without Metrics must specify MetricName, Namespace and Statistic.";
    /** [model] */
    static final String QUERIES_REQUIRED = "At least one metric data query must be specified.";
    /** [model] */
    static final String EXPRESSION_XOR_STAT =
            "A metric data query must specify either Expression or MetricStat, but not both.";
    /** [model] */
    static final String ID_FORMAT = "The Id of a metric data query may contain only letters, numbers and underscores, "
            + "and its first character must be a lowercase letter.";
    /** [model] */
    static final String ID_DUPLICATE = "The Id of a metric data query must be unique within the metric specification.";
    /** [model] */
    static final String ONE_RETURN_DATA =
            "Exactly one metric data query must return data: set ReturnData to false on all others.";

    private static final Pattern QUERY_ID = Pattern.compile("[a-z][A-Za-z0-9_]*");

    private static final int MAX_STEP_ADJUSTMENTS = 20;

    /** Scaling policies (step and target tracking) per scalable target (docs/scaling.md#quotas). */
    public static final int MAX_POLICIES_PER_TARGET = 50;
    /** Scheduled actions per scalable target (docs/scaling.md#quotas). */
    public static final int MAX_SCHEDULED_ACTIONS_PER_TARGET = 200;

    private AutoScalingValidator() {}

    // ------------------------------------------------------------------ quotas across requests

    /**
     * What PutScalingPolicy answers when a target would hold more policies than its quota. [model]
     * The quota is documented; the service's message for it was not found.
     */
    public static LimitExceededException tooManyPolicies(String resourceId) {
        return new LimitExceededException("The scalable target " + resourceId + " can have at most "
                + MAX_POLICIES_PER_TARGET + " scaling policies");
    }

    /** What PutScheduledAction answers when a target would hold more scheduled actions than its quota. [model] */
    public static LimitExceededException tooManyScheduledActions(String resourceId) {
        return new LimitExceededException("The scalable target " + resourceId + " can have at most "
                + MAX_SCHEDULED_ACTIONS_PER_TARGET + " scheduled actions");
    }

    // ------------------------------------------------------------------ RegisterScalableTarget

    /**
     * A collector in Application Auto Scaling's words: a breach of the API model is a
     * ValidationException, and its message names the member in lowerCamelCase though the wire
     * writes it in PascalCase ({@code Value 'kafka' at 'serviceNamespace' failed to satisfy
     * constraint}): [obs] the convention of AWS's validation messages (Route 53 writes its
     * PascalCase ResourceId as 'resourceId'); [unsure] for this service (its messages are quoted in
     * localstack/localstack#6138) and for members below the top level (docs/scaling.md#errors).
     */
    private static Violations violations() {
        return new Violations(ValidationException.ERROR_CODE, AutoScalingValidator::lowerCamel);
    }

    private static String lowerCamel(String member) {
        return member.isEmpty() || !Character.isUpperCase(member.charAt(0))
                ? member
                : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    /**
     * The reasons Application Auto Scaling would refuse to register this new scalable target, each
     * with the JSON path of its member ({@code MaxCapacity}); empty when it would accept it. Never
     * throws for a bad value: every problem is a violation.
     *
     * @throws NullPointerException if {@code r} is null
     */
    public static ImmutableList<Violation> validate(RegisterScalableTargetRequest r) {
        Objects.requireNonNull(r, "request");
        Violations out = violations();
        JsonPath root = JsonPath.root();
        if (r.minCapacity() == null) {
            out.add(root.child("MinCapacity"), ValidationException.ERROR_CODE, MIN_REQUIRED);
        }
        if (r.maxCapacity() == null) {
            out.add(root.child("MaxCapacity"), ValidationException.ERROR_CODE, MAX_REQUIRED);
        }
        capacities(r.minCapacity(), r.maxCapacity(), root, out);
        AutoScalingShapeRules.check(r, root, out);
        return out.toList();
    }

    private static void capacities(@Nullable Integer min, @Nullable Integer max, JsonPath p, Violations out) {
        if (min != null && min < 0) {
            out.add(p.child("MinCapacity"), ValidationException.ERROR_CODE, MIN_BELOW_ZERO);
        }
        if (max != null && max < 0) {
            out.add(p.child("MaxCapacity"), ValidationException.ERROR_CODE, MAX_BELOW_ZERO);
        }
        if (min != null && max != null && min > max) {
            out.add(p.child("MaxCapacity"), ValidationException.ERROR_CODE, MAX_BELOW_MIN);
        }
    }

    // ------------------------------------------------------------------ PutScalingPolicy

    /**
     * The reasons Application Auto Scaling would refuse to put this new scaling policy, each with the
     * JSON path of its member ({@code StepScalingPolicyConfiguration.StepAdjustments[0]}); empty when
     * it would accept it. Never throws for a bad value: every problem is a violation.
     *
     * @throws NullPointerException if {@code r} is null
     */
    public static ImmutableList<Violation> validate(PutScalingPolicyRequest r) {
        Objects.requireNonNull(r, "request");
        Violations out = violations();
        JsonPath root = JsonPath.root();
        PolicyType type = r.policyType() != null ? r.policyType() : PolicyType.STEP_SCALING; // the API default
        if (PolicyType.STEP_SCALING.equals(type)) {
            if (r.stepScalingPolicyConfiguration() == null) {
                out.add(
                        root.child("StepScalingPolicyConfiguration"),
                        ValidationException.ERROR_CODE,
                        STEP_CONFIGURATION_REQUIRED);
            } else {
                step(r.stepScalingPolicyConfiguration(), root.child("StepScalingPolicyConfiguration"), out);
            }
        } else if (PolicyType.TARGET_TRACKING_SCALING.equals(type)) {
            if (r.targetTrackingScalingPolicyConfiguration() == null) {
                out.add(
                        root.child("TargetTrackingScalingPolicyConfiguration"),
                        ValidationException.ERROR_CODE,
                        TARGET_TRACKING_CONFIGURATION_REQUIRED);
            } else {
                targetTracking(
                        r.targetTrackingScalingPolicyConfiguration(),
                        root.child("TargetTrackingScalingPolicyConfiguration"),
                        out);
            }
        } else if (PolicyType.PREDICTIVE_SCALING.equals(type)) {
            if (r.serviceNamespace() != null && !ServiceNamespace.ECS.equals(r.serviceNamespace())) {
                out.add(root.child("PolicyType"), ValidationException.ERROR_CODE, PREDICTIVE_ECS_ONLY);
            }
            if (r.predictiveScalingPolicyConfiguration() == null) {
                out.add(
                        root.child("PredictiveScalingPolicyConfiguration"),
                        ValidationException.ERROR_CODE,
                        PREDICTIVE_CONFIGURATION_REQUIRED);
            } else {
                predictive(
                        r.predictiveScalingPolicyConfiguration(),
                        root.child("PredictiveScalingPolicyConfiguration"),
                        out);
            }
        }
        AutoScalingShapeRules.check(r, root, out);
        return out.toList();
    }

    private static void step(StepScalingPolicyConfiguration c, JsonPath p, Violations out) {
        String code = ValidationException.ERROR_CODE;
        if (c.adjustmentType() == null) {
            out.add(p.child("AdjustmentType"), code, ADJUSTMENT_TYPE_REQUIRED);
        }
        if (c.minAdjustmentMagnitude() != null
                && c.adjustmentType() != null
                && !AdjustmentType.PERCENT_CHANGE_IN_CAPACITY.equals(c.adjustmentType())) {
            out.add(p.child("MinAdjustmentMagnitude"), code, MAGNITUDE_PERCENT_ONLY);
        }
        List<StepAdjustment> steps = c.stepAdjustments();
        JsonPath sp = p.child("StepAdjustments");
        if (steps == null || steps.isEmpty()) {
            out.add(sp, code, STEP_REQUIRED);
            return;
        }
        if (steps.size() > MAX_STEP_ADJUSTMENTS) {
            out.add(sp, code, TOO_MANY_STEPS);
        }
        boolean shapesOk = true;
        int nullLower = 0;
        int nullUpper = 0;
        boolean negativeLower = false;
        boolean positiveUpper = false;
        for (int i = 0; i < steps.size(); i++) {
            StepAdjustment s = steps.get(i);
            Double lo = s.metricIntervalLowerBound();
            Double hi = s.metricIntervalUpperBound();
            if (lo == null && hi == null) {
                out.add(sp.index(i), code, BOTH_BOUNDS_NULL);
                shapesOk = false;
            } else if (lo != null && hi != null && !(lo < hi)) {
                out.add(sp.index(i).child("MetricIntervalUpperBound"), code, LOWER_NOT_BELOW_UPPER);
                shapesOk = false;
            }
            if (AdjustmentType.EXACT_CAPACITY.equals(c.adjustmentType())
                    && s.scalingAdjustment() != null
                    && s.scalingAdjustment() < 0) {
                out.add(sp.index(i).child("ScalingAdjustment"), code, EXACT_CAPACITY_NEGATIVE);
            }
            nullLower += lo == null ? 1 : 0;
            nullUpper += hi == null ? 1 : 0;
            negativeLower |= lo != null && lo < 0;
            positiveUpper |= hi != null && hi > 0;
        }
        if (nullLower > 1) {
            out.add(sp, code, TWO_NULL_LOWER);
        }
        if (nullUpper > 1) {
            out.add(sp, code, TWO_NULL_UPPER);
        }
        if (negativeLower && nullLower == 0) {
            out.add(sp, code, NEED_NULL_LOWER);
        }
        if (positiveUpper && nullUpper == 0) {
            out.add(sp, code, NEED_NULL_UPPER);
        }
        if (!shapesOk || nullLower > 1 || nullUpper > 1) {
            return; // interval algebra needs well-formed intervals
        }
        // Sorted by lower bound (null = minus infinity), each interval must start where the previous ends.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> lower(steps.get(i))));
        for (int k = 1; k < order.size(); k++) {
            double previousUpper = upper(steps.get(order.get(k - 1)));
            double nextLower = lower(steps.get(order.get(k)));
            if (previousUpper > nextLower) {
                out.add(sp.index(order.get(k)), code, OVERLAP);
                return;
            }
            if (previousUpper < nextLower) {
                out.add(sp.index(order.get(k)), code, GAP);
                return;
            }
        }
    }

    private static double lower(StepAdjustment s) {
        return s.metricIntervalLowerBound() == null ? Double.NEGATIVE_INFINITY : s.metricIntervalLowerBound();
    }

    private static double upper(StepAdjustment s) {
        return s.metricIntervalUpperBound() == null ? Double.POSITIVE_INFINITY : s.metricIntervalUpperBound();
    }

    private static void targetTracking(TargetTrackingScalingPolicyConfiguration c, JsonPath p, Violations out) {
        PredefinedMetricSpecification pre = c.predefinedMetricSpecification();
        CustomizedMetricSpecification custom = c.customizedMetricSpecification();
        if (pre == null && custom == null) {
            out.add(p, ValidationException.ERROR_CODE, TT_METRIC_REQUIRED);
        }
        if (pre != null && custom != null) {
            out.add(p, ValidationException.ERROR_CODE, PREDEFINED_AND_CUSTOMIZED);
        }
        Double target = c.targetValue();
        if (target != null && !(Math.abs(target) <= 0x1p360)) {
            out.add(p.child("TargetValue"), ValidationException.ERROR_CODE, TARGET_VALUE_RANGE);
        }
        if (custom != null) {
            customized(custom, p.child("CustomizedMetricSpecification"), out);
        }
        if (pre != null
                && MetricType.ALB_REQUEST_COUNT_PER_TARGET.equals(pre.predefinedMetricType())
                && (pre.resourceLabel() == null || pre.resourceLabel().isEmpty())) {
            out.add(
                    p.child("PredefinedMetricSpecification").child("ResourceLabel"),
                    ValidationException.ERROR_CODE,
                    ALB_LABEL_REQUIRED);
        }
    }

    private static void customized(CustomizedMetricSpecification c, JsonPath p, Violations out) {
        String code = ValidationException.ERROR_CODE;
        boolean single = c.metricName() != null
                || c.namespace() != null
                || c.statistic() != null
                || c.dimensions() != null
                || c.unit() != null;
        if (c.metrics() != null) {
            if (single) {
                out.add(p, code, METRIC_AND_METRICS);
            }
            List<MetricQuery> queries = new ArrayList<>();
            for (TargetTrackingMetricDataQuery q : c.metrics()) {
                queries.add(new MetricQuery(q.id(), q.expression() != null, q.metricStat() != null, q.returnData()));
            }
            queries(queries, p.child("Metrics"), out);
        } else if (c.metricName() == null || c.namespace() == null || c.statistic() == null) {
            out.add(p, code, METRIC_PARTS_REQUIRED);
        }
    }

    private static void customized(
            @Nullable PredictiveScalingCustomizedMetricSpecification c, JsonPath p, Violations out) {
        if (c == null || c.metricDataQueries() == null) {
            return; // MetricDataQueries is required by the model: reported in AWS's generic form
        }
        List<MetricQuery> queries = new ArrayList<>();
        for (PredictiveScalingMetricDataQuery q : c.metricDataQueries()) {
            queries.add(new MetricQuery(q.id(), q.expression() != null, q.metricStat() != null, q.returnData()));
        }
        queries(queries, p.child("MetricDataQueries"), out);
    }

    /** One metric data query, as far as the metric math rules see it. */
    private record MetricQuery(
            @Nullable String id,
            boolean expression,
            boolean metricStat,
            @Nullable Boolean returnData) {}

    private static void queries(List<MetricQuery> queries, JsonPath p, Violations out) {
        String code = ValidationException.ERROR_CODE;
        if (queries.isEmpty()) {
            out.add(p, code, QUERIES_REQUIRED);
            return;
        }
        Set<String> ids = new HashSet<>();
        int returning = 0;
        for (int i = 0; i < queries.size(); i++) {
            MetricQuery q = queries.get(i);
            if (q.expression() == q.metricStat()) {
                out.add(p.index(i), code, EXPRESSION_XOR_STAT);
            }
            if (q.id() != null && !QUERY_ID.matcher(q.id()).matches()) {
                out.add(p.index(i).child("Id"), code, ID_FORMAT);
            } else if (q.id() != null && !ids.add(q.id())) {
                out.add(p.index(i).child("Id"), code, ID_DUPLICATE);
            }
            returning += Boolean.FALSE.equals(q.returnData()) ? 0 : 1; // absent means true
        }
        if (returning != 1) {
            out.add(p, code, ONE_RETURN_DATA);
        }
    }

    private static void predictive(PredictiveScalingPolicyConfiguration c, JsonPath p, Violations out) {
        String code = ValidationException.ERROR_CODE;
        List<PredictiveScalingMetricSpecification> specs = c.metricSpecifications();
        if (specs == null || specs.size() != 1) {
            out.add(p.child("MetricSpecifications"), code, ONE_METRIC_SPECIFICATION);
        } else {
            PredictiveScalingMetricSpecification s = specs.get(0);
            int scaling = (s.predefinedScalingMetricSpecification() != null ? 1 : 0)
                    + (s.customizedScalingMetricSpecification() != null ? 1 : 0);
            int load = (s.predefinedLoadMetricSpecification() != null ? 1 : 0)
                    + (s.customizedLoadMetricSpecification() != null ? 1 : 0);
            boolean pair = s.predefinedMetricPairSpecification() != null;
            boolean valid = pair ? scaling == 0 && load == 0 : scaling == 1 && load == 1;
            JsonPath sp = p.child("MetricSpecifications").index(0);
            if (!valid) {
                out.add(sp, code, METRIC_SPECIFICATION_INVALID);
            }
            customized(s.customizedScalingMetricSpecification(), sp.child("CustomizedScalingMetricSpecification"), out);
            customized(s.customizedLoadMetricSpecification(), sp.child("CustomizedLoadMetricSpecification"), out);
            customized(
                    s.customizedCapacityMetricSpecification(), sp.child("CustomizedCapacityMetricSpecification"), out);
        }
        boolean increase =
                PredictiveScalingMaxCapacityBreachBehavior.INCREASE_MAX_CAPACITY.equals(c.maxCapacityBreachBehavior());
        if (increase && c.maxCapacityBuffer() == null) {
            out.add(p.child("MaxCapacityBuffer"), code, BUFFER_REQUIRED);
        }
        if (!increase && c.maxCapacityBuffer() != null) {
            out.add(p.child("MaxCapacityBuffer"), code, BUFFER_FORBIDDEN);
        }
    }

    // ------------------------------------------------------------------ PutScheduledAction

    /**
     * The reasons Application Auto Scaling would refuse to put this new scheduled action, each with
     * the JSON path of its member ({@code Schedule}, {@code Timezone}); empty when it would accept it.
     * Never throws for a bad value: every problem is a violation.
     *
     * @throws NullPointerException if {@code r} is null
     */
    public static ImmutableList<Violation> validate(PutScheduledActionRequest r) {
        Objects.requireNonNull(r, "request");
        Violations out = violations();
        String code = ValidationException.ERROR_CODE;
        JsonPath root = JsonPath.root();
        if (r.schedule() == null) {
            out.modelRequired(root.child("Schedule"));
        } else {
            try {
                Schedule.parse(r.schedule());
            } catch (InvalidScheduleException e) {
                out.add(root.child("Schedule"), code, e.awsMessage());
            }
        }
        if (r.timezone() != null) {
            try {
                ScheduledActionTimes.zone(r.timezone());
            } catch (IllegalArgumentException e) {
                // [model] Joda-Time's own words for an unknown zone; AAS names Joda-Time as its zone source.
                out.add(root.child("Timezone"), code, "The datetime zone id '" + r.timezone() + "' is not recognised");
            }
        }
        if (r.startTime() != null && r.endTime() != null && !r.startTime().isBefore(r.endTime())) {
            out.add(root.child("StartTime"), code, START_AFTER_END);
        }
        ScalableTargetAction a = r.scalableTargetAction();
        if (a == null) {
            out.add(root.child("ScalableTargetAction"), code, TARGET_ACTION_REQUIRED);
        } else if (a.minCapacity() == null && a.maxCapacity() == null) {
            out.add(root.child("ScalableTargetAction"), code, TARGET_ACTION_EMPTY);
        } else {
            capacities(a.minCapacity(), a.maxCapacity(), root.child("ScalableTargetAction"), out);
        }
        AutoScalingShapeRules.check(r, root, out);
        return out.toList();
    }

    /** Why a cron/rate/at schedule is refused, in detail (for people; the service says less). */
    public static @Nullable String scheduleProblem(@Nullable String schedule) {
        if (schedule == null) {
            return null;
        }
        try {
            Schedule.parse(schedule);
            return null;
        } catch (InvalidScheduleException e) {
            return e.reason();
        }
    }

    // ------------------------------------------------------------------ errors

    /**
     * The exception the service answers with for these violations: the first one's, except that
     * breaches of model constraints are reported together in AWS's form
     * ({@code 2 validation errors detected: Value ... ; Value ...}).
     *
     * @throws IllegalArgumentException if there is no violation, or the first is not a
     *     {@code ValidationException} (the one error code of this validator's violations)
     */
    public static AwsServiceException toException(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violation");
        }
        Violation first = violations.get(0);
        if (!first.errorCode().equals(ValidationException.ERROR_CODE)) {
            throw new IllegalArgumentException("not a violation Application Auto Scaling reports: " + first);
        }
        if (!first.message().startsWith("Value ")) {
            return new ValidationException(first.message());
        }
        List<String> model = violations.stream()
                .map(Violation::message)
                .filter(m -> m.startsWith("Value "))
                .collect(Collectors.toList());
        String prefix = model.size() + " validation error" + (model.size() == 1 ? "" : "s") + " detected: ";
        return new ValidationException(prefix + String.join("; ", model));
    }

    /**
     * The answer to a missing required member, in the API model's words:
     * {@code 1 validation error detected: Value null at 'policyName' failed to satisfy constraint:
     * Member must not be null}.
     *
     * @param member the member's wire name ({@code PolicyName})
     */
    public static AwsServiceException missing(String member) {
        Violations out = violations();
        out.modelRequired(JsonPath.root().child(member));
        return toException(out.toList());
    }

    /**
     * The answer to a value outside a member's enum, in the API model's words:
     * {@code 1 validation error detected: Value 'ecz' at 'serviceNamespace' failed to satisfy
     * constraint: Member must satisfy enum value set: [ecs, ...]}.
     *
     * @param member the member's wire name ({@code ServiceNamespace})
     */
    public static AwsServiceException notInEnum(String member, String value, List<?> known) {
        Violations out = violations();
        out.modelEnum(JsonPath.root().child(member), value, known);
        return toException(out.toList());
    }

    /**
     * Throws the service's answer if {@code violations} is not empty.
     *
     * @throws AwsServiceException the {@link #toException} of {@code violations}: a
     *     {@code ValidationException} with the service's message (the member's path is the first
     *     violation's {@link Violation#path()})
     */
    public static void check(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw toException(violations);
        }
    }

    /**
     * Throws what RegisterScalableTarget would answer, if it would refuse the request.
     *
     * @throws AwsServiceException a {@code ValidationException} with the service's message
     * @throws NullPointerException if {@code r} is null
     */
    public static void requireValid(RegisterScalableTargetRequest r) throws AwsServiceException {
        check(validate(r));
    }

    /**
     * Throws what PutScalingPolicy would answer, if it would refuse the request.
     *
     * @throws AwsServiceException a {@code ValidationException} with the service's message
     * @throws NullPointerException if {@code r} is null
     */
    public static void requireValid(PutScalingPolicyRequest r) throws AwsServiceException {
        check(validate(r));
    }

    /**
     * Throws what PutScheduledAction would answer, if it would refuse the request.
     *
     * @throws AwsServiceException a {@code ValidationException} with the service's message
     * @throws NullPointerException if {@code r} is null
     */
    public static void requireValid(PutScheduledActionRequest r) throws AwsServiceException {
        check(validate(r));
    }

    /**
     * The answer to a policy or action put on a target that is not registered ([obs] GitHub
     * cloudposse/terraform-aws-ecs-cloudwatch-autoscaling#36, ansible/ansible#35632; docs/scaling.md#errors).
     */
    public static ObjectNotFoundException noScalableTarget(
            String serviceNamespace, String resourceId, String scalableDimension) {
        return new ObjectNotFoundException("No scalable target registered for service namespace: " + serviceNamespace
                + ", resource ID: " + resourceId + ", scalable dimension: " + scalableDimension);
    }
}
