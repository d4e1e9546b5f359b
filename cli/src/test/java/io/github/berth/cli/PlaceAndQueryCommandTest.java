package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceAndQueryCommandTest {

    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private java.io.InputStream stdin = java.io.InputStream.nullInputStream();

    /** The command line on this test's own streams: nothing global is swapped. */
    private int run(String... args) {
        return Berth.run(
                stdin,
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8),
                args);
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
        return write(
                "instances.json",
                "{\"containerInstances\": [" + instance("a", "m5.large", "us-east-1a", 2048, 7000, true)
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
        int status = run(
                "place",
                "--instances",
                instances().toString(),
                "--task-definition",
                taskDefinition().toString(),
                "--request",
                request.toString(),
                "--seed",
                "1");
        assertThat(status).as(stderr()).isEqualTo(0);
        RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
        assertThat(response.failures()).isEmpty();
        assertThat(response.tasks())
                .extracting(t -> t.containerInstanceArn())
                .containsExactly(ARN + "b", ARN + "a", ARN + "a");
        assertThat(response.tasks().get(0).group()).isEqualTo("family:web");
        assertThat(response.tasks()
                        .get(0)
                        .containers()
                        .get(0)
                        .networkBindings()
                        .get(0)
                        .hostPort())
                .isEqualTo(49153);
        assertThat(stderr()).isEmpty();
    }

    @Test
    void someTasksNotPlacedExitsOneAndExplains() throws IOException {
        Path request = write("run.json", "{\"count\": 5, \"taskDefinition\": \"web:1\"}");
        int status = run(
                "place",
                "--instances",
                instances().toString(),
                "--task-definition",
                taskDefinition().toString(),
                "--request",
                request.toString());
        assertThat(status).isEqualTo(1);
        RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
        assertThat(response.tasks()).hasSize(4);
        assertThat(response.failures()).hasSize(1);
        assertThat(response.failures().get(0).reason()).isEqualTo("RESOURCE:MEMORY");
        assertThat(stderr())
                .contains("task 5 (EC2): 3 instances: 1 AGENT, 2 RESOURCE:MEMORY; reported RESOURCE:MEMORY on " + ARN
                        + "a");
    }

    private Path fargateTaskDefinition() throws IOException {
        return write("fargate.json", """
        {"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
         "containerDefinitions": [{"name": "app", "image": "nginx:1.27"}]}
        """);
    }

    private Path fargateRequest() throws IOException {
        return write("run.json", """
        {"count": 2, "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration":
          {"subnets": ["subnet-a", "subnet-b"]}}}
        """);
    }

    @Test
    void fargateTasksTakeTheirSubnetsAvailabilityZoneFromDescribeSubnets() throws IOException {
        Path subnets = write("subnets.json", """
        {"Subnets": [{"SubnetId": "subnet-a", "AvailabilityZone": "eu-west-1a", "VpcId": "vpc-1", "State": "available"},
                     {"SubnetId": "subnet-b", "AvailabilityZone": "eu-west-1b", "VpcId": "vpc-1"}]}
        """);
        int status = run(
                "place",
                "--instances",
                write("none.json", "{\"containerInstances\": []}").toString(),
                "--task-definition",
                fargateTaskDefinition().toString(),
                "--request",
                fargateRequest().toString(),
                "--subnets",
                subnets.toString());
        assertThat(status).as(stderr()).isZero();
        RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
        assertThat(response.tasks())
                .extracting(t -> t.availabilityZone())
                .containsExactlyInAnyOrder("eu-west-1a", "eu-west-1b");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void withoutDescribeSubnetsTheUnknownZoneIsSaid() throws IOException {
        int status = run(
                "place",
                "--instances",
                write("none.json", "{\"containerInstances\": []}").toString(),
                "--task-definition",
                fargateTaskDefinition().toString(),
                "--request",
                fargateRequest().toString());
        assertThat(status).isZero();
        assertThat(stderr().lines())
                .containsExactlyInAnyOrder(
                        "availabilityZone unknown for subnet subnet-a: give --subnets (aws ec2 describe-subnets output) to know it",
                        "availabilityZone unknown for subnet subnet-b: give --subnets (aws ec2 describe-subnets output) to know it");
        Path broken = write("subnets.json", "{\"Subnets\": [{\"AvailabilityZone\": \"eu-west-1a\"}]}");
        assertThat(run(
                        "place",
                        "--instances",
                        write("none.json", "{\"containerInstances\": []}").toString(),
                        "--task-definition",
                        fargateTaskDefinition().toString(),
                        "--request",
                        fargateRequest().toString(),
                        "--subnets",
                        broken.toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("berth place: " + broken + ": Subnets[0].SubnetId: expected the subnet's id");
    }

    private static String vpcInstance(String id, String extraAttribute) {
        return """
        {"containerInstanceArn": "%s%s", "ec2InstanceId": "i-%s", "status": "ACTIVE", "agentConnected": true,
          "attributes": [{"name": "ecs.instance-type", "value": "m5.large"},
                         {"name": "ecs.availability-zone", "value": "us-east-1a"},
                         {"name": "ecs.subnet-id", "value": "subnet-a"}, {"name": "ecs.vpc-id", "value": "vpc-1"},
                         {"name": "ecs.capability.task-eni"}%s],
          "remainingResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 4096},
                                 {"name": "MEMORY", "type": "INTEGER", "integerValue": 8000}]}
        """.formatted(ARN, id, id, extraAttribute);
    }

    @Test
    void awsvpcTrunkingRaisesTheLimitOnlyOfInstancesWithATrunk() throws IOException {
        Path cluster = write(
                "instances.json",
                "{\"containerInstances\": [" + vpcInstance("a", "") + ","
                        + vpcInstance(
                                "b", ", {\"name\": \"ecs.awsvpc-trunk-id\", \"value\": \"eni-0123456789abcdef0\"}")
                        + "]}");
        Path td = write("vpc.json", """
        {"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "app", "image": "nginx:1.27",
          "memory": 64}]}
        """);
        Path request = write("run.json", """
        {"count": 10, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-a"]}}}
        """);
        assertThat(run(
                        "place",
                        "--instances",
                        cluster.toString(),
                        "--task-definition",
                        td.toString(),
                        "--request",
                        request.toString(),
                        "--awsvpc-trunking"))
                .as(stderr())
                .isZero();
        RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
        // m5.large: 2 awsvpc tasks without a trunk, 10 with one; the account setting alone gives none
        assertThat(response.tasks()).hasSize(10);
        assertThat(response.tasks())
                .filteredOn(t -> t.containerInstanceArn().equals(ARN + "a"))
                .hasSizeLessThanOrEqualTo(2);
        out.reset();
        Path eleven = write("run.json", """
        {"count": 10, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-a"]}}}
        """);
        Path busy = write("busy.json", "{\"containerInstances\": [" + vpcInstance("a", "") + "]}");
        assertThat(run(
                        "place",
                        "--instances",
                        busy.toString(),
                        "--task-definition",
                        td.toString(),
                        "--request",
                        eleven.toString(),
                        "--awsvpc-trunking"))
                .isEqualTo(1);
        assertThat(EcsJson.strict().read(stdout(), RunTaskResponse.class).tasks())
                .hasSize(2);
    }

    @Test
    void badInputExitsTwo() throws IOException {
        Path typo = write("run.json", "{\"count\": 1, \"placementStrategies\": []}");
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        taskDefinition().toString(),
                        "--request",
                        typo.toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("run.json: placementStrategies: unknown member 'placementStrategies'");

        Path sixStrategies = write(
                "six.json",
                "{\"placementStrategy\": [" + "{\"type\": \"random\"},".repeat(5) + "{\"type\": \"random\"}]}");
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        taskDefinition().toString(),
                        "--request",
                        sixStrategies.toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("berth place: InvalidParameterException: Value of size 6 at 'placementStrategy' "
                        + "failed to satisfy constraint: Member must have length less than or equal to 5");

        assertThat(run(
                        "place",
                        "--instances",
                        dir.resolve("missing.json").toString(),
                        "--task-definition",
                        taskDefinition().toString(),
                        "--request",
                        typo.toString()))
                .isEqualTo(2);
        assertThat(stderr()).contains("missing.json: no such file");

        Path notJson = write("broken.json", "{\"containerInstances\": [");
        assertThat(run("query", "--instances", notJson.toString(), "agentConnected == true"))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("broken.json: containerInstances: not valid JSON: the document ends before it is complete");
    }

    @Test
    void noTaskPlacedExitsOneWithEmptyTasksAndAFailureEach() throws IOException {
        Path big = write("big.json", """
        {"family": "big", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 9000}]}
        """);
        Path request = write("run.json", "{\"count\": 2}");
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        big.toString(),
                        "--request",
                        request.toString()))
                .isEqualTo(1);
        RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
        assertThat(response.tasks()).isEmpty();
        assertThat(response.failures())
                .extracting(f -> f.reason() + " " + f.arn())
                .containsExactly("RESOURCE:MEMORY " + ARN + "a", "RESOURCE:MEMORY " + ARN + "a");
        assertThat(stderr())
                .isEqualTo("tasks 1-2 (EC2): 3 instances: 1 AGENT, 2 RESOURCE:MEMORY; reported RESOURCE:MEMORY" + " on "
                        + ARN + "a" + System.lineSeparator());
    }

    @Test
    void awsvpcTasksCarryTheirEniAttachmentAndContainersTheirBindings() throws IOException {
        Path instances = write("vpc-instances.json", """
        {"containerInstances": [{"containerInstanceArn": "%sv", "ec2InstanceId": "i-v", "status": "ACTIVE",
          "agentConnected": true,
          "attributes": [{"name": "ecs.instance-type", "value": "m5.large"},
                         {"name": "ecs.availability-zone", "value": "us-east-1a"},
                         {"name": "ecs.subnet-id", "value": "subnet-a"}, {"name": "ecs.vpc-id", "value": "vpc-1"},
                         {"name": "ecs.capability.task-eni"}],
          "remainingResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 2048},
                                 {"name": "MEMORY", "type": "INTEGER", "integerValue": 7000}]}]}
        """.formatted(ARN));
        Path td = write("vpc-td.json", """
        {"family": "api", "networkMode": "awsvpc", "containerDefinitions": [{"name": "app", "image": "nginx",
          "memory": 256, "portMappings": [{"containerPort": 8080}]}]}
        """);
        Path request = write("run.json", """
        {"count": 3, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-a"]}}}
        """);
        int status = run(
                "place",
                "--instances",
                instances.toString(),
                "--task-definition",
                td.toString(),
                "--request",
                request.toString());
        assertThat(status).as(stderr()).isEqualTo(1); // m5.large: 3 ENIs, 2 awsvpc tasks without trunking
        RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
        assertThat(response.tasks()).hasSize(2);
        for (Task task : response.tasks()) {
            assertThat(task.containerInstanceArn()).isEqualTo(ARN + "v");
            assertThat(task.group()).isEqualTo("family:api");
            assertThat(task.lastStatus()).isEqualTo("PROVISIONING");
            Attachment eni = task.attachments().get(0);
            assertThat(eni.type()).isEqualTo("ElasticNetworkInterface");
            assertThat(eni.details())
                    .containsExactly(KeyValuePair.builder()
                            .name("subnetId")
                            .value("subnet-a")
                            .build());
            assertThat(task.containers()).extracting(Container::name).containsExactly("app");
            assertThat(task.containers().get(0).networkBindings())
                    .isNotNull()
                    .isEmpty(); // present, empty: the ENI has its own ports
        }
        assertThat(response.failures())
                .containsExactly(
                        Failure.builder().arn(ARN + "v").reason("RESOURCE:ENI").build());
        assertThat(stderr()).contains("reported RESOURCE:ENI on " + ARN + "v");

        // The account setting alone raises no limit: this instance has no trunk interface (ecs.awsvpc-trunk-id).
        assertThat(run(
                        "place",
                        "--instances",
                        instances.toString(),
                        "--task-definition",
                        td.toString(),
                        "--request",
                        request.toString(),
                        "--awsvpc-trunking"))
                .isEqualTo(1);
    }

    @Test
    void bridgeBindingsShowTheChosenHostPorts() throws IOException {
        Path request = write(
                "run.json", "{\"count\": 3, \"placementStrategy\": [{\"type\": \"binpack\", \"field\": \"memory\"}]}");
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        taskDefinition().toString(),
                        "--request",
                        request.toString()))
                .isEqualTo(0);
        RunTaskResponse response = EcsJson.strict().read(stdout(), RunTaskResponse.class);
        assertThat(response.failures()).isEmpty();
        List<String> bindings = new ArrayList<>();
        for (Task task : response.tasks()) {
            NetworkBinding b = task.containers().get(0).networkBindings().get(0);
            bindings.add(task.containerInstanceArn().substring(ARN.length()) + " " + b.containerPort() + "->"
                    + b.hostPort() + "/" + b.protocol().value());
            assertThat(task.attachments()).isNull();
        }
        // b (3,000 MiB) first, then a: the dynamic port is chosen per instance, never twice on one.
        assertThat(bindings).containsExactly("b 80->49153/tcp", "a 80->49153/tcp", "a 80->49154/tcp");
    }

    @Test
    void aTaskDefinitionEcsWouldNotRegisterExitsTwo() throws IOException {
        Path bad = write("bad-td.json", """
        {"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "app", "image": "nginx",
          "memory": 64, "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}
        """);
        Path request = write("run.json", "{}");
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        bad.toString(),
                        "--request",
                        request.toString()))
                .isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr())
                .contains("bad-td.json: not a task definition ECS would register:" + System.lineSeparator()
                        + "  containerDefinitions[0].portMappings[0].hostPort: ClientException: When networkMode=awsvpc, the host ports "
                        + "and container ports in port mappings must match." + System.lineSeparator());
    }

    @Test
    void aRequestEcsWouldRefuseExitsTwoWithItsErrorCodeAndNothingOnStandardOutput() throws IOException {
        Path eleven = write("run.json", "{\"count\": 11}");
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        taskDefinition().toString(),
                        "--request",
                        eleven.toString()))
                .isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr())
                .contains("berth place: InvalidParameterException: Value '11' at 'count' failed to satisfy "
                        + "constraint: Member must have value less than or equal to 10");
        Path badQuery = write("run2.json", """
        {"placementConstraints": [{"type": "memberOf", "expression": "attribute:x =="}]}
        """);
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        taskDefinition().toString(),
                        "--request",
                        badQuery.toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("berth place: InvalidParameterException: Invalid cluster query language expression "
                        + "at column 15: expected a value after ==, found the end of the expression"
                        + System.lineSeparator());
    }

    @Test
    void queryReadsTasksForTaskGroups() throws IOException {
        Path tasks = write("tasks.json", """
        {"tasks": [{"taskArn": "arn:aws:ecs:us-east-1:123456789012:task/prod/t1", "containerInstanceArn": "%sb",
                    "group": "service:db", "desiredStatus": "RUNNING", "lastStatus": "RUNNING"}]}
        """.formatted(ARN));
        assertThat(run(
                        "query",
                        "--instances",
                        instances().toString(),
                        "--tasks",
                        tasks.toString(),
                        "not(task:group == service:db)"))
                .isEqualTo(0);
        assertThat(stdout().lines()).containsExactly(ARN + "a", ARN + "c");
    }

    @Test
    void queryPrintsMatchesInInputOrder() throws IOException {
        int status = run(
                "query",
                "--instances",
                instances().toString(),
                "attribute:ecs.instance-type =~ m5.* or agentConnected == false");
        assertThat(status).isEqualTo(0);
        assertThat(stdout().lines()).containsExactly(ARN + "a", ARN + "c");
    }

    @Test
    void queryThatDoesNotParseShowsTheColumn() throws IOException {
        int status = run("query", "--instances", instances().toString(), "attribute:ecs.instance-type = m5.large");
        assertThat(status).isEqualTo(2);
        assertThat(stderr())
                .contains("at column 29: unexpected character '='")
                .contains("  attribute:ecs.instance-type = m5.large" + System.lineSeparator() + "  " + " ".repeat(28)
                        + "^");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aFileOfAnotherShapeIsNamedNotReadAsAnEmptyCluster() throws IOException {
        Path describeTasks = write("describe-tasks.json", "{\"tasks\": [], \"failures\": []}");
        assertThat(run(
                        "place",
                        "--instances",
                        describeTasks.toString(),
                        "--task-definition",
                        taskDefinition().toString(),
                        "--request",
                        write("run.json", "{\"count\": 1}").toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth place: " + describeTasks
                        + ": not a DescribeContainerInstances response: it has no containerInstances member"
                        + System.lineSeparator());
        assertThat(stdout()).isEmpty();

        err.reset();
        assertThat(run("query", "--instances", describeTasks.toString(), "agentConnected == true"))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth query: " + describeTasks
                        + ": not a DescribeContainerInstances response: it has no containerInstances member"
                        + System.lineSeparator());

        err.reset();
        Path instances = instances();
        assertThat(run(
                        "query",
                        "--instances",
                        instances.toString(),
                        "--tasks",
                        instances.toString(),
                        "agentConnected == true"))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth query: " + instances + ": not a DescribeTasks response: it has no tasks member"
                        + System.lineSeparator());
        assertThat(stdout()).isEmpty();

        // An empty cluster that is one is still what ECS says of it.
        err.reset();
        Path empty = write("empty-cluster.json", "{\"containerInstances\": [], \"failures\": []}");
        assertThat(run("query", "--instances", empty.toString(), "agentConnected == true"))
                .isEqualTo(0);
        assertThat(stdout()).isEmpty();
    }

    @Test
    void unreadableFilesAreSaidPlainly() throws IOException {
        Path td = taskDefinition();
        Path run = write("run.json", "{\"count\": 1}");
        assertThat(run(
                        "place",
                        "--instances",
                        dir.toString(),
                        "--task-definition",
                        td.toString(),
                        "--request",
                        run.toString()))
                .isEqualTo(2);
        assertThat(stderr()).isEqualTo("berth place: " + dir + ": it is a directory" + System.lineSeparator());

        err.reset();
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"containerInstances\": [], \"x\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("query", "--instances", latin1.toString(), "agentConnected == true"))
                .isEqualTo(2);
        assertThat(stderr()).isEqualTo("berth query: " + latin1 + ": not UTF-8 text" + System.lineSeparator());
    }

    @Test
    void aByteOrderMarkIsSkippedAsBerthValidateSkipsIt() throws IOException {
        Path bom = write(
                "bom.json",
                "\uFEFF{\"containerInstances\": [" + instance("a", "m5.large", "us-east-1a", 2048, 7000, true) + "]}");
        assertThat(run("query", "--instances", bom.toString(), "agentConnected == true"))
                .as(stderr())
                .isEqualTo(0);
        assertThat(stdout().lines()).containsExactly(ARN + "a");
    }

    @Test
    void dashReadsStandardInputOnce() throws IOException {
        stdin = new java.io.ByteArrayInputStream(Files.readAllBytes(instances()));
        assertThat(run("query", "--instances", "-", "attribute:ecs.instance-type =~ m5.*"))
                .as(stderr())
                .isEqualTo(0);
        assertThat(stdout().lines()).containsExactly(ARN + "a", ARN + "c");

        stdin = new java.io.ByteArrayInputStream(Files.readAllBytes(instances()));
        assertThat(run(
                        "place",
                        "--instances",
                        "-",
                        "--task-definition",
                        "-",
                        "--request",
                        write("run.json", "{\"count\": 1}").toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth place: standard input (-) can stand for one input file only, found 2"
                        + System.lineSeparator());
    }

    @Test
    void aQueryNestedTooDeepIsAnErrorWithItsColumnNotAStackTrace() throws IOException {
        String deep = "(".repeat(5000) + "agentConnected == true" + ")".repeat(5000);
        assertThat(run("query", "--instances", instances().toString(), deep)).isEqualTo(2);
        int max = io.github.berth.placement.query.ClusterQuery.MAX_DEPTH;
        assertThat(stderr())
                .startsWith("berth query: Invalid cluster query language expression at column " + (max + 1)
                        + ": the expression nests more than " + max + " levels deep")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aRequestNamingAnotherTaskDefinitionIsBadInput() throws IOException {
        Path td = taskDefinition(); // family web, no revision (a register input)
        Path other = write("other.json", "{\"count\": 1, \"taskDefinition\": \"api:3\"}");
        assertThat(run(
                        "place",
                        "--instances",
                        instances().toString(),
                        "--task-definition",
                        td.toString(),
                        "--request",
                        other.toString()))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth place: " + other + ": taskDefinition: 'api:3' names the family api, not web "
                        + "(the task definition placed is " + td + "'s; leave taskDefinition out or name it)"
                        + System.lineSeparator());
        assertThat(stdout()).isEmpty();

        for (String same : List.of("web", "web:4", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:4")) {
            Path request = write("same.json", "{\"count\": 1, \"taskDefinition\": \"" + same + "\"}");
            assertThat(run(
                            "place",
                            "--instances",
                            instances().toString(),
                            "--task-definition",
                            td.toString(),
                            "--request",
                            request.toString()))
                    .as(same)
                    .isEqualTo(0);
        }
    }

    @Test
    void aDescribedRevisionMustBeTheOneNamed() {
        TaskDefinition described =
                TaskDefinition.builder().family("web").revision(4).build();
        assertThat(PlaceCommand.mismatch("web:4", described)).isNull();
        assertThat(PlaceCommand.mismatch("arn:aws:ecs:us-east-1:123456789012:task-definition/web:4", described))
                .isNull();
        assertThat(PlaceCommand.mismatch("web:5", described)).isEqualTo("'web:5' names revision 5, not 4");
        assertThat(PlaceCommand.mismatch("arn:aws:ecs:us-east-1:123456789012:task-definition/webapp:4", described))
                .isEqualTo(
                        "'arn:aws:ecs:us-east-1:123456789012:task-definition/webapp:4' names the family webapp, not web");
        assertThat(PlaceCommand.mismatch(null, described)).isNull();
        assertThat(PlaceCommand.mismatch("arn:aws:ecs:us-east-1:123456789012:service/prod/web", described))
                .isEqualTo("'arn:aws:ecs:us-east-1:123456789012:service/prod/web' is not a task definition ARN");
    }

    @Test
    void aBadInstanceOrTaskIsNamedWithItsFile() throws IOException {
        Path noArn = write("no-arn.json", "{\"containerInstances\": [{}]}");
        assertThat(run("query", "--instances", noArn.toString(), "agentConnected == true"))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth query: " + noArn + ": containerInstances[0].containerInstanceArn must be given"
                        + System.lineSeparator());
    }
}
