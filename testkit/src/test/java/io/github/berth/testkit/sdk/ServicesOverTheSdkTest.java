package io.github.berth.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.fake.Metrics;
import io.github.berth.testkit.server.EcsServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.PutScalingPolicyResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingActivity;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.applicationautoscaling.model.ValidationException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.CreateServiceResponse;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.ManagedScalingStatus;
import software.amazon.awssdk.services.ecs.model.ResourceInUseException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceNotFoundException;

/**
 * Services, capacity providers and Application Auto Scaling through the real AWS SDK for Java v2
 * clients, over HTTP and in process (docs/wire.md): what a deployer or an autoscaler's glue code
 * calls, with the SDK's own waiters moving the fake clock.
 */
class ServicesOverTheSdkTest {

    private static FakeEcs fake() {
        FakeEcs ecs = FakeEcs.builder().seed(11).build();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("prod", "m5.large", "us-east-1b");
        return ecs;
    }

    private static void register(EcsClient c, String image) {
        c.registerTaskDefinition(b -> b.family("web")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("web")
                        .image(image)
                        .memory(256)
                        .essential(true)
                        .build()));
    }

    private static Service service(EcsClient c) {
        DescribeServicesResponse d = c.describeServices(b -> b.cluster("prod").services("web"));
        assertThat(d.failures()).isEmpty();
        return d.services().get(0);
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aServiceRollsOutARevisionAndTheStabilityWaiterWaitsInFakeTime(Transports transport) {
        FakeEcs ecs = fake();
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            register(c, "nginx:1.27");
            Instant start = ecs.clock().now();
            CreateServiceResponse created = c.createService(b -> b.cluster("prod")
                    .serviceName("web")
                    .taskDefinition("web")
                    .desiredCount(3)
                    .deploymentConfiguration(d -> d.minimumHealthyPercent(50)
                            .maximumPercent(200)
                            .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                                    .enable(true)
                                    .rollback(true)
                                    .build())));
            assertThat(created.service().serviceArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:service/prod/web");
            assertThat(created.service().status()).isEqualTo("ACTIVE");
            assertThat(created.service().runningCount()).isZero();

            long realStart = System.nanoTime();
            WaiterResponse<DescribeServicesResponse> stable =
                    c.waiter().waitUntilServicesStable(b -> b.cluster("prod").services("web"));
            assertThat((System.nanoTime() - realStart) / 1_000_000)
                    .as("no real sleep")
                    .isLessThan(5_000);
            assertThat(stable.matched().response()).isPresent();
            // The model's waiter polls every 15 s: the fake clock moved by that, once per attempt after the first.
            assertThat(Duration.between(start, ecs.clock().now()))
                    .isEqualTo(Duration.ofSeconds(15L * (stable.attemptsExecuted() - 1)));
            Service s = service(c);
            assertThat(s.runningCount()).isEqualTo(3);
            assertThat(s.deployments()).hasSize(1);
            // The waiter's condition (one deployment, running = desired) holds before ECS marks the rollout
            // COMPLETED, which it does once the tasks have stayed healthy (docs/scheduler.md#deployments).
            assertThat(s.deployments().get(0).status() + " "
                            + s.deployments().get(0).rolloutStateAsString())
                    .isEqualTo("PRIMARY IN_PROGRESS");
            ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(10));
            assertThat(service(c).deployments().get(0).rolloutStateAsString()).isEqualTo("COMPLETED");

            register(c, "nginx:1.28");
            c.updateService(b -> b.cluster("prod").service("web").taskDefinition("web:2"));
            assertThat(service(c).deployments())
                    .extracting(d -> d.status() + " " + d.taskDefinition())
                    .containsExactly(
                            "PRIMARY arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
                            "ACTIVE arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
            c.waiter().waitUntilServicesStable(b -> b.cluster("prod").services("web"));
            ecs.awaitSteadyState("prod", "web", Duration.ofMinutes(10));
            s = service(c);
            assertThat(s.taskDefinition()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2");
            assertThat(s.deployments())
                    .extracting(d -> d.status() + " " + d.rolloutStateAsString())
                    .containsExactly("PRIMARY COMPLETED");
            List<String> running =
                    c.listTasks(b -> b.cluster("prod").serviceName("web")).taskArns();
            assertThat(c.describeTasks(b -> b.cluster("prod").tasks(running)).tasks())
                    .extracting(t -> t.taskDefinitionArn() + " " + t.lastStatus())
                    .containsOnly("arn:aws:ecs:us-east-1:123456789012:task-definition/web:2 RUNNING")
                    .hasSize(3);

            List<ServiceDeploymentBrief> deployments = c.listServiceDeployments(
                            b -> b.cluster("prod").service("web"))
                    .serviceDeployments();
            assertThat(deployments)
                    .extracting(ServiceDeploymentBrief::statusAsString)
                    .containsExactly("SUCCESSFUL", "SUCCESSFUL");
            assertThat(c.describeServiceDeployments(b ->
                                    b.serviceDeploymentArns(deployments.get(0).serviceDeploymentArn()))
                            .serviceDeployments()
                            .get(0)
                            .targetServiceRevision()
                            .arn())
                    .isEqualTo(deployments.get(0).targetServiceRevisionArn());

            assertThat(c.listServices(b -> b.cluster("prod")).serviceArns())
                    .containsExactly("arn:aws:ecs:us-east-1:123456789012:service/prod/web");
            assertThat(c.deleteService(b -> b.cluster("prod").service("web").force(true))
                            .service()
                            .status())
                    .isEqualTo("DRAINING");
            c.waiter().waitUntilServicesInactive(b -> b.cluster("prod").services("web"));
            assertThat(service(c).status()).isEqualTo("INACTIVE");
            assertThatThrownBy(() -> c.updateService(
                            b -> b.cluster("prod").service("web").desiredCount(1)))
                    .isInstanceOf(software.amazon.awssdk.services.ecs.model.ServiceNotActiveException.class)
                    .hasMessageStartingWith("Service was not ACTIVE.");
            assertThatThrownBy(() -> c.updateService(
                            b -> b.cluster("prod").service("nope").desiredCount(1)))
                    .isInstanceOf(ServiceNotFoundException.class)
                    .hasMessageStartingWith("Service not found.");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void capacityProvidersAreCreatedAttachedAndRefusedWhileInUse(Transports transport) {
        FakeEcs ecs = fake();
        String asg = ecs.autoScalingGroups()
                .create(
                        "web-asg",
                        s -> s.instanceType("m5.large").minSize(0).maxSize(4).desiredCapacity(0));
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            CapacityProvider cp = c.createCapacityProvider(b -> b.name("cp-web")
                            .autoScalingGroupProvider(a -> a.autoScalingGroupArn(asg)
                                    .managedScaling(m -> m.status(ManagedScalingStatus.ENABLED)
                                            .targetCapacity(90))))
                    .capacityProvider();
            assertThat(cp.capacityProviderArn())
                    .isEqualTo("arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp-web");
            assertThat(cp.statusAsString()).isEqualTo("ACTIVE");
            assertThat(cp.autoScalingGroupProvider().managedScaling().targetCapacity())
                    .isEqualTo(90);
            assertThat(cp.autoScalingGroupProvider().managedScaling().instanceWarmupPeriod())
                    .isEqualTo(300);

            c.putClusterCapacityProviders(b -> b.cluster("prod")
                    .capacityProviders("cp-web", "FARGATE")
                    .defaultCapacityProviderStrategy(CapacityProviderStrategyItem.builder()
                            .capacityProvider("cp-web")
                            .weight(1)
                            .build()));
            assertThat(c.describeClusters(b -> b.clusters("prod"))
                            .clusters()
                            .get(0)
                            .capacityProviders())
                    .containsExactly("cp-web", "FARGATE");
            assertThat(c.describeCapacityProviders(b -> b.capacityProviders("cp-web"))
                            .capacityProviders())
                    .extracting(CapacityProvider::name)
                    .containsExactly("cp-web");

            assertThatThrownBy(() -> c.deleteCapacityProvider(b -> b.capacityProvider("cp-web")))
                    .isInstanceOf(ResourceInUseException.class)
                    .hasMessageStartingWith(
                            "The specified capacity provider is in use and cannot be removed. Disassociate it "
                                    + "from cluster prod and try again.");
            assertThat(c.updateCapacityProvider(b -> b.name("cp-web")
                                    .autoScalingGroupProvider(a -> a.managedScaling(m -> m.targetCapacity(100))))
                            .capacityProvider()
                            .autoScalingGroupProvider()
                            .managedScaling()
                            .targetCapacity())
                    .isEqualTo(100);
        }
    }

    /** How the Application Auto Scaling client reaches the fake: over HTTP, or in process. */
    enum AutoScalingTransport {
        HTTP,
        IN_PROCESS;

        record Opened(ApplicationAutoScalingClient client, EcsServer server) implements AutoCloseable {
            @Override
            public void close() {
                client.close();
                if (server != null) {
                    server.close();
                }
            }
        }

        Opened open(FakeEcs ecs) {
            EcsServer server = this == HTTP ? EcsServer.start(ecs) : null;
            ApplicationAutoScalingClient client = ApplicationAutoScalingClient.builder()
                    .endpointOverride(
                            server != null
                                    ? server.endpoint()
                                    : URI.create("http://application-autoscaling.us-east-1.berth.invalid"))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(FakeEcsClients.ACCESS_KEY_ID, FakeEcsClients.SECRET_ACCESS_KEY)))
                    .httpClient(
                            server != null ? UrlConnectionHttpClient.builder().build() : ecs.sdkHttpClient())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
            return new Opened(client, server);
        }
    }

    @ParameterizedTest
    @EnumSource(AutoScalingTransport.class)
    void theApplicationAutoScalingClientScalesAServiceOfTheFake(AutoScalingTransport transport) {
        FakeEcs ecs = fake();
        ecs.registerTaskDefinition(b -> b.family("web")
                .containerDefinitions(List.of(io.github.berth.core.model.ContainerDefinition.builder()
                        .name("web")
                        .image("nginx:1.27")
                        .memory(256)
                        .build())));
        ecs.createService(
                b -> b.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2));
        ecs.clock().advance(Duration.ofSeconds(30));
        try (AutoScalingTransport.Opened o = transport.open(ecs)) {
            ApplicationAutoScalingClient aas = o.client();
            aas.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                    .resourceId("service/prod/web")
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .minCapacity(1)
                    .maxCapacity(6));
            List<ScalableTarget> targets = aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS))
                    .scalableTargets();
            assertThat(targets)
                    .extracting(t -> t.resourceId() + " " + t.minCapacity() + "-" + t.maxCapacity())
                    .containsExactly("service/prod/web 1-6");

            PutScalingPolicyResponse policy = aas.putScalingPolicy(b -> b.policyName("cpu50")
                    .serviceNamespace(ServiceNamespace.ECS)
                    .resourceId("service/prod/web")
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(t -> t.targetValue(50.0)
                            .predefinedMetricSpecification(
                                    m -> m.predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION))
                            .scaleOutCooldown(60)
                            .scaleInCooldown(60)));
            assertThat(policy.policyARN())
                    .startsWith("arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:")
                    .endsWith(":resource/ecs/service/prod/web:policyName/cpu50");
            assertThat(policy.alarms())
                    .extracting(a -> a.alarmName().replaceAll("-[0-9a-f-]{36}$", ""))
                    .containsExactly(
                            "TargetTracking-service/prod/web-AlarmHigh", "TargetTracking-service/prod/web-AlarmLow");

            // Two tasks carrying 300 % of one task's CPU: 150 % each, three times the target.
            ecs.metrics().cpu("prod", "web", Metrics.demand(300));
            ecs.clock().advance(Duration.ofMinutes(10));
            assertThat(ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                            .services()
                            .get(0)
                            .desiredCount())
                    .isEqualTo(6);
            List<ScalingActivity> activities = aas.describeScalingActivities(
                            b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId("service/prod/web"))
                    .scalingActivities();
            assertThat(activities).isNotEmpty();
            assertThat(activities.get(0).description()).isEqualTo("Setting desired count to 6.");
            assertThat(activities.get(0).statusCodeAsString()).isEqualTo("Successful");
            assertThat(activities)
                    .extracting(ScalingActivity::description)
                    .allMatch(d -> d.startsWith("Setting desired count to "));

            // Errors arrive as the SDK's own exception classes, with Application Auto Scaling's texts.
            assertThatThrownBy(() -> aas.deleteScalingPolicy(b -> b.policyName("nope")
                            .serviceNamespace(ServiceNamespace.ECS)
                            .resourceId("service/prod/web")
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)))
                    .isInstanceOf(ObjectNotFoundException.class);
            assertThatThrownBy(() -> aas.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                            .resourceId("service/prod/web")
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                            .minCapacity(5)
                            .maxCapacity(2)))
                    .isInstanceOf(ValidationException.class);
            assertThat(aas.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS))
                            .scalableTargets())
                    .extracting(t -> t.minCapacity() + "-" + t.maxCapacity())
                    .containsExactly("1-6"); // nothing changed
        }
    }
}
