package io.github.berth.scaling.schedule;

/**
 * A schedule expression Application Auto Scaling would refuse. {@link #awsMessage()} is the
 * service's own sentence (what a {@code ValidationException} from PutScheduledAction says);
 * {@link #getMessage()} adds the precise reason, for people.
 */
public final class InvalidScheduleException extends IllegalArgumentException {

  /** PutScheduledAction's answer to an expression that is none of at(), rate(), cron(). */
  public static final String INVALID_EXPRESSION = "Invalid schedule expression";
  /** PutScheduledAction's answer to a malformed at() date-time. */
  public static final String INVALID_AT = "Invalid schedule at DateTime expression";
  /** PutScheduledAction's answer to a rate() below one unit. */
  public static final String INVALID_FREQUENCY = "Invalid schedule frequency";
  /** PutScheduledAction's answer to a malformed cron(). */
  public static final String INVALID_CRON = "Invalid CRON expression";

  private final String awsMessage;
  private final String reason;

  InvalidScheduleException(String awsMessage, String reason) {
    super(awsMessage + ": " + reason);
    this.awsMessage = awsMessage;
    this.reason = reason;
  }

  /** The message the service answers with, word for word. */
  public String awsMessage() {
    return awsMessage;
  }

  /** What exactly is wrong, e.g. {@code day-of-month and day-of-week cannot both be '*'}. */
  public String reason() {
    return reason;
  }
}
