package io.github.berth.testkit.property;

/**
 * A generator could not make a value: a {@code filter} rejected too many candidates in a row, or a
 * value needed more random choices than any sane one does. The message says which and what to do.
 */
public final class GenerationException extends RuntimeException {

  GenerationException(String message) {
    super(message);
  }
}
