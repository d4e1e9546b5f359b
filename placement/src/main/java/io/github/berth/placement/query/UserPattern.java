package io.github.berth.placement.query;

import com.google.re2j.Pattern;
import io.github.berth.core.Nullable;

/**
 * The patterns of {@code =~} and {@code !~}: written by users, so matched in time linear in the
 * value, whatever the pattern. ECS takes a Java regular expression ([doc]
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html), whose
 * backtracking matcher takes exponential time on {@code ((a+)+)+b}; Berth matches with RE2/J, which
 * accepts the Java syntax people write in placement expressions (classes, alternation,
 * quantifiers, groups) and refuses, with a reason, the constructs no linear matcher can run:
 * backreferences, lookaround, possessive quantifiers and atomic groups ([model]: such a pattern is
 * valid in ECS and refused here).
 */
final class UserPattern {

    private UserPattern() {}

    /** Compiles a pattern {@link #problem} accepted. */
    static Pattern compile(String pattern) {
        return Pattern.compile(pattern);
    }

    /** Whether the whole of {@code value} matches, as {@link java.util.regex.Matcher#matches()}. */
    static boolean matches(Pattern pattern, String value) {
        return pattern.matcher(value).matches();
    }

    /**
     * [model] The most elements a pattern may expand to once its counted repetitions are written
     * out: RE2/J expands {@code x{n}} into n copies and checks no program size, so
     * {@code ((a{100}){100}){100}} (24 characters) would take gigabytes to compile. ECS's whole
     * {@code memberOf} expression is at most 2,000 characters, so a pattern of plain text never
     * reaches this.
     */
    static final int MAX_EXPANDED_SIZE = 2_000;

    /** What is wrong with {@code pattern}, or null if it compiles. */
    static @Nullable String problem(String pattern) {
        if (expandedSize(pattern) > MAX_EXPANDED_SIZE) {
            return "'" + pattern
                    + "' repeats too much: written out, its counted repetitions ({n}) would make more than "
                    + MAX_EXPANDED_SIZE + " elements";
        }
        String folding = foldingProblem(pattern);
        if (folding != null) {
            return "'" + pattern + "' " + folding;
        }
        try {
            Pattern.compile(pattern);
            return null;
        } catch (com.google.re2j.PatternSyntaxException linear) {
            // The pattern is never compiled by java.util.regex (a backtracking engine, and user text): the
            // constructs Java has and RE2/J lacks are recognised by their syntax instead.
            String construct = nonLinearConstruct(pattern);
            if (construct != null) {
                return "'" + pattern
                        + "' uses a construct Berth cannot match in linear time (backreferences, lookaround,"
                        + " possessive quantifiers and atomic groups are not supported): " + construct + " ("
                        + linear.getDescription() + ")";
            }
            if (linear.getDescription().startsWith("invalid repeat count")) {
                return "'" + pattern + "' repeats too much: a count ({n}) is at most 1000";
            }
            // [model] Also what Java has and RE2/J lacks beyond the constructs above (\G, \R, \X...).
            return "'" + pattern + "' is not a valid Java regular expression (as RE2/J reads it): "
                    + linear.getDescription();
        }
    }

    /**
     * Code points whose case-folding orbit, as RE2/J walks it, never comes back to them: RE2/J folds
     * characters its own tables do not list through {@link Character#toLowerCase(int)} and {@link
     * Character#toUpperCase(int)}, and for some newer characters (U+1C80, CYRILLIC SMALL LETTER ROUNDED
     * VE, upper-cases to U+0412, which lower-cases to U+0432) the walk loops for ever. A
     * case-insensitive pattern naming one, or a class range holding one, would never finish compiling
     * (found by fuzzing: {@code (?i)[a-\x{2000}]}). Worked out once from RE2/J itself, bounded per
     * character; empty if RE2/J's folding cannot be reached.
     */
    private static final java.util.BitSet UNFOLDABLE = unfoldable();

