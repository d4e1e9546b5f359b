package io.github.berth.testkit.property;

import io.github.berth.core.Nullable;
import java.util.Arrays;
import java.util.Objects;

/**
 * The record of every random choice one generation made, and where those choices come from.
 *
 * <p>Each generator reduces its randomness to draws of a number in {@code [0, max]} and arranges that
 * 0 gives its simplest value (empty list, first alternative, value nearest zero) and bigger numbers
 * give "bigger" values. Generating a value records the draws; replaying a record gives the same value
 * again. Shrinking therefore works on the record alone (make it shorter, make its numbers smaller)
 * and never needs a shrinker per type: it goes through {@code map}, {@code flatMap} and
 * {@code filter} because it replays them. This is the design of Hypothesis (MacIver et al.).
 *
 * <p>Three sources: a seeded random stream; a record to replay (draws past its end give 0, a
 * recorded number above a draw's max gives max); and the "largest" sources, where every draw gives its
 * max and every yes/no choice the same answer, used early in each run to try the edges of every
 * range and size.
 */
final class Choices {

    /** A hard bound on one generation, so a run-away recursion fails clearly instead of hanging. */
    static final int MAX_DRAWS = 200_000;

    private static final int[] NO_INTS = new int[0];
    private static final Object[] NO_OBJECTS = new Object[0];

    /** The random stream of a random source; null in the others. */
    private final @Nullable SplitMix64 random;
    /** The record a replay source reads; null in the random and the largest sources. */
    private final long @Nullable [] replay;

    private final boolean largest;
    /** In a largest source: the answer of every yes/no choice. */
    private final boolean largestAnswer;

    private final boolean recordSpans;

    private long[] record = new long[64];
    private int size;
    /** Where the next replayed choice is read; differs from {@code size} after a punched-out span. */
    private int readPos;

    // Punching out a span: the span-th generator call sees only zeros (its simplest value), then
    // reading resumes where that call's choices ended in the replayed record.
    private int punchSpan = -1;
    private int punchEnd;
    private boolean punching;

    // Spans: the stretch of the record each generator call made, for the shrinker. Empty (and never
    // written: callers ask recordsSpans() first) in a source that does not record them.
    private int[] spanStart = NO_INTS;
    private int[] spanEnd = NO_INTS;
    private Object[] spanLabel = NO_OBJECTS;
    private int spanCount;

    private Choices(
            @Nullable SplitMix64 random,
            long @Nullable [] replay,
            boolean largest,
            boolean largestAnswer,
            boolean recordSpans) {
        this.random = random;
        this.replay = replay;
        this.largest = largest;
        this.largestAnswer = largestAnswer;
        this.recordSpans = recordSpans;
        if (recordSpans) {
            spanStart = new int[32];
            spanEnd = new int[32];
            spanLabel = new Object[32];
        }
    }

    static Choices random(long seed) {
        return new Choices(new SplitMix64(seed), null, false, false, false);
    }

    static Choices replay(long[] record, boolean recordSpans) {
        return new Choices(null, record, false, false, recordSpans);
    }

    /**
     * Replays {@code record}, except that the generator call of span {@code span} (as numbered by a
     * replay of the same record) draws only zeros; the choices after that span stay aligned.
     */
    static Choices replayPunchingOut(long[] record, int span, int spanEnd) {
        Choices c = new Choices(null, record, false, false, true);
        c.punchSpan = span;
        c.punchEnd = spanEnd;
        return c;
    }

    /**
     * Every draw at its max and every yes/no choice yes: the largest sizes, every optional part present,
     * and the far end of every range ({@code min} of a range that straddles zero, whose sign is a yes/no
     * choice).
     */
    static Choices largest() {
        return new Choices(null, null, true, true, false);
    }

    /**
     * Every draw at its max and every yes/no choice no: the smallest sizes with the largest elements,
     * optional parts absent, and {@code max} of a range that straddles zero, which {@link #largest}
     * and {@link #simplest} both miss.
     */
    static Choices largestPositive() {
        return new Choices(null, null, true, false, false);
    }

    /** Every draw 0: the simplest value of every generator. */
    static Choices simplest() {
        return new Choices(null, new long[0], false, false, false);
    }

    // ------------------------------------------------------------------ draws

