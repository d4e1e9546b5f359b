package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.scaling.AlarmTransition;
import io.github.berth.scaling.ScalingSimulator;
import io.github.berth.scaling.ScalingTimeline;
import io.github.berth.scaling.StepScaling;
import io.github.berth.scaling.TargetTracking;
import io.github.berth.scaling.TargetTrackingFormula;
import io.github.berth.scaling.TimelineStep;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.alarm.TargetTrackingAlarms;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.schedule.CronExpression;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import io.github.berth.testkit.property.Tuple2;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The properties of the scaling evaluators, over generated targets, policies, scheduled
 * actions and metrics ({@link ScalingGen}).
 */
class ScalingPropertiesTest {

    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    private static final int MINUTES = 12 * 60;

    /** A generated simulation: its inputs, and the step policies' alarms. */
    record Scenario(
            RegisterScalableTargetRequest target,
            List<PutScalingPolicyRequest> policies,
            Map<String, AlarmSpec> alarms,
            List<PutScheduledActionRequest> actions,
            double[] metric,
            int initialCapacity) {

        ScalingTimeline run() {
            ScalingSimulator.Builder b = ScalingSimulator.builder()
                    .target(target)
                    .metric(ScalingGen.series(START, metric))
                    .initialCapacity(initialCapacity)
                    .start(START)
                    .end(START.plusSeconds(60L * (metric.length - 1)));
            policies.forEach(b::addPolicy);
            alarms.forEach(b::alarm);
            actions.forEach(b::addScheduledAction);
            return b.build().run();
        }
    }

