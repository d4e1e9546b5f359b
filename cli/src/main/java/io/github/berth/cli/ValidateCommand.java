package io.github.berth.cli;

import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.json.TaskDefinitionFile;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth validate FILE...}: each file is read as a task definition (a RegisterTaskDefinition
 * input, a DescribeTaskDefinition output, or its bare {@code taskDefinition}) and judged as ECS would
 * judge a RegisterTaskDefinition call with it. Prints {@code OK} or every violation per file.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
        "Validate task definition files as ECS would judge RegisterTaskDefinition.",
        "A file is a RegisterTaskDefinition input (--cli-input-json), a DescribeTaskDefinition output "
            + "or its taskDefinition object; - reads standard input.",
        "Prints OK, or every problem as: path: ErrorCode: message."},
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
        "0:every file is a task definition ECS would register",
        "1:a file is a task definition ECS would refuse",
        "2:a file is missing, unreadable, not JSON or not a task definition"})
final class ValidateCommand implements Callable<Integer> {

  static final int VALID = 0;
  static final int INVALID = 1;
  static final int NOT_A_TASK_DEFINITION = 2;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "task definition JSON files")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int status = VALID;
    for (Path file : files) {
      int result;
      try {
        result = validate(file, out);
      } catch (RuntimeException e) {
        // A bug of Berth's, not the file's: say so in one line rather than with a stack trace.
        out.println(file + ": cannot validate: internal error: " + e);
        result = NOT_A_TASK_DEFINITION;
      }
      status = Math.max(status, result);
    }
    out.flush();
    return status;
  }

  private static int validate(Path file, PrintWriter out) {
    String name = file.toString();
    String text;
    try {
      text = Files.utf8(Files.bytes(file));
    } catch (Files.Unreadable e) {
      out.println(name + ": cannot read: " + e.getMessage());
      return NOT_A_TASK_DEFINITION;
    } catch (CharacterCodingException e) {
      out.println(name + ": not a task definition");
      out.println("  not UTF-8 text");
      return NOT_A_TASK_DEFINITION;
    }
    TaskDefinitionFile td;
    try {
      td = EcsJson.strict().readTaskDefinitionFile(text);
    } catch (SerializationException e) {
      out.println(name + ": not a task definition");
      for (SerializationException.Problem p : e.problems()) {
        out.println("  " + describe(p));
      }
      return NOT_A_TASK_DEFINITION;
    }
    List<Violation> violations = TaskDefinitionValidator.validate(td.request());
    if (violations.isEmpty()) {
      out.println(name + ": OK");
      return VALID;
    }
    out.println(name + ": " + violations.size() + (violations.size() == 1 ? " problem" : " problems"));
    for (Violation v : violations) {
      // The path where the member stands in this file (under taskDefinition in a describe output).
      out.println("  " + new Violation(td.pathInFile(v.path()), v.errorCode(), v.message()));
    }
    return INVALID;
  }

  /** {@code path (line L, column C): reason}, leaving out what is unknown. */
  static String describe(SerializationException.Problem p) {
    StringBuilder sb = new StringBuilder();
    if (!p.path().isEmpty()) {
      sb.append(p.path());
    }
    if (p.line() > 0) {
      sb.append(sb.length() > 0 ? " (" : "").append("line ").append(p.line()).append(", column ").append(p.column());
      if (!p.path().isEmpty()) {
        sb.append(')');
      }
    }
    return sb.length() == 0 ? p.reason() : sb.append(": ").append(p.reason()).toString();
  }
}
