package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ContainerInstanceStatus;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.SchedulingStrategy;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DAEMON services (docs/scheduler.md#daemon-services). */
class DaemonServicesTest {

  final FakeEcs ecs = FakeEcs.builder().seed(3).build();
  final ContainerInstance a;
  final ContainerInstance b;

  DaemonServicesTest() {
    ecs.createCluster(r -> r.clusterName("prod"));
    a = ecs.launchInstance("prod", "m5.large", "us-east-1a");
    b = ecs.launchInstance("prod", "m5.large", "us-east-1b");
    for (String image : List.of("agent:1", "agent:2")) {
      ecs.registerTaskDefinition(r -> r.family("agent").containerDefinitions(List.of(
          ContainerDefinition.builder().name("agent").image(image).memory(128).build())));
    }
  }

  void createDaemon(List<PlacementConstraint> constraints) {
    ecs.createService(r -> r.cluster("prod").serviceName("agent").taskDefinition("agent:1")
        .schedulingStrategy(SchedulingStrategy.DAEMON).placementConstraints(constraints));
  }

  List<Task> tasks() {
    List<String> arns = ecs.listTasks(r -> r.cluster("prod").serviceName("agent")).taskArns();
    return arns.isEmpty() ? List.of() : ecs.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
  }

  /** docs/scheduler.md#daemon-services: one task on each ACTIVE instance, new instances included. */
  @Test
  void oneTaskRunsOnEveryInstance() {
    createDaemon(List.of());
    Service s = ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
    assertThat(s.desiredCount()).isEqualTo(2);
    assertThat(tasks()).extracting(Task::containerInstanceArn)
        .containsExactlyInAnyOrder(a.containerInstanceArn(), b.containerInstanceArn());
    ContainerInstance c = ecs.launchInstance("prod", "m5.large", "us-east-1c");
    ecs.clock().advance(Duration.ofSeconds(5));
    assertThat(tasks()).extracting(Task::containerInstanceArn).contains(c.containerInstanceArn()).hasSize(3);
    assertThat(ecs.describeServices(r -> r.cluster("prod").services(List.of("agent"))).services().get(0)
        .desiredCount()).isEqualTo(3);
  }

  /** docs/scheduler.md#daemon-services: a DRAINING instance's daemon task stops and is not replaced. */
  @Test
  void drainingInstancesLoseTheirDaemonTask() {
    createDaemon(List.of());
    ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
    ecs.updateContainerInstancesState(r -> r.cluster("prod").containerInstances(List.of(a.containerInstanceArn()))
        .status(ContainerInstanceStatus.DRAINING));
    ecs.clock().advance(Duration.ofSeconds(5));
    Service s = ecs.describeServices(r -> r.cluster("prod").services(List.of("agent"))).services().get(0);
    assertThat(s.runningCount()).isEqualTo(1);
    assertThat(s.desiredCount()).isEqualTo(1);
    assertThat(tasks()).extracting(Task::containerInstanceArn).containsExactly(b.containerInstanceArn());
  }

  /** docs/scheduler.md#daemon-services: only instances meeting the constraints run one. */
  @Test
  void constraintsLimitTheInstances() {
    createDaemon(List.of(PlacementConstraint.builder().type(PlacementConstraintType.MEMBER_OF)
        .expression("attribute:ecs.availability-zone == us-east-1a").build()));
    Service s = ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
    assertThat(s.desiredCount()).isEqualTo(1);
    assertThat(tasks()).extracting(Task::containerInstanceArn).containsExactly(a.containerInstanceArn());
  }

  /** docs/scheduler.md#daemon-services: a deployment stops each old task before starting its replacement. */
  @Test
  void aDeploymentReplacesTasksInPlace() {
    createDaemon(List.of());
    ecs.clock().advance(Duration.ofMinutes(1));
    ecs.updateService(r -> r.cluster("prod").service("agent").taskDefinition("agent:2"));
    ecs.clock().advance(Duration.ofMillis(1));
    // minimumHealthyPercent 0, maximumPercent 100: both old tasks stop, nothing new yet.
    assertThat(tasks()).isEmpty();
    Service s = ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
    assertThat(s.deployments()).hasSize(1);
    assertThat(tasks()).hasSize(2).allMatch(t -> t.taskDefinitionArn().endsWith(":task-definition/agent:2"));
    ecs.clock().advance(Duration.ofMinutes(1));
    assertThat(ecs.describeServices(r -> r.cluster("prod").services(List.of("agent"))).services().get(0)
        .deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
  }
}
