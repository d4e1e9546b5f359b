package io.github.berth.scaling.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.EcsException;
import io.github.berth.core.model.ApiModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One exception class per error shape of the Application Auto Scaling API model, in scaling beside
 * the model, each carrying its wire {@code __type}, its HTTP status, its message (member
 * {@code Message}) and its other members; none of them is an ECS error.
 */
class ErrorClassesTest {

    private static final ApiModel AAS = ApiModel.load("/aws-models/application-autoscaling-2016-02-06.json");

    static List<String> errorShapes() {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = AAS.shapes().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("exception").asBoolean()) {
                names.add(e.getKey());
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorShapes")
    void everyErrorCodeHasItsClass(String shape) throws Exception {
        JsonNode definition = AAS.shape(shape);
        Class<?> type = Class.forName("io.github.berth.scaling.error." + shape);
        assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
        assertThat(type).isAssignableTo(ApplicationAutoScalingException.class);
        assertThat(EcsException.class.isAssignableFrom(type)).isFalse();
        assertThat(type.getField("ERROR_CODE").get(null)).isEqualTo(shape);

        Constructor<?> withMessage = type.getConstructor(String.class);
        AwsServiceException e = (AwsServiceException) withMessage.newInstance("the message");
        assertThat(e.errorCode()).isEqualTo(shape);
        assertThat(e.getMessage()).isEqualTo("the message");
        assertThat(e.toString()).isEqualTo(shape + ": the message");
        // No shape has "fault"; InternalServiceException is a server failure all the same.
        assertThat(definition.path("fault").asBoolean()).isFalse();
        assertThat(e.statusCode()).isEqualTo(shape.equals("InternalServiceException") ? 500 : 400);
        assertThat(e.messageMember()).isEqualTo("Message");
        List<String> members = new ArrayList<>();
        definition.path("members").fieldNames().forEachRemaining(members::add);
        assertThat(members).contains("Message");
        for (String member : members) {
            if (member.equals("Message")) {
                continue;
            }
            String accessor = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            assertThat(Modifier.isPublic(type.getMethod(accessor).getModifiers()))
                    .as("%s.%s() is public", shape, accessor)
                    .isTrue();
            assertThat(type.getMethod(accessor).invoke(e))
                    .as("absent %s", member)
                    .isNull();
        }
    }

    @Test
    void thereIsNoErrorClassWithoutAnErrorCode() throws Exception {
        List<String> expected = new ArrayList<>(errorShapes());
        // The base type, and the AWS-wide protocol error for a body the service cannot read.
        expected.addAll(List.of("ApplicationAutoScalingException", "SerializationException"));
        URL url = ErrorClassesTest.class.getResource("/io/github/berth/scaling/error/ValidationException.class");
        Path folder = Path.of(url.toURI()).getParent();
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class"))
                    .forEach(f -> classes.add(f.substring(0, f.length() - ".class".length())));
        }
        assertThat(classes).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void errorsWithMoreThanAMessageCarryTheirMembers() {
        assertThat(new ResourceNotFoundException("gone", "arn:x").resourceName())
                .isEqualTo("arn:x");
        assertThat(new TooManyTagsException("many", "arn:y").resourceName()).isEqualTo("arn:y");
    }

    @Test
    void aSerializationExceptionIsThisServicesWithEveryProblemInItsMessage() {
        SerializationException e = new SerializationException(List.of(
                new io.github.berth.core.error.SerializationException.Problem(
                        "MinCapacity", 1, 15, "expected an integer"),
                new io.github.berth.core.error.SerializationException.Problem("", 0, 0, "the document is empty")));
        assertThat(e.errorCode()).isEqualTo("SerializationException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.messageMember()).isEqualTo("Message");
        assertThat(e.getMessage())
                .isEqualTo("MinCapacity: expected an integer (line 1, column 15); the document is empty");
        assertThat(e.problems()).hasSize(2);
        assertThatThrownBy(() -> new SerializationException(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a SerializationException names at least one problem");
    }
}
