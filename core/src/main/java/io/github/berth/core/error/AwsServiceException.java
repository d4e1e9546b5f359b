package io.github.berth.core.error;

import io.github.berth.core.Nullable;

/**
 * An error of an AWS service as its API returns it: an error code (the wire {@code __type}), an HTTP
 * status and a message. The types and codes are the service's, so code that branches on the error
 * code reads the same; code written for the AWS SDK's own exception classes sees them only through
 * the SDK channel of {@code testkit} (the SDK then raises its own types from Berth's answers).
 *
 * <p>An exception keeps its stack trace, as any Java exception does; set the system property
 * {@code berth.exceptions.stackTraces=false} to skip filling it in where a test throws millions of
 * them and the cost shows.
 */
public abstract class AwsServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Read once: whether exceptions fill in their stack traces (on unless the property says false). */
    private static final boolean STACK_TRACES =
            !"false".equalsIgnoreCase(System.getProperty("berth.exceptions.stackTraces"));

    private final String errorCode;
    private final int statusCode;

    protected AwsServiceException(String errorCode, int statusCode, @Nullable String message) {
        super(message, null, true, STACK_TRACES);
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
