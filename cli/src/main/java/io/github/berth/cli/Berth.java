package io.github.berth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code berth} command: Amazon ECS in memory, on the command line. */
@Command(
    name = "berth",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // every subcommand takes --help and --version
    version = "berth 0.1.0-SNAPSHOT",
    description = "Amazon ECS in memory: validate task definitions, place tasks, query clusters and simulate "
        + "service auto scaling as ECS and Application Auto Scaling would.",
    subcommands = {
        ValidateCommand.class,
        PlaceCommand.class,
        QueryCommand.class,
        SimulateScalingCommand.class,
        ServeCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Berth implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status (for tests). */
  public static int run(String... args) {
    return new CommandLine(new Berth()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
