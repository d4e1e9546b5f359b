package io.github.berth.placement.query;

import com.google.re2j.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Turns an expression into a test of instance indexes, bound once to a target's columns so that
 * each test is a few array reads.
 *
 * <p>[obs] An instance without the attribute matches no comparison, {@code !=} included: users
 * report that {@code attribute:retiring != true} returns only instances that have the attribute
 * (aws/containers-roadmap#486). Only {@code !exists} matches it. (An earlier model proposed the
 * opposite for the negative operators; the observation wins.) For {@code task:group}, which holds
 * many values, a negative operator is the negation of the positive one, so an instance with no
 * task satisfies {@code task:group != db}.
 */
final class QueryEvaluator {

    private QueryEvaluator() {}

    static IntPredicate compile(Expression e, QueryTarget t) {
        if (e instanceof Expression.And and) {
            IntPredicate l = compile(and.left(), t);
            IntPredicate r = compile(and.right(), t);
            return i -> l.test(i) && r.test(i);
        }
        if (e instanceof Expression.Or or) {
            IntPredicate l = compile(or.left(), t);
            IntPredicate r = compile(or.right(), t);
            return i -> l.test(i) || r.test(i);
        }
        if (e instanceof Expression.Not not) {
            IntPredicate o = compile(not.operand(), t);
            return i -> !o.test(i);
        }
        return predicate((Expression.Predicate) e, t);
    }

    private static IntPredicate predicate(Expression.Predicate p, QueryTarget t) {
        Operator op = p.operator();
        List<String> values = p.values();
        return switch (p.subject().kind()) {
            case ATTRIBUTE -> {
                QueryTarget.AttributeColumn column =
                        t.attribute(Objects.requireNonNull(p.subject().attributeName()));
                if (op == Operator.EXISTS) {
                    yield i -> column.value(i) != null;
                }
                if (op == Operator.NOT_EXISTS) {
                    yield i -> column.value(i) == null;
                }
                StringTest test = stringTest(op, values, QueryValues::compareAttribute);
                yield i -> {
                    String v = column.value(i);
                    return v != null && test.test(v);
                };
            }
            case EC2_INSTANCE_ID -> {
                StringTest test = stringTest(op, values, String::compareTo);
                yield i -> {
                    String v = t.ec2InstanceId(i);
                    return v != null && test.test(v);
                };
            }
            case AGENT_CONNECTED -> {
                List<String> lower = values.stream()
                        .map(v -> op == Operator.MATCHES || op == Operator.NOT_MATCHES ? v : v.toLowerCase(Locale.ROOT))
                        .toList();
                StringTest test = stringTest(op, lower, String::compareTo);
                yield i -> {
                    Boolean v = t.agentConnected(i);
                    return v != null && test.test(v ? "true" : "false");
                };
            }
            case AGENT_VERSION -> {
                String arg = values.get(0);
                yield i -> {
                    String v = t.agentVersion(i);
                    return v != null && QueryValues.ordered(op, QueryValues.compareVersions(v, arg));
                };
            }
            case RUNNING_TASKS_COUNT -> {
                int arg = Integer.parseInt(values.get(0));
                yield i -> QueryValues.ordered(op, Integer.compare(t.runningTasksCount(i), arg));
            }
            case REGISTERED_AT -> {
                Instant[] range = Objects.requireNonNull(QueryValues.dateRange(values.get(0))); // checked when parsed
                yield i -> {
                    Instant v = t.registeredAt(i);
                    return v != null && inDateOrder(op, v, range[0], range[1]);
                };
            }
            case TASK_GROUP -> taskGroup(op, values, t);
        };
    }

    private static boolean inDateOrder(Operator op, Instant v, Instant start, Instant end) {
        return switch (op) {
            case EQUALS -> !v.isBefore(start) && v.isBefore(end);
            case NOT_EQUALS -> v.isBefore(start) || !v.isBefore(end);
            case GREATER_THAN -> !v.isBefore(end);
            case GREATER_THAN_EQUAL -> !v.isBefore(start);
            case LESS_THAN -> v.isBefore(start);
            case LESS_THAN_EQUAL -> v.isBefore(end);
            default -> throw new IllegalArgumentException(op.toString());
        };
    }

    private static IntPredicate taskGroup(Operator op, List<String> values, QueryTarget t) {
        IntPredicate positive = switch (op) {
            case EQUALS, NOT_EQUALS -> {
                String g = values.get(0);
                yield i -> t.hostsGroup(i, g);
            }
            case IN, NOT_IN ->
                i -> {
                    for (String g : values) {
                        if (t.hostsGroup(i, g)) {
                            return true;
                        }
                    }
                    return false;
                };
            case MATCHES, NOT_MATCHES -> {
                Pattern pattern = UserPattern.compile(values.get(0));
                yield i -> {
                    for (String g : t.groups(i)) {
                        if (UserPattern.matches(pattern, g)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            default -> throw new IllegalArgumentException(op + " is not valid for task:group");
        };
        return op.isNegative() ? positive.negate() : positive;
    }

    interface StringTest {
        boolean test(String value);
    }

    interface Comparison {
        int compare(String a, String b);
    }

    /** [model] {@code =~} is a full match of the pattern ({@link UserPattern}: linear time, RE2 syntax). */
    private static StringTest stringTest(Operator op, List<String> values, Comparison order) {
        return switch (op) {
            case EQUALS -> {
                String a = values.get(0);
                yield a::equals;
            }
            case NOT_EQUALS -> {
                String a = values.get(0);
                yield v -> !a.equals(v);
            }
            case IN -> values::contains;
            case NOT_IN -> v -> !values.contains(v);
            case MATCHES -> {
                Pattern pattern = UserPattern.compile(values.get(0));
                yield v -> UserPattern.matches(pattern, v);
            }
            case NOT_MATCHES -> {
                Pattern pattern = UserPattern.compile(values.get(0));
                yield v -> !UserPattern.matches(pattern, v);
            }
            case GREATER_THAN, GREATER_THAN_EQUAL, LESS_THAN, LESS_THAN_EQUAL -> {
                String a = values.get(0);
                yield v -> QueryValues.ordered(op, order.compare(v, a));
            }
            default -> throw new IllegalArgumentException(op.toString());
        };
    }
}
