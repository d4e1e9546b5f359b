package io.github.berth.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.model.ApiModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One exception class per error shape of the ECS API model, each carrying its wire {@code __type},
 * its HTTP status, its message and its other members.
 */
class ErrorClassesTest {

    private static final ApiModel ECS = ApiModel.load("/aws-models/ecs-2014-11-13.json");

    /** ECS's one server fault, marked {@code fault} in the model. */
    private static final String SERVER_ERROR = "ServerException";

    static Stream<Arguments> errorShapes() {
        List<Arguments> all = new ArrayList<>();
        for (String shape : errorNames(ECS)) {
            all.add(Arguments.of("io.github.berth.core.error", shape, ECS.shape(shape)));
        }
        return all.stream();
    }

    private static List<String> errorNames(ApiModel model) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.shapes().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().path("exception").asBoolean()) {
                names.add(e.getKey());
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errorShapes")
    void everyErrorCodeHasItsClass(String pkg, String shape, JsonNode definition) throws Exception {
        Class<?> type = Class.forName(pkg + "." + shape);
        assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
        assertThat(type).isAssignableTo(EcsException.class);
        assertThat(type.getField("ERROR_CODE").get(null)).isEqualTo(shape);

        Constructor<?> withMessage = type.getConstructor(String.class);
        AwsServiceException e = (AwsServiceException) withMessage.newInstance("the message");
        assertThat(e.errorCode()).isEqualTo(shape);
        assertThat(e.getMessage()).isEqualTo("the message");
        assertThat(e.toString()).isEqualTo(shape + ": the message");
        assertThat(e.statusCode()).isEqualTo(shape.equals(SERVER_ERROR) ? 500 : 400);
        assertThat(definition.path("fault").asBoolean()).isEqualTo(shape.equals(SERVER_ERROR));
        // The message member as the model names it: "message".
        assertThat(e.messageMember()).isEqualTo("message");
        List<String> members = new ArrayList<>();
        definition.path("members").fieldNames().forEachRemaining(members::add);
        assertThat(members).contains(e.messageMember());
        // Every other member of the error shape has an accessor under its name (lower camel case).
        for (String member : members) {
            if (member.equals(e.messageMember())) {
                continue;
            }
            String accessor = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            // getMethod throws when the accessor is missing; what it returns must be public API.
            assertThat(java.lang.reflect.Modifier.isPublic(
                            type.getMethod(accessor).getModifiers()))
                    .as("%s.%s() is public", shape, accessor)
                    .isTrue();
            assertThat(type.getMethod(accessor).invoke(e))
                    .as("absent %s", member)
                    .isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void thereIsNoErrorClassWithoutAnErrorCode(String pkg, ApiModel model, List<String> bases) throws Exception {
        List<String> expected = new ArrayList<>(errorNames(model));
        expected.addAll(bases);
        String dir = "/" + pkg.replace('.', '/');
        java.net.URL url = ErrorClassesTest.class.getResource(dir + "/ClientException.class");
        java.nio.file.Path folder = java.nio.file.Path.of(url.toURI()).getParent();
        List<String> classes = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(folder)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class"))
                    .forEach(f -> classes.add(f.substring(0, f.length() - ".class".length())));
        }
        assertThat(classes).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Stream<Arguments> packages() {
        return Stream.of(Arguments.of(
                "io.github.berth.core.error",
                ECS,
                List.of("AwsServiceException", "EcsException", "SerializationException")));
    }

    @Test
    void errorsWithMoreThanAMessageCarryTheirMembers() {
        ConflictException conflict =
                new ConflictException("in use", List.of("arn:aws:ecs:us-east-1:123456789012:task/c/1"));
        assertThat(conflict.resourceIds()).containsExactly("arn:aws:ecs:us-east-1:123456789012:task/c/1");
    }

    @Test
    void anErrorKeepsTheStackTraceOfWhereItWasThrown() {
        ClusterNotFoundException e = new ClusterNotFoundException("Cluster not found.");
        assertThat(e.getStackTrace()).isNotEmpty();
        assertThat(e.getStackTrace()[0].getMethodName()).isEqualTo("anErrorKeepsTheStackTraceOfWhereItWasThrown");
        e.addSuppressed(new IllegalStateException("while cleaning up"));
        assertThat(e.getSuppressed()).hasSize(1);
    }
}
