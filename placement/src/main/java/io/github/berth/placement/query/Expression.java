package io.github.berth.placement.query;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * A parsed cluster query language expression: a tree of {@link And}, {@link Or}, {@link Not} and
 * basic {@link Predicate}s. Values compare by structure; {@code toString()} is the canonical text,
 * and {@code ClusterQuery.parse(e.toString()).equals(e)} holds for every expression.
 */
public sealed interface Expression permits Expression.And, Expression.Or, Expression.Not, Expression.Predicate {

    /** Whether the result can change as tasks are placed (it tests {@code runningTasksCount} or {@code task:group}). */
    boolean dependsOnTasks();

    /**
     * What the parser refuses cannot be built either: an expression built through the API nests at
     * most {@link ClusterQuery#MAX_DEPTH} levels of {@code and}, {@code or} and {@code not}, so that
     * printing, comparing, hashing and evaluating it, which recurse over the tree, stay within any
     * thread's stack.
     *
     * @throws IllegalArgumentException if the operator would nest deeper
     */
    private static void requireShallow(Expression a, Expression b) {
        if (Math.max(depth(a), depth(b)) + 1 > ClusterQuery.MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "the expression nests more than " + ClusterQuery.MAX_DEPTH + " levels deep");
        }
    }

    /** Levels of the tree, a predicate being 1 (as the parser counts); operands were checked, so this recursion is shallow. */
    private static int depth(Expression e) {
        if (e instanceof And a) {
            return 1 + Math.max(depth(a.left()), depth(a.right()));
        }
        if (e instanceof Or o) {
            return 1 + Math.max(depth(o.left()), depth(o.right()));
        }
        if (e instanceof Not n) {
            return 1 + depth(n.operand());
        }
        return 1;
    }

    /** Both sides must hold. */
    record And(Expression left, Expression right) implements Expression {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            requireShallow(left, right);
        }

        @Override
        public boolean dependsOnTasks() {
            return left.dependsOnTasks() || right.dependsOnTasks();
        }

        @Override
        public String toString() {
            return QueryPrinter.print(this);
        }
    }

    /** Either side must hold. */
    record Or(Expression left, Expression right) implements Expression {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            requireShallow(left, right);
        }

        @Override
        public boolean dependsOnTasks() {
            return left.dependsOnTasks() || right.dependsOnTasks();
        }

        @Override
        public String toString() {
            return QueryPrinter.print(this);
        }
    }

    /** The operand must not hold. */
    record Not(Expression operand) implements Expression {
        public Not {
            Objects.requireNonNull(operand, "operand");
            requireShallow(operand, operand);
        }

        @Override
        public boolean dependsOnTasks() {
            return operand.dependsOnTasks();
        }

        @Override
        public String toString() {
            return QueryPrinter.print(this);
        }
    }

    /**
     * A basic expression: {@code subject operator [argument]}.
     *
     * @param values no value for {@code exists}/{@code !exists}, one for comparisons, one or more for
     *     {@code in}/{@code !in}; each as written, without quotes
     */
    record Predicate(Subject subject, Operator operator, List<String> values) implements Expression {
        public Predicate {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(operator, "operator");
            values = ImmutableList.copyOf(values);
            int n = values.size();
            boolean ok = switch (operator.arity()) {
                case NONE -> n == 0;
                case ONE -> n == 1;
                case LIST -> n >= 1;
            };
            if (!ok) {
                throw new IllegalArgumentException(operator + " takes " + operator.arity() + " value(s), not " + n);
            }
            // What the parser refuses cannot be built either, so that every predicate prints to text that
            // parses back to it.
            if (!subject.kind().accepts(operator)) {
                throw new IllegalArgumentException("the operator " + operator + " is not valid for " + subject);
            }
            for (String v : values) {
                String problem = QueryValues.problem(subject, operator, v);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
            }
        }

        public static Predicate of(Subject subject, Operator operator, String... values) {
            return new Predicate(subject, operator, List.of(values));
        }

        @Override
        public boolean dependsOnTasks() {
            return subject.kind() == Subject.Kind.TASK_GROUP || subject.kind() == Subject.Kind.RUNNING_TASKS_COUNT;
        }

        @Override
        public String toString() {
            return QueryPrinter.print(this);
        }
    }
}
