package io.github.berth.placement.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The cluster query language (docs/placement.md#cluster-query-language): parse, print, evaluate.
 *
 * <pre>{@code
 * Expression e = ClusterQuery.parse("attribute:ecs.instance-type =~ t2.* and not(task:group == db)");
 * String canonical = ClusterQuery.print(e);      // parse(print(e)).equals(e)
 * IntPredicate matches = ClusterQuery.matcher(e, target);
 * }</pre>
 */
public final class ClusterQuery {

    /** ECS's limit on a {@code memberOf} expression (docs/placement.md#constraints). */
    public static final int MAX_EXPRESSION_LENGTH = 2000;

    /**
     * [model] How deep an expression may nest: operators ({@code and}, {@code or}, {@code not}, each a
     * level above its operands; a chain of {@code n} terms is {@code n - 1} levels) and parentheses.
     * ECS publishes no such limit; this one keeps parsing, printing and evaluating, which recurse over
     * the tree, within any thread's stack, and is above what a {@code memberOf} expression of
     * {@value #MAX_EXPRESSION_LENGTH} characters holds in practice (a list of values is written
     * {@code in [a, b, c]}, which is one level).
     */
    public static final int MAX_DEPTH = 500;

    private ClusterQuery() {}

    /**
     * Parses an expression.
     *
     * @throws QuerySyntaxException (an {@code InvalidParameterException}) naming the column where
     *     the text stops making sense, or where it nests deeper than {@link #MAX_DEPTH}
     */
    public static Expression parse(String text) {
        return QueryParser.parse(text);
    }

    /** The canonical text of an expression (the same as {@code e.toString()}). */
    public static String print(Expression e) {
        return QueryPrinter.print(e);
    }

    /** A test of instance indexes of {@code target}, bound to it once. */
    public static IntPredicate matcher(Expression e, QueryTarget target) {
        return QueryEvaluator.compile(e, target);
    }

    /** The indexes of the instances of {@code target} that match, in order. */
    public static List<Integer> select(Expression e, QueryTarget target) {
        IntPredicate m = matcher(e, target);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < target.instanceCount(); i++) {
            if (m.test(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
