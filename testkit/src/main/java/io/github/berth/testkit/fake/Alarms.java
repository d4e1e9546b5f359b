package io.github.berth.testkit.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fake CloudWatch alarms, by name, that a test sets: what a service's deployment alarms
 * ({@code deploymentConfiguration.alarms}) read. An alarm never set is {@code INSUFFICIENT_DATA}.
 *
 * <pre>{@code
 * ecs.alarms().set("web-5xx", "ALARM");   // a deployment watching web-5xx fails now
 * }</pre>
 */
public final class Alarms {

  /** [doc] CloudWatch's alarm states (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricAlarm.html). */
  private static final Set<String> STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");

  private final Engine engine;
  /** Alarm state by alarm name. */
  final Map<String, String> states = new LinkedHashMap<>();
  /** Told when an alarm changes state (the service scheduler). */
  Runnable listener = () -> {};

  Alarms(Engine engine) {
    this.engine = engine;
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

  boolean inAlarm(String alarmName) {
    return "ALARM".equals(states.get(alarmName));
  }
}
