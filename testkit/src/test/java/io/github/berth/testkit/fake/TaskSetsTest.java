package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.DescribeTaskSetsResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.ServiceNotFoundException;
import io.github.berth.core.error.TaskSetNotFoundException;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DeploymentControllerType;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Scale;
import io.github.berth.core.model.ScaleUnit;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.ServiceEvent;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskSet;
import io.github.berth.core.model.TaskSetField;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ServiceNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Task sets of services with the EXTERNAL deployment controller (docs/scheduler.md#task-sets):
 * CreateService with only a name, CreateTaskSet, UpdateTaskSet, DeleteTaskSet, DescribeTaskSets,
 * UpdateServicePrimaryTaskSet, each task set kept at its computed desired count, its stability.
 */
class TaskSetsTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:";
    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/0123456789abcdef";
    static final String NOT_EXTERNAL =
            "Amazon ECS only supports task set management on services configured to use external deployment controllers.";

    final FakeEcs ecs = FakeEcs.builder().seed(31).build();

    TaskSetsTest() {
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("prod", "m5.large", "us-east-1b");
        register("web:1");
        register("web:2");
    }

    void register(String image) {
        ecs.registerTaskDefinition(b -> b.family("web")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image(image)
                        .memory(256)
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build())));
    }

    void externalService(int desired) {
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .desiredCount(desired)
                .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL)));
    }

    TaskSet createTaskSet(String taskDefinition, double scale) {
        return ecs.createTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskDefinition(taskDefinition)
                        .scale(Scale.builder()
                                .value(scale)
                                .unit(ScaleUnit.PERCENT)
                                .build()))
                .taskSet();
    }

    TaskSet describeTaskSet(String id) {
        return ecs.describeTaskSets(b -> b.cluster("prod").service("web").taskSets(List.of(id)))
                .taskSets()
                .get(0);
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

    // ------------------------------------------------------------------ CreateService

    /** docs/scheduler.md#task-sets: an EXTERNAL service needs only its name; it has no deployment and no task set yet. */
    @Test
    void externalServiceNeedsOnlyItsName() {
        Service s = ecs.createService(b -> b.cluster("prod")
                        .serviceName("web")
                        .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL)))
                .service();
        assertThat(s.serviceArn()).isEqualTo(ARN + "service/prod/web");
        assertThat(s.deploymentController().type().value()).isEqualTo("EXTERNAL");
        assertThat(s.desiredCount()).isZero();
        assertThat(s.taskDefinition()).isNull();
        assertThat(s.launchType()).isNull();
        assertThat(s.taskSets()).isEmpty();
        assertThat(s.deployments()).isEmpty();
        assertThat(s.currentServiceDeployment()).isNull();
        assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        assertThat(s.deploymentConfiguration().deploymentCircuitBreaker()).isNull();
        assertThat(s.deploymentConfiguration().strategy()).isNull();
    }

    /** docs/scheduler.md#task-sets: the task definition belongs to the task sets; CreateService must leave it blank. */
    @Test
    void externalServiceRefusesATaskDefinition() {
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster("prod")
                        .serviceName("web")
                        .taskDefinition("web:1")
                        .desiredCount(1)
                        .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("TaskDefinition must be blank.");
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster("prod")
                        .serviceName("web")
                        .launchType(LaunchType.EC2)
                        .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("LaunchType must be blank.");
        assertThat(ecs.listServices(b -> b.cluster("prod")).serviceArns()).isEmpty();
    }

    /** docs/scheduler.md#task-sets: the circuit breaker and DAEMON are the ECS controller's only. */
    @Test
    void externalServiceRefusesTheCircuitBreakerAndDaemon() {
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster("prod")
                        .serviceName("web")
                        .deploymentConfiguration(c ->
                                c.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true)))
                        .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "The deployment circuit breaker is only supported for services using the ECS deployment controller.");
        assertThatThrownBy(() -> ecs.createService(b -> b.cluster("prod")
                        .serviceName("web")
                        .schedulingStrategy(io.github.berth.core.model.SchedulingStrategy.DAEMON)
                        .deploymentController(d -> d.type(DeploymentControllerType.EXTERNAL))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The DAEMON scheduling strategy is not supported with the EXTERNAL deployment controller.");
        assertThat(ecs.listServices(b -> b.cluster("prod")).serviceArns()).isEmpty();
    }

    // ------------------------------------------------------------------ CreateTaskSet

    /**
     * docs/scheduler.md#task-sets: a task set runs ceil(desired x scale) tasks started by its id;
     * STABILIZING until they run and count as healthy, then STEADY_STATE, with ECS's events.
     */
    @Test
    void taskSetRunsItsComputedDesiredCountThenTurnsSteady() {
        externalService(3);
        TaskSet created = createTaskSet("web:1", 50.0);
        String id = created.id();
        assertThat(id).matches("ecs-svc/\\d{19}");
        assertThat(created.taskSetArn()).isEqualTo(ARN + "task-set/prod/web/" + id);
        assertThat(created.serviceArn()).isEqualTo(ARN + "service/prod/web");
        assertThat(created.clusterArn()).isEqualTo(ARN + "cluster/prod");
        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        // ceil(3 x 50 %) = ceil(1.5) = 2
        assertThat(created.computedDesiredCount()).isEqualTo(2);
        assertThat(created.runningCount()).isZero();
        assertThat(created.pendingCount()).isZero();
        assertThat(created.launchType()).isEqualTo(LaunchType.EC2);
        assertThat(created.capacityProviderStrategy()).isNull();
        assertThat(created.scale())
                .isEqualTo(Scale.builder().value(50.0).unit(ScaleUnit.PERCENT).build());
        assertThat(created.stabilityStatus().value()).isEqualTo("STABILIZING");
        assertThat(created.stabilityStatusAt()).isEqualTo(T0);
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(created.startedBy()).isNull();
        assertThat(created.tags()).isNull();

        ecs.clock().advance(Duration.ofSeconds(5));
        TaskSet running = describeTaskSet(id);
        assertThat(running.runningCount()).isEqualTo(2);
        assertThat(running.pendingCount()).isZero();
        assertThat(running.stabilityStatus().value()).isEqualTo("STABILIZING");
        List<Task> tasks = tasks(DesiredStatus.RUNNING);
        assertThat(tasks).hasSize(2).allSatisfy(t -> {
            assertThat(t.startedBy()).isEqualTo(id);
            assertThat(t.group()).isEqualTo("service:web");
            assertThat(t.taskDefinitionArn()).isEqualTo(ARN + "task-definition/web:1");
        });
        Service s = describe();
        assertThat(s.runningCount()).isEqualTo(2);
        assertThat(s.taskSets()).extracting(TaskSet::id).containsExactly(id);
        assertThat(s.deployments()).isEmpty();

        // Without health checks or load balancer a task counts as healthy 40 s after RUNNING.
        Instant runningAt = tasks.get(0).startedAt();
        ecs.clock().advance(Duration.ofSeconds(60));
        TaskSet steady = describeTaskSet(id);
        assertThat(steady.stabilityStatus().value()).isEqualTo("STEADY_STATE");
        assertThat(steady.stabilityStatusAt()).isEqualTo(runningAt.plusSeconds(40));
        assertThat(messages(describe()).subList(0, 2))
                .containsExactly(
                        "(service web) has reached a steady state.",
                        "(service web, taskSet " + id + ") updated state to STEADY_STATE.");
        List<EcsEvent> actions = ecs.events().matching(e -> e.detailType().equals("ECS Service Action"));
        assertThat(actions)
                .extracting(e -> e.detail("eventName"))
                .containsExactly("TASKSET_STEADY_STATE", "SERVICE_STEADY_STATE");
        assertThat(actions.get(0).detail().get("taskSetArns").get(0).asText()).isEqualTo(created.taskSetArn());
        assertThat(actions.get(0).resources()).containsExactly(ARN + "service/prod/web");
    }

    /** docs/scheduler.md#task-sets: task-set operations on a service with the ECS controller are refused with ECS's text. */
    @Test
    void taskSetOperationsNeedTheExternalController() {
        ecs.createService(b ->
                b.cluster("prod").serviceName("web").taskDefinition("web:1").desiredCount(1));
        assertThatThrownBy(() -> createTaskSet("web:1", 100))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(NOT_EXTERNAL);
        assertThatThrownBy(() -> ecs.describeTaskSets(b -> b.cluster("prod").service("web")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(NOT_EXTERNAL);
        assertThatThrownBy(() ->
                        ecs.createTaskSet(b -> b.cluster("prod").service("api").taskDefinition("web:1")))
                .isInstanceOf(ServiceNotFoundException.class)
                .hasMessage("Service not found.");
    }

    /** docs/scheduler.md#task-sets: the scale is a percentage from 0 to 100; a bad one creates nothing. */
    @Test
    void scaleOutsideZeroToHundredIsRefused() {
        externalService(2);
        assertThatThrownBy(() -> createTaskSet("web:1", 100.5))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("scale.value must be between 0 and 100.");
        assertThatThrownBy(() -> createTaskSet("web:1", -1))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("scale.value must be between 0 and 100.");
        assertThat(ecs.describeTaskSets(b -> b.cluster("prod").service("web")).taskSets())
                .isEmpty();
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(tasks(DesiredStatus.RUNNING)).isEmpty();
    }

    /** docs/scheduler.md#task-sets: at most 5 task sets a service, with ECS's text for the sixth. */
    @Test
    void aSixthTaskSetIsRefused() {
        externalService(0);
        for (int i = 0; i < 5; i++) {
            createTaskSet("web:1", 0);
        }
        assertThatThrownBy(() -> createTaskSet("web:2", 0))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "5 deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum "
                                + "limit.");
        assertThat(ecs.describeTaskSets(b -> b.cluster("prod").service("web")).taskSets())
                .hasSize(5);
    }

    /** docs/scheduler.md#task-sets: the same clientToken answers the task set it created, not a second one. */
    @Test
    void clientTokenMakesCreateTaskSetIdempotent() {
        externalService(1);
        TaskSet first = ecs.createTaskSet(b ->
                        b.cluster("prod").service("web").taskDefinition("web:1").clientToken("deploy-42"))
                .taskSet();
        TaskSet again = ecs.createTaskSet(b ->
                        b.cluster("prod").service("web").taskDefinition("web:1").clientToken("deploy-42"))
                .taskSet();
        assertThat(again.id()).isEqualTo(first.id());
        // Without a scale, 100 %.
        assertThat(first.scale().value()).isEqualTo(100.0);
        TaskSet other = ecs.createTaskSet(b ->
                        b.cluster("prod").service("web").taskDefinition("web:1").clientToken("deploy-43"))
                .taskSet();
        assertThat(other.id()).isNotEqualTo(first.id());
        assertThat(ecs.describeTaskSets(b -> b.cluster("prod").service("web")).taskSets())
                .hasSize(2);
    }

    // ------------------------------------------------------------------ UpdateTaskSet

    /** docs/scheduler.md#task-sets: UpdateTaskSet rescales; the tasks follow the new computed desired count. */
    @Test
    void updateTaskSetScalesUpAndDown() {
        externalService(4);
        String id = createTaskSet("web:1", 25).id();
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(tasks(DesiredStatus.RUNNING)).hasSize(1);
        TaskSet up = ecs.updateTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskSet(id)
                        .scale(Scale.builder()
                                .value(100.0)
                                .unit(ScaleUnit.PERCENT)
                                .build()))
                .taskSet();
        assertThat(up.computedDesiredCount()).isEqualTo(4);
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(describeTaskSet(id).runningCount()).isEqualTo(4);
        ecs.updateTaskSet(b -> b.cluster("prod")
                .service("web")
                .taskSet(id)
                .scale(Scale.builder().value(0.0).unit(ScaleUnit.PERCENT).build()));
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(tasks(DesiredStatus.RUNNING)).isEmpty();
        assertThat(tasks(DesiredStatus.STOPPED))
                .hasSize(4)
                .allSatisfy(t -> assertThat(t.stoppedReason())
                        .isEqualTo("Scaling activity initiated by (deployment " + id + ")"));
        TaskSet zero = describeTaskSet(id);
        assertThat(zero.computedDesiredCount()).isZero();
        assertThat(zero.stabilityStatus().value()).isEqualTo("STEADY_STATE");
    }

    /** docs/scheduler.md#task-sets: a bad scale or an unknown task set changes nothing. */
    @Test
    void updateTaskSetRefusesBadScaleAndUnknownTaskSet() {
        externalService(2);
        String id = createTaskSet("web:1", 50).id();
        assertThatThrownBy(() -> ecs.updateTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskSet(id)
                        .scale(Scale.builder()
                                .value(101.0)
                                .unit(ScaleUnit.PERCENT)
                                .build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("scale.value must be between 0 and 100.");
        assertThatThrownBy(() -> ecs.updateTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskSet("ecs-svc/1")
                        .scale(Scale.builder()
                                .value(10.0)
                                .unit(ScaleUnit.PERCENT)
                                .build())))
                .isInstanceOf(TaskSetNotFoundException.class)
                .hasMessage("The specified task set does not exist.");
        assertThatThrownBy(() ->
                        ecs.updateTaskSet(b -> b.cluster("prod").service("web").taskSet(id)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("scale can not be null.");
        assertThat(describeTaskSet(id).scale().value()).isEqualTo(50.0);
    }

    // ------------------------------------------------------------------ UpdateServicePrimaryTaskSet

    /** docs/scheduler.md#task-sets: the new primary serves production; the former one stays ACTIVE. */
    @Test
    void updateServicePrimaryTaskSetSwapsThePrimary() {
        externalService(2);
        String blue = createTaskSet("web:1", 100).id();
        TaskSet bluePrimary = ecs.updateServicePrimaryTaskSet(
                        b -> b.cluster("prod").service("web").primaryTaskSet(blue))
                .taskSet();
        assertThat(bluePrimary.status()).isEqualTo("PRIMARY");
        assertThat(describe().taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        String green = createTaskSet("web:2", 100).id();
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(tasks(DesiredStatus.RUNNING)).hasSize(4);
        ecs.updateServicePrimaryTaskSet(
                b -> b.cluster("prod").service("web").primaryTaskSet(ARN + "task-set/prod/web/" + green));
        Service s = describe();
        assertThat(s.taskSets())
                .extracting(TaskSet::id, TaskSet::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(blue, "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple(green, "PRIMARY"));
        assertThat(s.taskDefinition()).isEqualTo(ARN + "task-definition/web:2");
        assertThat(s.runningCount()).isEqualTo(4);
        assertThatThrownBy(() -> ecs.updateServicePrimaryTaskSet(
                        b -> b.cluster("prod").service("web").primaryTaskSet("ecs-svc/123")))
                .isInstanceOf(TaskSetNotFoundException.class)
                .hasMessage("The specified task set does not exist.");
        assertThat(describeTaskSet(green).status()).isEqualTo("PRIMARY");
    }

    // ------------------------------------------------------------------ DeleteTaskSet

    /**
     * docs/scheduler.md#task-sets: a task set still scaled above 0 is deleted only with force; it is
     * DRAINING while its tasks stop, then gone (DescribeTaskSets answers MISSING).
     */
    @Test
    void deleteTaskSetNeedsForceAboveZeroThenDrains() {
        externalService(2);
        String id = createTaskSet("web:1", 100).id();
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThatThrownBy(() ->
                        ecs.deleteTaskSet(b -> b.cluster("prod").service("web").taskSet(id)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The task set " + id
                        + " cannot be deleted while it is scaled above 0. Scale it to 0 or use force.");
        assertThat(describeTaskSet(id).status()).isEqualTo("ACTIVE");
        TaskSet deleted = ecs.deleteTaskSet(
                        b -> b.cluster("prod").service("web").taskSet(id).force(true))
                .taskSet();
        assertThat(deleted.status()).isEqualTo("DRAINING");
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(tasks(DesiredStatus.RUNNING)).isEmpty();
        DescribeTaskSetsResponse gone =
                ecs.describeTaskSets(b -> b.cluster("prod").service("web").taskSets(List.of(id)));
        assertThat(gone.taskSets()).isEmpty();
        assertThat(gone.failures())
                .containsExactly(Failure.builder().arn(id).reason("MISSING").build());
    }

    /** docs/scheduler.md#task-sets: a task set scaled to 0 is deleted without force. */
    @Test
    void deleteTaskSetAtZeroNeedsNoForce() {
        externalService(2);
        String id = createTaskSet("web:1", 0).id();
        assertThat(ecs.deleteTaskSet(b -> b.cluster("prod").service("web").taskSet(id))
                        .taskSet()
                        .status())
                .isEqualTo("DRAINING");
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(ecs.describeTaskSets(b -> b.cluster("prod").service("web")).taskSets())
                .isEmpty();
    }

    // ------------------------------------------------------------------ DescribeTaskSets

    /** docs/scheduler.md#task-sets: tags only with include TAGS; task sets are taggable by ARN. */
    @Test
    void describeTaskSetsShowsTagsOnlyWhenAsked() {
        externalService(1);
        TaskSet ts = ecs.createTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskDefinition("web:1")
                        .externalId("build-7")
                        .tags(List.of(Tag.builder().key("team").value("web").build())))
                .taskSet();
        assertThat(ts.externalId()).isEqualTo("build-7");
        assertThat(describeTaskSet(ts.id()).tags()).isNull();
        ecs.tagResource(b -> b.resourceArn(ts.taskSetArn())
                .tags(List.of(Tag.builder().key("stage").value("green").build())));
        TaskSet withTags = ecs.describeTaskSets(b -> b.cluster("prod")
                        .service("web")
                        .taskSets(List.of(ts.taskSetArn()))
                        .include(List.of(TaskSetField.TAGS)))
                .taskSets()
                .get(0);
        assertThat(withTags.tags())
                .containsExactly(
                        Tag.builder().key("team").value("web").build(),
                        Tag.builder().key("stage").value("green").build());
        assertThat(ecs.listTagsForResource(b -> b.resourceArn(ts.taskSetArn())).tags())
                .hasSize(2);
    }

    // ------------------------------------------------------------------ load balancers

    /**
     * docs/scheduler.md#task-sets: a task set's tasks are registered in its target group and it is
     * steady only once they are healthy there; deleting it drains their connections first.
     */
    @Test
    void taskSetTasksAreRegisteredInItsTargetGroup() {
        externalService(2);
        String id = ecs.createTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskDefinition("web:1")
                        .loadBalancers(List.of(LoadBalancer.builder()
                                .targetGroupArn(TG)
                                .containerName("web")
                                .containerPort(80)
                                .build())))
                .taskSet()
                .id();
        ecs.clock().advance(Duration.ofSeconds(60));
        assertThat(ecs.targetGroup(TG).targets())
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.health()).isEqualTo("initial"));
        // Past 40 s but not yet healthy in the target group (5 probes x 30 s).
        assertThat(describeTaskSet(id).stabilityStatus().value()).isEqualTo("STABILIZING");
        ecs.clock().advance(Duration.ofSeconds(120));
        assertThat(ecs.targetGroup(TG).targets())
                .allSatisfy(t -> assertThat(t.health()).isEqualTo("healthy"));
        assertThat(describeTaskSet(id).stabilityStatus().value()).isEqualTo("STEADY_STATE");
        ecs.deleteTaskSet(b -> b.cluster("prod").service("web").taskSet(id).force(true));
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(messages(describe()))
                .contains("(service web, taskSet " + id + ") has begun draining connections on 2 " + "tasks.");
        assertThat(ecs.targetGroup(TG).targets())
                .allSatisfy(t -> assertThat(t.health()).isEqualTo("draining"));
    }

    /** docs/scheduler.md#task-sets: a task set takes one load balancer at most. */
    @Test
    void taskSetTakesOneLoadBalancerAtMost() {
        externalService(1);
        LoadBalancer lb = LoadBalancer.builder()
                .targetGroupArn(TG)
                .containerName("web")
                .containerPort(80)
                .build();
        assertThatThrownBy(() -> ecs.createTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskDefinition("web:1")
                        .loadBalancers(List.of(
                                lb,
                                lb.toBuilder()
                                        .targetGroupArn(TG.replace("blue", "green"))
                                        .build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("loadBalancers: a task set can have at most 1 load balancer.");
        assertThatThrownBy(() -> ecs.createTaskSet(b -> b.cluster("prod")
                        .service("web")
                        .taskDefinition("web:1")
                        .loadBalancers(
                                List.of(lb.toBuilder().containerPort(8080).build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The container web did not have a container port 8080 defined.");
        assertThat(ecs.describeTaskSets(b -> b.cluster("prod").service("web")).taskSets())
                .isEmpty();
    }

    // ------------------------------------------------------------------ UpdateService, DeleteService

    /** docs/scheduler.md#task-sets: UpdateService changes the desired count the task sets scale from, not what they run. */
    @Test
    void updateServiceOfAnExternalServiceRescalesTaskSetsOnly() {
        externalService(2);
        String id = createTaskSet("web:1", 50).id();
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(6));
        assertThat(describeTaskSet(id).computedDesiredCount()).isEqualTo(3);
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(tasks(DesiredStatus.RUNNING)).hasSize(3);
        assertThatThrownBy(() ->
                        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("web:2")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Unable to update task definition on services with a EXTERNAL deployment controller.");
        assertThat(describe().desiredCount()).isEqualTo(6);
    }

    /** docs/scheduler.md#task-sets: DeleteService stops every task set's tasks. */
    @Test
    void deleteServiceStopsTheTaskSetsTasks() {
        externalService(2);
        createTaskSet("web:1", 100);
        ecs.clock().advance(Duration.ofSeconds(5));
        ecs.deleteService(b -> b.cluster("prod").service("web").force(true));
        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(tasks(DesiredStatus.RUNNING)).isEmpty();
        assertThat(describe().status()).isEqualTo("INACTIVE");
    }

    /** docs/scheduler.md#task-sets: task-set operations need an ACTIVE service. */
    @Test
    void taskSetOperationsNeedAnActiveService() {
        externalService(0);
        String id = createTaskSet("web:1", 0).id();
        ecs.deleteService(b -> b.cluster("prod").service("web"));
        assertThatThrownBy(() -> ecs.describeTaskSets(b -> b.cluster("prod").service("web")))
                .isInstanceOf(io.github.berth.core.error.ServiceNotActiveException.class)
                .hasMessage("Service was not ACTIVE.");
        assertThatThrownBy(() -> ecs.updateServicePrimaryTaskSet(
                        b -> b.cluster("prod").service("web").primaryTaskSet(id)))
                .isInstanceOf(io.github.berth.core.error.ServiceNotActiveException.class)
                .hasMessage("Service was not ACTIVE.");
    }

    /**
     * docs/scheduler.md#task-sets: Application Auto Scaling sets the service's desired count, and
     * each task set follows at its scale.
     */
    @Test
    void autoScalingRescalesTheTaskSets() {
        externalService(2);
        String id = createTaskSet("web:1", 50).id();
        ecs.autoScaling()
                .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId("service/prod/web")
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(1)
                        .maxCapacity(10));
        ecs.autoScaling()
                .putScheduledAction(b -> b.scheduledActionName("peak")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId("service/prod/web")
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .schedule("at(2026-01-01T00:05:00)")
                        .scalableTargetAction(ScalableTargetAction.builder()
                                .minCapacity(6)
                                .maxCapacity(8)
                                .build()));
        ecs.clock().advance(Duration.ofMinutes(4));
        assertThat(describeTaskSet(id).runningCount()).isEqualTo(1);
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(describe().desiredCount()).isEqualTo(6);
        TaskSet scaled = describeTaskSet(id);
        assertThat(scaled.computedDesiredCount()).isEqualTo(3);
        assertThat(scaled.runningCount()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ state and the SDK

    /** docs/scheduler.md#task-sets: task sets are records in the snapshot; a restored fake goes on the same way. */
    @Test
    void snapshotKeepsTaskSets() {
        externalService(3);
        String id = createTaskSet("web:1", 100).id();
        ecs.clock().advance(Duration.ofSeconds(2));
        FakeEcs copy = FakeEcs.restore(ecs.snapshot());
        for (FakeEcs f : List.of(ecs, copy)) {
            f.updateTaskSet(b -> b.cluster("prod")
                    .service("web")
                    .taskSet(id)
                    .scale(Scale.builder().value(34.0).unit(ScaleUnit.PERCENT).build()));
            f.clock().advance(Duration.ofMinutes(2));
        }
        assertThat(copy.snapshot()).isEqualTo(ecs.snapshot());
        TaskSet restored = copy.describeTaskSets(b -> b.cluster("prod").service("web"))
                .taskSets()
                .get(0);
        assertThat(restored.id()).isEqualTo(id);
        // ceil(3 x 34 %) = ceil(1.02) = 2
        assertThat(restored.computedDesiredCount()).isEqualTo(2);
        assertThat(restored.runningCount()).isEqualTo(2);
    }

    /** docs/scheduler.md#task-sets: CreateTaskSet through the AWS SDK for Java v2, in process. */
    @Test
    void createTaskSetThroughTheSdk() {
        externalService(2);
        try (software.amazon.awssdk.services.ecs.EcsClient client = ecs.ecsClient()) {
            software.amazon.awssdk.services.ecs.model.TaskSet ts = client.createTaskSet(b -> b.cluster("prod")
                            .service("web")
                            .taskDefinition("web:1")
                            .scale(s -> s.value(50.0).unit("PERCENT")))
                    .taskSet();
            assertThat(ts.computedDesiredCount()).isEqualTo(1);
            assertThat(ts.status()).isEqualTo("ACTIVE");
            assertThat(ts.stabilityStatusAsString()).isEqualTo("STABILIZING");
            assertThat(ts.taskSetArn()).isEqualTo(ARN + "task-set/prod/web/" + ts.id());
            software.amazon.awssdk.services.ecs.model.InvalidParameterException e =
                    org.junit.jupiter.api.Assertions.assertThrows(
                            software.amazon.awssdk.services.ecs.model.InvalidParameterException.class,
                            () -> client.createTaskSet(b -> b.cluster("prod")
                                    .service("web")
                                    .taskDefinition("web:1")
                                    .scale(s -> s.value(200.0).unit("PERCENT"))));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("scale.value must be between 0 and 100.");
        }
    }
}
