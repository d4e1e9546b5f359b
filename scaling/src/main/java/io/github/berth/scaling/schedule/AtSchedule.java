package io.github.berth.scaling.schedule;

import io.github.berth.core.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * {@code at(yyyy-mm-ddThh:mm:ss)}: one run at a wall-clock time of the action's time zone.
 *
 * @param dateTime the local date-time written in the expression
 */
public record AtSchedule(LocalDateTime dateTime) implements Schedule {

    /**
     * [doc] {@code yyyy-mm-ddThh:mm:ss} (API Reference, PutScheduledAction, Schedule): a four-digit
     * year and no fraction of a second; [model] the seconds may be left out. An offset or 'Z' is
     * refused: the zone belongs in Timezone (observed answer to at(2035-01-01T00:00:00Z): "Invalid
     * schedule at DateTime expression"). ISO's own parser would also take {@code +99999-01-01T00:00}
     * and {@code 10:00:00.5}.
     */
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4) // exactly four digits, no sign ("uuuu" takes "+99999")
            .appendPattern("-MM-dd'T'HH:mm[:ss]")
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    static AtSchedule parseBody(String body) {
        String s = body.trim();
        try {
            return new AtSchedule(LocalDateTime.parse(s, FORMAT));
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleException(
                    InvalidScheduleException.INVALID_AT, "expected yyyy-mm-ddThh:mm:ss, found '" + s + "'");
        }
    }

    @Override
    public boolean isRecurring() {
        return false;
    }

    /** The instant this runs at in {@code zone} (a time skipped by a DST change runs as java.time shifts it). */
    public Instant at(ZoneId zone) {
        return ZonedDateTime.of(dateTime, zone).toInstant();
    }

    @Override
    public @Nullable Instant next(Instant after, ZoneId zone, Instant anchor) {
        Instant at = at(zone);
        return at.isAfter(after) ? at : null;
    }

    @Override
    public String expression() {
        return "at(" + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime) + ")";
    }
}
