package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.scaling.validation.AutoScalingValidator;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import io.github.berth.testkit.property.Tuple3;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EcsGen is the one entry point: its placement and scaling generators make values their modules accept. */
class EcsGenEntryPointTest {

    @Test
    void clusterQueryTextsParseToTheirValueAndPrintBack() {
        Property.forAll(EcsGen.clusterQueryTexts()).tries(200).check(t -> {
            assertThat(ClusterQuery.parse(t.first())).isEqualTo(t.second());
            assertThat(ClusterQuery.parse(ClusterQuery.print(t.second()))).isEqualTo(t.second());
        });
        Property.forAll(EcsGen.clusterQueries())
                .tries(200)
                .check(e ->
                        assertThat(ClusterQuery.parse(ClusterQuery.print(e))).isEqualTo(e));
    }

    @Test
    void placementInputsFitTheirCluster() {
        Property.forAll(EcsGen.clusters()
                        .flatMap(c -> Gen.zip(
                                EcsGen.placementConstraints(c),
                                EcsGen.placementRequests(c),
                                EcsGen.placementStrategies(),
                                Tuple3::new)))
                .tries(100)
                .check(t -> {
                    assertThat(t.first().size()).isLessThanOrEqualTo(10);
                    assertThat(t.second().count()).isPositive();
                    assertThat(t.third().size()).isLessThanOrEqualTo(5);
                });
    }

    @Test
    void scalingRequestsAreOnesTheServiceAccepts() {
        Property.forAll(EcsGen.scalableTargets())
                .tries(100)
                .check(r -> assertThat(AutoScalingValidator.validate(r)).isEmpty());
        Property.forAll(EcsGen.targetTrackingPolicies("cpu"))
                .tries(100)
                .check(r -> assertThat(AutoScalingValidator.validate(r)).isEmpty());
        Property.forAll(EcsGen.stepPolicies("burst"))
                .tries(100)
                .check(t -> assertThat(AutoScalingValidator.validate(t.first())).isEmpty());
        Property.forAll(EcsGen.scheduledActions("nightly", Instant.parse("2026-03-01T00:00:00Z")))
                .tries(100)
                .check(r -> assertThat(AutoScalingValidator.validate(r)).isEmpty());
        Property.forAll(EcsGen.cronExpressions())
                .tries(100)
                .check(c -> assertThat(AutoScalingValidator.scheduleProblem(c)).isNull());
        Property.forAll(EcsGen.metricValues(60))
                .tries(50)
                .check(v -> assertThat(v).hasSize(60));
    }
}
