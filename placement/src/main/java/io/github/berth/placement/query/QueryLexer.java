package io.github.berth.placement.query;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens, each knowing its column. */
final class QueryLexer {

    /**
     * The characters of a bare word (a subject or an unquoted value): letters, digits and the
     * punctuation attribute names, values, dates, versions and simple regular expressions use
     * (docs/placement.md#instance-attributes: attribute values may hold {@code - _ . @ / \ :}). Anything else is quoted.
     */
    static final String BARE_CHARS = "[A-Za-z0-9_.:@/\\\\*+?^$%#{}-]";

    enum Kind {
        WORD,
        QUOTED,
        SYMBOL,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        END
    }

    record Token(Kind kind, String text, int column) {
        boolean is(Kind k) {
            return kind == k;
        }

        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the expression";
                case QUOTED -> "'" + text + "'";
                default -> "'" + text + "'";
            };
        }
    }

    private QueryLexer() {}

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", col));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", col));
                i++;
            } else if (c == '[') {
                out.add(new Token(Kind.LBRACKET, "[", col));
                i++;
            } else if (c == ']') {
                out.add(new Token(Kind.RBRACKET, "]", col));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", col));
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(s, i, out);
            } else if (isBare(c)) {
                int end = i;
                while (end < n && isBare(s.charAt(end))) {
                    end++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, end), col));
                i = end;
            } else {
                i = symbol(s, i, out);
            }
        }
        out.add(new Token(Kind.END, "", n + 1));
        return out;
    }

    static boolean isBare(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "_.:@/\\*+?^$%#{}-".indexOf(c) >= 0;
    }

    // [model] Quotes: single (as ECS's examples) or double; the quote character is written twice
    // to stand for itself, so that backslashes of regular expressions stay as they are.
    private static int quoted(String s, int start, List<Token> out) {
        char q = s.charAt(start);
        StringBuilder v = new StringBuilder();
        int i = start + 1;
        while (true) {
            if (i >= s.length()) {
                throw new QuerySyntaxException(start + 1, "the quoted value is not closed");
            }
            char c = s.charAt(i);
            if (c == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    v.append(q);
                    i += 2;
                    continue;
                }
                out.add(new Token(Kind.QUOTED, v.toString(), start + 1));
                return i + 1;
            }
            v.append(c);
            i++;
        }
    }

    private static int symbol(String s, int i, List<Token> out) {
        int col = i + 1;
        String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
        switch (two) {
            case "==", "!=", ">=", "<=", "=~", "!~", "&&", "||" -> {
                out.add(new Token(Kind.SYMBOL, two, col));
                return i + 2;
            }
            default -> {}
        }
        char c = s.charAt(i);
        if (c == '!') {
            // !exists and !in are operators; a lone ! is "not".
            for (String w : new String[] {"exists", "in"}) {
                int end = i + 1 + w.length();
                if (s.regionMatches(true, i + 1, w, 0, w.length()) && (end >= s.length() || !isBare(s.charAt(end)))) {
                    out.add(new Token(Kind.SYMBOL, "!" + w, col));
                    return end;
                }
            }
            out.add(new Token(Kind.SYMBOL, "!", col));
            return i + 1;
        }
        if (c == '>' || c == '<') {
            out.add(new Token(Kind.SYMBOL, String.valueOf(c), col));
            return i + 1;
        }
        throw new QuerySyntaxException(col, "unexpected character '" + c + "'");
    }
}
