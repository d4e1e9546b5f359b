package io.github.berth.benchmarks;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.ScalingSimulator;
import io.github.berth.scaling.ScalingTimeline;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.ComparisonOperator;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.Statistic;
import io.github.berth.scaling.model.AdjustmentType;
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
import io.github.berth.scaling.schedule.CronExpression;
import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scaling simulator over one week of one-minute datapoints (10,080) through two target
 * tracking policies (CPU and memory), one step policy and three scheduled actions; reported per
 * datapoint (target: at least 10 million datapoints per second). And the cost of one cron
 * next-fire-time in a zone with daylight saving.
 *
 * <pre>
 * mvn -q -B -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar ScalingBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScalingBenchmark {

    /** One week of one-minute datapoints. */
    public static final int DATAPOINTS = 7 * 24 * 60;

    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    private static final String RESOURCE = "service/prod/web";

    private ScalingSimulator week;
    private CronExpression cron;
    private ZoneId zone;
    private Instant[] instants;
    private int next;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        long[] times = new long[DATAPOINTS];
        double[] cpu = new double[DATAPOINTS];
        double[] memory = new double[DATAPOINTS];
        for (int i = 0; i < DATAPOINTS; i++) {
            times[i] = START.getEpochSecond() + 60L * i;
            double day = Math.sin(2 * Math.PI * (i % 1440) / 1440.0 - Math.PI / 2); // a daily wave, low at night
            cpu[i] = Math.max(1, 45 + 35 * day + random.nextDouble(-8, 8) + (random.nextInt(500) == 0 ? 50 : 0));
            memory[i] = Math.max(1, 55 + 15 * day + random.nextDouble(-3, 3));
        }
        MetricSeries cpuSeries = MetricSeries.ofEpochSeconds(times, cpu);
        MetricSeries memorySeries = MetricSeries.ofEpochSeconds(times, memory);

        week = ScalingSimulator.builder()
                .target(RegisterScalableTargetRequest.builder()
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(RESOURCE)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(2)
                        .maxCapacity(60)
                        .build())
                .addPolicy(targetTracking("cpu50", MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION, 50))
                .addPolicy(targetTracking("memory60", MetricType.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION, 60))
                .addPolicy(policy("burst")
                        .policyType(PolicyType.STEP_SCALING)
                        .stepScalingPolicyConfiguration(StepScalingPolicyConfiguration.builder()
                                .adjustmentType(AdjustmentType.PERCENT_CHANGE_IN_CAPACITY)
                                .minAdjustmentMagnitude(2)
                                .cooldown(120)
                                .addStepAdjustments(StepAdjustment.builder()
                                        .metricIntervalLowerBound(0.0)
                                        .metricIntervalUpperBound(10.0)
                                        .scalingAdjustment(20)
                                        .build())
                                .addStepAdjustments(StepAdjustment.builder()
                                        .metricIntervalLowerBound(10.0)
                                        .scalingAdjustment(50)
                                        .build())
                                .build())
                        .build())
                .alarm(
                        "burst",
                        AlarmSpec.of(
                                "web-cpu-burst",
                                Statistic.MAXIMUM,
                                60,
                                2,
                                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                                85))
                .addScheduledAction(scheduled("weekday-morning", "cron(0 8 ? * MON-FRI *)", 6, null))
                .addScheduledAction(scheduled("weekday-evening", "cron(0 20 ? * MON-FRI *)", 2, null))
                .addScheduledAction(scheduled("weekend-cap", "cron(0 0 ? * SAT *)", null, 30))
                .metric(cpuSeries)
                .metric("memory60", memorySeries)
                .start(START)
                .end(START.plusSeconds(60L * (DATAPOINTS - 1)))
                .build();
        if (week.steps() != DATAPOINTS) {
            throw new IllegalStateException("expected " + DATAPOINTS + " steps, got " + week.steps());
        }

        cron = CronExpression.parse("0/15 9-17 ? * MON-FRI *");
        zone = ZoneId.of("America/New_York");
        instants = new Instant[1024];
        for (int i = 0; i < instants.length; i++) {
            // Spread over a year, so that DST changes and weekends are among them.
            instants[i] = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextLong(366L * 86_400));
        }
    }

    private static PutScalingPolicyRequest.Builder policy(String name) {
        return PutScalingPolicyRequest.builder()
                .policyName(name)
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT);
    }

    private static PutScalingPolicyRequest targetTracking(String name, MetricType metric, double target) {
        return policy(name)
                .policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                        .targetValue(target)
                        .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                .predefinedMetricType(metric)
                                .build())
                        .build())
                .build();
    }

    private static PutScheduledActionRequest scheduled(
            String name, String schedule, @Nullable Integer min, @Nullable Integer max) {
        return PutScheduledActionRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .resourceId(RESOURCE)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .scheduledActionName(name)
                .schedule(schedule)
                .timezone("Europe/Paris")
                .scalableTargetAction(ScalableTargetAction.builder()
                        .minCapacity(min)
                        .maxCapacity(max)
                        .build())
                .build();
    }

    /** A week of datapoints through all the policies; the score is datapoints per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(DATAPOINTS)
    public ScalingTimeline simulateWeek() {
        return week.run();
    }

    /** One next-fire-time of a weekday, every-15-minutes cron in New York. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public @Nullable Instant cronNextFireTime() {
        Instant after = instants[next++ & (instants.length - 1)];
        return cron.next(after, zone);
    }
}
