package io.github.berth.testkit.property;

import io.github.berth.core.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Shrinks a failing record of choices: tries shorter records and records of smaller numbers, keeps a
 * candidate when its replayed value still fails the property the same way (same exception class),
 * and stops when no pass makes progress or the budget of property runs is spent.
 *
 * <p>Records are ordered shortlex (shorter first, then smaller numbers first), and a candidate is kept
 * only if the record its replay actually used is smaller than the best so far, so shrinking always
 * ends. The passes, cheapest and biggest steps first (a later pass runs only when the earlier ones
 * are stuck):
 * <ol>
 *   <li>delete a list element (its "another?" choice and its choices: the rest stays aligned), or
 *       drop an optional part (its "present?" choice becomes 0 and its choices go);
 *   <li>punch out a generated part: replay it with zeros only (its simplest value) and resume after it;
 *   <li>replace a part with a smaller part of the same generator nested in it (a tree with its subtree);
 *   <li>delete blocks of 8, 4, 2, 1 choices;
 *   <li>set each number to 0;
 *   <li>lower each number, by binary search;
 *   <li>move an amount from one number to a later one nearby.
 * </ol>
 */
final class Shrinker<T> {

    private final Gen<T> gen;
    private final Function<T, Throwable> property;
    private final int maxRuns;
    private final int maxAttempts;
    private final Set<Key> tried = new HashSet<>();
    private final Set<Key> ran = new HashSet<>();

    private long[] best;
    private T bestValue;
    private Throwable bestFailure;
    private Choices bestChoices;
    private int runs;
    private int attempts;
    private int steps;

    /**
     * @param property runs the property on a value and returns its failure, or null if it holds
     * @param maxRuns how many times the property may run while shrinking
     * @param record the choices of {@code value}, which must fail with {@code failure}
     */
    Shrinker(Gen<T> gen, Function<T, Throwable> property, int maxRuns, long[] record, T value, Throwable failure) {
        this.gen = gen;
        this.property = property;
        this.maxRuns = maxRuns;
        this.maxAttempts = maxRuns * 20;
        this.best = record;
        this.bestValue = value;
        this.bestFailure = failure;
        this.bestChoices = Choices.replay(record, true);
    }

    /** The smallest failing value found from the record given to the constructor. */
    Result<T> shrink() {
        gen.generate(bestChoices);
        ran.add(new Key(best));
        // Cheap, big steps first; a costlier pass runs only when the cheaper ones are stuck, and any
        // progress sends the shrinker back to the cheap ones.
        List<java.util.function.BooleanSupplier> passes = List.of(
                this::deleteElements,
                this::punchOutSpans,
                this::replaceWithDescendants,
                this::deleteBlocks,
                this::zeroNumbers,
                this::lowerNumbers,
                this::redistribute);
        boolean progress = true;
        while (progress && !spent()) {
            progress = false;
            for (java.util.function.BooleanSupplier pass : passes) {
                if (pass.getAsBoolean()) {
                    progress = true;
                    break;
                }
                if (spent()) {
                    break;
                }
            }
        }
        return new Result<>(best, bestValue, bestFailure, steps, runs);
    }

    record Result<T>(long[] record, T value, Throwable failure, int steps, int runs) {}

    // ------------------------------------------------------------------ passes

    /** Drops list elements (their choices, "another?" included) and optional parts (a single 0: "absent"). */
    private boolean deleteElements() {
        boolean any = false;
        for (int k = 0; !spent(); k++) {
            Span s = nth(spans(true), k);
            if (s == null) {
                break;
            }
            long[] candidate = bestChoices.spanLabel(s.index) == Gen.ELEMENT
                    ? without(best, s.start, s.end)
                    : replaced(best, s.start, s.end, new long[] {0});
            if (consider(candidate)) {
                any = true;
                k--; // the spans changed: look at the one that is now k-th
            }
        }
        return any;
    }

    private boolean punchOutSpans() {
        boolean any = false;
        for (int k = 0; !spent(); k++) {
            Span s = nth(spans(false), k);
            if (s == null) {
                break;
            }
            if (!allZero(best, s.start, s.end) && evaluate(Choices.replayPunchingOut(best, s.index, s.end))) {
                any = true;
                k--;
            }
        }
        return any;
    }

    private boolean replaceWithDescendants() {
        boolean any = false;
        for (int i = 0; i < bestChoices.spanCount() && !spent(); i++) {
            int start = bestChoices.spanStart(i);
            int end = bestChoices.spanEnd(i);
            Object label = bestChoices.spanLabel(i);
            for (int j = i + 1; j < bestChoices.spanCount() && bestChoices.spanStart(j) < end && !spent(); j++) {
                int ds = bestChoices.spanStart(j);
                int de = bestChoices.spanEnd(j);
                if (bestChoices.spanLabel(j) == label
                        && label != Gen.ELEMENT
                        && de <= end
                        && de > ds
                        && de - ds < end - start) {
                    long[] candidate = new long[best.length - (end - start) + (de - ds)];
                    System.arraycopy(best, 0, candidate, 0, start);
                    System.arraycopy(best, ds, candidate, start, de - ds);
                    System.arraycopy(best, end, candidate, start + de - ds, best.length - end);
                    if (consider(candidate)) {
                        any = true;
                        break; // span indices changed; move on with the next outer span
                    }
                }
            }
        }
        return any;
    }

    private boolean deleteBlocks() {
        boolean any = false;
        for (int k = 8; k >= 1; k /= 2) {
            for (int i = 0; i + k <= best.length && !spent(); i++) {
                if (consider(without(best, i, i + k))) {
                    any = true;
                    i--;
                }
            }
        }
        return any;
    }