    private static java.util.BitSet unfoldable() {
        java.util.BitSet bad = new java.util.BitSet();
        java.lang.reflect.Method fold;
        try {
            fold = Class.forName("com.google.re2j.Unicode").getDeclaredMethod("simpleFold", int.class);
            fold.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Without RE2/J's own folding, every character whose case maps elsewhere is suspect.
            for (int c = 0x80; c <= Character.MAX_CODE_POINT; c++) {
                if (Character.toUpperCase(c) != c || Character.toLowerCase(c) != c) {
                    bad.set(c);
                }
            }
            return bad;
        }
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.toUpperCase(c) == c && Character.toLowerCase(c) == c) {
                continue; // RE2/J's tables cover the rest; its walk from here ends at once or in its table
            }
            try {
                int f = (int) fold.invoke(null, c);
                int steps = 0;
                while (f != c && steps++ < 8) {
                    f = (int) fold.invoke(null, f);
                }
                if (f != c) {
                    bad.set(c);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                bad.set(c);
            }
        }
        return bad;
    }

    /**
     * Why a case-insensitive pattern cannot be compiled in bounded time, or null: it names, or a class
     * range of it holds, a character of {@link #UNFOLDABLE} (a class range that covers every folding
     * character, such as {@code [\x{0}-\x{10FFFF}]}, is folded without the walk and is fine).
     */
    static @Nullable String foldingProblem(String pattern) {
        if (UNFOLDABLE.isEmpty() || !caseInsensitive(pattern)) {
            return null;
        }
        int n = pattern.length();
        int previous =
                -1; // the code point before a '-' (a range's lower end); -1 when not known (an escape such as \d):
        // taken as 0
        for (int i = 0; i < n; ) {
            int c = pattern.codePointAt(i);
            int width = Character.charCount(c);
            int literal = c;
            if (c == '\\' && i + 1 < n) {
                int[] escape = escape(pattern, i);
                literal = escape[0];
                width = escape[1];
            } else if (c == '-' && i + 1 < n) {
                // Every '-' is taken for a range between what stands on either side of it, in a class or not,
                // and the '-' itself may be the next range's lower end: which '-' RE2/J reads as a range ("[--x]",
                // "[]a-x]", "[a-c--x]") depends on where its classes begin and end, and a wrong guess must not let
                // a hang through (four fuzzing findings).
                int hi = pattern.codePointAt(i + 1);
                if (hi == '\\') {
                    hi = escape(pattern, i + 1)[0];
                }
                // An end not known is taken at its widest: the check may refuse, never let a hang through.
                int lo = previous < 0 ? 0 : previous;
                int top = hi < 0 ? Character.MAX_CODE_POINT : hi;
                if (top >= lo && !(lo <= 'A' && top >= 0x1E943)) {
                    int bad = UNFOLDABLE.nextSetBit(lo);
                    if (bad >= 0 && bad <= top) {
                        return unfoldableReason(bad);
                    }
                }
            }
            if (literal >= 0 && UNFOLDABLE.get(literal)) {
                return unfoldableReason(literal);
            }
            previous = literal;
            i += width;
        }
        return null;
    }

    private static String unfoldableReason(int c) {
        return String.format(
                "cannot be matched case-insensitively: it holds U+%04X, whose case folding RE2/J "
                        + "cannot finish (leave out the (?i) flag or the character)",
                c);
    }

    /** Whether an inline flag group turns on {@code i}: {@code (?i)}, {@code (?si)}, {@code (?i:...)}. */
    private static boolean caseInsensitive(String pattern) {
        for (int at = pattern.indexOf("(?"); at >= 0; at = pattern.indexOf("(?", at + 2)) {
            for (int k = at + 2; k < pattern.length(); k++) {
                char f = pattern.charAt(k);
                if (f == 'i') {
                    return true;
                }
                if (f == '-' || f == ')' || f == ':' || "msUux".indexOf(f) < 0) {
                    break;
                }
            }
        }
        return false;
    }

    /** The code point an escape at {@code i} stands for (-1 for a class such as {@code \d}) and its length. */
    private static int[] escape(String p, int i) {
        int n = p.length();
        if (i + 1 >= n) {
            return new int[] {-1, 1};
        }
        char e = p.charAt(i + 1);
        if (e == 'x') {
            if (i + 2 < n && p.charAt(i + 2) == '{') {
                int close = p.indexOf('}', i + 3);
                if (close < 0) {
                    return new int[] {-1, n - i};
                }
                return new int[] {hex(p.substring(i + 3, close)), close + 1 - i};
            }
            int end = Math.min(n, i + 4);
            return new int[] {hex(p.substring(i + 2, end)), end - i};
        }
        int simple = "afnrtve".indexOf(e);
        if (simple >= 0) {
            return new int[] {new int[] {7, 12, 10, 13, 9, 11, 27}[simple], 2};
        }
        if (e >= '0' && e <= '7') {
            int end = i + 1;
            int v = 0;
            while (end < n && end < i + 5 && p.charAt(end) >= '0' && p.charAt(end) <= '7') {
                v = v * 8 + (p.charAt(end) - '0');
                end++;
            }
            return new int[] {v, end - i};
        }
        if (Character.isLetterOrDigit(e)) {
            return new int[] {-1, 2}; // \d, \p (its braces are plain text here)...: not one character
        }
        return new int[] {e, 2};
    }

    private static int hex(String digits) {
        if (digits.isEmpty() || digits.length() > 6) {
            return -1;
        }
        try {
            int v = Integer.parseInt(digits, 16);
            return v <= Character.MAX_CODE_POINT ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The first construct of {@code pattern} that Java's regular expressions have and a linear-time
     * matcher cannot: a backreference ({@code \1}, {@code \k<name>}), lookaround ({@code (?=},
     * {@code (?!}, {@code (?<=}, {@code (?<!}), an atomic group ({@code (?>}) or a possessive
     * quantifier ({@code a*+}); null if it has none. Escapes and character classes are skipped.
     */
    static @Nullable String nonLinearConstruct(String pattern) {
        int n = pattern.length();
        int classDepth = 0;
        boolean quantified = false; // the previous token was a quantifier
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = pattern.charAt(i + 1);
                if (classDepth == 0
                        && (e >= '1' && e <= '9' || e == 'k' && i + 2 < n && pattern.charAt(i + 2) == '<')) {
                    return "a backreference at index " + i;
                }
                i++;
                if ("pPx".indexOf(e) >= 0 && i + 1 < n && pattern.charAt(i + 1) == '{') {
                    int close = pattern.indexOf('}', i);
                    i = close < 0 ? n : close; // \p{Lu}, \x{263A}: the braces are the escape's
                }
                quantified = false;
                continue;
            }
            if (classDepth > 0) {
                if (c == '[') {
                    classDepth++;
                } else if (c == ']') {
                    classDepth--;
                }
                continue;
            }
            if (c == '[') {
                classDepth = 1;
                if (i + 1 < n && pattern.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is the character itself
                }
                quantified = false;
                continue;
            }
            if (c == '(' && pattern.startsWith("(?", i)) {
                if (pattern.startsWith("(?=", i)
                        || pattern.startsWith("(?!", i)
                        || pattern.startsWith("(?<=", i)
                        || pattern.startsWith("(?<!", i)) {
                    return "lookaround at index " + i;
                }
                if (pattern.startsWith("(?>", i)) {
                    return "an atomic group at index " + i;
                }
            }
            if (c == '+' && quantified) {
                return "a possessive quantifier at index " + (i - 1);
            }
            quantified = c == '*' || c == '+' || c == '?' || c == '}';
        }
        return null;
    }

    /**
     * An upper bound of the number of elements {@code pattern} expands to: each atom (a character, an
     * escape, a class, a group) counts its size, and a counted repetition multiplies the size of the
     * atom before it. Linear in the pattern's length; saturates rather than overflowing.
     */
    static long expandedSize(String pattern) {
        final long cap = 1L << 40;
        java.util.ArrayDeque<long[]> groups = new java.util.ArrayDeque<>();
        long size = 0;
        long last = 0;
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
                if (i + 1 < n && "pPx".indexOf(pattern.charAt(i)) >= 0 && pattern.charAt(i + 1) == '{') {
                    int close = pattern.indexOf('}', i);
                    i = close < 0 ? n : close;
                }
                last = 1;
                size = Math.min(cap, size + 1);
            } else if (c == '[') {
                i = endOfClass(pattern, i);
                last = 1;
                size = Math.min(cap, size + 1);
            } else if (c == '(') {
                groups.push(new long[] {size});
                size = 0;
            } else if (c == ')') {
                last = Math.max(1, size);
                size = groups.isEmpty() ? last : Math.min(cap, groups.pop()[0] + last);
            } else if (c == '{') {
                int close = pattern.indexOf('}', i);
                long count = close < 0 ? -1 : repetitionCount(pattern.substring(i + 1, close));
                if (count < 0) {
                    last = 1; // a brace that is no repetition stands for itself
                    size = Math.min(cap, size + 1);
                } else {
                    size = Math.min(cap, size + Math.min(cap, last * Math.max(0, count - 1)));
                    last = Math.min(cap, last * count);
                    i = close;
                }
            } else if (c == '|') {
                last = 0;
            } else if (c != '*' && c != '+' && c != '?') {
                last = 1;
                size = Math.min(cap, size + 1);
            }
        }
        while (!groups.isEmpty()) {
            size = Math.min(cap, size + groups.pop()[0]);
        }
        return size;
    }

    /** The largest count of {@code {n}}, {@code {n,}} or {@code {n,m}} (given without braces); -1 if it is none. */
    private static long repetitionCount(String inside) {
        int comma = inside.indexOf(',');
        String low = comma < 0 ? inside : inside.substring(0, comma);
        String high = comma < 0 ? "" : inside.substring(comma + 1);
        if (low.isEmpty() || low.length() > 6 || high.length() > 6 || !digits(low) || !digits(high)) {
            return -1;
        }
        return Math.max(Long.parseLong(low), high.isEmpty() ? 0 : Long.parseLong(high));
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The index of the ']' closing the class opened at {@code open} ({@code []a]} and {@code [^]a]} hold a ']'). */
    private static int endOfClass(String p, int open) {
        int i = open + 1;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        for (; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < p.length() && p.charAt(i + 1) == ':') {
                int close = p.indexOf(":]", i + 2);
                if (close >= 0) {
                    i = close + 1;
                }
            } else if (c == ']') {
                return i;
            }
        }
        return p.length();
    }
}
