/**
 * JMH benchmarks of Berth. Build with {@code mvn -q -DskipTests package} and run
 * {@code java -jar benchmarks/target/benchmarks.jar <pattern>}; add {@code -prof gc} for the
 * allocation rate ({@code gc.alloc.rate.norm} is then bytes per placement decision, since each
 * placement benchmark counts one operation per decision).
 */
package io.github.berth.benchmarks;
