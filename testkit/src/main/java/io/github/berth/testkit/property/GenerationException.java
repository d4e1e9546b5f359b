package io.github.berth.testkit.property;

/**
 * A generator could not make a value: a {@code filter} rejected too many candidates in a row, a
 * value needed more random choices than any sane one does, or a function given to {@code map},
 * {@code flatMap} or {@code filter} threw (the cause). The message says which, the seed, and what to do.
 */
public final class GenerationException extends RuntimeException {

    GenerationException(String message) {
        super(message);
    }

    GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
