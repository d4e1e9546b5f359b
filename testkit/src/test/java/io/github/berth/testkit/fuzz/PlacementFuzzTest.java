package io.github.berth.testkit.fuzz;

import static io.github.berth.testkit.fuzz.FuzzInputs.documented;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import java.util.List;

/**
 * Placement as {@code berth place} runs it: a DescribeContainerInstances response, a
 * DescribeTasks response, a task definition and a RunTask request (parts separated by
 * {@link FuzzInputs#PART}). Only the AWS errors may escape; every task is placed or has a failure.
 */
class PlacementFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void placeRunTask(byte[] input) {
        List<String> parts = FuzzInputs.parts(FuzzInputs.text(input), 4);
        documented(() -> {
            ClusterSnapshot cluster =
                    ClusterSnapshot.fromJson(parts.get(0), parts.get(1).isBlank() ? null : parts.get(1));
            TaskDefinition td =
                    EcsJson.lenient().readTaskDefinitionFile(parts.get(2)).described() != null
                            ? EcsJson.lenient()
                                    .readTaskDefinitionFile(parts.get(2))
                                    .described()
                            : EcsJson.lenient().read(parts.get(2), TaskDefinition.class);
            RunTaskRequest run = EcsJson.lenient().read(parts.get(3), RunTaskRequest.class);
            PlacementRequest request = PlacementRequest.fromRunTask(run, td);
            PlacementResult result = PlacementEngine.place(cluster, request);
            assertThat(result.placements().size() + result.failures().size()).isEqualTo(request.count());
            result.explain();
        });
    }
}
