package io.github.berth.placement.query;

import io.github.berth.core.Nullable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a basic expression tests: one of the fixed subjects of ECS, or {@code attribute:<name>}
 * (docs/placement.md#query-subjects).
 *
 * @param kind which subject
 * @param attributeName the attribute's name for {@link Kind#ATTRIBUTE}, else null
 */
public record Subject(Kind kind, @Nullable String attributeName) {

    /** The subjects of the language, with the operators each accepts. */
    public enum Kind {
        // [doc] docs/placement.md#query-subjects lists these operators for each subject.
        AGENT_CONNECTED(
                "agentConnected",
                EnumSet.of(
                        Operator.EQUALS,
                        Operator.NOT_EQUALS,
                        Operator.IN,
                        Operator.NOT_IN,
                        Operator.MATCHES,
                        Operator.NOT_MATCHES)),
        AGENT_VERSION("agentVersion", ordering()),
        EC2_INSTANCE_ID(
                "ec2InstanceId",
                EnumSet.of(
                        Operator.EQUALS,
                        Operator.NOT_EQUALS,
                        Operator.IN,
                        Operator.NOT_IN,
                        Operator.MATCHES,
                        Operator.NOT_MATCHES)),
        REGISTERED_AT("registeredAt", ordering()),
        RUNNING_TASKS_COUNT("runningTasksCount", ordering()),
        // [model] ECS lists no operators for task:group; its examples use == and not(...).
        TASK_GROUP(
                "task:group",
                EnumSet.of(
                        Operator.EQUALS,
                        Operator.NOT_EQUALS,
                        Operator.IN,
                        Operator.NOT_IN,
                        Operator.MATCHES,
                        Operator.NOT_MATCHES)),
        // [model] ECS does not restrict the operators on attributes: all of them.
        ATTRIBUTE("attribute:", EnumSet.allOf(Operator.class));

        private final String text;
        private final Set<Operator> operators;

        Kind(String text, Set<Operator> operators) {
            this.text = text;
            this.operators = operators;
        }

        /** The subject as written ({@code attribute:} for attributes, followed by the name). */
        public String text() {
            return text;
        }

        /** Whether ECS accepts {@code op} with this subject. */
        public boolean accepts(Operator op) {
            return operators.contains(op);
        }

        private static Set<Operator> ordering() {
            return EnumSet.of(
                    Operator.EQUALS,
                    Operator.NOT_EQUALS,
                    Operator.GREATER_THAN,
                    Operator.GREATER_THAN_EQUAL,
                    Operator.LESS_THAN,
                    Operator.LESS_THAN_EQUAL);
        }
    }

    public Subject {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ATTRIBUTE) != (attributeName != null)) {
            throw new IllegalArgumentException("an attribute name goes with attribute subjects only");
        }
        if (attributeName != null && !isAttributeName(attributeName)) {
            throw new IllegalArgumentException("invalid attribute name '" + attributeName + "' " + ATTRIBUTE_NAME_RULE);
        }
    }

    /** How attribute names are written (docs/placement.md#instance-attributes): 1-128 letters, digits, - _ / \ and dots. */
    static final String ATTRIBUTE_NAME_RULE = "(1-128 letters, digits, - _ / \\ .)";

    static boolean isAttributeName(String name) {
        return name.matches("[A-Za-z0-9_./\\\\-]{1,128}");
    }

    public static Subject of(Kind kind) {
        return new Subject(kind, null);
    }

    public static Subject attribute(String name) {
        return new Subject(Kind.ATTRIBUTE, name);
    }

    @Override
    public String toString() {
        return kind == Kind.ATTRIBUTE ? kind.text() + attributeName : kind.text();
    }
}
