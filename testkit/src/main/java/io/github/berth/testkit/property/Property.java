package io.github.berth.testkit.property;

import io.github.berth.core.Nullable;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.opentest4j.TestAbortedException;

/**
 * Runs a property over generated values from any JUnit 5 test:
 *
 * <pre>{@code
 * Property.forAll(EcsGen.fargateTaskDefinitions())
 *     .tries(200)
 *     .check(td -> assertThat(validator.validate(td)).isEmpty());
 * }</pre>
 *
 * <p>The first tries are edge cases: the simplest value of the generator (empty collections, the
 * minimum of a range or zero), the value at the far end of every range and size, and the largest
 * elements in the smallest collections (which reaches the maximum of a range that straddles zero);
 * then random values. When the check throws (an assertion fails, or
 * anything else), the runner shrinks the value to a small one that still fails the same way and
 * throws a {@link PropertyFailure}: an {@link AssertionError} whose message holds the seed, the
 * number of tries, the original and the shrunk counterexample (ECS values as their wire JSON) and
 * how to replay. A check that throws JUnit's {@code TestAbortedException} (an assumption) discards
 * the value.
 *
 * <p>The seed: {@link ForAll#seed(long)} if the test sets one; else the system property
 * {@value #SEED_PROPERTY}; else the environment variable {@value #SEED_ENVIRONMENT}; else a random
 * seed, chosen once per JVM and printed once, so a run can be repeated. The same seed gives the same values, the same failure and
 * the same shrunk counterexample on every machine.
 */
public final class Property {

    /** The system property that fixes the seed of every property of a build: {@code -Dberth.seed=42}. */
    public static final String SEED_PROPERTY = "berth.seed";

    /** The environment variable that fixes the seed of every property of a build: {@code BERTH_SEED=42}. */
    public static final String SEED_ENVIRONMENT = "BERTH_SEED";

    static final int DEFAULT_TRIES = 100;
    static final int DEFAULT_SHRINK_RUNS = 1000;
    /** Simplest, largest, largest elements in the smallest collections. */
    static final int EDGE_CASES = 3;

    private Property() {}

    /** A property of one generated value. */
    public static <T> ForAll<T> forAll(Gen<T> gen) {
        return new ForAll<>(Objects.requireNonNull(gen, "gen"), 1);
    }

    /** A property of two generated values. */
    public static <A, B> ForAll2<A, B> forAll(Gen<A> a, Gen<B> b) {
        return new ForAll2<>(new ForAll<>(Gen.tuples(a, b), 2));
    }

    /** A property of three generated values. */
    public static <A, B, C> ForAll3<A, B, C> forAll(Gen<A> a, Gen<B> b, Gen<C> c) {
        return new ForAll3<>(new ForAll<>(Gen.tuples(a, b, c), 3));
    }

    /** The check of one value: throws (usually an {@link AssertionError}) when the property fails. */
    @FunctionalInterface
    public interface Check<T> {
        void check(T value) throws Throwable;
    }

    /** The check of two values. */
    @FunctionalInterface
    public interface Check2<A, B> {
        void check(A a, B b) throws Throwable;
    }

    /** The check of three values. */
    @FunctionalInterface
    public interface Check3<A, B, C> {
        void check(A a, B b, C c) throws Throwable;
    }

    /** The settings of a run, and {@link #check} to run it. */
    public static final class ForAll<T> {
        private final Gen<T> gen;
        private final int arity;
        private int tries = DEFAULT_TRIES;
        private @Nullable Long seed;
        private int shrinkRuns = DEFAULT_SHRINK_RUNS;

        ForAll(Gen<T> gen, int arity) {
            this.gen = gen;
            this.arity = arity;
        }

        /** How many values to try (default {@value Property#DEFAULT_TRIES}). */
        public ForAll<T> tries(int tries) {
            if (tries < 1) {
                throw new IllegalArgumentException("tries must be at least 1, got " + tries);
            }
            this.tries = tries;
            return this;
        }

