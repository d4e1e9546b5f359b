package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.SortOrder;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionFamilyStatus;
import io.github.berth.core.model.TaskDefinitionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Task definitions (docs/task-definitions.md) and RunTask, StartTask, ListTasks (docs/scheduler.md#tasks). */
class TaskDefinitionAndRunTaskTest {

    @Test
    void registrationValidatesAndNormalisesAsCoreDoes() {
        FakeEcs ecs = Scenario.fake();
        TaskDefinition td = ecs.registerTaskDefinition(
                        Scenario.fargate("api").toBuilder().cpu(".25 vcpu").build())
                .taskDefinition();
        assertThat(td.taskDefinitionArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/api:1");
        assertThat(td.revision()).isEqualTo(1);
        assertThat(td.status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.compatibilities()).contains(Compatibility.EC2, Compatibility.FARGATE);
        assertThat(td.registeredAt()).isEqualTo(Scenario.T0);
        assertThat(ecs.registerTaskDefinition(Scenario.fargate("api"))
                        .taskDefinition()
                        .revision())
                .isEqualTo(2);
    }

    @Test
    void anInvalidDefinitionIsRefusedWithEcsErrorAndNothingIsRegistered() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.registerTaskDefinition(
                        Scenario.fargate("api").toBuilder().memory("100").build()))
                .isInstanceOf(ClientException.class);
        assertThat(ecs.listTaskDefinitionFamilies(b -> {}).families()).isEmpty();
        assertThat(ecs.registerTaskDefinition(Scenario.fargate("api"))
                        .taskDefinition()
                        .revision())
                .isEqualTo(1);
    }

    @Test
    void deregisteredRevisionsAreInactiveAndCannotRunNewTasks() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        ecs.registerTaskDefinition(Scenario.web());
        TaskDefinition gone =
                ecs.deregisterTaskDefinition(b -> b.taskDefinition("web:2")).taskDefinition();
        assertThat(gone.status()).isEqualTo(TaskDefinitionStatus.INACTIVE);
        assertThat(gone.deregisteredAt()).isEqualTo(Scenario.T0);
        assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("web"))
                        .taskDefinition()
                        .revision())
                .as("the family alone names its latest ACTIVE revision")
                .isEqualTo(1);
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster("prod").taskDefinition("web:2")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("TaskDefinition is inactive");
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster("prod").taskDefinition("nope:1")))
                .isInstanceOf(ClientException.class)
                .hasMessage("TaskDefinition not found.");
        assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition("nope")))
                .isInstanceOf(ClientException.class)
                .hasMessage("Unable to describe task definition.");
    }

    @Test
    void listTaskDefinitionsFiltersSortsAndPages() {
        FakeEcs ecs = Scenario.fake();
        for (String f : List.of("b", "a", "b", "a", "c")) {
            ecs.registerTaskDefinition(Scenario.fargate(f));
        }
        ecs.deregisterTaskDefinition(b -> b.taskDefinition("c:1"));
        assertThat(ecs.listTaskDefinitions(b -> {}).taskDefinitionArns())
                .extracting(TaskDefinitionAndRunTaskTest::tail)
                .containsExactly("a:1", "a:2", "b:1", "b:2");
        assertThat(ecs.listTaskDefinitions(b -> b.sort(SortOrder.DESC)).taskDefinitionArns())
                .extracting(TaskDefinitionAndRunTaskTest::tail)
                .containsExactly("b:2", "b:1", "a:2", "a:1");
        assertThat(ecs.listTaskDefinitions(b -> b.familyPrefix("b")).taskDefinitionArns())
                .extracting(TaskDefinitionAndRunTaskTest::tail)
                .containsExactly("b:1", "b:2");
        assertThat(ecs.listTaskDefinitions(b -> b.status(TaskDefinitionStatus.INACTIVE))
                        .taskDefinitionArns())
                .extracting(TaskDefinitionAndRunTaskTest::tail)
                .containsExactly("c:1");
        var page1 = ecs.listTaskDefinitions(b -> b.maxResults(3));
        assertThat(page1.taskDefinitionArns()).hasSize(3);
        var page2 = ecs.listTaskDefinitions(b -> b.maxResults(3).nextToken(page1.nextToken()));
        assertThat(page2.taskDefinitionArns())
                .extracting(TaskDefinitionAndRunTaskTest::tail)
                .containsExactly("b:2");
        assertThat(page2.nextToken()).isNull();
        assertThatThrownBy(() -> ecs.listTaskDefinitions(b -> b.nextToken("forged")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.listTaskDefinitionFamilies(b -> b.status(TaskDefinitionFamilyStatus.ACTIVE))
                        .families())
                .containsExactly("a", "b");
        assertThat(ecs.listTaskDefinitionFamilies(b -> b.status(TaskDefinitionFamilyStatus.INACTIVE))
                        .families())
                .containsExactly("c");
    }

    @Test
    void onlyInactiveRevisionsCanBeDeleted() {
        FakeEcs ecs = Scenario.fake();
        ecs.registerTaskDefinition(Scenario.fargate("a"));
        ecs.registerTaskDefinition(Scenario.fargate("a"));
        ecs.deregisterTaskDefinition(b -> b.taskDefinition("a:1"));
        var answer = ecs.deleteTaskDefinitions(b -> b.taskDefinitions(List.of("a:1", "a:2")));
        assertThat(answer.taskDefinitions()).singleElement().satisfies(td -> {
            assertThat(td.revision()).isEqualTo(1);
            assertThat(td.status()).isEqualTo(TaskDefinitionStatus.DELETE_IN_PROGRESS);
        });
        assertThat(answer.failures())
                .extracting(Failure::arn)
                .containsExactly("arn:aws:ecs:us-east-1:123456789012:task-definition/a:2");
        assertThat(ecs.describeTaskDefinition(b -> b.taskDefinition("a:2"))
                        .taskDefinition()
                        .status())
                .isEqualTo(TaskDefinitionStatus.ACTIVE);
    }

    @Test
    void runTaskLaunchesUpToTenAndRefusesMore() {
        FakeEcs ecs = Scenario.cluster(3);
        ecs.registerTaskDefinition(Scenario.web());
        assertThat(ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(10))
                        .tasks())
                .hasSize(10);
        assertThatThrownBy(() ->
                        ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(11)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() ->
                        ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(0)))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.listTasks(b -> b.cluster("prod")).taskArns()).hasSize(10);
    }

    @Test
    void runTaskSpreadsAcrossZonesAndReportsWhatDidNotFit() {
        FakeEcs ecs = Scenario.cluster(3);
        ecs.registerTaskDefinition(b -> b.family("big")
                .containerDefinitions(
                        List.of(Scenario.container("app", "app:1").memory(3000).build())));
        var run = ecs.runTask(b -> b.cluster("prod")
                .taskDefinition("big")
                .count(8)
                .placementStrategy(List.of(PlacementStrategy.builder()
                        .type(PlacementStrategyType.SPREAD)
                        .field("attribute:ecs.availability-zone")
                        .build())));
        // 7,987 MiB each: two tasks of 3,000 on each of the three instances.
        assertThat(run.tasks()).hasSize(6);
        Map<String, Long> perZone =
                run.tasks().stream().collect(Collectors.groupingBy(Task::availabilityZone, Collectors.counting()));
        assertThat(perZone)
                .containsOnly(Map.entry("us-east-1a", 2L), Map.entry("us-east-1b", 2L), Map.entry("us-east-1c", 2L));
        assertThat(run.failures())
                .hasSize(2)
                .allSatisfy(f -> assertThat(f.reason()).isEqualTo("RESOURCE:MEMORY"));
    }

    @Test
    void anEc2RunTaskOnAClusterWithoutInstancesIsRefused() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.registerTaskDefinition(Scenario.web());
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster("prod").taskDefinition("web")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("No Container Instances were found in your cluster.");
    }

    @Test
    void startTaskPlacesOnTheNamedInstancesAndReportsMissingOnes() {
        FakeEcs ecs = Scenario.cluster(2);
        ecs.registerTaskDefinition(Scenario.web());
        List<String> instances =
                ecs.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns();
        var started = ecs.startTask(b -> b.cluster("prod")
                .taskDefinition("web")
                .containerInstances(List.of(instances.get(1), "0123456789abcdef0123456789abcdef")));
        assertThat(started.tasks())
                .singleElement()
                .extracting(Task::containerInstanceArn)
                .isEqualTo(instances.get(1));
        assertThat(started.failures())
                .singleElement()
                .extracting(Failure::reason)
                .isEqualTo("MISSING");
    }

    @Test
    void listTasksFiltersByFamilyStartedByInstanceAndStatus() {
        FakeEcs ecs = Scenario.cluster(2);
        ecs.registerTaskDefinition(Scenario.web());
        ecs.registerTaskDefinition(Scenario.checked("app", "app:1"));
        Task web = Scenario.only(
                ecs.runTask(b -> b.cluster("prod").taskDefinition("web").startedBy("ci")));
        Task app = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("app")));
        assertThat(ecs.listTasks(b -> b.cluster("prod").family("web")).taskArns())
                .containsExactly(web.taskArn());
        assertThat(ecs.listTasks(b -> b.cluster("prod").startedBy("ci")).taskArns())
                .containsExactly(web.taskArn());
        assertThat(ecs.listTasks(b -> b.cluster("prod").containerInstance(app.containerInstanceArn()))
                        .taskArns())
                .contains(app.taskArn());
        ecs.stopTask(b -> b.cluster("prod").task(app.taskArn()));
        assertThat(ecs.listTasks(b -> b.cluster("prod")).taskArns()).containsExactly(web.taskArn());
        assertThat(ecs.listTasks(b -> b.cluster("prod").desiredStatus(DesiredStatus.STOPPED))
                        .taskArns())
                .containsExactly(app.taskArn());
    }

    @Test
    void describeTasksRefusesAnEmptyOrTooLongList() {
        FakeEcs ecs = Scenario.cluster(1);
        assertThatThrownBy(() -> ecs.describeTasks(b -> b.cluster("prod").tasks(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Tasks cannot be empty.");
        List<String> many =
                java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t" + i).toList();
        assertThatThrownBy(() -> ecs.describeTasks(b -> b.cluster("prod").tasks(many)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void standaloneTasksCannotBeProtected() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        var answer = ecs.updateTaskProtection(
                b -> b.cluster("prod").tasks(List.of(t.taskArn())).protectionEnabled(true));
        assertThat(answer.protectedTasks()).isEmpty();
        assertThat(answer.failures())
                .singleElement()
                .extracting(Failure::reason)
                .isEqualTo("TASK_NOT_VALID");
    }

    @Test
    void fargateTasksNeedANetworkConfiguration() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.registerTaskDefinition(Scenario.fargate("api"));
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster("prod")
                        .taskDefinition("api")
                        .launchType(io.github.berth.core.model.LaunchType.FARGATE)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        assertThat(ecs.listTasks(b -> b.cluster("prod")).taskArns()).isEmpty();
        ecs.clock().advance(Duration.ofMinutes(1));
    }

    private static String tail(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
