/**
 * Not API: fixtures the benchmarks and testkit's own tests share (the fixed placement scenarios
 * built from a seed). Public only for the benchmarks module; left out of the javadoc and may change
 * in any release. Generators for users are in {@link io.github.berth.testkit.generators}.
 */
package io.github.berth.testkit.generators.internal;
