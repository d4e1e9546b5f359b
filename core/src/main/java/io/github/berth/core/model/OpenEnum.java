package io.github.berth.core.model;

import com.fasterxml.jackson.annotation.JsonValue;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Contract;
import io.github.berth.core.Nullable;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An enum of the AWS API that stays open: the constants of a subclass are the values this version
 * knows, and a value read from the wire that it does not know is kept as it is rather than refused
 * (as the AWS SDK keeps it). Two values are equal when they are of the same type and have the same
 * wire string.
 */
public abstract class OpenEnum {

    private final String value;
    private final boolean known;

    protected OpenEnum(String value, boolean known) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        this.value = value;
        this.known = known;
    }

    /** The wire value, exactly as the API spells it. */
    @JsonValue
    public final String value() {
        return value;
    }

    /** Whether this version of Berth knows the value (it is one of the constants). */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(@Nullable Object other) {
        return other != null && other.getClass() == getClass() && ((OpenEnum) other).value.equals(value);
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** The wire value. */
    @Override
    public final String toString() {
        return value;
    }

    /** The known values of one enum, and the lookup from wire strings. */
    protected static final class Values<E extends OpenEnum> {
        private final ImmutableList<E> known;
        private final ImmutableMap<String, E> byValue;
        private final BiFunction<String, Boolean, E> unknown;

        @SafeVarargs
        public Values(BiFunction<String, Boolean, E> factory, E... known) {
            this.known = ImmutableList.copyOf(known);
            ImmutableMap.Builder<String, E> map = ImmutableMap.builder();
            for (E e : known) {
                map.put(e.value(), e);
            }
            this.byValue = map.buildOrThrow();
            this.unknown = factory;
        }

        @Contract("!null -> !null")
        public @Nullable E of(@Nullable String value) {
            if (value == null) {
                return null;
            }
            E e = byValue.get(value);
            return e != null ? e : unknown.apply(value, false);
        }

        public List<E> known() {
            return known;
        }
    }
}
