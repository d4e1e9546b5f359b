package io.github.berth.testkit.server;

import io.github.berth.testkit.fake.FakeEcs;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Moves a fake's clock with real time, times a scale: every few milliseconds it advances the clock
 * to {@code start + elapsed real time * scale}, so that timers fall due while clients poll ({@code
 * berth serve --time-scale}). It needs nothing from the fake but {@link FakeEcs#clock()}; a clock
 * the control API moved ahead is not moved back: the driver continues from there.
 */
final class WallClockDriver {

    private static final long TICK_MILLIS = 5;

    private final Supplier<FakeEcs> fake;
    private final double scale;
    private volatile boolean running;
    private volatile boolean rebase = true;
    private final Thread thread;

    WallClockDriver(Supplier<FakeEcs> fake, double scale) {
        this.fake = fake;
        this.scale = scale;
        this.thread = new Thread(this::run, "berth-clock");
        thread.setDaemon(true);
    }

    void start() {
        running = true;
        thread.start();
    }

    /** The fake was replaced: count real time from its present instant. */
    void rebase() {
        rebase = true;
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        FakeEcs current = null;
        Instant fakeStart = null;
        long realStart = 0;
        while (running) {
            FakeEcs f = fake.get();
            if (rebase || f != current) {
                rebase = false;
                current = f;
                fakeStart = f.clock().now();
                realStart = System.nanoTime();
            }
            long elapsedNanos = (long) ((System.nanoTime() - realStart) * scale);
            // Set on the first pass: current starts null, so the branch above is taken.
            Instant target = Objects.requireNonNull(fakeStart).plus(Duration.ofNanos(elapsedNanos));
            Instant now = f.clock().now();
            if (target.isAfter(now)) {
                try {
                    f.clock().advanceTo(target);
                } catch (RuntimeException e) {
                    // A controller failed on a timer: keep the clock running for the other ones.
                }
            } else if (now.isAfter(target)) {
                // Moved ahead through the control API: go on from there.
                fakeStart = now;
                realStart = System.nanoTime();
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
