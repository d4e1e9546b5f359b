package io.github.berth.scaling.error;

import io.github.berth.core.error.AwsServiceException;

/** An error of the Application Auto Scaling API. Each error code has its own subclass here. */
public abstract class ApplicationAutoScalingException extends AwsServiceException {

    private static final long serialVersionUID = 1L;

    protected ApplicationAutoScalingException(String errorCode, int statusCode, String message) {
        super(errorCode, statusCode, message);
    }

    @Override
    public final String messageMember() {
        return "Message";
    }
}
