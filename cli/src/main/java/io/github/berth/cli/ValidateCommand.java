package io.github.berth.cli;

import io.github.berth.cli.internal.forms.Form;
import io.github.berth.cli.internal.forms.Validation;
import io.github.berth.cli.internal.report.Finding;
import io.github.berth.cli.internal.report.Format;
import io.github.berth.cli.internal.report.Report;
import io.github.berth.cli.internal.report.Severity;
import io.github.berth.cli.internal.report.Subject;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth validate FILE...}: each file (or every file under a directory, or matching a glob) is
 * recognised by its content (task definitions, container definitions, service and auto scaling inputs,
 * CloudFormation templates, Terraform plans) and judged as ECS and Application Auto Scaling would judge
 * it. Prints the report in the format asked for.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate ECS and Application Auto Scaling inputs as the services would judge them.",
            "A FILE is a task definition (RegisterTaskDefinition input, DescribeTaskDefinition output or its "
                    + "taskDefinition), a bare container definitions array, a CreateService or UpdateService input, a "
                    + "RegisterScalableTarget or PutScalingPolicy input, a target tracking or step scaling policy "
                    + "configuration, a CloudFormation template (JSON or YAML) or a Terraform plan (terraform show -json); "
                    + "each is recognised by its content. A directory is searched for .json, .yaml, .yml and .template "
                    + "files; a glob ('**/*.json') is expanded; - reads standard input.",
            "Prints OK, or every problem as: path: ErrorCode: message."
        },
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {
            "0:every file is accepted (files in a directory that are none of these forms are skipped)",
            "1:a file holds an input the service would refuse",
            "2:a named file is missing, unreadable, not JSON or YAML, or none of these forms"
        })
