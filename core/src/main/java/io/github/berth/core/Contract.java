package io.github.berth.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a method's result depends on its arguments' nullness, in the syntax of JetBrains'
 * {@code @Contract}: {@code "!null -> !null"} says a non-null argument gives a non-null result. The
 * build's NullAway reads it (and checks the method keeps it), so a caller passing a value it knows
 * is non-null gets a non-null result without a check.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Contract {
    /** The clauses, separated by {@code ;}, each {@code arguments -> result}. */
    String value();
}
