package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
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

    /**
     * Moves time forward by {@code duration}, running every timer due on the way.
     *
     * @throws IllegalArgumentException if {@code duration} is negative, or would take the clock past
     *     {@link Instant#MAX} (the message names the duration)
     * @throws NullPointerException if {@code duration} is null
     */
    public FakeClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The fake clock only moves forward: " + duration);
        }
        synchronized (engine) {
            engine.advanceTo(later(engine.now(), duration));
        }
        return this;
    }

    /** {@code now + duration}, refused with the duration named when past what an Instant holds. */
    private static Instant later(Instant now, Duration duration) {
        if (duration.compareTo(Duration.between(now, Instant.MAX)) > 0) {
            throw new IllegalArgumentException("The fake clock cannot move " + duration + " past " + now
                    + ": the latest instant is " + Instant.MAX);
        }
        return now.plus(duration);
    }

    /**
     * Moves time forward to {@code instant}, running every timer due on the way.
     *
     * @throws IllegalArgumentException if {@code instant} is before {@link #now()}
     * @throws NullPointerException if {@code instant} is null
     */
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
     *
     * @throws IllegalArgumentException if {@code maxDuration} is negative, or would take the clock
     *     past {@link Instant#MAX}
     * @throws NullPointerException if an argument is null
     */
    public boolean runUntil(BooleanSupplier condition, Duration maxDuration) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (maxDuration.isNegative()) {
            throw new IllegalArgumentException("The fake clock only moves forward: " + maxDuration);
        }
        synchronized (engine) {
            Instant limit = later(engine.now(), maxDuration);
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
    public @Nullable Instant nextDue() {
        synchronized (engine) {
            return engine.nextDue();
        }
    }

    @Override
    public String toString() {
        return "FakeClock[" + now() + "]";
    }
}
