package io.github.berth.scaling.schedule;

import io.github.berth.core.Nullable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The {@code Schedule} of a scheduled action: {@code at(yyyy-mm-ddThh:mm:ss)},
 * {@code rate(value unit)} or {@code cron(fields)} (docs/scaling.md#scheduled-actions; API model
 * {@code PutScheduledAction.Schedule}).
 */
public sealed interface Schedule permits AtSchedule, RateSchedule, CronExpression {

    /**
     * Parses a schedule expression as PutScheduledAction does.
     *
     * @throws InvalidScheduleException with the service's message and the precise reason
     * @throws NullPointerException if {@code expression} is null
     */
    static Schedule parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        String s = expression.trim();
        int open = s.indexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            throw new InvalidScheduleException(
                    InvalidScheduleException.INVALID_EXPRESSION,
                    "expected at(...), rate(...) or cron(...), found '" + expression + "'");
        }
        String keyword = s.substring(0, open).trim().toLowerCase(Locale.ROOT);
        String body = s.substring(open + 1, s.length() - 1);
        switch (keyword) {
            case "at":
                return AtSchedule.parseBody(body);
            case "rate":
                return RateSchedule.parseBody(body);
            case "cron":
                return CronExpression.parse(body);
            default:
                throw new InvalidScheduleException(
                        InvalidScheduleException.INVALID_EXPRESSION,
                        "expected at(...), rate(...) or cron(...), found '" + expression + "'");
        }
    }

    /** Whether the schedule repeats (rate and cron) rather than running once (at). */
    boolean isRecurring();

    /**
     * The first time strictly after {@code after} at which the schedule fires, or null if it never
     * fires again.
     *
     * @param zone the action's {@code Timezone} (UTC when absent); used by at() and cron()
     * @param anchor where a rate() counts from: the action's StartTime, or when it was created
     */
    @Nullable
    Instant next(Instant after, ZoneId zone, Instant anchor);

    /** The expression as written in the API, e.g. {@code cron(0 18 ? * MON-FRI *)}. */
    String expression();
}
