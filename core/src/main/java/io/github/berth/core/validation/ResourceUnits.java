package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import java.util.OptionalInt;

/**
 * The task-level {@code cpu} and {@code memory} strings of a task definition, read as ECS reads them on
 * registration: cpu in CPU units ({@code "1024"}) or vCPUs ({@code "1 vCPU"}, {@code ".25 vcpu"}),
 * memory in MiB ({@code "512"}) or GB ({@code "2 GB"}, {@code "1GB"}, {@code ".5 gb"}). ECS stores both
 * as integer strings of CPU units and MiB (API {@code RegisterTaskDefinitionRequest.cpu}/{@code memory};
 * the fractional and lower-case forms come from the DG {@code ecs-exec} sample).
 *
 * <p>The grammar, a [model] choice since AWS publishes none: optional blanks, a number ({@code 12},
 * {@code 0.5}, {@code .5}), optional blanks, an optional unit ({@code vcpu} or {@code gb}, any case),
 * optional blanks. Without a unit the number must be whole. With a unit the amount is multiplied by
 * 1024 and rounded half up to a whole number. Anything else (signs, exponents, other units) is refused.
 */
public final class ResourceUnits {

    /** CPU units in one vCPU. */
    public static final int CPU_UNITS_PER_VCPU = 1024;
    /** MiB in one GB, as ECS counts it. */
    public static final int MIB_PER_GB = 1024;

    private ResourceUnits() {}

    /** The CPU units a task-level {@code cpu} string stands for, or empty when ECS would not read it. */
    public static OptionalInt cpuUnits(@Nullable String text) {
        return parse(text, "vcpu", CPU_UNITS_PER_VCPU);
    }

    /** The MiB a task-level {@code memory} string stands for, or empty when ECS would not read it. */
    public static OptionalInt memoryMiB(@Nullable String text) {
        return parse(text, "gb", MIB_PER_GB);
    }

    /** The cpu string as ECS stores it ({@code "1 vCPU"} becomes {@code "1024"}); unreadable text is kept. */
    public static @Nullable String normalizeCpu(@Nullable String text) {
        OptionalInt units = cpuUnits(text);
        return units.isPresent() ? Integer.toString(units.getAsInt()) : text;
    }

    /** The memory string as ECS stores it ({@code "2 GB"} becomes {@code "2048"}); unreadable text is kept. */
    public static @Nullable String normalizeMemory(@Nullable String text) {
        OptionalInt mib = memoryMiB(text);
        return mib.isPresent() ? Integer.toString(mib.getAsInt()) : text;
    }

    /**
     * Reads {@code number [unit]}. Hand-written rather than a regular expression: it runs for every
     * validation and the benchmark counts.
     */
    private static OptionalInt parse(@Nullable String text, String unit, int perUnit) {
        if (text == null) {
            return OptionalInt.empty();
        }
        int n = text.length();
        int i = skipBlanks(text, 0);
        int wholeStart = i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        int wholeEnd = i;
        int fractionStart = -1;
        int fractionEnd = -1;
        if (i < n && text.charAt(i) == '.') {
            i++;
            fractionStart = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            fractionEnd = i;
            if (fractionEnd == fractionStart) {
                return OptionalInt.empty(); // "1." or "."
            }
        }
        if (wholeEnd == wholeStart && fractionStart < 0) {
            return OptionalInt.empty(); // no number at all
        }
        i = skipBlanks(text, i);
        boolean withUnit = text.regionMatches(true, i, unit, 0, unit.length());
        if (withUnit) {
            i = skipBlanks(text, i + unit.length());
        }
        if (i != n) {
            return OptionalInt.empty();
        }
        long whole = digits(text, wholeStart, wholeEnd);
        if (whole < 0) {
            return OptionalInt.empty();
        }
        if (!withUnit) {
            if (fractionStart >= 0 || whole > Integer.MAX_VALUE) {
                return OptionalInt.empty(); // CPU units and MiB are whole numbers
            }
            return OptionalInt.of((int) whole);
        }
        long amount = whole * perUnit;
        if (fractionStart >= 0) {
            // Only the first 9 fraction digits count; more cannot change a result rounded to a whole unit.
            int end = Math.min(fractionEnd, fractionStart + 9);
            long fraction = digits(text, fractionStart, end);
            long scale = pow10(end - fractionStart);
            amount += (fraction * perUnit * 2 + scale) / (2 * scale);
        }
        return amount > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) amount);
    }

    /** The value of a run of digits, or -1 when it has more than 12 (far beyond any valid amount). */
    private static long digits(String text, int from, int to) {
        if (to - from > 12) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (text.charAt(i) - '0');
        }
        return v;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static int skipBlanks(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
