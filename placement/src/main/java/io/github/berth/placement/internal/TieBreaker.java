package io.github.berth.placement.internal;

import java.util.Arrays;

/**
 * Where randomness enters placement, all from the request's seed (so equal seeds give equal
 * placements). [model] ECS publishes no algorithm; Berth's is:
 *
 * <ul>
 *   <li>ties left after every strategy go to the instance that comes first in a random order of
 *       the instances drawn once per request ({@link #order}), so spread tasks land in a random but
 *       reproducible order;
 *   <li>the {@code random} strategy draws afresh for each task: it prefers the instance with the
 *       smallest {@link #randomKey} for that task.
 * </ul>
 *
 * Not API: public, in this internal package, only so that independent checkers (the reference
 * placer of the tests) use the same draw.
 */
public final class TieBreaker {

    private TieBreaker() {}

    /** SplitMix64's finalizer: a well-mixed 64-bit value of a 64-bit input. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The random key of an instance for one request: the order of the instances sorts by it (then by index). */
    public static long instanceKey(long seed, int instance) {
        return mix(mix(seed) + 0x9e3779b97f4a7c15L * (instance + 1L));
    }

    /**
     * The rank of each instance in the request's random order: {@code rank[i]} is 0 for the instance
     * preferred first. Instances sort by the upper 40 bits of {@link #instanceKey} (unsigned), then
     * by index (so a sort of primitive longs does it).
     */
    public static int[] order(long seed, int instanceCount) {
        if (instanceCount > (1 << 24)) {
            throw new IllegalArgumentException("too many instances: " + instanceCount);
        }
        long[] keyed = new long[instanceCount];
        for (int i = 0; i < instanceCount; i++) {
            // The sign flip makes the signed sort an unsigned one.
            keyed[i] = ((instanceKey(seed, i) >>> 24) << 24 | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(keyed);
        int[] rank = new int[instanceCount];
        for (int r = 0; r < instanceCount; r++) {
            rank[(int) (keyed[r] & 0xFFFFFF)] = r;
        }
        return rank;
    }

    /** The {@code random} strategy's key of an instance for the task of that index in the request (lower wins, unsigned). */
    public static long randomKey(long seed, int task, int instance) {
        return mix(instanceKey(seed ^ 0x5bd1e995L, instance) + mix(task + 0x632be59bd9b4e019L));
    }
}
