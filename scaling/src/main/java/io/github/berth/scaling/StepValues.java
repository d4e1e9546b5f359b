package io.github.berth.scaling;

import java.util.Arrays;

/**
 * An integer per step, kept as the steps where it changes: capacity and bounds change a few
 * hundred times in a week of minutes, so a run stores that much, not one value per step.
 */
final class StepValues {

    private int[] steps = new int[16];
    private int[] values = new int[16];
    private int size;

    /** The value from step {@code step} on (steps come in order). */
    void set(int step, int value) {
        if (size > 0 && values[size - 1] == value) {
            return;
        }
        if (size > 0 && steps[size - 1] == step) {
            values[size - 1] = value;
            return;
        }
        if (size == steps.length) {
            steps = Arrays.copyOf(steps, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        steps[size] = step;
        values[size] = value;
        size++;
    }

    /** The value at step {@code step}. */
    int get(int step) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (steps[mid] <= step) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return values[lo];
    }

    /** One value per step, for {@code count} steps. */
    int[] toArray(int count) {
        int[] out = new int[count];
        for (int i = 0; i < size; i++) {
            int to = i + 1 < size ? steps[i + 1] : count;
            Arrays.fill(out, steps[i], Math.min(to, count), values[i]);
        }
        return out;
    }
}
