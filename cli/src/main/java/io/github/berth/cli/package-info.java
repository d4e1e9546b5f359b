/**
 * The runnable jar around the library, built with picocli: {@code berth validate} (task
 * definitions as ECS would judge them), and more subcommands as the modules land.
 */
package io.github.berth.cli;
