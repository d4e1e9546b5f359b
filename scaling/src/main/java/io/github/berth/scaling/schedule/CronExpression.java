package io.github.berth.scaling.schedule;

import io.github.berth.core.Nullable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.Objects;

/**
 * An Application Auto Scaling {@code cron(...)} expression: six fields {@code Minutes Hours
 * Day-of-month Month Day-of-week Year} (docs/scaling.md#cron-expressions; AAS user guide "scheduled scaling using
 * cron expressions"), or seven with a leading Seconds field, which AAS accepts but without second
 * precision (runs are at second 0 of the minute).
 *
 * <p>Fields take {@code , - * /}; day-of-month also {@code ? L LW nW}; day-of-week {@code 1-7} or
 * {@code SUN-SAT} (1 = Sunday) with {@code , - * ? L nL n#k} but no {@code /}; months {@code 1-12} or {@code JAN-DEC};
 * years 1970-2199. Exactly one of the two day fields is {@code ?}. Names are case-insensitive. A
 * range whose end is below its start wraps around ({@code FRI-MON}, {@code 22-2}), as in Quartz.
 *
 * <p>Time zones and daylight saving [model] — AAS publishes only "DST handled": each matching
 * wall-clock minute runs once, at the instant java.time resolves it to. A time skipped by a
 * spring-forward gap runs shifted later by the length of the gap (02:30 becomes 03:30, as Joda's
 * and Quartz's lenient calendars also do); a time repeated by a fall-back overlap runs once, at
 * its first occurrence. {@link #next} is exact under that rule; it is the one place the rule lives.
 */
