package io.github.berth.testkit.property;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.berth.core.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A generator of values of type {@code T}, made by composing the factories and combinators here.
 *
 * <p>Every generator draws its randomness as a recorded sequence of choices in which 0 is always the
 * simplest choice, so a failing value shrinks without any shrinking code: the runner shrinks the
 * record and replays it through the same {@code map}, {@code flatMap} and {@code filter} steps. For
 * that to give small counterexamples, put the simplest alternative first in {@link #oneOf},
 * {@link #frequency} and {@link #elements}.
 *
 * <p>Generators are immutable and may be shared; values come only from the seed, so the same seed
 * gives the same values on every machine. Generated collections are Guava immutable collections
 * in generation order (never hash order), and must not hold {@code null}.
 *
 * @param <T> the type of the generated values
 */
public abstract class Gen<T> {

    /** How many candidates in a row {@link #filter} may reject before it gives up. */
    static final int FILTER_ATTEMPTS = 100;

    Gen() {}

    /** Draws one value; implementations call {@link #generate} on the generators they compose. */
    abstract T draw(Choices c);

    /** One value, with the span of choices it took marked for the shrinker. */
    final T generate(Choices c) {
        if (!c.recordsSpans()) {
            return draw(c);
        }
        int span = c.startSpan(this);
        T value = draw(c);
        c.endSpan(span);
        return value;
    }

    // ------------------------------------------------------------------ sampling

    /** One value for this seed, e.g. to look at what a generator makes. */
    public final T sample(long seed) {
        return run(Choices.random(seed));
    }

    /** {@code count} values for this seed, each from its own random stream. */
    public final List<T> samples(long seed, int count) {
        ImmutableList.Builder<T> out = ImmutableList.builderWithExpectedSize(count);
        for (int i = 0; i < count; i++) {
            out.add(run(Choices.random(SplitMix64.derive(seed, i))));
        }
        return out.build();
    }

    /** The simplest value: the one every counterexample shrinks towards. */
    public final T simplest() {
        return run(Choices.simplest());
    }

    private T run(Choices c) {
        try {
            return generate(c);
        } catch (Rejected r) {
            // A Rejected is always made with a message (its constructor takes one).
            throw new GenerationException(Objects.requireNonNull(r.getMessage()));
        }
    }

    // ------------------------------------------------------------------ combinators

    /** The values of this generator passed through {@code f}. */
    public final <U> Gen<U> map(Function<? super T, ? extends U> f) {
        Objects.requireNonNull(f, "f");
        Gen<T> self = this;
        return new Gen<>() {
            @Override
            U draw(Choices c) {
                return f.apply(self.generate(c));
            }
        };
    }

    /** A generator chosen by each value of this one: {@code sizes.flatMap(n -> lists(x, n, n))}. */
    public final <U> Gen<U> flatMap(Function<? super T, ? extends Gen<? extends U>> f) {
        Objects.requireNonNull(f, "f");
        Gen<T> self = this;
        return new Gen<>() {
            @Override
            U draw(Choices c) {
                return f.apply(self.generate(c)).generate(c);
            }
        };
    }

    /**
     * Only the values that pass {@code keep}. Each rejected candidate is drawn anew; after
     * {@value #FILTER_ATTEMPTS} rejections in a row generation fails with a
     * {@link GenerationException}, since a filter that rejects most values wastes the tries: generate
     * the wanted values directly instead.
     */
    public final Gen<T> filter(Predicate<? super T> keep) {
        Objects.requireNonNull(keep, "keep");
        Gen<T> self = this;
        String site = callSite();
        return new Gen<>() {
            @Override
            T draw(Choices c) {
                for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
                    T value = self.generate(c);
                    if (keep.test(value)) {
                        return value;
                    }
                    if (c.exhausted()) {
                        break;
                    }
                }
                throw new Rejected(
                        Rejected.Reason.FILTER,
                        "the filter " + site + " rejected " + FILTER_ATTEMPTS
                                + " candidates in a row; generate the wanted values directly (with map or flatMap) "
                                + "instead of filtering most of them away");
            }
        };
    }

    /** This generator's values or, for about one value in four, {@code null} (the simplest). */
    public final Gen<T> orNull() {
        return orNull(0.25);
    }

    /** This generator's values or, with probability {@code pNull}, {@code null} (the simplest). */
    public final Gen<T> orNull(double pNull) {
        checkProbability(pNull);
        Gen<T> self = this;
        return new Gen<>() {
            // The values of this generator are T or null: a Gen<@Nullable T>, which NullAway (not in
            // JSpecify mode) cannot express, and draw's return cannot be @Nullable for one override only.
            @SuppressWarnings("NullAway")
            @Override
            T draw(Choices c) {
                return c.drawBoolean(1 - pNull) ? self.generate(c) : null;
            }
        };
    }

    /** Lists of this generator's values, {@code min} to {@code max} long. */
    public final Gen<List<T>> list(int min, int max) {
        return lists(this, min, max);
    }

    /** Sets of distinct values of this generator, {@code min} to {@code max} of them. */
    public final Gen<Set<T>> set(int min, int max) {
        return sets(this, min, max);
    }

    // ------------------------------------------------------------------ factories

    /** Always {@code value}, which may be null. */
    public static <T> Gen<T> constant(@Nullable T value) {
        return new Gen<>() {
            // constant(null) is a Gen<@Nullable T>, which NullAway (not in JSpecify mode) cannot express.
            @SuppressWarnings("NullAway")
            @Override
            T draw(Choices c) {
                return value;
            }
        };
    }

    /** Integers in {@code [min, max]}, shrinking towards the one nearest zero. */
    public static Gen<Integer> integers(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Longs in {@code [min, max]}, shrinking towards the one nearest zero. */
    public static Gen<Long> longs(long min, long max) {
        checkRange(min, max);
        long origin = Math.max(min, Math.min(0, max));
        long up = max - origin; // never overflows: origin >= min and origin >= 0 or origin = max
        long down = origin == min ? 0 : origin - min < 0 ? Long.MAX_VALUE : origin - min;
        return new Gen<>() {
            @Override
            Long draw(Choices c) {
                boolean negative = up == 0 || down != 0 && c.drawBoolean(down / ((double) up + down));
                if (up == 0 && down == 0) {
                    return origin;
                }
                if (negative) {
                    long m = c.draw(down);
                    return m == Long.MAX_VALUE && min == Long.MIN_VALUE ? Long.MIN_VALUE : origin - m;
                }
                return origin + c.draw(up);
            }
        };
    }

    /** Doubles in {@code [min, max]} (finite bounds), shrinking towards the one nearest zero. */
    public static Gen<Double> doubles(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("need finite min <= max, got [" + min + ", " + max + "]");
        }
        double origin = Math.max(min, Math.min(0, max));
        Gen<Long> whole = longs((long) Math.floor(min - origin), (long) Math.ceil(max - origin));
        Gen<Long> fraction = longs(0, 1023);
        return zip(whole, fraction, (w, f) -> {
            double v = origin + w + Math.copySign(f / 1024.0, w);
            return Math.max(min, Math.min(max, v));
        });
    }

    /** {@code false} (the simpler) or {@code true}. */
    public static Gen<Boolean> booleans() {
        return new Gen<>() {
            @Override
            Boolean draw(Choices c) {
                return c.drawBoolean(0.5);
            }
        };
    }

    /** One of the values, shrinking towards the first. */
    @SafeVarargs
    public static <T> Gen<T> elements(T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T v : values) {
            list.add(v);
        }
        return elements(list);
    }

    /** One of the values, shrinking towards the first. */
    public static <T> Gen<T> elements(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("elements needs at least one value");
        }
        List<T> copy = new ArrayList<>(values);
        return new Gen<>() {
            @Override
            T draw(Choices c) {
                return copy.get((int) c.drawUniform(copy.size() - 1));
            }
        };
    }

    /** A value of one of the generators, each equally likely, shrinking towards the first. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> list = new ArrayList<>(gens.length);
        for (Gen<? extends T> g : gens) {
            list.add(g);
        }
        return oneOf(list);
    }

    /** A value of one of the generators, each equally likely, shrinking towards the first. */
    public static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
        if (gens.isEmpty()) {
            throw new IllegalArgumentException("oneOf needs at least one generator");
        }
        List<Gen<? extends T>> copy = new ArrayList<>(gens);
        return new Gen<>() {
            @Override
            T draw(Choices c) {
                return copy.get((int) c.drawUniform(copy.size() - 1)).generate(c);
            }
        };
    }

    /** A generator with a weight, for {@link #frequency}. */
    public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /**
     * A value of one of the generators, picked in proportion to its weight, shrinking towards the
     * first: {@code frequency(weighted(9, small), weighted(1, huge))}.
     */
    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> list = new ArrayList<>(choices.length);
        for (Weighted<? extends T> w : choices) {
            list.add(w);
        }
        return frequency(list);
    }

    /** As {@link #frequency(Weighted[])}. */
    public static <T> Gen<T> frequency(List<? extends Weighted<? extends T>> choices) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("frequency needs at least one generator");
        }
        List<Gen<? extends T>> gens = new ArrayList<>();
        int[] weights = new int[choices.size()];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            Weighted<? extends T> w = choices.get(i);
            weights[i] = w.weight();
            total += w.weight();
            gens.add(w.gen());
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the weights add up to more than " + Integer.MAX_VALUE);
        }
        int sum = (int) total;
        return new Gen<>() {
            @Override
            T draw(Choices c) {
                return gens.get(c.drawWeighted(weights, sum)).generate(c);
            }
        };
    }

    /** Lists of {@code element}'s values, {@code min} to {@code max} long, shrinking towards shorter. */
    public static <T> Gen<List<T>> lists(Gen<T> element, int min, int max) {
        checkSizes(min, max);
        double more = continueProbability(min, max);
        return new Gen<>() {
            @Override
            List<T> draw(Choices c) {
                ImmutableList.Builder<T> out = ImmutableList.builderWithExpectedSize(min);
                int n = 0;
                for (; n < min; n++) {
                    out.add(element.generate(c));
                }
                // One "another?" choice before each optional element: deleting an element's choices, flag
                // included, leaves a valid record of a shorter list.
                for (; n < max; n++) {
                    int span = c.recordsSpans() ? c.startSpan(ELEMENT) : -1;
                    if (!c.drawBoolean(more)) {
                        break; // the span stays open, so the shrinker ignores it
                    }
                    out.add(element.generate(c));
                    if (span >= 0) {
                        c.endSpan(span);
                    }
                }
                if (n == max && max > min) {
                    c.drawStop();
                }
                return out.build();
            }
        };
    }

    /** Sets of distinct values of {@code element}, {@code min} to {@code max} of them, in generation order. */
    public static <T> Gen<Set<T>> sets(Gen<T> element, int min, int max) {
        return distinct(element, min, max, "set", v -> v).map(m -> ImmutableSet.copyOf(m.keySet()));
    }

    /** Maps with distinct keys, {@code min} to {@code max} entries, in generation order. */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int min, int max) {
        Gen<Map.Entry<K, V>> entries = zip(keys, values, Map::entry);
        return distinct(entries, min, max, "map", Map.Entry::getKey).map(m -> {
            ImmutableMap.Builder<K, V> b = ImmutableMap.builderWithExpectedSize(m.size());
            for (Map.Entry<K, V> e : m.values()) {
                b.put(e.getKey(), e.getValue());
            }
            return b.buildOrThrow();
        });
    }

    /** Collections without duplicate keys, drawn like lists; a duplicate is drawn again a few times. */
    private static <T, K> Gen<Map<K, T>> distinct(Gen<T> element, int min, int max, String what, Function<T, K> key) {
        checkSizes(min, max);
        double more = continueProbability(min, max);
        return new Gen<>() {
            @Override
            Map<K, T> draw(Choices c) {
                Map<K, T> out = new LinkedHashMap<>();
                int duplicatesInARow = 0;
                while (out.size() < max) {
                    if (out.size() >= min) {
                        int span = c.recordsSpans() ? c.startSpan(ELEMENT) : -1;
                        if (!c.drawBoolean(more)) {
                            break;
                        }
                        T v = element.generate(c);
                        if (span >= 0) {
                            c.endSpan(span);
                        }
                        if (out.putIfAbsent(key.apply(v), v) != null) {
                            if (++duplicatesInARow >= 10 || c.exhausted()) {
                                break; // enough elements already; stop rather than loop on repeats
                            }
                            continue;
                        }
                    } else {
                        T v = element.generate(c);
                        if (out.putIfAbsent(key.apply(v), v) != null) {
                            if (++duplicatesInARow >= FILTER_ATTEMPTS || c.exhausted()) {
                                throw new Rejected(
                                        Rejected.Reason.FILTER,
                                        "could not draw " + min + " distinct elements for a " + what + " (got "
                                                + out.size() + "); the element generator has too few distinct values");
                            }
                            continue;
                        }
                    }
                    duplicatesInARow = 0;
                }
                if (out.size() == max && max > min) {
                    c.drawStop();
                }
                return out;
            }
        };
    }

    /** Strings of {@code min} to {@code max} characters of {@code alphabet}, shrinking towards its first. */
    public static Gen<String> strings(String alphabet, int min, int max) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("the alphabet is empty");
        }
        Gen<Character> chars =
                elements(alphabet.chars().mapToObj(ch -> (char) ch).collect(ImmutableList.toImmutableList()));
        return lists(chars, min, max).map(cs -> {
            StringBuilder sb = new StringBuilder(cs.size());
            cs.forEach(sb::append);
            return sb.toString();
        });
    }

    /** Two generators' values combined by {@code f}. */
    public static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return new Gen<>() {
            @Override
            R draw(Choices c) {
                A x = a.generate(c);
                return f.apply(x, b.generate(c));
            }
        };
    }

    /** Three generators' values combined by {@code f}. */
    public static <A, B, C, R> Gen<R> zip(
            Gen<A> a, Gen<B> b, Gen<C> c3, Function3<? super A, ? super B, ? super C, ? extends R> f) {
        return new Gen<>() {
            @Override
            R draw(Choices c) {
                A x = a.generate(c);
                B y = b.generate(c);
                return f.apply(x, y, c3.generate(c));
            }
        };
    }

    /** Pairs of two generators' values. */
    public static <A, B> Gen<Tuple2<A, B>> tuples(Gen<A> a, Gen<B> b) {
        return zip(a, b, Tuple2::new);
    }

    /** Triples of three generators' values. */
    public static <A, B, C> Gen<Tuple3<A, B, C>> tuples(Gen<A> a, Gen<B> b, Gen<C> c) {
        return zip(a, b, c, Tuple3::new);
    }

    /**
     * Nested values of bounded depth: {@code step} makes one level from a generator of the level
     * below; at depth 0 only {@code leaf} is used. Each level is the leaf or a step, so values shrink
     * towards the leaf.
     */
    public static <T> Gen<T> recursive(int maxDepth, Gen<? extends T> leaf, Function<Gen<T>, Gen<? extends T>> step) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must not be negative, got " + maxDepth);
        }
        Gen<T> level = leaf.map(v -> v);
        for (int d = 1; d <= maxDepth; d++) {
            level = oneOf(leaf, step.apply(level));
        }
        return level;
    }

    /** A generator made on first use, for definitions that refer to themselves. */
    public static <T> Gen<T> lazy(Supplier<? extends Gen<? extends T>> supplier) {
        return new Gen<>() {
            private volatile @Nullable Gen<? extends T> gen;

            @Override
            T draw(Choices c) {
                Gen<? extends T> g = gen;
                if (g == null) {
                    g = supplier.get();
                    gen = g;
                }
                return g.generate(c);
            }
        };
    }

    /** A function of three arguments, for {@link #zip(Gen, Gen, Gen, Function3)}. */
    @FunctionalInterface
    public interface Function3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    /** A generator and its weight in {@link #frequency}. */
    public record Weighted<T>(int weight, Gen<? extends T> gen) {
        public Weighted {
            if (weight <= 0) {
                throw new IllegalArgumentException("a weight must be positive, got " + weight);
            }
            Objects.requireNonNull(gen, "gen");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The label of a list element's span (its "another?" choice and its value). */
    static final Object ELEMENT = new Object() {
        @Override
        public String toString() {
            return "element";
        }
    };

    private static double continueProbability(int min, int max) {
        // About min + 3 elements on average (fewer when the bound is tighter).
        double extra = Math.min(3.0, (max - min) / 2.0);
        return extra <= 0 ? 0 : extra / (extra + 1);
    }

    private static void checkRange(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min " + min + " is greater than max " + max);
        }
    }

    private static void checkSizes(int min, int max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException("need 0 <= min <= max, got min " + min + ", max " + max);
        }
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability must be in [0, 1], got " + p);
        }
    }

    /** Where user code called a combinator, for error messages: {@code (MyTest.java:42)}. */
    private static String callSite() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> !f.getClassName().startsWith(Gen.class.getName()))
                        .findFirst()
                        .map(f -> "at " + f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                                + f.getLineNumber() + ")")
                        .orElse("(unknown place)"));
    }
}
