package io.github.berth.cli;

import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.json.TaskDefinitionFile;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

  /** EcsJson reads documents of up to 50 MB; a larger file is refused before it is read into memory. */
  static final long MAX_FILE_BYTES = 50_000_000L;

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
      text = decode(read(file));
    } catch (Unreadable e) {
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

  private static byte[] read(Path file) throws Unreadable {
    try {
      if (file.toString().equals("-")) {
        InputStream in = System.in;
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
          throw new Unreadable("standard input is larger than 50 MB");
        }
        return bytes;
      }
      if (Files.isDirectory(file)) {
        throw new Unreadable("it is a directory");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new Unreadable("the file is " + size + " bytes, more than the 50 MB read at most");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new Unreadable("no such file");
    } catch (AccessDeniedException e) {
      throw new Unreadable("permission denied");
    } catch (IOException e) {
      throw new Unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** Strict UTF-8, without a byte order mark (editors on Windows write one; it is not JSON). */
  private static String decode(byte[] bytes) throws CharacterCodingException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
    if (chars.length() > 0 && chars.charAt(0) == '\uFEFF') {
      chars.position(1);
    }
    return chars.toString();
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

  /** A file that cannot be read, with the reason in plain words. */
  private static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String reason) {
      super(reason, null, false, false);
    }
  }
}
