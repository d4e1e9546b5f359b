package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DeploymentControllerType;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.TaskSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Services with the CODE_DEPLOY deployment controller (docs/scheduler.md#codedeploy): CreateService
 * gives them a PRIMARY task set; UpdateService changes only what CodeDeploy does not own.
 */
class CodeDeployTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:";
    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef";

    final FakeEcs ecs = FakeEcs.builder().seed(37).build();

    CodeDeployTest() {
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("prod", "m5.large", "us-east-1b");
        for (String image : List.of("web:1", "web:2")) {
            ecs.registerTaskDefinition(b -> b.family("web")
                    .containerDefinitions(List.of(ContainerDefinition.builder()
                            .name("web")
                            .image(image)
                            .memory(256)
                            .portMappings(List.of(
                                    PortMapping.builder().containerPort(80).build()))
                            .build())));
        }
    }

    static LoadBalancer blue() {
        return LoadBalancer.builder()
                .targetGroupArn(TG)
                .containerName("web")
                .containerPort(80)
                .build();
    }

    Service createService(int desired) {
        return ecs.createService(b -> b.cluster("prod")
                        .serviceName("web")
                        .taskDefinition("web:1")
                        .desiredCount(desired)
                        .loadBalancers(List.of(blue()))
                        .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY)))
                .service();
    }

    Service describe() {
        return ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                .services()
                .get(0);
    }

    /**
     * docs/scheduler.md#codedeploy: the service starts with one PRIMARY task set at 100 % of the
     * service's task definition and target group; its tasks are registered there.
     */
    @Test
    void createServiceMakesAPrimaryTaskSet() {
        Service s = createService(2);
        assertThat(s.deploymentController().type().value()).isEqualTo("CODE_DEPLOY");
        assertThat(s.deployments()).isEmpty();
        assertThat(s.taskSets()).hasSize(1);
        TaskSet ts = s.taskSets().get(0);
        assertThat(ts.id()).matches("ecs-svc/\\d{19}");
        assertThat(ts.taskSetArn()).isEqualTo(ARN + "task-set/prod/web/" + ts.id());
        assertThat(ts.status()).isEqualTo("PRIMARY");
        assertThat(ts.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(ts.computedDesiredCount()).isEqualTo(2);
        assertThat(ts.scale().value()).isEqualTo(100.0);
        assertThat(ts.loadBalancers()).containsExactly(blue());
        assertThat(ts.stabilityStatus().value()).isEqualTo("STABILIZING");
        assertThat(s.deploymentConfiguration().deploymentCircuitBreaker()).isNull();
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(ecs.targetGroup(TG).targets()).hasSize(2);
        assertThat(ecs.listTasks(b -> b.cluster("prod").serviceName("web")).taskArns())
                .hasSize(2);
        assertThat(ecs.describeTasks(b -> b.cluster("prod")
                                .tasks(ecs.listTasks(l -> l.cluster("prod")).taskArns()))
                        .tasks())
                .allSatisfy(t -> assertThat(t.startedBy()).isEqualTo(ts.id()));
        // Healthy after 5 probes 30 s apart: then the task set and the service are steady.
        Service steady = ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(steady.taskSets().get(0).stabilityStatus().value()).isEqualTo("STEADY_STATE");
        assertThat(steady.runningCount()).isEqualTo(2);
    }

    /** docs/scheduler.md#codedeploy: a CODE_DEPLOY service needs one target group. */
    @Test
    void codeDeployNeedsATargetGroup() {
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster("prod")
                        .serviceName("web")
                        .taskDefinition("web:1")
                        .desiredCount(1)
                        .deploymentController(d -> d.type(DeploymentControllerType.CODE_DEPLOY))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "A service with the CODE_DEPLOY deployment controller must use exactly one target group of an "
                                + "Application Load Balancer or Network Load Balancer.");
        assertThat(ecs.listServices(b -> b.cluster("prod")).serviceArns()).isEmpty();
    }

    /** docs/scheduler.md#codedeploy: a new revision goes through CodeDeploy; ECS's texts, and nothing changes. */
    @Test
    void updateServiceRefusesWhatCodeDeployOwns() {
        createService(2);
        assertThatThrownBy(() ->
                        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("web:2")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS "
                                + "CodeDeploy to trigger a new deployment.");
        assertThatThrownBy(() -> ecs.updateService(
                        b -> b.cluster("prod").service("web").desiredCount(5).forceNewDeployment(true)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Cannot force a new deployment on services with a CODE_DEPLOY deployment controller. Use AWS "
                                + "CodeDeploy to trigger a new deployment.");
        assertThatThrownBy(() -> ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .deploymentConfiguration(c ->
                                c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true)))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "The deployment circuit breaker is only supported for services using the ECS deployment controller.");
        Service s = describe();
        assertThat(s.desiredCount()).isEqualTo(2);
        assertThat(s.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
    }

    /** docs/scheduler.md#codedeploy: the desired count, deployment configuration and grace period may change. */
    @Test
    void updateServiceChangesTheDesiredCount() {
        createService(2);
        Service s = ecs.updateService(b -> b.cluster("prod")
                        .service("web")
                        .desiredCount(4)
                        .deploymentConfiguration(c -> c.minimumHealthyPercent(50))
                        .healthCheckGracePeriodSeconds(30))
                .service();
        assertThat(s.desiredCount()).isEqualTo(4);
        assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(50);
        assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(s.healthCheckGracePeriodSeconds()).isEqualTo(30);
        assertThat(s.taskSets().get(0).computedDesiredCount()).isEqualTo(4);
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(ecs.listTasks(b -> b.cluster("prod").serviceName("web").desiredStatus(DesiredStatus.RUNNING))
                        .taskArns())
                .hasSize(4);
    }

    /** docs/scheduler.md#codedeploy: task sets of a CODE_DEPLOY service can be described, not created by hand. */
    @Test
    void codeDeployTaskSetsAreDescribedNotCreated() {
        String id = createService(1).taskSets().get(0).id();
        assertThat(ecs.describeTaskSets(b -> b.cluster("prod").service("web")).taskSets())
                .extracting(TaskSet::id)
                .containsExactly(id);
        assertThatThrownBy(() ->
                        ecs.createTaskSet(b -> b.cluster("prod").service("web").taskDefinition("web:2")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Amazon ECS only supports task set management on services configured to use external deployment "
                                + "controllers.");
        assertThat(ecs.describeTaskSets(b -> b.cluster("prod").service("web")).taskSets())
                .hasSize(1);
    }
}
