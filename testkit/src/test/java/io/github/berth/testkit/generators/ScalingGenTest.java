package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.scaling.schedule.CronExpression;
import io.github.berth.scaling.schedule.Schedule;
import io.github.berth.scaling.validation.AutoScalingValidator;
import io.github.berth.testkit.property.Property;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scaling generators make what Application Auto Scaling accepts, and make it varied. */
class ScalingGenTest {

    private static final Instant T0 = Instant.parse("2024-03-04T00:00:00Z");

    @Test
    void everyGeneratedRequestIsValid() {
        Property.forAll(ScalingGen.scalableTargets())
                .tries(200)
                .check(t -> assertThat(AutoScalingValidator.validate(t)).isEmpty());
        Property.forAll(ScalingGen.targetTrackingPolicies("tt"))
                .tries(200)
                .check(p -> assertThat(AutoScalingValidator.validate(p)).isEmpty());
        Property.forAll(ScalingGen.stepPolicies("step"))
                .tries(300)
                .check(p -> assertThat(AutoScalingValidator.validate(p.first())).isEmpty());
        Property.forAll(ScalingGen.scheduledActions("a", T0))
                .tries(300)
                .check(a -> assertThat(AutoScalingValidator.validate(a)).isEmpty());
    }

    @Test
    void cronExpressionsParseAndVary() {
        Property.forAll(ScalingGen.cronExpressions())
                .tries(500)
                .check(c -> assertThat(Schedule.parse(c)).isInstanceOf(CronExpression.class));
        List<String> sample = ScalingGen.cronExpressions().samples(1, 400);
        Set<String> features = new HashSet<>();
        for (String c : sample) {
            for (String f : List.of("?", "L", "W", "#", "/", ",", "-", "MON", "JAN")) {
                if (c.contains(f)) {
                    features.add(f);
                }
            }
        }
        assertThat(features).containsExactlyInAnyOrder("?", "L", "W", "#", "/", ",", "-", "MON", "JAN");
    }

    @Test
    void instantsGatherNearOffsetChanges() {
        ZoneId newYork = ZoneId.of("America/New_York");
        List<Instant> sample = ScalingGen.instants(newYork).samples(1, 300);
        long near = sample.stream()
                .filter(i -> {
                    var t = newYork.getRules().nextTransition(i);
                    return t != null && t.getInstant().getEpochSecond() - i.getEpochSecond() <= 30 * 3600;
                })
                .count();
        assertThat(near).isGreaterThan(100);
        assertThat(sample).allMatch(i -> i.getNano() == 0);
    }

    @Test
    void metricsAreMinutesOfFiniteValuesOrGaps() {
        Property.forAll(ScalingGen.metricValues(120)).tries(100).check(d -> {
            assertThat(d).hasSize(120);
            for (double x : d) {
                assertThat(Double.isNaN(x) || (x >= 0 && Double.isFinite(x))).isTrue();
            }
        });
        Property.forAll(ScalingGen.risingValues(60, 10, 50)).tries(100).check(d -> {
            for (int i = 1; i < d.length; i++) {
                assertThat(d[i]).isGreaterThanOrEqualTo(d[i - 1]).isBetween(10.0, 50.0);
            }
        });
    }
}
