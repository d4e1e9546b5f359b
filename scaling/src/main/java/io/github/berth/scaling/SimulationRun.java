package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.Ids;
import io.github.berth.scaling.alarm.AlarmEvaluator;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.alarm.TargetTrackingAlarms;
import io.github.berth.scaling.model.MetricAggregationType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredictiveScalingPolicyConfiguration;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ScalingActivityStatusCode;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.SuspendedState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import io.github.berth.scaling.schedule.ScheduledActionTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** One run of a {@link ScalingSimulator}: the state that changes step by step, and the loop. */
final class SimulationRun {

  private final ScalingSimulator sim;
  private final Ids ids;
  private final long start;
  private final long stepSeconds;
  private final int steps;
  private final String namespace;
  private final String resourceId;
  private final String dimension;

  // The scalable target.
  private int capacity;
  private int min;
  private int max;
  private final boolean outSuspended;
  private final boolean inSuspended;
  private final boolean scheduledSuspended;

  private final List<MetricSource> sources = new ArrayList<>();
  private final MetricSource rowSource;
  private final List<AlarmRuntime> alarms = new ArrayList<>();
  private final TargetTrackingRuntime[] targetTracking;
  private final StepRuntime[] stepPolicies;
  private final PredictiveRuntime[] predictive;
  private final ActionRuntime[] actions;
  private final long[][] deployments;

  // Proposals of the current step (reused).
  private final List<ScalingProposal> ttProposals = new ArrayList<>();
  private final List<ScalingProposal> otherProposals = new ArrayList<>();

  // The timeline.
  private final long[] times;
  private final double[] rowMetric;
  private final int[] rowCapacity;
  private final int[] rowMin;
  private final int[] rowMax;
  private final List<ScalingActivity> activities = new ArrayList<>();
  private int[] activityStep = new int[16];
  private final List<AlarmTransition> transitions = new ArrayList<>();
  private final List<Threshold> thresholds = new ArrayList<>();

