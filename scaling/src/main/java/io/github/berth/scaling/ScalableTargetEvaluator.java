package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.TargetTrackingAlarms;
import io.github.berth.scaling.error.ObjectNotFoundException;
import io.github.berth.scaling.model.CapacityForecast;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredictiveScalingPolicyConfiguration;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.SuspendedState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import io.github.berth.scaling.schedule.ScheduledActionTimes;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Application Auto Scaling for one scalable target, one evaluation at a time on the caller's clock:
 * the target's bounds and suspended state, its scaling policies (target tracking with the alarms
 * AAS makes for them, step scaling with the CloudWatch alarm whose action the policy is,
 * predictive over a supplied forecast) and its scheduled actions. Between steps they can be put,
 * replaced and deleted as the AAS API allows at any time; each put is checked as {@link
 * AutoScalingValidator} does, and a put that fails changes nothing.
 *
 * <pre>{@code
 * ScalableTargetEvaluator aas = ScalableTargetEvaluator.builder().target(registerScalableTargetRequest).seed(7).build();
 * aas.putScalingPolicy(cpuTargetTrackingPolicy);
 * // every minute of the caller's clock:
 * ScalableTargetEvaluator.StepResult r = aas.step(ScalableTargetEvaluator.StepInput.at(now)
 *     .desiredCount(desired).runningCount(running).deploymentInProgress(deploying)
 *     .datapoint(MetricKey.ECS_CPU, cpuUtilization));
 * r.desiredCount().ifPresent(service::setDesiredCount);
 * }</pre>
 *
 * <p>A step, in this order: a (re-)registration moves the desired count inside [min, max];
 * scheduled actions due since the previous step run (in time order, then by name); a predictive
 * forecast in force raises capacity to its floor; every alarm is evaluated at the step's instant,
 * every policy makes its proposal from the running count, and {@link PolicyCombination} picks the
 * new desired count. Datapoints are given per step ({@link StepInput#datapoint}) or read through a
 * {@link MetricData} function; either way each alarm keeps only its evaluation range, so memory
 * does not grow with the number of steps. [model] Each activity completes in the step it starts.
 * Activity ids and alarm names come from the seed, in the order things happen.
 */
public final class ScalableTargetEvaluator {

    private final ActivityLedger ledger;
    private final ActivityLedger notScaledLedger; // its own ids, so that the scaled activities' do not depend on it
    private final TargetTrackingFormula formula;
    private final @Nullable MetricData metricData;
    private final String namespace;
    private final String resourceId;
    private final String dimension;

    // The scalable target.
    private RegisterScalableTargetRequest target;
    private int min;
    private int max;
    private boolean outSuspended;
    private boolean inSuspended;
    private boolean scheduledSuspended;
    private boolean registrationPending = true;

    private final LinkedHashMap<String, PolicyRuntime> policies = new LinkedHashMap<>();
    private final LinkedHashMap<String, ActionRuntime> actions = new LinkedHashMap<>();
    private final Map<String, CapacityForecast> forecasts = new HashMap<>();
    private final Map<MetricKey, List<PeriodRing>> samples = new HashMap<>();
    private final AlarmWindow.Source source;
    private final boolean keepsSamples; // whether the alarms read the datapoints given step by step

    // Derived from the policies when they change.
    private boolean dirty = true;
    private AlarmWindow[] alarms = new AlarmWindow[0];
    private TargetTrackingRuntime[] targetTracking = new TargetTrackingRuntime[0];
    private StepRuntime[] stepPolicies = new StepRuntime[0];
    private PredictiveRuntime[] predictive = new PredictiveRuntime[0];
    private ActionRuntime[] actionList = new ActionRuntime[0];
    private ScalingProposal[] ttProposals = new ScalingProposal[0];
    private ScalingProposal[] otherProposals = new ScalingProposal[0];

    private long lastStep = Long.MIN_VALUE;
    /** Mixed into the seed of the not scaled activities' ids. [model] */
    private static final long NOT_SCALED_SEED = 0x6E6F74L;

    private boolean checked = true; // whether puts are checked as AAS would

    // The step in progress.
    private int desired;
    private int running;
    private boolean runningFollowsDesired;
    private final List<ActivityLedger.Entry> stepActivities = new ArrayList<>();
    private final List<ActivityLedger.Entry> stepNotScaled = new ArrayList<>();
    private boolean reportNotScaled;
    private final List<AlarmTransition> stepTransitions = new ArrayList<>();
    private boolean boundsChanged;

    private ScalableTargetEvaluator(Builder b) {
        this(b, null);
    }

    private ScalableTargetEvaluator(Builder b, @Nullable AlarmWindow.Source direct) {
        this.target = Objects.requireNonNull(b.target);
        this.formula = b.formula;
        this.metricData = b.metricData;
        this.namespace = String.valueOf(target.serviceNamespace());
        this.resourceId = String.valueOf(target.resourceId());
        this.dimension = String.valueOf(target.scalableDimension());
        this.ledger = new ActivityLedger(b.seed, target.serviceNamespace(), resourceId, target.scalableDimension());
        this.notScaledLedger = new ActivityLedger(
                b.seed ^ NOT_SCALED_SEED, target.serviceNamespace(), resourceId, target.scalableDimension());
        applyTarget(target);
        MetricData data = metricData;
        this.keepsSamples = direct == null && data == null;
        this.source = direct != null
                ? direct
                : data != null
                        ? (alarm, period) -> data.datapoint(
                                alarm.policyName, alarm.metric, period * alarm.period, alarm.period, alarm.statistic)
                        : this::sampled;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The evaluator of a {@link ScalingSimulator} run: its builder has already checked the target,
     * policies and actions as AAS would, so the puts do not check them again.
     */
    static ScalableTargetEvaluator forSimulation(
            RegisterScalableTargetRequest target, long seed, TargetTrackingFormula formula, AlarmWindow.Source source) {
        Builder b = builder().target(target).seed(seed).formula(formula);
        ScalableTargetEvaluator e = new ScalableTargetEvaluator(b, source);
        e.checked = false;
        return e;
    }

    /** The settings an evaluator keeps for its life. */
    public static final class Builder {
        private @Nullable RegisterScalableTargetRequest target;
        private long seed = 1;
        private TargetTrackingFormula formula = TargetTrackingFormula.PROPORTIONAL;
        private @Nullable MetricData metricData;

        private Builder() {}

        /** The scalable target, as RegisterScalableTarget creates it (MinCapacity and MaxCapacity required). */
        public Builder target(RegisterScalableTargetRequest target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** The seed of alarm names and activity ids (1 unless set). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The target tracking capacity formula ({@link TargetTrackingFormula#PROPORTIONAL} unless set). */
        public Builder formula(TargetTrackingFormula formula) {
            this.formula = Objects.requireNonNull(formula, "formula");
            return this;
        }

        /**
         * Where alarms read their datapoints, instead of the datapoints given step by step (which are
         * then not read).
         */
        public Builder metricData(MetricData metricData) {
            this.metricData = Objects.requireNonNull(metricData, "metricData");
            return this;
        }

        /**
         * @throws io.github.berth.scaling.error.ValidationException if AAS would refuse to
         *     register the target (with the service's message)
         * @throws IllegalArgumentException if no target is given
         */
        public ScalableTargetEvaluator build() {
            if (target == null) {
                throw new IllegalArgumentException("a scalable target is required");
            }
            AutoScalingValidator.check(AutoScalingValidator.validate(target));
            return new ScalableTargetEvaluator(this);
        }
    }

    // ------------------------------------------------------------------ the API, between steps

    /**
     * RegisterScalableTarget on the registered target: the members given replace the current ones,
     * those absent stay (reference: the RegisterScalableTarget API page,
     * https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
     * At the next step the desired count is moved inside the new [min, max].
     *
     * @throws ObjectNotFoundException if the request names another scalable target
     * @throws io.github.berth.scaling.error.ValidationException if AAS would refuse it
     */
    public void registerScalableTarget(RegisterScalableTargetRequest update) {
        Objects.requireNonNull(update, "update");
        sameTarget(
                String.valueOf(update.serviceNamespace()),
                update.resourceId(),
                String.valueOf(update.scalableDimension()));
        RegisterScalableTargetRequest.Builder merged =
                RegisterScalableTargetRequest.builder().from(target).from(update);
        if (update.minCapacity() == null) {
            merged.minCapacity(target.minCapacity());
        }
        if (update.maxCapacity() == null) {
            merged.maxCapacity(target.maxCapacity());
        }
        if (update.suspendedState() == null) {
            merged.suspendedState(target.suspendedState());
        } else if (target.suspendedState() != null) {
            SuspendedState now = target.suspendedState();
            SuspendedState given = update.suspendedState();
            merged.suspendedState(SuspendedState.builder()
                    .dynamicScalingInSuspended(
                            given.dynamicScalingInSuspended() != null
                                    ? given.dynamicScalingInSuspended()
                                    : now.dynamicScalingInSuspended())
                    .dynamicScalingOutSuspended(
                            given.dynamicScalingOutSuspended() != null
                                    ? given.dynamicScalingOutSuspended()
                                    : now.dynamicScalingOutSuspended())
                    .scheduledScalingSuspended(
                            given.scheduledScalingSuspended() != null
                                    ? given.scheduledScalingSuspended()
                                    : now.scheduledScalingSuspended())
                    .build());
        }
        RegisterScalableTargetRequest next = merged.build();
        AutoScalingValidator.check(AutoScalingValidator.validate(next));
        applyTarget(next);
        registrationPending = true;
    }

    private void applyTarget(RegisterScalableTargetRequest t) {
        this.target = t;
        this.min = Objects.requireNonNull(t.minCapacity());
        this.max = Objects.requireNonNull(t.maxCapacity());
        SuspendedState s = t.suspendedState();
        this.outSuspended = s != null && Boolean.TRUE.equals(s.dynamicScalingOutSuspended());
        this.inSuspended = s != null && Boolean.TRUE.equals(s.dynamicScalingInSuspended());
        this.scheduledSuspended = s != null && Boolean.TRUE.equals(s.scheduledScalingSuspended());
    }

    /** The scalable target as registered, with the bounds scheduled actions have set since. */
    public RegisterScalableTargetRequest target() {
        return RegisterScalableTargetRequest.builder()
                .from(target)
                .minCapacity(min)
                .maxCapacity(max)
                .build();
    }

    /**
     * PutScalingPolicy: adds the policy, or replaces the one of the same name (keeping its cooldown
     * [model]). A target tracking policy gets its two alarms (new names); like a new CloudWatch alarm
     * they read the recent datapoints at once: all of them through a {@link MetricData}, those kept
     * when given step by step (only the datapoints of a metric some alarm reads are kept). A step
     * scaling policy acts once it has an alarm ({@link #putAlarm}).
     *
     * @throws io.github.berth.scaling.error.ValidationException if AAS would refuse it
     * @throws io.github.berth.scaling.error.LimitExceededException past 50 policies
     * @throws ObjectNotFoundException if it is for another scalable target
     * @throws IllegalArgumentException for a policy type that is not modelled
     */
    public void putScalingPolicy(PutScalingPolicyRequest policy) {
        Objects.requireNonNull(policy, "policy");
        if (checked) {
            AutoScalingValidator.check(AutoScalingValidator.validate(policy));
        }
        sameTarget(
                String.valueOf(policy.serviceNamespace()),
                policy.resourceId(),
                String.valueOf(policy.scalableDimension()));
        // The members AAS requires were checked above, or by the simulator's builder (forSimulation).
        String name = Objects.requireNonNull(policy.policyName());
        // Predictive policies count too: the quota is on scaling policies per target. [model]
        if (!policies.containsKey(name) && policies.size() >= AutoScalingValidator.MAX_POLICIES_PER_TARGET) {
            throw AutoScalingValidator.tooManyPolicies(resourceId);
        }
        PolicyType type = policyType(policy);
        PolicyRuntime old = policies.get(name);
        PolicyRuntime next;
        if (PolicyType.TARGET_TRACKING_SCALING.equals(type)) {
            TargetTrackingScalingPolicyConfiguration c =
                    Objects.requireNonNull(policy.targetTrackingScalingPolicyConfiguration());
            TargetTracking.Settings settings = TargetTracking.Settings.of(name, c, formula);
            MetricKey key = MetricKey.of(c);
            AlarmSpec high = TargetTrackingAlarms.high(resourceId, ledger.uuid(), c);
            AlarmSpec low = TargetTrackingAlarms.low(resourceId, ledger.uuid(), c);
            TargetTrackingRuntime t = new TargetTrackingRuntime(
                    settings, new AlarmWindow(high, name, key), low == null ? null : new AlarmWindow(low, name, key));
            if (old instanceof TargetTrackingRuntime o) {
                t.cooldown = o.cooldown;
            }
            next = t;
        } else if (PolicyType.STEP_SCALING.equals(type)) {
            StepRuntime s = new StepRuntime(name, Objects.requireNonNull(policy.stepScalingPolicyConfiguration()));
            if (old instanceof StepRuntime o) {
                s.cooldown = o.cooldown;
                s.bind(o.alarm);
            }
            next = s;
        } else if (PolicyType.PREDICTIVE_SCALING.equals(type)) {
            next = new PredictiveRuntime(name, Objects.requireNonNull(policy.predictiveScalingPolicyConfiguration()));
        } else {
            throw new IllegalArgumentException(
                    "policy '" + name + "' has PolicyType '" + type + "', which is not modelled");
        }
        policies.put(name, next);
        dirty = true;
    }

    /**
     * The CloudWatch alarm whose action is the step scaling policy {@code policyName} (AAS makes no
     * alarm for a step policy; its step bounds are offsets from this alarm's threshold). Replaces the
     * policy's alarm, if it had one.
     *
     * @throws IllegalArgumentException if there is no step scaling policy of that name
     */
    public void putAlarm(String policyName, AlarmSpec alarm) {
        Objects.requireNonNull(alarm, "alarm");
        PolicyRuntime p = policies.get(Objects.requireNonNull(policyName, "policyName"));
        if (!(p instanceof StepRuntime s)) {
            throw new IllegalArgumentException(
                    "an alarm is given for '" + policyName + "', which is not a step scaling policy");
        }
        s.bind(new AlarmWindow(alarm, policyName, new MetricKey.OfAlarm(alarm.name())));
        dirty = true;
    }

    /**
     * The step scaling policy {@code policyName} loses its alarm (the alarm was deleted, or no longer
     * names the policy in its actions): it acts no more until it gets one again. Nothing happens for
     * a policy without an alarm.
     *
     * @throws IllegalArgumentException if there is no step scaling policy of that name
     */
    public void removeAlarm(String policyName) {
        PolicyRuntime p = policies.get(Objects.requireNonNull(policyName, "policyName"));
        if (!(p instanceof StepRuntime s)) {
            throw new IllegalArgumentException("'" + policyName + "' is not a step scaling policy");
        }
        if (s.alarm != null) {
            s.bind(null);
            s.proposal = ScalingProposal.none(policyName, 0);
            dirty = true;
        }
    }

    /** The capacity forecast of a predictive scaling policy (as GetPredictiveScalingForecast gives it). */
    public void putForecast(String policyName, CapacityForecast forecast) {
        forecasts.put(Objects.requireNonNull(policyName, "policyName"), Objects.requireNonNull(forecast, "forecast"));
    }

    /**
     * DeleteScalingPolicy: the policy and the alarms AAS made for it go.
     *
     * @throws ObjectNotFoundException if there is no policy of that name
     */
    public void deleteScalingPolicy(String policyName) {
        if (policies.remove(Objects.requireNonNull(policyName, "policyName")) == null) {
            // [unsure] worded like the service's "No scalable target registered for ..." message.
            throw new ObjectNotFoundException(
                    "No scaling policy found for service namespace: " + namespace + ", resource ID: " + resourceId
                            + ", scalable dimension: " + dimension + ", policy name: " + policyName);
        }
        forecasts.remove(policyName);
        dirty = true;
    }

    /**
     * PutScheduledAction: adds the action, or replaces the one of the same name. [model] Its times
     * are counted from the next step (what a rate() without StartTime counts from).
     *
     * @throws io.github.berth.scaling.error.ValidationException if AAS would refuse it
     * @throws io.github.berth.scaling.error.LimitExceededException past 200 actions
     * @throws ObjectNotFoundException if it is for another scalable target
     */
    public void putScheduledAction(PutScheduledActionRequest action) {
        Objects.requireNonNull(action, "action");
        if (checked) {
            AutoScalingValidator.check(AutoScalingValidator.validate(action));
        }
        sameTarget(
                String.valueOf(action.serviceNamespace()),
                action.resourceId(),
                String.valueOf(action.scalableDimension()));
        // The members AAS requires were checked above, or by the simulator's builder (forSimulation).
        String name = Objects.requireNonNull(action.scheduledActionName());
        if (!actions.containsKey(name) && actions.size() >= AutoScalingValidator.MAX_SCHEDULED_ACTIONS_PER_TARGET) {
            throw AutoScalingValidator.tooManyScheduledActions(resourceId);
        }
        ScheduledActionTimes times = ScheduledActionTimes.of(
                Objects.requireNonNull(action.schedule()), action.timezone(), action.startTime(), action.endTime());
        actions.put(name, new ActionRuntime(name, Objects.requireNonNull(action.scalableTargetAction()), times));
        dirty = true;
    }

    /**
     * DeleteScheduledAction.
     *
     * @throws ObjectNotFoundException if there is no action of that name
     */
    public void deleteScheduledAction(String actionName) {
        if (actions.remove(Objects.requireNonNull(actionName, "actionName")) == null) {
            // [unsure] worded like the service's "No scalable target registered for ..." message.
            throw new ObjectNotFoundException("No scheduled action found for service namespace: " + namespace
                    + ", resource ID: " + resourceId + ", scalable dimension: " + dimension
                    + ", scheduled action name: "
                    + actionName);
        }
        dirty = true;
    }

    /** The names of the alarms of a policy (a target tracking policy's high then low alarm), empty if none. */
    public List<String> alarmNames(String policyName) {
        PolicyRuntime p = policies.get(policyName);
        List<String> out = new ArrayList<>(2);
        if (p instanceof TargetTrackingRuntime t) {
            out.add(t.high.spec.name());
            if (t.low != null) {
                out.add(t.low.spec.name());
            }
        } else if (p instanceof StepRuntime s && s.alarm != null) {
            out.add(s.alarm.spec.name());
        }
        return List.copyOf(out);
    }

    /** The state of an alarm of this target's policies, or null if there is none of that name. */
    public @Nullable AlarmState alarmState(String alarmName) {
        rebuild();
        for (AlarmWindow a : alarms) {
            if (a.spec.name().equals(alarmName)) {
                return a.state;
            }
        }
        return null;
    }

    /**
     * The datapoints the evaluator holds: every alarm's evaluation range and every period of the
     * datapoints given step by step that an alarm may still read. Bounded by the alarms' evaluation
     * ranges, whatever the number of steps.
     */
    public int retainedDatapoints() {
        rebuild();
        int n = 0;
        for (AlarmWindow a : alarms) {
            n += a.retained();
        }
        for (List<PeriodRing> rings : samples.values()) {
            for (PeriodRing r : rings) {
                n += r.retained();
            }
        }
        return n;
    }

    private void sameTarget(String ns, @Nullable String id, String dim) {
        if (!ns.equals(namespace) || !Objects.equals(id, resourceId) || !dim.equals(dimension)) {
            throw AutoScalingValidator.noScalableTarget(ns, String.valueOf(id), dim);
        }
    }

    static PolicyType policyType(PutScalingPolicyRequest p) {
        return p.policyType() != null ? p.policyType() : PolicyType.STEP_SCALING;
    }

    // ------------------------------------------------------------------ a step

    /** What a step is given. */
    public static final class StepInput {
        final long second;

        @Nullable
        Integer desiredCount;

        @Nullable
        Integer runningCount;

        boolean deploymentInProgress;
        final List<Sample> datapoints = new ArrayList<>(2);

        /** One sample of a metric. */
        record Sample(MetricKey metric, long second, double value) {}

        private StepInput(Instant time) {
            this.second = Objects.requireNonNull(time, "time").getEpochSecond();
        }

        /** A step at {@code time} (whole seconds count). */
        public static StepInput at(Instant time) {
            return new StepInput(time);
        }

        /** The service's desired count now (required). */
        public StepInput desiredCount(int count) {
            this.desiredCount = count;
            return this;
        }

        /**
         * The service's RUNNING task count now: ECS scales from it, not from the desired count (DG
         * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-auto-scaling.html). When
         * not given, [model] the service runs its desired count at once, within the step too.
         */
        public StepInput runningCount(int count) {
            this.runningCount = count;
            return this;
        }

        /** Whether an ECS deployment is in progress: no scale-in then (DG service-auto-scaling.md). */
        public StepInput deploymentInProgress(boolean inProgress) {
            this.deploymentInProgress = inProgress;
            return this;
        }

        /** A sample of {@code metric} at the step's instant (none given: the metric is missing). */
        public StepInput datapoint(MetricKey metric, double value) {
            return datapoint(metric, Instant.ofEpochSecond(second), value);
        }

        /**
         * A sample of {@code metric} at {@code time}: it counts in the period holding that time (an
         * alarm of period P reads the period [t, t + P) from the step at t + P on). [model] A sample
         * of a period an alarm has already read is not read again.
         */
        public StepInput datapoint(MetricKey metric, Instant time, double value) {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(time, "time");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(
                        "the datapoint of " + metric + " at " + time + " must be a finite number, found " + value);
            }
            datapoints.add(new Sample(metric, time.getEpochSecond(), value));
            return this;
        }
    }

    /** What a step did. */
    public static final class StepResult {
        /** The desired count before and after the step, and the bounds after it. */
        private record Counts(int desiredBefore, int desiredAfter, int min, int max, boolean boundsChanged) {}

        private final Instant time;
        private final int desiredBefore;
        private final int desiredAfter;
        private final int min;
        private final int max;
        private final boolean boundsChanged;
        private final ScalingTimeline.Activities activities;
        private final ScalingTimeline.Activities notScaled;
        private final List<AlarmTransition> transitions;

        private StepResult(
                Instant time,
                Counts counts,
                ScalingTimeline.Activities activities,
                ScalingTimeline.Activities notScaled,
                List<AlarmTransition> transitions) {
            this.time = time;
            this.desiredBefore = counts.desiredBefore();
            this.desiredAfter = counts.desiredAfter();
            this.min = counts.min();
            this.max = counts.max();
            this.boundsChanged = counts.boundsChanged();
            this.activities = activities;
            this.notScaled = notScaled;
            this.transitions = transitions;
        }

        public Instant time() {
            return time;
        }

        /** The new desired count, if the step changed it. */
        public OptionalInt desiredCount() {
            return desiredAfter != desiredBefore ? OptionalInt.of(desiredAfter) : OptionalInt.empty();
        }

        /** The scalable target's MinCapacity after the step. */
        public int minCapacity() {
            return min;
        }

        /** The scalable target's MaxCapacity after the step. */
        public int maxCapacity() {
            return max;
        }

        /** Whether a scheduled action set MinCapacity or MaxCapacity in this step. */
        public boolean boundsChanged() {
            return boundsChanged;
        }

        /** The scaling activities the step started (each completed in it), as DescribeScalingActivities shows them. */
        public List<ScalingActivity> activities() {
            return activities.get();
        }

        /**
         * The not scaled activities of the step (what DescribeScalingActivities adds with
         * IncludeNotScaledActivities): a policy's alarm asked to scale, but the desired count was
         * already at the maximum, the minimum or the count asked for. Their ids come from the seed too,
         * from a sequence of their own.
         */
        public List<ScalingActivity> notScaledActivities() {
            return notScaled.get();
        }

        /** The alarms that changed state in the step. */
        public List<AlarmTransition> alarmTransitions() {
            return transitions;
        }

        @Override
        public String toString() {
            return "StepResult[" + time + ", desired " + desiredBefore + " -> " + desiredAfter + ", min " + min
                    + ", max " + max + ", " + activities.size() + " activities, " + transitions.size()
                    + " alarm transitions]";
        }
    }

    /**
     * Evaluates the target at the input's instant.
     *
     * @throws IllegalArgumentException if the instant is before the previous step's, or the desired
     *     or running count is missing or negative
     */
    public StepResult step(StepInput input) {
        Objects.requireNonNull(input, "input");
        if (input.desiredCount == null) {
            throw new IllegalArgumentException("a step needs the service's desired count");
        }
        checkStep(input.second, input.desiredCount, input.runningCount);
        rebuild();
        for (StepInput.Sample d : input.datapoints) {
            putSample(d.metric(), d.second(), d.value());
        }
        int before = input.desiredCount;
        reportNotScaled = true;
        run(
                input.second,
                input.desiredCount,
                input.runningCount == null ? input.desiredCount : input.runningCount,
                input.runningCount == null,
                input.deploymentInProgress);
        return new StepResult(
                Instant.ofEpochSecond(input.second),
                new StepResult.Counts(before, desired, min, max, boundsChanged),
                new ScalingTimeline.Activities(stepActivities, ledger),
                new ScalingTimeline.Activities(stepNotScaled, notScaledLedger),
                List.copyOf(stepTransitions));
    }

    private void checkStep(long second, int desiredCount, @Nullable Integer runningCount) {
        if (second < lastStep) {
            throw new IllegalArgumentException("a step at " + Instant.ofEpochSecond(second)
                    + " comes before the previous one, at " + Instant.ofEpochSecond(lastStep));
        }
        if (desiredCount < 0) {
            throw new IllegalArgumentException("the desired count must be at least 0, found " + desiredCount);
        }
        if (runningCount != null && runningCount < 0) {
            throw new IllegalArgumentException("the running count must be at least 0, found " + runningCount);
        }
    }

    /** The step of a simulation: the service runs its desired count at once. Package-private: no input object. */
    void simulationStep(long second, int capacity, boolean deploying) {
        checkStep(second, capacity, null);
        rebuild();
        reportNotScaled = false; // a timeline has no not scaled activities
        run(second, capacity, capacity, true, deploying);
    }

    /** The desired count after the last step. */
    int desiredCount() {
        return desired;
    }

    int minCapacity() {
        return min;
    }

    int maxCapacity() {
        return max;
    }

    List<ActivityLedger.Entry> stepActivities() {
        return stepActivities;
    }

    List<AlarmTransition> stepTransitions() {
        return stepTransitions;
    }

    ActivityLedger ledger() {
        return ledger;
    }

    private void run(long now, int desiredCount, int runningCount, boolean follows, boolean deploying) {
        lastStep = now;
        desired = desiredCount;
        running = runningCount;
        runningFollowsDesired = follows;
        stepActivities.clear();
        stepNotScaled.clear();
        stepTransitions.clear();
        boundsChanged = false;
        if (registrationPending) {
            registrationPending = false;
            moveInsideBounds(now);
        }
        runScheduledActions(now);
        int effectiveMin = min;
        int effectiveMax = max;
        PredictiveRuntime floorBy = null;
        for (PredictiveRuntime p : predictive) {
            PredictiveScaling.Floor f =
                    PredictiveScaling.evaluate(p.config, forecasts.get(p.name), min, max, Instant.ofEpochSecond(now));
            if (f != null) {
                if (f.capacity() > effectiveMin) {
                    effectiveMin = f.capacity();
                    floorBy = p;
                }
                effectiveMax = Math.max(effectiveMax, f.maximum());
            }
        }
        if (floorBy != null && desired < effectiveMin) {
            setDesired(effectiveMin);
            record(ActivityDraft.Kind.PREDICTIVE, now, floorBy.name, null);
        }
        evaluatePolicies(now, effectiveMin, effectiveMax, deploying);
    }

    private void setDesired(int count) {
        desired = count;
        if (runningFollowsDesired) {
            running = count;
        }
    }

    /** Registration moves a desired count outside [min, max] inside at once (docs/scaling.md#scalable-target). */
    private void moveInsideBounds(long now) {
        if (desired < min) {
            setDesired(min);
            record(ActivityDraft.Kind.RAISED_TO_MIN, now, "", null);
        } else if (desired > max) {
            setDesired(max);
            record(ActivityDraft.Kind.LOWERED_TO_MAX, now, "", null);
        }
    }

    private void record(ActivityDraft.Kind kind, long now, String name, @Nullable String alarmName) {
        record(kind, now, name, alarmName, min, max);
    }

    private void record(
            ActivityDraft.Kind kind,
            long now,
            String name,
            @Nullable String alarmName,
            @Nullable Integer newMin,
            @Nullable Integer newMax) {
        stepActivities.add(ledger.add(new ActivityDraft(kind, now, desired, newMin, newMax, name, alarmName)));
    }

    // ------------------------------------------------------------------ scheduled actions

    private void runScheduledActions(long now) {
        Instant at = null;
        for (ActionRuntime a : actionList) {
            if (a.createdAt == null) {
                at = at != null ? at : Instant.ofEpochSecond(now);
                a.start(at);
            }
        }
        while (true) {
            ActionRuntime due = null;
            for (ActionRuntime a : actionList) {
                if (a.nextSecond <= now
                        && (due == null
                                || a.nextSecond < due.nextSecond
                                || (a.nextSecond == due.nextSecond && a.name.compareTo(due.name) < 0))) {
                    due = a;
                }
            }
            if (due == null) {
                return;
            }
            due.advance();
            if (!scheduledSuspended) {
                apply(now, due);
            }
        }
    }

    /** A scheduled action sets the bounds it names, then moves capacity inside them (docs/scaling.md#scheduled-actions). */
    private void apply(long now, ActionRuntime a) {
        Integer newMin = a.action.minCapacity();
        Integer newMax = a.action.maxCapacity();
        int nextMin = newMin != null ? newMin : min;
        int nextMax = newMax != null ? newMax : max;
        if (nextMin > nextMax) {
            // [model] An action whose bound would cross the other bound fails and changes nothing.
            record(ActivityDraft.Kind.BOUNDS_FAILED, now, a.name, null, newMin, newMax);
            return;
        }
        min = nextMin;
        max = nextMax;
        boundsChanged = true;
        record(ActivityDraft.Kind.BOUNDS_SET, now, a.name, null, newMin, newMax);
        moveInsideBounds(now);
    }

    // ------------------------------------------------------------------ policies

    private void evaluatePolicies(long now, int effectiveMin, int effectiveMax, boolean deploying) {
        for (AlarmWindow a : alarms) {
            AlarmState before = a.state;
            if (a.evaluate(now, source)) {
                stepTransitions.add(new AlarmTransition(Instant.ofEpochSecond(now), a.spec.name(), before, a.state));
            }
        }
        if (targetTracking.length == 0 && stepPolicies.length == 0) {
            return;
        }
        int capacity = running;
        int ttCount = 0;
        int otherCount = 0;
        boolean any = false;
        for (TargetTrackingRuntime t : targetTracking) {
            if (capacity > 0
                    && t.high.state != AlarmState.ALARM
                    && (t.low == null || t.low.state != AlarmState.ALARM)) {
                t.none(capacity); // neither alarm in ALARM: nothing to ask for
            } else {
                t.proposal = TargetTracking.evaluate(t.settings, t, capacity, t.cooldown, now, t.proposal);
                any |= t.proposal.direction() != ScalingProposal.Direction.NONE;
            }
            if (t.low != null) {
                ttProposals[ttCount++] = t.proposal;
            } else {
                otherProposals[otherCount++] = t.proposal;
            }
        }
        for (StepRuntime s : stepPolicies) {
            // stepPolicies holds the step policies bound to an alarm (refresh): alarm and policy are set.
            AlarmWindow alarm = Objects.requireNonNull(s.alarm);
            if (alarm.state != AlarmState.ALARM) {
                s.none(capacity);
            } else {
                s.propose(StepScaling.evaluate(
                        Objects.requireNonNull(s.policy),
                        alarm.state,
                        alarm.recent(s.config.metricAggregationType()),
                        capacity,
                        s.cooldown,
                        now));
                any |= s.proposal.direction() != ScalingProposal.Direction.NONE;
            }
            otherProposals[otherCount++] = s.proposal;
        }
        if (!any) {
            return;
        }
        PolicyCombination.TargetState state = new PolicyCombination.TargetState(
                capacity, effectiveMin, effectiveMax, outSuspended, inSuspended, deploying);
        ScalingProposal winner = PolicyCombination.decide(state, ttProposals, ttCount, otherProposals, otherCount);
        if (winner == null) {
            if (reportNotScaled) {
                notScaledAtBound(now, state, ttCount, otherCount);
            }
            return;
        }
        int after = PolicyCombination.resulting(state, winner);
        boolean out = after > capacity;
        // [model] Computed from the running count, a scale-out never lowers the desired count and a
        // scale-in never raises it; a result equal to the desired count is no activity.
        if (out ? after <= desired : after >= desired) {
            if (reportNotScaled) {
                notScaled(ActivityDraft.Kind.NOT_SCALED_AT_DESIRED, now, winner, state);
            }
            return;
        }
        int before = capacity;
        setDesired(after);
        record(ActivityDraft.Kind.POLICY, now, winner.policyName(), winner.alarmName());
        // A target tracking scale-in needs every such policy's consent: each of them starts its cooldown.
        boolean consensusIn = !out && containsSame(ttProposals, ttCount, winner);
        for (TargetTrackingRuntime t : targetTracking) {
            if (out) {
                t.cooldown = t.proposal == winner
                        ? t.cooldown.afterScaleOut(now, t.settings.scaleOutCooldown(), before, after)
                        : t.cooldown.afterOtherScaleOut();
            } else if (t.proposal == winner || (consensusIn && t.low != null && t.proposal.isIn())) {
                t.cooldown = t.cooldown.afterScaleIn(now);
            }
        }
        for (StepRuntime s : stepPolicies) {
            if (out) {
                s.cooldown = s.proposal == winner
                        ? s.cooldown.afterScaleOut(now, StepScaling.cooldown(s.config), before, after)
                        : s.cooldown.afterOtherScaleOut();
            } else if (s.proposal == winner) {
                s.cooldown = s.cooldown.afterScaleIn(now);
            }
        }
    }

    /** [model] A scale-out asked for at the maximum, or a scale-in at the minimum, is a not scaled activity. */
    private void notScaledAtBound(long now, PolicyCombination.TargetState state, int ttCount, int otherCount) {
        ScalingProposal out = largest(ScalingProposal.Direction.OUT, ttCount, otherCount);
        if (out != null && !state.scaleOutSuspended() && state.capacity() >= state.max()) {
            notScaled(ActivityDraft.Kind.NOT_SCALED_AT_MAX, now, out, state);
            return;
        }
        ScalingProposal in = largest(ScalingProposal.Direction.IN, ttCount, otherCount);
        if (in != null
                && !state.scaleInSuspended()
                && !state.deploymentInProgress()
                && state.capacity() <= state.min()) {
            notScaled(ActivityDraft.Kind.NOT_SCALED_AT_MIN, now, in, state);
        }
    }

    private @Nullable ScalingProposal largest(ScalingProposal.Direction direction, int ttCount, int otherCount) {
        ScalingProposal best = null;
        for (int i = 0; i < ttCount + otherCount; i++) {
            ScalingProposal p = i < ttCount ? ttProposals[i] : otherProposals[i - ttCount];
            if (p.direction() == direction && (best == null || p.capacity() > best.capacity())) {
                best = p;
            }
        }
        return best;
    }

    private void notScaled(ActivityDraft.Kind kind, long now, ScalingProposal p, PolicyCombination.TargetState state) {
        stepNotScaled.add(notScaledLedger.add(
                new ActivityDraft(kind, now, desired, state.min(), state.max(), p.policyName(), p.alarmName())));
    }

    private static boolean containsSame(ScalingProposal[] proposals, int count, ScalingProposal p) {
        for (int i = 0; i < count; i++) {
            if (proposals[i] == p) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ metric samples

    private double sampled(AlarmWindow alarm, long period) {
        List<PeriodRing> rings = samples.get(alarm.metric);
        if (rings != null) {
            for (PeriodRing r : rings) {
                if (r.periodSeconds == alarm.period) {
                    return r.value(period, alarm.statistic);
                }
            }
        }
        return Double.NaN;
    }

    private void putSample(MetricKey metric, long second, double value) {
        List<PeriodRing> rings = samples.get(metric);
        if (rings != null) {
            for (PeriodRing r : rings) {
                r.add(second, value);
            }
        }
    }

    // ------------------------------------------------------------------ runtime pieces

    /** Rebuilds the arrays the steps walk, after a put or delete. */
    private void rebuild() {
        if (!dirty) {
            return;
        }
        dirty = false;
        List<AlarmWindow> alarmList = new ArrayList<>();
        List<TargetTrackingRuntime> tts = new ArrayList<>();
        List<StepRuntime> steps = new ArrayList<>();
        List<PredictiveRuntime> preds = new ArrayList<>();
        for (PolicyRuntime p : policies.values()) {
            if (p instanceof TargetTrackingRuntime t) {
                tts.add(t);
                alarmList.add(t.high);
                if (t.low != null) {
                    alarmList.add(t.low);
                }
            } else if (p instanceof StepRuntime s) {
                if (s.alarm != null) {
                    steps.add(s);
                    alarmList.add(s.alarm);
                }
            } else {
                preds.add((PredictiveRuntime) p);
            }
        }
        alarms = alarmList.toArray(new AlarmWindow[0]);
        targetTracking = tts.toArray(new TargetTrackingRuntime[0]);
        stepPolicies = steps.toArray(new StepRuntime[0]);
        predictive = preds.toArray(new PredictiveRuntime[0]);
        actionList = actions.values().toArray(new ActionRuntime[0]);
        ttProposals = new ScalingProposal[targetTracking.length];
        otherProposals = new ScalingProposal[targetTracking.length + stepPolicies.length];
        if (keepsSamples) {
            // The periods each metric's samples are kept for: the longest range of the alarms reading
            // them, and the period in progress. Rings no alarm reads go.
            Map<MetricKey, List<PeriodRing>> kept = new HashMap<>();
            for (AlarmWindow a : alarms) {
                List<PeriodRing> old = samples.getOrDefault(a.metric, List.of());
                List<PeriodRing> now = kept.computeIfAbsent(a.metric, k -> new ArrayList<>(1));
                PeriodRing ring = find(now, a.period);
                if (ring == null) {
                    ring = find(old, a.period);
                    if (ring == null) {
                        ring = new PeriodRing(a.period, a.retained() + 1);
                    }
                    now.add(ring);
                }
                ring.ensureSize(a.retained() + 1);
            }
            samples.clear();
            samples.putAll(kept);
        }
    }

    private static @Nullable PeriodRing find(List<PeriodRing> rings, int period) {
        for (PeriodRing r : rings) {
            if (r.periodSeconds == period) {
                return r;
            }
        }
        return null;
    }

    private abstract static sealed class PolicyRuntime permits DynamicRuntime, PredictiveRuntime {
        final String name;

        PolicyRuntime(String name) {
            this.name = name;
        }
    }

    /** A policy that proposes from its alarm: its last proposal and its cooldown. */
    private abstract static sealed class DynamicRuntime extends PolicyRuntime
            permits TargetTrackingRuntime, StepRuntime {
        ScalingProposal proposal;
        PolicyCooldown cooldown = PolicyCooldown.NONE;

        DynamicRuntime(String name) {
            super(name);
            this.proposal = ScalingProposal.none(name, 0);
        }

        /** Takes a new proposal; an equal one leaves the current one in place (its identity marks the winner). */
        void propose(ScalingProposal p) {
            if (!p.equals(proposal)) {
                proposal = p;
            }
        }

        /** Asks for nothing; the proposal is made anew only when the last one asked for something. */
        void none(int capacity) {
            if (proposal.direction() != ScalingProposal.Direction.NONE || proposal.blockedBy() != null) {
                proposal = ScalingProposal.none(name, capacity);
            }
        }
    }

    /** A target tracking policy, and the readings of its alarms. */
    private static final class TargetTrackingRuntime extends DynamicRuntime implements TargetTracking.Readings {
        final TargetTracking.Settings settings;
        final AlarmWindow high;
        final @Nullable AlarmWindow low;

        TargetTrackingRuntime(TargetTracking.Settings settings, AlarmWindow high, @Nullable AlarmWindow low) {
            super(settings.policyName());
            this.settings = settings;
            this.high = high;
            this.low = low;
        }

        @Override
        public AlarmState high() {
            return high.state;
        }

        @Override
        public @Nullable AlarmState low() {
            return low == null ? null : low.state;
        }

        @Override
        public String highAlarmName() {
            return high.spec.name();
        }

        @Override
        public @Nullable String lowAlarmName() {
            return low == null ? null : low.spec.name();
        }

        @Override
        public double latestDatapoint() {
            return high.latest();
        }
    }

    private static final class StepRuntime extends DynamicRuntime {
        final StepScalingPolicyConfiguration config;

        @Nullable
        AlarmWindow alarm;
        /** The policy with its alarm, as {@link StepScaling} takes it; null while it has no alarm. */
        @Nullable
        StepScaling.Policy policy;

        StepRuntime(String name, StepScalingPolicyConfiguration config) {
            super(name);
            this.config = config;
        }

        void bind(@Nullable AlarmWindow window) {
            alarm = window;
            policy = window == null ? null : new StepScaling.Policy(name, config, window.spec);
        }
    }

    private static final class PredictiveRuntime extends PolicyRuntime {
        final PredictiveScalingPolicyConfiguration config;

        PredictiveRuntime(String name, PredictiveScalingPolicyConfiguration config) {
            super(name);
            this.config = config;
        }
    }

    private static final class ActionRuntime {
        final String name;
        final ScalableTargetAction action;
        final ScheduledActionTimes times;

        @Nullable
        Instant createdAt; // the first step after the put

        @Nullable
        Instant next;

        long nextSecond = Long.MAX_VALUE; // Long.MAX_VALUE when it never runs again

        ActionRuntime(String name, ScalableTargetAction action, ScheduledActionTimes times) {
            this.name = name;
            this.action = action;
            this.times = times;
        }

        void start(Instant at) {
            createdAt = at;
            next = times.next(at.minusNanos(1), at);
            nextSecond = next == null ? Long.MAX_VALUE : next.getEpochSecond();
        }

        /** The run due now is taken: on to the next one. */
        void advance() {
            // Only an action with a next run is due (nextSecond), and start() ran before.
            next = times.next(Objects.requireNonNull(next), Objects.requireNonNull(createdAt));
            nextSecond = next == null ? Long.MAX_VALUE : next.getEpochSecond();
        }
    }
}
