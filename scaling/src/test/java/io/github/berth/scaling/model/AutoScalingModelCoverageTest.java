package io.github.berth.scaling.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.ApiModel;
import io.github.berth.core.model.OpenEnum;
import io.github.berth.scaling.error.SerializationException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@code scaling.model} against the Application Auto Scaling API model: every operation has
 * its request and response type, every shape they reach has a type of the same name with every
 * member under its wire name, every enum value is a constant, every type survives the wire JSON
 * both ways with every member set, strict reading refuses an unknown member and lenient reading
 * ignores it, and every error shape has its exception.
 */
class AutoScalingModelCoverageTest {

    static final ApiModel MODEL = ApiModel.load("/aws-models/application-autoscaling-2016-02-06.json");

    /** The operations modelled, as the generator lists them: every operation of the service. */
    static final List<String> OPERATIONS = ApiModel.modelledOperations("/io/github/berth/scaling/model/operations.txt");

    static Class<?> typeOf(String shape) {
        try {
            return Class.forName("io.github.berth.scaling.model." + shape);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(
                    "no Berth type for API shape " + shape + " (expected scaling.model." + shape + ")");
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
        assertThat(OPERATIONS)
                .containsExactlyInAnyOrderElementsOf(MODEL.operations())
                .contains(
                        "RegisterScalableTarget",
                        "PutScalingPolicy",
                        "PutScheduledAction",
                        "GetPredictiveScalingForecast",
                        "TagResource");
        for (String op : OPERATIONS) {
            // typeOf fails the test when the type is missing; the types must be named after the operation.
            assertThat(typeOf(MODEL.inputOf(op)).getSimpleName()).isEqualTo(op + "Request");
            assertThat(typeOf(MODEL.outputOf(op)).getSimpleName()).isEqualTo(op + "Response");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void everyMemberIsAnAccessorUnderItsWireName(String shape) {
        Class<?> type = typeOf(shape);
        assertThat(Modifier.isPublic(type.getModifiers())).isTrue();
        assertThat(ApiModel.wireNamesOf(type)).containsExactlyInAnyOrderElementsOf(MODEL.memberNames(shape));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void everyEnumValueIsAConstant(String shape) throws Exception {
        Class<?> type = typeOf(shape);
        @SuppressWarnings("unchecked")
        List<OpenEnum> known = (List<OpenEnum>) type.getMethod("knownValues").invoke(null);
        assertThat(known.stream().map(OpenEnum::value)).containsExactlyElementsOf(MODEL.enumValues(shape));
        OpenEnum future = (OpenEnum) type.getMethod("fromValue", String.class).invoke(null, "not-yet-a-value");
        assertThat(future.isKnown()).isFalse();
    }

    /** With every member set, each enum walked through its values: read strictly, written back, the same JSON. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void everyTypeRoundTripsWithEveryMember(String shape) {
        Class<?> type = typeOf(shape);
        for (int pick = 0; pick < MODEL.largestEnumWithin(shape); pick++) {
            JsonNode json = EcsJson.strict().readTree(MODEL.sample(shape, pick).toString());
            Object value = AutoScalingJson.strict().read(json.toString(), type);
            String written = AutoScalingJson.strict().write(value);
            assertThat(AutoScalingJson.strict().read(written, type)).isEqualTo(value);
            assertThat(AutoScalingJson.lenient().read(AutoScalingJson.strict().writePretty(value), type))
                    .isEqualTo(value);
            assertThat(EcsJson.strict().readTree(written))
                    .as("%s written back", shape)
                    .isEqualTo(json);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("structures")
    void strictReadingRefusesAnUnknownMemberLenientIgnoresIt(String shape) {
        Class<?> type = typeOf(shape);
        String json = "{\"NotAMemberOf" + shape + "\": [1, {\"x\": 2}]}";
        assertThatThrownBy(() -> AutoScalingJson.strict().read(json, type))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("NotAMemberOf" + shape);
        assertThat(AutoScalingJson.lenient().read(json, type))
                .isEqualTo(AutoScalingJson.lenient().read("{}", type));
    }

    @Test
    void everyErrorShapeHasItsException() throws Exception {
        List<String> errors = List.of(
                "ConcurrentUpdateException",
                "FailedResourceAccessException",
                "InternalServiceException",
                "InvalidNextTokenException",
                "LimitExceededException",
                "ObjectNotFoundException",
                "ResourceNotFoundException",
                "TooManyTagsException",
                "ValidationException");
        for (String name : errors) {
            assertThat(MODEL.shape(name).path("exception").asBoolean()).as(name).isTrue();
            Class<?> type = Class.forName("io.github.berth.scaling.error." + name);
            AwsServiceException e =
                    (AwsServiceException) type.getConstructor(String.class).newInstance("m");
            assertThat(e.errorCode()).isEqualTo(name);
        }
    }
}
