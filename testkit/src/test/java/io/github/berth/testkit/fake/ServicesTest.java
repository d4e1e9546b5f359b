package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.DescribeServicesResponse;
import io.github.berth.core.error.ClusterNotFoundException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.ServiceNotActiveException;
import io.github.berth.core.error.ServiceNotFoundException;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.Deployment;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.SchedulingStrategy;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.ServiceEvent;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * REPLICA services (docs/scheduler.md#services): CreateService's checks, the desired count kept,
 * DescribeServices, ListServices, UpdateService's desired count, DeleteService, service events,
 * the throttle and steady state.
 */
class ServicesTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:";

    final FakeEcs ecs = FakeEcs.builder().seed(11).build();

    ServicesTest() {
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("prod", "m5.large", "us-east-1b");
        ecs.registerTaskDefinition(b -> b.family("web")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image("nginx:1.27")
                        .memory(512)
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build())));
    }

    Service create(Consumer<CreateServiceRequest.Builder> more) {
        return ecs.createService(b -> {
                    b.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2);
                    more.accept(b);
                })
                .service();
    }

    Service describe(String name) {
        DescribeServicesResponse r = ecs.describeServices(b -> b.cluster("prod").services(List.of(name)));
        assertThat(r.failures()).isEmpty();
        return r.services().get(0);
    }

    List<Task> tasksOf(String service) {
        List<String> arns =
                ecs.listTasks(b -> b.cluster("prod").serviceName(service)).taskArns();
        if (arns.isEmpty()) {
            return List.of();
        }
        return ecs.describeTasks(b -> b.cluster("prod").tasks(arns)).tasks();
    }

    static List<String> messages(Service s) {
        List<String> out = new ArrayList<>();
        for (ServiceEvent e : s.events()) {
            out.add(e.message());
        }
        return out;
    }

    static String id(Task t) {
        return t.taskArn().substring(t.taskArn().lastIndexOf('/') + 1);
    }

    // ------------------------------------------------------------------ create and describe

    /** docs/scheduler.md#services: a new service starts its tasks, completes its deployment, reaches steady state. */
    @Test
    void aReplicaServiceStartsItsDesiredTasksAndReachesSteadyState() {
        Service created = create(b -> {});
        assertThat(created.serviceArn()).isEqualTo(ARN + "service/prod/web");
        assertThat(created.status()).isEqualTo("ACTIVE");
        assertThat(created.desiredCount()).isEqualTo(2);
        assertThat(created.runningCount()).isZero();
        assertThat(created.launchType()).isEqualTo(LaunchType.EC2);
        assertThat(created.schedulingStrategy()).isEqualTo(SchedulingStrategy.REPLICA);
        assertThat(created.deploymentConfiguration().minimumHealthyPercent()).isEqualTo(100);
        assertThat(created.deploymentConfiguration().maximumPercent()).isEqualTo(200);
        Deployment d = created.deployments().get(0);
        assertThat(d.id()).matches("ecs-svc/[0-9]{19}");
        assertThat(d.status()).isEqualTo("PRIMARY");
        assertThat(d.rolloutState().value()).isEqualTo("IN_PROGRESS");
        assertThat(d.rolloutStateReason()).isEqualTo("ECS deployment " + d.id() + " in progress.");
        assertThat(d.taskDefinition()).isEqualTo(ARN + "task-definition/web:1");
        assertThat(created.events()).isEmpty();

        Service steady = ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(steady.runningCount()).isEqualTo(2);
        List<Task> tasks = tasksOf("web");
        assertThat(tasks).hasSize(2);
        assertThat(tasks).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo("service:web");
            assertThat(t.startedBy()).isEqualTo(d.id());
            assertThat(t.lastStatus()).isEqualTo("RUNNING");
        });
        // The default placement spreads the service over the Availability Zones.
        assertThat(tasks).extracting(Task::availabilityZone).containsExactlyInAnyOrder("us-east-1a", "us-east-1b");

        // The deployment completes once the tasks count as healthy: 40 s after RUNNING without health checks.
        ecs.clock().advance(Duration.ofMinutes(1));
        Service done = describe("web");
        Deployment primary = done.deployments().get(0);
        assertThat(primary.rolloutState().value()).isEqualTo("COMPLETED");
        assertThat(primary.rolloutStateReason()).isEqualTo("ECS deployment " + d.id() + " completed.");
        assertThat(primary.runningCount()).isEqualTo(2);
        assertThat(messages(done))
                .containsExactly(
                        "(service web) has reached a steady state.",
                        "(service web) (deployment " + d.id() + ") deployment completed.",
                        "(service web) has started 2 tasks: (task " + id(tasks.get(0)) + ") (task " + id(tasks.get(1))
                                + ").");
        // Events are timestamped when they happened: tasks started at once, completion 40 s after RUNNING.
        assertThat(done.events().get(2).createdAt()).isEqualTo(T0);
        assertThat(done.events().get(1).createdAt()).isEqualTo(T0.plusSeconds(43));
    }

    /** docs/scheduler.md#deployments: the deployment's EventBridge events. */
    @Test
    void deploymentStateChangeEventsAreEmitted() {
        create(b -> {});
        ecs.clock().advance(Duration.ofMinutes(1));
        String id = describe("web").deployments().get(0).id();
        List<EcsEvent> events = ecs.events().ofType("ECS Deployment State Change");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).detail("eventName")).isEqualTo("SERVICE_DEPLOYMENT_IN_PROGRESS");
        assertThat(events.get(0).detail("eventType")).isEqualTo("INFO");
        assertThat(events.get(0).detail("deploymentId")).isEqualTo(id);
        assertThat(events.get(0).detail("reason")).isEqualTo("ECS deployment " + id + " in progress.");
        assertThat(events.get(0).resources()).containsExactly(ARN + "service/prod/web");
        assertThat(events.get(1).detail("eventName")).isEqualTo("SERVICE_DEPLOYMENT_COMPLETED");
        assertThat(events.get(1).detail("reason")).isEqualTo("ECS deployment " + id + " completed.");
        List<EcsEvent> actions = ecs.events().ofType("ECS Service Action");
        assertThat(actions).extracting(e -> e.detail("eventName")).containsExactly("SERVICE_STEADY_STATE");
        assertThat(actions.get(0).detail("clusterArn")).isEqualTo(ARN + "cluster/prod");
    }

    /** docs/scheduler.md#services: DescribeServices reports unknown services as MISSING failures. */
    @Test
    void describeServicesReportsUnknownServicesAsMissing() {
        create(b -> {});
        DescribeServicesResponse r =
                ecs.describeServices(b -> b.cluster("prod").services(List.of("web", "api", ARN + "service/prod/db")));
        assertThat(r.services()).extracting(Service::serviceName).containsExactly("web");
        assertThat(r.failures()).hasSize(2);
        assertThat(r.failures().get(0).arn()).isEqualTo(ARN + "service/prod/api");
        assertThat(r.failures().get(0).reason()).isEqualTo("MISSING");
        assertThat(r.failures().get(1).arn()).isEqualTo(ARN + "service/prod/db");
        assertThatThrownBy(() -> ecs.describeServices(b -> b.cluster("prod").services(List.of())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("services must contain between 1 and 10 items.");
        assertThatThrownBy(() -> ecs.describeServices(b -> b.cluster("nope").services(List.of("web"))))
                .isInstanceOf(ClusterNotFoundException.class)
                .hasMessage("Cluster not found.");
    }

    /** docs/scheduler.md#services: ListServices lists ACTIVE services, filtered and paged. */
    @Test
    void listServicesListsActiveServicesInPages() {
        create(b -> b.serviceName("a"));
        create(b -> b.serviceName("b").desiredCount(0));
        create(b -> b.serviceName("c").desiredCount(0).launchType(LaunchType.EXTERNAL));
        var page1 = ecs.listServices(b -> b.cluster("prod").maxResults(2));
        assertThat(page1.serviceArns()).containsExactly(ARN + "service/prod/a", ARN + "service/prod/b");
        var page2 = ecs.listServices(b -> b.cluster("prod").maxResults(2).nextToken(page1.nextToken()));
        assertThat(page2.serviceArns()).containsExactly(ARN + "service/prod/c");
        assertThat(page2.nextToken()).isNull();
        assertThat(ecs.listServices(b -> b.cluster("prod").launchType(LaunchType.EXTERNAL))
                        .serviceArns())
                .containsExactly(ARN + "service/prod/c");
        ecs.deleteService(b -> b.cluster("prod").service("b"));
        assertThat(ecs.listServices(b -> b.cluster("prod")).serviceArns())
                .containsExactly(ARN + "service/prod/a", ARN + "service/prod/c");
    }

    // ------------------------------------------------------------------ CreateService's checks

    /** docs/scheduler.md#services: a name in use, or still draining, cannot be created again. */
    @Test
    void aServiceNameInUseIsRefused() {
        create(b -> b.desiredCount(0).clientToken("token-1"));
        assertThatThrownBy(() -> create(b -> {}))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Creation of service was not idempotent.");
        // The same client token answers the service as it is.
        assertThat(create(b -> b.desiredCount(0).clientToken("token-1")).serviceArn())
                .isEqualTo(ARN + "service/prod/web");
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(1));
        ecs.clock().advance(Duration.ofSeconds(5));
        ecs.deleteService(b -> b.cluster("prod").service("web").force(true));
        assertThatThrownBy(() -> create(b -> {}))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Unable to Start a service that is still Draining.");
        ecs.clock().advance(Duration.ofSeconds(5));
        // INACTIVE: the name is free again.
        assertThat(describe("web").status()).isEqualTo("INACTIVE");
        assertThat(create(b -> {}).status()).isEqualTo("ACTIVE");
    }

    /** docs/scheduler.md#services: names, counts and the launch type checked as ECS does. */
    @Test
    void createServiceChecksItsRequest() {
        assertThatThrownBy(() -> create(b -> b.serviceName("web app")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Service name must be between 1 and 255 characters and can contain letters (uppercase and "
                        + "lowercase), numbers, underscores, and hyphens.");
        assertThatThrownBy(() -> create(b -> b.desiredCount(null)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("desiredCount can not be null.");
        assertThatThrownBy(() -> create(b -> b.desiredCount(-1)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("desiredCount must be greater than or equal to 0.");
        assertThatThrownBy(() -> create(b -> b.taskDefinition("nope")))
                .isInstanceOf(io.github.berth.core.error.ClientException.class)
                .hasMessage("TaskDefinition not found.");
        assertThatThrownBy(() -> create(b -> b.launchType(LaunchType.EC2)
                        .capacityProviderStrategy(
                                List.of(io.github.berth.core.model.CapacityProviderStrategyItem.builder()
                                        .capacityProvider("FARGATE")
                                        .weight(1)
                                        .build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Specifying both a launch type and capacity provider strategy is not supported. Remove one and "
                                + "try again.");
        assertThatThrownBy(() -> create(b -> b.healthCheckGracePeriodSeconds(-5)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
        assertThatThrownBy(() -> create(b -> b.deploymentConfiguration(DeploymentConfiguration.builder()
                        .minimumHealthyPercent(101)
                        .build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("deploymentConfiguration.minimumHealthyPercent must be between 0 and 100.");
        assertThatThrownBy(() -> create(b -> b.cluster("nope"))).isInstanceOf(ClusterNotFoundException.class);
        // A refused call changes nothing.
        assertThat(ecs.listServices(b -> b.cluster("prod")).serviceArns()).isEmpty();
        assertThat(create(b -> {}).status()).isEqualTo("ACTIVE");
    }

    /** docs/scheduler.md#services: awsvpc needs a network configuration; other modes refuse one. */
    @Test
    void awsvpcServicesNeedANetworkConfiguration() {
        ecs.registerTaskDefinition(b -> b.family("api")
                .networkMode(NetworkMode.AWSVPC)
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("api")
                        .image("api:1")
                        .memory(256)
                        .build())));
        assertThatThrownBy(() -> create(b -> b.serviceName("api").taskDefinition("api")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        NetworkConfiguration nc = NetworkConfiguration.builder()
                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                        .subnets(List.of("subnet-0a"))
                        .build())
                .build();
        assertThatThrownBy(() -> create(b -> b.networkConfiguration(nc)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Network Configuration is not valid for the given networkMode of this task definition.");
        assertThat(create(b -> b.serviceName("api").taskDefinition("api").networkConfiguration(nc))
                        .networkConfiguration())
                .isEqualTo(nc);
    }

    /** docs/scheduler.md#load-balancers: the load balancer's container and port must be the task definition's. */
    @Test
    void loadBalancersNameAContainerPortOfTheTaskDefinition() {
        String tg = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
        assertThatThrownBy(() -> create(b -> b.loadBalancers(List.of(LoadBalancer.builder()
                        .targetGroupArn(tg)
                        .containerName("app")
                        .containerPort(80)
                        .build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The container app does not exist in the task definition.");
        assertThatThrownBy(() -> create(b -> b.loadBalancers(List.of(LoadBalancer.builder()
                        .targetGroupArn(tg)
                        .containerName("web")
                        .containerPort(8080)
                        .build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The container web did not have a container port 8080 defined.");
        Service s = create(b -> b.loadBalancers(List.of(LoadBalancer.builder()
                .targetGroupArn(tg)
                .containerName("web")
                .containerPort(80)
                .build())));
        assertThat(s.loadBalancers()).hasSize(1);
    }

    /** docs/scheduler.md#daemon-services: DAEMON services take no placement strategy and need no desired count. */
    @Test
    void daemonServicesTakeNoPlacementStrategy() {
        assertThatThrownBy(() -> create(b -> b.schedulingStrategy(SchedulingStrategy.DAEMON)
                        .desiredCount(null)
                        .placementStrategy(List.of(PlacementStrategy.builder()
                                .type(PlacementStrategyType.RANDOM)
                                .build()))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Placement strategies are not supported with the DAEMON scheduling strategy.");
        assertThatThrownBy(() -> create(b -> b.schedulingStrategy(SchedulingStrategy.DAEMON)
                        .desiredCount(null)
                        .deploymentConfiguration(DeploymentConfiguration.builder()
                                .maximumPercent(200)
                                .build())))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The maximumPercent value must be 100 for services using the DAEMON scheduling strategy.");
        Service s = create(b -> b.schedulingStrategy(SchedulingStrategy.DAEMON).desiredCount(null));
        assertThat(s.deploymentConfiguration().minimumHealthyPercent()).isZero();
        assertThat(s.deploymentConfiguration().maximumPercent()).isEqualTo(100);
    }

    // ------------------------------------------------------------------ desired count kept

    /** docs/scheduler.md#services: a task that stops is replaced. */
    @Test
    void aStoppedTaskIsReplaced() {
        create(b -> {});
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        Task victim = tasksOf("web").get(0);
        ecs.stopTask(b -> b.cluster("prod").task(victim.taskArn()));
        ecs.clock().advance(Duration.ofSeconds(10));
        List<Task> now = tasksOf("web");
        assertThat(now).hasSize(2);
        assertThat(now).extracting(Task::taskArn).doesNotContain(victim.taskArn());
        Task replacement =
                now.stream().filter(t -> !t.createdAt().equals(T0)).findFirst().orElseThrow();
        // The replacement starts at once and runs within seconds: the service is steady again.
        assertThat(messages(describe("web")).subList(0, 2))
                .containsExactly(
                        "(service web) has reached a steady state.",
                        "(service web) has started 1 tasks: (task " + id(replacement) + ").");
    }

    /** docs/scheduler.md#services: UpdateService's desired count starts and stops tasks, no new deployment. */
    @Test
    void desiredCountScalesOutAndIn() {
        create(b -> {});
        ecs.clock().advance(Duration.ofMinutes(1));
        String deployment = describe("web").deployments().get(0).id();
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(4));
        Service out = ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        assertThat(out.runningCount()).isEqualTo(4);
        assertThat(out.deployments()).extracting(Deployment::id).containsExactly(deployment);

        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(1));
        ecs.clock().advance(Duration.ofSeconds(30));
        Service in = describe("web");
        assertThat(in.runningCount()).isEqualTo(1);
        String stoppedMessage = messages(in).stream()
                .filter(m -> m.contains("has stopped"))
                .findFirst()
                .orElseThrow();
        assertThat(stoppedMessage).startsWith("(service web) has stopped 3 running tasks: (task ");
        List<Task> stopped = ecs.describeTasks(b -> b.cluster("prod")
                        .tasks(ecs.listTasks(l -> l.cluster("prod")
                                        .desiredStatus(io.github.berth.core.model.DesiredStatus.STOPPED))
                                .taskArns()))
                .tasks();
        assertThat(stopped).hasSize(3).allSatisfy(t -> {
            assertThat(t.stopCode().value()).isEqualTo("ServiceSchedulerInitiated");
            assertThat(t.stoppedReason()).isEqualTo("Scaling activity initiated by (deployment " + deployment + ")");
        });
        // Scale-in keeps the survivors spread: one per zone at most.
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(2));
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(0));
        ecs.clock().advance(Duration.ofSeconds(30));
        assertThat(describe("web").runningCount()).isZero();
    }

    /** docs/scheduler.md#task-protection: scale-in leaves protected tasks alone and says so. */
    @Test
    void scaleInSkipsProtectedTasks() {
        create(b -> {});
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        List<Task> tasks = tasksOf("web");
        ecs.updateTaskProtection(b -> b.cluster("prod")
                .tasks(List.of(tasks.get(0).taskArn(), tasks.get(1).taskArn()))
                .protectionEnabled(true)
                .expiresInMinutes(10));
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(1));
        ecs.clock().advance(Duration.ofSeconds(30));
        Service s = describe("web");
        assertThat(s.runningCount()).isEqualTo(2);
        assertThat(messages(s).get(0))
                .isEqualTo("(service web) was unable to reach steady state because task set ("
                        + s.deployments().get(0).id()
                        + ") was unable to scale in. Reason: The number of protected tasks are more "
                        + "than the desired count of tasks.");
        // When the protection expires, the scheduler scales in.
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(15));
        assertThat(describe("web").runningCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ throttle

    /** docs/scheduler.md#throttle: tasks that never run are retried with a growing delay, and ECS says so. */
    @Test
    void tasksThatNeverRunAreThrottled() {
        ecs.behaviours().image("broken:*").pullFailure();
        ecs.registerTaskDefinition(b -> b.family("broken")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("app")
                        .image("broken:1")
                        .memory(256)
                        .build())));
        create(b -> b.serviceName("broken").taskDefinition("broken").desiredCount(1));
        // Each attempt fails two seconds after launch; the third failure starts the throttle.
        ecs.clock().advance(Duration.ofSeconds(7));
        Service s = describe("broken");
        assertThat(messages(s).get(0))
                .isEqualTo("(service broken) is unable to consistently start tasks successfully.");
        Instant impairedAt = s.events().get(0).createdAt();
        assertThat(impairedAt).isEqualTo(T0.plusSeconds(6));
        assertThat(ecs.events().ofType("ECS Service Action"))
                .extracting(e -> e.detail("eventName"))
                .containsExactly("SERVICE_TASK_START_IMPAIRED");
        // No launch during the 10 s back-off; the next one at its end.
        long started = countStarted();
        ecs.clock().advanceTo(impairedAt.plusSeconds(9));
        assertThat(countStarted()).isEqualTo(started);
        ecs.clock().advanceTo(impairedAt.plusSeconds(10));
        assertThat(countStarted()).isEqualTo(started + 1);
        // An update lifts the throttle at once.
        ecs.clock().advance(Duration.ofSeconds(3));
        ecs.updateService(b -> b.cluster("prod").service("broken").taskDefinition("web"));
        ecs.awaitSteadyState("prod", "broken", Duration.ofMinutes(2));
    }

    private long countStarted() {
        return ecs.events().ofType("ECS Task State Change").stream()
                .filter(e -> "PENDING".equals(e.detail("lastStatus"))
                        && e.detail().path("pullStartedAt").isMissingNode())
                .map(e -> e.detail("taskArn"))
                .distinct()
                .count();
    }

    /** docs/scheduler.md#throttle: tasks that ran and then stopped are replaced without a back-off. */
    @Test
    void tasksThatRanAreNotThrottled() {
        ecs.behaviours().image("crash:*").exitAfter(Duration.ofSeconds(5), 1);
        ecs.registerTaskDefinition(b -> b.family("crash")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("app")
                        .image("crash:1")
                        .memory(256)
                        .build())));
        create(b -> b.serviceName("crash").taskDefinition("crash").desiredCount(1));
        ecs.clock().advance(Duration.ofMinutes(2));
        assertThat(messages(describe("crash"))).noneMatch(m -> m.contains("unable to consistently start"));
        // A task every 8 s (3 s to run, 5 s running), none throttled.
        assertThat(countStarted()).isGreaterThanOrEqualTo(14);
    }

    // ------------------------------------------------------------------ UpdateService, DeleteService

    /** docs/scheduler.md#services: update and delete name services that exist and are ACTIVE. */
    @Test
    void updateAndDeleteNeedAnActiveService() {
        assertThatThrownBy(() ->
                        ecs.updateService(b -> b.cluster("prod").service("nope").desiredCount(1)))
                .isInstanceOf(ServiceNotFoundException.class)
                .hasMessage("Service not found.");
        assertThatThrownBy(() -> ecs.deleteService(b -> b.cluster("prod").service("nope")))
                .isInstanceOf(ServiceNotFoundException.class)
                .hasMessage("Service not found.");
        create(b -> {});
        assertThatThrownBy(() -> ecs.deleteService(b -> b.cluster("prod").service("web")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("The service cannot be stopped while it is scaled above 0.");
        assertThat(describe("web").status()).isEqualTo("ACTIVE");
        ecs.deleteService(b -> b.cluster("prod").service("web").force(true));
        assertThatThrownBy(() ->
                        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(1)))
                .isInstanceOf(ServiceNotActiveException.class)
                .hasMessage("Service was not ACTIVE.");
    }

    /** docs/scheduler.md#deleting-a-service: ACTIVE -> DRAINING -> INACTIVE as the tasks stop. */
    @Test
    void aDeletedServiceDrainsThenGoesInactive() {
        create(b -> {});
        ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(5));
        Service deleted = ecs.deleteService(
                        b -> b.cluster("prod").service("web").force(true))
                .service();
        assertThat(deleted.status()).isEqualTo("DRAINING");
        assertThat(deleted.desiredCount()).isZero();
        ecs.clock().advance(Duration.ofSeconds(1));
        assertThat(describe("web").status()).isEqualTo("INACTIVE");
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(tasksOf("web")).isEmpty();
        assertThatThrownBy(() -> ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Service web is INACTIVE");
        assertThat(ecs.describeClusters(b -> b.clusters(List.of("prod")))
                        .clusters()
                        .get(0)
                        .activeServicesCount())
                .isZero();
    }

    // ------------------------------------------------------------------ events

    /** docs/scheduler.md#service-events: the same message is not repeated within 6 hours; 100 are kept. */
    @Test
    void serviceEventsAreDeduplicatedAndCapped() {
        create(b -> b.desiredCount(0));
        ServiceRec s;
        ServiceScheduler scheduler = (ServiceScheduler) engineOf(ecs).scalableServices;
        synchronized (engineOf(ecs)) {
            s = engineOf(ecs).clusters.get("prod").services.get("web");
            scheduler.event(s, "one");
            scheduler.event(s, "one");
        }
        assertThat(messages(describe("web"))).containsExactly("one");
        ecs.clock().advance(Duration.ofHours(6));
        synchronized (engineOf(ecs)) {
            scheduler.event(s, "one");
            for (int i = 0; i < 120; i++) {
                scheduler.event(s, "message " + i);
            }
        }
        List<String> kept = messages(describe("web"));
        assertThat(kept).hasSize(100);
        assertThat(kept.get(0)).isEqualTo("message 119");
        assertThat(kept.get(99)).isEqualTo("message 20");
    }

    /** docs/scheduler.md#service-events: a task that cannot be placed is reported with the closest instance. */
    @Test
    void unplaceableTasksAreReported() {
        ecs.registerTaskDefinition(b -> b.family("big")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("big")
                        .image("big:1")
                        .memory(7000)
                        .build())));
        create(b -> b.serviceName("big").taskDefinition("big").desiredCount(3));
        ecs.clock().advance(Duration.ofSeconds(1));
        Service s = describe("big");
        assertThat(s.pendingCount() + s.runningCount()).isEqualTo(2);
        String message = messages(s).stream()
                .filter(m -> m.contains("unable to place"))
                .findFirst()
                .orElseThrow();
        assertThat(message)
                .matches("\\(service big\\) was unable to place a task because no container instance met all "
                        + "of its requirements\\. The closest matching container-instance [0-9a-f]{32} has insufficient memory "
                        + "available\\.");
        EcsEvent failure = ecs.events().ofType("ECS Service Action").get(0);
        assertThat(failure.detail("eventName")).isEqualTo("SERVICE_TASK_PLACEMENT_FAILURE");
        assertThat(failure.detail("reason")).isEqualTo("RESOURCE:MEMORY");
        // A new instance makes room: the third task is placed.
        ecs.launchInstance("prod", "m5.large", "us-east-1c");
        assertThat(ecs.awaitSteadyState("prod", "big", Duration.ofMinutes(2)).runningCount())
                .isEqualTo(3);
    }

    // ------------------------------------------------------------------ draining and deregistered instances

    String instanceIn(String az) {
        var all = ecs.describeContainerInstances(b -> b.cluster("prod")
                        .containerInstances(ecs.listContainerInstances(l -> l.cluster("prod"))
                                .containerInstanceArns()))
                .containerInstances();
        return all.stream()
                .filter(ci -> ci.attributes().stream()
                        .anyMatch(a -> "ecs.availability-zone".equals(a.name()) && az.equals(a.value())))
                .findFirst()
                .orElseThrow()
                .containerInstanceArn();
    }

    /** docs/scheduler.md#container-instance-draining: service tasks leave a DRAINING instance within the limits; standalone tasks stay. */
    @Test
    void drainingMovesServiceTasksAndLeavesStandaloneTasks() {
        create(b -> {});
        String a = instanceIn("us-east-1a");
        Task standalone = ecs.startTask(
                        b -> b.cluster("prod").taskDefinition("web").containerInstances(List.of(a)))
                .tasks()
                .get(0);
        ecs.clock().advance(Duration.ofMinutes(1));
        ecs.updateContainerInstancesState(b -> b.cluster("prod")
                .containerInstances(List.of(a))
                .status(io.github.berth.core.model.ContainerInstanceStatus.DRAINING));
        ecs.clock().advance(Duration.ofSeconds(5));
        // 100 %/200 %: the replacement starts first, elsewhere; the draining task waits until it is healthy.
        List<Task> tasks = tasksOf("web");
        assertThat(tasks).hasSize(3);
        assertThat(tasks).filteredOn(t -> a.equals(t.containerInstanceArn())).hasSize(1);
        ecs.clock().advance(Duration.ofSeconds(45));
        assertThat(tasksOf("web")).hasSize(2).noneMatch(t -> a.equals(t.containerInstanceArn()));
        Task still = ecs.describeTasks(b -> b.cluster("prod").tasks(List.of(standalone.taskArn())))
                .tasks()
                .get(0);
        assertThat(still.lastStatus()).isEqualTo("RUNNING");
        assertThat(ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(1)).runningCount())
                .isEqualTo(2);
    }

    /** docs/scheduler.md#container-instance-draining: with minimumHealthyPercent 0 the draining task stops before its replacement starts. */
    @Test
    void drainingWithMinimumZeroStopsFirst() {
        create(b -> b.desiredCount(1)
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .minimumHealthyPercent(0)
                        .maximumPercent(100)
                        .build()));
        ecs.clock().advance(Duration.ofMinutes(1));
        String where = tasksOf("web").get(0).containerInstanceArn();
        ecs.updateContainerInstancesState(b -> b.cluster("prod")
                .containerInstances(List.of(where))
                .status(io.github.berth.core.model.ContainerInstanceStatus.DRAINING));
        ecs.clock().advance(Duration.ofMillis(1));
        assertThat(tasksOf("web")).isEmpty();
        ecs.clock().advance(Duration.ofSeconds(2));
        assertThat(tasksOf("web")).hasSize(1).noneMatch(t -> where.equals(t.containerInstanceArn()));
    }

    /** docs/scheduler.md#container-instance-draining: after a forced deregistration the service starts copies elsewhere. */
    @Test
    void forcedDeregistrationStartsCopiesElsewhere() {
        create(b -> {});
        ecs.clock().advance(Duration.ofMinutes(1));
        String a = instanceIn("us-east-1a");
        Task orphan = tasksOf("web").stream()
                .filter(t -> a.equals(t.containerInstanceArn()))
                .findFirst()
                .orElseThrow();
        ecs.deregisterContainerInstance(
                b -> b.cluster("prod").containerInstance(a).force(true));
        Service s = ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(1));
        assertThat(s.runningCount()).isEqualTo(2);
        assertThat(tasksOf("web"))
                .filteredOn(t -> !t.taskArn().equals(orphan.taskArn()))
                .hasSize(2)
                .allMatch(t -> instanceIn("us-east-1b").equals(t.containerInstanceArn()));
        // The orphan runs on, unmanaged.
        assertThat(ecs.describeTasks(b -> b.cluster("prod").tasks(List.of(orphan.taskArn())))
                        .tasks()
                        .get(0)
                        .lastStatus())
                .isEqualTo("RUNNING");
    }

    // ------------------------------------------------------------------ Application Auto Scaling's view

    /** docs/scheduler.md#services: what Application Auto Scaling reads and sets. */
    @Test
    void scalableServicesReadAndSetTheDesiredCount() {
        create(b -> {});
        ScalableServices aas = engineOf(ecs).scalableServices;
        synchronized (engineOf(ecs)) {
            assertThat(aas.exists("prod", "web")).isTrue();
            assertThat(aas.exists("prod", "api")).isFalse();
            assertThat(aas.desiredCount("prod", "web")).isEqualTo(2);
            assertThat(aas.runningCount("prod", "web")).isZero();
            assertThat(aas.deploymentInProgress("prod", "web")).isTrue();
            assertThat(aas.runningCount("prod", "api")).isNull();
        }
        ecs.clock().advance(Duration.ofMinutes(1));
        synchronized (engineOf(ecs)) {
            assertThat(aas.runningCount("prod", "web")).isEqualTo(2);
            assertThat(aas.deploymentInProgress("prod", "web")).isFalse();
            assertThat(aas.setDesiredCount("prod", "web", 3)).isTrue();
            assertThat(aas.setDesiredCount("prod", "api", 3)).isFalse();
        }
        assertThat(ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(2)).runningCount())
                .isEqualTo(3);
    }

    static Engine engineOf(FakeEcs ecs) {
        try {
            java.lang.reflect.Field f = FakeEcs.class.getDeclaredField("engine");
            f.setAccessible(true);
            return (Engine) f.get(ecs);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
