package io.github.berth.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.testkit.fake.FakeEcs;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;
import software.amazon.awssdk.services.ecs.model.ClusterSettingName;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.NamespaceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Setting;
import software.amazon.awssdk.services.ecs.model.SettingName;

/**
 * UpdateClusterSettings, PutAccountSettingDefault, DeleteAccountSetting, ListServicesByNamespace (with
 * the SDK's paginator) and SubmitContainerStateChange through the AWS SDK for Java v2's own client, in
 * process (docs/wire.md#in-process), and the SDK's shapes of their requests converted both ways.
 */
class NewOperationsOverTheSdkTest {

    @Test
    void theNewOperationsAnswerTheSdkClient() {
        FakeEcs ecs = FakeEcs.builder().seed(3).build();
        try (EcsClient c = ecs.ecsClient()) {
            c.createCluster(b -> b.clusterName("prod").serviceConnectDefaults(d -> d.namespace("shop")));
            ecs.launchInstance("prod", "m5.large", "us-east-1a");
            c.registerTaskDefinition(b -> b.family("web")
                    .containerDefinitions(d -> d.name("web").image("nginx:1.27").memory(128)));

            assertThat(c.updateClusterSettings(b -> b.cluster("prod")
                                    .settings(s -> s.name(ClusterSettingName.CONTAINER_INSIGHTS)
                                            .value("enhanced")))
                            .cluster()
                            .settings()
                            .get(0)
                            .value())
                    .isEqualTo("enhanced");
            assertThat(c.describeClusters(b -> b.clusters("prod").include(ClusterField.SETTINGS))
                            .clusters()
                            .get(0)
                            .settings()
                            .get(0)
                            .value())
                    .isEqualTo("enhanced");

            Setting def = c.putAccountSettingDefault(
                            b -> b.name(SettingName.AWSVPC_TRUNKING).value("enabled"))
                    .setting();
            assertThat(def.principalArn()).isEqualTo("arn:aws:iam::123456789012:root");
            assertThat(c.deleteAccountSetting(b -> b.name(SettingName.AWSVPC_TRUNKING))
                            .setting()
                            .value())
                    .isEqualTo("enabled");

            for (int i = 0; i < 12; i++) {
                String name = "s" + i;
                c.createService(b -> b.cluster("prod")
                        .serviceName(name)
                        .taskDefinition("web")
                        .desiredCount(0)
                        .serviceConnectConfiguration(s -> s.enabled(true)));
            }
            List<String> arns =
                    c.listServicesByNamespacePaginator(b -> b.namespace("shop").maxResults(5)).serviceArns().stream()
                            .toList();
            assertThat(arns).hasSize(12).startsWith("arn:aws:ecs:us-east-1:123456789012:service/prod/s0");
            assertThatThrownBy(() -> c.listServicesByNamespace(b -> b.namespace("elsewhere")))
                    .isInstanceOf(NamespaceNotFoundException.class)
                    .hasMessageStartingWith("Failed to retrieve namespace for elsewhere");

            String task = c.runTask(b -> b.cluster("prod").taskDefinition("web"))
                    .tasks()
                    .get(0)
                    .taskArn();
            ecs.clock().advance(java.time.Duration.ofSeconds(5));
            assertThat(c.submitContainerStateChange(b -> b.cluster("prod")
                                    .task(task)
                                    .containerName("web")
                                    .status("STOPPED")
                                    .exitCode(3)
                                    .reason("crashed"))
                            .acknowledgment())
                    .isEqualTo("ACK");
            DescribeTasksResponse d = c.describeTasks(b -> b.cluster("prod").tasks(task));
            assertThat(d.tasks().get(0).desiredStatus()).isEqualTo("STOPPED");
            assertThat(d.tasks().get(0).stoppedReason()).isEqualTo("Essential container in task exited");
            assertThat(d.tasks().get(0).containers().get(0).exitCode()).isEqualTo(3);
            assertThat(d.tasks().get(0).containers().get(0).reason()).isEqualTo("crashed");
        }
    }

    @Test
    void theSdksRequestsOfTheNewOperationsConvertBothWays() {
        List<Object> sdk = List.of(
                software.amazon.awssdk.services.ecs.model.UpdateClusterSettingsRequest.builder()
                        .cluster("prod")
                        .settings(s -> s.name("containerInsights").value("enabled"))
                        .build(),
                software.amazon.awssdk.services.ecs.model.PutAccountSettingDefaultRequest.builder()
                        .name("containerInsights")
                        .value("enhanced")
                        .build(),
                software.amazon.awssdk.services.ecs.model.DeleteAccountSettingRequest.builder()
                        .name("awsvpcTrunking")
                        .principalArn("arn:aws:iam::123456789012:user/alice")
                        .build(),
                software.amazon.awssdk.services.ecs.model.ListServicesByNamespaceRequest.builder()
                        .namespace("shop")
                        .maxResults(5)
                        .nextToken("t")
                        .build(),
                software.amazon.awssdk.services.ecs.model.SubmitTaskStateChangeRequest.builder()
                        .cluster("prod")
                        .task("t1")
                        .status("RUNNING")
                        .containers(k -> k.containerName("web")
                                .status("RUNNING")
                                .networkBindings(
                                        n -> n.containerPort(80).hostPort(32768).protocol("tcp")))
                        .build(),
                software.amazon.awssdk.services.ecs.model.SubmitContainerStateChangeRequest.builder()
                        .cluster("prod")
                        .task("t1")
                        .containerName("web")
                        .status("STOPPED")
                        .exitCode(137)
                        .reason("OOM")
                        .build());
        for (Object s : sdk) {
            String name = s.getClass().getSimpleName();
            Object berth = SdkShapes.toBerth(s, classOf(name));
            assertThat(berth.getClass().getSimpleName()).contains(name);
            assertThat(SdkShapes.toSdk(berth)).as(name).isEqualTo(s);
        }
    }

    private static Class<?> classOf(String simpleName) {
        try {
            return Class.forName("io.github.berth.core.api." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(simpleName, e);
        }
    }
}
