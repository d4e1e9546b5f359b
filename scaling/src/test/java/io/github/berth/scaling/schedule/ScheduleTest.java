package io.github.berth.scaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

    private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

    @Test
    void parsesTheThreeForms() {
        assertThat(Schedule.parse("at(2024-03-04T10:00:00)"))
                .isEqualTo(new AtSchedule(LocalDateTime.parse("2024-03-04T10:00")));
        assertThat(Schedule.parse("at(2024-02-29T23:59)"))
                .isEqualTo(new AtSchedule(LocalDateTime.parse("2024-02-29T23:59")));
        assertThat(Schedule.parse("rate(5 minutes)")).isEqualTo(new RateSchedule(5, "minutes"));
        assertThat(Schedule.parse("rate(1 day)")).isEqualTo(new RateSchedule(1, "day"));
        assertThat(Schedule.parse("cron(0 18 ? * MON-FRI *)")).isInstanceOf(CronExpression.class);
        assertThat(Schedule.parse("rate(2 hours)").expression()).isEqualTo("rate(2 hours)");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 18 ? * MON-FRI *|Invalid schedule expression",
                "every(5 minutes)|Invalid schedule expression",
                "rate(5 weeks)|Invalid schedule expression",
                "rate(30 seconds)|Invalid schedule expression",
                "rate(five minutes)|Invalid schedule expression",
                "rate(0 minutes)|Invalid schedule frequency",
                "rate(-1 hours)|Invalid schedule frequency",
                "at(2035-01-01T00:00:00Z)|Invalid schedule at DateTime expression",
                "at(2035-01-01)|Invalid schedule at DateTime expression",
                "at(+99999-01-01T00:00:00)|Invalid schedule at DateTime expression",
                "at(12035-01-01T00:00:00)|Invalid schedule at DateTime expression",
                "at(2035-01-01T00:00:00.5)|Invalid schedule at DateTime expression",
                "at(2035-02-30T00:00:00)|Invalid schedule at DateTime expression",
                "cron(0 0 * * * *)|Invalid CRON expression"
            })
    void refusesWithTheServiceMessage(String expression, String message) {
        assertThatThrownBy(() -> Schedule.parse(expression))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.awsMessage()).isEqualTo(message));
    }

    @Test
    void atRunsOnceAtTheWallClockTimeOfItsZone() {
        Schedule at = Schedule.parse("at(2024-03-04T10:00:00)");
        assertThat(at.next(T0, ZoneOffset.UTC, T0)).isEqualTo("2024-03-04T10:00:00Z");
        assertThat(at.next(T0, ZoneId.of("Asia/Tokyo"), T0)).isEqualTo("2024-03-04T01:00:00Z");
        assertThat(at.next(Instant.parse("2024-03-04T10:00:00Z"), ZoneOffset.UTC, T0))
                .isNull();
        assertThat(at.isRecurring()).isFalse();
    }

    @Test
    void rateCountsFromItsAnchor() {
        RateSchedule rate = (RateSchedule) Schedule.parse("rate(90 minutes)");
        assertThat(rate.interval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rate.next(T0, ZoneOffset.UTC, T0)).isEqualTo("2024-03-04T01:30:00Z");
        assertThat(rate.next(Instant.parse("2024-03-04T01:30:00Z"), ZoneOffset.UTC, T0))
                .isEqualTo("2024-03-04T03:00:00Z");
        assertThat(rate.next(T0.minusSeconds(1), ZoneOffset.UTC, T0)).isEqualTo(T0);
    }

    @Test
    void aRecurringActionAlsoRunsAtItsStartTimeAndStopsAtItsEndTime() {
        Instant start = Instant.parse("2024-03-04T07:10:00Z");
        Instant end = Instant.parse("2024-03-06T12:00:00Z");
        ScheduledActionTimes daily = ScheduledActionTimes.of("cron(0 9 * * ? *)", null, start, end);
        assertThat(daily.next(T0, T0)).isEqualTo(start);
        assertThat(daily.next(start, T0)).isEqualTo("2024-03-04T09:00:00Z");
        assertThat(daily.next(Instant.parse("2024-03-06T09:00:00Z"), T0)).isNull();
        // A run exactly at the EndTime still happens (docs/scaling.md#scheduled-actions).
        ScheduledActionTimes endsAtNine =
                ScheduledActionTimes.of("cron(0 9 * * ? *)", null, null, Instant.parse("2024-03-05T09:00:00Z"));
        assertThat(endsAtNine.next(Instant.parse("2024-03-04T09:00:00Z"), T0)).isEqualTo("2024-03-05T09:00:00Z");
        assertThat(endsAtNine.next(Instant.parse("2024-03-05T09:00:00Z"), T0)).isNull();
        // A rate counts from the StartTime when there is one, else from when the action was created.
        ScheduledActionTimes rate = ScheduledActionTimes.of("rate(1 hour)", null, start, null);
        assertThat(rate.next(start, T0)).isEqualTo("2024-03-04T08:10:00Z");
        ScheduledActionTimes noStart = ScheduledActionTimes.of("rate(1 hour)", null, null, null);
        assertThat(noStart.next(T0, T0)).isEqualTo("2024-03-04T01:00:00Z");
    }

    @Test
    void anAtOutsideItsStartAndEndNeverRuns() {
        assertThat(ScheduledActionTimes.of("at(2024-03-04T10:00:00)", null, Instant.parse("2024-03-05T00:00:00Z"), null)
                        .next(T0, T0))
                .isNull();
        assertThat(ScheduledActionTimes.of("at(2024-03-04T10:00:00)", null, null, Instant.parse("2024-03-04T09:00:00Z"))
                        .next(T0, T0))
                .isNull();
        assertThat(ScheduledActionTimes.of("at(2024-03-04T10:00:00)", "Europe/Paris", null, null)
                        .next(T0, T0))
                .isEqualTo("2024-03-04T09:00:00Z");
    }

    @Test
    void timezonesAreIanaNames() {
        assertThat(ScheduledActionTimes.zone(null)).isEqualTo(ZoneOffset.UTC);
        assertThat(ScheduledActionTimes.zone("Pacific/Tahiti")).isEqualTo(ZoneId.of("Pacific/Tahiti"));
        assertThat(ScheduledActionTimes.zone("Etc/GMT+9")).isEqualTo(ZoneId.of("Etc/GMT+9"));
        assertThatThrownBy(() -> ScheduledActionTimes.zone("Mars/Olympus")).hasMessageContaining("'Mars/Olympus'");
        assertThatThrownBy(() -> ScheduledActionTimes.zone("+02:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextAtTheEndsOfTimeIsNullOrTheFirstRun() {
        // These threw java.time's DateTimeException (the year of Instant.MAX has no LocalDate; a rate's
        // next run past Instant.MAX has no Instant).
        CronExpression daily = CronExpression.parse("0 10 * * ? *");
        assertThat(daily.next(Instant.MAX, ZoneId.of("Europe/Paris"))).isNull();
        assertThat(daily.next(Instant.parse("2199-12-31T10:00:00Z"), ZoneOffset.UTC))
                .isNull();
        assertThat(daily.next(Instant.MIN, ZoneId.of("America/St_Johns")))
                .isEqualTo(Instant.parse("1970-01-01T13:30:00Z"));
        assertThat(daily.next(Instant.MIN, ZoneOffset.UTC)).isEqualTo(Instant.parse("1970-01-01T10:00:00Z"));
        RateSchedule minutes = (RateSchedule) Schedule.parse("rate(1 minute)");
        assertThat(minutes.next(Instant.MAX.minusSeconds(30), ZoneOffset.UTC, Instant.MIN))
                .isNull();
        assertThat(minutes.next(Instant.MAX, ZoneOffset.UTC, Instant.EPOCH)).isNull();
        RateSchedule longest = (RateSchedule) Schedule.parse("rate(" + Long.MAX_VALUE / 86_400 + " days)");
        assertThat(longest.next(Instant.EPOCH.plusSeconds(1), ZoneOffset.UTC, Instant.EPOCH))
                .isNull();
        assertThat(minutes.next(Instant.parse("2024-03-01T10:00:30Z"), ZoneOffset.UTC, Instant.EPOCH))
                .isEqualTo(Instant.parse("2024-03-01T10:01:00Z"));
        assertThat(ScheduledActionTimes.of("rate(5 minutes)", null, Instant.MIN, Instant.MAX)
                        .next(Instant.MAX, Instant.EPOCH))
                .isNull();
    }

    @Test
    void aRateBuiltDirectlyIsCheckedAsWhenParsed() {
        // new RateSchedule(0, "minutes").next(...) divided by zero.
        assertThatThrownBy(() -> new RateSchedule(0, "minutes"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageStartingWith("Invalid schedule frequency");
        assertThatThrownBy(() -> new RateSchedule(5, "weeks"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("the unit must be minute(s), hour(s) or day(s), found 'weeks'");
        assertThatThrownBy(() -> new RateSchedule(5, null)).isInstanceOf(InvalidScheduleException.class);
        assertThat(new RateSchedule(5, "minutes").interval()).isEqualTo(Duration.ofMinutes(5));
    }
}
