package io.github.berth.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth validate FILE...}: placeholder until the validation rules land. */
@Command(name = "validate", description = "Validate task definition files as ECS would on RegisterTaskDefinition.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "task definition JSON files")
  List<Path> files;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("not yet");
  }
}