  SimulationRun(ScalingSimulator sim) {
    this.sim = sim;
    this.ids = new Ids(sim.seed);
    this.start = sim.start.getEpochSecond();
    this.stepSeconds = sim.step.getSeconds();
    this.steps = sim.steps();
    this.namespace = String.valueOf(sim.target.serviceNamespace());
    this.resourceId = String.valueOf(sim.target.resourceId());
    this.dimension = String.valueOf(sim.target.scalableDimension());
    this.capacity = sim.initialCapacity;
    this.min = sim.target.minCapacity();
    this.max = sim.target.maxCapacity();
    SuspendedState s = sim.target.suspendedState();
    this.outSuspended = s != null && Boolean.TRUE.equals(s.dynamicScalingOutSuspended());
    this.inSuspended = s != null && Boolean.TRUE.equals(s.dynamicScalingInSuspended());
    this.scheduledSuspended = s != null && Boolean.TRUE.equals(s.scheduledScalingSuspended());

    long end = start + (steps - 1) * stepSeconds;
    long historyFrom = start - 86_400 - 3_600; // the longest alarm evaluation range, and some
    Map<Object, MetricSource> byMetric = new IdentityHashMap<>();
    List<TargetTrackingRuntime> tts = new ArrayList<>();
    List<StepRuntime> stepsList = new ArrayList<>();
    List<PredictiveRuntime> preds = new ArrayList<>();
    for (PutScalingPolicyRequest p : sim.policies) {
      String name = p.policyName();
      PolicyType type = ScalingSimulator.policyType(p);
      if (PolicyType.PREDICTIVE_SCALING.equals(type)) {
        preds.add(new PredictiveRuntime(name, p.predictiveScalingPolicyConfiguration(), sim.forecasts.get(name)));
        continue;
      }
      Object metric = sim.policyMetrics.getOrDefault(name, sim.defaultMetric);
      MetricSource source = byMetric.computeIfAbsent(metric, m -> new MetricSource(m, historyFrom, end + stepSeconds));
      if (PolicyType.TARGET_TRACKING_SCALING.equals(type)) {
        TargetTrackingScalingPolicyConfiguration c = p.targetTrackingScalingPolicyConfiguration();
        AlarmSpec high = TargetTrackingAlarms.high(resourceId, ids.uuid(), c);
        AlarmSpec low = TargetTrackingAlarms.low(resourceId, ids.uuid(), c);
        tts.add(new TargetTrackingRuntime(name, c, alarm(high, source), low == null ? null : alarm(low, source)));
        thresholds.add(new Threshold(name + " target", c.targetValue()));
      } else {
        AlarmSpec spec = sim.stepAlarms.get(name);
        stepsList.add(new StepRuntime(name, p.stepScalingPolicyConfiguration(), alarm(spec, source)));
        thresholds.add(new Threshold(spec.name() + " threshold", spec.threshold()));
      }
    }
    this.targetTracking = tts.toArray(new TargetTrackingRuntime[0]);
    this.stepPolicies = stepsList.toArray(new StepRuntime[0]);
    this.predictive = preds.toArray(new PredictiveRuntime[0]);
    sources.addAll(byMetric.values());

    Object rowMetricInput = sim.defaultMetric;
    if (rowMetricInput == null && !sim.policyMetrics.isEmpty()) {
      rowMetricInput = sim.policyMetrics.values().iterator().next();
    }
    MetricSource row = rowMetricInput == null ? null : byMetric.get(rowMetricInput);
    if (row == null && rowMetricInput != null) {
      row = new MetricSource(rowMetricInput, historyFrom, end + stepSeconds);
      sources.add(row);
    }
    this.rowSource = row;

    this.actions = new ActionRuntime[sim.scheduledActions.size()];
    for (int i = 0; i < actions.length; i++) {
      PutScheduledActionRequest a = sim.scheduledActions.get(i);
      ScheduledActionTimes times = ScheduledActionTimes.of(a.schedule(), a.timezone(), a.startTime(), a.endTime());
      actions[i] = new ActionRuntime(a.scheduledActionName(), a.scalableTargetAction(), times,
          times.next(sim.start.minusNanos(1), sim.start));
    }
    this.deployments = new long[sim.deployments.size()][];
    for (int i = 0; i < deployments.length; i++) {
      Instant[] d = sim.deployments.get(i);
      deployments[i] = new long[] {d[0].getEpochSecond(), d[1].getEpochSecond()};
    }

    this.times = new long[steps];
    this.rowMetric = new double[steps];
    this.rowCapacity = new int[steps];
    this.rowMin = new int[steps];
    this.rowMax = new int[steps];
    if (rowSource != null && rowSource.series != null) {
      double[] d = rowSource.series.datapoints(start, (int) stepSeconds, steps, Statistic.AVERAGE);
      System.arraycopy(d, 0, rowMetric, 0, steps);
    } else {
      Arrays.fill(rowMetric, Double.NaN);
    }
  }

  private AlarmRuntime alarm(AlarmSpec spec, MetricSource source) {
    AlarmRuntime a = new AlarmRuntime(spec, source.table(spec.periodSeconds()));
    alarms.add(a);
    return a;
  }

  ScalingTimeline run() {
    for (int k = 0; k < steps; k++) {
      long now = start + k * stepSeconds;
      times[k] = now;
      if (k == 0) {
        register(k, now);
      }
      runScheduledActions(k, now);
      int effectiveMin = min;
      int effectiveMax = max;
      PredictiveRuntime floorBy = null;
      for (PredictiveRuntime p : predictive) {
        PredictiveScaling.Floor f = PredictiveScaling.evaluate(p.config, p.forecast, min, max, Instant.ofEpochSecond(now));
        if (f != null) {
          if (f.capacity() > effectiveMin) {
            effectiveMin = f.capacity();
            floorBy = p;
          }
          effectiveMax = Math.max(effectiveMax, f.maximum());
        }
      }
      if (floorBy != null && capacity < effectiveMin) {
        capacity = effectiveMin;
        record(k, now, ActivityMessages.setDesiredCount(capacity), ActivityMessages.predictiveCause(floorBy.name, capacity),
            ScalingActivityStatusCode.SUCCESSFUL, ActivityMessages.desiredCountSet(capacity));
      }
      evaluatePolicies(k, now, effectiveMin, effectiveMax);
      for (MetricSource s : sources) {
        if (s.function != null) {
          double v = s.sample(now, capacity);
          if (s == rowSource) {
            rowMetric[k] = v;
          }
        }
      }
      rowCapacity[k] = capacity;
      rowMin[k] = min;
      rowMax[k] = max;
    }
    return new ScalingTimeline(resourceId, times, rowMetric, rowCapacity, rowMin, rowMax, activities,
        Arrays.copyOf(activityStep, activities.size()), transitions, thresholds);
  }

