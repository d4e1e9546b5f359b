/**
 * Not API: the command line's own plumbing (the forms its inputs come in, {@code forms}, and the
 * report it prints, {@code report}), public only for the commands. The command line's one entry
 * point for Java is {@link io.github.berth.cli.Berth}.
 */
package io.github.berth.cli.internal;
