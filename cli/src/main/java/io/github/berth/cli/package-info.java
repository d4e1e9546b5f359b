/**
 * The runnable jar around the library, built with picocli: {@code berth validate} (task
 * definitions as ECS would judge them), {@code berth place} and {@code berth query} (placement and
 * the cluster query language), {@code berth simulate-scaling} (auto scaling policies replayed over
 * a metric CSV, written as CSV and drawn as SVG).
 *
 * <p>The application's API for Java is {@link io.github.berth.cli.Berth} ({@code main} and
 * {@code run}); the rest of the command line lives in {@code io.github.berth.cli.internal}, which is
 * not API.
 */
package io.github.berth.cli;
