package io.github.berth.testkit.property;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.Nullable;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Imperative drawing for generators whose parts depend on each other (unique names and ports across
 * the containers of a task, resources left on an instance): every draw still goes through the
 * recorded choices, so such generators shrink like any other. 0 is the simplest choice everywhere:
 * {@link #between} gives {@code lo}, {@link #chance} gives false, {@link #pick} gives the first.
 */
public final class Draw {

    final Choices c;

    Draw(Choices c) {
        this.c = c;
    }

    /** A number in {@code [lo, hi]}, shrinking to {@code lo}. */
    public int between(int lo, int hi) {
        return lo + (int) c.draw((long) hi - lo);
    }

    /** True with probability {@code p}; shrinks to false. */
    public boolean chance(double p) {
        return c.drawBoolean(p);
    }

    /** One of the values, shrinking to the first. */
    public <T> T pick(List<? extends T> values) {
        return values.get((int) c.drawUniform(values.size() - 1));
    }

    @SafeVarargs
    public final <T> T pick(T... values) {
        return values[(int) c.drawUniform(values.length - 1)];
    }

    /** One of the values, some of which may be null, shrinking to the first (draws as {@link #pick}). */
    @SafeVarargs
    public final <T> @Nullable T pickNullable(@Nullable T... values) {
        return values[(int) c.drawUniform(values.length - 1)];
    }

    /**
     * The value of {@code make} with probability {@code p}, else null (the simpler). The choice and the
     * value's draws are marked as an optional part, which the shrinker can drop as a whole.
     */
    public <T> @Nullable T maybe(double p, Supplier<T> make) {
        int span = c.recordsSpans() ? c.startSpan(OPTIONAL) : -1;
        T value = null;
        if (chance(p)) {
            int body = span >= 0 ? c.startSpan(ITEM) : -1;
            value = make.get();
            if (body >= 0) {
                c.endSpan(body);
            }
        }
        if (span >= 0) {
            c.endSpan(span);
        }
        return value;
    }

    /** Runs {@code body} with probability {@code p}, as an optional part (see {@link #maybe}). */
    public boolean when(double p, Runnable body) {
        return maybe(p, () -> {
                    body.run();
                    return Boolean.TRUE;
                })
                != null;
    }

    /** The label of an optional part's span: its "present?" choice and its draws. */
    static final Object OPTIONAL = new Object() {
        @Override
        public String toString() {
            return "optional";
        }
    };

    /** The label of the span of one list element's or optional part's own draws. */
    static final Object ITEM = new Object() {
        @Override
        public String toString() {
            return "item";
        }
    };

    public <T> T gen(Gen<T> g) {
        return g.generate(c);
    }

    /**
     * A list of {@code min} to {@code max} elements made by {@code element} (given its index), drawn
     * like {@link Gen#lists}: an "another?" choice before each optional element, each optional
     * element marked as a span the shrinker can delete.
     */
    public <T> List<T> list(int min, int max, double pMore, IntFunction<T> element) {
        ImmutableList.Builder<T> out = ImmutableList.builder();
        int n = 0;
        for (; n < min; n++) {
            out.add(item(element, n));
        }
        for (; n < max; n++) {
            int span = c.recordsSpans() ? c.startSpan(Gen.ELEMENT) : -1;
            if (!c.drawBoolean(pMore)) {
                break;
            }
            out.add(item(element, n));
            if (span >= 0) {
                c.endSpan(span);
            }
        }
        if (n == max && max > min) {
            c.drawStop();
        }
        return out.build();
    }

    private <T> T item(IntFunction<T> element, int n) {
        int span = c.recordsSpans() ? c.startSpan(ITEM) : -1;
        T value = element.apply(n);
        if (span >= 0) {
            c.endSpan(span);
        }
        return value;
    }

    /** Lower-case hex digits. */
    public String hex(int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit((int) c.drawUniform(15), 16));
        }
        return sb.toString();
    }

    /** A generator made of an imperative body. */
    public static <T> Gen<T> of(java.util.function.Function<Draw, T> body) {
        return new Gen<>() {
            @Override
            T draw(Choices c) {
                return body.apply(new Draw(c));
            }
        };
    }
}
