package io.github.berth.scaling.schedule;

/**
 * A schedule expression Application Auto Scaling would refuse. {@link #awsMessage()} is what a
 * {@code ValidationException} from PutScheduledAction says (the service's own sentence where marked
 * [obs], else [model]: AWS publishes no error texts, see docs/scaling.md#scheduled-actions);
 * {@link #getMessage()} adds the precise reason, for people.
 */
public final class InvalidScheduleException extends IllegalArgumentException {

    /** [obs] aws/aws-cdk#6053: PutScheduledAction's answer to an expression it cannot read. */
    public static final String INVALID_EXPRESSION = "Invalid schedule expression";
    /** [model] a malformed at() date-time (the wording third-party validators use; no real output found). */
    public static final String INVALID_AT = "Invalid schedule at DateTime expression";
    /** [model] a rate() below one unit. */
    public static final String INVALID_FREQUENCY = "Invalid schedule frequency";
    /** [model] a malformed cron(). */
    public static final String INVALID_CRON = "Invalid CRON expression";

    private final String awsMessage;
    private final String reason;

    InvalidScheduleException(String awsMessage, String reason) {
        super(awsMessage + ": " + reason);
        this.awsMessage = awsMessage;
        this.reason = reason;
    }

    /** The message the service answers with (word for word where the constant is marked [obs]). */
    public String awsMessage() {
        return awsMessage;
    }

    /** What exactly is wrong, e.g. {@code day-of-month and day-of-week cannot both be '*'}. */
    public String reason() {
        return reason;
    }
}
