package io.github.berth.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.DescribeTaskDefinitionResponse;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.TaskDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cheap size bound is never below the real length, and fitsIn agrees with the real length. */
class WireSizeBoundTest {

    private static final EcsJson JSON = EcsJson.lenient();

    private static RegisterTaskDefinitionRequest request(String value) {
        return RegisterTaskDefinitionRequest.builder()
                .family("app")
                .networkMode(NetworkMode.AWSVPC)
                .cpu("256")
                .addContainerDefinitions(ContainerDefinition.builder()
                        .name("web")
                        .image("nginx:1.27")
                        .memory(512)
                        .essential(true)
                        .addPortMappings(PortMapping.builder().containerPort(80).build())
                        .addEnvironment(
                                KeyValuePair.builder().name("V").value(value).build())
                        .dockerLabels(Map.of("k", value))
                        .build())
                .build();
    }

    @Test
    void theBoundIsNeverBelowTheWrittenLength() {
        for (String value : List.of(
                "",
                "plain",
                "\u0000\u0001\u001f",
                "\"\\\"\\",
                "caf\u00e9 \u4e2d\u6587",
                "\ud83d\ude00",
                "x".repeat(5000))) {
            RegisterTaskDefinitionRequest r = request(value);
            long bound = WireSizeBound.of(r, Long.MAX_VALUE - 1);
            assertThat(bound).as(value).isGreaterThanOrEqualTo(JSON.writeBytes(r).length);
        }
    }

    @Test
    void timestampsAndNestedTypesAreBounded() {
        DescribeTaskDefinitionResponse d = DescribeTaskDefinitionResponse.builder()
                .taskDefinition(TaskDefinition.builder()
                        .family("app")
                        .revision(Integer.MIN_VALUE)
                        .registeredAt(Instant.ofEpochSecond(-31557014167219200L, 999_999_999))
                        .build())
                .build();
        assertThat(WireSizeBound.of(d, Long.MAX_VALUE - 1)).isGreaterThanOrEqualTo(JSON.writeBytes(d).length);
    }

    @Test
    void aboveTheLimitItSaysOver() {
        assertThat(WireSizeBound.of(request("x".repeat(20_000)), 65_536)).isEqualTo(WireSizeBound.OVER);
    }

    @Test
    void fitsInAgreesWithTheWrittenLengthOnBothSidesOfTheLimit() {
        RegisterTaskDefinitionRequest small = request("x".repeat(1000));
        RegisterTaskDefinitionRequest middle = request("x".repeat(20_000)); // bound above 64 KiB, length below
        RegisterTaskDefinitionRequest large = request("x".repeat(40_000));
        assertThat(JSON.fitsIn(small, 65_536)).isTrue();
        assertThat(JSON.writeBytes(middle).length).isLessThan(65_536);
        assertThat(JSON.fitsIn(middle, 65_536)).isTrue();
        assertThat(JSON.writeBytes(large).length).isGreaterThan(65_536);
        assertThat(JSON.fitsIn(large, 65_536)).isFalse();
        assertThat(JSON.byteCount(large)).isEqualTo(JSON.writeBytes(large).length);
    }
}
