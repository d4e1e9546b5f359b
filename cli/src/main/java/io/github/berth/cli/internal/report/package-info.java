/**
 * Not API: the command line's own plumbing, public only for the commands in
 * {@code io.github.berth.cli}; left out of the javadoc and may change in any release.
 *
 * <p>The results of {@code berth validate} (and of {@code berth lint}) as a small, format-neutral model,
 * and the writers that print it for people and for CI tools: text, JSON, SARIF 2.1.0 (GitHub code
 * scanning) and JUnit XML. A command builds one {@link io.github.berth.cli.internal.report.Report} and hands
 * it to the {@link io.github.berth.cli.internal.report.Format} the user chose.
 */
package io.github.berth.cli.internal.report;