    private boolean zeroNumbers() {
        boolean any = false;
        for (int i = 0; i < best.length && !spent(); i++) {
            if (best[i] != 0) {
                any |= consider(with(best, i, 0));
            }
        }
        return any;
    }

    private boolean lowerNumbers() {
        boolean any = false;
        for (int i = 0; i < best.length && !spent(); i++) {
            long v = best[i];
            if (v == 0) {
                continue;
            }
            if (consider(with(best, i, 0))) {
                any = true;
                continue;
            }
            if (v > 1 && consider(with(best, i, v - 1))) {
                any = true;
            }
            // Binary search for the smallest number at i that still fails: lo passes, hi fails.
            long lo = 0;
            long hi = best.length > i ? best[i] : 0;
            while (hi - lo > 1 && !spent() && i < best.length && best[i] == hi) {
                long mid = lo + (hi - lo) / 2;
                if (consider(with(best, i, mid))) {
                    any = true;
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
        }
        return any;
    }

    /**
     * Moves an amount from one number to a later one nearby: {@code (100, 0)} becomes {@code (0, 100)}
     * when only the sum matters, which lowering one number at a time cannot reach.
     */
    private boolean redistribute() {
        boolean any = false;
        for (int i = 0; i < best.length && !spent(); i++) {
            for (int j = i + 1; j < Math.min(best.length, i + 9) && best[i] != 0 && !spent(); j++) {
                long a = best[i];
                long b = best[j];
                if (consider(moved(best, i, j, a))) {
                    any = true;
                    continue;
                }
                // Binary search for the largest amount that can move: lo moves, hi does not.
                long lo = 0;
                long hi = a;
                while (hi - lo > 1 && !spent()) {
                    long mid = lo + (hi - lo) / 2;
                    if (best.length <= j || best[i] != a - lo || best[j] != satAdd(b, lo)) {
                        break; // the record changed shape under us
                    }
                    long[] candidate = best.clone();
                    candidate[i] = a - mid;
                    candidate[j] = satAdd(b, mid);
                    if (consider(candidate)) {
                        any = true;
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
            }
        }
        return any;
    }

    // ------------------------------------------------------------------ spans

    private record Span(int start, int end, int index) {}

    /** The distinct non-empty spans of the best record (removable parts only, or all), largest first. */
    private List<Span> spans(boolean elementsOnly) {
        List<Span> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < bestChoices.spanCount(); i++) {
            int start = bestChoices.spanStart(i);
            int end = bestChoices.spanEnd(i);
            Object label = bestChoices.spanLabel(i);
            boolean removable = label == Gen.ELEMENT || label == Draw.OPTIONAL && end - start > 1;
            if (end > start && (!elementsOnly || removable) && seen.add(((long) start << 32) | end)) {
                out.add(new Span(start, end, i));
            }
        }
        out.sort((a, b) -> a.end - a.start != b.end - b.start
                ? Integer.compare(b.end - b.start, a.end - a.start)
                : Integer.compare(a.start, b.start));
        return out;
    }

    private static @Nullable Span nth(List<Span> spans, int k) {
        return k < spans.size() ? spans.get(k) : null;
    }

    // ------------------------------------------------------------------ one candidate

    private boolean consider(long[] candidate) {
        if (!tried.add(new Key(candidate))) {
            return false;
        }
        return evaluate(Choices.replay(candidate, true));
    }

    /** Replays a candidate and keeps it if it is smaller than the best and still fails the same way. */
    private boolean evaluate(Choices c) {
        attempts++;
        T value;
        try {
            value = gen.generate(c);
        } catch (Rejected r) {
            return false;
        } catch (RuntimeException e) {
            // A user's map, flatMap or filter that throws on this candidate: the candidate is unusable,
            // but the counterexample found so far must not be lost to it.
            return false;
        }
        long[] used = c.recorded();
        if (!smaller(used, best) || !ran.add(new Key(used))) {
            return false;
        }
        runs++;
        Throwable failure = property.apply(value);
        if (failure == null || failure.getClass() != bestFailure.getClass()) {
            return false;
        }
        best = used;
        bestValue = value;
        bestFailure = failure;
        bestChoices = c;
        steps++;
        return true;
    }

    private boolean spent() {
        return runs >= maxRuns || attempts >= maxAttempts;
    }

    /** Shortlex order: shorter, or as long and smaller at the first difference. */
    static boolean smaller(long[] a, long[] b) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        return Arrays.compare(a, b) < 0;
    }

    private static long[] without(long[] a, int from, int to) {
        long[] out = new long[a.length - (to - from)];
        System.arraycopy(a, 0, out, 0, from);
        System.arraycopy(a, to, out, from, a.length - to);
        return out;
    }

    private static long[] replaced(long[] a, int from, int to, long[] by) {
        long[] out = new long[a.length - (to - from) + by.length];
        System.arraycopy(a, 0, out, 0, from);
        System.arraycopy(by, 0, out, from, by.length);
        System.arraycopy(a, to, out, from + by.length, a.length - to);
        return out;
    }

    private static long[] with(long[] a, int i, long v) {
        long[] out = a.clone();
        out[i] = v;
        return out;
    }

    private static long[] moved(long[] a, int from, int to, long amount) {
        long[] out = a.clone();
        out[from] -= amount;
        out[to] = satAdd(out[to], amount);
        return out;
    }

    private static long satAdd(long x, long y) {
        long r = x + y;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static boolean allZero(long[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A record as a set member (arrays compare by identity). */
    private record Key(long[] record) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(record, k.record);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(record);
        }
    }
}
