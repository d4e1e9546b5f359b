package io.github.berth.placement.query;

import io.github.berth.core.Nullable;

/**
 * The operators of a basic expression, each with its symbol and, where ECS documents one, its word
 * form (docs/placement.md#query-operators). The canonical printer writes the symbol.
 */
public enum Operator {
    EQUALS("==", "equals", Arity.ONE),
    NOT_EQUALS("!=", "not_equals", Arity.ONE),
    GREATER_THAN(">", "greater_than", Arity.ONE),
    GREATER_THAN_EQUAL(">=", "greater_than_equal", Arity.ONE),
    LESS_THAN("<", "less_than", Arity.ONE),
    LESS_THAN_EQUAL("<=", "less_than_equal", Arity.ONE),
    EXISTS("exists", null, Arity.NONE),
    NOT_EXISTS("!exists", "not_exists", Arity.NONE),
    IN("in", null, Arity.LIST),
    NOT_IN("!in", "not_in", Arity.LIST),
    MATCHES("=~", "matches", Arity.ONE),
    NOT_MATCHES("!~", "not_matches", Arity.ONE);

    /** How many values follow the operator. */
    public enum Arity {
        NONE,
        ONE,
        LIST
    }

    private final String symbol;
    private final @Nullable String word;
    private final Arity arity;

    Operator(String symbol, @Nullable String word, Arity arity) {
        this.symbol = symbol;
        this.word = word;
        this.arity = arity;
    }

    /** The canonical spelling: {@code ==}, {@code !in}, {@code exists}. */
    public String symbol() {
        return symbol;
    }

    /** The word form ({@code not_equals}), or null when the operator has only one spelling. */
    public @Nullable String word() {
        return word;
    }

    public Arity arity() {
        return arity;
    }

    /** Whether the operator is the negation of another ({@code !=}, {@code !in}, {@code !~}, {@code !exists}). */
    public boolean isNegative() {
        return this == NOT_EQUALS || this == NOT_EXISTS || this == NOT_IN || this == NOT_MATCHES;
    }

    /** Whether the operator orders values ({@code > >= < <=}). */
    public boolean isOrdering() {
        return this == GREATER_THAN || this == GREATER_THAN_EQUAL || this == LESS_THAN || this == LESS_THAN_EQUAL;
    }

    /** The operator of a spelling (symbol or word, words in any case), or null. */
    static @Nullable Operator of(String spelling) {
        for (Operator op : values()) {
            if (op.symbol.equals(spelling)
                    || (op.word != null && op.word.equalsIgnoreCase(spelling))
                    || (op.symbol.chars().allMatch(Character::isLetter) && op.symbol.equalsIgnoreCase(spelling))) {
                return op;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
