package io.github.berth.testkit.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The fake's time. It moves only when the test moves it: {@link #advance(Duration)} and {@link
 * #advanceTo(Instant)} run, in time order, every timer of the fake that falls due on the way
 * (tasks starting and stopping, health checks, the service scheduler, auto scaling...), each at
 * its own instant, so that a test sees exactly what ECS would have done over that time.
 *
 * <p>Every timestamp in every answer of the fake comes from this clock. Timers are kept in one
 * queue ordered by due time (then by the order they were set), so moving over an hour in which
 * nothing is due costs nothing per task.
 */
public final class FakeClock {

  private final Engine engine;

  FakeClock(Engine engine) {
    this.engine = engine;
  }

  /** The fake's present instant. */
  public Instant now() {
    synchronized (engine) {
      return engine.now();
    }
  }

  /** Moves time forward by {@code duration}, running every timer due on the way. */
  public FakeClock advance(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("The fake clock only moves forward: " + duration);
    }
    synchronized (engine) {
      engine.advanceTo(engine.now().plus(duration));
    }
    return this;
  }

  /** Moves time forward to {@code instant}, running every timer due on the way. */
  public FakeClock advanceTo(Instant instant) {
    Objects.requireNonNull(instant, "instant");
    synchronized (engine) {
      if (instant.isBefore(engine.now())) {
        throw new IllegalArgumentException(
            "The fake clock only moves forward: " + instant + " is before " + engine.now());
      }
      engine.advanceTo(instant);
    }
    return this;
  }

  /**
   * Moves time forward, timer by timer, until {@code condition} holds, and answers whether it
   * did within {@code maxDuration}. The condition is checked first at the present instant, then
   * after each instant at which something happened; when it never holds the clock stands at
   * {@code now + maxDuration}.
   */
  public boolean runUntil(BooleanSupplier condition, Duration maxDuration) {
    Objects.requireNonNull(condition, "condition");
    synchronized (engine) {
      Instant limit = engine.now().plus(maxDuration);
      while (true) {
        if (condition.getAsBoolean()) {
          return true;
        }
        Instant next = engine.nextDue();
        if (next == null || next.isAfter(limit)) {
          engine.advanceTo(limit);
          return condition.getAsBoolean();
        }
        engine.advanceTo(next);
      }
    }
  }

  /** The instant the next timer falls due, or null when nothing is scheduled. */
  public Instant nextDue() {
    synchronized (engine) {
      return engine.nextDue();
    }
  }

  @Override
  public String toString() {
    return "FakeClock[" + now() + "]";
  }
}