  /** Registration moves a desired count outside [min, max] inside at once (reference §4.1). */
  private void register(int k, long now) {
    if (capacity < min) {
      capacity = min;
      record(k, now, ActivityMessages.setDesiredCount(capacity), ActivityMessages.boundCause(true, min),
          ScalingActivityStatusCode.SUCCESSFUL, ActivityMessages.desiredCountSet(capacity));
    } else if (capacity > max) {
      capacity = max;
      record(k, now, ActivityMessages.setDesiredCount(capacity), ActivityMessages.boundCause(false, max),
          ScalingActivityStatusCode.SUCCESSFUL, ActivityMessages.desiredCountSet(capacity));
    }
  }

  // ------------------------------------------------------------------ scheduled actions

  private void runScheduledActions(int k, long now) {
    while (true) {
      ActionRuntime due = null;
      for (ActionRuntime a : actions) {
        if (a.next != null && a.next.getEpochSecond() <= now
            && (due == null || a.next.isBefore(due.next) || (a.next.equals(due.next) && a.name.compareTo(due.name) < 0))) {
          due = a;
        }
      }
      if (due == null) {
        return;
      }
      Instant at = due.next;
      due.next = due.times.next(at, sim.start);
      if (!scheduledSuspended) {
        apply(k, now, due);
      }
    }
  }

  /** A scheduled action sets the bounds it names, then moves capacity inside them (reference §4.4). */
  private void apply(int k, long now, ActionRuntime a) {
    Integer newMin = a.action.minCapacity();
    Integer newMax = a.action.maxCapacity();
    int nextMin = newMin != null ? newMin : min;
    int nextMax = newMax != null ? newMax : max;
    String cause = ActivityMessages.scheduledCause(a.name);
    if (nextMin > nextMax) {
      // [model] An action whose bound would cross the other bound fails and changes nothing.
      record(k, now, ActivityMessages.setBounds(newMin, newMax), cause, ScalingActivityStatusCode.FAILED,
          ActivityMessages.BOUNDS_CROSS);
      return;
    }
    min = nextMin;
    max = nextMax;
    record(k, now, ActivityMessages.setBounds(newMin, newMax), cause, ScalingActivityStatusCode.SUCCESSFUL,
        ActivityMessages.boundsSet(newMin, newMax));
    if (capacity < min) {
      capacity = min;
      record(k, now, ActivityMessages.setDesiredCount(capacity), ActivityMessages.boundCause(true, min),
          ScalingActivityStatusCode.SUCCESSFUL, ActivityMessages.desiredCountSet(capacity));
    } else if (capacity > max) {
      capacity = max;
      record(k, now, ActivityMessages.setDesiredCount(capacity), ActivityMessages.boundCause(false, max),
          ScalingActivityStatusCode.SUCCESSFUL, ActivityMessages.desiredCountSet(capacity));
    }
  }

  // ------------------------------------------------------------------ policies

