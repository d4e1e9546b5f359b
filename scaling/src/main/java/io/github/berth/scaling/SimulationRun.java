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

  private final List<MetricSource> sourceList = new ArrayList<>();
  private final MetricSource[] liveSources;
  private final MetricSource rowSource;
  private final List<AlarmRuntime> alarmList = new ArrayList<>();
  private final AlarmRuntime[] alarms;
  private final TargetTrackingRuntime[] targetTracking;
  private final StepRuntime[] stepPolicies;
  private final PredictiveRuntime[] predictive;
  private final ActionRuntime[] actions;
  private final long[][] deployments;

  // Proposals of the current step (reused).
  private final Proposal[] ttProposals;
  private final Proposal[] otherProposals;
  private int ttCount;
  private int otherCount;

  // The timeline.
  private final double[] rowMetric; // the metric per step, from rowMetricOffset
  private final int rowMetricOffset;
  private final StepValues rowCapacity = new StepValues();
  private final StepValues rowMin = new StepValues();
  private final StepValues rowMax = new StepValues();
  private final List<ActivityDraft> activities = new ArrayList<>();
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
    long historyFrom = start - longestEvaluationRange(sim); // what the first evaluations read
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
    sourceList.addAll(byMetric.values());

    Object rowMetricInput = sim.defaultMetric;
    if (rowMetricInput == null && !sim.policyMetrics.isEmpty()) {
      rowMetricInput = sim.policyMetrics.values().iterator().next();
    }
    MetricSource row = rowMetricInput == null ? null : byMetric.get(rowMetricInput);
    if (row == null && rowMetricInput != null) {
      row = new MetricSource(rowMetricInput, historyFrom, end + stepSeconds);
      sourceList.add(row);
    }
    this.rowSource = row;
    this.liveSources = sourceList.stream().filter(m -> m.function != null).toArray(MetricSource[]::new);
    this.ttProposals = new Proposal[targetTracking.length];
    this.otherProposals = new Proposal[targetTracking.length + stepPolicies.length];
    this.alarms = alarmList.toArray(new AlarmRuntime[0]);

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

    if (rowSource != null && rowSource.series != null) {
      if (stepSeconds == TargetTrackingAlarms.PERIOD_SECONDS && start % stepSeconds == 0) {
        // The same datapoints as the target tracking alarms read: no copy.
        Datapoints d = rowSource.datapoints((int) stepSeconds, Statistic.AVERAGE);
        this.rowMetric = d.values();
        this.rowMetricOffset = (int) (start / stepSeconds - d.firstPeriod());
      } else {
        this.rowMetric = rowSource.series.datapoints(start, (int) stepSeconds, steps, Statistic.AVERAGE);
        this.rowMetricOffset = 0;
      }
    } else if (rowSource != null) {
      this.rowMetric = new double[steps];
      this.rowMetricOffset = 0;
    } else {
      this.rowMetric = null;
      this.rowMetricOffset = 0;
    }
  }

  /** The seconds before the start that the first alarm evaluations read. */
  private static long longestEvaluationRange(ScalingSimulator sim) {
    long longest = (long) (TargetTrackingAlarms.LOW_EVALUATION_PERIODS + AlarmEvaluator.EXTRA_PERIODS + 1)
        * TargetTrackingAlarms.PERIOD_SECONDS;
    for (AlarmSpec a : sim.stepAlarms.values()) {
      longest = Math.max(longest, (long) (AlarmEvaluator.evaluationRange(a) + 1) * a.periodSeconds());
    }
    return longest;
  }

  private AlarmRuntime alarm(AlarmSpec spec, MetricSource source) {
    AlarmRuntime a = new AlarmRuntime(spec, source, start, stepSeconds);
    alarmList.add(a);
    return a;
  }

  ScalingTimeline run() {
    for (int k = 0; k < steps; k++) {
      long now = start + k * stepSeconds;
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
        record(ActivityDraft.Kind.PREDICTIVE, k, now, floorBy.name, null);
      }
      evaluatePolicies(k, now, effectiveMin, effectiveMax);
      for (MetricSource s : liveSources) {
        double v = s.sample(now, capacity);
        if (s == rowSource) {
          rowMetric[k] = v;
        }
      }
      rowCapacity.set(k, capacity);
      rowMin.set(k, min);
      rowMax.set(k, max);
    }
    int[] activityStep = new int[activities.size()];
    for (int i = 0; i < activityStep.length; i++) {
      activityStep[i] = activities.get(i).step();
    }
    return new ScalingTimeline(resourceId, start, stepSeconds, steps, rowMetric, rowMetricOffset, rowCapacity, rowMin,
        rowMax,
        new ScalingTimeline.Activities(activities, ids, sim.target.serviceNamespace(), resourceId,
            sim.target.scalableDimension()),
        activityStep, transitions, thresholds);
  }

  /** Registration moves a desired count outside [min, max] inside at once (docs/scaling.md#scalable-target). */
  private void register(int k, long now) {
    moveInsideBounds(k, now);
  }

  private void moveInsideBounds(int k, long now) {
    if (capacity < min) {
      capacity = min;
      record(ActivityDraft.Kind.RAISED_TO_MIN, k, now, "", null);
    } else if (capacity > max) {
      capacity = max;
      record(ActivityDraft.Kind.LOWERED_TO_MAX, k, now, "", null);
    }
  }

  // ------------------------------------------------------------------ scheduled actions

  private void runScheduledActions(int k, long now) {
    while (true) {
      ActionRuntime due = null;
      for (ActionRuntime a : actions) {
        if (a.nextSecond <= now
            && (due == null || a.nextSecond < due.nextSecond || (a.nextSecond == due.nextSecond && a.name.compareTo(due.name) < 0))) {
          due = a;
        }
      }
      if (due == null) {
        return;
      }
      due.advance(sim.start);
      if (!scheduledSuspended) {
        apply(k, now, due);
      }
    }
  }

  /** A scheduled action sets the bounds it names, then moves capacity inside them (docs/scaling.md#scheduled-actions). */
  private void apply(int k, long now, ActionRuntime a) {
    Integer newMin = a.action.minCapacity();
    Integer newMax = a.action.maxCapacity();
    int nextMin = newMin != null ? newMin : min;
    int nextMax = newMax != null ? newMax : max;
    if (nextMin > nextMax) {
      // [model] An action whose bound would cross the other bound fails and changes nothing.
      record(ActivityDraft.Kind.BOUNDS_FAILED, k, now, a.name, null, newMin, newMax);
      return;
    }
    min = nextMin;
    max = nextMax;
    record(ActivityDraft.Kind.BOUNDS_SET, k, now, a.name, null, newMin, newMax);
    moveInsideBounds(k, now);
  }

  // ------------------------------------------------------------------ policies

  private void evaluatePolicies(int k, long now, int effectiveMin, int effectiveMax) {
    for (AlarmRuntime a : alarms) {
      AlarmState before = a.state;
      a.evaluate(now, k);
      if (a.state != before) {
        transitions.add(new AlarmTransition(Instant.ofEpochSecond(now), a.spec.name(), before, a.state));
      }
    }
    if (targetTracking.length == 0 && stepPolicies.length == 0) {
      return;
    }
    ttCount = 0;
    otherCount = 0;
    boolean any = false;
    for (TargetTrackingRuntime t : targetTracking) {
      Proposal p = t.proposal;
      if (capacity > 0 && t.high.state != AlarmState.ALARM && (t.low == null || t.low.state != AlarmState.ALARM)) {
        if (p.direction != ScalingProposal.Direction.NONE || p.blockedBy != null) {
          p.none(capacity); // neither alarm in ALARM: nothing to ask for
        }
      } else {
        TargetTracking.evaluate(p, t.target, t.disableScaleIn, t.scaleOutCooldown, t.scaleInCooldown, t.high.state,
            t.low == null ? null : t.low.state, t.high.spec.name(), t.low == null ? null : t.low.spec.name(),
            t.high.latest(), capacity, t.cooldown, now, sim.formula);
        any |= p.direction != ScalingProposal.Direction.NONE;
      }
      if (t.low != null) {
        ttProposals[ttCount++] = p;
      } else {
        otherProposals[otherCount++] = p;
      }
    }
    for (StepRuntime s : stepPolicies) {
      Proposal p = s.proposal;
      if (s.alarm.state != AlarmState.ALARM) {
        if (p.direction != ScalingProposal.Direction.NONE || p.blockedBy != null) {
          p.none(capacity);
        }
      } else {
        StepScaling.evaluate(p, s.config, s.alarm.spec, s.alarm.state, s.alarm.recent(s.config.metricAggregationType()),
            capacity, s.cooldown, now);
        any |= p.direction != ScalingProposal.Direction.NONE;
      }
      otherProposals[otherCount++] = p;
    }
    if (!any) {
      return;
    }
    Proposal winner = PolicyCombination.decide(capacity, effectiveMin, effectiveMax, ttProposals, ttCount,
        otherProposals, otherCount, outSuspended, inSuspended, deploying(now));
    if (winner == null) {
      return;
    }
    int before = capacity;
    capacity = PolicyCombination.resulting(capacity, effectiveMin, effectiveMax, winner);
    record(ActivityDraft.Kind.POLICY, k, now, winner.policyName, winner.alarmName);
    boolean out = capacity > before;
    // A target tracking scale-in needs every such policy's consent: each of them starts its cooldown.
    boolean consensusIn = !out && containsSame(ttProposals, ttCount, winner);
    for (TargetTrackingRuntime t : targetTracking) {
      if (out) {
        t.cooldown = t.proposal == winner
            ? t.cooldown.afterScaleOut(now, t.scaleOutCooldown, before, capacity)
            : t.cooldown.afterOtherScaleOut();
      } else if (t.proposal == winner || (consensusIn && t.low != null && t.proposal.isIn())) {
        t.cooldown = t.cooldown.afterScaleIn(now);
      }
    }
    for (StepRuntime s : stepPolicies) {
      if (out) {
        s.cooldown = s.proposal == winner
            ? s.cooldown.afterScaleOut(now, StepScaling.cooldown(s.config), before, capacity)
            : s.cooldown.afterOtherScaleOut();
      } else if (s.proposal == winner) {
        s.cooldown = s.cooldown.afterScaleIn(now);
      }
    }
  }

  private static boolean containsSame(Proposal[] proposals, int count, Proposal p) {
    for (int i = 0; i < count; i++) {
      if (proposals[i] == p) {
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

  private void record(ActivityDraft.Kind kind, int k, long now, String name, @Nullable String alarmName) {
    record(kind, k, now, name, alarmName, min, max);
  }

  private void record(ActivityDraft.Kind kind, int k, long now, String name, @Nullable String alarmName,
      @Nullable Integer min, @Nullable Integer max) {
    activities.add(new ActivityDraft(kind, k, now, capacity, min, max, name, alarmName));
  }

  // ------------------------------------------------------------------ runtime pieces

  /**
   * A metric as the simulation reads it. A recorded series is turned into the datapoints of each
   * (period, statistic) an alarm asks for, once per run; a capacity-dependent metric is sampled
   * step by step into per-period tables.
   */
  static final class MetricSource {
    final @Nullable MetricSeries series;
    final @Nullable CapacityMetric function;
    private final long from;
    private final long to;
    private final Map<Integer, PeriodTable> tables = new HashMap<>();
    private final Map<Long, Datapoints> datapoints = new HashMap<>();

    MetricSource(Object metric, long from, long to) {
      this.series = metric instanceof MetricSeries ? (MetricSeries) metric : null;
      this.function = metric instanceof CapacityMetric ? (CapacityMetric) metric : null;
      this.from = from;
      this.to = to;
    }

    /** The datapoints of a recorded series by one period and statistic (shared by the alarms that ask). */
    Datapoints datapoints(int periodSeconds, Statistic statistic) {
      return datapoints.computeIfAbsent(periodSeconds * 8L + statistic.ordinal(), key -> {
        long first = Math.floorDiv(from, periodSeconds);
        int count = (int) (Math.floorDiv(to, periodSeconds) - first + 1);
        return new Datapoints(first, series.datapoints(first * periodSeconds, periodSeconds, count, statistic));
      });
    }

    /** The per-period table of a capacity-dependent metric. */
    PeriodTable table(int periodSeconds) {
      return tables.computeIfAbsent(periodSeconds, p -> new PeriodTable(p, from, to));
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

  /** The datapoints of consecutive periods, the first being period {@code firstPeriod} since the epoch. */
  record Datapoints(long firstPeriod, double[] values) {

    double get(long period) {
      long i = period - firstPeriod;
      return i < 0 || i >= values.length ? Double.NaN : values[(int) i];
    }
  }

  /**
   * An alarm with its state and the datapoints of its last evaluation. Over a recorded metric, the
   * state each period would give when its evaluation range has no missing datapoint is worked out
   * once per run with sliding counts, so that such an evaluation is one array read; otherwise
   * (missing data, a capacity-dependent metric) the range is read and {@link AlarmEvaluator}
   * decides.
   */
  static final class AlarmRuntime {
    private static final byte OK = 0;
    private static final byte ALARM = 1;
    private static final byte READ_THE_RANGE = -1;

    final AlarmSpec spec;
    private final int period;
    private final Statistic statistic;
    private final double[] range;
    private final int n;
    private final @Nullable Datapoints recorded;
    private final byte @Nullable [] complete; // per period: OK or ALARM when nothing is missing, else READ_THE_RANGE
    private final @Nullable PeriodTable table;
    AlarmState state = AlarmState.INSUFFICIENT_DATA;

    // Where the latest period of step k is: firstLast + k x periodsPerStep, when the step allows.
    private long firstLast;
    private long periodsPerStep;

    // The last evaluation: its latest period, and whether it read the range.
    private long last;
    private boolean rangeRead;

    AlarmRuntime(AlarmSpec spec, MetricSource source, long start, long stepSeconds) {
      this.spec = spec;
      this.period = spec.periodSeconds();
      if (stepSeconds % period == 0) {
        this.periodsPerStep = stepSeconds / period;
        this.firstLast = Math.floorDiv(start, period) - 1;
      }
      this.statistic = spec.statistic();
      this.range = new double[AlarmEvaluator.evaluationRange(spec)];
      this.n = spec.evaluationPeriods();
      if (source.series != null) {
        this.recorded = source.datapoints(period, statistic);
        this.table = null;
        this.complete = complete(recorded.values());
      } else {
        this.recorded = null;
        this.table = source.table(period);
        this.complete = null;
      }
    }

    /** With R the evaluation range and N, M the alarm's periods: slide both windows once. */
    private byte[] complete(double[] d) {
      int r = range.length;
      int m = spec.datapointsToAlarm();
      byte[] breach = breaches(d);
      byte[] out = new byte[d.length];
      int present = 0;
      int breaching = 0;
      for (int i = 0; i < d.length; i++) {
        present += d[i] == d[i] ? 1 : 0;
        breaching += breach[i];
        if (i >= r) {
          present -= d[i - r] == d[i - r] ? 1 : 0;
        }
        if (i >= n) {
          breaching -= breach[i - n];
        }
        out[i] = i >= r - 1 && present == r ? (breaching >= m ? ALARM : OK) : READ_THE_RANGE;
      }
      return out;
    }

    /** 1 where a datapoint breaches the threshold (a missing one never does), else 0. */
    private byte[] breaches(double[] d) {
      byte[] b = new byte[d.length];
      double t = spec.threshold();
      switch (spec.comparison()) {
        case GREATER_THAN_OR_EQUAL_TO_THRESHOLD:
          for (int i = 0; i < d.length; i++) {
            b[i] = d[i] >= t ? (byte) 1 : 0;
          }
          break;
        case GREATER_THAN_THRESHOLD:
          for (int i = 0; i < d.length; i++) {
            b[i] = d[i] > t ? (byte) 1 : 0;
          }
          break;
        case LESS_THAN_THRESHOLD:
          for (int i = 0; i < d.length; i++) {
            b[i] = d[i] < t ? (byte) 1 : 0;
          }
          break;
        case LESS_THAN_OR_EQUAL_TO_THRESHOLD:
          for (int i = 0; i < d.length; i++) {
            b[i] = d[i] <= t ? (byte) 1 : 0;
          }
          break;
        default:
          throw new AssertionError(spec.comparison());
      }
      return b; // comparisons with NaN are false: missing datapoints never breach
    }

    /**
     * The alarm's state at {@code now}, step {@code k} of the run. When the step is a whole number
     * of periods the latest period follows from k by a multiplication, not a 64-bit division.
     */
    void evaluate(long now, int k) {
      last = periodsPerStep > 0 ? firstLast + (long) k * periodsPerStep : Math.floorDiv(now, period) - 1;
      if (recorded != null) {
        long i = last - recorded.firstPeriod();
        if (i >= 0 && i < complete.length && complete[(int) i] != READ_THE_RANGE) {
          state = complete[(int) i] == ALARM ? AlarmState.ALARM : AlarmState.OK;
          rangeRead = false;
          return;
        }
      }
      long first = last - range.length + 1;
      for (int i = 0; i < range.length; i++) {
        range[i] = recorded != null ? recorded.get(first + i) : table.value(first + i, statistic);
      }
      rangeRead = true;
      state = AlarmEvaluator.evaluate(spec, range, 0, range.length, state);
    }

    /** The latest existing datapoint of the last evaluation, or NaN. */
    double latest() {
      if (!rangeRead) {
        return recorded.get(last);
      }
      for (int i = range.length - 1; i >= 0; i--) {
        if (range[i] == range[i]) {
          return range[i];
        }
      }
      return Double.NaN;
    }

    /** The alarm's N most recent existing datapoints, aggregated as a step policy does. */
    double recent(@Nullable MetricAggregationType type) {
      if (!rangeRead) {
        return StepScaling.aggregate(type, recorded.values(), (int) (last - recorded.firstPeriod()) - n + 1, n);
      }
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
    final double target;
    final boolean disableScaleIn;
    final int scaleOutCooldown;
    final int scaleInCooldown;
    final Proposal proposal;
    PolicyCooldown cooldown = PolicyCooldown.NONE;

    TargetTrackingRuntime(String name, TargetTrackingScalingPolicyConfiguration config, AlarmRuntime high,
        @Nullable AlarmRuntime low) {
      this.name = name;
      this.target = TargetTracking.targetValue(config);
      this.disableScaleIn = Boolean.TRUE.equals(config.disableScaleIn());
      this.scaleOutCooldown = TargetTracking.scaleOutCooldown(config);
      this.scaleInCooldown = TargetTracking.scaleInCooldown(config);
      this.proposal = new Proposal(name);
      this.config = config;
      this.high = high;
      this.low = low;
    }
  }

  static final class StepRuntime {
    final String name;
    final StepScalingPolicyConfiguration config;
    final AlarmRuntime alarm;
    final Proposal proposal;
    PolicyCooldown cooldown = PolicyCooldown.NONE;

    StepRuntime(String name, StepScalingPolicyConfiguration config, AlarmRuntime alarm) {
      this.name = name;
      this.proposal = new Proposal(name);
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
    long nextSecond; // Long.MAX_VALUE when it never runs again

    ActionRuntime(String name, ScalableTargetAction action, ScheduledActionTimes times, @Nullable Instant next) {
      this.name = name;
      this.action = action;
      this.times = times;
      this.next = next;
      this.nextSecond = next == null ? Long.MAX_VALUE : next.getEpochSecond();
    }

    /** The run due now is taken: on to the next one. */
    void advance(Instant createdAt) {
      next = times.next(next, createdAt);
      nextSecond = next == null ? Long.MAX_VALUE : next.getEpochSecond();
    }
  }
}
