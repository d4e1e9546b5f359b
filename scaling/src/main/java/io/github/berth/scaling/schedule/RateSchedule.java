package io.github.berth.scaling.schedule;

import io.github.berth.core.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rate(value unit)}: every {@code value} minutes, hours or days, counted from the action's
 * StartTime (or from when it was created). A fixed duration: a day is 24 hours whatever the zone.
 *
 * @param value the positive integer of the expression
 * @param unit {@code minute(s)}, {@code hour(s)} or {@code day(s)}, as written
 */
public record RateSchedule(long value, String unit) implements Schedule {

    private static final Pattern RATE = Pattern.compile("\\s*(-?\\d+)\\s*([A-Za-z]+)\\s*");

    /** @throws InvalidScheduleException for a unit other than minute(s), hour(s), day(s) or a value out of range */
    public RateSchedule {
        if (unit == null || unitSeconds(unit) == 0) {
            throw new InvalidScheduleException(
                    InvalidScheduleException.INVALID_EXPRESSION,
                    "the unit must be minute(s), hour(s) or day(s), found '" + unit + "'");
        }
        if (value < 1 || value > Long.MAX_VALUE / 86_400) {
            throw new InvalidScheduleException(
                    InvalidScheduleException.INVALID_FREQUENCY, "the value must be a positive integer, found " + value);
        }
    }

    static RateSchedule parseBody(String body) {
        Matcher m = RATE.matcher(body);
        if (!m.matches()) {
            throw new InvalidScheduleException(
                    InvalidScheduleException.INVALID_EXPRESSION,
                    "expected rate(<positive integer> <minute(s)|hour(s)|day(s)>), found 'rate(" + body + ")'");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unitSeconds(unit) == 0) {
            throw new InvalidScheduleException(
                    InvalidScheduleException.INVALID_EXPRESSION,
                    "the unit must be minute(s), hour(s) or day(s), found '" + m.group(2) + "'");
        }
        long value;
        try {
            value = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException(
                    InvalidScheduleException.INVALID_FREQUENCY, "the value " + m.group(1) + " is too large");
        }
        return new RateSchedule(value, unit);
    }

    private static long unitSeconds(String unit) {
        switch (unit) {
            case "minute":
            case "minutes":
                return 60;
            case "hour":
            case "hours":
                return 3_600;
            case "day":
            case "days":
                return 86_400;
            default:
                return 0;
        }
    }

    /** The time between two runs. */
    public Duration interval() {
        return Duration.ofSeconds(value * unitSeconds(unit));
    }

    @Override
    public boolean isRecurring() {
        return true;
    }

    @Override
    public @Nullable Instant next(Instant after, ZoneId zone, Instant anchor) {
        long step = value * unitSeconds(unit);
        long a = anchor.getEpochSecond();
        long t = after.getEpochSecond();
        if (t < a) {
            return anchor;
        }
        try {
            long k = (t - a) / step + 1;
            long next = Math.addExact(a, Math.multiplyExact(k, step));
            // Past the last instant java.time holds, the schedule has no further run to name.
            return next > Instant.MAX.getEpochSecond() ? null : Instant.ofEpochSecond(next);
        } catch (ArithmeticException beyondLong) {
            return null;
        }
    }

    @Override
    public String expression() {
        return "rate(" + value + " " + unit + ")";
    }
}