  private void evaluatePolicies(int k, long now, int effectiveMin, int effectiveMax) {
    Instant at = null;
    for (AlarmRuntime a : alarms) {
      AlarmState before = a.state;
      a.evaluate(now);
      if (a.state != before) {
        at = at != null ? at : Instant.ofEpochSecond(now);
        transitions.add(new AlarmTransition(at, a.spec.name(), before, a.state));
      }
    }
    if (targetTracking.length == 0 && stepPolicies.length == 0) {
      return;
    }
    at = at != null ? at : Instant.ofEpochSecond(now);
    ttProposals.clear();
    otherProposals.clear();
    for (TargetTrackingRuntime t : targetTracking) {
      ScalingProposal p = TargetTracking.evaluate(t.name, t.config, t.high.state, t.low == null ? null : t.low.state,
          t.high.spec.name(), t.low == null ? null : t.low.spec.name(), t.high.latest(), capacity, t.cooldown, at,
          sim.formula);
      t.proposal = p;
      (t.low != null ? ttProposals : otherProposals).add(p);
    }
    for (StepRuntime s : stepPolicies) {
      double metric = s.alarm.recent(s.config.metricAggregationType());
      ScalingProposal p = StepScaling.evaluate(s.name, s.config, s.alarm.spec, s.alarm.state, metric, capacity,
          s.cooldown, at);
      s.proposal = p;
      otherProposals.add(p);
    }
    PolicyCombination.Outcome o = PolicyCombination.decide(capacity, effectiveMin, effectiveMax, ttProposals,
        otherProposals, outSuspended, inSuspended, deploying(now));
    if (!o.changed()) {
      return;
    }
    ScalingProposal winner = o.winner();
    int before = capacity;
    capacity = o.capacity();
    record(k, now, ActivityMessages.setDesiredCount(capacity), ActivityMessages.alarmCause(winner.alarmName(),
        winner.policyName()), ScalingActivityStatusCode.SUCCESSFUL, ActivityMessages.desiredCountSet(capacity));
    boolean out = capacity > before;
    // A target tracking scale-in needs every such policy's consent: each of them starts its cooldown.
    boolean consensusIn = !out && containsSame(ttProposals, winner);
    for (TargetTrackingRuntime t : targetTracking) {
      if (out) {
        t.cooldown = t.proposal == winner
            ? t.cooldown.afterScaleOut(at, TargetTracking.scaleOutCooldown(t.config), before, capacity)
            : t.cooldown.afterOtherScaleOut();
      } else if (t.proposal == winner || (consensusIn && t.low != null && t.proposal.isIn())) {
        t.cooldown = t.cooldown.afterScaleIn(at);
      }
    }
    for (StepRuntime s : stepPolicies) {
      if (out) {
        s.cooldown = s.proposal == winner
            ? s.cooldown.afterScaleOut(at, StepScaling.cooldown(s.config), before, capacity)
            : s.cooldown.afterOtherScaleOut();
      } else if (s.proposal == winner) {
        s.cooldown = s.cooldown.afterScaleIn(at);
      }
    }
  }

  private static boolean containsSame(List<ScalingProposal> list, ScalingProposal p) {
    for (ScalingProposal q : list) {
      if (q == p) {
        return true;
      }
    }
    return false;
  }

  private boolean deploying(long now) {
    for (long[] d : deployments) {
      if (now >= d[0] && now < d[1]) {
        return true;
      }
    }
    return false;
  }

  private void record(int k, long now, String description, String cause, ScalingActivityStatusCode status, String message) {
    Instant t = Instant.ofEpochSecond(now);
    activities.add(ScalingActivity.builder()
        .activityId(ids.uuid())
        .serviceNamespace(sim.target.serviceNamespace())
        .resourceId(resourceId)
        .scalableDimension(sim.target.scalableDimension())
        .description(description)
        .cause(cause)
        .startTime(t)
        .endTime(t)
        .statusCode(status)
        .statusMessage(message)
        .build());
    if (activities.size() > activityStep.length) {
      activityStep = Arrays.copyOf(activityStep, activityStep.length * 2);
    }
    activityStep[activities.size() - 1] = k;
  }

  // ------------------------------------------------------------------ runtime pieces

  /** A metric as the simulation reads it: per-period tables, filled from a series or step by step. */
  static final class MetricSource {
    final @Nullable MetricSeries series;
    final @Nullable CapacityMetric function;
    private final long from;
    private final long to;
    private final Map<Integer, PeriodTable> tables = new HashMap<>();

    MetricSource(Object metric, long from, long to) {
      this.series = metric instanceof MetricSeries ? (MetricSeries) metric : null;
      this.function = metric instanceof CapacityMetric ? (CapacityMetric) metric : null;
      this.from = from;
      this.to = to;
    }

