package io.github.berth.cli;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.DescribeTasksResponse;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.json.TaskDefinitionFile;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.placement.ClusterSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the input files of the commands, with errors that name the file. */
final class Files {

  private Files() {}

  /** A snapshot from describe-container-instances and (optionally) describe-tasks output files. */
  static ClusterSnapshot snapshot(Path instances, @Nullable Path tasks, boolean trunking) throws IOException {
    DescribeContainerInstancesResponse ci = readJson(instances, EcsJson.lenient(), DescribeContainerInstancesResponse.class);
    ClusterSnapshot.Builder b = ClusterSnapshot.builder().awsvpcTrunking(trunking);
    if (ci.containerInstances() != null) {
      b.addInstances(ci.containerInstances());
    }
    if (tasks != null) {
      DescribeTasksResponse t = readJson(tasks, EcsJson.lenient(), DescribeTasksResponse.class);
      if (t.tasks() != null) {
        b.addTasks(t.tasks());
      }
    }
    return b.build();
  }

  /** A file's JSON as a value of {@code type}; a problem in it is reported with the file's name. */
  static <T> T readJson(Path path, EcsJson json, Class<T> type) throws IOException {
    String text = read(path);
    try {
      return json.read(text, type);
    } catch (SerializationException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  /** A task definition file in any form (register input, describe output, bare task definition). */
  static TaskDefinition readTaskDefinition(Path path) throws IOException {
    return readTaskDefinitionFile(path).taskDefinition();
  }

  /** A task definition file in any form, as read (with the RegisterTaskDefinition input it amounts to). */
  static TaskDefinitionFile readTaskDefinitionFile(Path path) throws IOException {
    String text = read(path);
    try {
      return EcsJson.strict().readTaskDefinitionFile(text);
    } catch (SerializationException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }

  static String read(Path path) throws IOException {
    try {
      return java.nio.file.Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException(path + ": no such file", e);
    } catch (IOException e) {
      throw new IOException(path + ": " + e.getMessage(), e);
    }
  }
}
