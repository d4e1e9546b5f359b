package io.github.berth.placement.query;

import io.github.berth.placement.query.QueryLexer.Kind;
import io.github.berth.placement.query.QueryLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the grammar of docs/placement.md#query-grammar ([model]: {@code not} binds tighter than
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
    /** The 'not's and '('s the parser is inside (each one a level of its recursion). */
    private int open;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new QuerySyntaxException(1, "the expression is empty");
        }
        QueryParser p = new QueryParser(QueryLexer.tokenize(text));
        Expression e = p.or().expression();
        Token t = p.peek();
        if (!t.is(Kind.END)) {
            throw new QuerySyntaxException(
                    t.column(), "expected 'and', 'or' or the end of the expression, found " + t.describe());
        }
        return e;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    /** An expression with the depth of its tree (a predicate is 1), so that nesting is bounded as it grows. */
    private record Parsed(Expression expression, int depth) {}

    private Parsed or() {
        Parsed left = and();
        while (peek().isWord("or") || isSymbol(peek(), "||")) {
            Token op = next();
            Parsed right = and();
            Parsed l = left;
            left = nest(
                    op,
                    () -> new Expression.Or(l.expression(), right.expression()),
                    Math.max(left.depth(), right.depth()));
        }
        return left;
    }

    private Parsed and() {
        Parsed left = unary();
        while (peek().isWord("and") || isSymbol(peek(), "&&")) {
            Token op = next();
            Parsed right = unary();
            Parsed l = left;
            left = nest(
                    op,
                    () -> new Expression.And(l.expression(), right.expression()),
                    Math.max(left.depth(), right.depth()));
        }
        return left;
    }

    private Parsed unary() {
        Token t = peek();
        boolean not = t.isWord("not") || isSymbol(t, "!");
        if (!not && !t.is(Kind.LPAREN)) {
            return new Parsed(predicate(), 1);
        }
        // Checked on the way down: the parser recurses once per 'not' and '('.
        if (++open > ClusterQuery.MAX_DEPTH) {
            throw tooDeep(t);
        }
        next();
        Parsed out;
        if (not) {
            // not(...) is one level, not two: the canonical printer writes every 'not' so, and what it
            // prints must parse back at any depth the tree allows.
            boolean functionStyle = peek().is(Kind.LPAREN);
            if (functionStyle) {
                open--;
            }
            Parsed operand = unary();
            if (functionStyle) {
                open++;
            }
            out = nest(t, () -> new Expression.Not(operand.expression()), operand.depth());
        } else {
            out = or();
            Token close = next();
            if (!close.is(Kind.RPAREN)) {
                throw new QuerySyntaxException(
                        close.column(),
                        "expected ')' to close the '(' at column " + t.column() + ", found " + close.describe());
            }
        }
        open--;
        return out;
    }

    /** {@code e} one level above operands {@code below} deep; refused past {@link ClusterQuery#MAX_DEPTH}. */
    private static Parsed nest(Token at, java.util.function.Supplier<Expression> e, int below) {
        if (below + 1 > ClusterQuery.MAX_DEPTH) {
            throw tooDeep(at); // checked before the operator is built, which would refuse it with less to say
        }
        return new Parsed(e.get(), below + 1);
    }

    private static QuerySyntaxException tooDeep(Token at) {
        return new QuerySyntaxException(
                at.column(),
                "the expression nests more than " + ClusterQuery.MAX_DEPTH
                        + " levels deep (operators and parentheses)");
    }

    private static boolean isSymbol(Token t, String s) {
        return t.is(Kind.SYMBOL) && t.text().equals(s);
    }

    private Expression predicate() {
        Token s = next();
        if (!s.is(Kind.WORD)) {
            throw new QuerySyntaxException(
                    s.column(), "expected a subject (such as attribute:ecs.instance-type), found " + s.describe());
        }
        Subject subject = subject(s);
        Token o = next();
        Operator op = (o.is(Kind.WORD) || o.is(Kind.SYMBOL)) ? Operator.of(o.text()) : null;
        if (op == null) {
            throw new QuerySyntaxException(
                    o.column(), "expected an operator after " + subject + ", found " + o.describe());
        }
        if (!subject.kind().accepts(op)) {
            throw new QuerySyntaxException(o.column(), "the operator " + o.text() + " is not valid for " + subject);
        }
        List<String> values = new ArrayList<>();
        switch (op.arity()) {
            case NONE -> {}
            case ONE -> values.add(value(subject, op));
            case LIST -> {
                Token open = next();
                if (!open.is(Kind.LBRACKET)) {
                    throw new QuerySyntaxException(
                            open.column(),
                            "expected '[' to start the list of " + op.symbol() + ", found " + open.describe());
                }
                values.add(value(subject, op));
                while (peek().is(Kind.COMMA)) {
                    next();
                    values.add(value(subject, op));
                }
                Token close = next();
                if (!close.is(Kind.RBRACKET)) {
                    throw new QuerySyntaxException(
                            close.column(), "expected ',' or ']' in the list, found " + close.describe());
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
                throw new QuerySyntaxException(
                        s.column() + "attribute:".length(),
                        "invalid attribute name '" + name + "' " + Subject.ATTRIBUTE_NAME_RULE);
            }
            return Subject.attribute(name);
        }
        for (Subject.Kind k : Subject.Kind.values()) {
            if (k != Subject.Kind.ATTRIBUTE && k.text().equals(text)) {
                return Subject.of(k);
            }
        }
        throw new QuerySyntaxException(
                s.column(),
                "unknown subject '" + text + "' (expected agentConnected, agentVersion, "
                        + "attribute:<name>, ec2InstanceId, registeredAt, runningTasksCount or task:group)");
    }

    private String value(Subject subject, Operator op) {
        Token v = next();
        if (!v.is(Kind.WORD) && !v.is(Kind.QUOTED)) {
            throw new QuerySyntaxException(
                    v.column(), "expected a value after " + op.symbol() + ", found " + v.describe());
        }
        String problem = QueryValues.problem(subject, op, v.text());
        if (problem != null) {
            throw new QuerySyntaxException(v.column(), problem);
        }
        return v.text();
    }
}
