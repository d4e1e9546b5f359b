package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.json.EcsJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceAndQueryCommandTest {

  private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/";

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String instance(String id, String type, String az, int cpu, int memory, boolean connected) {
    return """
        {"containerInstanceArn": "%s%s", "ec2InstanceId": "i-%s", "status": "ACTIVE", "agentConnected": %s,
         "attributes": [{"name": "ecs.instance-type", "value": "%s"}, {"name": "ecs.availability-zone", "value": "%s"}],
         "remainingResources": [{"name": "CPU", "type": "INTEGER", "integerValue": %d},
                                {"name": "MEMORY", "type": "INTEGER", "integerValue": %d},
                                {"name": "PORTS", "type": "STRINGSET", "stringSetValue": ["22", "2375", "2376", "51678", "51679"]}]}
        """.formatted(ARN, id, id, connected, type, az, cpu, memory);
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private Path instances() throws IOException {
    return write("instances.json", "{\"containerInstances\": [" + instance("a", "m5.large", "us-east-1a", 2048, 7000, true)
        + "," + instance("b", "c5.large", "us-east-1b", 2048, 3000, true)
        + "," + instance("c", "m5.large", "us-east-1c", 2048, 7000, false) + "]}");
  }

  private Path taskDefinition() throws IOException {
    return write("td.json", """
        {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "cpu": 256, "memory": 2048,
          "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """);
  }

  @Test
  void placeEveryTaskExitsZeroWithARunTaskResponse() throws IOException {
    Path request = write("run.json", """
        {"cluster": "prod", "count": 3, "placementStrategy": [{"type": "binpack", "field": "memory"}]}
        """);
    int status = Berth.run("place", "--instances", instances().toString(), "--task-definition",
        taskDefinition().toString(), "--request", request.toString(), "--seed", "1");
    assertThat(status).as(stderr()).isEqualTo(0);
    RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
    assertThat(response.failures()).isEmpty();
    assertThat(response.tasks()).extracting(t -> t.containerInstanceArn())
        .containsExactly(ARN + "b", ARN + "a", ARN + "a");
    assertThat(response.tasks().get(0).group()).isEqualTo("family:web");
    assertThat(response.tasks().get(0).containers().get(0).networkBindings().get(0).hostPort()).isEqualTo(49153);
    assertThat(stderr()).isEmpty();
  }

  @Test
  void someTasksNotPlacedExitsOneAndExplains() throws IOException {
    Path request = write("run.json", "{\"count\": 5, \"taskDefinition\": \"web:1\"}");
    int status = Berth.run("place", "--instances", instances().toString(), "--task-definition",
        taskDefinition().toString(), "--request", request.toString());
    assertThat(status).isEqualTo(1);
    RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
    assertThat(response.tasks()).hasSize(4);
    assertThat(response.failures()).hasSize(1);
    assertThat(response.failures().get(0).reason()).isEqualTo("RESOURCE:MEMORY");
    assertThat(stderr()).contains("task 4 (EC2): 3 instances: 1 AGENT, 2 RESOURCE:MEMORY; reported RESOURCE:MEMORY on "
        + ARN + "a");
  }

  @Test
  void badInputExitsTwo() throws IOException {
    Path typo = write("run.json", "{\"count\": 1, \"placementStrategies\": []}");
    assertThat(Berth.run("place", "--instances", instances().toString(), "--task-definition",
        taskDefinition().toString(), "--request", typo.toString())).isEqualTo(2);
    assertThat(stderr()).contains("run.json: placementStrategies: unknown member 'placementStrategies'");

    Path sixStrategies = write("six.json", "{\"placementStrategy\": [" + "{\"type\": \"random\"},".repeat(5)
        + "{\"type\": \"random\"}]}");
    assertThat(Berth.run("place", "--instances", instances().toString(), "--task-definition",
        taskDefinition().toString(), "--request", sixStrategies.toString())).isEqualTo(2);
    assertThat(stderr()).contains("InvalidParameterException");

    assertThat(Berth.run("place", "--instances", dir.resolve("missing.json").toString(), "--task-definition",
        taskDefinition().toString(), "--request", typo.toString())).isEqualTo(2);
    assertThat(stderr()).contains("missing.json: no such file");

    Path notJson = write("broken.json", "{\"containerInstances\": [");
    assertThat(Berth.run("query", "--instances", notJson.toString(), "agentConnected == true")).isEqualTo(2);
    assertThat(stderr()).contains("broken.json: containerInstances: not valid JSON: the document ends before it is complete");
  }

  @Test
  void queryPrintsMatchesInInputOrder() throws IOException {
    int status = Berth.run("query", "--instances", instances().toString(),
        "attribute:ecs.instance-type =~ m5.* or agentConnected == false");
    assertThat(status).isEqualTo(0);
    assertThat(stdout().lines()).containsExactly(ARN + "a", ARN + "c");
  }

  @Test
  void queryThatDoesNotParseShowsTheColumn() throws IOException {
    int status = Berth.run("query", "--instances", instances().toString(), "attribute:ecs.instance-type = m5.large");
    assertThat(status).isEqualTo(2);
    assertThat(stderr()).contains("at column 29: unexpected character '='")
        .contains("  attribute:ecs.instance-type = m5.large" + System.lineSeparator() + "  " + " ".repeat(28) + "^");
    assertThat(stdout()).isEmpty();
  }
}
