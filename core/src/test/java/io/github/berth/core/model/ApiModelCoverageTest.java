package io.github.berth.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks Berth's types against the ECS API model: every shape reachable from the operations Berth
 * models has a type of the same name, every member is there under its wire name, every enum value
 * is a constant, and every type survives the wire JSON both ways.
 */
class ApiModelCoverageTest {

    static final ApiModel MODEL = ApiModel.load("/aws-models/ecs-2014-11-13.json");

    /** The operations Berth models, as the generator lists them. */
    static final List<String> OPERATIONS = ApiModel.modelledOperations("/io/github/berth/core/api/operations.txt");

    static final Set<String> IO_SHAPES = ioShapes();

    static Set<String> ioShapes() {
        Set<String> io = new LinkedHashSet<>();
        for (String op : OPERATIONS) {
            io.add(MODEL.inputOf(op));
            io.add(MODEL.outputOf(op));
        }
        return io;
    }

    static Class<?> typeOf(String shape) {
        String pkg = IO_SHAPES.contains(shape) ? "io.github.berth.core.api." : "io.github.berth.core.model.";
        try {
            return Class.forName(pkg + shape);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no Berth type for API shape " + shape + " (expected " + pkg + shape + ")");
        }
    }

    static Stream<String> structures() {
        return MODEL.reachable(OPERATIONS).stream().filter(MODEL::isStructure);
    }

    static Stream<String> enums() {
        return MODEL.reachable(OPERATIONS).stream().filter(MODEL::isEnum);
    }

    @Test
    void everyOperationHasARequestAndAResponseType() {
        for (String op : OPERATIONS) {
            assertThat(typeOf(MODEL.inputOf(op)).getPackageName()).isEqualTo("io.github.berth.core.api");
            assertThat(typeOf(MODEL.outputOf(op)).getPackageName()).isEqualTo("io.github.berth.core.api");
        }
        assertThat(structures().count())
                .as("structures reachable from the operations")
                .isGreaterThan(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void everyMemberIsAnAccessorUnderItsWireName(String shape) {
        Class<?> type = typeOf(shape);
        assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
        assertThat(ApiModel.wireNamesOf(type)).containsExactlyInAnyOrderElementsOf(MODEL.memberNames(shape));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void buildersReadLikeTheSdk(String shape) throws Exception {
        Class<?> type = typeOf(shape);
        Object builder = type.getMethod("builder").invoke(null);
        Object empty = builder.getClass().getMethod("build").invoke(builder);
        assertThat(empty).isInstanceOf(type);
        Object again = type.getMethod("toBuilder").invoke(empty);
        assertThat(again.getClass().getMethod("build").invoke(again)).isEqualTo(empty);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void everyEnumValueIsAConstant(String shape) throws Exception {
        Class<?> type = Class.forName("io.github.berth.core.model." + shape);
        @SuppressWarnings("unchecked")
        List<OpenEnum> known = (List<OpenEnum>) type.getMethod("knownValues").invoke(null);
        assertThat(known.stream().map(OpenEnum::value)).containsExactlyElementsOf(MODEL.enumValues(shape));
        for (String v : MODEL.enumValues(shape)) {
            OpenEnum e = (OpenEnum) type.getMethod("fromValue", String.class).invoke(null, v);
            assertThat(e.isKnown()).isTrue();
            assertThat(known).contains(e);
        }
        List<Object> constants = new ArrayList<>();
        for (java.lang.reflect.Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                constants.add(f.get(null));
            }
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void anEnumValueUnknownToThisVersionIsKeptNotRefused() {
        NetworkMode future = NetworkMode.fromValue("quantum");
        assertThat(future.isKnown()).isFalse();
        assertThat(future.value()).isEqualTo("quantum");
        assertThat(future).isEqualTo(NetworkMode.fromValue("quantum")).isNotEqualTo(NetworkMode.AWSVPC);
        TaskDefinition td = EcsJson.strict().read("{\"networkMode\":\"quantum\"}", TaskDefinition.class);
        assertThat(td.networkMode()).isEqualTo(future);
        assertThat(EcsJson.strict().write(td)).isEqualTo("{\"networkMode\":\"quantum\"}");
    }

    /**
     * Round trip of every type, with every member set, walking each enum through its values:
     * the JSON read strictly and written again is the same JSON, and read(write(x)) equals x.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void everyTypeRoundTripsWithEveryMember(String shape) {
        Class<?> type = typeOf(shape);
        int maxEnum = MODEL.largestEnumWithin(shape);
        for (int pick = 0; pick < maxEnum; pick++) {
            JsonNode json = EcsJson.strict().readTree(MODEL.sample(shape, pick).toString());
            Object value = EcsJson.strict().read(json.toString(), type);
            String written = EcsJson.strict().write(value);
            assertThat(EcsJson.strict().readTree(written))
                    .as("%s written back", shape)
                    .isEqualTo(json);
            assertThat(EcsJson.strict().read(written, type)).isEqualTo(value);
            assertThat(EcsJson.strict().read(EcsJson.strict().writePretty(value), type))
                    .isEqualTo(value);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void strictReadingRefusesAnUnknownMemberLenientIgnoresIt(String shape) {
        Class<?> type = typeOf(shape);
        String json = "{\"notAMemberOf" + shape + "\": [1, {\"x\": 2}]}";
        assertThatThrownBy(() -> EcsJson.strict().read(json, type))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("notAMemberOf" + shape);
        assertThat(EcsJson.lenient().read(json, type))
                .isEqualTo(EcsJson.lenient().read("{}", type));
    }

    @Test
    void theGeneratedOperationListIsReadAndNamesOnlyOperationsOfTheModel() {
        assertThat(OPERATIONS)
                .contains(
                        "RegisterTaskDefinition",
                        "RunTask",
                        "CreateService",
                        "CreateTaskSet",
                        "SubmitContainerStateChange")
                .doesNotHaveDuplicates();
        assertThat(OPERATIONS.stream()
                        .filter(op -> !MODEL.operations().contains(op))
                        .collect(Collectors.toList()))
                .isEmpty();
    }
}
