package io.github.berth.core.validation;

import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.autoscaling.ValidationException;

/**
 * One reason the service would refuse a request: where (the JSON path of the member, empty for the
 * whole document), the AWS error code it answers with, and its message.
 *
 * @param path the JSON path, e.g. {@code containerDefinitions[1].portMappings[0].hostPort}
 * @param errorCode the AWS error code, e.g. {@code ClientException}
 * @param message the message, word for word as the service gives it where that is known
 */
public record Violation(String path, String errorCode, String message) {

  /**
   * @throws IllegalArgumentException if a member is null or the error code is not one a violation
   *     can carry ({@code ClientException}, {@code InvalidParameterException}, {@code ValidationException})
   */
  public Violation {
    if (path == null || errorCode == null || message == null) {
      throw new IllegalArgumentException("a violation needs a path, an error code and a message, found "
          + path + ", " + errorCode + ", " + message);
    }
    if (!errorCode.equals(ClientException.ERROR_CODE) && !errorCode.equals(InvalidParameterException.ERROR_CODE)
        && !errorCode.equals(ValidationException.ERROR_CODE)) {
      throw new IllegalArgumentException("a violation's error code is ClientException, InvalidParameterException or "
          + "ValidationException, found '" + errorCode + "'");
    }
  }

  /** The exception the service would answer with for this violation. */
  public AwsServiceException toException() {
    switch (errorCode) {
      case ClientException.ERROR_CODE:
        return new ClientException(message);
      case InvalidParameterException.ERROR_CODE:
        return new InvalidParameterException(message);
      default:
        return new ValidationException(message);
    }
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(document)" : path) + ": " + errorCode + ": " + message;
  }
}
