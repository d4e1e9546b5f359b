package io.github.berth.testkit.generators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The simplest obviously-correct reading of a six-field AWS {@code cron(...)} expression, written
 * apart from {@code CronExpression} so the brute-force property has an oracle of its own: each field
 * is a predicate read straight from the text of the AAS cron reference (reference
 * docs/scaling.md#cron-expressions), evaluated on one wall-clock minute. No masks, no search.
 *
 * <p>Field forms: {@code *}, {@code a}, {@code a-b} (wrapping past the end when {@code b < a}, as in
 * Quartz), {@code /s} increments on {@code *}, {@code a} (from a to the end) and {@code a-b}, lists;
 * names (JAN-DEC, SUN-SAT, case-insensitive); day-of-month {@code ? L LW nW}; day-of-week
 * {@code ? L nL n#k}.
 */
final class ReferenceCron {

    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String[] f;

    ReferenceCron(String sixFields) {
        this.f = sixFields.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("six fields expected: " + sixFields);
        }
    }

    boolean matches(LocalDateTime t) {
        return field(f[0], 0, 59, null).test(t.getMinute())
                && field(f[1], 0, 23, null).test(t.getHour())
                && matchesDate(t.toLocalDate());
    }

    /** Whether the expression names some minute of the day {@code d}. */
    boolean matchesDate(LocalDate d) {
        return field(f[3], 1, 12, MONTHS).test(d.getMonthValue())
                && field(f[5], 1970, 2199, null).test(d.getYear())
                && dayOfMonth(f[2], d)
                && dayOfWeek(f[4], d);
    }

    private static boolean dayOfMonth(String s, LocalDate d) {
        int day = d.getDayOfMonth();
        int length = d.lengthOfMonth();
        switch (s) {
            case "?":
            case "*":
                return true;
            case "L":
                return day == length;
            case "LW":
                return day == nearestWeekdayInMonth(d, length);
            default:
                if (s.endsWith("W")) {
                    int n = Integer.parseInt(s.substring(0, s.length() - 1));
                    return n <= length && day == nearestWeekdayInMonth(d, n);
                }
                return field(s, 1, 31, null).test(day);
        }
    }

    /** Of the weekdays (Monday to Friday) of d's month, the one closest to day n. */
    private static int nearestWeekdayInMonth(LocalDate d, int n) {
        int best = -1;
        for (int day = 1; day <= d.lengthOfMonth(); day++) {
            DayOfWeek w = d.withDayOfMonth(day).getDayOfWeek();
            boolean weekday = w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
            if (weekday && (best < 0 || Math.abs(day - n) < Math.abs(best - n))) {
                best = day;
            }
        }
        return best;
    }

    private static boolean dayOfWeek(String s, LocalDate d) {
        int w = d.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : d.getDayOfWeek().getValue() + 1; // SUN=1 .. SAT=7
        if (s.equals("?") || s.equals("*")) {
            return true;
        }
        if (s.equals("L")) {
            return w == 7; // the last day of the week
        }
        if (s.contains("#")) {
            String[] p = s.split("#");
            int nth = Integer.parseInt(p[1]);
            // the nth such weekday: (nth - 1) whole weeks of the month lie before it
            return w == value(p[0], 1, DAYS) && d.getDayOfMonth() > 7 * (nth - 1) && d.getDayOfMonth() <= 7 * nth;
        }
        if (s.endsWith("L")) {
            // the last such weekday: none of it a week later in the same month
            return w == value(s.substring(0, s.length() - 1), 1, DAYS)
                    && d.plusDays(7).getMonthValue() != d.getMonthValue();
        }
        return field(s, 1, 7, DAYS).test(w);
    }

    private static IntPredicate field(String s, int min, int max, List<String> names) {
        IntPredicate any = v -> false;
        for (String item : s.split(",")) {
            any = any.or(item(item, min, max, names));
        }
        return any;
    }

    private static IntPredicate item(String item, int min, int max, List<String> names) {
        int step = 1;
        String range = item;
        if (item.contains("/")) {
            step = Integer.parseInt(item.substring(item.indexOf('/') + 1));
            range = item.substring(0, item.indexOf('/'));
        }
        int span = max - min + 1;
        int from;
        int to;
        if (range.equals("*")) {
            from = min;
            to = max;
        } else if (range.indexOf('-', 1) > 0) {
            from = value(range.substring(0, range.indexOf('-', 1)), min, names);
            to = value(range.substring(range.indexOf('-', 1) + 1), min, names);
        } else {
            from = value(range, min, names);
            to = item.contains("/") ? max : from;
        }
        int length = Math.floorMod(to - from, span); // steps from 'from' to 'to', going round past max
        int s = step;
        return v -> {
            int offset = Math.floorMod(v - from, span);
            return offset <= length && offset % s == 0;
        };
    }

    private static int value(String s, int min, List<String> names) {
        if (names != null && names.contains(s)) {
            return min + names.indexOf(s);
        }
        return Integer.parseInt(s);
    }
}
