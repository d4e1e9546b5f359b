package io.github.berth.placement.query;

import io.github.berth.placement.query.QueryLexer.Kind;
import io.github.berth.placement.query.QueryLexer.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive descent over the grammar of reference §3.2 ([model]: {@code not} binds tighter than
 * {@code and}, which binds tighter than {@code or}; both group to the left):
 *
 * <pre>
 * expr      := and { ("||" | "or") and }
 * and       := unary { ("&amp;&amp;" | "and") unary }
 * unary     := ("!" | "not") unary | "(" expr ")" | predicate
 * predicate := subject ("exists" | "!exists" | "not_exists")
 *            | subject op value
 *            | subject ("in" | "!in" | "not_in") "[" value { "," value } "]"
 * </pre>
 */
final class QueryParser {

  private final List<Token> tokens;
  private int pos;
  /** The depth of each node built (a predicate is 1), to refuse trees the recursive evaluator cannot walk. */
  private final Map<Expression, Integer> depths = new IdentityHashMap<>();
  /** The parentheses and negations open where the parser stands: its own recursion. */
  private int nesting;

  private QueryParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  static Expression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new QuerySyntaxException(1, "the expression is empty");
    }
    QueryParser p = new QueryParser(QueryLexer.tokenize(text));
    Expression e = p.or();
    Token t = p.peek();
    if (!t.is(Kind.END)) {
      throw new QuerySyntaxException(t.column(), "expected 'and', 'or' or the end of the expression, found " + t.describe());
    }
    return e;
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private Expression or() {
    Expression left = and();
    while (peek().isWord("or") || isSymbol(peek(), "||")) {
      Token op = next();
      Expression right = and();
      left = node(new Expression.Or(left, right), op, left, right);
    }
    return left;
  }

  private Expression and() {
    Expression left = unary();
    while (peek().isWord("and") || isSymbol(peek(), "&&")) {
      Token op = next();
      Expression right = unary();
      left = node(new Expression.And(left, right), op, left, right);
    }
    return left;
  }

  private Expression unary() {
    Token t = peek();
    if (t.isWord("not") || isSymbol(t, "!")) {
      next();
      enter(t);
      Expression operand = unary();
      nesting--;
      return node(new Expression.Not(operand), t, operand, operand);
    }
    if (t.is(Kind.LPAREN)) {
      next();
      enter(t);
      Expression inner = or();
      nesting--;
      Token close = next();
      if (!close.is(Kind.RPAREN)) {
        throw new QuerySyntaxException(close.column(), "expected ')' to close the '(' at column " + t.column()
            + ", found " + close.describe());
      }
      return inner;
    }
    return predicate();
  }

  private void enter(Token t) {
    if (++nesting > ClusterQuery.MAX_DEPTH) {
      throw tooDeep(t);
    }
  }

  private Expression node(Expression e, Token at, Expression left, Expression right) {
    int depth = 1 + Math.max(depths.getOrDefault(left, 1), depths.getOrDefault(right, 1));
    if (depth > ClusterQuery.MAX_DEPTH) {
      throw tooDeep(at);
    }
    depths.put(e, depth);
    return e;
  }

  private static QuerySyntaxException tooDeep(Token at) {
    return new QuerySyntaxException(at.column(), "the expression nests more than " + ClusterQuery.MAX_DEPTH
        + " levels deep (parentheses, not, and each and/or in a chain count)");
  }

  private static boolean isSymbol(Token t, String s) {
    return t.is(Kind.SYMBOL) && t.text().equals(s);
  }

  private Expression predicate() {
    Token s = next();
    if (!s.is(Kind.WORD)) {
      throw new QuerySyntaxException(s.column(), "expected a subject (such as attribute:ecs.instance-type), found "
          + s.describe());
    }
    Subject subject = subject(s);
    Token o = next();
    Operator op = (o.is(Kind.WORD) || o.is(Kind.SYMBOL)) ? Operator.of(o.text()) : null;
    if (op == null) {
      throw new QuerySyntaxException(o.column(), "expected an operator after " + subject + ", found " + o.describe());
    }
    if (!subject.kind().accepts(op)) {
      throw new QuerySyntaxException(o.column(), "the operator " + o.text() + " is not valid for " + subject);
    }
    List<String> values = new ArrayList<>();
    switch (op.arity()) {
      case NONE -> { }
      case ONE -> values.add(value(subject, op));
      case LIST -> {
        Token open = next();
        if (!open.is(Kind.LBRACKET)) {
          throw new QuerySyntaxException(open.column(), "expected '[' to start the list of " + op.symbol()
              + ", found " + open.describe());
        }
        values.add(value(subject, op));
        while (peek().is(Kind.COMMA)) {
          next();
          values.add(value(subject, op));
        }
        Token close = next();
        if (!close.is(Kind.RBRACKET)) {
          throw new QuerySyntaxException(close.column(), "expected ',' or ']' in the list, found " + close.describe());
        }
      }
    }
    return new Expression.Predicate(subject, op, values);
  }

  private static Subject subject(Token s) {
    String text = s.text();
    if (text.startsWith("attribute:")) {
      String name = text.substring("attribute:".length());
      if (name.isEmpty()) {
        throw new QuerySyntaxException(s.column(), "attribute: needs an attribute name");
      }
      if (!Subject.isAttributeName(name)) {
        throw new QuerySyntaxException(s.column() + "attribute:".length(),
            "invalid attribute name '" + name + "' " + Subject.ATTRIBUTE_NAME_RULE);
      }
      return Subject.attribute(name);
    }
    for (Subject.Kind k : Subject.Kind.values()) {
      if (k != Subject.Kind.ATTRIBUTE && k.text().equals(text)) {
        return Subject.of(k);
      }
    }
    throw new QuerySyntaxException(s.column(), "unknown subject '" + text + "' (expected agentConnected, agentVersion, "
        + "attribute:<name>, ec2InstanceId, registeredAt, runningTasksCount or task:group)");
  }

  private String value(Subject subject, Operator op) {
    Token v = next();
    if (!v.is(Kind.WORD) && !v.is(Kind.QUOTED)) {
      throw new QuerySyntaxException(v.column(), "expected a value after " + op.symbol() + ", found " + v.describe());
    }
    String problem = QueryValues.problem(subject, op, v.text());
    if (problem != null) {
      throw new QuerySyntaxException(v.column(), problem);
    }
    return v.text();
  }
}
