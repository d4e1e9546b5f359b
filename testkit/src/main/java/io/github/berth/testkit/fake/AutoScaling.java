package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.PutMetricAlarmParser;
import io.github.berth.scaling.error.InvalidNextTokenException;
import io.github.berth.scaling.error.ObjectNotFoundException;
import io.github.berth.scaling.error.ValidationException;
import io.github.berth.scaling.model.*;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Application Auto Scaling's 14 operations on the fake's ECS services ({@code ecs.autoScaling()}),
 * named as the AWS SDK for Java v2 names them, taking and returning {@code scaling.model} types and
 * throwing the Application Auto Scaling errors with AAS's messages (docs/scheduler.md#auto-scaling).
 * Only the {@code ecs} service namespace is served. Checks come first: a call that fails changes
 * nothing. Once a target is registered, the fake evaluates it every minute of its clock. Step
 * scaling policies act on the fake CloudWatch alarms a test puts with {@link #putMetricAlarm}
 * (docs/scheduler.md#step-scaling-alarms).
 */
public final class AutoScaling {

    private final Engine engine;
    private final AutoScalingController c;

    AutoScaling(Engine engine, AutoScalingController controller) {
        this.engine = engine;
        this.c = controller;
    }

    /** The load models the minute's datapoints come from (the same object as {@code ecs.metrics()}). */
    public Metrics metrics() {
        return c.metrics;
    }

    // ------------------------------------------------------------------ scalable targets

    /**
     * Registers or updates a scalable target (PUT-merge: members not given stay). The ECS service
     * must exist. [doc] API_RegisterScalableTarget.
     */
    public RegisterScalableTargetResponse registerScalableTarget(RegisterScalableTargetRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("RegisterScalableTarget", () -> {
                String resourceId = AutoScalingController.requireEcsTarget(
                        r.serviceNamespace(), r.resourceId(), r.scalableDimension());
                String[] cs = AutoScalingController.clusterAndService(resourceId);
                AutoScalingController.TargetRt t = c.targets.get(resourceId);
                if (t == null) {
                    AutoScalingValidator.check(AutoScalingValidator.validate(r));
                    if (engine.scalableServices == null || !engine.scalableServices.exists(cs[0], cs[1])) {
                        // [unsure] the text AAS answers for a service that does not exist, as reported in
                        // GitHub issues (e.g. hashicorp/terraform-provider-aws): "ECS service doesn't exist: <id>".
                        throw new ValidationException("ECS service doesn't exist: " + resourceId);
                    }
                } else {
                    // The merged target must be valid; the evaluator checks it without changing anything first.
                    RegisterScalableTargetRequest merged = RegisterScalableTargetRequest.builder()
                            .from(t.evaluator.target())
                            .from(r)
                            .build();
                    if (r.minCapacity() == null || r.maxCapacity() == null) {
                        RegisterScalableTargetRequest.Builder b =
                                RegisterScalableTargetRequest.builder().from(merged);
                        if (r.minCapacity() == null) {
                            b.minCapacity(t.evaluator.target().minCapacity());
                        }
                        if (r.maxCapacity() == null) {
                            b.maxCapacity(t.evaluator.target().maxCapacity());
                        }
                        merged = b.build();
                    }
                    AutoScalingValidator.check(AutoScalingValidator.validate(merged));
                }
                c.record("RegisterScalableTarget", r, resourceId);
                return RegisterScalableTargetResponse.builder()
                        .scalableTargetARN(Objects.requireNonNull(c.targets.get(resourceId)).arn) // just recorded
                        .build();
            });
        }
    }

    public RegisterScalableTargetResponse registerScalableTarget(Consumer<RegisterScalableTargetRequest.Builder> r) {
        return registerScalableTarget(
                build(RegisterScalableTargetRequest.builder(), r).build());
    }

    /** Deregisters a target with its policies and scheduled actions. [doc] API_DeregisterScalableTarget. */
    public DeregisterScalableTargetResponse deregisterScalableTarget(DeregisterScalableTargetRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("DeregisterScalableTarget", () -> {
                String resourceId = AutoScalingController.requireEcsTarget(
                        r.serviceNamespace(), r.resourceId(), r.scalableDimension());
                c.target(String.valueOf(r.serviceNamespace()), resourceId, String.valueOf(r.scalableDimension()));
                c.record("DeregisterScalableTarget", null, resourceId);
                return DeregisterScalableTargetResponse.builder().build();
            });
        }
    }

    public DeregisterScalableTargetResponse deregisterScalableTarget(
            Consumer<DeregisterScalableTargetRequest.Builder> r) {
        return deregisterScalableTarget(
                build(DeregisterScalableTargetRequest.builder(), r).build());
    }

    public DescribeScalableTargetsResponse describeScalableTargets(DescribeScalableTargetsRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("DescribeScalableTargets", () -> {
                AutoScalingController.requireEcs(r.serviceNamespace(), null, r.scalableDimension(), false);
                if (r.serviceNamespace() == null) {
                    throw AutoScalingController.missing("ServiceNamespace");
                }
                List<ScalableTarget> all = new ArrayList<>();
                for (AutoScalingController.TargetRt t : c.targets.values()) {
                    if (r.resourceIds() != null
                            && !r.resourceIds().isEmpty()
                            && !r.resourceIds().contains(t.resourceId)) {
                        continue;
                    }
                    RegisterScalableTargetRequest reg = t.evaluator.target();
                    SuspendedState s = reg.suspendedState();
                    all.add(ScalableTarget.builder()
                            .serviceNamespace(ServiceNamespace.ECS)
                            .resourceId(t.resourceId)
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                            .minCapacity(reg.minCapacity())
                            .maxCapacity(reg.maxCapacity())
                            // [doc] API_ScalableTarget: the default role is the service-linked role for ECS.
                            .roleARN(
                                    reg.roleARN() != null
                                            ? reg.roleARN()
                                            : "arn:aws:iam::" + engine.account
                                                    + ":role/aws-service-role/ecs.application-autoscaling.amazonaws.com/"
                                                    + "AWSServiceRoleForApplicationAutoScaling_ECSService")
                            .creationTime(t.created)
                            .suspendedState(SuspendedState.builder()
                                    .dynamicScalingInSuspended(
                                            s != null && Boolean.TRUE.equals(s.dynamicScalingInSuspended()))
                                    .dynamicScalingOutSuspended(
                                            s != null && Boolean.TRUE.equals(s.dynamicScalingOutSuspended()))
                                    .scheduledScalingSuspended(
                                            s != null && Boolean.TRUE.equals(s.scheduledScalingSuspended()))
                                    .build())
                            .scalableTargetARN(t.arn)
                            .build());
                }
                Page<ScalableTarget> p = page(all, r.maxResults(), r.nextToken(), 50);
                return DescribeScalableTargetsResponse.builder()
                        .scalableTargets(p.items)
                        .nextToken(p.next)
                        .build();
            });
        }
    }

    public DescribeScalableTargetsResponse describeScalableTargets(Consumer<DescribeScalableTargetsRequest.Builder> r) {
        return describeScalableTargets(
                build(DescribeScalableTargetsRequest.builder(), r).build());
    }

    // ------------------------------------------------------------------ scaling policies

    public PutScalingPolicyResponse putScalingPolicy(PutScalingPolicyRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("PutScalingPolicy", () -> {
                String resourceId = AutoScalingController.requireEcsTarget(
                        r.serviceNamespace(), r.resourceId(), r.scalableDimension());
                AutoScalingValidator.check(AutoScalingValidator.validate(r));
                String policyName = Objects.requireNonNull(r.policyName()); // required: validate answered a missing one
                AutoScalingController.TargetRt t = c.target(
                        String.valueOf(r.serviceNamespace()), resourceId, String.valueOf(r.scalableDimension()));
                if (!t.policies.containsKey(policyName)
                        && t.policies.size() >= AutoScalingValidator.MAX_POLICIES_PER_TARGET) {
                    throw AutoScalingValidator.tooManyPolicies(resourceId);
                }
                c.record("PutScalingPolicy", r, resourceId);
                return PutScalingPolicyResponse.builder()
                        .policyARN(Objects.requireNonNull(t.policies.get(policyName)).arn) // just recorded
                        .alarms(c.alarms(t, policyName))
                        .build();
            });
        }
    }

    public PutScalingPolicyResponse putScalingPolicy(Consumer<PutScalingPolicyRequest.Builder> r) {
        return putScalingPolicy(build(PutScalingPolicyRequest.builder(), r).build());
    }

    public DeleteScalingPolicyResponse deleteScalingPolicy(DeleteScalingPolicyRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("DeleteScalingPolicy", () -> {
                AutoScalingController.requireEcs(r.serviceNamespace(), r.resourceId(), r.scalableDimension(), true);
                if (r.policyName() == null) {
                    throw AutoScalingController.missing("PolicyName");
                }
                AutoScalingController.TargetRt t = c.targets.get(r.resourceId());
                if (t == null || !t.policies.containsKey(r.policyName())) {
                    // [unsure] worded like the service's "No scalable target registered for ..." message.
                    throw new ObjectNotFoundException(
                            "No scaling policy found for service namespace: ecs, resource ID: " + r.resourceId()
                                    + ", scalable dimension: " + r.scalableDimension() + ", policy name: "
                                    + r.policyName());
                }
                c.record("DeleteScalingPolicy", r, r.resourceId());
                return DeleteScalingPolicyResponse.builder().build();
            });
        }
    }

    public DeleteScalingPolicyResponse deleteScalingPolicy(Consumer<DeleteScalingPolicyRequest.Builder> r) {
        return deleteScalingPolicy(
                build(DeleteScalingPolicyRequest.builder(), r).build());
    }

    public DescribeScalingPoliciesResponse describeScalingPolicies(DescribeScalingPoliciesRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("DescribeScalingPolicies", () -> {
                if (r.serviceNamespace() == null) {
                    throw AutoScalingController.missing("ServiceNamespace");
                }
                AutoScalingController.requireEcs(r.serviceNamespace(), null, r.scalableDimension(), false);
                List<ScalingPolicy> all = new ArrayList<>();
                for (AutoScalingController.TargetRt t : c.targets.values()) {
                    if (r.resourceId() != null && !r.resourceId().equals(t.resourceId)) {
                        continue;
                    }
                    for (var e : t.policies.entrySet()) {
                        if (r.policyNames() != null
                                && !r.policyNames().isEmpty()
                                && !r.policyNames().contains(e.getKey())) {
                            continue;
                        }
                        PutScalingPolicyRequest q = e.getValue().request;
                        all.add(ScalingPolicy.builder()
                                .policyARN(e.getValue().arn)
                                .policyName(e.getKey())
                                .serviceNamespace(ServiceNamespace.ECS)
                                .resourceId(t.resourceId)
                                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                .policyType(q.policyType() != null ? q.policyType() : PolicyType.STEP_SCALING)
                                .stepScalingPolicyConfiguration(q.stepScalingPolicyConfiguration())
                                .targetTrackingScalingPolicyConfiguration(q.targetTrackingScalingPolicyConfiguration())
                                .predictiveScalingPolicyConfiguration(q.predictiveScalingPolicyConfiguration())
                                .alarms(c.alarms(t, e.getKey()))
                                .creationTime(e.getValue().created)
                                .build());
                    }
                }
                Page<ScalingPolicy> p = page(all, r.maxResults(), r.nextToken(), 50);
                return DescribeScalingPoliciesResponse.builder()
                        .scalingPolicies(p.items)
                        .nextToken(p.next)
                        .build();
            });
        }
    }

    public DescribeScalingPoliciesResponse describeScalingPolicies(Consumer<DescribeScalingPoliciesRequest.Builder> r) {
        return describeScalingPolicies(
                build(DescribeScalingPoliciesRequest.builder(), r).build());
    }

    // ------------------------------------------------------------------ scheduled actions

    public PutScheduledActionResponse putScheduledAction(PutScheduledActionRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("PutScheduledAction", () -> {
                String resourceId = AutoScalingController.requireEcsTarget(
                        r.serviceNamespace(), r.resourceId(), r.scalableDimension());
                AutoScalingValidator.check(AutoScalingValidator.validate(r));
                AutoScalingController.TargetRt t = c.target(
                        String.valueOf(r.serviceNamespace()), resourceId, String.valueOf(r.scalableDimension()));
                if (!t.actions.containsKey(r.scheduledActionName())
                        && t.actions.size() >= AutoScalingValidator.MAX_SCHEDULED_ACTIONS_PER_TARGET) {
                    throw AutoScalingValidator.tooManyScheduledActions(resourceId);
                }
                c.record("PutScheduledAction", r, resourceId);
                return PutScheduledActionResponse.builder().build();
            });
        }
    }

    public PutScheduledActionResponse putScheduledAction(Consumer<PutScheduledActionRequest.Builder> r) {
        return putScheduledAction(build(PutScheduledActionRequest.builder(), r).build());
    }

    public DeleteScheduledActionResponse deleteScheduledAction(DeleteScheduledActionRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("DeleteScheduledAction", () -> {
                AutoScalingController.requireEcs(r.serviceNamespace(), r.resourceId(), r.scalableDimension(), true);
                if (r.scheduledActionName() == null) {
                    throw AutoScalingController.missing("ScheduledActionName");
                }
                AutoScalingController.TargetRt t = c.targets.get(r.resourceId());
                if (t == null || !t.actions.containsKey(r.scheduledActionName())) {
                    // [unsure] worded like the service's "No scalable target registered for ..." message.
                    throw new ObjectNotFoundException(
                            "No scheduled action found for service namespace: ecs, resource ID: "
                                    + r.resourceId() + ", scalable dimension: " + r.scalableDimension()
                                    + ", scheduled action name: "
                                    + r.scheduledActionName());
                }
                c.record("DeleteScheduledAction", r, r.resourceId());
                return DeleteScheduledActionResponse.builder().build();
            });
        }
    }

    public DeleteScheduledActionResponse deleteScheduledAction(Consumer<DeleteScheduledActionRequest.Builder> r) {
        return deleteScheduledAction(
                build(DeleteScheduledActionRequest.builder(), r).build());
    }

    public DescribeScheduledActionsResponse describeScheduledActions(DescribeScheduledActionsRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("DescribeScheduledActions", () -> {
                if (r.serviceNamespace() == null) {
                    throw AutoScalingController.missing("ServiceNamespace");
                }
                AutoScalingController.requireEcs(r.serviceNamespace(), null, r.scalableDimension(), false);
                List<ScheduledAction> all = new ArrayList<>();
                for (AutoScalingController.TargetRt t : c.targets.values()) {
                    if (r.resourceId() != null && !r.resourceId().equals(t.resourceId)) {
                        continue;
                    }
                    for (var e : t.actions.entrySet()) {
                        if (r.scheduledActionNames() != null
                                && !r.scheduledActionNames().isEmpty()
                                && !r.scheduledActionNames().contains(e.getKey())) {
                            continue;
                        }
                        PutScheduledActionRequest q = e.getValue().request;
                        all.add(ScheduledAction.builder()
                                .scheduledActionName(e.getKey())
                                .scheduledActionARN(e.getValue().arn)
                                .serviceNamespace(ServiceNamespace.ECS)
                                .schedule(q.schedule())
                                .timezone(q.timezone())
                                .resourceId(t.resourceId)
                                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                .startTime(q.startTime())
                                .endTime(q.endTime())
                                .scalableTargetAction(q.scalableTargetAction())
                                .creationTime(e.getValue().created)
                                .build());
                    }
                }
                Page<ScheduledAction> p = page(all, r.maxResults(), r.nextToken(), 50);
                return DescribeScheduledActionsResponse.builder()
                        .scheduledActions(p.items)
                        .nextToken(p.next)
                        .build();
            });
        }
    }

    public DescribeScheduledActionsResponse describeScheduledActions(
            Consumer<DescribeScheduledActionsRequest.Builder> r) {
        return describeScheduledActions(
                build(DescribeScheduledActionsRequest.builder(), r).build());
    }

    // ------------------------------------------------------------------ CloudWatch alarms of step policies

    /**
     * Creates or replaces a fake CloudWatch metric alarm from a PutMetricAlarm request, the JSON
     * {@code aws cloudwatch put-metric-alarm --cli-input-json} takes (docs/scheduler.md#step-scaling-alarms).
     * A step scaling policy whose ARN (from PutScalingPolicy) is in its AlarmActions is triggered each
     * minute the alarm is in ALARM. The metric is read from {@code ecs.metrics()}: {@code AWS/ECS}
     * {@code CPUUtilization} or {@code MemoryUtilization} with the dimensions {@code ClusterName} and
     * {@code ServiceName}, or {@code AWS/ApplicationELB} {@code RequestCountPerTarget} or {@code
     * RequestCount} (the policy's service's request rate). CloudWatch is not served on the wire: this
     * is a test's way to make the alarm.
     *
     * @throws IllegalArgumentException naming the member that is wrong (CloudWatch's own rules, a
     *     metric the fake has no datapoints for, or an action that another alarm already holds), and
     *     nothing changes
     */
    public void putMetricAlarm(String putMetricAlarmRequestJson) {
        Objects.requireNonNull(putMetricAlarmRequestJson, "putMetricAlarmRequestJson");
        synchronized (engine) {
            engine.call("PutMetricAlarm", () -> {
                PutMetricAlarmParser.MetricAlarm a;
                try {
                    a = PutMetricAlarmParser.parse(putMetricAlarmRequestJson);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("PutMetricAlarm: " + e.getMessage(), e);
                }
                String unsupported = AutoScalingController.unsupportedMetric(a);
                if (unsupported != null) {
                    throw new IllegalArgumentException("PutMetricAlarm: " + unsupported);
                }
                for (String action : a.alarmActions()) {
                    for (PutMetricAlarmParser.MetricAlarm other : c.metricAlarms.values()) {
                        if (!other.spec().name().equals(a.spec().name())
                                && other.alarmActions().contains(action)
                                && action.startsWith("arn:aws:autoscaling:")) {
                            // [model] the fake's evaluator gives a step policy one alarm; AWS allows several.
                            throw new IllegalArgumentException("PutMetricAlarm: AlarmActions: " + action
                                    + " is already an action" + " of alarm "
                                    + other.spec().name() + "; Berth's fake gives a step scaling policy one alarm");
                        }
                    }
                }
                c.record("PutMetricAlarm", null, null, putMetricAlarmRequestJson);
                return null;
            });
        }
    }

    /**
     * Deletes fake CloudWatch alarms: the step policies they triggered act no more.
     *
     * @throws IllegalArgumentException naming an alarm that does not exist (CloudWatch's DeleteAlarms
     *     answers ResourceNotFound then, [doc] API_DeleteAlarms), and nothing is deleted
     */
    public void deleteAlarms(String... alarmNames) {
        List<String> names = List.of(alarmNames);
        synchronized (engine) {
            engine.call("DeleteAlarms", () -> {
                for (String n : names) {
                    if (!c.metricAlarms.containsKey(n)) {
                        throw new IllegalArgumentException("DeleteAlarms: AlarmNames: no alarm named " + n);
                    }
                }
                c.record("DeleteAlarms", names.toArray(new String[0]), null);
                return null;
            });
        }
    }

    /**
     * The state of a fake CloudWatch alarm: OK, ALARM or INSUFFICIENT_DATA. [model] An alarm is
     * evaluated only while it triggers a step policy; otherwise it is INSUFFICIENT_DATA.
     *
     * @throws IllegalArgumentException if there is no alarm of that name
     */
    public String metricAlarmState(String alarmName) {
        synchronized (engine) {
            if (!c.metricAlarms.containsKey(alarmName)) {
                throw new IllegalArgumentException("no alarm named " + alarmName);
            }
            for (AutoScalingController.TargetRt t : c.targets.values()) {
                AlarmState s = t.evaluator.alarmState(alarmName);
                if (s != null) {
                    return s.toString();
                }
            }
            return "INSUFFICIENT_DATA";
        }
    }

    // ------------------------------------------------------------------ activities, forecast

    /** The scaling activities, most recent first. [doc] API_DescribeScalingActivities. */
    public DescribeScalingActivitiesResponse describeScalingActivities(DescribeScalingActivitiesRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("DescribeScalingActivities", () -> {
                if (r.serviceNamespace() == null) {
                    throw AutoScalingController.missing("ServiceNamespace");
                }
                AutoScalingController.requireEcs(r.serviceNamespace(), null, r.scalableDimension(), false);
                List<ScalingActivity> merged = new ArrayList<>(c.activities);
                if (Boolean.TRUE.equals(r.includeNotScaledActivities())) {
                    merged.addAll(c.notScaled);
                }
                // Most recent first; the order they happened in breaks ties (stable sort of the reversed list).
                List<ScalingActivity> all = new ArrayList<>();
                for (int i = merged.size() - 1; i >= 0; i--) {
                    ScalingActivity a = merged.get(i);
                    if (r.resourceId() == null || r.resourceId().equals(a.resourceId())) {
                        all.add(a);
                    }
                }
                // The evaluator gives every activity its start time.
                all.sort((x, y) -> Objects.requireNonNull(y.startTime()).compareTo(x.startTime()));
                Page<ScalingActivity> p = page(all, r.maxResults(), r.nextToken(), 50);
                return DescribeScalingActivitiesResponse.builder()
                        .scalingActivities(p.items)
                        .nextToken(p.next)
                        .build();
            });
        }
    }

    public DescribeScalingActivitiesResponse describeScalingActivities(
            Consumer<DescribeScalingActivitiesRequest.Builder> r) {
        return describeScalingActivities(
                build(DescribeScalingActivitiesRequest.builder(), r).build());
    }

    /**
     * The forecast of a predictive scaling policy. [model] The fake has no forecast model: the
     * answer is empty (no load or capacity forecast) for a predictive policy of a registered target.
     */
    public GetPredictiveScalingForecastResponse getPredictiveScalingForecast(GetPredictiveScalingForecastRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("GetPredictiveScalingForecast", () -> {
                String resourceId = AutoScalingController.requireEcsTarget(
                        r.serviceNamespace(), r.resourceId(), r.scalableDimension());
                for (String f : new String[] {"PolicyName", "StartTime", "EndTime"}) {
                    Object v = f.equals("PolicyName")
                            ? r.policyName()
                            : f.equals("StartTime") ? r.startTime() : r.endTime();
                    if (v == null) {
                        throw AutoScalingController.missing(f);
                    }
                }
                AutoScalingController.TargetRt t = c.target("ecs", resourceId, String.valueOf(r.scalableDimension()));
                AutoScalingController.PolicyInfo p = t.policies.get(r.policyName());
                if (p == null || !PolicyType.PREDICTIVE_SCALING.equals(p.request.policyType())) {
                    // [unsure] worded by us; the operation's modelled errors are Validation and InternalService only.
                    throw new ValidationException(
                            "No predictive scaling policy named " + r.policyName() + " for " + resourceId);
                }
                return GetPredictiveScalingForecastResponse.builder()
                        .loadForecast(List.of())
                        .updateTime(engine.now())
                        .build();
            });
        }
    }

    public GetPredictiveScalingForecastResponse getPredictiveScalingForecast(
            Consumer<GetPredictiveScalingForecastRequest.Builder> r) {
        return getPredictiveScalingForecast(
                build(GetPredictiveScalingForecastRequest.builder(), r).build());
    }

    // ------------------------------------------------------------------ tags (of scalable targets)

    public TagResourceResponse tagResource(TagResourceRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("TagResource", () -> {
                AutoScalingController.TargetRt t = c.byArn(r.resourceARN());
                if (r.tags() == null) {
                    throw AutoScalingController.missing("Tags");
                }
                LinkedHashMap<String, String> after = new LinkedHashMap<>(t.tags);
                after.putAll(r.tags());
                if (after.size() > 50) {
                    // [doc] AAS tagging: at most 50 tags per resource.
                    throw new io.github.berth.scaling.error.TooManyTagsException(
                            "A scalable target can have at most 50 tags", r.resourceARN());
                }
                c.record("TagResource", r, t.resourceId);
                return TagResourceResponse.builder().build();
            });
        }
    }

    public TagResourceResponse tagResource(Consumer<TagResourceRequest.Builder> r) {
        return tagResource(build(TagResourceRequest.builder(), r).build());
    }

    public UntagResourceResponse untagResource(UntagResourceRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call("UntagResource", () -> {
                AutoScalingController.TargetRt t = c.byArn(r.resourceARN());
                if (r.tagKeys() == null) {
                    throw AutoScalingController.missing("TagKeys");
                }
                c.record("UntagResource", r, t.resourceId);
                return UntagResourceResponse.builder().build();
            });
        }
    }

    public UntagResourceResponse untagResource(Consumer<UntagResourceRequest.Builder> r) {
        return untagResource(build(UntagResourceRequest.builder(), r).build());
    }

    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        Objects.requireNonNull(r, "request");
        synchronized (engine) {
            return engine.call(
                    "ListTagsForResource",
                    () -> ListTagsForResourceResponse.builder()
                            .tags(new LinkedHashMap<>(c.byArn(r.resourceARN()).tags))
                            .build());
        }
    }

    public ListTagsForResourceResponse listTagsForResource(Consumer<ListTagsForResourceRequest.Builder> r) {
        return listTagsForResource(
                build(ListTagsForResourceRequest.builder(), r).build());
    }

    // ------------------------------------------------------------------ helpers

    private static <B> B build(B builder, Consumer<B> r) {
        Objects.requireNonNull(r, "request").accept(builder);
        return builder;
    }

    private record Page<T>(List<T> items, @Nullable String next) {}

    /** [doc] the AAS describe operations: MaxResults 1..50, NextToken from the previous page. */
    private static <T> Page<T> page(List<T> all, @Nullable Integer maxResults, @Nullable String nextToken, int max) {
        int size = maxResults == null ? max : maxResults;
        if (size < 1 || size > max) {
            throw new ValidationException("1 validation error detected: Value '" + maxResults
                    + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to "
                    + max);
        }
        int from = 0;
        if (nextToken != null) {
            try {
                from = Integer.parseInt(nextToken);
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0 || from > all.size()) {
                throw new InvalidNextTokenException("Invalid token");
            }
        }
        int to = Math.min(all.size(), from + size);
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
    }
}
