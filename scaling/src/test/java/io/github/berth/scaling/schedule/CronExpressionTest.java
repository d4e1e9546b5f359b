package io.github.berth.scaling.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant next(String fields, String after, ZoneId zone) {
        return CronExpression.parse(fields).next(Instant.parse(after), zone);
    }

    // ------------------------------------------------------------------ syntax

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0 18 ? * MON-FRI *",
                "0/15 * * * ? *",
                "30 6 ? * MON *",
                "0 8 1 * ? *",
                "0 0 L * ? *",
                "0 0 LW * ? *",
                "0 0 15W * ? *",
                "0 0 ? * 6L *",
                "0 0 ? * 3#2 *",
                "0 0 ? * L *",
                "0 0 1 JAN,jul ? 2030-2040",
                "0-59/20 22-2 * * ? *",
                "0 0 ? * FRI-MON *",
                "0 12 * * ? 2199",
                "0 0 10 * * ? *"
            })
    void acceptsAwsCronSyntax(String fields) {
        assertThat(CronExpression.parse(fields).expression()).isEqualTo("cron(" + fields + ")");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 0 * * * *|one of day-of-month and day-of-week must be '?'",
                "0 0 1 * 2 *|one of day-of-month and day-of-week must be '?'",
                "0 0 ? * ? *|cannot both be '?'",
                "0 0 * *|expected six fields",
                "0 0 * * ? * * *|expected six fields",
                "60 0 * * ? *|minutes value 60 is outside 0-59",
                "0 24 * * ? *|hours value 24 is outside 0-23",
                "0 0 32 * ? *|day-of-month value 32 is outside 1-31",
                "0 0 0 * ? *|day-of-month value 0 is outside 1-31",
                "0 0 * 13 ? *|month value 13 is outside 1-12",
                "0 0 ? * 8 *|day-of-week value 8 is outside 1-7",
                "0 0 * * ? 1969|year value 1969 is outside 1970-2199",
                "0 0 * * ? 2200|year value 2200 is outside 1970-2199",
                "0 0 * * ? 2030-2020|ends before it starts",
                "0 0 ? * 1#2,2#3 *|only one '#'",
                "0 0 ? * 1#6 *|day-of-week value 6 is outside 1-5",
                "*/0 * * * ? *|minutes increment value 0 is outside",
                "0 0 ? * FOO *|'FOO' is not a valid day-of-week",
                "0 0 L-2 * ? *|is not a valid day-of-month",
                "x 0 * * ? *|'X' is not a valid minutes",
                "-5 0 * * ? *|'-5' is not a valid minutes value",
                "0 0 ,1 * ? *|empty value in day-of-month",
                "0 0 ? * 2/2 *|day-of-week takes no '/' increment"
            })
    void refusesWithTheServiceMessageAndAReason(String fields, String reason) {
        assertThatThrownBy(() -> CronExpression.parse(fields))
                .isInstanceOfSatisfying(InvalidScheduleException.class, e -> {
                    assertThat(e.awsMessage()).isEqualTo("Invalid CRON expression");
                    assertThat(e.reason()).contains(reason);
                });
    }

    // ------------------------------------------------------------------ matching

    @Test
    void dayOfWeekOneIsSundayAndNamesMatchNumbers() {
        CronExpression c = CronExpression.parse("0 9 ? * 1 *");
        assertThat(c.matches(LocalDateTime.parse("2024-03-03T09:00"))).isTrue(); // a Sunday
        assertThat(c.matches(LocalDateTime.parse("2024-03-04T09:00"))).isFalse();
        assertThat(CronExpression.parse("0 9 ? * SUN *").matches(LocalDateTime.parse("2024-03-03T09:00")))
                .isTrue();
        assertThat(CronExpression.parse("0 9 ? * sat *").matches(LocalDateTime.parse("2024-03-09T09:00")))
                .isTrue();
    }

    @Test
    void lastDayOfMonthFollowsTheCalendar() {
        CronExpression c = CronExpression.parse("0 0 L * ? *");
        assertThat(c.matchesDate(LocalDate.parse("2024-02-29"))).isTrue();
        assertThat(c.matchesDate(LocalDate.parse("2023-02-28"))).isTrue();
        assertThat(c.matchesDate(LocalDate.parse("2024-02-28"))).isFalse();
        assertThat(c.matchesDate(LocalDate.parse("2024-04-30"))).isTrue();
    }

    @Test
    void nearestWeekdayStaysInTheMonth() {
        // 2024-06-01 is a Saturday: 1W is Monday the 3rd, not Friday May 31st.
        assertThat(CronExpression.parse("0 0 1W * ? *").matchesDate(LocalDate.parse("2024-06-03")))
                .isTrue();
        assertThat(CronExpression.parse("0 0 1W * ? *").matchesDate(LocalDate.parse("2024-06-01")))
                .isFalse();
        // 2024-06-15 is a Saturday: 15W is Friday the 14th; 2024-06-16 a Sunday: 16W is Monday the 17th.
        assertThat(CronExpression.parse("0 0 15W * ? *").matchesDate(LocalDate.parse("2024-06-14")))
                .isTrue();
        assertThat(CronExpression.parse("0 0 16W * ? *").matchesDate(LocalDate.parse("2024-06-17")))
                .isTrue();
        // 2024-03-31 is a Sunday: LW is Friday the 29th.
        assertThat(CronExpression.parse("0 0 LW * ? *").matchesDate(LocalDate.parse("2024-03-29")))
                .isTrue();
        assertThat(CronExpression.parse("0 0 LW * ? *").matchesDate(LocalDate.parse("2024-03-31")))
                .isFalse();
        // A day the month does not have names nothing.
        assertThat(CronExpression.parse("0 0 31W * ? *").matchesDate(LocalDate.parse("2024-04-30")))
                .isFalse();
    }

    @Test
    void nthAndLastWeekdayOfTheMonth() {
        // 3#2: the second Tuesday. March 2024: Tuesdays are 5, 12, 19, 26.
        CronExpression second = CronExpression.parse("0 0 ? * 3#2 *");
        assertThat(second.matchesDate(LocalDate.parse("2024-03-12"))).isTrue();
        assertThat(second.matchesDate(LocalDate.parse("2024-03-05"))).isFalse();
        // 6L: the last Friday. March 2024: the 29th.
        CronExpression last = CronExpression.parse("0 0 ? * 6L *");
        assertThat(last.matchesDate(LocalDate.parse("2024-03-29"))).isTrue();
        assertThat(last.matchesDate(LocalDate.parse("2024-03-22"))).isFalse();
        // May 2024 has 31 days: the 24th is a Friday exactly a week before the last one, the 31st
        assertThat(last.matchesDate(LocalDate.parse("2024-05-31"))).isTrue();
        assertThat(last.matchesDate(LocalDate.parse("2024-05-24"))).isFalse();
        // 2#1: the first Monday, which can be the 7th (October 2024 begins on a Tuesday)
        CronExpression first = CronExpression.parse("0 0 ? * 2#1 *");
        assertThat(first.matchesDate(LocalDate.parse("2024-10-07"))).isTrue();
        assertThat(first.matchesDate(LocalDate.parse("2024-10-14"))).isFalse();
        // L alone in day-of-week: Saturday.
        assertThat(CronExpression.parse("0 0 ? * L *").matchesDate(LocalDate.parse("2024-03-30")))
                .isTrue();
    }

    @Test
    void rangesThatEndBelowTheirStartWrapAround() {
        CronExpression nights = CronExpression.parse("0 22-2 * * ? *");
        assertThat(nights.matches(LocalDateTime.parse("2024-03-04T23:00"))).isTrue();
        assertThat(nights.matches(LocalDateTime.parse("2024-03-04T01:00"))).isTrue();
        assertThat(nights.matches(LocalDateTime.parse("2024-03-04T12:00"))).isFalse();
        CronExpression weekend = CronExpression.parse("0 0 ? * FRI-MON *");
        assertThat(weekend.matchesDate(LocalDate.parse("2024-03-03"))).isTrue(); // Sunday
        assertThat(weekend.matchesDate(LocalDate.parse("2024-03-06"))).isFalse(); // Wednesday
    }

    @Test
    void incrementsStartAtTheirFirstValue() {
        CronExpression c = CronExpression.parse("5/20 * * * ? *");
        assertThat(c.matches(LocalDateTime.parse("2024-03-04T10:05"))).isTrue();
        assertThat(c.matches(LocalDateTime.parse("2024-03-04T10:45"))).isTrue();
        assertThat(c.matches(LocalDateTime.parse("2024-03-04T10:00"))).isFalse();
    }

    // ------------------------------------------------------------------ next fire time

    @Test
    void nextIsStrictlyAfter() {
        assertThat(next("0 18 ? * MON-FRI *", "2024-03-04T18:00:00Z", UTC)).isEqualTo("2024-03-05T18:00:00Z");
        assertThat(next("0 18 ? * MON-FRI *", "2024-03-04T17:59:59Z", UTC)).isEqualTo("2024-03-04T18:00:00Z");
        // Friday evening to Monday.
        assertThat(next("0 18 ? * MON-FRI *", "2024-03-08T18:00:00Z", UTC)).isEqualTo("2024-03-11T18:00:00Z");
        assertThat(next("0/15 * * * ? *", "2024-03-04T10:07:30Z", UTC)).isEqualTo("2024-03-04T10:15:00Z");
        // from a run itself, or from within its minute, the next run is the next one that day
        assertThat(next("0/15 * * * ? *", "2024-03-04T10:15:00Z", UTC)).isEqualTo("2024-03-04T10:30:00Z");
        assertThat(next("0/15 * * * ? *", "2024-03-04T10:15:30Z", UTC)).isEqualTo("2024-03-04T10:30:00Z");
    }

    @Test
    void nextReadsTheWallClockOfTheZone() {
        // 09:00 in Paris in winter is 08:00 UTC, in summer 07:00 UTC.
        ZoneId paris = ZoneId.of("Europe/Paris");
        assertThat(next("0 9 * * ? *", "2024-01-10T12:00:00Z", paris)).isEqualTo("2024-01-11T08:00:00Z");
        assertThat(next("0 9 * * ? *", "2024-07-10T12:00:00Z", paris)).isEqualTo("2024-07-11T07:00:00Z");
        // Etc/GMT+9 is nine hours behind UTC (POSIX sign).
        assertThat(next("0 9 * * ? *", "2024-01-10T00:00:00Z", ZoneId.of("Etc/GMT+9")))
                .isEqualTo("2024-01-10T18:00:00Z");
    }

    @Test
    void aTimeSkippedBySpringForwardRunsShiftedByTheGap() {
        // New York, 2024-03-10: 02:00 EST jumps to 03:00 EDT. 02:30 does not exist: it runs at 03:30 EDT.
        assertThat(next("30 2 * * ? *", "2024-03-09T12:00:00Z", NEW_YORK)).isEqualTo("2024-03-10T07:30:00Z");
        // The next day it runs at 02:30 EDT again.
        assertThat(next("30 2 * * ? *", "2024-03-10T07:30:00Z", NEW_YORK)).isEqualTo("2024-03-11T06:30:00Z");
        // Every 30 minutes: 01:30 EST, then 02:00 and 02:30 shift onto 03:00 and 03:30 EDT, each run once.
        Instant t = next("0/30 * * * ? *", "2024-03-10T06:30:00Z", NEW_YORK); // after 01:30 EST
        assertThat(t).isEqualTo("2024-03-10T07:00:00Z"); // 03:00 EDT
        assertThat(next("0/30 * * * ? *", t.toString(), NEW_YORK)).isEqualTo("2024-03-10T07:30:00Z");
    }

    @Test
    void aTimeRepeatedByFallBackRunsOnceAtItsFirstOccurrence() {
        // New York, 2024-11-03: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
        Instant first = next("30 1 * * ? *", "2024-11-03T00:00:00Z", NEW_YORK);
        assertThat(first).isEqualTo("2024-11-03T05:30:00Z"); // 01:30 EDT
        assertThat(next("30 1 * * ? *", first.toString(), NEW_YORK)).isEqualTo("2024-11-04T06:30:00Z"); // next day, EST
        // Hourly: 01:00 EDT, then 02:00 EST (01:00 EST is the same wall-clock time, already run).
        Instant oneEdt = next("0 * * * ? *", "2024-11-03T04:30:00Z", NEW_YORK);
        assertThat(oneEdt).isEqualTo("2024-11-03T05:00:00Z");
        assertThat(next("0 * * * ? *", oneEdt.toString(), NEW_YORK)).isEqualTo("2024-11-03T07:00:00Z");
    }

    @Test
    void aSkippedDayRunsItsTimesAfterTheGap() {
        // Samoa skipped 2011-12-30 entirely (UTC-10 to UTC+14).
        ZoneId apia = ZoneId.of("Pacific/Apia");
        Instant t = next("0 12 30 12 ? 2011", "2011-12-01T00:00:00Z", apia);
        // 2011-12-30T12:00 local does not exist; shifted by the 24-hour gap: 2011-12-31T12:00+14:00.
        assertThat(t).isEqualTo("2011-12-30T22:00:00Z");
        // Asked from the first instant after the gap (2011-12-31T00:00+14:00): the skipped day's noon,
        // run on the day after, is still ahead.
        assertThat(next("0 12 30 12 ? 2011", "2011-12-30T10:00:00Z", apia)).isEqualTo("2011-12-30T22:00:00Z");
    }

    @Test
    void sparseAndExhaustedExpressions() {
        assertThat(next("0 0 29 2 ? *", "2024-03-01T00:00:00Z", UTC)).isEqualTo("2028-02-29T00:00:00Z");
        assertThat(next("0 12 1 1 ? 2150", "2024-03-01T00:00:00Z", UTC)).isEqualTo("2150-01-01T12:00:00Z");
        assertThat(next("0 12 1 1 ? 2020", "2024-03-01T00:00:00Z", UTC)).isNull();
        assertThat(next("0 0 31 2 ? *", "2024-03-01T00:00:00Z", UTC)).isNull();
        assertThat(next("0 0 ? * 2#5 *", "2024-03-01T00:00:00Z", UTC)).isEqualTo("2024-04-29T00:00:00Z");
    }

    @Test
    void sevenFieldsRunAtSecondZero() {
        assertThat(next("30 0 12 * * ? *", "2024-03-04T00:00:00Z", UTC)).isEqualTo("2024-03-04T12:00:00Z");
    }
}
