package io.github.berth.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code berth} command: Amazon ECS in memory, on the command line. */
@Command(
    name = "berth",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // every subcommand takes --help and --version
    versionProvider = BerthVersion.class,
    description = "Amazon ECS in memory: validate task definitions, place tasks, query clusters and simulate "
        + "service auto scaling as ECS and Application Auto Scaling would, and lint them against best practices.",
    subcommands = {
        ValidateCommand.class,
        PlaceCommand.class,
        QueryCommand.class,
        SimulateScalingCommand.class,
        ServeCommand.class,
        LintCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Berth implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line on the process's standard streams and exits with its status.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line on the process's standard streams.
   *
   * @param args the command line
   * @return the exit status
   */
  public static int run(String... args) {
    return new CommandLine(new Berth()).execute(args);
  }

  /**
   * Runs the command line on the streams given: {@code in} is what {@code -} reads, {@code out} and
   * {@code err} take what it prints. Nothing global is swapped, so callers (tests) may run at once.
   *
   * @param in what a {@code -} file argument reads
   * @param out standard output
   * @param err standard error
   * @param args the command line
   * @return the exit status
   */
  public static int run(InputStream in, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Berth());
    commandLine.setOut(out);
    commandLine.setErr(err);
    try {
      return Files.withStandardInput(in, () -> commandLine.execute(args));
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
