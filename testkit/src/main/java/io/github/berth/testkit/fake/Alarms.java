package io.github.berth.testkit.fake;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fake CloudWatch alarms, by name, that a test sets: what a service's deployment alarms
 * ({@code deploymentConfiguration.alarms}) read. An alarm never set is {@code INSUFFICIENT_DATA}.
 *
 * <pre>{@code
 * ecs.alarms().set("web-5xx", "ALARM");   // a deployment watching web-5xx fails now
 * ecs.alarms().evaluation("web-5xx", 60, 3); // Period 60 s, EvaluationPeriods 3: a 3-minute bake time
 * }</pre>
 *
 * <p>An alarm's evaluation time (Period × EvaluationPeriods) sets the bake time of a rolling
 * deployment watching it (docs/scheduler.md#deployment-alarm-bake-time).
 */
public final class Alarms {

    /** [doc] CloudWatch's alarm states (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html). */
    private static final Set<String> STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");

    private final Engine engine;
    /** Alarm state by alarm name. */
    final Map<String, String> states = new LinkedHashMap<>();
    /** Evaluation time in seconds (Period × EvaluationPeriods) by alarm name, for those a test configured. */
    final Map<String, Long> evaluationSeconds = new LinkedHashMap<>();
    /** Told when an alarm changes state (the service scheduler). */
    Runnable listener = () -> {};

    Alarms(Engine engine) {
        this.engine = engine;
        // The states and evaluation times go into snapshots with the rest of the state.
        engine.stateParts.put(
                "alarms", Snapshots.StatePart.entriesOf(states, new TypeReference<LinkedHashMap<String, String>>() {}));
        engine.stateParts.put(
                "alarmEvaluations",
                Snapshots.StatePart.entriesOf(evaluationSeconds, new TypeReference<LinkedHashMap<String, Long>>() {}));
    }

    /** Sets an alarm's state: {@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}. */
    public Alarms set(String alarmName, String state) {
        Objects.requireNonNull(alarmName, "alarmName");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("state must be OK, ALARM or INSUFFICIENT_DATA: " + state);
        }
        synchronized (engine) {
            String before = states.put(alarmName, state);
            if (!state.equals(before)) {
                listener.run();
            }
        }
        return this;
    }

    /** The alarm's state; {@code INSUFFICIENT_DATA} for an alarm never set. */
    public String state(String alarmName) {
        synchronized (engine) {
            return states.getOrDefault(alarmName, "INSUFFICIENT_DATA");
        }
    }

    /**
     * Sets an alarm's evaluation configuration, as PutMetricAlarm's {@code Period} (seconds: 10, 20,
     * 30 or a multiple of 60) and {@code EvaluationPeriods} (at least 1) give it. An alarm never
     * configured counts as one period of 60 seconds.
     */
    public Alarms evaluation(String alarmName, int periodSeconds, int evaluationPeriods) {
        Objects.requireNonNull(alarmName, "alarmName");
        // [doc] PutMetricAlarm's valid periods and evaluation periods
        // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
        if (periodSeconds <= 0 || (periodSeconds > 30 || periodSeconds % 10 != 0) && periodSeconds % 60 != 0) {
            throw new IllegalArgumentException("Period must be 10, 20, 30 or a multiple of 60: " + periodSeconds);
        }
        if (evaluationPeriods < 1) {
            throw new IllegalArgumentException("EvaluationPeriods must be at least 1: " + evaluationPeriods);
        }
        synchronized (engine) {
            evaluationSeconds.put(alarmName, (long) periodSeconds * evaluationPeriods);
        }
        return this;
    }

    /**
     * The bake time of a rolling deployment watching these alarms: the longest evaluation time
     * (Period × EvaluationPeriods) among them (docs/scheduler.md#deployment-alarm-bake-time).
     *
     * <p>[doc] ECS computes the bake time from the configuration of the deployment's alarms and it
     * cannot be set (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html);
     * [unsure] how: the longest evaluation time of the alarms, as the Copilot team relayed from the
     * ECS deployments team (https://github.com/aws/copilot-cli/pull/4294). [model] An alarm the test
     * never configured counts as one period of 60 seconds.
     */
    Duration bakeTime(List<String> alarmNames) {
        long longest = 0;
        for (String name : alarmNames) {
            longest = Math.max(longest, evaluationSeconds.getOrDefault(name, DEFAULT_EVALUATION_SECONDS));
        }
        return Duration.ofSeconds(longest);
    }

    /** [model] The evaluation time of an alarm whose configuration the test never gave: one period of 60 s. */
    static final long DEFAULT_EVALUATION_SECONDS = 60;

    boolean inAlarm(String alarmName) {
        return "ALARM".equals(states.get(alarmName));
    }
}
