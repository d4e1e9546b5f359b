package io.github.berth.testkit.generators;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.OpenEnum;
import io.github.berth.testkit.property.Draw;
import io.github.berth.testkit.property.Gen;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Any Berth model value, built reflectively: for each member (an accessor carrying
 * {@code @JsonProperty}, in the type's {@code @JsonPropertyOrder}) the member is absent or a
 * generated value of its declared type, set through the type's builder. Strings include quotes,
 * backslashes, control characters and characters outside the BMP; enums include values unknown to
 * this version; nesting stops at a fixed depth. The values are valid as values, not as requests:
 * this is for properties of the model itself, such as the JSON round trip.
 */
final class ModelGen {

    /** Levels of nested structures generated below the top one; deeper members are absent. */
    static final int MAX_DEPTH = 4;

    private static final Map<Key, Gen<?>> CACHE = new ConcurrentHashMap<>();

    private record Key(Class<?> type, int depth) {}

    private ModelGen() {}

    /** Whether {@code type} is a model type this generator can build. */
    static boolean isModelType(Class<?> type) {
        if (!Modifier.isAbstract(type.getModifiers()) || type.isInterface() || OpenEnum.class.isAssignableFrom(type)) {
            return false;
        }
        try {
            Method builder = type.getMethod("builder");
            return Modifier.isStatic(builder.getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static <T> Gen<T> of(Class<T> type) {
        if (!isModelType(type)) {
            throw new IllegalArgumentException(
                    type.getName() + " is not a Berth model type (an immutable value with a builder())");
        }
        return (Gen<T>) at(type, 0);
    }

    private static Gen<?> at(Class<?> type, int depth) {
        Key key = new Key(type, depth);
        Gen<?> g = CACHE.get(key);
        if (g == null) {
            g = build(type, depth);
            CACHE.putIfAbsent(key, g);
        }
        return g;
    }

    private static Gen<Object> build(Class<?> type, int depth) {
        Method builderFactory;
        Method build;
        try {
            builderFactory = type.getMethod("builder");
            build = builderFactory.getReturnType().getMethod("build");
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " has no builder", e);
        }
        List<Member> members = new ArrayList<>();
        for (Method accessor : accessorsInWireOrder(type)) {
            Gen<?> value = depth >= MAX_DEPTH && isNested(accessor.getGenericReturnType())
                    ? null
                    : valueOf(accessor.getGenericReturnType(), depth);
            if (value != null) {
                members.add(new Member(
                        accessor.getName(), setter(builderFactory.getReturnType(), accessor), value.orNull(0.35)));
            }
        }
        return Draw.of(d -> {
            Object builder = invoke(builderFactory, null);
            for (Member m : members) {
                Object v = d.gen(m.gen());
                if (v != null) {
                    invoke(m.setter(), builder, v);
                }
            }
            return invoke(build, builder);
        });
    }

    private record Member(String name, Method setter, Gen<?> gen) {}

    /** The accessors with a wire name, in the order the type writes them (never reflection's order). */
    static List<Method> accessorsInWireOrder(Class<?> type) {
        List<Method> accessors = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == type
                    && m.getParameterCount() == 0
                    && m.isAnnotationPresent(JsonProperty.class)
                    && !Modifier.isStatic(m.getModifiers())) {
                accessors.add(m);
            }
        }
        JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
        List<String> names = order == null ? List.of() : Arrays.asList(order.value());
        accessors.sort((a, b) -> {
            int ia = names.indexOf(wireName(a));
            int ib = names.indexOf(wireName(b));
            if (ia != ib) {
                return Integer.compare(ia < 0 ? Integer.MAX_VALUE : ia, ib < 0 ? Integer.MAX_VALUE : ib);
            }
            return wireName(a).compareTo(wireName(b));
        });
        return accessors;
    }

    static String wireName(Method accessor) {
        return accessor.getAnnotation(JsonProperty.class).value();
    }

    private static Method setter(Class<?> builderType, Method accessor) {
        Class<?> raw = accessor.getReturnType();
        Class<?> param = List.class.isAssignableFrom(raw) ? Iterable.class : raw;
        try {
            return builderType.getMethod(accessor.getName(), param);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    "the builder of " + accessor.getDeclaringClass().getSimpleName() + " has no " + accessor.getName()
                            + "(" + param.getSimpleName() + ")",
                    e);
        }
    }

    private static boolean isNested(Type t) {
        if (t instanceof ParameterizedType p) {
            return Arrays.stream(p.getActualTypeArguments()).anyMatch(ModelGen::isNested);
        }
        return t instanceof Class<?> c && isModelType(c);
    }

    /** A generator for a member's declared type, or null for a type this generator does not know. */
    private static @Nullable Gen<?> valueOf(Type t, int depth) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                Gen<?> element = valueOf(args[0], depth);
                return element == null ? null : Gen.lists(element, 0, depth == 0 ? 3 : 2);
            }
            if (raw == Map.class) {
                Gen<?> k = valueOf(args[0], depth);
                Gen<?> v = valueOf(args[1], depth);
                return k == null || v == null ? null : Gen.maps(k, v, 0, 3);
            }
            throw new IllegalStateException("no generator for member type " + t);
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) {
            return STRINGS;
        }
        if (c == Integer.class) {
            return Gen.integers(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (c == Long.class) {
            return Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (c == Double.class) {
            return Gen.doubles(-1e12, 1e12);
        }
        if (c == Boolean.class) {
            return Gen.booleans();
        }
        if (c == Instant.class) {
            return INSTANTS;
        }
        if (c == JsonNode.class) {
            return JSON;
        }
        if (OpenEnum.class.isAssignableFrom(c)) {
            return enumValues(c);
        }
        if (isModelType(c)) {
            return at(c, depth + 1);
        }
        throw new IllegalStateException("no generator for member type " + c.getName());
    }

    /** Plain text first (it shrinks there), then what stresses JSON: quotes, escapes, control characters, astral symbols. */
    static final Gen<String> STRINGS = Gen.frequency(
            Gen.weighted(6, Gen.strings("abcdefghijklmnopqrstuvwxyz0123456789-_:/.", 0, 12)),
            Gen.weighted(
                    2,
                    Gen.lists(
                                    Gen.elements(
                                            "a",
                                            " ",
                                            "\"",
                                            "\\",
                                            "/",
                                            "\n",
                                            "\t",
                                            "\u0000",
                                            "\u001f",
                                            "é",
                                            "中",
                                            "\u2028",
                                            "\uD83D\uDE80",
                                            "{",
                                            "}",
                                            "[",
                                            "'"),
                                    0,
                                    8)
                            .map(parts -> String.join("", parts))));

    /** Epoch seconds up to the year 2100, with milli-, micro- or nanosecond fractions. */
    static final Gen<Instant> INSTANTS = Gen.zip(
            Gen.longs(0, 4_102_444_800L),
            Gen.oneOf(Gen.constant(0L), Gen.longs(0, 999).map(ms -> ms * 1_000_000), Gen.longs(0, 999_999_999)),
            Instant::ofEpochSecond);

    static final Gen<JsonNode> JSON = Gen.recursive(
            2,
            Gen.<JsonNode>oneOf(
                    Gen.strings("abc xyz", 0, 5).map(s -> JsonNodeFactory.instance.textNode(s)),
                    Gen.integers(-1000, 1000).map(i -> JsonNodeFactory.instance.numberNode(i)),
                    Gen.booleans().map(b -> JsonNodeFactory.instance.booleanNode(b))),
            sub -> Gen.<JsonNode>oneOf(
                    Gen.maps(Gen.strings("kv", 1, 3), sub, 0, 3).map(m -> {
                        ObjectNode o = JsonNodeFactory.instance.objectNode();
                        m.forEach(o::set);
                        return o;
                    }),
                    Gen.lists(sub, 0, 3).map(l -> {
                        ArrayNode a = JsonNodeFactory.instance.arrayNode();
                        l.forEach(a::add);
                        return a;
                    })));

    private static Gen<?> enumValues(Class<?> type) {
        try {
            List<?> known = (List<?>) type.getMethod("knownValues").invoke(null);
            Method fromValue = type.getMethod("fromValue", String.class);
            Gen<Object> unknown = Gen.strings("ABCXYZ_-.", 1, 8).map(s -> invoke(fromValue, null, "future-" + s));
            return known.isEmpty()
                    ? unknown
                    : Gen.frequency(Gen.weighted(9, Gen.elements(known)), Gen.weighted(1, unknown));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " is not an open enum of the model", e);
        }
    }

    private static Object invoke(Method m, @Nullable Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
