package io.github.berth.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.testkit.fake.FakeEcs;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests no AWS client sends: each gets a 4xx in AWS's error shape, and the server goes on
 * serving the next request (docs/wire.md#bad-requests).
 */
class BadRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private EcsServer server;

    @BeforeEach
    void start() {
        server = EcsServer.start(FakeEcs.builder().seed(1).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void assertStillServes() {
        HttpResponse<String> r = Wire.ecs(server, "ListClusters", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"clusterArns\":[]}");
    }

    private static void assertError(HttpResponse<String> r, int status, String type, String message) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(r.body()).isEqualTo("{\"__type\":\"" + type + "\",\"message\":" + quote(message) + "}");
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aWellFormedRequestIsAnsweredWithARequestId() {
        HttpResponse<String> r =
                Wire.ecs(server, "CreateCluster", "{\"clusterName\": \"prod\", \"notAMember\": [1, {}]}");
        assertThat(r.statusCode()).isEqualTo(200); // unknown members are ignored, as AWS does
        assertThat(r.body())
                .startsWith("{\"cluster\":{\"clusterArn\":\"arn:aws:ecs:us-east-1:123456789012:cluster/prod\"");
        assertThat(r.headers().firstValue("x-amzn-RequestId")).contains("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void anEmptyBodyIsAnEmptyObject() {
        assertStillServes();
        HttpResponse<String> r = Wire.post(server, "AmazonEC2ContainerServiceV20141113.ListClusters", new byte[0]);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"clusterArns\":[]}");
    }

    @Test
    void unknownAndMissingTargets() {
        assertError(
                Wire.ecs(server, "LaunchRocket", "{}"),
                400,
                "UnknownOperationException",
                "Unknown operation AmazonEC2ContainerServiceV20141113.LaunchRocket.");
        assertError(
                Wire.post(server, "Nope.ListClusters", "{}".getBytes(StandardCharsets.UTF_8)),
                400,
                "UnknownOperationException",
                "Unknown operation Nope.ListClusters.");
        assertError(
                Wire.post(server, null, "{}".getBytes(StandardCharsets.UTF_8)),
                400,
                "UnknownOperationException",
                "The request has no X-Amz-Target header naming the operation.");
        assertError(
                Wire.ecs(server, "ExecuteCommand", "{}"),
                400,
                "UnknownOperationException",
                "Berth does not simulate ExecuteCommand yet.");
        assertStillServes();
    }

    @Test
    void applicationAutoScalingErrorsCarryMessageWithACapitalM() {
        HttpResponse<String> r =
                Wire.post(server, "AnyScaleFrontendService.LaunchRocket", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body())
                .isEqualTo("{\"__type\":\"UnknownOperationException\",\"Message\":\"Unknown operation "
                        + "AnyScaleFrontendService.LaunchRocket.\"}");
    }

    @Test
    void truncatedAndMalformedBodiesAreSerializationExceptions() throws Exception {
        String full = "{\"cluster\": \"prod\", \"taskDefinition\": \"web\", \"count\": 1}";
        for (int cut = 1; cut < full.length(); cut++) {
            HttpResponse<String> r = Wire.ecs(server, "RunTask", full.substring(0, cut));
            assertThat(r.statusCode()).as(full.substring(0, cut)).isEqualTo(400);
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("__type").asText()).as(full.substring(0, cut)).isEqualTo("SerializationException");
            assertThat(body.get("message").asText()).isNotBlank();
        }
        for (String notAnObject : List.of("[]", "null", "\"text\"", "42", "{\"a\":1}}")) {
            HttpResponse<String> r = Wire.ecs(server, "ListClusters", notAnObject);
            assertThat(r.statusCode()).as(notAnObject).isEqualTo(400);
            assertThat(JSON.readTree(r.body()).get("__type").asText())
                    .as(notAnObject)
                    .isEqualTo("SerializationException");
        }
        assertStillServes();
    }

    @Test
    void aMemberOfTheWrongTypeIsASerializationExceptionNamingIt() throws Exception {
        HttpResponse<String> r = Wire.ecs(server, "RunTask", "{\"cluster\": \"prod\", \"count\": \"three\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("__type").asText()).isEqualTo("SerializationException");
        assertThat(body.get("message").asText()).startsWith("count: ");
        HttpResponse<String> list = Wire.ecs(server, "DescribeClusters", "{\"clusters\": \"prod\"}");
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(list.body()).get("message").asText()).startsWith("clusters: ");
        assertThat(server.fake().listClusters(b -> {}).clusterArns()).isEmpty(); // nothing changed
        assertStillServes();
    }

    @Test
    void anApplicationAutoScalingBodyItCannotReadIsItsSerializationExceptionWithACapitalM() throws Exception {
        HttpResponse<String> r = Wire.post(
                server,
                "AnyScaleFrontendService.RegisterScalableTarget",
                ("{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod/web\", "
                                + "\"ScalableDimension\": \"ecs:service:DesiredCount\", \"MinCapacity\": \"one\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("__type").asText()).isEqualTo("SerializationException");
        assertThat(body.get("Message").asText()).startsWith("MinCapacity: ");
        assertThat(body.has("message")).isFalse();
        HttpResponse<String> truncated = Wire.post(
                server,
                "AnyScaleFrontendService.DescribeScalableTargets",
                "{\"ServiceNamespace\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(truncated.statusCode()).isEqualTo(400);
        JsonNode cut = JSON.readTree(truncated.body());
        assertThat(cut.get("__type").asText()).isEqualTo("SerializationException");
        assertThat(cut.get("Message").asText()).isNotBlank();
        assertThat(cut.has("message")).isFalse();
        assertStillServes();
    }

    @Test
    void numbersAndStringsAreNotConvertedIntoEachOther() throws Exception {
        // A number where the API has a string: every AWS SDK refuses it, and so does the service.
        HttpResponse<String> cpu = Wire.ecs(
                server,
                "RegisterTaskDefinition",
                "{\"family\": \"web\", \"cpu\": 1024, \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"nginx\", \"memory\": 512}]}");
        assertThat(cpu.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(cpu.body());
        assertThat(body.get("__type").asText()).isEqualTo("SerializationException");
        assertThat(body.get("message").asText()).startsWith("cpu: ");
        // A string where the API has a number.
        HttpResponse<String> memory = Wire.ecs(
                server,
                "RegisterTaskDefinition",
                "{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"nginx\", \"memory\": \"512\"}]}");
        assertThat(JSON.readTree(memory.body()).get("message").asText()).startsWith("containerDefinitions[0].memory: ");
        assertThat(server.fake().listTaskDefinitions(b -> {}).taskDefinitionArns())
                .isEmpty(); // nothing changed
        // The same request with the right types registers.
        HttpResponse<String> ok = Wire.ecs(
                server,
                "RegisterTaskDefinition",
                "{\"family\": \"web\", \"cpu\": \"1024\", \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"nginx\", \"memory\": 512}]}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).at("/taskDefinition/cpu").asText()).isEqualTo("1024");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        try (Socket s = new Socket(server.endpoint().getHost(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            // Declares 100 MiB and sends none of it: the answer comes at once.
            out.write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters\r\n"
                            + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: 104857600\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(s.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413 ");
            assertThat(head.toLowerCase()).contains("x-amzn-errortype: requestentitytoolargeexception");
        }
        // Chunked, no length: read up to the limit, then refused.
        try (Socket s = new Socket(server.endpoint().getHost(), server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(
                            ("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters\r\n"
                                            + "Transfer-Encoding: chunked\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    for (int i = 0; i < 40; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (java.io.IOException e) {
                    // The server stopped reading and closed: expected.
                }
            });
            writer.start();
            assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 413 ");
            writer.join(10_000);
        }
        assertStillServes();
    }

    @Test
    void aStalledClientDoesNotHoldTheServer() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket(server.endpoint().getHost(), server.port());
                // Half a request line, half the headers, half a body: then nothing.
                String part = switch (i % 3) {
                    case 0 -> "POST / HT";
                    case 1 -> "POST / HTTP/1.1\r\nHost: x\r\nContent-Le";
                    default ->
                        "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AmazonEC2ContainerServiceV20141113.ListClusters\r\n"
                                + "Content-Length: 50\r\n\r\n{\"clu";
                };
                s.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            assertStillServes();
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
        assertStillServes();
    }

    @Test
    void aThousandRandomByteStringsGetAwsErrorsAndTheServerGoesOn() throws Exception {
        SplittableRandom random = new SplittableRandom(20261205L);
        int serialization = 0;
        List<String> ops = List.of(
                "CreateCluster",
                "RunTask",
                "RegisterTaskDefinition",
                "DescribeTasks",
                "ListClusters",
                "TagResource",
                "PutAttributes",
                "UpdateCluster");
        for (int i = 0; i < 1000; i++) {
            byte[] body = new byte[random.nextInt(1, 300)];
            for (int j = 0; j < body.length; j++) {
                body[j] = (byte) random.nextInt(256);
            }
            if (i % 2 == 0) {
                body[0] = '{'; // half of them start like JSON, to go further into the reader
            }
            HttpResponse<String> r =
                    Wire.post(server, "AmazonEC2ContainerServiceV20141113." + ops.get(i % ops.size()), body);
            assertThat(r.statusCode()).as("body %d", i).isBetween(400, 499);
            JsonNode answer = JSON.readTree(r.body());
            // Nearly all are not JSON; the odd one that reads as an object gets the operation's own error.
            assertThat(answer.get("__type").asText())
                    .as("body %d", i)
                    .isIn(
                            "SerializationException",
                            "ClusterNotFoundException",
                            "InvalidParameterException",
                            "ClientException");
            assertThat(answer.get("message").isTextual()).isTrue();
            if (answer.get("__type").asText().equals("SerializationException")) {
                serialization++;
            }
        }
        assertThat(serialization).isGreaterThan(990);
        assertStillServes();
        assertThat(server.fake().listClusters(b -> {}).clusterArns()).isEmpty();
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            sb.append((char) c);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return sb.toString();
    }
}
