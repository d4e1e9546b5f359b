package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.binpack;
import static io.github.berth.placement.Fixtures.memberOf;
import static io.github.berth.placement.Fixtures.spread;
import static io.github.berth.placement.Fixtures.td;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.PlacementStrategy;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The heap ranker chooses exactly what the scan ranker chooses, over many seeded random cases. */
class RankerEquivalenceTest {

    private static final String[] TYPES = {"m5.large", "m5.xlarge", "c5.large", "r5.large"};
    private static final String[] AZS = {"us-east-1a", "us-east-1b", "us-east-1c"};

    @Test
    void heapAndScanAgree() {
        Random random = new Random(20261129);
        List<List<PlacementStrategy>> compositions = List.of(
                List.of(spread("attribute:ecs.availability-zone"), spread("instanceId")),
                List.of(spread("attribute:ecs.availability-zone"), binpack("memory")),
                List.of(binpack("cpu"), binpack("memory")),
                List.of(spread("instanceId"), binpack("memory")),
                List.of(
                        spread("attribute:ecs.instance-type"),
                        spread("attribute:ecs.availability-zone"),
                        binpack("cpu")),
                List.of(binpack("memory")),
                List.of(spread("attribute:ecs.availability-zone")));
        for (int round = 0; round < 60; round++) {
            ClusterSnapshot.Builder b = ClusterSnapshot.builder();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                b.addInstance(Fixtures.instance(
                                "i" + i,
                                TYPES[random.nextInt(TYPES.length)],
                                AZS[random.nextInt(AZS.length)],
                                256 * (1 + random.nextInt(8)),
                                256 * (1 + random.nextInt(16)))
                        .build());
                for (int t = random.nextInt(3); t > 0; t--) {
                    b.addTask(Fixtures.task("i" + i, random.nextBoolean() ? "service:s" : "other"));
                }
            }
            ClusterSnapshot s = b.build();
            PlacementRequest.Builder req = PlacementRequest.builder(
                            td(64 * (1 + random.nextInt(4)), 64 * (1 + random.nextInt(8))))
                    .service("s")
                    .count(1 + random.nextInt(60))
                    .seed(random.nextLong())
                    .placementStrategy(compositions.get(random.nextInt(compositions.size())));
            if (random.nextBoolean()) {
                req.addPlacementConstraint(memberOf("attribute:ecs.instance-type =~ m5.*"));
            }
            if (random.nextInt(4) == 0) {
                req.addPlacementConstraint(Fixtures.distinctInstance());
            }
            PlacementRequest r = req.build();
            PlacementResult heap = PlacementEngine.place(s, r, false);
            PlacementResult scan = PlacementEngine.place(s, r, true);
            assertThat(heap.placements()).as("round %d: %s", round, r).isEqualTo(scan.placements());
            assertThat(heap.failures()).isEqualTo(scan.failures());
            assertThat(heap.explain()).isEqualTo(scan.explain());
        }
    }
}
