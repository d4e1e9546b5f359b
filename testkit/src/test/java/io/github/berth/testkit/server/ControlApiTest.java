package io.github.berth.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.testkit.fake.FakeEcs;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ApplicationAutoScalingException;

/** The control API under /_berth/ (docs/wire.md#control-api), and the Application Auto Scaling client. */
class ControlApiTest {

    @Test
    void theClockMovesOnlyForwardThroughTheControlApi() {
        try (EcsServer server = EcsServer.start(FakeEcs.create())) {
            assertThat(Wire.control(server, "GET", "clock", null).body()).isEqualTo("{\"now\":1767225600}");
            HttpResponse<String> r = Wire.control(server, "POST", "clock/advance", "{\"seconds\":90.5}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"now\":1767225690.5}");
            assertThat(server.fake().clock().now()).isEqualTo(Instant.parse("2026-01-01T00:01:30.500Z"));
            HttpResponse<String> back = Wire.control(server, "POST", "clock/advance", "{\"to\":1767225600}");
            assertThat(back.statusCode()).isEqualTo(400);
            assertThat(back.body())
                    .isEqualTo("{\"__type\":\"BerthControlException\",\"message\":\"to: the fake clock only "
                            + "moves forward: 1767225600 is before 1767225690.5\"}");
            assertThat(Wire.control(server, "POST", "clock/advance", "{}").body())
                    .isEqualTo(
                            "{\"__type\":\"BerthControlException\",\"message\":\"give either seconds or to (epoch seconds)\"}");
            assertThat(Wire.control(server, "GET", "nothing", null).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void faultsBehavioursEventsAndResetDriveTheFakeFromOutside() throws Exception {
        try (EcsServer server = EcsServer.start(FakeEcs.builder().seed(4).build())) {
            assertThat(Wire.control(
                                    server,
                                    "POST",
                                    "faults",
                                    "{\"failNextCall\":\"CreateCluster\",\"errorCode\":\"ServerException\","
                                            + "\"message\":\"Service Unavailable\"}")
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> failed = Wire.ecs(server, "CreateCluster", "{\"clusterName\":\"prod\"}");
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).isEqualTo("{\"__type\":\"ServerException\",\"message\":\"Service Unavailable\"}");
            assertThat(Wire.ecs(server, "CreateCluster", "{\"clusterName\":\"prod\"}")
                            .statusCode())
                    .isEqualTo(200);

            Wire.control(server, "POST", "faults", "{\"throttle\":\"ListClusters\"}");
            assertThat(Wire.ecs(server, "ListClusters", "{}").body())
                    .isEqualTo("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
            Wire.control(server, "DELETE", "faults", null);
            assertThat(Wire.ecs(server, "ListClusters", "{}").statusCode()).isEqualTo(200);

            assertThat(Wire.control(
                                    server,
                                    "POST",
                                    "instances",
                                    "{\"cluster\":\"prod\",\"instanceType\":\"m5.large\",\"availabilityZone\":\"us-east-1a\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(Wire.control(
                                    server,
                                    "POST",
                                    "behaviours",
                                    "{\"match\":\"image\",\"pattern\":\"batch:*\",\"exitAfterSeconds\":30,\"exitCode\":3}")
                            .statusCode())
                    .isEqualTo(200);
            Wire.ecs(
                    server,
                    "RegisterTaskDefinition",
                    "{\"family\":\"batch\",\"containerDefinitions\":[{\"name\":\"b\","
                            + "\"image\":\"batch:1\",\"memory\":128}]}");
            assertThat(Wire.ecs(server, "RunTask", "{\"cluster\":\"prod\",\"taskDefinition\":\"batch\"}")
                            .statusCode())
                    .isEqualTo(200);
            Wire.control(server, "POST", "clock/advance", "{\"seconds\":120}");
            String events = Wire.control(server, "GET", "events?from=0", null).body();
            assertThat(events)
                    .contains(
                            "\"detail-type\":\"ECS Task State Change\"",
                            "\"lastStatus\":\"STOPPED\"",
                            "\"stopCode\":\"EssentialContainerExited\"",
                            "\"exitCode\":3");

            HttpResponse<String> reset = Wire.control(server, "POST", "reset", null);
            assertThat(reset.body()).isEqualTo("{\"now\":1767225600}");
            assertThat(Wire.ecs(server, "ListClusters", "{}").body()).isEqualTo("{\"clusterArns\":[]}");
        }
    }

    @Test
    void aSnapshotRestoredThroughTheControlApiBringsTheStateBack() {
        try (EcsServer server = EcsServer.start(FakeEcs.builder().seed(9).build())) {
            Wire.ecs(server, "CreateCluster", "{\"clusterName\":\"kept\"}");
            HttpResponse<String> snapshot = Wire.control(server, "GET", "snapshot", null);
            assertThat(snapshot.statusCode()).isEqualTo(200);
            Wire.control(server, "POST", "reset", null);
            assertThat(Wire.ecs(server, "ListClusters", "{}").body()).isEqualTo("{\"clusterArns\":[]}");
            assertThat(Wire.control(server, "POST", "restore", snapshot.body()).statusCode())
                    .isEqualTo(200);
            assertThat(Wire.ecs(server, "ListClusters", "{}").body())
                    .isEqualTo("{\"clusterArns\":[\"arn:aws:ecs:us-east-1:123456789012:cluster/kept\"]}");
            HttpResponse<String> bad = Wire.control(server, "POST", "restore", "{\"not\":\"a snapshot\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body())
                    .startsWith("{\"__type\":\"BerthControlException\",\"message\":\"SerializationException: ");
        }
    }

    @Test
    void theApplicationAutoScalingSdkClientReachesTheServer() {
        try (EcsServer server = EcsServer.start(FakeEcs.create());
                ApplicationAutoScalingClient aas = ApplicationAutoScalingClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("AKIDFAKEFAKEFAKEFAKE", "s")))
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .build()) {
            assertThat(aas.describeScalableTargets(b -> b.serviceNamespace("ecs"))
                            .scalableTargets())
                    .isEmpty();
            assertThatThrownBy(() -> aas.describeScalableTargets(
                            b -> b.serviceNamespace("ecs").maxResults(0)))
                    .isInstanceOf(ApplicationAutoScalingException.class)
                    .satisfies(e -> assertThat(((ApplicationAutoScalingException) e)
                                    .awsErrorDetails()
                                    .errorCode())
                            .isEqualTo("ValidationException"));
        }
    }
}
