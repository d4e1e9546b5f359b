package io.github.berth.testkit.fuzz;

import static io.github.berth.testkit.fuzz.FuzzInputs.documented;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.Expression;
import io.github.berth.testkit.generators.ClusterState;
import io.github.berth.testkit.generators.EcsGen;

/**
 * The cluster query language: the parser refuses with a QuerySyntaxException (an
 * InvalidParameterException) or gives an expression that prints to text parsing back to it and
 * that evaluates over a cluster.
 */
class QueryFuzzTest {

    private static final ClusterState CLUSTER = EcsGen.clusters().sample(20_261_205L);
    private static final ClusterSnapshot SNAPSHOT = ClusterSnapshot.of(CLUSTER.containerInstances(), CLUSTER.tasks());

    @FuzzTest(maxDuration = "10m")
    void parsePrintAndEvaluate(byte[] input) {
        String text = FuzzInputs.text(input);
        documented(() -> {
            Expression e = ClusterQuery.parse(text);
            assertThat(ClusterQuery.parse(ClusterQuery.print(e))).isEqualTo(e);
            assertThat(SNAPSHOT.filter(e)).isSubsetOf(SNAPSHOT.containerInstanceArns());
        });
    }
}
