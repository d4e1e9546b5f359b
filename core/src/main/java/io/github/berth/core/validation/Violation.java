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

  /** The exception the service would answer with for this violation. */
  public AwsServiceException toException() {
    switch (errorCode) {
      case ClientException.ERROR_CODE:
        return new ClientException(message);
      case InvalidParameterException.ERROR_CODE:
        return new InvalidParameterException(message);
      case ValidationException.ERROR_CODE:
        return new ValidationException(message);
      default:
        throw new IllegalStateException("no exception type for " + errorCode);
    }
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(document)" : path) + ": " + errorCode + ": " + message;
  }
}
