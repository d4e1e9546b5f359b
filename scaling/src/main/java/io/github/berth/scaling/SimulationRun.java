package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmEvaluator;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.alarm.TargetTrackingAlarms;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a {@link ScalingSimulator}: a {@link ScalableTargetEvaluator} stepped over the span,
 * its alarms reading the recorded series (or the capacity-dependent metric sampled step by step),
 * and the timeline of what it did.
 */
final class SimulationRun {

    private final ScalingSimulator sim;
    private final long start;
    private final long stepSeconds;
    private final int steps;
    private final String resourceId;
    private final ScalableTargetEvaluator evaluator;
    private final Map<String, MetricSource> byPolicy = new HashMap<>();
    private final MetricSource[] liveSources;
    private final @Nullable MetricSource rowSource;
    private final List<Threshold> thresholds = new ArrayList<>();
    private final long[][] deployments; // [from, to) in epoch seconds

    SimulationRun(ScalingSimulator sim) {
        this.sim = sim;
        this.start = sim.start.getEpochSecond();
        this.stepSeconds = sim.step.getSeconds();
        this.steps = sim.steps();
        this.resourceId = String.valueOf(sim.target.resourceId());
        this.evaluator = ScalableTargetEvaluator.forSimulation(sim.target, sim.seed, sim.formula, (alarm, period) -> {
            PeriodReader r = alarm.reader;
            if (r == null) {
                // Every policy with an alarm has its source in byPolicy (put below, before any step).
                r = Objects.requireNonNull(byPolicy.get(alarm.policyName)).reader(alarm.period, alarm.statistic);
                alarm.reader = r; // resolved once per alarm, not once per datapoint
            }
            return r.datapoint(period);
        });

        Map<MetricInput, MetricSource> sources = new HashMap<>(); // a metric given twice is read once
        for (PutScalingPolicyRequest p : sim.policies) {
            // ScalingSimulator.Builder.build() checked each policy as AAS would (PolicyName is required),
            // gave each step policy its alarm and each target tracking policy a TargetValue.
            String name = Objects.requireNonNull(p.policyName());
            PolicyType type = ScalableTargetEvaluator.policyType(p);
            evaluator.putScalingPolicy(p);
            if (PolicyType.PREDICTIVE_SCALING.equals(type)) {
                if (sim.forecasts.containsKey(name)) {
                    evaluator.putForecast(name, sim.forecasts.get(name));
                }
                continue;
            }
            MetricInput metric = sim.policyMetrics.getOrDefault(name, sim.defaultMetric);
            MetricSource source = sources.computeIfAbsent(metric, MetricInput::source);
            byPolicy.put(name, source);
            if (PolicyType.TARGET_TRACKING_SCALING.equals(type)) {
                source.reads(
                        TargetTrackingAlarms.PERIOD_SECONDS,
                        TargetTrackingAlarms.LOW_EVALUATION_PERIODS + AlarmEvaluator.EXTRA_PERIODS);
                thresholds.add(new Threshold(
                        name + " target",
                        TargetTracking.targetValue(
                                Objects.requireNonNull(p.targetTrackingScalingPolicyConfiguration()))));
            } else {
                AlarmSpec spec = Objects.requireNonNull(sim.stepAlarms.get(name));
                evaluator.putAlarm(name, spec);
                source.reads(spec.periodSeconds(), AlarmEvaluator.evaluationRange(spec));
                thresholds.add(new Threshold(spec.name() + " threshold", spec.threshold()));
            }
        }
        for (PutScheduledActionRequest a : sim.scheduledActions) {
            evaluator.putScheduledAction(a);
        }
        MetricInput rowInput = sim.defaultMetric;
        if (rowInput == null && !sim.policyMetrics.isEmpty()) {
            rowInput = sim.policyMetrics.values().iterator().next();
        }
        MetricSource row = rowInput == null ? null : sources.get(rowInput);
        if (row == null && rowInput != null) {
            row = rowInput.source();
            sources.put(rowInput, row);
        }
        this.rowSource = row;
        this.deployments = sim.deployments.stream()
                .map(d -> new long[] {d[0].getEpochSecond(), d[1].getEpochSecond()})
                .toArray(long[][]::new);
        this.liveSources =
                sources.values().stream().filter(m -> m.function != null).toArray(MetricSource[]::new);
    }

