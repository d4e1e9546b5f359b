package io.github.berth.core.validation.internal;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.OpenEnum;
import io.github.berth.core.validation.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Not API: the walker the generated constraint tables of every module share; its package may
 * change without notice.
 *
 * <p>The constraints an AWS API model states for its shapes (required members, enum values, lengths,
 * ranges, patterns), held as one table per shape and checked by one walker, as the AWS SDK for Java
 * v2 describes its shapes with {@code SdkField}s.
 *
 * <p>The tables are generated from the API model by {@code tools/codegen/generate_model.py} (ECS:
 * {@code EcsShapeRules}; each other service's in its own module); this class is the walker. For each member of a shape, in the model's order: a missing required member is reported;
 * a present value is checked against its constraint, descending into structures, list elements and
 * map values. Violations use the AWS wording ("Value ... at '...' failed to satisfy constraint: ...")
 * through {@link Violations}, at the member's JSON path.
 */
public final class ShapeRules {

    /** For {@link #field}: the API model marks the member required. */
    public static final boolean REQUIRED = true;
    /** For {@link #field}: the member may be absent. */
    public static final boolean OPTIONAL = false;

    private static final Constraint NONE = new Constraint(Kind.NONE, null, null, null, null, null, null);

    private final Map<Class<?>, Shape<?>> shapes = new HashMap<>();

    /** The rules of these shapes; a structure constraint names one of them by its class. */
    public ShapeRules(List<Shape<?>> shapes) {
        for (Shape<?> s : shapes) {
            if (this.shapes.put(s.type, s) != null) {
                throw new IllegalArgumentException("two tables for " + s.type.getName());
            }
        }
    }

    /**
     * Adds a violation for each constraint {@code value} breaks, at its path under {@code path}.
     * Values of a type without a table (and null) are ignored.
     */
    public void check(@Nullable Object value, JsonPath path, Violations out) {
        if (value == null) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
            Shape<?> shape = shapes.get(c);
            if (shape != null) {
                walk(shape, value, path, out);
                return;
            }
        }
    }

    /** The table of a shape, by the class that models it; null if there is none. */
    public @Nullable Shape<?> shapeOf(Class<?> type) {
        return shapes.get(type);
    }

    @SuppressWarnings("unchecked")
    private <T> void walk(Shape<T> shape, Object value, JsonPath path, Violations out) {
        T v = (T) value;
        for (Field<T> f : shape.fields) {
            Object x = f.getter.apply(v);
            JsonPath p = path.child(f.jsonName);
            if (x == null) {
                if (f.required) {
                    out.modelRequired(p);
                }
            } else {
                check(f.value, x, p, out);
            }
        }
    }

    private void check(Constraint c, Object x, JsonPath p, Violations out) {
        switch (c.kind) {
            case NONE -> {}
            case ENUM -> {
                OpenEnum e = (OpenEnum) x;
                if (!e.isKnown()) {
                    out.modelEnum(
                            p, e.value(), Objects.requireNonNull(c.knownValues).get());
                }
            }
            case STRING -> {
                String s = (String) x;
                if (c.min != null && s.length() < c.min.intValue()) {
                    out.modelMinLength(p, s, c.min.intValue());
                }
                if (c.max != null && s.length() > c.max.intValue()) {
                    out.modelMaxLength(p, s, c.max.intValue());
                }
                if (c.pattern != null && !c.pattern.matcher(s).matches()) {
                    out.modelPattern(p, s, c.pattern.pattern());
                }
            }
            case NUMBER -> {
                Number n = (Number) x;
                if (c.min != null && less(n, c.min)) {
                    out.modelMin(p, n, c.min);
                }
                if (c.max != null && less(c.max, n)) {
                    out.modelMax(p, n, c.max);
                }
            }
            case STRUCTURE -> {
                Shape<?> shape = shapes.get(c.type);
                if (shape == null) {
                    throw new IllegalStateException(
                            "no table for " + Objects.requireNonNull(c.type).getName());
                }
                walk(shape, x, p, out);
            }
            case LIST -> {
                List<?> list = (List<?>) x;
                if (c.min != null && list.size() < c.min.intValue()) {
                    out.modelMinSize(p, list.size(), c.min.intValue());
                }
                if (c.max != null && list.size() > c.max.intValue()) {
                    out.modelMaxSize(p, list.size(), c.max.intValue());
                }
                if (Objects.requireNonNull(c.element).kind != Kind.NONE) {
                    for (int i = 0; i < list.size(); i++) {
                        Object e = list.get(i);
                        if (e != null) {
                            check(c.element, e, p.index(i), out);
                        }
                    }
                }
            }
            case MAP -> {
                if (Objects.requireNonNull(c.element).kind != Kind.NONE) {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) x).entrySet()) {
                        if (e.getValue() != null) {
                            check(c.element, e.getValue(), p.child(String.valueOf(e.getKey())), out);
                        }
                    }
                }
            }
            default -> throw new AssertionError(c.kind);
        }
    }

    /** {@code a < b}, as Java compares the primitive values (NaN is neither less nor greater). */
    private static boolean less(Number a, Number b) {
        if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
            return a.doubleValue() < b.doubleValue();
        }
        return a.longValue() < b.longValue();
    }

    // ---------------------------------------------------------------- the tables

    /** The table of one shape: its members in the API model's order. */
    @SafeVarargs
    public static <T> Shape<T> shape(Class<T> type, Field<T>... fields) {
        return new Shape<>(type, List.of(fields));
    }

    /**
     * One member of a shape: its Java accessor name, its JSON (wire) name, its getter, whether the API
     * model requires it ({@link #REQUIRED} / {@link #OPTIONAL}) and the constraint on its value.
     */
    public static <T> Field<T> field(
            String memberName, String jsonName, Function<? super T, ?> getter, boolean required, Constraint value) {
        return new Field<>(memberName, jsonName, getter, required, value);
    }

    /** No constraint on the value. */
    public static Constraint none() {
        return NONE;
    }

    /** A string of at least {@code minLength} and at most {@code maxLength} characters matching {@code pattern}; null bounds are not checked. */
    public static Constraint string(
            @Nullable Integer minLength, @Nullable Integer maxLength, @Nullable String pattern) {
        return new Constraint(
                Kind.STRING, minLength, maxLength, pattern == null ? null : Pattern.compile(pattern), null, null, null);
    }

    /** A number from {@code min} to {@code max} (inclusive); null bounds are not checked. */
    public static Constraint number(@Nullable Number min, @Nullable Number max) {
        return new Constraint(Kind.NUMBER, min, max, null, null, null, null);
    }

    /** An open enum whose value must be one of {@code knownValues}. */
    public static Constraint enumValue(Supplier<? extends List<?>> knownValues) {
        return new Constraint(Kind.ENUM, null, null, null, Objects.requireNonNull(knownValues), null, null);
    }

    /** A structure, checked by its own table. */
    public static Constraint structure(Class<?> type) {
        return new Constraint(Kind.STRUCTURE, null, null, null, null, Objects.requireNonNull(type), null);
    }

    /** A list of {@code minSize} to {@code maxSize} elements (null bounds are not checked), each checked by {@code element}. */
    public static Constraint list(@Nullable Integer minSize, @Nullable Integer maxSize, Constraint element) {
        return new Constraint(Kind.LIST, minSize, maxSize, null, null, null, Objects.requireNonNull(element));
    }

    /** A map whose values are each checked by {@code value}, at the path of their key. */
    public static Constraint map(Constraint value) {
        return new Constraint(Kind.MAP, null, null, null, null, null, Objects.requireNonNull(value));
    }

    /** The table of one shape. */
    public static final class Shape<T> {
        private final Class<T> type;
        private final List<Field<T>> fields;

        private Shape(Class<T> type, List<Field<T>> fields) {
            this.type = Objects.requireNonNull(type);
            this.fields = fields;
        }

        /** The class that models the shape. */
        public Class<T> type() {
            return type;
        }

        /** The members, in the API model's order. */
        public List<Field<T>> fields() {
            return fields;
        }
    }

    /** One member of a shape. */
    public static final class Field<T> {
        private final String memberName;
        private final String jsonName;
        private final Function<? super T, ?> getter;
        private final boolean required;
        private final Constraint value;

        private Field(
                String memberName, String jsonName, Function<? super T, ?> getter, boolean required, Constraint value) {
            this.memberName = Objects.requireNonNull(memberName);
            this.jsonName = Objects.requireNonNull(jsonName);
            this.getter = Objects.requireNonNull(getter);
            this.required = required;
            this.value = Objects.requireNonNull(value);
        }

        /** The name of the Java accessor. */
        public String memberName() {
            return memberName;
        }

        /** The name on the wire, used in violation paths. */
        public String jsonName() {
            return jsonName;
        }

        /** The member's value in {@code value}, or null when absent. */
        public @Nullable Object get(T value) {
            return getter.apply(value);
        }

        /** Whether the API model requires the member. */
        public boolean required() {
            return required;
        }

        /** The constraint on a present value. */
        public Constraint constraint() {
            return value;
        }

        @Override
        public String toString() {
            return jsonName + (required ? " (required)" : "") + ": " + value;
        }
    }

    enum Kind {
        NONE,
        STRING,
        NUMBER,
        ENUM,
        STRUCTURE,
        LIST,
        MAP
    }

    /** A constraint on a value: made by {@link #string}, {@link #number}, {@link #list} and the others. */
    public static final class Constraint {
        private final Kind kind;
        private final @Nullable Number min;
        private final @Nullable Number max;
        private final @Nullable Pattern pattern;
        private final @Nullable Supplier<? extends List<?>> knownValues;
        private final @Nullable Class<?> type;
        private final @Nullable Constraint element;

        private Constraint(
                Kind kind,
                @Nullable Number min,
                @Nullable Number max,
                @Nullable Pattern pattern,
                @Nullable Supplier<? extends List<?>> knownValues,
                @Nullable Class<?> type,
                @Nullable Constraint element) {
            this.kind = kind;
            this.min = min;
            this.max = max;
            this.pattern = pattern;
            this.knownValues = knownValues;
            this.type = type;
            this.element = element;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case NONE -> "any";
                case STRING -> "string" + range(min, max) + (pattern == null ? "" : " matching " + pattern.pattern());
                case NUMBER -> "number" + range(min, max);
                case ENUM -> "one of " + Objects.requireNonNull(knownValues).get();
                case STRUCTURE -> Objects.requireNonNull(type).getSimpleName();
                case LIST -> "list" + range(min, max) + " of " + element;
                case MAP -> "map of " + element;
            };
        }

        private static String range(@Nullable Number min, @Nullable Number max) {
            return min == null && max == null
                    ? ""
                    : " [" + (min == null ? "" : min) + ".." + (max == null ? "" : max) + "]";
        }
    }
}