    PeriodTable table(int periodSeconds) {
      return tables.computeIfAbsent(periodSeconds, p -> {
        PeriodTable t = new PeriodTable(p, from, to);
        if (series != null) {
          for (int i = 0; i < series.size(); i++) {
            t.add(series.epochSecond(i), series.value(i));
          }
        }
        return t;
      });
    }

    /** Takes the sample at {@code now} of a capacity-dependent metric; NaN when there is none. */
    double sample(long now, int capacity) {
      double v = function.value(Instant.ofEpochSecond(now), capacity);
      if (Double.isFinite(v)) {
        for (PeriodTable t : tables.values()) {
          t.add(now, v);
        }
        return v;
      }
      return Double.NaN;
    }
  }

  /** An alarm with its state and the datapoints of its last evaluation. */
  static final class AlarmRuntime {
    final AlarmSpec spec;
    private final PeriodTable table;
    private final Statistic statistic;
    private final double[] range;
    AlarmState state = AlarmState.INSUFFICIENT_DATA;

    AlarmRuntime(AlarmSpec spec, PeriodTable table) {
      this.spec = spec;
      this.table = table;
      this.statistic = spec.statistic();
      this.range = new double[AlarmEvaluator.evaluationRange(spec)];
    }

    void evaluate(long now) {
      long last = Math.floorDiv(now, table.periodSeconds) - 1;
      long first = last - range.length + 1;
      for (int i = 0; i < range.length; i++) {
        range[i] = table.value(first + i, statistic);
      }
      state = AlarmEvaluator.evaluate(spec, range, 0, range.length, state);
    }

    /** The latest existing datapoint of the last evaluation, or NaN. */
    double latest() {
      for (int i = range.length - 1; i >= 0; i--) {
        if (range[i] == range[i]) {
          return range[i];
        }
      }
      return Double.NaN;
    }

    /** The alarm's N most recent existing datapoints, aggregated as a step policy does. */
    double recent(@Nullable MetricAggregationType type) {
      int n = spec.evaluationPeriods();
      int from = range.length;
      int seen = 0;
      while (from > 0 && seen < n) {
        from--;
        if (range[from] == range[from]) {
          seen++;
        }
      }
      return StepScaling.aggregate(type, range, from, range.length - from);
    }
  }

  static final class TargetTrackingRuntime {
    final String name;
    final TargetTrackingScalingPolicyConfiguration config;
    final AlarmRuntime high;
    final @Nullable AlarmRuntime low;
    PolicyCooldown cooldown = PolicyCooldown.NONE;
    ScalingProposal proposal;

    TargetTrackingRuntime(String name, TargetTrackingScalingPolicyConfiguration config, AlarmRuntime high,
        @Nullable AlarmRuntime low) {
      this.name = name;
      this.config = config;
      this.high = high;
      this.low = low;
    }
  }

  static final class StepRuntime {
    final String name;
    final StepScalingPolicyConfiguration config;
    final AlarmRuntime alarm;
    PolicyCooldown cooldown = PolicyCooldown.NONE;
    ScalingProposal proposal;

    StepRuntime(String name, StepScalingPolicyConfiguration config, AlarmRuntime alarm) {
      this.name = name;
      this.config = config;
      this.alarm = alarm;
    }
  }

  static final class PredictiveRuntime {
    final String name;
    final PredictiveScalingPolicyConfiguration config;
    final @Nullable io.github.berth.scaling.model.CapacityForecast forecast;

    PredictiveRuntime(String name, PredictiveScalingPolicyConfiguration config,
        @Nullable io.github.berth.scaling.model.CapacityForecast forecast) {
      this.name = name;
      this.config = config;
      this.forecast = forecast;
    }
  }

  static final class ActionRuntime {
    final String name;
    final ScalableTargetAction action;
    final ScheduledActionTimes times;
    @Nullable Instant next;

    ActionRuntime(String name, ScalableTargetAction action, ScheduledActionTimes times, @Nullable Instant next) {
      this.name = name;
      this.action = action;
      this.times = times;
      this.next = next;
    }
  }
}
