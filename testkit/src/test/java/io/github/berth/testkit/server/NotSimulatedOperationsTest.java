package io.github.berth.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.testkit.fake.FakeEcs;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The ECS operations the fake does not simulate yet are exactly the ones docs/wire.md lists, and each
 * is answered "Berth does not simulate Op yet." (docs/wire.md#the-endpoint).
 */
class NotSimulatedOperationsTest {

    @Test
    void theOperationsNotSimulatedAreTheDaemonsExpressGatewayExecAndAgentOnes() {
        Set<String> notSimulated = new TreeSet<>();
        for (String op : ApiOperations.ECS) {
            if (Operations.find(Operations.ECS, op).isEmpty()) {
                notSimulated.add(op);
            }
        }
        assertThat(notSimulated)
                .containsExactly(
                        "ContinueServiceDeployment",
                        "CreateDaemon",
                        "CreateExpressGatewayService",
                        "DeleteDaemon",
                        "DeleteDaemonTaskDefinition",
                        "DeleteExpressGatewayService",
                        "DescribeDaemon",
                        "DescribeDaemonDeployments",
                        "DescribeDaemonRevisions",
                        "DescribeDaemonTaskDefinition",
                        "DescribeExpressGatewayService",
                        "DiscoverPollEndpoint",
                        "ExecuteCommand",
                        "ListDaemonDeployments",
                        "ListDaemonTaskDefinitions",
                        "ListDaemons",
                        "RegisterDaemonTaskDefinition",
                        "SubmitAttachmentStateChanges",
                        "UpdateContainerAgent",
                        "UpdateDaemon",
                        "UpdateExpressGatewayService");
    }

    @Test
    void theOperationsAddedLastAreServedAndTheOthersSaySoClearly() {
        for (String op : Set.of(
                "UpdateClusterSettings",
                "PutAccountSettingDefault",
                "DeleteAccountSetting",
                "ListServicesByNamespace",
                "SubmitTaskStateChange",
                "SubmitContainerStateChange",
                "CreateTaskSet",
                "DeleteTaskSet",
                "DescribeTaskSets",
                "UpdateTaskSet",
                "UpdateServicePrimaryTaskSet")) {
            assertThat(Operations.find(Operations.ECS, op)).as(op).isPresent();
        }
        Dispatcher.Answer a = Dispatcher.of(FakeEcs.create())
                .handle(
                        "AmazonEC2ContainerServiceV20141113.SubmitAttachmentStateChanges",
                        "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.bodyText())
                .isEqualTo("{\"__type\":\"UnknownOperationException\",\"message\":"
                        + "\"Berth does not simulate SubmitAttachmentStateChanges yet.\"}");
    }
}
