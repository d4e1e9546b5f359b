package io.github.berth.core.validation;

import java.util.regex.Pattern;

/**
 * One reason the service would refuse a request: where (the JSON path of the member, empty for the
 * whole document), the AWS error code it answers with, and its message.
 *
 * <p>A violation is plain data. The service that judged the request turns it into its own exception:
 * {@code TaskDefinitionValidator.requireValid} and {@code ServiceValidator.requireValid} throw ECS's,
 * the validators of other modules throw their service's.
 *
 * @param path the JSON path, e.g. {@code containerDefinitions[1].portMappings[0].hostPort}
 * @param errorCode the AWS error code, e.g. {@code ClientException}
 * @param message the message, word for word as the service gives it where that is known
 */
public record Violation(String path, String errorCode, String message) {

    /** [model] The form of every error code of the AWS API models Berth reads: a shape name ending in "Exception". */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Za-z0-9]*Exception");

    /**
     * @throws IllegalArgumentException if a member is null or the error code is not an AWS error code
     *     (a name such as {@code ClientException})
     */
    public Violation {
        if (path == null || errorCode == null || message == null) {
            throw new IllegalArgumentException("a violation needs a path, an error code and a message, found " + path
                    + ", " + errorCode + ", " + message);
        }
        if (!ERROR_CODE.matcher(errorCode).matches()) {
            throw new IllegalArgumentException(
                    "a violation's error code is an AWS error code such as ClientException, found '" + errorCode + "'");
        }
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + errorCode + ": " + message;
    }
}
