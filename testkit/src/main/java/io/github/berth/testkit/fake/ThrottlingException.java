package io.github.berth.testkit.fake;

import io.github.berth.core.error.EcsException;

/**
 * What ECS answers when a caller exceeds an API's request rate: {@code ThrottlingException}, HTTP
 * 400, {@code Rate exceeded} [obs: the common AWS throttling error; the AWS SDKs retry it with
 * back-off]. Not in the ECS API model (it is common to AWS services), so it lives with the fake,
 * which throws it for the operations a test throttles ({@link Faults#throttle}).
 */
public final class ThrottlingException extends EcsException {

    private static final long serialVersionUID = 1L;

    public static final String ERROR_CODE = "ThrottlingException";

    public ThrottlingException(String message) {
        super(ERROR_CODE, 400, message);
    }
}
