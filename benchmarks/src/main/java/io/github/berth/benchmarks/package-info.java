/**
 * JMH benchmarks of Berth. Build with {@code mvn -q -DskipTests package} and run
 * {@code java -jar benchmarks/target/benchmarks.jar <pattern>}.
 */
package io.github.berth.benchmarks;
