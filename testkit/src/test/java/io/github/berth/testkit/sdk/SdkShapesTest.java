package io.github.berth.testkit.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.testkit.generators.EcsGen;
import io.github.berth.testkit.property.Property;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Berth's model to the SDK's and back, for every shape of both API models. */
class SdkShapesTest {

    @Test
    void aRunTaskRequestBuiltWithTheSdkReadsAsBerthsAndBack() {
        software.amazon.awssdk.services.ecs.model.RunTaskRequest sdk =
                software.amazon.awssdk.services.ecs.model.RunTaskRequest.builder()
                        .cluster("prod")
                        .taskDefinition("web:3")
                        .count(2)
                        .launchType("FARGATE")
                        .networkConfiguration(n ->
                                n.awsvpcConfiguration(a -> a.subnets("subnet-1").assignPublicIp("DISABLED")))
                        .build();
        RunTaskRequest berth = SdkShapes.toBerth(sdk, RunTaskRequest.class);
        assertThat(berth)
                .isEqualTo(RunTaskRequest.builder()
                        .cluster("prod")
                        .taskDefinition("web:3")
                        .count(2)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets(List.of("subnet-1"))
                                        .assignPublicIp(io.github.berth.core.model.AssignPublicIp.DISABLED)
                                        .build())
                                .build())
                        .build());
        assertThat(SdkShapes.toSdk(berth)).isEqualTo(sdk);
    }

    @Test
    void aValueOfAnotherLibraryIsRefusedByName() {
        assertThatThrownBy(() -> SdkShapes.toBerth("text", RunTaskRequest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a value of the AWS SDK's model: java.lang.String");
    }

    @Test
    void everyEcsShapeRoundTripsThroughTheSdk() throws Exception {
        List<Class<?>> types = berthTypes(
                Path.of("..", "core", "src", "test", "resources", "aws-models", "ecs-2014-11-13.json"),
                List.of("io.github.berth.core.api.", "io.github.berth.core.model."));
        assertThat(types).hasSizeGreaterThan(200);
        for (Class<?> type : types) {
            roundTrip(type);
        }
    }

    @Test
    void everyApplicationAutoScalingShapeRoundTripsThroughTheSdk() throws Exception {
        List<Class<?>> types = berthTypes(
                Path.of(
                        "..",
                        "core",
                        "src",
                        "test",
                        "resources",
                        "aws-models",
                        "application-autoscaling-2016-02-06.json"),
                List.of("io.github.berth.scaling.model."));
        assertThat(types).hasSizeGreaterThan(40);
        for (Class<?> type : types) {
            roundTrip(type);
        }
    }

    private static <T> void roundTrip(Class<T> type) {
        Property.forAll(EcsGen.any(type)).tries(15).seed(5).check(v -> {
            Object sdk = SdkShapes.toSdk(v);
            assertThat(sdk.getClass().getSimpleName()).isEqualTo(type.getSimpleName());
            assertThat(SdkShapes.toBerth(sdk, type)).as(type.getSimpleName()).isEqualTo(v);
        });
    }

    /** The Berth types of the model's structures (not its errors), those Berth has. */
    private static List<Class<?>> berthTypes(Path model, List<String> packages) throws Exception {
        JsonNode shapes = new ObjectMapper().readTree(Files.readString(model)).get("shapes");
        List<Class<?>> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = shapes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!"structure".equals(e.getValue().path("type").asText())
                    || e.getValue().path("exception").asBoolean(false)) {
                continue;
            }
            for (String pkg : packages) {
                try {
                    out.add(Class.forName(pkg + e.getKey()));
                    break;
                } catch (ClassNotFoundException notOurs) {
                    // Berth models a subset: the shapes of the operations it knows.
                }
            }
        }
        return out;
    }
}
