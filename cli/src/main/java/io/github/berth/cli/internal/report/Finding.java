package io.github.berth.cli.internal.report;

import io.github.berth.core.Nullable;
import java.util.Objects;

/**
 * One problem found in one document.
 *
 * @param ruleId the {@link Rule#id()} it falls under
 * @param severity how much it matters
 * @param path the JSON path of the member where it stands in the file, e.g.
 *     {@code containerDefinitions[0].memory} or {@code Resources.Web.Properties.Cpu}; empty for the
 *     whole document
 * @param line the 1-based line where the member (or the nearest enclosing one) starts; 0 if unknown
 * @param column the 1-based column; 0 if unknown
 * @param errorType the AWS error code the service would answer with ({@code ClientException}...), or
 *     null when the finding is no service's answer (a file that is not JSON, a lint finding)
 * @param message what is wrong, in the service's words where it has them
 */
public record Finding(
        String ruleId,
        Severity severity,
        String path,
        int line,
        int column,
        @Nullable String errorType,
        String message) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path (line L, column C)}, leaving out what is unknown; {@code (document)} for the whole file. */
    public String where() {
        StringBuilder sb = new StringBuilder(path.isEmpty() ? "(document)" : path);
        if (line > 0) {
            sb.append(" (line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
