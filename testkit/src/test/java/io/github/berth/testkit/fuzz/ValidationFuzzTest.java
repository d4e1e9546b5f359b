package io.github.berth.testkit.fuzz;

import static io.github.berth.testkit.fuzz.FuzzInputs.documented;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.validation.TaskDefinitionNormalizer;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.util.Arrays;

/** Validation of what reads: every violation is a value, never an exception; what is valid normalizes to a valid request. */
class ValidationFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void validateTaskDefinition(byte[] input) {
        String json = FuzzInputs.text(input);
        documented(() -> {
            RegisterTaskDefinitionRequest request =
                    EcsJson.lenient().readTaskDefinitionFile(json).request();
            if (TaskDefinitionValidator.validate(request).isEmpty()) {
                RegisterTaskDefinitionRequest stored = TaskDefinitionNormalizer.normalize(request);
                assertThat(TaskDefinitionValidator.validate(stored)).isEmpty();
            } else {
                TaskDefinitionValidator.requireValid(request); // throws the AWS error
                throw new AssertionError("requireValid accepted a request with violations");
            }
        });
    }

    /** First byte: register-scalable-target, put-scaling-policy or put-scheduled-action; the rest: its JSON. */
    @FuzzTest(maxDuration = "10m")
    void validateScalingRequest(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String json = FuzzInputs.text(Arrays.copyOfRange(input, 1, input.length));
        AutoScalingJson reader = AutoScalingJson.lenient();
        documented(() -> {
            switch (Byte.toUnsignedInt(input[0]) % 3) {
                case 0 -> AutoScalingValidator.validate(reader.read(json, RegisterScalableTargetRequest.class));
                case 1 -> AutoScalingValidator.validate(reader.read(json, PutScalingPolicyRequest.class));
                default -> AutoScalingValidator.validate(reader.read(json, PutScheduledActionRequest.class));
            }
        });
    }
}