    private static Gen<Scenario> scenarios(boolean withScheduledActions) {
        Gen<List<PutScalingPolicyRequest>> tt = Gen.integers(0, 2).flatMap(n -> {
            List<Gen<PutScalingPolicyRequest>> gens = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                gens.add(ScalingGen.targetTrackingPolicies("tt" + i));
            }
            return sequence(gens);
        });
        Gen<List<Tuple2<PutScalingPolicyRequest, AlarmSpec>>> steps = Gen.integers(0, 2)
                .flatMap(n -> {
                    List<Gen<Tuple2<PutScalingPolicyRequest, AlarmSpec>>> gens = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        gens.add(ScalingGen.stepPolicies("step" + i));
                    }
                    return sequence(gens);
                });
        Gen<List<PutScheduledActionRequest>> actions = !withScheduledActions
                ? Gen.constant(List.of())
                : Gen.integers(0, 3).flatMap(n -> {
                    List<Gen<PutScheduledActionRequest>> gens = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        gens.add(ScalingGen.scheduledActions("action" + i, START));
                    }
                    return sequence(gens);
                });
        Gen<Object[]> policies = Gen.zip(tt, steps, (a, b) -> new Object[] {a, b})
                .filter(p -> !((List<?>) p[0]).isEmpty() || !((List<?>) p[1]).isEmpty());
        return Gen.zip(
                Gen.zip(ScalingGen.scalableTargets(), Gen.integers(0, 60), (t, c) -> new Object[] {t, c}),
                policies,
                Gen.zip(actions, ScalingGen.metricValues(MINUTES), (a, m) -> new Object[] {a, m}),
                (tc, p, am) -> {
                    @SuppressWarnings("unchecked")
                    List<PutScalingPolicyRequest> ttList = (List<PutScalingPolicyRequest>) p[0];
                    @SuppressWarnings("unchecked")
                    List<Tuple2<PutScalingPolicyRequest, AlarmSpec>> stepList =
                            (List<Tuple2<PutScalingPolicyRequest, AlarmSpec>>) p[1];
                    List<PutScalingPolicyRequest> all = new ArrayList<>(ttList);
                    Map<String, AlarmSpec> alarms = new HashMap<>();
                    for (Tuple2<PutScalingPolicyRequest, AlarmSpec> s : stepList) {
                        all.add(s.first());
                        alarms.put(s.first().policyName(), s.second());
                    }
                    @SuppressWarnings("unchecked")
                    List<PutScheduledActionRequest> a = (List<PutScheduledActionRequest>) am[0];
                    return new Scenario(
                            (RegisterScalableTargetRequest) tc[0], all, alarms, a, (double[]) am[1], (Integer) tc[1]);
                });
    }

    private static <T> Gen<List<T>> sequence(List<Gen<T>> gens) {
        Gen<List<T>> out = Gen.constant(List.of());
        for (Gen<T> g : gens) {
            out = Gen.zip(out, g, (list, x) -> {
                List<T> next = new ArrayList<>(list);
                next.add(x);
                return List.copyOf(next);
            });
        }
        return out;
    }

    // ------------------------------------------------------------------ capacity within bounds

    @Test
    void capacityIsAlwaysWithinTheMinAndMaxInForce() {
        Property.forAll(scenarios(true)).tries(150).check(s -> {
            ScalingTimeline t = s.run();
            for (TimelineStep step : t.steps()) {
                assertThat(step.capacity())
                        .as("at %s", step.timestamp())
                        .isBetween(step.minCapacity(), step.maxCapacity());
            }
        });
    }

    // ------------------------------------------------------------------ cooldowns

    @Test
    void noPolicyActsDuringItsCooldownExceptAsDocumented() {
        Property.forAll(scenarios(true)).tries(150).check(s -> {
            ScalingTimeline t = s.run();
            Map<String, PutScalingPolicyRequest> byName = new HashMap<>();
            s.policies().forEach(p -> byName.put(p.policyName(), p));
            Map<String, Long> lastOut = new HashMap<>();
            Map<String, Integer> lastOutCapacity = new HashMap<>();
            Map<String, Long> lastIn = new HashMap<>();
            long lastAnyScaleOut = Long.MIN_VALUE;
            int capacity = s.initialCapacity();
            List<ScalingActivity> activities = t.activities();
            for (int i = 0; i < activities.size(); i++) {
                ScalingActivity a = activities.get(i);
                if (!a.description().startsWith("Setting desired count to ")) {
                    continue;
                }
                int next = Integer.parseInt(a.description().replaceAll("\\D", ""));
                long at = a.startTime().getEpochSecond();
                String cause = a.cause();
                int marker = cause.lastIndexOf(" triggered policy ");
                if (marker >= 0) {
                    String policy = cause.substring(marker + " triggered policy ".length());
                    PutScalingPolicyRequest p = byName.get(policy);
                    boolean targetTracking = PolicyType.TARGET_TRACKING_SCALING.equals(p.policyType());
                    long outCooldown = targetTracking
                            ? TargetTracking.scaleOutCooldown(p.targetTrackingScalingPolicyConfiguration())
                            : StepScaling.cooldown(p.stepScalingPolicyConfiguration());
                    long inCooldown = targetTracking
                            ? TargetTracking.scaleInCooldown(p.targetTrackingScalingPolicyConfiguration())
                            : StepScaling.cooldown(p.stepScalingPolicyConfiguration());
                    int max = t.step(t.activityStep(i)).maxCapacity();
                    if (next > capacity) {
                        Long previous = lastOut.get(policy);
                        if (previous != null && at < previous + outCooldown) {
                            // The documented exception: above what the policy last set (or as far as max allows).
                            assertThat(next)
                                    .as("%s scaled out at %s within its cooldown", policy, a.startTime())
                                    .satisfiesAnyOf(
                                            n -> assertThat(n).isGreaterThan(lastOutCapacity.get(policy)),
                                            n -> assertThat(n).isEqualTo(max));
                        }
                        lastOut.put(policy, at);
                        lastOutCapacity.put(policy, next);
                        lastAnyScaleOut = at;
                    } else {
                        Long previous = lastIn.get(policy);
                        if (previous != null && at < previous + inCooldown) {
                            // Only a scale-out since the last scale-in ends the scale-in cooldown early.
                            assertThat(lastAnyScaleOut)
                                    .as("%s scaled in at %s within its cooldown", policy, a.startTime())
                                    .isGreaterThan(previous);
                        }
                        lastIn.put(policy, at);
                    }
                }
                capacity = next;
            }
        });
    }

    // ------------------------------------------------------------------ at target

    @Test
    void aConstantMetricAtTheTargetNeverScales() {
        Gen<Object[]> g = Gen.zip(
                ScalingGen.scalableTargets().filter(t -> t.maxCapacity() >= 1),
                ScalingGen.targetTrackingPolicies("cpu"),
                Gen.integers(0, 50),
                (t, p, c) -> new Object[] {t, p, c});
        Property.forAll(g).tries(150).check(x -> {
            RegisterScalableTargetRequest target = (RegisterScalableTargetRequest) x[0];
            PutScalingPolicyRequest policy = (PutScalingPolicyRequest) x[1];
            int capacity = Math.max(Math.max(1, target.minCapacity()), Math.min((Integer) x[2], target.maxCapacity()));
            double value = policy.targetTrackingScalingPolicyConfiguration().targetValue();
            double[] metric = new double[MINUTES];
            java.util.Arrays.fill(metric, value);
            ScalingTimeline t = new Scenario(target, List.of(policy), Map.of(), List.of(), metric, capacity).run();
            assertThat(t.activities()).isEmpty();
        });
    }

    // ------------------------------------------------------------------ rising metric

    @Test
    void scaleOutNeverLagsWhenTheMetricOnlyRises() {
        Gen<Object[]> g = Gen.zip(
                        ScalingGen.scalableTargets().filter(t -> t.maxCapacity() >= 1),
                        ScalingGen.targetTrackingPolicies("cpu"),
                        Gen.integers(1, 20),
                        (t, p, c) -> new Object[] {t, p, c})
                .flatMap(x -> {
                    var config = ((PutScalingPolicyRequest) x[1]).targetTrackingScalingPolicyConfiguration();
                    double target = config.targetValue();
                    // From the low alarm's threshold (about 90 % of the target, so it never fires) upwards. The
                    // threshold is the alarm's own: target * 0.9 can be a hair below it (14.8 * 0.9 < 14.8 * 9 / 10).
                    AlarmSpec low = TargetTrackingAlarms.low("service/prod/web", "x", config);
                    double floor = low == null ? target * 0.9 : low.threshold();
                    return ScalingGen.risingValues(4 * 60, floor, target * 4)
                            .map(m -> new Object[] {x[0], x[1], x[2], m});
                });
        Property.forAll(g).tries(150).check(x -> {
            RegisterScalableTargetRequest target = (RegisterScalableTargetRequest) x[0];
            PutScalingPolicyRequest policy = (PutScalingPolicyRequest) x[1];
            int initial = Math.max(Math.max(1, target.minCapacity()), Math.min((Integer) x[2], target.maxCapacity()));
            double[] metric = (double[]) x[3];
            ScalingTimeline t = new Scenario(target, List.of(policy), Map.of(), List.of(), metric, initial).run();
            double targetValue =
                    policy.targetTrackingScalingPolicyConfiguration().targetValue();
            int max = target.maxCapacity();
            // (a) Capacity never goes down.
            for (int k = 1; k < t.size(); k++) {
                assertThat(t.capacity(k)).as("step %d", k).isGreaterThanOrEqualTo(t.capacity(k - 1));
            }
            // (b) From the first AlarmHigh on, capacity keeps up with the demand the metric shows.
            AlarmTransition first = t.alarmTransitions().stream()
                    .filter(a -> a.alarmName().contains("-AlarmHigh-") && a.to() == AlarmState.ALARM)
                    .findFirst()
                    .orElse(null);
            if (first == null) {
                return;
            }
            int k0 = (int) ((first.timestamp().getEpochSecond() - START.getEpochSecond()) / 60);
            int before = k0 == 0 ? initial : t.capacity(k0 - 1);
            for (int k = k0; k < t.size(); k++) {
                double latest = metric[k - 1];
                int demand =
                        Math.min(max, TargetTrackingFormula.PROPORTIONAL.desiredCapacity(before, latest, targetValue));
                assertThat(t.capacity(k))
                        .as("step %d, latest datapoint %s", k, latest)
                        .isGreaterThanOrEqualTo(demand);
            }
        });
    }

    // ------------------------------------------------------------------ cron against brute force

    /** Minutes the brute-force matcher searches for one run: fifteen days. */
    private static final int HORIZON_MINUTES = 15 * 24 * 60;

    /** Successive runs compared from each generated instant, so that chains cross offset changes. */
    private static final int RUNS = 6;

    @Test
    void cronNextFireTimesAgreeWithAMinuteByMinuteMatcher() {
        Gen<Object[]> g = ScalingGen.zones()
                .flatMap(zone -> Gen.zip(
                        ScalingGen.cronExpressions(), ScalingGen.instants(zone), (c, i) -> new Object[] {c, zone, i}));
        Property.forAll(g).tries(250).check(x -> {
            String expression = (String) x[0];
            ZoneId zone = (ZoneId) x[1];
            String fields = expression.substring(5, expression.length() - 1);
            CronExpression cron = CronExpression.parse(fields);
            ReferenceCron reference = new ReferenceCron(fields);
            Instant after = (Instant) x[2];
            for (int run = 0; run < RUNS && after != null; run++) {
                Instant fast = cron.next(after, zone);
                Instant brute = bruteForceNext(reference, zone, after, HORIZON_MINUTES);
                if (brute != null) {
                    assertThat(fast)
                            .as("%s in %s after %s", expression, zone, after)
                            .isEqualTo(brute);
                } else {
                    Instant horizon = after.plusSeconds(60L * HORIZON_MINUTES);
                    assertThat(fast == null || fast.isAfter(horizon))
                            .as("%s in %s after %s gave %s", expression, zone, after, fast)
                            .isTrue();
                    return;
                }
                after = fast;
            }
        });
    }

    /** The oracle itself, on dates whose answer is known from a calendar. */
    @Test
    void theReferenceCronReadsTheDocumentedForms() {
        assertThat(new ReferenceCron("0 8 ? * 6L *").matches(LocalDateTime.parse("2024-05-31T08:00")))
                .isTrue();
        assertThat(new ReferenceCron("0 8 ? * 6L *").matches(LocalDateTime.parse("2024-05-24T08:00")))
                .isFalse();
        assertThat(new ReferenceCron("0 0 15W * ? *").matches(LocalDateTime.parse("2024-06-14T00:00")))
                .isTrue(); // 15th: Saturday
        assertThat(new ReferenceCron("0 0 1W * ? *").matches(LocalDateTime.parse("2024-06-03T00:00")))
                .isTrue(); // 1st: Saturday
        assertThat(new ReferenceCron("0 0 1W * ? *").matches(LocalDateTime.parse("2024-09-02T00:00")))
                .isTrue(); // 1st: Sunday
        assertThat(new ReferenceCron("0 0 31W * ? *").matches(LocalDateTime.parse("2024-03-29T00:00")))
                .isTrue(); // 31st: Sunday
        assertThat(new ReferenceCron("0 0 LW * ? *").matches(LocalDateTime.parse("2024-08-30T00:00")))
                .isTrue();
        assertThat(new ReferenceCron("0 0 ? * 2#1 *").matches(LocalDateTime.parse("2024-07-01T00:00")))
                .isTrue();
        assertThat(new ReferenceCron("0 0 ? * 2#1 *").matches(LocalDateTime.parse("2024-07-08T00:00")))
                .isFalse();
        assertThat(new ReferenceCron("0 22-2 * * ? *").matches(LocalDateTime.parse("2024-07-08T01:00")))
                .isTrue();
        assertThat(new ReferenceCron("0 22-2 * * ? *").matches(LocalDateTime.parse("2024-07-08T03:00")))
                .isFalse();
        assertThat(new ReferenceCron("*/15 * * OCT-MAR ? 2024").matches(LocalDateTime.parse("2024-01-05T10:45")))
                .isTrue();
        assertThat(new ReferenceCron("*/15 * * OCT-MAR ? 2024").matches(LocalDateTime.parse("2024-04-05T10:45")))
                .isFalse();
        assertThat(new ReferenceCron("10/20 * ? * FRI-MON *").matches(LocalDateTime.parse("2024-07-07T00:50")))
                .isTrue(); // Sunday
        assertThat(new ReferenceCron("10/20 * ? * FRI-MON *").matches(LocalDateTime.parse("2024-07-09T00:50")))
                .isFalse(); // Tuesday
    }

    /**
     * CronExpression's own matchers agree with the reference on any minute and, day by day over a year
     * and more, on which dates the expression names (where L, W and # live).
     */
    @Test
    void cronMatchesAgreesWithTheReferenceOnEveryMinuteAndDay() {
        Gen<Object[]> g = Gen.zip(ScalingGen.cronExpressions(), Gen.longs(0, 60L * 24 * 365 * 80), (c, m) ->
                new Object[] {c, LocalDateTime.of(1990, 1, 1, 0, 0).plusMinutes(m)});
        Property.forAll(g).tries(1000).check(x -> {
            String expression = (String) x[0];
            String fields = expression.substring(5, expression.length() - 1);
            CronExpression cron = CronExpression.parse(fields);
            ReferenceCron reference = new ReferenceCron(fields);
            LocalDateTime t = (LocalDateTime) x[1];
            assertThat(cron.matches(t)).as("%s at %s", expression, t).isEqualTo(reference.matches(t));
            for (int day = 0; day < 400; day++) {
                LocalDate d = t.toLocalDate().plusDays(day);
                assertThat(cron.matchesDate(d)).as("%s on %s", expression, d).isEqualTo(reference.matchesDate(d));
            }
        });
    }

    /**
     * The first instant after {@code after}, minute by minute, at which some wall-clock minute the
     * expression names happens in {@code zone}: the wall-clock minute of the instant itself when that
     * is its first occurrence, or a minute a spring-forward gap skipped, which runs as many minutes
     * later as the gap is long (the rule {@link CronExpression} documents).
     */
    static Instant bruteForceNext(ReferenceCron cron, ZoneId zone, Instant after, int horizonMinutes) {
        ZoneRules rules = zone.getRules();
        long first = Math.floorDiv(after.getEpochSecond(), 60) * 60 + 60;
        for (int i = 0; i < horizonMinutes; i++) {
            Instant t = Instant.ofEpochSecond(first + 60L * i);
            LocalDateTime local = LocalDateTime.ofInstant(t, zone);
            // Its own wall-clock minute, unless that minute already happened at an earlier offset.
            boolean firstOccurrence = rules.getValidOffsets(local).size() < 2
                    || rules.getValidOffsets(local).get(0).equals(rules.getOffset(t));
            if (firstOccurrence && cron.matches(local)) {
                return t;
            }
            // A minute skipped by the last change, if it was a gap, now run shifted by the gap.
            ZoneOffsetTransition last = rules.previousTransition(t.plusSeconds(1));
            if (last != null && last.isGap()) {
                LocalDateTime skipped = local.minus(last.getDuration());
                if (!skipped.isBefore(last.getDateTimeBefore())
                        && skipped.isBefore(last.getDateTimeAfter())
                        && cron.matches(skipped)) {
                    return t;
                }
            }
        }
        return null;
    }
}