    ScalingTimeline run() {
        double[] rowMetric = null;
        if (rowSource != null && rowSource.series != null) {
            rowMetric = rowSource.series.datapoints(start, (int) stepSeconds, steps, Statistic.AVERAGE);
        } else if (rowSource != null) {
            rowMetric = new double[steps];
        }
        StepValues rowCapacity = new StepValues();
        StepValues rowMin = new StepValues();
        StepValues rowMax = new StepValues();
        List<ActivityLedger.Entry> activities = new ArrayList<>();
        List<AlarmTransition> transitions = new ArrayList<>();
        int[] activityStep = new int[16];
        int capacity = sim.initialCapacity;
        int nextUpdate = 0;
        for (int k = 0; k < steps; k++) {
            long now = start + k * stepSeconds;
            while (nextUpdate < sim.targetUpdates.size()
                    && sim.targetUpdates.get(nextUpdate).at().getEpochSecond() <= now) {
                evaluator.registerScalableTarget(
                        sim.targetUpdates.get(nextUpdate++).update());
            }
            evaluator.simulationStep(now, capacity, deploying(now));
            capacity = evaluator.desiredCount();
            List<ActivityLedger.Entry> started = evaluator.stepActivities();
            for (int i = 0; i < started.size(); i++) {
                if (activities.size() == activityStep.length) {
                    activityStep = java.util.Arrays.copyOf(activityStep, activityStep.length * 2);
                }
                activityStep[activities.size()] = k;
                activities.add(started.get(i));
            }
            if (!evaluator.stepTransitions().isEmpty()) {
                transitions.addAll(evaluator.stepTransitions());
            }
            for (MetricSource s : liveSources) {
                double v = s.sample(now, capacity);
                if (s == rowSource) {
                    Objects.requireNonNull(rowMetric)[k] = v; // made above when there is a rowSource
                }
            }
            rowCapacity.set(k, capacity);
            rowMin.set(k, evaluator.minCapacity());
            rowMax.set(k, evaluator.maxCapacity());
        }
        return new ScalingTimeline(
                resourceId,
                new ScalingTimeline.Steps(start, stepSeconds, steps, rowMetric, rowCapacity, rowMin, rowMax),
                new ScalingTimeline.Events(
                        new ScalingTimeline.Activities(activities, evaluator.ledger()),
                        java.util.Arrays.copyOf(activityStep, activities.size()),
                        transitions,
                        thresholds));
    }

    private boolean deploying(long now) {
        for (long[] d : deployments) {
            if (now >= d[0] && now < d[1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A recorded series' datapoints of one period and statistic, worked out {@value #SIZE} periods at
     * a time as the alarms reach them: one linear pass over the samples, and memory bounded by the
     * chunk, not by the span.
     */
    static final class SeriesChunk extends PeriodReader {
        static final int SIZE = 1024;

        final MetricSeries series;
        final int period;
        final Statistic statistic;
        private long first = Long.MIN_VALUE; // the period of values[0]
        private double[] values = new double[0];

        SeriesChunk(MetricSeries series, int period, Statistic statistic) {
            this.series = series;
            this.period = period;
            this.statistic = statistic;
        }

        @Override
        double datapoint(long p) {
            long i = p - first;
            if (i < 0 || i >= values.length) {
                first = p;
                values = series.datapoints(p * period, period, SIZE, statistic);
                i = 0;
            }
            return values[(int) i];
        }
    }

    /**
     * A metric as the simulation's alarms read it: a recorded series through one forward cursor per
     * (period, statistic), or a capacity-dependent metric sampled after each step into per-period
     * rings as long as the longest evaluation range that reads them.
     */
    static final class MetricSource {
        final @Nullable MetricSeries series;
        final @Nullable CapacityMetric function;
        private final List<SeriesChunk> chunks = new ArrayList<>(2);
        private final List<PeriodRing> rings = new ArrayList<>(1);

        /** One of the two: a recorded series, or a metric of the capacity. */
        MetricSource(@Nullable MetricSeries series, @Nullable CapacityMetric function) {
            this.series = series;
            this.function = function;
        }

        /** An alarm of {@code period} seconds reads {@code range} periods of this metric. */
        void reads(int period, int range) {
            if (function == null) {
                return;
            }
            for (PeriodRing r : rings) {
                if (r.periodSeconds == period) {
                    r.ensureSize(range + 1);
                    return;
                }
            }
            rings.add(new PeriodRing(period, range + 1));
        }

        /** The reader of this metric's datapoints of one period and statistic. */
        PeriodReader reader(int period, Statistic statistic) {
            if (series != null) {
                for (SeriesChunk c : chunks) {
                    if (c.period == period && c.statistic == statistic) {
                        return c;
                    }
                }
                SeriesChunk c = new SeriesChunk(series, period, statistic);
                chunks.add(c);
                return c;
            }
            for (PeriodRing r : rings) {
                if (r.periodSeconds == period) {
                    return PeriodReader.of(p -> r.value(p, statistic));
                }
            }
            return PeriodReader.of(p -> Double.NaN);
        }

        /** Takes the sample at {@code now} of a capacity-dependent metric; NaN when there is none. */
        double sample(long now, int capacity) {
            // Only the sources of a capacity metric are sampled (liveSources).
            double v = Objects.requireNonNull(function).value(Instant.ofEpochSecond(now), capacity);
            if (Double.isFinite(v)) {
                for (PeriodRing r : rings) {
                    r.add(now, v);
                }
                return v;
            }
            return Double.NaN;
        }
    }
}
