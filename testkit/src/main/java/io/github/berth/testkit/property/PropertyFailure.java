package io.github.berth.testkit.property;

import java.util.List;

/**
 * A property failed. The message tells the seed, the tries, the original and the shrunk
 * counterexample and how to replay; the cause is the failure of the shrunk counterexample, and the
 * failure of the original one is attached as suppressed.
 */
public final class PropertyFailure extends AssertionError {

    private final long seed;
    private final int tries;
    private final List<Object> original;
    private final List<Object> shrunk;

    PropertyFailure(
            String message,
            Throwable cause,
            Throwable originalFailure,
            long seed,
            int tries,
            List<Object> original,
            List<Object> shrunk) {
        super(message, cause);
        if (originalFailure != cause) {
            addSuppressed(originalFailure);
        }
        this.seed = seed;
        this.tries = tries;
        this.original = original;
        this.shrunk = shrunk;
    }

    /** The seed that replays this failure. */
    public long seed() {
        return seed;
    }

    /** How many tries ran, the failing one included. */
    public int tries() {
        return tries;
    }

    /** The arguments that failed first, as generated. */
    public List<Object> original() {
        return original;
    }

    /** The smallest failing arguments the shrinker found. */
    public List<Object> shrunk() {
        return shrunk;
    }
}
