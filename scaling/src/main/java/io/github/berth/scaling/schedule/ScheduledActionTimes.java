package io.github.berth.scaling.schedule;

import io.github.berth.core.Nullable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * When one scheduled action runs: its {@code Schedule} read in its {@code Timezone}, bounded by
 * its {@code StartTime} and {@code EndTime} (docs/scaling.md#scheduled-actions).
 *
 * <ul>
 *   <li>A recurring action (rate, cron) with a StartTime also runs at the StartTime, then follows
 *       its recurrence; a rate() counts from the StartTime, else from when the action was created.
 *   <li>Nothing runs after the EndTime (a run exactly at it does). [model] An at() outside
 *       [StartTime, EndTime] never runs.
 * </ul>
 */
public final class ScheduledActionTimes {

    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final Schedule schedule;
    private final ZoneId zone;
    private final @Nullable Instant start;
    private final @Nullable Instant end;

    private ScheduledActionTimes(Schedule schedule, ZoneId zone, @Nullable Instant start, @Nullable Instant end) {
        this.schedule = schedule;
        this.zone = zone;
        this.start = start;
        this.end = end;
    }

    /**
     * @param timezone an IANA zone name ({@code Europe/Paris}, {@code Etc/GMT+9}), or null for UTC
     * @throws InvalidScheduleException if the expression is invalid
     * @throws IllegalArgumentException if the zone is not an IANA zone name
     */
    public static ScheduledActionTimes of(
            String schedule, @Nullable String timezone, @Nullable Instant start, @Nullable Instant end) {
        return new ScheduledActionTimes(Schedule.parse(schedule), zone(timezone), start, end);
    }

    /**
     * The zone of a {@code Timezone} member: UTC when absent; otherwise an IANA name (the canonical
     * names Joda-Time knows, which java.time knows too). Offsets such as {@code +02:00} are refused.
     *
     * @throws IllegalArgumentException naming the value
     */
    public static ZoneId zone(@Nullable String timezone) {
        if (timezone == null) {
            return ZoneOffset.UTC;
        }
        if (!ZONES.contains(timezone)) {
            throw new IllegalArgumentException("'" + timezone + "' is not an IANA time zone name");
        }
        return ZoneId.of(timezone);
    }

    public Schedule schedule() {
        return schedule;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The first run strictly after {@code after}, or null if the action never runs again.
     *
     * @param createdAt when the action was put (what a rate() without StartTime counts from)
     */
    public @Nullable Instant next(Instant after, Instant createdAt) {
        Instant t;
        if (!schedule.isRecurring()) {
            t = schedule.next(after, zone, createdAt);
            if (t != null && start != null && t.isBefore(start)) {
                t = null;
            }
        } else if (start != null && start.isAfter(after)) {
            t = start;
        } else {
            t = schedule.next(after, zone, start != null ? start : createdAt);
        }
        if (t != null && end != null && t.isAfter(end)) {
            return null;
        }
        return t;
    }
}
