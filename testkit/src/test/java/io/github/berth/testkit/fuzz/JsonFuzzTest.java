package io.github.berth.testkit.fuzz;

import static io.github.berth.testkit.fuzz.FuzzInputs.documented;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.json.TaskDefinitionFile;
import java.util.Arrays;

/**
 * Reading JSON as a client sends it: every request type, and task definition files. Only
 * {@code SerializationException} may escape, and what reads writes back to the same value.
 */
class JsonFuzzTest {

    /** First byte: which request type; the rest: the JSON. */
    @FuzzTest(maxDuration = "10m")
    void readEveryRequestType(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Class<?> type = FuzzInputs.REQUEST_TYPES.get(Byte.toUnsignedInt(input[0]) % FuzzInputs.REQUEST_TYPES.size());
        String json = FuzzInputs.text(Arrays.copyOfRange(input, 1, input.length));
        for (EcsJson reader : new EcsJson[] {EcsJson.strict(), EcsJson.lenient()}) {
            documented(() -> {
                Object value = reader.read(json, type);
                assertThat(EcsJson.strict().read(EcsJson.strict().write(value), type))
                        .isEqualTo(value);
            });
        }
    }

    @FuzzTest(maxDuration = "10m")
    void readTaskDefinitionFile(byte[] input) {
        String json = FuzzInputs.text(input);
        documented(() -> {
            TaskDefinitionFile file = EcsJson.strict().readTaskDefinitionFile(json);
            assertThat(EcsJson.strict()
                            .readTaskDefinitionFile(EcsJson.strict().write(file.request()))
                            .request())
                    .isEqualTo(file.request());
        });
    }
}
