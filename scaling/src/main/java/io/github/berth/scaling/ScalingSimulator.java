package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.core.validation.Violation;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.model.CapacityForecast;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredictiveScalingMode;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays Application Auto Scaling over a metric: a scalable target, its scaling policies (target
 * tracking, step, predictive) and scheduled actions, a metric series (or a function of capacity),
 * a start, an end and an evaluation step give the timeline of alarms, scaling activities and
 * capacity that AAS would have produced.
 *
 * <pre>{@code
 * ScalingTimeline timeline = ScalingSimulator.builder()
 *     .target(registerScalableTargetRequest)
 *     .addPolicy(putScalingPolicyRequest)
 *     .metric(MetricSeries.parseCsv(csv))
 *     .start(Instant.parse("2024-03-04T00:00:00Z"))
 *     .end(Instant.parse("2024-03-11T00:00:00Z"))
 *     .build()
 *     .run();
 * }</pre>
 *
 * <p>A run is a loop over a {@link ScalableTargetEvaluator}, the same code the fake control plane
 * runs minute by minute. At each step, in this order: scheduled actions due since the previous step
 * run (in time order, then by name); a predictive forecast in force raises capacity to its floor;
 * every alarm is evaluated at the step's instant, every policy makes its proposal and {@link
 * PolicyCombination} picks the new capacity; then the step's metric datapoint is taken. [model]
 * The simulated service runs its desired count at once (AAS computes from the running count; here
 * they are equal), and each scaling activity completes in the step it starts. A run is
 * deterministic: activity ids and alarm names come from {@link Builder#seed(long)}.
 */
public final class ScalingSimulator {

    /**
     * The longest time one run may span. [model] A bound of ours, not of AAS: the evaluation keeps
     * only the alarms' evaluation ranges, but the timeline it returns holds a row per step, so an
     * unbounded span would exhaust memory.
     */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    /**
     * [model] The earliest start and latest end of a run: the years AWS writes with four digits in
     * ISO-8601 timestamps. Scheduled actions, alarm windows and the chart's dates are reckoned in
     * calendar time around the run, which java.time cannot hold near {@code Instant.MIN} and
     * {@code Instant.MAX}.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** See {@link #EARLIEST}. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The most steps one run may take: {@link #MAX_SPAN} in 1-second steps. */
    public static final int MAX_STEPS = (int) MAX_SPAN.getSeconds();

    final RegisterScalableTargetRequest target;
    final List<PutScalingPolicyRequest> policies;
    final List<PutScheduledActionRequest> scheduledActions;
    final Map<String, AlarmSpec> stepAlarms;
    final @Nullable MetricInput defaultMetric;
    final Map<String, MetricInput> policyMetrics;
    final Map<String, CapacityForecast> forecasts;
    final Instant start;
    final Instant end;
    final Duration step;
    final int initialCapacity;
    final List<Instant[]> deployments;
    /** Re-registrations of the target during the run, in time order. */
    final List<TargetUpdate> targetUpdates;

    final TargetTrackingFormula formula;
    final long seed;

    private ScalingSimulator(Builder b, int initialCapacity) {
        // Builder.build() refused a missing target, start or end before calling this.
        this.target = Objects.requireNonNull(b.target);
        this.policies = List.copyOf(b.policies.values());
        this.scheduledActions = List.copyOf(b.scheduledActions.values());
        this.stepAlarms = Map.copyOf(b.stepAlarms);
        this.defaultMetric = b.defaultMetric;
        this.policyMetrics = Map.copyOf(b.policyMetrics);
        this.forecasts = Map.copyOf(b.forecasts);
        this.start = Objects.requireNonNull(b.start);
        this.end = Objects.requireNonNull(b.end);
        this.step = b.step;
        this.initialCapacity = initialCapacity;
        this.deployments = List.copyOf(b.deployments);
        List<TargetUpdate> updates = new ArrayList<>(b.targetUpdates);
        updates.sort(java.util.Comparator.comparing(TargetUpdate::at)); // stable: same-time updates keep their order
        this.targetUpdates = List.copyOf(updates);
        this.formula = b.formula;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the simulation. Each call starts afresh and gives the same timeline. Throws nothing for any
     * input {@link Builder#build()} accepted: what could be wrong was judged there.
     */
    public ScalingTimeline run() {
        return new SimulationRun(this).run();
    }

    /** The number of steps a run takes. */
    public int steps() {
        return stepCount(start, end, step);
    }

    private static int stepCount(Instant start, Instant end, Duration step) {
        long span = Duration.between(start, end).getSeconds();
        return (int) Math.min(Integer.MAX_VALUE, span / step.getSeconds() + 1);
    }

    /**
     * RegisterScalableTarget called again on the registered target at {@code at}: the members it
     * gives (MinCapacity, MaxCapacity, SuspendedState) replace the current ones from that step on.
     */
    public record TargetUpdate(Instant at, RegisterScalableTargetRequest update) {
        public TargetUpdate {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(update, "update");
        }
    }

    /** Collects the inputs of a simulation; {@link #build()} checks them as AAS would. */
    public static final class Builder {

        private @Nullable RegisterScalableTargetRequest target;
        private final Map<String, PutScalingPolicyRequest> policies = new LinkedHashMap<>();
        private final Map<String, PutScheduledActionRequest> scheduledActions = new LinkedHashMap<>();
        private final Map<String, AlarmSpec> stepAlarms = new LinkedHashMap<>();
        private @Nullable MetricInput defaultMetric;
        private final Map<String, MetricInput> policyMetrics = new LinkedHashMap<>();
        private final Map<String, CapacityForecast> forecasts = new LinkedHashMap<>();
        private @Nullable Instant start;
        private @Nullable Instant end;
        private Duration step = Duration.ofSeconds(60);
        private @Nullable Integer initialCapacity;
        private final List<Instant[]> deployments = new ArrayList<>();
        private final List<TargetUpdate> targetUpdates = new ArrayList<>();
        private TargetTrackingFormula formula = TargetTrackingFormula.PROPORTIONAL;
        private long seed = 1;

        private Builder() {}

        /** The scalable target: its MinCapacity, MaxCapacity and SuspendedState. */
        public Builder target(RegisterScalableTargetRequest target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** A scaling policy; a policy of the same name put earlier is replaced, as PutScalingPolicy does. */
        public Builder addPolicy(PutScalingPolicyRequest policy) {
            Objects.requireNonNull(policy, "policy");
            policies.put(String.valueOf(policy.policyName()), policy);
            return this;
        }

        /** A scheduled action; one of the same name put earlier is replaced, as PutScheduledAction does. */
        public Builder addScheduledAction(PutScheduledActionRequest action) {
            Objects.requireNonNull(action, "action");
            scheduledActions.put(String.valueOf(action.scheduledActionName()), action);
            return this;
        }

        /**
         * The CloudWatch alarm whose action is the step scaling policy {@code policyName} (AAS does not
         * create alarms for step policies; their bounds are offsets from this alarm's threshold).
         */
        public Builder alarm(String policyName, AlarmSpec alarm) {
            stepAlarms.put(Objects.requireNonNull(policyName), Objects.requireNonNull(alarm));
            return this;
        }

        /** The recorded metric every policy reads unless given its own. */
        public Builder metric(MetricSeries series) {
            this.defaultMetric = new MetricInput.Recorded(series);
            return this;
        }

        /** A metric computed from the simulated capacity, read by every policy unless given its own. */
        public Builder metric(CapacityMetric metric) {
            this.defaultMetric = new MetricInput.OfCapacity(metric);
            return this;
        }

        /** The recorded metric of one policy (two target tracking policies track different metrics). */
        public Builder metric(String policyName, MetricSeries series) {
            policyMetrics.put(Objects.requireNonNull(policyName), new MetricInput.Recorded(series));
            return this;
        }

        /** The capacity-dependent metric of one policy. */
        public Builder metric(String policyName, CapacityMetric metric) {
            policyMetrics.put(Objects.requireNonNull(policyName), new MetricInput.OfCapacity(metric));
            return this;
        }

        /** The capacity forecast of a predictive scaling policy (as GetPredictiveScalingForecast gives it). */
        public Builder forecast(String policyName, CapacityForecast forecast) {
            forecasts.put(Objects.requireNonNull(policyName), Objects.requireNonNull(forecast));
            return this;
        }

        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start);
            return this;
        }

        public Builder end(Instant end) {
            this.end = Objects.requireNonNull(end);
            return this;
        }

        /** The evaluation step (60 s unless set): alarms and policies are evaluated once a step. */
        public Builder step(Duration step) {
            this.step = Objects.requireNonNull(step);
            return this;
        }

        /** The capacity at the start (the target's MinCapacity unless set). */
        public Builder initialCapacity(int capacity) {
            this.initialCapacity = capacity;
            return this;
        }

        /**
         * Registers the target again at {@code at}, as RegisterScalableTarget on an existing target
         * does: a suspension that starts or ends during the run, or new bounds. Members the update leaves
         * out keep their values; so do the SuspendedState flags it leaves out.
         */
        public Builder targetUpdate(Instant at, RegisterScalableTargetRequest update) {
            targetUpdates.add(new TargetUpdate(at, update));
            return this;
        }

        /** An ECS deployment in progress over [from, to): no scale-in then. */
        public Builder deployment(Instant from, Instant to) {
            deployments.add(new Instant[] {Objects.requireNonNull(from), Objects.requireNonNull(to)});
            return this;
        }

        /** The target tracking capacity formula ({@link TargetTrackingFormula#PROPORTIONAL} unless set). */
        public Builder formula(TargetTrackingFormula formula) {
            this.formula = Objects.requireNonNull(formula);
            return this;
        }

        /** The seed of activity ids and alarm name suffixes (1 unless set). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Checks the inputs and makes the simulator.
         *
         * @throws io.github.berth.scaling.error.ValidationException if AAS would refuse the
         *     target, a policy or a scheduled action (with the service's message)
         * @throws io.github.berth.scaling.error.ObjectNotFoundException if a policy or action
         *     is for another scalable target
         * @throws io.github.berth.scaling.error.LimitExceededException past the quota of
         *     policies or of scheduled actions per scalable target
         * @throws IllegalArgumentException if the simulation itself lacks something (a metric, a step
         *     policy's alarm, a forecast, a time range)
         */
        public ScalingSimulator build() {
            if (target == null) {
                throw new IllegalArgumentException("a scalable target is required");
            }
            AutoScalingValidator.check(AutoScalingValidator.validate(target));
            // Predictive policies count too: the quota is on scaling policies per target. [model]
            if (policies.size() > AutoScalingValidator.MAX_POLICIES_PER_TARGET) {
                throw AutoScalingValidator.tooManyPolicies(String.valueOf(target.resourceId()));
            }
            if (scheduledActions.size() > AutoScalingValidator.MAX_SCHEDULED_ACTIONS_PER_TARGET) {
                throw AutoScalingValidator.tooManyScheduledActions(String.valueOf(target.resourceId()));
            }
            for (PutScalingPolicyRequest p : policies.values()) {
                List<Violation> v = AutoScalingValidator.validate(p);
                AutoScalingValidator.check(v);
                sameTarget(String.valueOf(p.serviceNamespace()), p.resourceId(), String.valueOf(p.scalableDimension()));
                checkPolicy(p);
            }
            for (PutScheduledActionRequest a : scheduledActions.values()) {
                AutoScalingValidator.check(AutoScalingValidator.validate(a));
                sameTarget(String.valueOf(a.serviceNamespace()), a.resourceId(), String.valueOf(a.scalableDimension()));
            }
            for (String name : stepAlarms.keySet()) {
                PutScalingPolicyRequest p = policies.get(name);
                if (p == null || !PolicyType.STEP_SCALING.equals(policyType(p))) {
                    throw new IllegalArgumentException(
                            "an alarm is given for '" + name + "', which is not a step scaling policy");
                }
            }
            if (start == null || end == null) {
                throw new IllegalArgumentException("a start and an end are required");
            }
            if (start.isBefore(EARLIEST) || end.isAfter(LATEST)) {
                throw new IllegalArgumentException(
                        "the run must lie between " + EARLIEST + " and " + LATEST + ", found " + start + " to " + end);
            }
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("the start (" + start + ") must be before the end (" + end + ")");
            }
            if (step.getSeconds() < 1 || step.getNano() != 0) {
                throw new IllegalArgumentException(
                        "the step must be a whole number of seconds, at least 1, found " + step);
            }
            if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw new IllegalArgumentException("the run spans more than " + MAX_SPAN.toDays() + " days (from "
                        + start + " to " + end + "): simulate a shorter range");
            }
            if (step.compareTo(MAX_SPAN) > 0) {
                // Periods are counted in int seconds; a step longer than any run (centuries) used to wrap round.
                throw new IllegalArgumentException(
                        "the step must be at most " + MAX_SPAN.toDays() + " days, found " + step);
            }
            checkTargetUpdates();
            // validate(target) above refused a target without MinCapacity.
            int capacity = initialCapacity != null ? initialCapacity : Objects.requireNonNull(target.minCapacity());
            if (capacity < 0) {
                throw new IllegalArgumentException("the initial capacity must be at least 0, found " + capacity);
            }
            return new ScalingSimulator(this, capacity);
        }

        /** Each update in time order on a scratch evaluator: AAS's errors at build time, not mid-run. */
        private void checkTargetUpdates() {
            if (targetUpdates.isEmpty()) {
                return;
            }
            List<TargetUpdate> sorted = new ArrayList<>(targetUpdates);
            sorted.sort(java.util.Comparator.comparing(TargetUpdate::at));
            ScalableTargetEvaluator scratch = ScalableTargetEvaluator.forSimulation(
                    Objects.requireNonNull(target), seed, formula, (a, p) -> Double.NaN); // build() checked it
            for (TargetUpdate u : sorted) {
                if (u.at().isBefore(start) || u.at().isAfter(end)) {
                    throw new IllegalArgumentException(
                            "a target update at " + u.at() + " lies outside the run (" + start + " to " + end + ")");
                }
                scratch.registerScalableTarget(u.update());
            }
        }

        private void sameTarget(String namespace, @Nullable String resourceId, String dimension) {
            RegisterScalableTargetRequest target = Objects.requireNonNull(this.target); // build() checked it
            if (!namespace.equals(String.valueOf(target.serviceNamespace()))
                    || !Objects.equals(resourceId, target.resourceId())
                    || !dimension.equals(String.valueOf(target.scalableDimension()))) {
                throw AutoScalingValidator.noScalableTarget(namespace, String.valueOf(resourceId), dimension);
            }
        }

        /** A policy AutoScalingValidator has accepted: its name and the configuration of its type are there. */
        private void checkPolicy(PutScalingPolicyRequest p) {
            String name = Objects.requireNonNull(p.policyName());
            PolicyType type = policyType(p);
            if (PolicyType.TARGET_TRACKING_SCALING.equals(type)) {
                TargetTracking.targetValue(Objects.requireNonNull(p.targetTrackingScalingPolicyConfiguration()));
                needMetric(name);
            } else if (PolicyType.STEP_SCALING.equals(type)) {
                if (!stepAlarms.containsKey(name)) {
                    throw new IllegalArgumentException("step scaling policy '" + name
                            + "' has no alarm: give the CloudWatch alarm whose action is the policy");
                }
                needMetric(name);
            } else if (PolicyType.PREDICTIVE_SCALING.equals(type)) {
                if (PredictiveScalingMode.FORECAST_AND_SCALE.equals(
                                Objects.requireNonNull(p.predictiveScalingPolicyConfiguration())
                                        .mode())
                        && !forecasts.containsKey(name)) {
                    throw new IllegalArgumentException("predictive scaling policy '" + name
                            + "' is ForecastAndScale but has no capacity forecast");
                }
            } else {
                throw new IllegalArgumentException(
                        "policy '" + name + "' has PolicyType '" + type + "', which is not modelled");
            }
        }

        private void needMetric(String policyName) {
            if (defaultMetric == null && !policyMetrics.containsKey(policyName)) {
                throw new IllegalArgumentException("policy '" + policyName + "' has no metric to read");
            }
        }
    }

    static PolicyType policyType(PutScalingPolicyRequest p) {
        return ScalableTargetEvaluator.policyType(p);
    }
}
