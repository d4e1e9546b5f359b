package io.github.berth.placement.query;

import java.util.regex.Pattern;

/**
 * The canonical text of an expression: symbols for operators, lowercase {@code and}/{@code or},
 * {@code not(...)} in function style, parentheses only where the tree needs them, and values
 * quoted only when they cannot be written bare. Parsing the text gives back an equal tree.
 */
final class QueryPrinter {

    /** A value that the tokenizer reads back as one bare word. */
    private static final Pattern BARE = Pattern.compile(QueryLexer.BARE_CHARS + "+");

    private QueryPrinter() {}

    static String print(Expression e) {
        StringBuilder out = new StringBuilder();
        write(e, out);
        return out.toString();
    }

    private static int precedence(Expression e) {
        if (e instanceof Expression.Or) {
            return 1;
        }
        if (e instanceof Expression.And) {
            return 2;
        }
        return 3;
    }

    private static void write(Expression e, StringBuilder out) {
        if (e instanceof Expression.And and) {
            binary(and.left(), "and", and.right(), 2, out);
        } else if (e instanceof Expression.Or or) {
            binary(or.left(), "or", or.right(), 1, out);
        } else if (e instanceof Expression.Not not) {
            out.append("not(");
            write(not.operand(), out);
            out.append(')');
        } else {
            predicate((Expression.Predicate) e, out);
        }
    }

    // The parser groups and/or to the left, so a right operand of the same level needs parentheses.
    private static void binary(Expression left, String op, Expression right, int level, StringBuilder out) {
        operand(left, precedence(left) < level, out);
        out.append(' ').append(op).append(' ');
        operand(right, precedence(right) <= level, out);
    }

    private static void operand(Expression e, boolean parenthesize, StringBuilder out) {
        if (parenthesize) {
            out.append('(');
            write(e, out);
            out.append(')');
        } else {
            write(e, out);
        }
    }

    private static void predicate(Expression.Predicate p, StringBuilder out) {
        out.append(p.subject()).append(' ').append(p.operator().symbol());
        switch (p.operator().arity()) {
            case NONE -> {}
            case ONE -> out.append(' ').append(value(p.values().get(0)));
            case LIST -> {
                out.append(" [");
                for (int i = 0; i < p.values().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    out.append(value(p.values().get(i)));
                }
                out.append(']');
            }
        }
    }

    static String value(String v) {
        if (BARE.matcher(v).matches()) {
            return v;
        }
        return "'" + v.replace("'", "''") + "'";
    }
}
