package io.github.berth.core.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.OpenEnum;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An upper bound of the length of a value's compact wire JSON, found without writing it: a few
 * nanoseconds per member instead of a serialization. Sound by construction: a string counts 6 bytes a
 * character (the longest escape, {@code \u0000}), a number the most digits its type can print, every
 * member its name, quotes, colon and comma. A type it does not know makes it give up (answer "more").
 *
 * <p>It reads the members of a value type from the {@code @JsonProperty} accessors of its public
 * supertype (the generated model types), through getters made once per type with
 * {@link LambdaMetafactory}.
 */
final class WireSizeBound {

    /** Returned once the bound passes the limit, or for a value it cannot bound. */
    static final long OVER = Long.MAX_VALUE;

    private static final int MAX_BYTES_PER_CHAR = 6;
    private static final int MAX_INTEGER_LENGTH = 20; // -9223372036854775808
    private static final int MAX_DOUBLE_LENGTH = 25; // Double.toString, e.g. -4.9E-324, 2.2250738585072014E-308
    private static final int MAX_TIMESTAMP_LENGTH = 30; // epoch seconds: sign, 17 digits, point, 9 digits

    private static final ClassValue<Member[]> MEMBERS = new ClassValue<>() {
        @Override
        protected Member @Nullable [] computeValue(Class<?> type) {
            return members(type);
        }
    };

    private WireSizeBound() {}

    /** A bound of the compact JSON length of {@code value}, or {@link #OVER} when above {@code limit}. */
    static long of(Object value, long limit) {
        long n = bound(value, limit);
        return n > limit ? OVER : n;
    }

    private static long bound(Object v, long budget) {
        if (v == null) {
            return 4;
        }
        if (v instanceof String) {
            return 2 + (long) MAX_BYTES_PER_CHAR * ((String) v).length();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return MAX_INTEGER_LENGTH;
        }
        if (v instanceof Boolean) {
            return 5;
        }
        if (v instanceof Double || v instanceof Float) {
            return MAX_DOUBLE_LENGTH;
        }
        if (v instanceof OpenEnum) {
            return 2 + (long) MAX_BYTES_PER_CHAR * ((OpenEnum) v).value().length();
        }
        if (v instanceof Instant) {
            return MAX_TIMESTAMP_LENGTH;
        }
        if (v instanceof List) {
            List<?> list = (List<?>) v;
            long n = 2;
            for (int i = 0; i < list.size() && n <= budget; i++) {
                n = add(n, bound(list.get(i), budget - n), 1);
            }
            return n;
        }
        if (v instanceof Collection) {
            long n = 2;
            for (Object e : (Collection<?>) v) {
                n = add(n, bound(e, budget - n), 1);
                if (n > budget) {
                    break;
                }
            }
            return n;
        }
        if (v instanceof Map) {
            long n = 2;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                n = add(n, bound(String.valueOf(e.getKey()), budget - n), 2 + bound(e.getValue(), budget - n));
                if (n > budget) {
                    break;
                }
            }
            return n;
        }
        Member[] members = MEMBERS.get(v.getClass());
        if (members == null) {
            return OVER;
        }
        long n = 2;
        for (Member m : members) {
            Object x = m.getter.apply(v);
            if (x != null) {
                n = add(n, m.nameBound, bound(x, budget - n) + 1);
                if (n > budget) {
                    break;
                }
            }
        }
        return n;
    }

    private static long add(long a, long b, long c) {
        long s = a + b + c;
        return s < 0 || b == OVER || c < 0 ? OVER : s;
    }

    /** The members of a model value type, or null when the type is not one. */
    private static Member @Nullable [] members(Class<?> type) {
        Class<?> model = type;
        while (model != null
                && !(Modifier.isPublic(model.getModifiers()) && model.isAnnotationPresent(JsonSerialize.class))) {
            model = model.getSuperclass();
        }
        if (model == null) {
            return null;
        }
        List<Member> members = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Method m : model.getMethods()) {
            JsonProperty p = m.getAnnotation(JsonProperty.class);
            if (p == null || m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            try {
                members.add(new Member(2 + (long) MAX_BYTES_PER_CHAR * p.value().length() + 1, getter(lookup, m)));
            } catch (Throwable e) {
                return null; // cannot read it cheaply: no bound
            }
        }
        return members.toArray(new Member[0]);
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> getter(MethodHandles.Lookup lookup, Method m) throws Throwable {
        MethodHandle target = lookup.unreflect(m);
        CallSite site = LambdaMetafactory.metafactory(
                lookup,
                "apply",
                MethodType.methodType(Function.class),
                MethodType.methodType(Object.class, Object.class),
                target,
                MethodType.methodType(m.getReturnType(), m.getDeclaringClass()));
        return (Function<Object, Object>) site.getTarget().invokeExact();
    }

    /** One member: the most its name can take ({@code "name":}) and how to read it. */
    private static final class Member {
        final long nameBound;
        final Function<Object, Object> getter;

        Member(long nameBound, Function<Object, Object> getter) {
            this.nameBound = nameBound;
            this.getter = getter;
        }
    }
}
