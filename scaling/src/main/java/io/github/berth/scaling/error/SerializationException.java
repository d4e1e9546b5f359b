package io.github.berth.scaling.error;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.error.SerializationException.Problem;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An Application Auto Scaling request body that is not the JSON the operation takes: not JSON at
 * all, a member of the wrong type, a number out of range, or (when read strictly) a member the shape
 * does not have. The API model has no such error shape: [doc] {@code SerializationException} is the
 * AWS-wide error of the AWS JSON protocols for a body the service cannot read (docs/wire.md); as
 * every error of this service it carries its text in {@code Message} [doc: the service's error
 * shapes model that member]. Its exact text in Application Auto Scaling is [unsure]: the message is
 * Berth's, each problem's path, reason, line and column.
 *
 * <p>Each {@link Problem} (the record ECS's reading error uses too) names where it is: the JSON path
 * of the member and, when the text is at hand, the line and column.
 */
public class SerializationException extends ApplicationAutoScalingException {

    private static final long serialVersionUID = 1L;

    /** The error code: the wire {@code __type}. */
    public static final String ERROR_CODE = "SerializationException";

    private final ImmutableList<Problem> problems;

    /** @throws IllegalArgumentException if {@code problems} is empty */
    public SerializationException(List<Problem> problems) {
        super(ERROR_CODE, 400, message(problems));
        this.problems = ImmutableList.copyOf(problems);
    }

    /** Every problem found, in document order (at least one). */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SerializationException names at least one problem");
        }
        return problems.stream().map(Problem::toString).collect(Collectors.joining("; "));
    }
}
