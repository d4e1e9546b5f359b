package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a member sits in a JSON document, written as people read it:
 * {@code containerDefinitions[1].portMappings[0].hostPort}. Paths are immutable and cheap to
 * extend; the text is only built when a violation is reported.
 */
public final class JsonPath {

    private static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final @Nullable JsonPath parent;
    private final @Nullable String name;
    private final int index;

    private JsonPath(@Nullable JsonPath parent, @Nullable String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The document itself; its text is empty. */
    public static JsonPath root() {
        return ROOT;
    }

    /** The path of a member of the object at this path. */
    public JsonPath child(String member) {
        return new JsonPath(this, member, -1);
    }

    /** The path of an element of the array at this path (0-based). */
    public JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    /**
     * Parses the text of a path (as {@link #toString()} writes it).
     *
     * @throws IllegalArgumentException if the text is not such a path (an unclosed {@code [}, an
     *     index that is not a number of at most 9 digits), naming the offending position
     * @throws NullPointerException if {@code text} is null
     */
    public static JsonPath parse(String text) {
        Objects.requireNonNull(text, "text");
        JsonPath p = ROOT;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                // A quoted name (a map key) may itself hold ']': it ends at the quote before the bracket.
                boolean quoted = i + 1 < text.length() && text.charAt(i + 1) == '"';
                int close = quoted ? text.indexOf("\"]", i + 2) : text.indexOf(']', i);
                if (quoted && close >= 0) {
                    close++;
                }
                if (close < 0) {
                    throw new IllegalArgumentException(
                            "not a JSON path: '[' at index " + i + " is not closed in '" + text + "'");
                }
                String inside = text.substring(i + 1, close);
                if (quoted) {
                    p = p.child(inside.substring(1, inside.length() - 1));
                } else if (!inside.isEmpty()
                        && inside.length() <= 9
                        && inside.chars().allMatch(d -> d >= '0' && d <= '9')) {
                    p = p.index(Integer.parseInt(inside));
                } else {
                    throw new IllegalArgumentException(
                            "not a JSON path: expected an index or a quoted name between '[' and ']' at " + "index " + i
                                    + ", found '" + inside + "' in '" + text + "'");
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                p = p.child(text.substring(i, end));
                i = end;
            }
        }
        return p;
    }

    /**
     * This path with every member name passed through {@code rename}; array indexes are kept. For a
     * service whose messages name members otherwise than its wire does (Application Auto Scaling
     * writes {@code 'serviceNamespace'} for the member {@code ServiceNamespace}).
     */
    public JsonPath renamed(UnaryOperator<String> rename) {
        Objects.requireNonNull(rename, "rename");
        JsonPath[] steps = steps();
        JsonPath p = ROOT;
        for (JsonPath step : steps) {
            p = step.name == null ? p.index(step.index) : p.child(rename.apply(step.name));
        }
        return p;
    }

    public boolean isRoot() {
        return parent == null;
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        append(sb);
        return sb.toString();
    }

    /**
     * Walks from the root down without recursion: a path parsed from text may be as deep as the text
     * is long ({@code a[0][0]...}), and the stack must not decide whether it can be printed.
     */
    private void append(StringBuilder sb) {
        for (JsonPath step : steps()) {
            if (step.name == null) {
                sb.append('[').append(step.index).append(']');
            } else if (isIdentifier(step.name)) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(step.name);
            } else {
                sb.append("[\"").append(step.name).append("\"]");
            }
        }
    }

    /** The steps from the root down, without recursion. */
    private JsonPath[] steps() {
        int depth = 0;
        for (JsonPath q = this; q.parent != null; q = q.parent) {
            depth++;
        }
        JsonPath[] steps = new JsonPath[depth];
        for (JsonPath q = this; q.parent != null; q = q.parent) {
            steps[--depth] = q;
        }
        return steps;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '@')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPath && o.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
