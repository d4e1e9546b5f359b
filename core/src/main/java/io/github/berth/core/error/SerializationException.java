package io.github.berth.core.error;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request body that is not the JSON the operation takes: not JSON at all, a member of the wrong
 * type, a number out of range, or (when read strictly) a member the shape does not have. AWS JSON
 * services answer such bodies with the error code {@code SerializationException}; it is a protocol
 * error, not one of the ECS API model's error shapes.
 *
 * <p>Each {@link Problem} names where it is: the JSON path of the member and, when the text is at
 * hand, the line and column.
 */
public class SerializationException extends EcsException {

    private static final long serialVersionUID = 1L;

    /** The error code: the wire {@code __type}. */
    public static final String ERROR_CODE = "SerializationException";

    private final ImmutableList<Problem> problems;

    public SerializationException(List<Problem> problems) {
        super(ERROR_CODE, 400, problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = ImmutableList.copyOf(problems);
    }

    public SerializationException(Problem problem) {
        this(List.of(problem));
    }

    /** Every problem found, in document order (at least one). */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem in a JSON document.
     *
     * @param path the JSON path of the member ({@code containerDefinitions[1].portMapings}); empty
     *     for the document itself
     * @param line 1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param reason what is wrong, in plain words
     */
    public record Problem(String path, int line, int column, String reason) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            if (!path.isEmpty()) {
                sb.append(path).append(": ");
            }
            sb.append(reason);
            if (line > 0) {
                sb.append(" (line ")
                        .append(line)
                        .append(", column ")
                        .append(column)
                        .append(')');
            }
            return sb.toString();
        }
    }
}
