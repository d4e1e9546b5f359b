package io.github.berth.placement.query;

import io.github.berth.core.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** How values are read and compared, per subject: one place for the typed rules. */
final class QueryValues {

    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private QueryValues() {}

    /** What is wrong with {@code value} as an argument of {@code op} on {@code subject}, or null. */
    static @Nullable String problem(Subject subject, Operator op, String value) {
        if (op == Operator.MATCHES || op == Operator.NOT_MATCHES) {
            return UserPattern.problem(value);
        }
        return switch (subject.kind()) {
            case AGENT_CONNECTED ->
                value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                        ? null
                        : "agentConnected takes true or false, not '" + value + "'";
            case AGENT_VERSION ->
                VERSION.matcher(value).matches()
                        ? null
                        : "agentVersion takes a version such as 1.14.5, not '" + value + "'";
            case RUNNING_TASKS_COUNT ->
                COUNT.matcher(value).matches() ? null : "runningTasksCount takes a whole number, not '" + value + "'";
            case REGISTERED_AT ->
                dateRange(value) != null
                        ? null
                        : "registeredAt takes a date such as 2018-06-18 or 2018-06-18T22:28:28Z, not '" + value + "'";
            default -> null;
        };
    }

    /**
     * The instants a date value stands for: [start, end). A date alone stands for its whole UTC day
     * ([model]: so {@code registeredAt < 2018-02-13} is "before that day" and {@code ==} "on that
     * day"); a date and time for one second. Formats of docs/placement.md#query-subjects.
     */
    static Instant @Nullable [] dateRange(String value) {
        try {
            if (DATE.matcher(value).matches()) {
                Instant start =
                        LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Instant[] {start, start.plusSeconds(86_400)};
            }
            Instant at;
            if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")) {
                at = OffsetDateTime.parse(value).toInstant();
            } else {
                at = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            }
            return new Instant[] {at, at.plusSeconds(1)};
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Compares dotted versions by their numbers: 1.9.0 &lt; 1.14.5; missing parts count as 0. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigDecimal p = i < x.length ? number(x[i]) : BigDecimal.ZERO;
            BigDecimal q = i < y.length ? number(y[i]) : BigDecimal.ZERO;
            if (p == null || q == null) {
                return a.compareTo(b);
            }
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** [model] Attribute values compare as numbers when both are numbers, else as strings. */
    static int compareAttribute(String a, String b) {
        BigDecimal p = number(a);
        BigDecimal q = number(b);
        return p != null && q != null ? p.compareTo(q) : a.compareTo(b);
    }

    private static @Nullable BigDecimal number(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        char c = s.charAt(0);
        if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean ordered(Operator op, int comparison) {
        return switch (op) {
            case EQUALS -> comparison == 0;
            case NOT_EQUALS -> comparison != 0;
            case GREATER_THAN -> comparison > 0;
            case GREATER_THAN_EQUAL -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_THAN_EQUAL -> comparison <= 0;
            default -> throw new IllegalArgumentException(op.toString());
        };
    }
}
