package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.ServiceEvent;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Services behind fake target groups (docs/scheduler.md#load-balancers). */
class LoadBalancersTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";

    final FakeEcs ecs = FakeEcs.builder().seed(5).build();

    LoadBalancersTest() {
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        register("web", "web:1", null);
        register("web", "web:2", null);
    }

    void register(String family, String image, HealthCheck hc) {
        ecs.registerTaskDefinition(b -> b.family(family)
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image(image)
                        .memory(256)
                        .healthCheck(hc)
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build())));
    }

    void createService(String taskDefinition, int desired) {
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition(taskDefinition)
                .desiredCount(desired)
                .loadBalancers(List.of(LoadBalancer.builder()
                        .targetGroupArn(TG)
                        .containerName("web")
                        .containerPort(80)
                        .build())));
    }

    Service describe() {
        return ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                .services()
                .get(0);
    }

    List<Task> tasks(DesiredStatus status) {
        List<String> arns = ecs.listTasks(
                        b -> b.cluster("prod").serviceName("web").desiredStatus(status))
                .taskArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    static List<String> messages(Service s) {
        List<String> out = new ArrayList<>();
        for (ServiceEvent e : s.events()) {
            out.add(e.message());
        }
        return out;
    }

    /** docs/scheduler.md#load-balancers: RUNNING tasks are registered; healthy after 5 probes 30 s apart. */
    @Test
    void runningTasksAreRegisteredAndBecomeHealthy() {
        createService("web:1", 2);
        ecs.clock().advance(Duration.ofSeconds(3));
        List<TargetGroup.Target> targets = ecs.targetGroup(TG).targets();
        assertThat(targets).hasSize(2);
        String instanceId = ecs.describeContainerInstances(b -> b.cluster("prod")
                        .containerInstances(ecs.listContainerInstances(l -> l.cluster("prod"))
                                .containerInstanceArns()))
                .containerInstances()
                .get(0)
                .ec2InstanceId();
        List<Integer> hostPorts = new ArrayList<>();
        for (Task t : tasks(DesiredStatus.RUNNING)) {
            hostPorts.add(t.containers().get(0).networkBindings().get(0).hostPort());
        }
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.id()).isEqualTo(instanceId);
            assertThat(t.health()).isEqualTo("initial");
        });
        assertThat(targets).extracting(TargetGroup.Target::port).containsExactlyInAnyOrderElementsOf(hostPorts);
        assertThat(messages(describe())).contains("(service web) registered 1 targets in (target-group " + TG + ")");
        // Not healthy before 150 s: the deployment waits.
        ecs.clock().advanceTo(T0.plusSeconds(152));
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("IN_PROGRESS");
        ecs.clock().advanceTo(T0.plusSeconds(153));
        assertThat(ecs.targetGroup(TG).targets())
                .extracting(TargetGroup.Target::health)
                .containsOnly("healthy");
        assertThat(describe().deployments().get(0).rolloutState().value()).isEqualTo("COMPLETED");
    }

    /** docs/scheduler.md#load-balancers: a stopping task is deregistered and waits the deregistration delay. */
    @Test
    void stoppingTasksDrainForTheDeregistrationDelay() {
        ecs.targetGroup(TG).deregistrationDelay(Duration.ofSeconds(30));
        createService("web:1", 2);
        ecs.clock().advance(Duration.ofMinutes(3));
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(1));
        ecs.clock().advance(Duration.ofMillis(1));
        List<Task> stopping = tasks(DesiredStatus.STOPPED);
        assertThat(stopping).hasSize(1);
        assertThat(stopping.get(0).lastStatus()).isEqualTo("DEACTIVATING");
        assertThat(ecs.targetGroup(TG).targets())
                .extracting(TargetGroup.Target::health)
                .containsExactlyInAnyOrder("healthy", "draining");
        assertThat(messages(describe())).contains("(service web) deregistered 1 targets in (target-group " + TG + ")");
        ecs.clock().advance(Duration.ofSeconds(29));
        assertThat(tasks(DesiredStatus.STOPPED).get(0).lastStatus()).isEqualTo("DEACTIVATING");
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(tasks(DesiredStatus.STOPPED).get(0).lastStatus()).isEqualTo("STOPPING");
        assertThat(ecs.targetGroup(TG).targets())
                .extracting(TargetGroup.Target::health)
                .containsExactly("healthy");
    }

    /** docs/scheduler.md#load-balancers: the default deregistration delay is 300 s. */
    @Test
    void theDefaultDeregistrationDelayIsFiveMinutes() {
        createService("web:1", 1);
        ecs.clock().advance(Duration.ofMinutes(3));
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(0));
        ecs.clock().advance(Duration.ofSeconds(299));
        assertThat(tasks(DesiredStatus.STOPPED).get(0).lastStatus()).isEqualTo("DEACTIVATING");
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(tasks(DesiredStatus.STOPPED).get(0).lastStatus()).isEqualTo("STOPPING");
    }

    /** docs/scheduler.md#load-balancers: a task failing its target group's health checks is replaced. */
    @Test
    void unhealthyTargetsAreReplaced() {
        ecs.behaviours().image("sick:*").unhealthyAfter(Duration.ZERO);
        register(
                "sick",
                "sick:1",
                HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "true"))
                        .interval(30)
                        .retries(3)
                        .build());
        ecs.targetGroup(TG).deregistrationDelay(Duration.ZERO);
        createService("sick", 1);
        // UNHEALTHY at 93 s (three failing probes from 30 s after RUNNING at 3 s).
        ecs.clock().advanceTo(T0.plusSeconds(93));
        List<Task> stopped = tasks(DesiredStatus.STOPPED);
        assertThat(stopped).hasSize(1);
        assertThat(stopped.get(0).stoppedReason())
                .isEqualTo("Task failed ELB health checks in (target-group " + TG + ")");
        int port = stopped.get(0).containers().get(0).networkBindings().get(0).hostPort();
        assertThat(messages(describe()))
                .contains("(service web) (port " + port + ") is unhealthy in (target-group " + TG
                        + ") due to (reason Health checks failed).");
    }

    /** docs/scheduler.md#load-balancers: maximumPercent counts draining tasks, so 100 % waits for them to go. */
    @Test
    void drainingTasksCountTowardMaximumPercent() {
        ecs.targetGroup(TG).deregistrationDelay(Duration.ofSeconds(60));
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition("web:1")
                .desiredCount(2)
                .deploymentConfiguration(io.github.berth.core.model.DeploymentConfiguration.builder()
                        .minimumHealthyPercent(50)
                        .maximumPercent(100)
                        .build())
                .loadBalancers(List.of(LoadBalancer.builder()
                        .targetGroupArn(TG)
                        .containerName("web")
                        .containerPort(80)
                        .build())));
        ecs.clock().advance(Duration.ofMinutes(3));
        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("web:2"));
        ecs.clock().advance(Duration.ofSeconds(59));
        // One old task drains; no new one starts before it has stopped.
        assertThat(tasks(DesiredStatus.RUNNING))
                .extracting(Task::taskDefinitionArn)
                .allMatch(a -> a.endsWith(":task-definition/web:1"));
        ecs.clock().advance(Duration.ofSeconds(3));
        assertThat(tasks(DesiredStatus.RUNNING))
                .extracting(Task::taskDefinitionArn)
                .anyMatch(a -> a.endsWith(":task-definition/web:2"));
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(20));
        assertThat(tasks(DesiredStatus.RUNNING))
                .extracting(Task::taskDefinitionArn)
                .allMatch(a -> a.endsWith(":task-definition/web:2"));
    }
}
