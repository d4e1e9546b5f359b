package io.github.berth.core.validation.internal;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.validation.JsonPath;
import io.github.berth.core.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Not API: the collector the validators of every module share; its package may change without
 * notice.
 *
 * <p>Collects the violations of one validation run. Rules written for a particular ECS check add theirs
 * first; the constraints of the API model ({@code model*} methods) come after and are dropped where a
 * specific rule already reported the same member, so each problem is told once, in ECS's words.
 */
public final class Violations {

    private final String modelErrorCode;
    private final UnaryOperator<String> memberNameInMessages;
    private final List<Violation> list = new ArrayList<>();
    private final Set<String> paths = new HashSet<>();

    /**
     * @param modelErrorCode the error code the service uses for a breach of an API model constraint
     *     (ECS: {@code InvalidParameterException}; other services name theirs)
     */
    public Violations(String modelErrorCode) {
        this(modelErrorCode, UnaryOperator.identity());
    }

    /**
     * @param modelErrorCode as above
     * @param memberNameInMessages how the service's model-constraint messages write a member's name,
     *     from its wire name (ECS writes it as on the wire; Application Auto Scaling in lowerCamelCase)
     */
    public Violations(String modelErrorCode, UnaryOperator<String> memberNameInMessages) {
        this.modelErrorCode = modelErrorCode;
        this.memberNameInMessages = memberNameInMessages;
    }

    /** A collector for ECS requests. */
    public static Violations forEcs() {
        return new Violations(InvalidParameterException.ERROR_CODE);
    }

    /**
     * The exception ECS answers with for a violation it reported ({@code ClientException} or
     * {@code InvalidParameterException}). Another service's validator makes its own exceptions.
     *
     * @throws IllegalArgumentException if the violation's error code is not one of these two
     */
    public static AwsServiceException ecsException(Violation v) {
        switch (v.errorCode()) {
            case ClientException.ERROR_CODE:
                return new ClientException(v.message());
            case InvalidParameterException.ERROR_CODE:
                return new InvalidParameterException(v.message());
            default:
                throw new IllegalArgumentException(
                        "'" + v.errorCode() + "' is not an error code of an ECS violation: " + v);
        }
    }

    /** The ECS exception of the first violation collected; for code that checks one rule and throws. */
    public AwsServiceException firstEcsException() {
        if (list.isEmpty()) {
            throw new IllegalStateException("no violation was collected");
        }
        return ecsException(list.get(0));
    }

    public void add(JsonPath path, String errorCode, String message) {
        String p = path.toString();
        list.add(new Violation(p, errorCode, message));
        paths.add(p);
    }

    /** A {@code ClientException}, as ECS answers most task definition problems. */
    public void client(JsonPath path, String message) {
        add(path, ClientException.ERROR_CODE, message);
    }

    /** An {@code InvalidParameterException}. */
    public void invalidParameter(JsonPath path, String message) {
        add(path, InvalidParameterException.ERROR_CODE, message);
    }

    // The model constraints: the AWS form "Value ... at '...' failed to satisfy constraint: ...".

    public void modelRequired(JsonPath path) {
        model(path, "null", "Member must not be null");
    }

    public void modelEnum(JsonPath path, String value, List<?> known) {
        String set = known.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
        model(path, quote(value), "Member must satisfy enum value set: " + set);
    }

    public void modelMinLength(JsonPath path, String value, int min) {
        model(path, quote(value), "Member must have length greater than or equal to " + min);
    }

    public void modelMaxLength(JsonPath path, String value, int max) {
        model(path, quote(abbreviate(value)), "Member must have length less than or equal to " + max);
    }

    public void modelPattern(JsonPath path, String value, String pattern) {
        model(path, quote(abbreviate(value)), "Member must satisfy regular expression pattern: " + pattern);
    }

    public void modelMin(JsonPath path, Number value, Number min) {
        model(path, quote(value.toString()), "Member must have value greater than or equal to " + min);
    }

    public void modelMax(JsonPath path, Number value, Number max) {
        model(path, quote(value.toString()), "Member must have value less than or equal to " + max);
    }

    public void modelMinSize(JsonPath path, int size, int min) {
        model(path, "of size " + size, "Member must have length greater than or equal to " + min);
    }

    public void modelMaxSize(JsonPath path, int size, int max) {
        model(path, "of size " + size, "Member must have length less than or equal to " + max);
    }

    private void model(JsonPath path, String value, String constraint) {
        String p = path.toString();
        if (paths.contains(p)) {
            return;
        }
        add(
                path,
                modelErrorCode,
                "Value " + value + " at '" + path.renamed(memberNameInMessages) + "' failed to satisfy constraint: "
                        + constraint);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public ImmutableList<Violation> toList() {
        return ImmutableList.copyOf(list);
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
