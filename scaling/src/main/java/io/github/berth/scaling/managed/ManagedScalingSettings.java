package io.github.berth.scaling.managed;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.ManagedScalingStatus;

/**
 * The managed scaling settings of a capacity provider, defaults filled in (docs/scaling.md#managed-scaling):
 * targetCapacity 100 (%), minimumScalingStepSize 1, maximumScalingStepSize 10,000,
 * instanceWarmupPeriod 300 s.
 */
public record ManagedScalingSettings(
        boolean enabled,
        int targetCapacity,
        int minimumScalingStepSize,
        int maximumScalingStepSize,
        int instanceWarmupPeriod) {

    public static final int DEFAULT_TARGET_CAPACITY = 100;
    public static final int DEFAULT_MINIMUM_SCALING_STEP_SIZE = 1;
    public static final int DEFAULT_MAXIMUM_SCALING_STEP_SIZE = 10_000;
    public static final int DEFAULT_INSTANCE_WARMUP_PERIOD = 300;

    /** Enabled, with every default. */
    public static final ManagedScalingSettings DEFAULTS = new ManagedScalingSettings(
            true,
            DEFAULT_TARGET_CAPACITY,
            DEFAULT_MINIMUM_SCALING_STEP_SIZE,
            DEFAULT_MAXIMUM_SCALING_STEP_SIZE,
            DEFAULT_INSTANCE_WARMUP_PERIOD);

    /** @throws IllegalArgumentException for a value outside the ranges of the ECS API */
    public ManagedScalingSettings {
        range("targetCapacity", targetCapacity, 1, 100);
        range("minimumScalingStepSize", minimumScalingStepSize, 1, 10_000);
        range("maximumScalingStepSize", maximumScalingStepSize, 1, 10_000);
        range("instanceWarmupPeriod", instanceWarmupPeriod, 0, 10_000);
        if (minimumScalingStepSize > maximumScalingStepSize) {
            throw new IllegalArgumentException("minimumScalingStepSize (" + minimumScalingStepSize
                    + ") must not be above maximumScalingStepSize (" + maximumScalingStepSize + ")");
        }
    }

    private static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(name + " must be between " + lo + " and " + hi + ", found " + v);
        }
    }

    /** The settings of a capacity provider's {@code managedScaling} (null: managed scaling is off). */
    public static ManagedScalingSettings of(@Nullable ManagedScaling m) {
        if (m == null) {
            return new ManagedScalingSettings(
                    false,
                    DEFAULT_TARGET_CAPACITY,
                    DEFAULT_MINIMUM_SCALING_STEP_SIZE,
                    DEFAULT_MAXIMUM_SCALING_STEP_SIZE,
                    DEFAULT_INSTANCE_WARMUP_PERIOD);
        }
        return new ManagedScalingSettings(
                !ManagedScalingStatus.DISABLED.equals(m.status()),
                or(m.targetCapacity(), DEFAULT_TARGET_CAPACITY),
                or(m.minimumScalingStepSize(), DEFAULT_MINIMUM_SCALING_STEP_SIZE),
                or(m.maximumScalingStepSize(), DEFAULT_MAXIMUM_SCALING_STEP_SIZE),
                or(m.instanceWarmupPeriod(), DEFAULT_INSTANCE_WARMUP_PERIOD));
    }

    private static int or(@Nullable Integer v, int d) {
        return v != null ? v : d;
    }
}
