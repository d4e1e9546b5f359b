package io.github.berth.core.error;

/**
 * An error of an AWS service as its API returns it: an error code (the wire {@code __type}), an HTTP
 * status and a message. Code written against the real service can catch the same types from Berth.
 */
public abstract class AwsServiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorCode;
  private final int statusCode;

  protected AwsServiceException(String errorCode, int statusCode, String message) {
    super(message, null, false, false);
    this.errorCode = errorCode;
    this.statusCode = statusCode;
  }

  /** The error code, as the wire {@code __type} carries it: {@code ClusterNotFoundException}. */
  public final String errorCode() {
    return errorCode;
  }

  /** The HTTP status the service answers with: 400, or 500 for a server fault. */
  public final int statusCode() {
    return statusCode;
  }

  /** The name of the message member in the error body: {@code message} (ECS) or {@code Message}. */
  public abstract String messageMember();

  @Override
  public String toString() {
    return errorCode + ": " + getMessage();
  }
}
