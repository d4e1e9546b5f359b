package io.github.berth.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.ServerException;
import io.github.berth.testkit.fake.FakeEcs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.*;

/**
 * The real AWS SDK for Java v2 {@code EcsClient} against the fake, over HTTP and in process: every
 * operation the fake simulates, error classes, paginators and waiters (docs/wire.md).
 */
class EcsClientOverTheWireTest {

    private static final String NGINX = "nginx:1.27";

    private static FakeEcs fake() {
        return FakeEcs.builder().seed(7).build();
    }

    private static void webTaskDefinition(EcsClient c) {
        c.registerTaskDefinition(b -> b.family("web")
                .containerDefinitions(ContainerDefinition.builder()
                        .name("web")
                        .image(NGINX)
                        .memory(512)
                        .essential(true)
                        .build()));
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void clustersRoundTripThroughTheSdk(Transports transport) {
        FakeEcs ecs = fake();
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            CreateClusterResponse created = c.createCluster(b -> b.clusterName("prod")
                    .tags(Tag.builder().key("team").value("core").build()));
            assertThat(created.cluster().clusterArn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
            assertThat(created.cluster().status()).isEqualTo("ACTIVE");
            assertThat(created.responseMetadata().requestId()).matches("[0-9a-f-]{36}");

            c.createCluster(b -> b.clusterName("dev"));
            assertThat(c.listClusters().clusterArns())
                    .containsExactlyInAnyOrder(
                            "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
                            "arn:aws:ecs:us-east-1:123456789012:cluster/dev");

            DescribeClustersResponse d =
                    c.describeClusters(b -> b.clusters("prod", "missing").include(ClusterField.TAGS));
            assertThat(d.clusters()).extracting(Cluster::clusterName).containsExactly("prod");
            assertThat(d.clusters().get(0).tags())
                    .containsExactly(Tag.builder().key("team").value("core").build());
            assertThat(d.failures())
                    .extracting(Failure::arn, Failure::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "arn:aws:ecs:us-east-1:123456789012:cluster/missing", "MISSING"));

            UpdateClusterResponse u = c.updateCluster(b -> b.cluster("prod")
                    .settings(ClusterSetting.builder()
                            .name(ClusterSettingName.CONTAINER_INSIGHTS)
                            .value("enabled")
                            .build()));
            assertThat(u.cluster().settings()).extracting(ClusterSetting::value).containsExactly("enabled");

            c.tagResource(b -> b.resourceArn("arn:aws:ecs:us-east-1:123456789012:cluster/dev")
                    .tags(Tag.builder().key("env").value("dev").build()));
            assertThat(c.listTagsForResource(b -> b.resourceArn("arn:aws:ecs:us-east-1:123456789012:cluster/dev"))
                            .tags())
                    .containsExactly(Tag.builder().key("env").value("dev").build());
            c.untagResource(b -> b.resourceArn("arn:aws:ecs:us-east-1:123456789012:cluster/dev")
                    .tagKeys("env"));
            assertThat(c.listTagsForResource(b -> b.resourceArn("arn:aws:ecs:us-east-1:123456789012:cluster/dev"))
                            .tags())
                    .isEmpty();

            assertThat(c.deleteCluster(b -> b.cluster("dev")).cluster().status())
                    .isEqualTo("INACTIVE");
            // The fake saw the same calls: the wire changed nothing on the way.
            assertThat(ecs.listClusters(b -> {}).clusterArns())
                    .containsExactly("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void tasksRunAndTheWaiterMovesTheFakeClockNotRealTime(Transports transport) {
        FakeEcs ecs = fake();
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            c.createCluster(b -> b.clusterName("prod"));
            ecs.launchInstance("prod", "m5.large", "us-east-1a");
            webTaskDefinition(c);
            Instant before = ecs.clock().now();

            RunTaskResponse run = c.runTask(
                    b -> b.cluster("prod").taskDefinition("web").count(2).startedBy("ci"));
            assertThat(run.failures()).isEmpty();
            assertThat(run.tasks()).extracting(Task::lastStatus).containsExactly("PENDING", "PENDING");
            assertThat(run.tasks().get(0).taskDefinitionArn())
                    .isEqualTo("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1");
            List<String> arns = run.tasks().stream().map(Task::taskArn).collect(Collectors.toList());

            long realStart = System.nanoTime();
            WaiterResponse<DescribeTasksResponse> waited =
                    c.waiter().waitUntilTasksRunning(b -> b.cluster("prod").tasks(arns));
            long realMillis = (System.nanoTime() - realStart) / 1_000_000;
            assertThat(waited.matched().response()).isPresent();
            assertThat(waited.matched().response().get().tasks())
                    .extracting(Task::lastStatus)
                    .containsOnly("RUNNING");
            // The real waiter sleeps 6 s between polls; here the fake clock moved by that instead.
            assertThat(waited.attemptsExecuted()).isGreaterThan(1);
            assertThat(Duration.between(before, ecs.clock().now()))
                    .isEqualTo(Duration.ofSeconds(6L * (waited.attemptsExecuted() - 1)));
            assertThat(realMillis).as("no real sleep").isLessThan(5_000);

            assertThat(c.listTasks(b -> b.cluster("prod").startedBy("ci")).taskArns())
                    .containsExactlyInAnyOrderElementsOf(arns);
            StopTaskResponse stopped =
                    c.stopTask(b -> b.cluster("prod").task(arns.get(0)).reason("done"));
            assertThat(stopped.task().desiredStatus()).isEqualTo("STOPPED");
            c.waiter().waitUntilTasksStopped(b -> b.cluster("prod").tasks(arns.get(0)));
            Task t = c.describeTasks(b -> b.cluster("prod").tasks(arns.get(0)))
                    .tasks()
                    .get(0);
            assertThat(t.lastStatus()).isEqualTo("STOPPED");
            assertThat(t.stoppedReason()).isEqualTo("done");
            assertThat(t.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void aWaiterThatNeverMatchesGivesUpAfterTheModelsAttemptsInFakeTime(Transports transport) {
        FakeEcs ecs = fake();
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            c.createCluster(b -> b.clusterName("prod"));
            ecs.launchInstance("prod", "m5.large", "us-east-1a");
            webTaskDefinition(c);
            ecs.behaviours().image(NGINX).startDelay(Duration.ofHours(2));
            String arn = c.runTask(b -> b.cluster("prod").taskDefinition("web"))
                    .tasks()
                    .get(0)
                    .taskArn();
            Instant before = ecs.clock().now();
            assertThatThrownBy(() -> c.waiter()
                            .waitUntilTasksRunning(b -> b.cluster("prod").tasks(arn)))
                    .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class)
                    .hasMessageContaining("exceeded the max retry attempts: 100");
            // 100 attempts, 99 pauses of 6 s: 9 min 54 s of fake time.
            assertThat(Duration.between(before, ecs.clock().now())).isEqualTo(Duration.ofSeconds(594));
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void taskDefinitionsInstancesAndAttributes(Transports transport) {
        FakeEcs ecs = fake();
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            c.createCluster(b -> b.clusterName("prod"));
            webTaskDefinition(c);
            webTaskDefinition(c);
            c.registerTaskDefinition(b -> b.family("api")
                    .containerDefinitions(ContainerDefinition.builder()
                            .name("api")
                            .image("api:1")
                            .memory(256)
                            .build()));
            DescribeTaskDefinitionResponse td = c.describeTaskDefinition(b -> b.taskDefinition("web"));
            assertThat(td.taskDefinition().revision()).isEqualTo(2);
            assertThat(td.taskDefinition().status()).isEqualTo(TaskDefinitionStatus.ACTIVE);
            assertThat(td.taskDefinition().registeredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(c.listTaskDefinitionFamilies().families()).containsExactly("api", "web");
            assertThat(c.listTaskDefinitions(b -> b.familyPrefix("web")).taskDefinitionArns())
                    .containsExactly(
                            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
                            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2");
            assertThat(c.deregisterTaskDefinition(b -> b.taskDefinition("web:1"))
                            .taskDefinition()
                            .status())
                    .isEqualTo(TaskDefinitionStatus.INACTIVE);
            DeleteTaskDefinitionsResponse deleted = c.deleteTaskDefinitions(b -> b.taskDefinitions("web:1"));
            assertThat(deleted.taskDefinitions())
                    .extracting(TaskDefinition::status)
                    .containsExactly(TaskDefinitionStatus.DELETE_IN_PROGRESS);

            String instanceArn =
                    ecs.launchInstance("prod", "m5.large", "us-east-1a").containerInstanceArn();
            assertThat(c.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns())
                    .containsExactly(instanceArn);
            ContainerInstance ci = c.describeContainerInstances(
                            b -> b.cluster("prod").containerInstances(instanceArn))
                    .containerInstances()
                    .get(0);
            assertThat(ci.status()).isEqualTo("ACTIVE");
            assertThat(ci.agentConnected()).isTrue();
            assertThat(ci.registeredResources()).extracting(Resource::name).contains("CPU", "MEMORY");

            c.putAttributes(b -> b.cluster("prod")
                    .attributes(Attribute.builder()
                            .name("stack")
                            .value("blue")
                            .targetId(instanceArn)
                            .build()));
            assertThat(c.listAttributes(b -> b.cluster("prod")
                                    .targetType(TargetType.CONTAINER_INSTANCE)
                                    .attributeName("stack"))
                            .attributes())
                    .extracting(Attribute::value)
                    .containsExactly("blue");
            c.deleteAttributes(b -> b.cluster("prod")
                    .attributes(Attribute.builder()
                            .name("stack")
                            .targetId(instanceArn)
                            .build()));
            assertThat(c.listAttributes(b -> b.cluster("prod")
                                    .targetType(TargetType.CONTAINER_INSTANCE)
                                    .attributeName("stack"))
                            .attributes())
                    .isEmpty();

            assertThat(c.updateContainerInstancesState(b -> b.cluster("prod")
                                    .containerInstances(instanceArn)
                                    .status(ContainerInstanceStatus.DRAINING))
                            .containerInstances()
                            .get(0)
                            .status())
                    .isEqualTo("DRAINING");
            assertThat(c.deregisterContainerInstance(b -> b.cluster("prod").containerInstance(instanceArn))
                            .containerInstance()
                            .status())
                    .isEqualTo("INACTIVE");

            c.putAccountSetting(b -> b.name(SettingName.CONTAINER_INSIGHTS).value("enabled"));
            assertThat(c.listAccountSettings(b -> b.name(SettingName.CONTAINER_INSIGHTS))
                            .settings())
                    .extracting(Setting::value)
                    .containsExactly("enabled");
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void paginatorsFollowTheFakesNextTokens(Transports transport) {
        FakeEcs ecs = fake();
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            for (int i = 0; i < 25; i++) {
                int n = i;
                c.createCluster(b -> b.clusterName(String.format("c%02d", n)));
            }
            List<String> pages = c.listClustersPaginator(b -> b.maxResults(10)).stream()
                    .map(p -> p.clusterArns().size() + (p.nextToken() == null ? "" : "+"))
                    .collect(Collectors.toList());
            assertThat(pages).containsExactly("10+", "10+", "5");
            assertThat(c.listClustersPaginator(b -> b.maxResults(7)).clusterArns().stream()
                            .count())
                    .isEqualTo(25);
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void everyErrorOfTheFakeArrivesAsTheSdksExceptionClass(Transports transport) {
        FakeEcs ecs = fake();
        try (Transports.Opened o = transport.open(ecs)) {
            EcsClient c = o.client();
            assertThatThrownBy(
                            () -> c.describeServices(b -> b.cluster("missing").services("web")))
                    .isInstanceOfAny(ClusterNotFoundException.class, EcsException.class);
            assertThatThrownBy(() -> c.runTask(b -> b.cluster("missing").taskDefinition("web")))
                    .isInstanceOf(ClusterNotFoundException.class)
                    .satisfies(e -> {
                        EcsException x = (EcsException) e;
                        assertThat(x.statusCode()).isEqualTo(400);
                        assertThat(x.awsErrorDetails().errorCode()).isEqualTo("ClusterNotFoundException");
                        assertThat(x.awsErrorDetails().errorMessage()).isEqualTo("Cluster not found.");
                    });
            c.createCluster(b -> b.clusterName("prod"));
            assertThatThrownBy(() -> c.runTask(
                            b -> b.cluster("prod").taskDefinition("web").count(11)))
                    .isInstanceOf(InvalidParameterException.class)
                    .hasMessageStartingWith("count must be between 1 and 10.");
            assertThatThrownBy(() -> c.describeTaskDefinition(b -> b.taskDefinition("nope")))
                    .isInstanceOf(ClientException.class);

            // Every ECS error code the fake can throw maps to the SDK class of the same name.
            for (String code : List.of(
                    "AccessDeniedException",
                    "AttributeLimitExceededException",
                    "BlockedException",
                    "ClientException",
                    "ClusterContainsCapacityProviderException",
                    "ClusterContainsContainerInstancesException",
                    "ClusterContainsServicesException",
                    "ClusterContainsTasksException",
                    "ClusterNotFoundException",
                    "ConflictException",
                    "InvalidParameterException",
                    "LimitExceededException",
                    "MissingVersionException",
                    "NamespaceNotFoundException",
                    "NoUpdateAvailableException",
                    "PlatformTaskDefinitionIncompatibilityException",
                    "PlatformUnknownException",
                    "ResourceInUseException",
                    "ResourceNotFoundException",
                    "ServerException",
                    "ServiceNotActiveException",
                    "ServiceNotFoundException",
                    "TargetNotConnectedException",
                    "TargetNotFoundException",
                    "TaskSetNotFoundException",
                    "UnsupportedFeatureException",
                    "UpdateInProgressException",
                    "ServiceDeploymentNotFoundException")) {
                ecs.faults().failNextCall("ListClusters", errorOf(code, "injected " + code));
                assertThatThrownBy(c::listClusters).as(code).satisfies(e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(code);
                    assertThat(((EcsException) e).awsErrorDetails().errorMessage())
                            .isEqualTo("injected " + code);
                    assertThat(((EcsException) e).statusCode()).isEqualTo(code.equals("ServerException") ? 500 : 400);
                });
            }
            ecs.faults().throttle("ListClusters");
            assertThatThrownBy(c::listClusters)
                    .isInstanceOf(EcsException.class)
                    .satisfies(e -> assertThat(((EcsException) e).isThrottlingException())
                            .isTrue())
                    .hasMessageStartingWith("Rate exceeded");
            ecs.faults().clear();
            assertThat(c.listClusters().clusterArns()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Transports.class)
    void anOperationTheFakeDoesNotSimulateIsNamed(Transports transport) {
        try (Transports.Opened o = transport.open(fake())) {
            assertThatThrownBy(() -> o.client()
                            .executeCommand(b -> b.cluster("prod")
                                    .task("0123456789abcdef")
                                    .command("ls")
                                    .interactive(true)))
                    .isInstanceOf(EcsException.class)
                    .satisfies(e -> {
                        assertThat(((EcsException) e).awsErrorDetails().errorCode())
                                .isEqualTo("UnknownOperationException");
                        assertThat(((EcsException) e).awsErrorDetails().errorMessage())
                                .isEqualTo("Berth does not simulate ExecuteCommand yet.");
                    });
        }
    }

    private static io.github.berth.core.error.AwsServiceException errorOf(String code, String message) {
        try {
            return (io.github.berth.core.error.AwsServiceException) Class.forName("io.github.berth.core.error." + code)
                    .getConstructor(String.class)
                    .newInstance(message);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static ServerException unused() {
        return null;
    }
}
