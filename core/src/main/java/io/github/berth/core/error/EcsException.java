package io.github.berth.core.error;

import io.github.berth.core.Nullable;

/** An error of the Amazon ECS API. Each error code has its own subclass in this package. */
public abstract class EcsException extends AwsServiceException {

    private static final long serialVersionUID = 1L;

    protected EcsException(String errorCode, int statusCode, @Nullable String message) {
        super(errorCode, statusCode, message);
    }

    @Override
    public final String messageMember() {
        return "message";
    }
}
