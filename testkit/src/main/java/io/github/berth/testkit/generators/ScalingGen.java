package io.github.berth.testkit.generators;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.ComparisonOperator;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.alarm.TreatMissingData;
import io.github.berth.scaling.model.AdjustmentType;
import io.github.berth.scaling.model.MetricAggregationType;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.StepAdjustment;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Tuple2;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators for Application Auto Scaling: metric series, scalable targets, target tracking and
 * step scaling policies (with the alarm a step policy needs), scheduled actions, AWS cron
 * expressions using every feature ({@code , - * / ? L W #}, names, wrap-around ranges), IANA zones
 * chosen for their daylight-saving oddities, and instants that often fall near an offset change.
 * Every value is valid as Application Auto Scaling judges it; the simplest value of each is a
 * plain one (UTC, {@code cron(0 * * * ? *)}, a flat metric).
 */
public final class ScalingGen {

    /** The ECS service every generated request is for. */
    public static final String RESOURCE_ID = "service/prod/web";

    private ScalingGen() {}

    // ------------------------------------------------------------------ time

    /**
     * IANA zones: UTC first, then zones with ordinary DST in both hemispheres, half-hour and
     * 45-minute offsets, a 30-minute DST (Lord Howe), changes at midnight (Havana, Santiago,
     * Asuncion), a skipped day (Apia, 2011), a DST suspended for Ramadan (Casablanca), POSIX-signed
     * {@code Etc} zones.
     */
    public static Gen<ZoneId> zones() {
        return Gen.elements(
                        "UTC",
                        "America/New_York",
                        "Europe/London",
                        "Europe/Paris",
                        "Australia/Sydney",
                        "Australia/Lord_Howe",
                        "America/Havana",
                        "America/Santiago",
                        "America/Asuncion",
                        "Pacific/Apia",
                        "Africa/Casablanca",
                        "Asia/Kolkata",
                        "Asia/Kathmandu",
                        "America/St_Johns",
                        "Asia/Tehran",
                        "Etc/GMT+9",
                        "Pacific/Chatham")
                .map(ZoneId::of);
    }

    /**
     * Instants between 2000 and 2040 at a whole second, two in three of them in the 30 hours before
     * one of {@code zone}'s offset changes (or just after it), where next-fire-time arithmetic goes
     * wrong.
     */
    public static Gen<Instant> instants(ZoneId zone) {
        long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
        Gen<Instant> anywhere = Gen.longs(0, to - from).map(s -> Instant.ofEpochSecond(from + s));
        List<Instant> changes = transitions(zone, from, to);
        if (changes.isEmpty()) {
            return anywhere;
        }
        Gen<Instant> nearChange =
                Gen.zip(Gen.elements(changes), Gen.longs(-30 * 3600, 2 * 3600), (t, d) -> t.plusSeconds(d));
        return Gen.frequency(Gen.weighted(1, anywhere), Gen.weighted(2, nearChange));
    }

    private static List<Instant> transitions(ZoneId zone, long from, long to) {
        List<Instant> out = new ArrayList<>();
        ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.ofEpochSecond(from));
        while (t != null && t.getInstant().getEpochSecond() < to) {
            out.add(t.getInstant());
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return out;
    }

    // ------------------------------------------------------------------ cron

    /**
     * Valid six-field AWS cron expressions, as the API writes them: {@code cron(0 9 ? * MON-FRI *)}.
     * Exactly one day field is {@code ?}; most expressions fire at least daily so that a search of a
     * few weeks finds their next run, some are sparse (a month, a year, a last weekday).
     */
    public static Gen<String> cronExpressions() {
        Gen<String> minutes =
                field(0, 59, null, true, List.of(Gen.constant("0"), Gen.constant("*/15"), Gen.constant("30")));
        Gen<String> hours =
                field(0, 23, null, true, List.of(Gen.constant("*"), Gen.constant("2"), Gen.constant("22-2")));
        Gen<String> months = Gen.frequency(
                Gen.weighted(6, Gen.constant("*")),
                Gen.weighted(2, field(1, 12, MONTHS, true, List.of())),
                Gen.weighted(1, Gen.elements("JAN-JUN", "MAR,NOV", "OCT-MAR", "*/3")));
        Gen<String> years = Gen.frequency(
                Gen.weighted(8, Gen.constant("*")),
                Gen.weighted(1, Gen.integers(2000, 2040).map(String::valueOf)),
                Gen.weighted(1, Gen.zip(Gen.integers(2000, 2040), Gen.integers(0, 30), (y, n) -> y + "-" + (y + n))));
        Gen<String> dayOfMonth = Gen.frequency(
                Gen.weighted(4, Gen.constant("*")),
                Gen.weighted(2, field(1, 31, null, true, List.of())),
                Gen.weighted(1, Gen.elements("L", "LW", "1W", "15W", "31W", "1-7", "28-31", "*/2", "10/5")));
        Gen<String> dayOfWeek = Gen.frequency(
                Gen.weighted(4, Gen.constant("*")),
                Gen.weighted(2, field(1, 7, DAYS, false, List.of())),
                Gen.weighted(1, Gen.elements("MON-FRI", "SAT,SUN", "FRI-MON", "L", "6L", "2#1", "1#5", "3#2", "sun")));
        Gen<String[]> days =
                Gen.oneOf(dayOfMonth.map(d -> new String[] {d, "?"}), dayOfWeek.map(w -> new String[] {"?", w}));
        return Gen.zip(
                Gen.zip(minutes, hours, (m, h) -> m + " " + h),
                days,
                Gen.zip(months, years, (mo, y) -> mo + " " + y),
                (mh, d, my) -> {
                    String[] parts = my.split(" ");
                    return "cron(" + mh + " " + d[0] + " " + parts[0] + " " + d[1] + " " + parts[1] + ")";
                });
    }

    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    /** A cron field over [min, max]: a value, a list, a range (wrapping too), an increment, a name. */
    private static Gen<String> field(
            int min, int max, String @Nullable [] names, boolean increments, List<Gen<String>> extra) {
        Gen<Integer> v = Gen.integers(min, max);
        Gen<String> value =
                names == null ? v.map(String::valueOf) : Gen.oneOf(v.map(String::valueOf), v.map(i -> names[i - min]));
        List<Gen<? extends String>> forms = new ArrayList<>();
        forms.add(value);
        forms.add(Gen.lists(v, 2, 4)
                .map(l -> String.join(",", l.stream().map(String::valueOf).toList())));
        forms.add(Gen.zip(v, v, (a, b) -> a + "-" + b));
        if (increments) {
            forms.add(Gen.zip(v, Gen.integers(1, Math.max(1, (max - min) / 2)), (a, s) -> a + "/" + s));
            forms.add(Gen.integers(1, Math.max(1, (max - min) / 2)).map(s -> "*/" + s));
            forms.add(Gen.zip(Gen.zip(v, v, (a, b) -> a + "-" + b), Gen.integers(1, 5), (r, s) -> r + "/" + s));
        }
        forms.addAll(extra);
        return Gen.oneOf(forms);
    }

    // ------------------------------------------------------------------ metrics

    /**
     * Minute samples of a utilization-like metric, {@code minutes} long: flat, a random walk, a daily
     * wave, spikes, and now and then a few missing minutes.
     */
    public static Gen<double[]> metricValues(int minutes) {
        Gen<double[]> flat = Gen.doubles(0, 100).map(x -> fill(minutes, i -> x));
        Gen<double[]> walk = Gen.zip(Gen.doubles(5, 95), Gen.longs(0, Long.MAX_VALUE), (x0, seed) -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            double[] d = new double[minutes];
            double x = x0;
            for (int i = 0; i < minutes; i++) {
                x = Math.max(0, Math.min(150, x + r.nextDouble(-6, 6)));
                d[i] = Math.round(x * 10) / 10.0;
            }
            return d;
        });
        Gen<double[]> wave = Gen.zip(
                Gen.doubles(20, 60),
                Gen.doubles(5, 50),
                Gen.integers(30, 720),
                (mid, amp, period) -> fill(minutes, i -> Math.max(0, mid + amp * Math.sin(2 * Math.PI * i / period))));
        Gen<double[]> spikes = Gen.zip(Gen.doubles(10, 50), Gen.longs(0, Long.MAX_VALUE), (base, seed) -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            return fill(minutes, i -> r.nextInt(60) == 0 ? base + 80 : base);
        });
        Gen<double[]> values = Gen.oneOf(flat, walk, wave, spikes);
        Gen<double[]> gaps = Gen.zip(values, Gen.longs(0, Long.MAX_VALUE), (d, seed) -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            double[] out = d.clone();
            for (int i = 0; i < out.length; i++) {
                if (r.nextInt(40) == 0) {
                    int n = 1 + r.nextInt(20);
                    for (int k = i; k < Math.min(out.length, i + n); k++) {
                        out[k] = Double.NaN;
                    }
                }
            }
            return out;
        });
        return Gen.frequency(Gen.weighted(4, values), Gen.weighted(1, gaps));
    }

    /** A non-decreasing metric from {@code low} to at most {@code high}, {@code minutes} long. */
    public static Gen<double[]> risingValues(int minutes, double low, double high) {
        return Gen.zip(Gen.doubles(low, high), Gen.longs(0, Long.MAX_VALUE), (x0, seed) -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
            double[] d = new double[minutes];
            double x = x0;
            for (int i = 0; i < minutes; i++) {
                x = Math.min(high, x + (r.nextInt(4) == 0 ? r.nextDouble(0, 5) : 0));
                d[i] = x;
            }
            return d;
        });
    }

    /** One sample a minute from {@code start}; NaN values are missing minutes. */
    public static MetricSeries series(Instant start, double[] values) {
        List<Instant> t = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                t.add(start.plusSeconds(60L * i));
                v.add(values[i]);
            }
        }
        return MetricSeries.of(t, v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double[] fill(int n, java.util.function.IntToDoubleFunction f) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = f.applyAsDouble(i);
        }
        return d;
    }

    // ------------------------------------------------------------------ requests

    /** RegisterScalableTarget requests for {@link #RESOURCE_ID}: MinCapacity 0-5, MaxCapacity up to 50. */
    public static Gen<RegisterScalableTargetRequest> scalableTargets() {
        return Gen.zip(
                Gen.integers(0, 5),
                Gen.integers(0, 45),
                (min, extra) -> RegisterScalableTargetRequest.builder()
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(RESOURCE_ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(min)
                        .maxCapacity(min + extra)
                        .build());
    }

    private static PutScalingPolicyRequest.Builder policy(String name) {
        return PutScalingPolicyRequest.builder()
                .policyName(name)
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE_ID)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT);
    }

    /**
     * Target tracking policies on ECS CPU: TargetValue 10.0-90.0 (tenths, so that capacity x target /
     * target is not always exact in binary floating point), cooldowns absent (300 s) or 0-900 s,
     * DisableScaleIn now and then.
     */
    public static Gen<PutScalingPolicyRequest> targetTrackingPolicies(String name) {
        Gen<Integer> cooldown = Gen.elements(300, 0, 60, 120, 600, 900).orNull(0.3);
        return Gen.zip(
                Gen.zip(Gen.integers(100, 900), Gen.booleans(), (t, d) -> new Object[] {t, d}),
                cooldown,
                cooldown,
                (td, out, in) -> policy(name)
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                .targetValue((int) td[0] / 10.0)
                                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                        .build())
                                .scaleOutCooldown(out)
                                .scaleInCooldown(in)
                                .disableScaleIn((boolean) td[1] ? Boolean.TRUE : null)
                                .build())
                        .build());
    }

    /**
     * Step scaling policies, each with the CloudWatch alarm that triggers it: scale-out policies on
     * an upper alarm (steps from the threshold up to infinity) or scale-in policies on a lower alarm
     * (steps from minus infinity up to the threshold), with any adjustment type.
     */
    public static Gen<Tuple2<PutScalingPolicyRequest, AlarmSpec>> stepPolicies(String name) {
        Gen<List<Integer>> widths = Gen.lists(Gen.integers(1, 30), 0, 3);
        Gen<AdjustmentType> type = Gen.elements(
                AdjustmentType.CHANGE_IN_CAPACITY,
                AdjustmentType.PERCENT_CHANGE_IN_CAPACITY,
                AdjustmentType.EXACT_CAPACITY);
        Gen<Integer> evaluationPeriods = Gen.integers(1, 5);
        Gen<Object[]> shape = Gen.zip(
                Gen.zip(widths, type, (w, t) -> new Object[] {w, t}),
                Gen.booleans(),
                evaluationPeriods,
                (wt, upper, n) -> new Object[] {wt[0], wt[1], upper, n});
        return Gen.zip(
                shape,
                Gen.integers(10, 90),
                Gen.zip(Gen.integers(1, 5), Gen.integers(0, 900), (a, c) -> new int[] {a, c}),
                (s, threshold, ac) -> {
                    @SuppressWarnings("unchecked")
                    List<Integer> w = (List<Integer>) s[0];
                    AdjustmentType t = (AdjustmentType) s[1];
                    boolean upper = (Boolean) s[2];
                    int n = (Integer) s[3];
                    List<StepAdjustment> steps = new ArrayList<>();
                    double bound = 0;
                    int magnitude = ac[0];
                    for (int i = 0; i <= w.size(); i++) {
                        Double next = i < w.size() ? bound + w.get(i) : null;
                        int adjustment = adjustment(t, upper, i, magnitude);
                        steps.add(
                                upper
                                        ? StepAdjustment.builder()
                                                .metricIntervalLowerBound(bound)
                                                .metricIntervalUpperBound(next)
                                                .scalingAdjustment(adjustment)
                                                .build()
                                        : StepAdjustment.builder()
                                                .metricIntervalUpperBound(bound == 0 ? 0.0 : -bound)
                                                .metricIntervalLowerBound(next == null ? null : -next)
                                                .scalingAdjustment(adjustment)
                                                .build());
                        if (next != null) {
                            bound = next;
                        }
                    }
                    PutScalingPolicyRequest p = policy(name)
                            .policyType(PolicyType.STEP_SCALING)
                            .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                                    .adjustmentType(t)
                                    .stepAdjustments(steps)
                                    .cooldown(ac[1])
                                    .minAdjustmentMagnitude(
                                            t == AdjustmentType.PERCENT_CHANGE_IN_CAPACITY ? magnitude : null)
                                    .metricAggregationType(n % 3 == 0 ? MetricAggregationType.MAXIMUM : null)
                                    .build())
                            .build();
                    AlarmSpec alarm = new AlarmSpec(
                            name + "-alarm",
                            Statistic.AVERAGE,
                            60,
                            n,
                            Math.max(1, n - 1),
                            upper
                                    ? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD
                                    : ComparisonOperator.LESS_THAN_THRESHOLD,
                            threshold,
                            n % 2 == 0 ? TreatMissingData.MISSING : TreatMissingData.NOT_BREACHING);
                    return new Tuple2<>(p, alarm);
                });
    }

    private static int adjustment(AdjustmentType t, boolean upper, int step, int size) {
        if (t == AdjustmentType.EXACT_CAPACITY) {
            return upper ? 5 + step * size : Math.max(0, 3 - step);
        }
        int magnitude = t == AdjustmentType.PERCENT_CHANGE_IN_CAPACITY ? 10 * (step + 1) * size : (step + 1) * size;
        return upper ? magnitude : -magnitude;
    }

    /**
     * Scheduled actions put at {@code createdAt}: a cron in a generated zone, a rate, or an at()
     * within a day, setting MinCapacity, MaxCapacity or both (never min above max).
     */
    public static Gen<PutScheduledActionRequest> scheduledActions(String name, Instant createdAt) {
        Gen<String[]> schedule = Gen.oneOf(
                Gen.zip(cronExpressions(), zones(), (c, z) -> new String[] {c, z.getId()}),
                Gen.elements("rate(1 hour)", "rate(30 minutes)", "rate(1 day)", "rate(90 minutes)")
                        .map(r -> new String[] {r, null}),
                Gen.integers(0, 24 * 60).map(m -> new String[] {
                    "at("
                            + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                                    LocalDateTime.ofInstant(createdAt.plusSeconds(60L * m), ZoneOffset.UTC))
                            + ")",
                    null
                }));
        Gen<ScalableTargetAction> bounds = Gen.zip(
                Gen.integers(0, 10).orNull(0.3),
                Gen.integers(0, 30),
                (min, extra) -> min == null
                        ? ScalableTargetAction.builder().maxCapacity(extra).build()
                        : ScalableTargetAction.builder()
                                .minCapacity(min)
                                .maxCapacity(extra % 3 == 0 ? null : min + extra)
                                .build());
        return Gen.zip(
                schedule,
                bounds,
                (s, b) -> PutScheduledActionRequest.builder()
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(RESOURCE_ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .scheduledActionName(name)
                        .schedule(s[0])
                        .timezone(s[1])
                        .scalableTargetAction(b)
                        .build());
    }
}
