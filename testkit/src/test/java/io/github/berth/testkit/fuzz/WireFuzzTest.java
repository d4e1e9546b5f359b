package io.github.berth.testkit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.server.Dispatcher;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The wire dispatcher of {@code berth serve} and of the SDK channel, on any body a client may send:
 * the answer is always the protocol's (HTTP 200 with a JSON object, or 400 with {@code __type} and
 * a message), never a fault of the fake's own (500 {@code ServerException}), and a call that fails
 * changes nothing in the fake.
 */
class WireFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A small cluster a request can act on: "default" with one instance and the task definition "web". */
    private static FakeEcs fake() {
        FakeEcs ecs = FakeEcs.builder().seed(1).build();
        ecs.createCluster(b -> b.clusterName("default"));
        ecs.launchInstance("default", "m5.large", "us-east-1a");
        ecs.registerTaskDefinition(RegisterTaskDefinitionRequest.builder()
                .family("web")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image("nginx")
                        .memory(128)
                        .build()))
                .build());
        return ecs;
    }

    /** First byte: which operation (of {@link FuzzInputs#REQUEST_TYPES}); the rest: the body. */
    @FuzzTest(maxDuration = "10m")
    void dispatch(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Class<?> type = FuzzInputs.REQUEST_TYPES.get(Byte.toUnsignedInt(input[0]) % FuzzInputs.REQUEST_TYPES.size());
        String op = type.getSimpleName().substring(0, type.getSimpleName().length() - "Request".length());
        boolean ecs = type.getPackageName().equals("io.github.berth.core.api");
        String target = (ecs ? Dispatcher.ECS_TARGET_PREFIX : Dispatcher.AUTO_SCALING_TARGET_PREFIX) + "." + op;
        FakeEcs fake = fake();
        String before = fake.snapshot();
        Dispatcher.Answer answer = Dispatcher.of(fake).handle(target, Arrays.copyOfRange(input, 1, input.length));
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.isObject()).as("an answer is a JSON object").isTrue();
        if (answer.status() == 200) {
            assertThat(answer.errorType()).isNull();
            return;
        }
        assertThat(answer.status()).as("%s: %s", op, body).isEqualTo(400);
        assertThat(body.path("__type").asText()).isEqualTo(answer.errorType()).isNotBlank();
        assertThat(body.path(ecs ? "message" : "Message").isTextual())
                .as("%s", body)
                .isTrue();
        assertThat(fake.snapshot())
                .as("a failed %s changed the fake: %s", op, body)
                .isEqualTo(before);
    }
}
