package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.arn;
import static io.github.berth.placement.Fixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.VersionInfo;
import io.github.berth.placement.query.QuerySyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnapshotAndQueryTest {

    private static ContainerInstance with(
            String id, String version, String registered, int running, Attribute... extra) {
        ContainerInstance.Builder b = instance(id, "m5.large", "us-east-1a");
        List<Attribute> attrs = new ArrayList<>(b.build().attributes());
        attrs.addAll(List.of(extra));
        return b.attributes(attrs)
                .versionInfo(VersionInfo.builder().agentVersion(version).build())
                .registeredAt(Instant.parse(registered))
                .runningTasksCount(running)
                .build();
    }

    private static ClusterSnapshot cluster() {
        return ClusterSnapshot.builder()
                .addInstance(with("a", "1.9.0", "2018-02-12T23:59:59Z", 0, Fixtures.attr("stack", "prod")))
                .addInstance(with("b", "1.14.5", "2018-02-13T00:00:00Z", 1, Fixtures.attr("stack", "dev")))
                .addInstance(with("c", "1.20.1", "2019-01-01T00:00:00Z", 2))
                .addTask(Fixtures.task("b", "database"))
                .addTask(Fixtures.task("c", "service:production"))
                .build();
    }

    @Test
    void filterAnswersLikeListContainerInstances() {
        ClusterSnapshot s = cluster();
        assertThat(s.filter("attribute:stack == prod")).containsExactly(arn("a"));
        assertThat(s.filter("attribute:stack != prod")).containsExactly(arn("b")); // c lacks stack: no match [obs]
        assertThat(s.filter("attribute:stack !exists")).containsExactly(arn("c"));
        assertThat(s.filter("attribute:stack exists")).containsExactly(arn("a"), arn("b"));
        assertThat(s.filter("not(attribute:stack == prod)")).containsExactly(arn("b"), arn("c"));
        assertThat(s.filter("agentVersion < 1.14.5")).containsExactly(arn("a"));
        assertThat(s.filter("agentVersion >= 1.14.5")).containsExactly(arn("b"), arn("c"));
        assertThat(s.filter("registeredAt < 2018-02-13")).containsExactly(arn("a"));
        assertThat(s.filter("registeredAt == 2018-02-13")).containsExactly(arn("b"));
        assertThat(s.filter("registeredAt > 2018-02-13T00:00:00Z")).containsExactly(arn("c"));
        assertThat(s.filter("runningTasksCount == 1")).containsExactly(arn("b"));
        assertThat(s.filter("runningTasksCount > 0")).containsExactly(arn("b"), arn("c"));
        assertThat(s.filter("task:group == service:production")).containsExactly(arn("c"));
        assertThat(s.filter("not(task:group == database)")).containsExactly(arn("a"), arn("c"));
        assertThat(s.filter("task:group != database")).containsExactly(arn("a"), arn("c"));
        assertThat(s.filter("task:group =~ service:.*")).containsExactly(arn("c"));
        assertThat(s.filter("ec2InstanceId in ['i-a', 'i-c']")).containsExactly(arn("a"), arn("c"));
        assertThat(s.filter("ec2InstanceId =~ 'i-[ab]'")).containsExactly(arn("a"), arn("b"));
        assertThat(s.filter("agentConnected == true")).containsExactly(arn("a"), arn("b"), arn("c"));
        assertThat(s.filter("agentConnected == false")).isEmpty();
        assertThat(s.filter(
                        "attribute:ecs.instance-type =~ m5.* and (attribute:stack == dev or runningTasksCount == 2)"))
                .containsExactly(arn("b"), arn("c"));
        assertThat(s.filter("attribute:ecs.instance-type =~ m5")).isEmpty(); // a full match [model]
        assertThatThrownBy(() -> s.filter("attribute:stack === prod")).isInstanceOf(QuerySyntaxException.class);
    }

    private static ContainerInstance documented(
            String id,
            String type,
            String az,
            String ec2Id,
            String version,
            String registered,
            int running,
            Attribute... extra) {
        ContainerInstance.Builder b = instance(id, type, az);
        List<Attribute> attrs = new ArrayList<>(b.build().attributes());
        attrs.addAll(List.of(extra));
        return b.attributes(attrs)
                .ec2InstanceId(ec2Id)
                .versionInfo(VersionInfo.builder().agentVersion(version).build())
                .registeredAt(Instant.parse(registered))
                .runningTasksCount(running)
                .build();
    }

    /** Five instances on which each documented example of docs/placement.md#documented-query-examples selects a different set. */
    private static ClusterSnapshot documentedCluster() {
        return ClusterSnapshot.builder()
                .addInstance(documented(
                        "a",
                        "t2.small",
                        "us-east-1a",
                        "i-abcd1234",
                        "1.9.0",
                        "2018-02-12T10:00:00Z",
                        1,
                        Fixtures.attr("stack", "prod")))
                .addInstance(documented(
                        "b",
                        "t2.medium",
                        "us-east-1b",
                        "i-wxyx7890",
                        "1.14.5",
                        "2018-02-13T00:00:00Z",
                        0,
                        Fixtures.attr("stack", "dev")))
                .addInstance(documented("c", "g2.2xlarge", "us-east-1c", "i-c", "1.20.0", "2019-01-01T00:00:00Z", 2))
                .addInstance(documented(
                        "d",
                        "g2.2xlarge",
                        "us-east-1d",
                        "i-d",
                        "1.70.0",
                        "2020-01-01T00:00:00Z",
                        1,
                        Fixtures.attr("stack", "prod"),
                        Fixtures.attr("ecs.os-family", "WINDOWS_SERVER_2019_FULL")))
                .addInstance(documented("e", "p2.xlarge", "us-east-1a", "i-e", "1.14.4", "2018-03-01T00:00:00Z", 0))
                .addTask(Fixtures.task("a", "service:production"))
                .addTask(Fixtures.task("c", "database"))
                .addTask(Fixtures.task("c", "databases"))
                .addTask(Fixtures.task("d", "service:daemon-service"))
                .build();
    }

    /** Every documented example expression of docs/placement.md#documented-query-examples (numbered as there) selects what the docs say. */
    @ParameterizedTest(name = "documented example #{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1  | attribute:ecs.instance-type == t2.small                                                       | a",
                "2  | attribute:ecs.availability-zone in [us-east-1a, us-east-1b]                                   | a b e",
                "3  | attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d          | c",
                "4  | task:group == service:production                                                              | a",
                "5  | not(task:group == database)                                                                   | a b d e",
                "6  | runningTasksCount == 1                                                                        | a d",
                "7  | agentVersion < 1.14.5                                                                         | a e",
                "8  | registeredAt < 2018-02-13                                                                     | a",
                "9  | ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']                                                 | a b",
                "10 | (attribute:stack == prod or attribute:stack == dev) and attribute:ecs.availability-zone == us-east-1a | a",
                "11 | attribute:ecs.instance-type == g2.2xlarge                                                     | c d",
                "12 | attribute:stack == prod                                                                       | a d",
                "13 | attribute:stack != prod                                                                       | b",
                "14 | attribute:ecs.instance-type in [t2.small, t2.medium]                                          | a b",
                "15 | attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a          | a",
                "16 | attribute:ecs.instance-type =~ t2.*                                                           | a b",
                "17 | task:group == databases                                                                       | c",
                "18 | task:group == service:daemon-service                                                          | d",
                "19 | attribute:ecs.instance-type == p2.xlarge                                                      | e",
                "20 | attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL                                           | d"
            })
    void documentedExamplesSelectWhatTheDocsSay(int number, String expression, String expected) {
        List<String> arns = java.util.Arrays.stream(expected.trim().split(" "))
                .map(Fixtures::arn)
                .toList();
        assertThat(documentedCluster().filter(expression))
                .as("documented example #%d", number)
                .containsExactlyElementsOf(arns);
    }

    @Test
    void snapshotFromDescribeJsonIsOneLine() {
        String instances = """
        {"containerInstances": [
          {"containerInstanceArn": "arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/abc",
           "ec2InstanceId": "i-0abc", "status": "ACTIVE", "agentConnected": true,
           "attributes": [{"name": "ecs.instance-type", "value": "c5.large"},
                          {"name": "ecs.availability-zone", "value": "eu-west-1a"}],
           "remainingResources": [{"name": "CPU", "type": "INTEGER", "integerValue": 1024},
                                  {"name": "MEMORY", "type": "INTEGER", "integerValue": 700},
                                  {"name": "PORTS", "type": "STRINGSET", "stringSetValue": ["22", "80"]}],
           "someFutureMember": 1}],
         "failures": []}
        """;
        String tasks = """
        {"tasks": [{"taskArn": "arn:aws:ecs:eu-west-1:111122223333:task/prod/t1",
                    "containerInstanceArn": "arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/abc",
                    "group": "service:web", "desiredStatus": "RUNNING", "lastStatus": "RUNNING"}]}
        """;
        ClusterSnapshot s = ClusterSnapshot.fromJson(instances, tasks);
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.filter("task:group == service:web")).hasSize(1);
        RunTaskRequest run = RunTaskRequest.builder().count(2).build();
        PlacementResult r = PlacementEngine.place(s, PlacementRequest.fromRunTask(run, Fixtures.td(512, 512)));
        assertThat(r.placements()).hasSize(1);
        assertThat(r.failures()).extracting(f -> f.reason()).containsExactly("RESOURCE:MEMORY");
        RunTaskResponse response = r.toRunTaskResponse();
        Task t = response.tasks().get(0);
        assertThat(t.taskArn()).startsWith("arn:aws:ecs:eu-west-1:111122223333:task/prod/");
        assertThat(t.clusterArn()).isEqualTo("arn:aws:ecs:eu-west-1:111122223333:cluster/prod");
        assertThat(t.containerInstanceArn())
                .isEqualTo("arn:aws:ecs:eu-west-1:111122223333:container-instance/prod/abc");
        assertThat(t.group()).isEqualTo("family:web");
        assertThat(t.lastStatus()).isEqualTo("PENDING");
        assertThat(t.desiredStatus()).isEqualTo("RUNNING");
        assertThat(response.failures()).hasSize(1);
        assertThat(r.toRunTaskResponse()).isEqualTo(response); // same seed, same ids
    }

    @Test
    void badSnapshotInput() {
        assertThatThrownBy(() -> ClusterSnapshot.fromJson("{\"containerInstances\": 3}", null))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() ->
                        ClusterSnapshot.of(List.of(ContainerInstance.builder().build()), List.of()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("containerInstances[0].containerInstanceArn must be given");
        assertThatThrownBy(() -> ClusterSnapshot.of(
                        List.of(instance("a", "m5.large", "us-east-1a").build()),
                        List.of(
                                Fixtures.task("a", "g"),
                                Fixtures.task("a", "g").toBuilder()
                                        .memory("lots")
                                        .build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("tasks[1].memory is not a valid memory value: 'lots'");
    }

    @Test
    void withoutRemainingResourcesTheTasksAreSubtractedFromWhatTheTypeRegisters() {
        ContainerInstance bare = ContainerInstance.builder()
                .containerInstanceArn(arn("x"))
                .attributes(List.of(Fixtures.attr("ecs.instance-type", "c5.large")))
                .build();
        ClusterSnapshot s = ClusterSnapshot.of(List.of(bare), List.of(Fixtures.task("x", "g", 8080)));
        // c5.large registers 2048 CPU; one task holds 128 of it and port 8080.
        assertThat(PlacementEngine.place(
                                s,
                                PlacementRequest.builder(Fixtures.td(1920, 10)).build())
                        .allPlaced())
                .isTrue();
        assertThat(PlacementEngine.place(
                                s,
                                PlacementRequest.builder(Fixtures.td(1921, 10)).build())
                        .allPlaced())
                .isFalse();
        assertThat(PlacementEngine.place(
                                s,
                                PlacementRequest.builder(Fixtures.td(10, 10, Fixtures.port(80, 8080)))
                                        .build())
                        .failures())
                .extracting(f -> f.reason())
                .containsExactly("RESOURCE:PORTS");
    }
}
