package io.github.berth.scaling.schedule;

import io.github.berth.core.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * {@code at(yyyy-mm-ddThh:mm:ss)}: one run at a wall-clock time of the action's time zone.
 *
 * @param dateTime the local date-time written in the expression
 */
public record AtSchedule(LocalDateTime dateTime) implements Schedule {

    static AtSchedule parseBody(String body) {
        String s = body.trim();
        try {
            // ISO local date-time; seconds may be left out. An offset or 'Z' is refused: the zone belongs
            // in Timezone (observed answer to at(2035-01-01T00:00:00Z): "Invalid schedule at DateTime
            // expression").
            return new AtSchedule(LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
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
