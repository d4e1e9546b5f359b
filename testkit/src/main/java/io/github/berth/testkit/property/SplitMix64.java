package io.github.berth.testkit.property;

/**
 * The random source of the generators: SplitMix64 (Steele, Lea and Flood, 2014), written out here
 * rather than taken from the JDK so that a seed gives the same values on every JVM and version.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** The seed of stream {@code index} derived from a master seed: independent streams per try. */
    static long derive(long seed, long index) {
        return mix(seed + mix(index + 1) * GOLDEN_GAMMA);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, max]}; {@code max} may be {@link Long#MAX_VALUE}. */
    long nextLongAtMost(long max) {
        if (max == Long.MAX_VALUE) {
            return nextLong() >>> 1;
        }
        long bound = max + 1;
        if ((bound & (bound - 1)) == 0) {
            return nextLong() & (bound - 1);
        }
        // Rejection sampling over the non-negative longs keeps the result unbiased.
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        while (true) {
            long r = nextLong() >>> 1;
            if (r < limit) {
                return r % bound;
            }
        }
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