        /** The seed: the same seed gives the same values and the same counterexample. */
        public ForAll<T> seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many times the property may run while shrinking a counterexample (default {@value Property#DEFAULT_SHRINK_RUNS}; 0: no shrinking). */
        public ForAll<T> shrinkRuns(int runs) {
            if (runs < 0) {
                throw new IllegalArgumentException("shrinkRuns must not be negative, got " + runs);
            }
            this.shrinkRuns = runs;
            return this;
        }

        /** Runs the property; throws a {@link PropertyFailure} with the smallest counterexample found. */
        public void check(Check<? super T> check) {
            Objects.requireNonNull(check, "check");
            Seed s = Seed.choose(seed);
            new Runner<>(gen, arity, tries, s, shrinkRuns, check).run();
        }
    }

    /** As {@link ForAll}, for two values. */
    public static final class ForAll2<A, B> {
        private final ForAll<Tuple2<A, B>> inner;

        ForAll2(ForAll<Tuple2<A, B>> inner) {
            this.inner = inner;
        }

        public ForAll2<A, B> tries(int tries) {
            inner.tries(tries);
            return this;
        }

        public ForAll2<A, B> seed(long seed) {
            inner.seed(seed);
            return this;
        }

        public ForAll2<A, B> shrinkRuns(int runs) {
            inner.shrinkRuns(runs);
            return this;
        }

        public void check(Check2<? super A, ? super B> check) {
            Objects.requireNonNull(check, "check");
            inner.check(t -> check.check(t.first(), t.second()));
        }
    }

    /** As {@link ForAll}, for three values. */
    public static final class ForAll3<A, B, C> {
        private final ForAll<Tuple3<A, B, C>> inner;

        ForAll3(ForAll<Tuple3<A, B, C>> inner) {
            this.inner = inner;
        }

        public ForAll3<A, B, C> tries(int tries) {
            inner.tries(tries);
            return this;
        }

        public ForAll3<A, B, C> seed(long seed) {
            inner.seed(seed);
            return this;
        }

        public ForAll3<A, B, C> shrinkRuns(int runs) {
            inner.shrinkRuns(runs);
            return this;
        }

        public void check(Check3<? super A, ? super B, ? super C> check) {
            Objects.requireNonNull(check, "check");
            inner.check(t -> check.check(t.first(), t.second(), t.third()));
        }
    }

    /** One run of a property. */
    private static final class Runner<T> {
        private final Gen<T> gen;
        private final int arity;
        private final int tries;
        private final Seed seed;
        private final int shrinkRuns;
        private final Check<? super T> check;

        Runner(Gen<T> gen, int arity, int tries, Seed seed, int shrinkRuns, Check<? super T> check) {
            this.gen = gen;
            this.arity = arity;
            this.tries = tries;
            this.seed = seed;
            this.shrinkRuns = shrinkRuns;
            this.check = check;
        }

        void run() {
            int discarded = 0;
            int done = 0;
            T largest = null;
            for (int attempt = 0; done < tries; attempt++) {
                if (discarded > Math.max(100, 10 * tries)) {
                    throw new GenerationException("the check discarded " + discarded
                            + " values (assumptions not met) and accepted only " + done
                            + "; generate values that meet the assumptions instead (seed " + seed.value() + ")");
                }
                boolean edge = attempt < EDGE_CASES;
                // Random tries draw stream attempt - 1: the streams stay those of the versions with two edge cases.
                Choices c = attempt == 0
                        ? Choices.simplest()
                        : attempt == 1
                                ? Choices.largest()
                                : attempt == 2
                                        ? Choices.largestPositive()
                                        : Choices.random(SplitMix64.derive(seed.value(), attempt - 1));
                T value;
                try {
                    value = gen.generate(c);
                } catch (Rejected r) {
                    if (edge) {
                        continue; // this generator has no such edge value (its filter refuses it): not an error
                    }
                    throw new GenerationException(r.getMessage() + " (seed " + seed.value() + ")");
                } catch (RuntimeException e) {
                    throw new GenerationException(
                            "the generator threw " + e + " on try " + (done + 1) + " (seed " + seed.value()
                                    + "; replay with .seed(" + seed.value() + "L))",
                            e);
                }
                if (attempt == 1) {
                    largest = value;
                } else if (attempt == 2 && java.util.Objects.equals(value, largest)) {
                    continue; // no range straddles zero here: the same edge case again
                }
                Throwable failure = run(value);
                if (failure instanceof TestAbortedException) {
                    discarded++;
                    continue;
                }
                done++;
                if (failure != null) {
                    fail(c.recorded(), value, failure, done);
                }
            }
        }

        private @Nullable Throwable run(T value) {
            try {
                check.check(value);
                return null;
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError) {
                    throw (VirtualMachineError) t;
                }
                return t;
            }
        }

        private void fail(long[] record, T value, Throwable failure, int triesRun) {
            Function<T, Throwable> property = v -> {
                Throwable t = run(v);
                return t instanceof TestAbortedException ? null : t;
            };
            Shrinker.Result<T> shrunk = new Shrinker<>(gen, property, shrinkRuns, record, value, failure).shrink();
            List<Object> original = Counterexamples.arguments(value, arity);
            List<Object> smallest = Counterexamples.arguments(shrunk.value(), arity);
            String message = Counterexamples.message(
                    seed, triesRun, tries, original, smallest, shrunk.steps(), shrunk.failure());
            throw new PropertyFailure(message, shrunk.failure(), failure, seed.value(), triesRun, original, smallest);
        }
    }
}
