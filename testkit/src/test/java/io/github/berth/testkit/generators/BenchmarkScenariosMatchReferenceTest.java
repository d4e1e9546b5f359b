package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.TaskPlacement;
import io.github.berth.testkit.generators.internal.PlacementScenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark scenarios place exactly what the exhaustive reference placer places: scenario 2
 * (the speed target) at full size, 5,000 tasks on 5,000 instances; scenarios 1 and 3 smaller.
 */
class BenchmarkScenariosMatchReferenceTest {

    /** The engine's result in the reference's terms. */
    static ReferencePlacer.Result asReference(PlacementResult r) {
        List<ReferencePlacer.Placed> placed = new ArrayList<>();
        for (TaskPlacement p : r.placements()) {
            List<Integer> ports = new ArrayList<>();
            for (TaskPlacement.ContainerBindings c : p.containers()) {
                for (NetworkBinding b : c.networkBindings()) {
                    ports.add(
                            b.hostPortRange() != null
                                    ? Integer.parseInt(b.hostPortRange().split("-")[0])
                                    : b.hostPort() == null ? 0 : b.hostPort());
                }
            }
            placed.add(new ReferencePlacer.Placed(p.taskIndex(), p.containerInstanceArn(), ports));
        }
        List<ReferencePlacer.Unplaced> unplaced = new ArrayList<>();
        int task = r.placements().size();
        for (Failure f : r.failures()) {
            unplaced.add(new ReferencePlacer.Unplaced(task++, f.arn(), f.reason()));
        }
        return new ReferencePlacer.Result(placed, unplaced);
    }

    private static void matches(int instances, long seed, boolean trunking, PlacementRequest request) {
        List<ContainerInstance> cluster = PlacementScenarios.instances(instances, seed, trunking);
        ClusterSnapshot snapshot = ClusterSnapshot.builder()
                .awsvpcTrunking(trunking)
                .addInstances(cluster)
                .build();
        PlacementResult engine = PlacementEngine.place(snapshot, request);
        ReferencePlacer.Result reference = new ReferencePlacer(cluster, List.of(), trunking).place(request);
        assertThat(asReference(engine)).isEqualTo(reference);
    }

    @Test
    void scenario2AtFullSize() {
        matches(5000, 42, false, PlacementScenarios.scenario2(5000));
    }

    @Test
    void scenario1() {
        matches(600, 42, false, PlacementScenarios.scenario1(1500));
    }

    @Test
    void scenario3UpToTheEniLimitsAndOneMore() {
        int capacity = PlacementScenarios.awsvpcCapacity(90, true);
        matches(90, 7, true, PlacementScenarios.scenario3(capacity + 1));
    }
}
