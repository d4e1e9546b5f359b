package io.github.berth.testkit.fake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.core.Nullable;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.scaling.AutoScalingArns;
import io.github.berth.scaling.MetricKey;
import io.github.berth.scaling.ScalableTargetEvaluator;
import io.github.berth.scaling.alarm.PutMetricAlarmParser;
import io.github.berth.scaling.error.ResourceNotFoundException;
import io.github.berth.scaling.error.ValidationException;
import io.github.berth.scaling.model.Alarm;
import io.github.berth.scaling.model.DeleteScalingPolicyRequest;
import io.github.berth.scaling.model.DeleteScheduledActionRequest;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.TagResourceRequest;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import io.github.berth.scaling.model.UntagResourceRequest;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Application Auto Scaling inside the fake (docs/scheduler.md#auto-scaling): the scalable targets
 * of ECS services, each driven by one {@link ScalableTargetEvaluator} (the code ScalingSimulator
 * runs, step by step), stepped once a minute by a MINUTE_TICK timer with the service's running
 * count, desired count, deployment state and the minute's metric datapoint from {@link Metrics};
 * a new desired count is set as AAS's UpdateService call sets it. A step scaling policy gets the
 * fake CloudWatch alarm whose AlarmActions hold its ARN (docs/scheduler.md#step-scaling-alarms);
 * the alarm's metric is one more datapoint of the minute.
 *
 * <p>State: every change (API call or minute step, with the inputs the step was given) is an
 * {@link OpRec} in one log, and everything else (evaluators, ARNs, activities) is derived from the
 * log by replaying it; a snapshot holds the log. [model] The log grows by one record per target
 * per minute.
 */
final class AutoScalingController {

    static final String SUBJECT = "application-autoscaling";
    static final String DIMENSION = "ecs:service:DesiredCount";
    /** The log of a snapshot is Berth's own text, not a request: a reading error is the snapshot's (core's). */
    private static final EcsJson JSON = EcsJson.lenient();

    /** One change to AAS state, plain data. */
    @com.fasterxml.jackson.annotation.JsonAutoDetect(
            fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY,
            getterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
            setterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
    static final class OpRec {
        /** Set on creation; empty only in between (Jackson makes the record with the no-argument constructor). */
        String op = "";

        long at;

        @Nullable
        String request;

        @Nullable
        String resourceId;

        int desired;
        int running;
        boolean deploying;
        List<DatapointRec> datapoints = new ArrayList<>();
    }

    /** A minute's datapoint given to a step: metric type, resource label (ALB) and value. */
    @com.fasterxml.jackson.annotation.JsonAutoDetect(
            fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY,
            getterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
            setterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
    static final class DatapointRec {
        /** Set on creation, as OpRec.op. */
        String metric = "";

        @Nullable
        String label;
        /** The CloudWatch alarm whose metric this is (a step policy's alarm), else null. */
        @Nullable
        String alarm;

        double value;
    }

    /** A named child of a scalable target (a scaling policy or a scheduled action): its ARN, creation time and last put. */
    abstract static class Named<R> {
        final String arn;
        final Instant created;
        R request;

        Named(String arn, Instant created, R request) {
            this.arn = arn;
            this.created = created;
            this.request = request;
        }
    }

    static final class PolicyInfo extends Named<PutScalingPolicyRequest> {
        /** The alarm given to the evaluator for this step policy, or null. */
        @Nullable
        PutMetricAlarmParser.MetricAlarm alarm;

        PolicyInfo(String arn, Instant created, PutScalingPolicyRequest request) {
            super(arn, created, request);
        }
    }

    static final class ActionInfo extends Named<PutScheduledActionRequest> {
        ActionInfo(String arn, Instant created, PutScheduledActionRequest request) {
            super(arn, created, request);
        }
    }

    static final class TargetRt {
        final String resourceId;
        final String cluster;
        final String service;
        final String arn;
        final Instant created;
        final ScalableTargetEvaluator evaluator;
        final Map<String, PolicyInfo> policies = new LinkedHashMap<>();
        final Map<String, ActionInfo> actions = new LinkedHashMap<>();
        final Map<String, String> tags = new LinkedHashMap<>();

        TargetRt(
                String resourceId,
                String cluster,
                String service,
                String arn,
                Instant created,
                ScalableTargetEvaluator evaluator) {
            this.resourceId = resourceId;
            this.cluster = cluster;
            this.service = service;
            this.arn = arn;
            this.created = created;
            this.evaluator = evaluator;
        }
    }

    private final Engine engine;
    private final AutoScalingArns arns;
    final Metrics metrics;
    final List<OpRec> log = new ArrayList<>();
    boolean tickPending;
    // Derived from the log.
    final Map<String, TargetRt> targets = new LinkedHashMap<>();
    final List<ScalingActivity> activities = new ArrayList<>();
    final List<ScalingActivity> notScaled = new ArrayList<>();
    /** The fake CloudWatch alarms put with PutMetricAlarm, by name (docs/scheduler.md#step-scaling-alarms). */
    final Map<String, PutMetricAlarmParser.MetricAlarm> metricAlarms = new LinkedHashMap<>();

    private FakeIds ids;

    AutoScalingController(Engine engine, Metrics metrics) {
        this.engine = engine;
        this.arns = AutoScalingArns.of(engine.region, engine.account);
        this.metrics = metrics;
        this.ids = new FakeIds(engine.seed ^ 0x414153L);
        engine.handlers.put(TimerKind.MINUTE_TICK, this::fire);
        engine.stateParts.put("applicationAutoScaling", new Snapshots.StatePart() {
            @Override
            public JsonNode write(ObjectMapper mapper) {
                com.fasterxml.jackson.databind.node.ObjectNode n = mapper.createObjectNode();
                n.put("tickPending", tickPending);
                n.set("log", mapper.valueToTree(log));
                return n;
            }

            @Override
            public void read(ObjectMapper mapper, JsonNode node) throws IOException {
                List<OpRec> ops =
                        mapper.readerFor(new TypeReference<List<OpRec>>() {}).readValue(node.path("log"));
                replay(ops);
                tickPending = node.path("tickPending").asBoolean();
            }
        });
    }

    // ------------------------------------------------------------------ checks shared by the operations

    /** Only the ecs namespace is served; a missing member is named by its JSON path. */
    static void requireEcs(
            @Nullable ServiceNamespace ns,
            @Nullable String resourceId,
            @Nullable ScalableDimension dim,
            boolean required) {
        // A value outside the model's enum is refused as the service refuses it, before the fake
        // says it serves only ecs (which is about a namespace AAS itself serves).
        if (ns != null && !ns.isKnown()) {
            throw AutoScalingValidator.notInEnum("ServiceNamespace", ns.toString(), ServiceNamespace.knownValues());
        }
        if (dim != null && !dim.isKnown()) {
            throw AutoScalingValidator.notInEnum("ScalableDimension", dim.toString(), ScalableDimension.knownValues());
        }
        if (ns == null) {
            if (required) {
                throw missing("ServiceNamespace");
            }
        } else if (!"ecs".equals(String.valueOf(ns))) {
            // [model] the fake is ECS only; AAS itself serves this namespace.
            throw new ValidationException("ServiceNamespace '" + ns
                    + "' is not served by Berth's fake, which serves only" + " the ecs namespace");
        }
        if (required && resourceId == null) {
            throw missing("ResourceId");
        }
        if (required && dim == null) {
            throw missing("ScalableDimension");
        }
        if (dim != null && !DIMENSION.equals(String.valueOf(dim))) {
            // [doc] API_RegisterScalableTarget: ecs:service:DesiredCount is ECS's only dimension.
            throw new ValidationException("Unsupported scalable dimension '" + dim + "' for service namespace ecs:"
                    + " the only one is " + DIMENSION);
        }
    }

    /** {@link #requireEcs} for an operation on one target, whose members are all required: answers its ResourceId. */
    static String requireEcsTarget(
            @Nullable ServiceNamespace ns, @Nullable String resourceId, @Nullable ScalableDimension dim) {
        requireEcs(ns, resourceId, dim, true);
        return Objects.requireNonNull(resourceId); // requireEcs answered a missing one
    }

    /** A missing required member, in the words the validator uses (docs/scaling.md#errors). */
    static AwsServiceException missing(String field) {
        return AutoScalingValidator.missing(field);
    }

    TargetRt target(String ns, String resourceId, String dim) {
        TargetRt t = targets.get(resourceId);
        if (t == null) {
            throw io.github.berth.scaling.validation.AutoScalingValidator.noScalableTarget(ns, resourceId, dim);
        }
        return t;
    }

    /** [doc] API_RegisterScalableTarget: an ECS ResourceId is service/<cluster>/<service>. */
    static String[] clusterAndService(String resourceId) {
        String[] parts = resourceId.split("/", -1);
        if (parts.length != 3 || !"service".equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
            // [unsure] worded by us: AAS answers a ValidationException for a malformed resource id.
            throw new ValidationException("Unsupported resource ID '" + resourceId
                    + "' for service namespace ecs: it must be service/<clusterName>/<serviceName>");
        }
        return new String[] {parts[1], parts[2]};
    }

    // ------------------------------------------------------------------ applying a change (live and in replay)

    /** Applies {@code op}, which has been checked; in replay the services are not touched. */
    void apply(OpRec op, boolean live) {
        Instant at = Instant.ofEpochSecond(op.at);
        switch (op.op) {
            case "RegisterScalableTarget" -> {
                RegisterScalableTargetRequest r = JSON.read(request(op), RegisterScalableTargetRequest.class);
                TargetRt t = targets.get(r.resourceId());
                if (t == null) {
                    t = newTarget(r, at);
                    targets.put(t.resourceId, t);
                } else {
                    t.evaluator.registerScalableTarget(r);
                }
            }
            case "DeregisterScalableTarget" -> targets.remove(op.resourceId);
            case "PutScalingPolicy" -> {
                PutScalingPolicyRequest r = JSON.read(request(op), PutScalingPolicyRequest.class);
                TargetRt t = registered(r.resourceId());
                t.evaluator.putScalingPolicy(r);
                // PolicyName is required: the call's validation answered a missing one.
                put(t, POLICY, Objects.requireNonNull(r.policyName()), r, at);
            }
            case "DeleteScalingPolicy" -> {
                DeleteScalingPolicyRequest r = JSON.read(request(op), DeleteScalingPolicyRequest.class);
                TargetRt t = registered(r.resourceId());
                t.evaluator.deleteScalingPolicy(Objects.requireNonNull(r.policyName())); // the call checked it
                t.policies.remove(r.policyName());
            }
            case "PutScheduledAction" -> {
                PutScheduledActionRequest r = JSON.read(request(op), PutScheduledActionRequest.class);
                TargetRt t = registered(r.resourceId());
                t.evaluator.putScheduledAction(r);
                // [doc] API_ScheduledAction example:
                // ...:scheduledAction:<uuid>:resource/ecs/service/<c>/<s>:scheduledActionName/<name>
                // ScheduledActionName is required: the call's validation answered a missing one.
                put(t, SCHEDULED_ACTION, Objects.requireNonNull(r.scheduledActionName()), r, at);
            }
            case "DeleteScheduledAction" -> {
                DeleteScheduledActionRequest r = JSON.read(request(op), DeleteScheduledActionRequest.class);
                TargetRt t = registered(r.resourceId());
                t.evaluator.deleteScheduledAction(
                        Objects.requireNonNull(r.scheduledActionName())); // the call checked it
                t.actions.remove(r.scheduledActionName());
            }
            case "TagResource" -> {
                TagResourceRequest r = JSON.read(request(op), TagResourceRequest.class);
                byArn(r.resourceARN()).tags.putAll(r.tags());
            }
            case "UntagResource" -> {
                UntagResourceRequest r = JSON.read(request(op), UntagResourceRequest.class);
                TargetRt t = byArn(r.resourceARN());
                for (String k : Objects.requireNonNull(r.tagKeys())) { // the call checked it
                    t.tags.remove(k);
                }
            }
            case "PutMetricAlarm" -> {
                PutMetricAlarmParser.MetricAlarm a = PutMetricAlarmParser.parse(request(op));
                metricAlarms.put(a.spec().name(), a);
            }
            case "DeleteAlarms" -> {
                for (String name : JSON.read(request(op), String[].class)) {
                    metricAlarms.remove(name);
                }
            }
            case "Step" -> step(op, live);
            default -> throw new IllegalStateException("unknown auto scaling log entry " + op.op);
        }
        if (!"Step".equals(op.op)) {
            bindAlarms();
        }
    }

    /** The request of a logged API call (every operation but DeregisterScalableTarget and Step keeps one). */
    private static String request(OpRec op) {
        return Objects.requireNonNull(op.request, op.op);
    }

    /** The target of a logged call or step: the call checked that it is registered, a step is made for one. */
    private TargetRt registered(@Nullable String resourceId) {
        return Objects.requireNonNull(targets.get(resourceId), resourceId);
    }

    /**
     * A kind of named child of a scalable target: where the target keeps them, and its ARN from a
     * fresh UUID, the target's ResourceId and the child's name (docs/scaling.md#scaling-activities).
     */
    record ChildKind<R, I extends Named<R>>(
            ArnFormat arn, Function<TargetRt, Map<String, I>> byName, Fresh<R, I> fresh) {}

    /** One of {@link AutoScalingArns}' formats of a scalable target's child. */
    interface ArnFormat {
        String format(AutoScalingArns arns, String uuid, String resourceId, String name);
    }

    /** Makes a named child from its ARN, creation time and request. */
    interface Fresh<R, I extends Named<R>> {
        I make(String arn, Instant created, R request);
    }

    static final ChildKind<PutScalingPolicyRequest, PolicyInfo> POLICY =
            new ChildKind<>(AutoScalingArns::scalingPolicy, t -> t.policies, PolicyInfo::new);
    static final ChildKind<PutScheduledActionRequest, ActionInfo> SCHEDULED_ACTION =
            new ChildKind<>(AutoScalingArns::scheduledAction, t -> t.actions, ActionInfo::new);

    /**
     * A put of a named child of {@code t} (PutScalingPolicy, PutScheduledAction): a new name gets its
     * creation time and its ARN, a known one keeps both; either way the request is the one put last.
     */
    private <R, I extends Named<R>> void put(TargetRt t, ChildKind<R, I> kind, String name, R request, Instant at) {
        Map<String, I> byName = kind.byName().apply(t);
        I info = byName.get(name);
        if (info == null) {
            String arn = kind.arn().format(arns, ids.uuid(), t.resourceId, name);
            byName.put(name, kind.fresh().make(arn, at, request));
        } else {
            info.request = request;
        }
    }

    /**
     * Gives each step scaling policy the alarm whose AlarmActions hold its ARN (and takes it away when
     * there is none any more): [doc] a step policy acts when a CloudWatch alarm naming it in its
     * actions is in ALARM (AAS user guide, "Step scaling policies for Application Auto Scaling",
     * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-step-scaling-policies.html).
     * A re-created policy has a new ARN, so an alarm made for the old one does not trigger it. An
     * alarm with ActionsEnabled false invokes nothing [doc] API_PutMetricAlarm. A replaced alarm starts
     * over in INSUFFICIENT_DATA [model].
     */
    private void bindAlarms() {
        for (TargetRt t : targets.values()) {
            for (var e : t.policies.entrySet()) {
                PolicyInfo p = e.getValue();
                if (!PolicyType.STEP_SCALING.equals(
                        p.request.policyType() != null ? p.request.policyType() : PolicyType.STEP_SCALING)) {
                    p.alarm = null; // [model] an alarm triggers step policies only (the evaluator's other policies have
                    // their own)
                    continue;
                }
                PutMetricAlarmParser.MetricAlarm bound = alarmNaming(p.arn);
                if (bound == null && p.alarm != null) {
                    t.evaluator.removeAlarm(e.getKey());
                } else if (bound != null && !bound.equals(p.alarm)) {
                    t.evaluator.putAlarm(e.getKey(), bound.spec());
                }
                p.alarm = bound;
            }
        }
    }

    @Nullable
    PutMetricAlarmParser.MetricAlarm alarmNaming(String policyArn) {
        for (PutMetricAlarmParser.MetricAlarm a : metricAlarms.values()) {
            if (a.actionsEnabled() && a.alarmActions().contains(policyArn)) {
                return a;
            }
        }
        return null;
    }

    private TargetRt newTarget(RegisterScalableTargetRequest r, Instant at) {
        // ResourceId is required: the call answered a missing one (requireEcs).
        String resourceId = Objects.requireNonNull(r.resourceId());
        String[] cs = clusterAndService(resourceId);
        // [model] the id: "0" and 35 hex digits from the fake's seed (the documented example is 36 characters).
        String arn = arns.scalableTarget(
                "0" + (ids.uuid().replace("-", "") + ids.uuid().replace("-", "")).substring(0, 35));
        // [model] each target's activity ids and alarm names from its own seed, derived from the fake's.
        ScalableTargetEvaluator evaluator = ScalableTargetEvaluator.builder()
                .target(r)
                .seed(engine.seed * 31 + resourceId.hashCode())
                .build();
        return new TargetRt(resourceId, cs[0], cs[1], arn, at, evaluator);
    }

    TargetRt byArn(@Nullable String arn) {
        if (arn == null) {
            throw missing("ResourceARN");
        }
        for (TargetRt t : targets.values()) {
            if (t.arn.equals(arn)) {
                return t;
            }
        }
        // [unsure] worded by us: AAS tags scalable targets only, and answers ResourceNotFoundException.
        throw new ResourceNotFoundException("No scalable target found for ARN " + arn, arn);
    }

    /** Records and applies a checked change made by an API call. */
    void record(String op, @Nullable Object request, @Nullable String resourceId) {
        record(op, request, resourceId, request == null ? null : JSON.write(request));
    }

    /** Records and applies a checked change whose request is kept as the JSON text given. */
    void record(String op, @Nullable Object request, @Nullable String resourceId, @Nullable String requestJson) {
        OpRec r = new OpRec();
        r.op = op;
        r.at = engine.now().getEpochSecond();
        r.request = requestJson;
        r.resourceId = resourceId;
        apply(r, true);
        log.add(r);
        if (!tickPending && !targets.isEmpty()) {
            // [doc] ECS publishes service metrics once a minute (DG cloudwatch-metrics); AAS evaluates on
            // each datapoint. [model] The tick falls on whole minutes of the fake clock.
            long now = engine.now().getEpochSecond();
            long next = (Math.floorDiv(now, 60) + 1) * 60;
            engine.scheduleAt(Instant.ofEpochSecond(next), TimerKind.MINUTE_TICK, "", SUBJECT, 0, 0);
            tickPending = true;
        }
    }

    // ------------------------------------------------------------------ the minute

    private void fire(Timer timer) {
        if (!SUBJECT.equals(timer.subject())) {
            return;
        }
        tickPending = false;
        Instant now = engine.now();
        ScalableServices services = engine.scalableServices;
        for (TargetRt t : new ArrayList<>(targets.values())) {
            Integer desired = services == null ? null : services.desiredCount(t.cluster, t.service);
            Integer running = services == null ? null : services.runningCount(t.cluster, t.service);
            if (desired == null || running == null) {
                continue; // [model] a deleted service is not scaled; its target stays registered.
            }
            OpRec op = new OpRec();
            op.op = "Step";
            op.at = now.getEpochSecond();
            op.resourceId = t.resourceId;
            op.desired = desired;
            op.running = running;
            op.deploying = services.deploymentInProgress(t.cluster, t.service);
            // [doc] DG service-auto-scaling: no RUNNING task, no metric datapoint.
            if (running > 0) {
                add(
                        op,
                        MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION.toString(),
                        null,
                        metrics.cpu(t.cluster, t.service, now, running));
                add(
                        op,
                        MetricType.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION.toString(),
                        null,
                        metrics.memory(t.cluster, t.service, now, running));
                for (PolicyInfo p : t.policies.values()) {
                    String label = albLabel(p.request);
                    if (label != null) {
                        add(
                                op,
                                MetricType.ALB_REQUEST_COUNT_PER_TARGET.toString(),
                                label,
                                metrics.requestsPerTarget(t.cluster, t.service, now, running));
                    }
                }
            }
            for (PolicyInfo p : t.policies.values()) {
                if (p.alarm != null) {
                    Double v = alarmDatapoint(p.alarm, t, now, running);
                    if (v != null) {
                        DatapointRec d = new DatapointRec();
                        // unsupportedMetric let in only alarms with a MetricName.
                        d.metric = Objects.requireNonNull(p.alarm.metricName());
                        d.alarm = p.alarm.spec().name();
                        d.value = v;
                        op.datapoints.add(d);
                    }
                }
            }
            apply(op, true);
            log.add(op);
        }
        if (!targets.isEmpty()) {
            engine.schedule(Duration.ofMinutes(1), TimerKind.MINUTE_TICK, "", SUBJECT, 0, 0);
            tickPending = true;
        }
    }

    /**
     * The minute's datapoint of a step policy's alarm, from the load model: AWS/ECS CPUUtilization or
     * MemoryUtilization of the service its ClusterName and ServiceName dimensions name (none while
     * that service runs no task, [doc] DG service-auto-scaling); AWS/ApplicationELB
     * RequestCountPerTarget ([model] the request rate of the policy's service over its running tasks;
     * the TargetGroup dimension is not matched) or RequestCount (the whole rate). [model]
     */
    private @Nullable Double alarmDatapoint(PutMetricAlarmParser.MetricAlarm a, TargetRt t, Instant now, int running) {
        if (ECS_NAMESPACE.equals(a.namespace())) {
            // unsupportedMetric let in only AWS/ECS alarms with both dimensions.
            String cluster = Objects.requireNonNull(a.dimensions().get("ClusterName"));
            String service = Objects.requireNonNull(a.dimensions().get("ServiceName"));
            Integer n = engine.scalableServices == null ? null : engine.scalableServices.runningCount(cluster, service);
            if (n == null || n <= 0) {
                return null;
            }
            return "CPUUtilization".equals(a.metricName())
                    ? metrics.cpu(cluster, service, now, n)
                    : metrics.memory(cluster, service, now, n);
        }
        if ("RequestCount".equals(a.metricName())) {
            return metrics.requests(t.cluster, t.service, now);
        }
        return metrics.requestsPerTarget(t.cluster, t.service, now, running);
    }

    static final String ECS_NAMESPACE = "AWS/ECS";
    static final String ALB_NAMESPACE = "AWS/ApplicationELB";

    /**
     * Why the fake cannot feed this alarm, or null when it can: its metric must be one the load model
     * gives. [model]
     */
    static @Nullable String unsupportedMetric(PutMetricAlarmParser.MetricAlarm a) {
        String what = a.namespace() + " " + a.metricName();
        if (a.namespace() == null || a.metricName() == null) {
            return "Namespace, MetricName: an alarm on metric math (Metrics) is not modelled by Berth's fake; give"
                    + " Namespace and MetricName";
        }
        if (ECS_NAMESPACE.equals(a.namespace())) {
            if (!"CPUUtilization".equals(a.metricName()) && !"MemoryUtilization".equals(a.metricName())) {
                return "MetricName: Berth's fake has no datapoints for " + what
                        + "; of AWS/ECS it models CPUUtilization" + " and MemoryUtilization";
            }
            if (!a.dimensions().containsKey("ClusterName") || !a.dimensions().containsKey("ServiceName")) {
                return "Dimensions: " + what + " needs the dimensions ClusterName and ServiceName in Berth's fake (its"
                        + " load model is per service)";
            }
            return null;
        }
        if (ALB_NAMESPACE.equals(a.namespace())) {
            if (!"RequestCountPerTarget".equals(a.metricName()) && !"RequestCount".equals(a.metricName())) {
                return "MetricName: Berth's fake has no datapoints for " + what + "; of AWS/ApplicationELB it models"
                        + " RequestCountPerTarget and RequestCount";
            }
            return null;
        }
        return "Namespace: Berth's fake has no datapoints for " + what + "; it models AWS/ECS CPUUtilization and"
                + " MemoryUtilization, AWS/ApplicationELB RequestCountPerTarget and RequestCount";
    }

    private static @Nullable String albLabel(PutScalingPolicyRequest p) {
        if (!PolicyType.TARGET_TRACKING_SCALING.equals(p.policyType())) {
            return null;
        }
        TargetTrackingScalingPolicyConfiguration c = p.targetTrackingScalingPolicyConfiguration();
        if (c == null
                || c.predefinedMetricSpecification() == null
                || !MetricType.ALB_REQUEST_COUNT_PER_TARGET.equals(
                        c.predefinedMetricSpecification().predefinedMetricType())) {
            return null;
        }
        return c.predefinedMetricSpecification().resourceLabel();
    }

    private static void add(OpRec op, String metric, @Nullable String label, @Nullable Double value) {
        if (value == null) {
            return;
        }
        DatapointRec d = new DatapointRec();
        d.metric = metric;
        d.label = label;
        d.value = value;
        op.datapoints.add(d);
    }

    /**
     * One evaluation of a target: the datapoints count in the minute starting now (read by the
     * alarms from the next minute on, as CloudWatch reads a minute once it has ended). [model]
     */
    private void step(OpRec op, boolean live) {
        TargetRt t = registered(op.resourceId);
        Instant at = Instant.ofEpochSecond(op.at);
        ScalableTargetEvaluator.StepInput in = ScalableTargetEvaluator.StepInput.at(at)
                .desiredCount(op.desired)
                .runningCount(op.running)
                .deploymentInProgress(op.deploying);
        for (DatapointRec d : op.datapoints) {
            MetricKey key = d.alarm != null
                    ? new MetricKey.OfAlarm(d.alarm)
                    : d.label == null
                            ? new MetricKey.Predefined(MetricType.fromValue(d.metric), null)
                            : MetricKey.albRequestCountPerTarget(d.label);
            in.datapoint(key, at, d.value);
        }
        ScalableTargetEvaluator.StepResult r = t.evaluator.step(in);
        activities.addAll(r.activities());
        notScaled.addAll(r.notScaledActivities());
        OptionalInt next = r.desiredCount();
        if (live && next.isPresent()) {
            // [doc] DG service-auto-scaling: AAS calls UpdateService with the new desired count.
            engine.scalableServices.setDesiredCount(t.cluster, t.service, next.getAsInt());
        }
    }

    private void replay(List<OpRec> ops) {
        targets.clear();
        metricAlarms.clear();
        activities.clear();
        notScaled.clear();
        log.clear();
        ids = new FakeIds(engine.seed ^ 0x414153L);
        for (OpRec op : ops) {
            apply(op, false);
            log.add(op);
        }
    }

    List<Alarm> alarms(TargetRt t, String policyName) {
        List<Alarm> out = new ArrayList<>();
        for (String name : t.evaluator.alarmNames(policyName)) {
            out.add(Alarm.builder()
                    .alarmName(name)
                    .alarmARN("arn:aws:cloudwatch:" + engine.region + ":" + engine.account + ":alarm:" + name)
                    .build());
        }
        return out;
    }
}
