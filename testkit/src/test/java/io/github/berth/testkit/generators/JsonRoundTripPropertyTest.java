package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.json.EcsJson;
import io.github.berth.testkit.property.Property;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** For every generated value of every model type: {@code read(write(x)).equals(x)}, strict mode. */
class JsonRoundTripPropertyTest {

    static final EcsJson STRICT = EcsJson.strict();

    static Stream<Class<?>> modelTypes() {
        return ModelTypes.all().stream();
    }

    @Test
    void everyModelPackageIsCovered() {
        List<Class<?>> types = ModelTypes.all();
        assertThat(types.stream().map(Class::getPackageName).distinct())
                .containsExactlyInAnyOrderElementsOf(ModelTypes.PACKAGES);
        assertThat(types).hasSizeGreaterThan(250);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modelTypes")
    <T> void readOfWriteIsTheValue(Class<T> type) {
        Property.forAll(EcsGen.any(type)).tries(12).check(x -> {
            String json = STRICT.write(x);
            assertThat(STRICT.read(json, type)).as(json).isEqualTo(x);
            assertThat(STRICT.read(STRICT.writePretty(x), type)).isEqualTo(x);
            assertThat(STRICT.read(STRICT.writeBytes(x), type)).isEqualTo(x);
        });
    }

    @Test
    void theGeneratedValuesReachNestedMembersAndUnknownEnumValues() {
        // The round trip above is only as good as what it is given: values with nested structures,
        // empty lists (which must stay empty, not absent) and enum values this version does not know.
        List<String> json = EcsGen.any(io.github.berth.core.api.CreateServiceRequest.class).samples(1, 200).stream()
                .map(STRICT::write)
                .toList();
        assertThat(json).anyMatch(j -> j.contains("\"serviceConnectConfiguration\":{\"enabled\""));
        assertThat(json).anyMatch(j -> j.contains(":[]"));
        assertThat(json).anyMatch(j -> j.contains("\"future-"));
        assertThat(json).anyMatch(j -> j.contains("\\\""));
    }
}