public final class CronExpression implements Schedule {

    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2199;
    private static final Instant FIRST_SEARCHED =
            LocalDate.of(MIN_YEAR, 1, 1).minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LAST_SEARCHED =
            LocalDate.of(MAX_YEAR + 1, 1, 1).plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);

    private static final String[] MONTH_NAMES = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };
    private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    // How a day field is used.
    private enum DayRule {
        ANY,
        QUESTION,
        SET,
        LAST_DAY,
        LAST_WEEKDAY,
        NEAREST_WEEKDAY,
        LAST_OF_WEEKDAY,
        NTH_WEEKDAY
    }

    private final String expression;
    private final long minutes; // bit m set: minute m
    private final int hours; // bit h
    private final int months; // bit m (1-12)
    private final long[] years = new long[4]; // bit (y - 1970)
    private final DayRule domRule;
    private final long domSet; // bits 1-31
    private final int domDay; // for nW
    private final DayRule dowRule;
    private final int dowSet; // bits 1-7 (1 = Sunday)
    private final int dowDay; // for nL and n#k: the weekday 1-7
    private final int dowNth; // for n#k

    private CronExpression(String expression, String[] f) {
        this.expression = expression;
        this.minutes = parseField(f[0], new Domain(0, 59, null, "minutes"));
        this.hours = (int) parseField(f[1], new Domain(0, 23, null, "hours"));
        this.months = (int) parseField(f[3], new Domain(1, 12, MONTH_NAMES, "month"));
        parseYears(f[5]);

        String dom = f[2].toUpperCase(Locale.ROOT);
        String dow = f[4].toUpperCase(Locale.ROOT);
        boolean domQ = dom.equals("?");
        boolean dowQ = dow.equals("?");
        if (domQ == dowQ) {
            throw invalid(
                    domQ
                            ? "day-of-month and day-of-week cannot both be '?': one of them must name the days"
                            : "one of day-of-month and day-of-week must be '?' (found '" + f[2] + "' and '" + f[4]
                                    + "')");
        }
        // Day-of-month.
        long dSet = 0;
        int dDay = 0;
        DayRule dRule;
        if (domQ) {
            dRule = DayRule.QUESTION;
        } else if (dom.equals("*")) {
            dRule = DayRule.ANY;
        } else if (dom.equals("L")) {
            dRule = DayRule.LAST_DAY;
        } else if (dom.equals("LW")) {
            dRule = DayRule.LAST_WEEKDAY;
        } else if (dom.endsWith("W")) {
            dRule = DayRule.NEAREST_WEEKDAY;
            dDay = number(dom.substring(0, dom.length() - 1), 1, 31, "day-of-month", f[2]);
        } else {
            dRule = DayRule.SET;
            dSet = parseField(dom, new Domain(1, 31, null, "day-of-month"));
        }
        this.domRule = dRule;
        this.domSet = dSet;
        this.domDay = dDay;
        // Day-of-week.
        int wSet = 0;
        int wDay = 0;
        int wNth = 0;
        DayRule wRule;
        if (dowQ) {
            wRule = DayRule.QUESTION;
        } else if (dow.equals("*")) {
            wRule = DayRule.ANY;
        } else if (dow.equals("L")) {
            // 'L' alone is the last day of the week: Saturday.
            wRule = DayRule.SET;
            wSet = 1 << 7;
        } else if (dow.contains("#")) {
            int hash = dow.indexOf('#');
            if (dow.indexOf('#', hash + 1) >= 0 || dow.contains(",") || dow.contains("-")) {
                throw invalid("only one '#' expression is allowed in day-of-week, found '" + f[4] + "'");
            }
            wRule = DayRule.NTH_WEEKDAY;
            wDay = dayOfWeekValue(dow.substring(0, hash), f[4]);
            wNth = number(dow.substring(hash + 1), 1, 5, "day-of-week", f[4]);
        } else if (dow.endsWith("L")) {
            wRule = DayRule.LAST_OF_WEEKDAY;
            wDay = dayOfWeekValue(dow.substring(0, dow.length() - 1), f[4]);
        } else {
            if (dow.contains("/")) {
                // Day-of-week takes , - * ? L # but no increments (AAS / EventBridge cron reference).
                throw invalid("day-of-week takes no '/' increment, found '" + f[4] + "'");
            }
            wRule = DayRule.SET;
            wSet = (int) parseField(dow, new Domain(1, 7, DAY_NAMES, "day-of-week"));
        }
        this.dowRule = wRule;
        this.dowSet = wSet;
        this.dowDay = wDay;
        this.dowNth = wNth;
    }

    /**
     * Parses the fields of a {@code cron(...)} expression (what is between the parentheses).
     *
     * @throws InvalidScheduleException ("Invalid CRON expression") naming the field and the reason
     * @throws NullPointerException if {@code fields} is null
     */
    public static CronExpression parse(String fields) {
        Objects.requireNonNull(fields, "fields");
        String body = fields.trim();
        String[] f = body.isEmpty() ? new String[0] : body.split("\\s+");
        if (f.length == 7) {
            // A leading Seconds field: accepted, but runs are per minute.
            parseField(f[0], new Domain(0, 59, null, "seconds"));
            String[] six = new String[6];
            System.arraycopy(f, 1, six, 0, 6);
            f = six;
        } else if (f.length != 6) {
            throw invalid("expected six fields (Minutes Hours Day-of-month Month Day-of-week Year), found " + f.length
                    + " in '" + body + "'");
        }
        return new CronExpression("cron(" + body + ")", f);
    }

    @Override
    public boolean isRecurring() {
        return true;
    }

    @Override
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    // ------------------------------------------------------------------ matching

    /** Whether this expression names the wall-clock minute {@code t} (seconds are ignored). */
    public boolean matches(LocalDateTime t) {
        return (minutes & (1L << t.getMinute())) != 0
                && (hours & (1 << t.getHour())) != 0
                && matchesDate(t.toLocalDate());
    }

    /** Whether this expression names some minute of the day {@code d}. */
    public boolean matchesDate(LocalDate d) {
        int y = d.getYear();
        if (y < MIN_YEAR || y > MAX_YEAR || !yearSet(y) || (months & (1 << d.getMonthValue())) == 0) {
            return false;
        }
        return domRule == DayRule.QUESTION ? dayOfWeekMatches(d) : dayOfMonthMatches(d);
    }

    private boolean dayOfMonthMatches(LocalDate d) {
        int day = d.getDayOfMonth();
        int length = d.lengthOfMonth();
        switch (domRule) {
            case ANY:
                return true;
            case SET:
                return (domSet & (1L << day)) != 0;
            case LAST_DAY:
                return day == length;
            case LAST_WEEKDAY:
                return day == nearestWeekday(d.withDayOfMonth(length));
            case NEAREST_WEEKDAY:
                // A day the month does not have names no day of it.
                return domDay <= length && day == nearestWeekday(d.withDayOfMonth(domDay));
            default:
                throw new AssertionError(domRule);
        }
    }

    /** The weekday nearest to {@code d} without leaving its month (Quartz's {@code W}). */
    private static int nearestWeekday(LocalDate d) {
        int day = d.getDayOfMonth();
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY) {
            return day == 1 ? 3 : day - 1;
        }
        if (w == DayOfWeek.SUNDAY) {
            return day == d.lengthOfMonth() ? day - 2 : day + 1;
        }
        return day;
    }

    private boolean dayOfWeekMatches(LocalDate d) {
        int w = d.getDayOfWeek().getValue() % 7 + 1; // Sunday = 1 ... Saturday = 7
        switch (dowRule) {
            case ANY:
                return true;
            case SET:
                return (dowSet & (1 << w)) != 0;
            case LAST_OF_WEEKDAY:
                return w == dowDay && d.getDayOfMonth() + 7 > d.lengthOfMonth();
            case NTH_WEEKDAY:
                return w == dowDay && (d.getDayOfMonth() - 1) / 7 + 1 == dowNth;
            default:
                throw new AssertionError(dowRule);
        }
    }

    private boolean yearSet(int y) {
        int i = y - MIN_YEAR;
        return (years[i >> 6] & (1L << (i & 63))) != 0;
    }

    // ------------------------------------------------------------------ next fire time

    @Override
    public @Nullable Instant next(Instant after, ZoneId zone, Instant anchor) {
        return next(after, zone);
    }

    /**
     * The first instant strictly after {@code after} at which this expression fires in
     * {@code zone}, or null if it never fires again (its years are over).
     */
    public @Nullable Instant next(Instant after, ZoneId zone) {
        // Cron years run from 1970 to 2199: outside them (and far outside what java.time can turn
        // into a local date) there is nothing to search; a day either side covers every zone offset.
        if (after.isAfter(LAST_SEARCHED)) {
            return null;
        }
        if (after.isBefore(FIRST_SEARCHED)) {
            after = FIRST_SEARCHED;
        }
        ZoneRules rules = zone.getRules();
        long afterSecond = after.getEpochSecond();
        LocalDateTime localAfter = LocalDateTime.ofInstant(after, zone);
        // A gap can push a time of the day before forward past 'after'.
        LocalDate d = localAfter.toLocalDate().minusDays(1);
        long best = Long.MAX_VALUE;
        while (d.getYear() <= MAX_YEAR) {
            int y = d.getYear();
            if (y < MIN_YEAR) {
                d = LocalDate.of(MIN_YEAR, 1, 1);
                continue;
            }
            if (!yearSet(y)) {
                int ny = nextYear(y + 1);
                if (ny < 0) {
                    break;
                }
                d = LocalDate.of(ny, 1, 1);
                continue;
            }
            if ((months & (1 << d.getMonthValue())) == 0) {
                d = d.withDayOfMonth(1).plusMonths(1);
                continue;
            }
            boolean clean = rules.isFixedOffset() || !transitionTouches(rules, d);
            if (best != Long.MAX_VALUE && earliest(rules, d, clean) > best) {
                break;
            }
            if (matchesDate(d)) {
                if (clean) {
                    long epochDay = d.toEpochDay() * 86_400;
                    int offset =
                            rules.getOffset(LocalDateTime.of(d, LocalTime.NOON)).getTotalSeconds();
                    // With one offset all day, the first minute after 'after' is the earliest.
                    int fromMinuteOfDay = 0;
                    if (d.equals(localAfter.toLocalDate())) {
                        fromMinuteOfDay = localAfter.getHour() * 60 + localAfter.getMinute() + 1;
                    } else if (d.isBefore(localAfter.toLocalDate())) {
                        fromMinuteOfDay = 24 * 60;
                    }
                    int m = firstMinuteOfDay(fromMinuteOfDay);
                    if (m >= 0) {
                        long t = epochDay + m * 60L - offset;
                        if (t > afterSecond && t < best) {
                            best = t;
                        }
                    }
                } else {
                    for (int h = 0; h < 24; h++) {
                        if ((hours & (1 << h)) == 0) {
                            continue;
                        }
                        for (int mi = 0; mi < 60; mi++) {
                            if ((minutes & (1L << mi)) == 0) {
                                continue;
                            }
                            long t = ZonedDateTime.of(LocalDateTime.of(d, LocalTime.of(h, mi)), zone)
                                    .toEpochSecond();
                            if (t > afterSecond && t < best) {
                                best = t;
                            }
                        }
                    }
                }
            }
            d = d.plusDays(1);
        }
        return best == Long.MAX_VALUE ? null : Instant.ofEpochSecond(best);
    }

    /** The first matching minute of the day at or after {@code from} (0-1439), or -1. */
    private int firstMinuteOfDay(int from) {
        for (int h = from / 60; h < 24; h++) {
            if ((hours & (1 << h)) == 0) {
                continue;
            }
            int m0 = h == from / 60 ? from % 60 : 0;
            long rest = m0 >= 60 ? 0 : minutes & (-1L << m0);
            if (rest != 0) {
                return h * 60 + Long.numberOfTrailingZeros(rest);
            }
        }
        return -1;
    }

    /** The earliest instant (epoch second) any wall-clock time of {@code d} can resolve to. */
    private static long earliest(ZoneRules rules, LocalDate d, boolean clean) {
        long midnight = d.toEpochDay() * 86_400;
        if (clean) {
            return midnight
                    - rules.getOffset(LocalDateTime.of(d, LocalTime.NOON)).getTotalSeconds();
        }
        return midnight - ZoneOffset.MAX.getTotalSeconds();
    }

    /** Whether a change of offset starts or ends on the wall-clock day {@code d}. */
    private static boolean transitionTouches(ZoneRules rules, LocalDate d) {
        long from = (d.toEpochDay() - 2) * 86_400;
        long to = (d.toEpochDay() + 3) * 86_400;
        ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(from));
        while (t != null && t.getInstant().getEpochSecond() < to) {
            LocalDate a = t.getDateTimeBefore().toLocalDate();
            LocalDate b = t.getDateTimeAfter().toLocalDate();
            LocalDate lo = a.isBefore(b) ? a : b;
            LocalDate hi = a.isBefore(b) ? b : a;
            if (!d.isBefore(lo) && !d.isAfter(hi)) {
                return true;
            }
            t = rules.nextTransition(t.getInstant());
        }
        return false;
    }

    private int nextYear(int from) {
        for (int y = Math.max(from, MIN_YEAR); y <= MAX_YEAR; y++) {
            if (yearSet(y)) {
                return y;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ parsing

    private void parseYears(String field) {
        for (String item : field.split(",", -1)) {
            int[] r = item(item, new Domain(MIN_YEAR, MAX_YEAR, null, "year"), field, false);
            for (int y = r[0]; y <= r[1]; y += r[2]) {
                int i = y - MIN_YEAR;
                years[i >> 6] |= 1L << (i & 63);
            }
        }
    }

    /** What a field may hold: values from {@code min} to {@code max}, or {@code names} for them in order. */
    private record Domain(int min, int max, String @Nullable [] names, String what) {}

    private static long parseField(String field, Domain domain) {
        int min = domain.min();
        int max = domain.max();
        long mask = 0;
        for (String item : field.split(",", -1)) {
            int[] r = item(item, domain, field, true);
            int span = max - min + 1;
            int count = r[1] >= r[0] ? r[1] - r[0] : r[1] + span - r[0];
            for (int k = 0; k <= count; k += r[2]) {
                int v = r[0] + k;
                if (v > max) {
                    v -= span;
                }
                mask |= 1L << v;
            }
        }
        return mask;
    }

    /** One comma-separated item as {start, end, step}; end below start wraps when allowed. */
    private static int[] item(String raw, Domain domain, String field, boolean wrap) {
        int min = domain.min();
        int max = domain.max();
        String what = domain.what();
        String item = raw.toUpperCase(Locale.ROOT);
        if (item.isEmpty()) {
            throw invalid("empty value in " + what + " field '" + field + "'");
        }
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            step = number(item.substring(slash + 1), 1, max - min + 1, what + " increment", field);
            item = item.substring(0, slash);
        }
        int start;
        int end;
        if (item.equals("*")) {
            start = min;
            end = max;
        } else {
            int dash = item.indexOf('-', 1);
            if (dash >= 0) {
                start = value(item.substring(0, dash), domain, field);
                end = value(item.substring(dash + 1), domain, field);
                if (end < start && !wrap) {
                    throw invalid("the " + what + " range '" + raw + "' ends before it starts");
                }
            } else {
                start = value(item, domain, field);
                end = slash >= 0 ? max : start;
            }
        }
        return new int[] {start, end, step};
    }

    private static int value(String s, Domain domain, String field) {
        String[] names = domain.names();
        int min = domain.min();
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(s)) {
                    return min + i;
                }
            }
        }
        return number(s, min, domain.max(), domain.what(), field);
    }

    private static int dayOfWeekValue(String s, String field) {
        return value(s.toUpperCase(Locale.ROOT), new Domain(1, 7, DAY_NAMES, "day-of-week"), field);
    }

    private static int number(String s, int min, int max, String what, String field) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("'" + s + "' is not a valid " + what + " value in '" + field + "'");
        }
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            throw invalid(what + " value " + v + " is outside " + min + "-" + max + " in '" + field + "'");
        }
        return v;
    }

    private static InvalidScheduleException invalid(String reason) {
        return new InvalidScheduleException(InvalidScheduleException.INVALID_CRON, reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression && ((CronExpression) o).expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }
}