final class ValidateCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int NOT_A_TASK_DEFINITION = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files, directories or globs")
    List<String> files;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default), json, sarif (SARIF 2.1.0, for GitHub code scanning) or junit (JUnit XML)")
    String format;

    @Option(
            names = "--form",
            paramLabel = "FORM",
            description = "read every file as this form: task-definition, container-definitions, create-service, "
                    + "update-service, register-scalable-target, put-scaling-policy, target-tracking-configuration, "
                    + "step-scaling-configuration, cloudformation or terraform-plan")
    @Nullable
    String form;

    @Option(
            names = "--task-definition",
            paramLabel = "FILE",
            description = "the task definition services are checked against (a RegisterTaskDefinition input or "
                    + "DescribeTaskDefinition output)")
    @Nullable
    Path taskDefinition;

    @Option(
            names = "--launch-type",
            paramLabel = "TYPE",
            description = "for container definitions: the launch type of their task (EC2 unless given)")
    @Nullable
    String launchType;

    @Option(
            names = "--network-mode",
            paramLabel = "MODE",
            description = "for container definitions: the task's network mode")
    @Nullable
    String networkMode;

    @Option(names = "--cpu", paramLabel = "CPU", description = "for container definitions: the task's cpu")
    @Nullable
    String cpu;

    @Option(names = "--memory", paramLabel = "MEMORY", description = "for container definitions: the task's memory")
    @Nullable
    String memory;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Format outputFormat;
        Form forced;
        RegisterTaskDefinitionRequest td = null;
        try {
            outputFormat = Format.parse(format);
            forced = form == null ? null : Form.parse(form);
            if (taskDefinition != null) {
                td = Files.readTaskDefinitionFile(taskDefinition).request();
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("berth validate: " + (e instanceof IOException ? "--task-definition " : "") + e.getMessage());
            err.flush();
            return NOT_A_TASK_DEFINITION;
        }
        Validation.Options options = new Validation.Options(forced, td, launchType, networkMode, cpu, memory);
        List<Input> inputs = new ArrayList<>();
        for (String arg : files) {
            inputs.addAll(expand(arg));
        }
        // files are judged on every core, and reported in the order given (the judging is stateless)
        List<Subject> subjects = (inputs.size() > 1 ? inputs.parallelStream() : inputs.stream())
                .map(input -> judge(input, options))
                .flatMap(List::stream)
                .toList();
        Report report = new Report("validate", BerthVersion.number(), Validation.RULES, subjects);
        outputFormat.write(report, out);
        int status = VALID;
        for (Subject s : subjects) {
            if (s.outcome() == Subject.Outcome.UNREADABLE) {
                status = Math.max(status, NOT_A_TASK_DEFINITION);
            } else if (s.outcome() == Subject.Outcome.INVALID) {
                status = Math.max(status, INVALID);
            }
        }
        return status;
    }

    /** A file to judge; {@code named} when the user named it rather than a directory or glob holding it. */
    private record Input(
            String name, Path path, boolean named, @Nullable String problem) {}

    private static List<Input> expand(String arg) {
        if (arg.equals(Files.STDIN)) {
            return List.of(new Input(arg, Path.of(arg), true, null));
        }
        Path path;
        try {
            path = Path.of(arg);
        } catch (java.nio.file.InvalidPathException e) {
            path = null;
        }
        if (path != null && java.nio.file.Files.isDirectory(path)) {
            List<Input> found = walk(path, null, arg);
            return found.isEmpty()
                    ? List.of(new Input(
                            arg, path, true, "a directory without a .json, .yaml, .yml or " + ".template file"))
                    : found;
        }
        boolean glob = arg.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        if (glob && (path == null || !java.nio.file.Files.exists(path))) {
            // the longest leading part without a glob character is where to look
            String normalised = arg.replace('\\', '/');
            int firstGlob = normalised.length();
            for (char c : new char[] {'*', '?', '[', '{'}) {
                int i = normalised.indexOf(c);
                if (i >= 0) {
                    firstGlob = Math.min(firstGlob, i);
                }
            }
            int slash = normalised.lastIndexOf('/', firstGlob);
            Path base = slash < 0 ? Path.of("") : Path.of(normalised.substring(0, Math.max(slash, 1)));
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalised);
            List<Input> found = walk(base, matcher, arg);
            return found.isEmpty() ? List.of(new Input(arg, Path.of("."), true, "no file matches")) : found;
        }
        return List.of(
                new Input(arg, path == null ? Path.of(".") : path, true, path == null ? "not a valid path" : null));
    }

    private static List<Input> walk(Path root, @Nullable PathMatcher matcher, String arg) {
        List<Input> out = new ArrayList<>();
        Path start = root.toString().isEmpty() ? Path.of(".") : root;
        try (Stream<Path> s = java.nio.file.Files.walk(start)) {
            s.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> !hidden(start, p))
                    .map(p -> root.toString().isEmpty() ? start.relativize(p) : p)
                    .filter(p -> matcher != null
                            ? matcher.matches(Path.of(p.toString().replace('\\', '/')))
                            : judgedExtension(p))
                    .sorted()
                    .forEach(p -> out.add(new Input(p.toString(), p, false, null)));
        } catch (IOException | java.io.UncheckedIOException e) {
            out.add(new Input(arg, root, true, "cannot read the directory: " + e.getMessage()));
        }
        return out;
    }

    /** Directories people do not mean: hidden ones ({@code .git}, {@code .terraform}) and {@code node_modules}. */
    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            String name = part.toString();
            if ((name.startsWith(".") && !name.equals(".") && !name.equals("..")) || name.equals("node_modules")) {
                return true;
            }
        }
        return false;
    }

    private static boolean judgedExtension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".template");
    }

    private static List<Subject> judge(Input input, Validation.Options options) {
        String name = input.name();
        if (input.problem() != null) {
            return List.of(
                    new Subject(name, null, "", Subject.Outcome.UNREADABLE, input.problem(), List.of(), List.of()));
        }
        String text;
        try {
            text = Files.utf8(Files.bytes(input.path()));
        } catch (Files.Unreadable e) {
            return List.of(new Subject(
                    name,
                    null,
                    "",
                    Subject.Outcome.UNREADABLE,
                    "cannot read: " + e.getMessage(),
                    List.of(),
                    List.of()));
        } catch (CharacterCodingException e) {
            return List.of(
                    input.named()
                            ? new Subject(
                                    name, null, "", Subject.Outcome.UNREADABLE, "not UTF-8 text", List.of(), List.of())
                            : new Subject(
                                    name, null, "", Subject.Outcome.SKIPPED, "not UTF-8 text", List.of(), List.of()));
        }
        try {
            return Validation.judge(name, text, options, input.named());
        } catch (RuntimeException e) {
            // A bug of Berth's, not the file's: say so in one line rather than with a stack trace.
            return List.of(new Subject(
                    name,
                    null,
                    "",
                    Subject.Outcome.UNREADABLE,
                    "cannot validate: internal error",
                    List.of(new Finding("input", Severity.ERROR, "", 0, 0, null, e.toString())),
                    List.of()));
        }
    }
}
