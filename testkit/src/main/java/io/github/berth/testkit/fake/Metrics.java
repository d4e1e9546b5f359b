package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.Statistic;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The load the fake's services are under, as the metrics Application Auto Scaling reads: per
 * service, CPU and memory utilization (AWS/ECS {@code CPUUtilization}, {@code MemoryUtilization},
 * what {@code ECSServiceAverageCPUUtilization} and {@code ECSServiceAverageMemoryUtilization}
 * track) as a function of time and of the service's running count, or a recorded
 * {@link MetricSeries}; and a request rate, which the fake divides by the running count for
 * {@code ALBRequestCountPerTarget}. The fake samples each model once a minute, at the minute tick
 * (docs/scheduler.md#auto-scaling). Models are callbacks: a snapshot does not keep them.
 */
public final class Metrics {

    /** A service's utilization in percent at {@code time} when {@code runningCount} tasks run. */
    @FunctionalInterface
    public interface Utilization {
        double percent(Instant time, int runningCount);
    }

    /** The requests a service's load balancer receives per minute at {@code time}, over all its targets. */
    @FunctionalInterface
    public interface RequestRate {
        double requestsPerMinute(Instant time);
    }

    private final Engine engine;
    private final Map<String, Utilization> cpu = new LinkedHashMap<>();
    private final Map<String, Utilization> memory = new LinkedHashMap<>();
    private final Map<String, RequestRate> requests = new LinkedHashMap<>();

    Metrics(Engine engine) {
        this.engine = engine;
    }

    /**
     * A demand of {@code taskPercents} (percent of one task's reservation, e.g. 300 = three tasks
     * fully busy) shared by the running tasks: {@code min(100, taskPercents / runningCount)}, so that
     * target tracking can be seen to settle. [model]
     */
    public static Utilization demand(double taskPercents) {
        return (time, running) -> running <= 0 ? Double.NaN : Math.min(100.0, taskPercents / running);
    }

    /** The service's CPU utilization from now on. */
    public Metrics cpu(String cluster, String service, Utilization model) {
        return put(cpu, cluster, service, model);
    }

    /** The service's memory utilization from now on. */
    public Metrics memory(String cluster, String service, Utilization model) {
        return put(memory, cluster, service, model);
    }

    /** The service's CPU utilization as recorded: each minute's average of the series' samples. */
    public Metrics cpu(String cluster, String service, MetricSeries recorded) {
        return put(cpu, cluster, service, recorded(recorded));
    }

    /** The service's memory utilization as recorded: each minute's average of the series' samples. */
    public Metrics memory(String cluster, String service, MetricSeries recorded) {
        return put(memory, cluster, service, recorded(recorded));
    }

    /** The requests per minute the service's load balancer receives. */
    public Metrics requests(String cluster, String service, RequestRate model) {
        Objects.requireNonNull(model, "model");
        synchronized (engine) {
            requests.put(key(cluster, service), model);
        }
        return this;
    }

    private static Utilization recorded(MetricSeries series) {
        Objects.requireNonNull(series, "recorded");
        return (time, running) -> {
            long s = time.getEpochSecond();
            return series.aggregate(s, s + 60, Statistic.AVERAGE);
        };
    }

    private Metrics put(Map<String, Utilization> into, String cluster, String service, Utilization model) {
        Objects.requireNonNull(model, "model");
        synchronized (engine) {
            into.put(key(cluster, service), model);
        }
        return this;
    }

    private static String key(String cluster, String service) {
        return Objects.requireNonNull(cluster, "cluster") + "/" + Objects.requireNonNull(service, "service");
    }

    /** The minute's CPU sample, or null when the service has no model (or it gives no number). */
    @Nullable
    Double cpu(String cluster, String service, Instant time, int running) {
        return sample(cpu.get(key(cluster, service)), time, running);
    }

    @Nullable
    Double memory(String cluster, String service, Instant time, int running) {
        return sample(memory.get(key(cluster, service)), time, running);
    }

    /** The minute's requests per running task, or null without a model or with no task running. */
    @Nullable
    Double requestsPerTarget(String cluster, String service, Instant time, int running) {
        RequestRate r = requests.get(key(cluster, service));
        if (r == null || running <= 0) {
            return null;
        }
        double v = r.requestsPerMinute(time) / running;
        return Double.isFinite(v) ? v : null;
    }

    /** The minute's requests over all the service's targets, or null without a model. */
    @Nullable
    Double requests(String cluster, String service, Instant time) {
        RequestRate r = requests.get(key(cluster, service));
        if (r == null) {
            return null;
        }
        double v = r.requestsPerMinute(time);
        return Double.isFinite(v) ? v : null;
    }

    private static @Nullable Double sample(@Nullable Utilization u, Instant time, int running) {
        if (u == null) {
            return null;
        }
        double v = u.percent(time, running);
        return Double.isFinite(v) ? v : null;
    }
}
