package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ContainerInstanceStatus;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.SchedulingStrategy;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.ServiceEvent;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.time.Instant;
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
            ecs.registerTaskDefinition(r -> r.family("agent")
                    .containerDefinitions(List.of(ContainerDefinition.builder()
                            .name("agent")
                            .image(image)
                            .memory(128)
                            .build())));
        }
    }

    void createDaemon(List<PlacementConstraint> constraints) {
        ecs.createService(r -> r.cluster("prod")
                .serviceName("agent")
                .taskDefinition("agent:1")
                .schedulingStrategy(SchedulingStrategy.DAEMON)
                .placementConstraints(constraints));
    }

    List<Task> tasks() {
        List<String> arns =
                ecs.listTasks(r -> r.cluster("prod").serviceName("agent")).taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(r -> r.cluster("prod").tasks(arns)).tasks();
    }

    /** docs/scheduler.md#daemon-services: one task on each ACTIVE instance, new instances included. */
    @Test
    void oneTaskRunsOnEveryInstance() {
        createDaemon(List.of());
        Service s = ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
        assertThat(s.desiredCount()).isEqualTo(2);
        assertThat(tasks())
                .extracting(Task::containerInstanceArn)
                .containsExactlyInAnyOrder(a.containerInstanceArn(), b.containerInstanceArn());
        ContainerInstance c = ecs.launchInstance("prod", "m5.large", "us-east-1c");
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(tasks())
                .extracting(Task::containerInstanceArn)
                .contains(c.containerInstanceArn())
                .hasSize(3);
        assertThat(ecs.describeServices(r -> r.cluster("prod").services(List.of("agent")))
                        .services()
                        .get(0)
                        .desiredCount())
                .isEqualTo(3);
    }

    /** docs/scheduler.md#daemon-services: a DRAINING instance's daemon task stops and is not replaced. */
    @Test
    void drainingInstancesLoseTheirDaemonTask() {
        createDaemon(List.of());
        ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
        ecs.updateContainerInstancesState(r -> r.cluster("prod")
                .containerInstances(List.of(a.containerInstanceArn()))
                .status(ContainerInstanceStatus.DRAINING));
        ecs.clock().advance(Duration.ofSeconds(5));
        Service s = ecs.describeServices(r -> r.cluster("prod").services(List.of("agent")))
                .services()
                .get(0);
        assertThat(s.runningCount()).isEqualTo(1);
        assertThat(s.desiredCount()).isEqualTo(1);
        assertThat(tasks()).extracting(Task::containerInstanceArn).containsExactly(b.containerInstanceArn());
    }

    /** docs/scheduler.md#daemon-services: only instances meeting the constraints run one. */
    @Test
    void constraintsLimitTheInstances() {
        createDaemon(List.of(PlacementConstraint.builder()
                .type(PlacementConstraintType.MEMBER_OF)
                .expression("attribute:ecs.availability-zone == us-east-1a")
                .build()));
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
        assertThat(ecs.describeServices(r -> r.cluster("prod").services(List.of("agent")))
                        .services()
                        .get(0)
                        .deployments()
                        .get(0)
                        .rolloutState()
                        .value())
                .isEqualTo("COMPLETED");
    }

    // ------------------------------------------------------------------ constraint violations

    static final String AGENT_ROLE = "attribute:role == agent";

    void putRole(ContainerInstance i, String role) {
        ecs.putAttributes(r -> r.cluster("prod")
                .attributes(List.of(Attribute.builder()
                        .name("role")
                        .value(role)
                        .targetId(i.containerInstanceArn())
                        .build())));
    }

    Service service() {
        return ecs.describeServices(r -> r.cluster("prod").services(List.of("agent")))
                .services()
                .get(0);
    }

    List<EcsEvent> violations() {
        return ecs.events()
                .matching(ev -> "SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED".equals(ev.detail("eventName")));
    }

    /** Both instances carry role=agent; the daemon runs only where role == agent, and is steady. */
    Task steadyOnAgents() {
        putRole(a, "agent");
        putRole(b, "agent");
        createDaemon(List.of(PlacementConstraint.builder()
                .type(PlacementConstraintType.MEMBER_OF)
                .expression(AGENT_ROLE)
                .build()));
        ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
        assertThat(tasks()).hasSize(2);
        return tasks().stream()
                .filter(t -> t.containerInstanceArn().equals(a.containerInstanceArn()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * docs/scheduler.md#daemon-constraint-violations: an attribute change that breaks a memberOf
     * constraint stops the instance's daemon task, with the ERROR service action
     * SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED; putting the attribute back starts one again.
     */
    @Test
    void aTaskWhoseInstanceNoLongerMeetsTheConstraintsStops() {
        Task onA = steadyOnAgents();
        Instant changedAt = ecs.clock().now();
        putRole(a, "web");
        ecs.clock().advance(Duration.ofSeconds(1));
        Task stopped = Scenario.describe(ecs, "prod", onA.taskArn());
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode().value()).isEqualTo("ServiceSchedulerInitiated");
        assertThat(stopped.stoppedReason())
                .isEqualTo("Scaling activity initiated by (deployment "
                        + service().deployments().get(0).id() + ")");
        Service s = service();
        assertThat(s.desiredCount()).isEqualTo(1);
        assertThat(s.events().get(0).message())
                .isEqualTo("(service agent) has stopped 1 running tasks: (task "
                        + onA.taskArn().substring(onA.taskArn().lastIndexOf('/') + 1) + ").");
        List<EcsEvent> violated = violations();
        assertThat(violated).hasSize(1);
        EcsEvent v = violated.get(0);
        assertThat(v.detailType()).isEqualTo("ECS Service Action");
        assertThat(v.resources()).containsExactly(s.serviceArn());
        assertThat(v.detail("eventType")).isEqualTo("ERROR");
        assertThat(v.detail("clusterArn")).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(v.time()).isEqualTo(changedAt);
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(tasks()).extracting(Task::containerInstanceArn).containsExactly(b.containerInstanceArn());

        // The attribute back: instance a gets a daemon task again.
        putRole(a, "agent");
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(tasks())
                .extracting(Task::containerInstanceArn)
                .containsExactlyInAnyOrder(a.containerInstanceArn(), b.containerInstanceArn());
        assertThat(service().desiredCount()).isEqualTo(2);
        assertThat(violations()).hasSize(1);
    }

    /** docs/scheduler.md#daemon-constraint-violations: an attribute change that keeps the constraint true stops nothing. */
    @Test
    void anAttributeChangeThatKeepsTheConstraintStopsNothing() {
        Task onA = steadyOnAgents();
        ecs.putAttributes(r -> r.cluster("prod")
                .attributes(List.of(Attribute.builder()
                        .name("team")
                        .value("platform")
                        .targetId(a.containerInstanceArn())
                        .build())));
        ecs.deleteAttributes(r -> r.cluster("prod")
                .attributes(List.of(Attribute.builder()
                        .name("team")
                        .targetId(a.containerInstanceArn())
                        .build())));
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(Scenario.describe(ecs, "prod", onA.taskArn()).lastStatus()).isEqualTo("RUNNING");
        assertThat(tasks()).hasSize(2);
        assertThat(service().desiredCount()).isEqualTo(2);
        assertThat(violations()).isEmpty();
        assertThat(service().events()).extracting(ServiceEvent::message).noneMatch(m -> m.contains("has stopped"));
    }

    /**
     * docs/scheduler.md#daemon-constraint-violations: DeleteAttributes and an UpdateService of the
     * constraints (no new deployment) stop the tasks that no longer meet them.
     */
    @Test
    void deletedAttributesAndUpdatedConstraintsStopTasks() {
        steadyOnAgents();
        String deployment = service().deployments().get(0).id();
        ecs.deleteAttributes(r -> r.cluster("prod")
                .attributes(List.of(Attribute.builder()
                        .name("role")
                        .targetId(b.containerInstanceArn())
                        .build())));
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(tasks()).extracting(Task::containerInstanceArn).containsExactly(a.containerInstanceArn());
        assertThat(violations()).hasSize(1);

        putRole(b, "agent");
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(tasks()).hasSize(2);
        ecs.updateService(r -> r.cluster("prod")
                .service("agent")
                .placementConstraints(List.of(PlacementConstraint.builder()
                        .type(PlacementConstraintType.MEMBER_OF)
                        .expression("attribute:ecs.availability-zone == us-east-1b")
                        .build())));
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(tasks()).extracting(Task::containerInstanceArn).containsExactly(b.containerInstanceArn());
        assertThat(violations()).hasSize(2);
        Service s = service();
        assertThat(s.deployments())
                .extracting(io.github.berth.core.model.Deployment::id)
                .containsExactly(deployment);
        assertThat(s.desiredCount()).isEqualTo(1);
    }

    /** docs/scheduler.md#daemon-constraint-violations: the task definition's memberOf constraints count too. */
    @Test
    void taskDefinitionConstraintsAreReChecked() {
        putRole(a, "agent");
        putRole(b, "agent");
        ecs.registerTaskDefinition(r -> r.family("probe")
                .placementConstraints(List.of(io.github.berth.core.model.TaskDefinitionPlacementConstraint.builder()
                        .type(io.github.berth.core.model.TaskDefinitionPlacementConstraintType.MEMBER_OF)
                        .expression(AGENT_ROLE)
                        .build()))
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("probe")
                        .image("probe:1")
                        .memory(64)
                        .build())));
        ecs.createService(r -> r.cluster("prod")
                .serviceName("agent")
                .taskDefinition("probe:1")
                .schedulingStrategy(SchedulingStrategy.DAEMON));
        ecs.awaitSteadyState("prod", "agent", Duration.ofMinutes(2));
        assertThat(tasks()).hasSize(2);
        putRole(b, "db");
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(tasks()).extracting(Task::containerInstanceArn).containsExactly(a.containerInstanceArn());
        assertThat(violations()).hasSize(1);
    }
}
