package io.github.berth.placement.query;

import io.github.berth.core.error.InvalidParameterException;

/**
 * An expression that does not parse: ECS answers a bad {@code memberOf} expression or
 * ListContainerInstances {@code filter} with an {@code InvalidParameterException}; this one also
 * tells the 1-based column where the problem starts.
 */
public final class QuerySyntaxException extends InvalidParameterException {

    private static final long serialVersionUID = 1L;

    private final int column;
    private final String reason;

    QuerySyntaxException(int column, String reason) {
        // [model] ECS's own wording for a bad expression is not published; this names the column.
        super("Invalid cluster query language expression at column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    /** The 1-based column of the character where the problem starts. */
    public int column() {
        return column;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }
}
