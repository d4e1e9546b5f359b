package io.github.berth.placement.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The cluster query language (reference ecs-placement-taskdef.md §3): parse, print, evaluate.
 *
 * <pre>{@code
 * Expression e = ClusterQuery.parse("attribute:ecs.instance-type =~ t2.* and not(task:group == db)");
 * String canonical = ClusterQuery.print(e);      // parse(print(e)).equals(e)
 * IntPredicate matches = ClusterQuery.matcher(e, target);
 * }</pre>
 */
public final class ClusterQuery {

  /** ECS's limit on a {@code memberOf} expression (reference §2.1). */
  public static final int MAX_EXPRESSION_LENGTH = 2000;

  /**
   * The deepest expression {@link #parse} accepts: nested parentheses and negations, and the
   * operators of an {@code and}/{@code or} chain, each count one level. [model] ECS publishes no
   * such limit; this one keeps parsing, evaluating and printing (all recursive) clear of the stack's
   * end, and is far above what a {@code memberOf} expression of {@link #MAX_EXPRESSION_LENGTH}
   * characters needs unless it stacks hundreds of negations.
   */
  public static final int MAX_DEPTH = 1000;

  private ClusterQuery() {}

  /**
   * Parses an expression.
   *
   * @throws QuerySyntaxException (an {@code InvalidParameterException}) naming the column where
   *     the text stops making sense
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