    /**
     * A number in {@code [0, max]}, biased towards the edges: 0, max and small numbers come up far more
     * often than a uniform draw would give them, since that is where bugs live.
     */
    long draw(long max) {
        if (random == null) {
            return next(max);
        }
        long v;
        int r = (int) random.nextLongAtMost(15);
        if (r < 2) {
            v = 0;
        } else if (r < 4) {
            v = max;
        } else if (r < 6) {
            v = random.nextLongAtMost(Math.min(max, 8));
        } else if (r < 11) {
            v = random.nextLongAtMost(max);
        } else {
            // Log-uniform: pick a bit length, then a number of that length.
            int bits = 64 - Long.numberOfLeadingZeros(max);
            int b = (int) random.nextLongAtMost(bits);
            v = b == 0 ? 0 : Math.min(max, random.nextLongAtMost(b >= 63 ? Long.MAX_VALUE : (1L << b) - 1));
        }
        return put(v);
    }

    /** A number in {@code [0, max]}, uniform when random. */
    long drawUniform(long max) {
        return random == null ? next(max) : put(random.nextLongAtMost(max));
    }

    /** 1 with probability {@code p} when random, else 0. */
    boolean drawBoolean(double p) {
        if (largest) {
            return put(largestAnswer ? 1 : 0) == 1;
        }
        if (random == null) {
            return next(1) == 1;
        }
        return put(random.nextDouble() < p ? 1 : 0) == 1;
    }

    /**
     * The "no more" a list records when it reaches its maximum size, where it asks nothing: always 0.
     * With it, deleting one element of a full list while shrinking leaves a record in which that 0
     * ends the shorter list, and what follows the list stays aligned.
     */
    void drawStop() {
        if (random == null && !largest) {
            readPos++;
        }
        put(0);
    }

    /** An index drawn with the given weights (all positive) when random. */
    int drawWeighted(int[] weights, int total) {
        if (random == null) {
            return (int) next(weights.length - 1);
        }
        long r = random.nextLongAtMost(total - 1);
        int i = 0;
        while (r >= weights[i]) {
            r -= weights[i];
            i++;
        }
        return (int) put(i);
    }

    private long next(long max) {
        if (largest) {
            return put(max);
        }
        // Neither random nor largest: a replay source, which always has a record.
        long[] replay = Objects.requireNonNull(this.replay);
        long v = punching || readPos >= replay.length ? 0 : replay[readPos];
        readPos++;
        return put(v < 0 ? 0 : Math.min(v, max));
    }

    private long put(long v) {
        if (size == record.length) {
            if (size >= MAX_DRAWS) {
                throw new Rejected(
                        Rejected.Reason.TOO_LARGE,
                        "one value took more than " + MAX_DRAWS
                                + " random choices; bound the sizes and the recursion depth");
            }
            record = Arrays.copyOf(record, size * 2);
        }
        record[size++] = v;
        return v;
    }

    // ------------------------------------------------------------------ state

    /** Whether further draws would repeat what earlier ones gave (no randomness left): retrying is futile. */
    boolean exhausted() {
        return random == null && (largest || punching || readPos >= Objects.requireNonNull(replay).length);
    }

    boolean isRandom() {
        return random != null;
    }

    long[] recorded() {
        return Arrays.copyOf(record, size);
    }

    int position() {
        return size;
    }

    // ------------------------------------------------------------------ spans

    boolean recordsSpans() {
        return recordSpans;
    }

    int startSpan(Object label) {
        if (spanCount == spanStart.length) {
            spanStart = Arrays.copyOf(spanStart, spanCount * 2);
            spanEnd = Arrays.copyOf(spanEnd, spanCount * 2);
            spanLabel = Arrays.copyOf(spanLabel, spanCount * 2);
        }
        spanStart[spanCount] = size;
        spanEnd[spanCount] = -1;
        spanLabel[spanCount] = label;
        if (spanCount == punchSpan) {
            punching = true;
        }
        return spanCount++;
    }

    void endSpan(int span) {
        spanEnd[span] = size;
        if (span == punchSpan && punching) {
            punching = false;
            readPos = Math.max(readPos, punchEnd);
        }
    }

    int spanCount() {
        return spanCount;
    }

    int spanStart(int i) {
        return spanStart[i];
    }

    int spanEnd(int i) {
        return spanEnd[i];
    }

    Object spanLabel(int i) {
        return spanLabel[i];
    }
}
