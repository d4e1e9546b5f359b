package io.github.berth.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code berth} command: Amazon ECS in memory, on the command line. */
@Command(
        name = "berth",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT, // every subcommand takes --help and --version
        versionProvider = BerthVersion.class,
        description =
                "Amazon ECS in memory: validate task definitions, place tasks, query clusters and simulate "
                        + "service auto scaling as ECS and Application Auto Scaling would, and lint them against best practices.",
        footer = {
            "",
            "Exit status: each command's help lists its own (0 success, 1 refused or not placed, 2 bad input "
                    + "or options); 70 when Berth itself fails (a bug: one line on standard error, never a stack trace)."
        })
public final class Berth implements Runnable {

    /**
     * The subcommands, in the order help lists them. Picocli reads a command's annotations when the
     * command is added, so {@link #commandLine} adds only the one the arguments name: reading all
     * of them showed in {@code berth serve}'s start-up time.
     */
    private static final Map<String, Subcommand> SUBCOMMANDS = subcommands();

    /**
     * How to make a subcommand, and what to start as soon as the arguments name it (before picocli
     * parses its options): {@code serve} warms its request path on another thread meanwhile.
     */
    private record Subcommand(Supplier<Object> make, Runnable whenNamed) {
        Subcommand(Supplier<Object> make) {
            this(make, () -> {});
        }
    }

    private static Map<String, Subcommand> subcommands() {
        Map<String, Subcommand> m = new LinkedHashMap<>();
        m.put("validate", new Subcommand(ValidateCommand::new));
        m.put("place", new Subcommand(PlaceCommand::new));
        m.put("query", new Subcommand(QueryCommand::new));
        m.put("simulate-scaling", new Subcommand(SimulateScalingCommand::new));
        m.put("serve", new Subcommand(ServeCommand::new, ServeCommand::warmUp));
        m.put("lint", new Subcommand(LintCommand::new));
        m.put("help", new Subcommand(CommandLine.HelpCommand::new));
        return Collections.unmodifiableMap(m);
    }

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
        return execute(commandLine(args), args);
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
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return Files.withStandardInput(in, () -> execute(commandLine, args));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The command line with the subcommand {@code args} names, or with all when it names none. */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new Berth());
        Subcommand named = args.length > 0 && !"help".equals(args[0]) ? SUBCOMMANDS.get(args[0]) : null;
        if (named != null) {
            named.whenNamed().run();
            commandLine.addSubcommand(args[0], named.make().get());
        } else {
            SUBCOMMANDS.forEach((name, command) ->
                    commandLine.addSubcommand(name, command.make().get()));
        }
        // picocli's default prints the stack trace: one line naming what failed instead (set after the
        // subcommands are added, so that they have it too).
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> internalError(cmd, e));
        return commandLine;
    }

    /**
     * [model] The exit status when Berth itself fails (an exception no command expected): 70,
     * {@code EX_SOFTWARE} of BSD's sysexits.h, apart from the statuses the commands give (0, 1, 2).
     */
    static final int INTERNAL_ERROR = 70;

    private static int execute(CommandLine commandLine, String[] args) {
        try {
            return commandLine.execute(args);
        } catch (StackOverflowError e) {
            return internalError(commandLine, e);
        }
    }

    private static int internalError(CommandLine cmd, Throwable e) {
        cmd.getErr()
                .println("berth " + cmd.getCommandName() + ": internal error: "
                        + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + " (a bug in Berth; please report it with the command line)");
        cmd.getErr().flush();
        return INTERNAL_ERROR;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
