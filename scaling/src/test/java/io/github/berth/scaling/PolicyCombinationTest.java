package io.github.berth.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.scaling.ScalingProposal.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCombinationTest {

    private static ScalingProposal out(String name, int capacity) {
        return new ScalingProposal(name, Direction.OUT, capacity, name + "-alarm", null);
    }

    private static ScalingProposal in(String name, int capacity) {
        return new ScalingProposal(name, Direction.IN, capacity, name + "-alarm", null);
    }

    private static ScalingProposal none(String name, int capacity) {
        return new ScalingProposal(name, Direction.NONE, capacity, null, null);
    }

    private static PolicyCombination.Outcome decide(
            int capacity, int min, int max, List<ScalingProposal> tt, List<ScalingProposal> others) {
        return PolicyCombination.decide(
                new PolicyCombination.TargetState(capacity, min, max, false, false, false), tt, others);
    }

    @Test
    void scaleOutIfAnyAndTheLargestCapacityWins() {
        // PutScalingPolicy doc example: 10 tasks, +3 (13) against +200 % (30): 30.
        PolicyCombination.Outcome o =
                decide(10, 1, 100, List.of(none("cpu", 10)), List.of(out("plus3", 13), out("triple", 30)));
        assertThat(o.capacity()).isEqualTo(30);
        assertThat(o.winner().policyName()).isEqualTo("triple");
        // Scale-out beats a scale-in asked at the same time.
        assertThat(decide(10, 1, 100, List.of(in("cpu", 6)), List.of(out("step", 12)))
                        .capacity())
                .isEqualTo(12);
    }

    @Test
    void targetTrackingScalesInOnlyIfAllAgree() {
        assertThat(decide(10, 1, 100, List.of(in("cpu", 6), none("mem", 10)), List.of())
                        .changed())
                .isFalse();
        PolicyCombination.Outcome o = decide(10, 1, 100, List.of(in("cpu", 6), in("mem", 8)), List.of());
        assertThat(o.capacity()).isEqualTo(8);
        assertThat(o.winner().policyName()).isEqualTo("mem");
    }

    @Test
    void stepScaleInIsNotHeldBackByTargetTracking() {
        PolicyCombination.Outcome o = decide(10, 1, 100, List.of(none("cpu", 10)), List.of(in("step", 7)));
        assertThat(o.capacity()).isEqualTo(7);
    }

    @Test
    void resultsStayWithinMinAndMax() {
        assertThat(decide(10, 1, 15, List.of(out("cpu", 40)), List.of()).capacity())
                .isEqualTo(15);
        assertThat(decide(10, 4, 15, List.of(in("cpu", 2)), List.of()).capacity())
                .isEqualTo(4);
        assertThat(decide(15, 1, 15, List.of(out("cpu", 40)), List.of()).changed())
                .isFalse();
        assertThat(decide(4, 4, 15, List.of(in("cpu", 2)), List.of()).changed()).isFalse();
    }

    @Test
    void outsideTheBoundsOnlyTheWayBackIn() {
        // Below min: a scale-out first raises to min; a scale-in does nothing.
        assertThat(decide(2, 5, 20, List.of(out("cpu", 3)), List.of()).capacity())
                .isEqualTo(5);
        assertThat(decide(2, 5, 20, List.of(out("cpu", 8)), List.of()).capacity())
                .isEqualTo(8);
        assertThat(decide(2, 5, 20, List.of(in("cpu", 1)), List.of()).changed()).isFalse();
        // Above max: a scale-in first lowers to max; a scale-out does nothing.
        assertThat(decide(30, 5, 20, List.of(in("cpu", 25)), List.of()).capacity())
                .isEqualTo(20);
        assertThat(decide(30, 5, 20, List.of(in("cpu", 10)), List.of()).capacity())
                .isEqualTo(10);
        assertThat(decide(30, 5, 20, List.of(out("cpu", 40)), List.of()).changed())
                .isFalse();
    }

    @Test
    void suspensionAndDeploymentsHoldTheirDirection() {
        assertThat(PolicyCombination.decide(
                                new PolicyCombination.TargetState(10, 1, 100, true, false, false),
                                List.of(out("cpu", 20)),
                                List.of())
                        .changed())
                .isFalse();
        assertThat(PolicyCombination.decide(
                                new PolicyCombination.TargetState(10, 1, 100, false, true, false),
                                List.of(in("cpu", 5)),
                                List.of())
                        .changed())
                .isFalse();
        assertThat(PolicyCombination.decide(
                                new PolicyCombination.TargetState(10, 1, 100, false, false, true),
                                List.of(in("cpu", 5)),
                                List.of())
                        .changed())
                .isFalse();
        // A deployment does not hold scale-out; a suspended scale-in does not hold scale-out.
        assertThat(PolicyCombination.decide(
                                new PolicyCombination.TargetState(10, 1, 100, false, true, true),
                                List.of(out("cpu", 20)),
                                List.of())
                        .capacity())
                .isEqualTo(20);
        assertThat(PolicyCombination.decide(
                                new PolicyCombination.TargetState(10, 1, 100, true, false, false),
                                List.of(in("cpu", 5)),
                                List.of())
                        .capacity())
                .isEqualTo(5);
    }

    @Test
    void aStepScaleOutLargerThanTargetTrackingsWins() {
        // docs/scaling.md#several-policies: with several scale-outs the largest capacity wins, whichever kind asked.
        PolicyCombination.Outcome o = decide(10, 1, 100, List.of(out("cpu", 12)), List.of(out("step", 15)));
        assertThat(o.capacity()).isEqualTo(15);
        assertThat(o.winner().policyName()).isEqualTo("step");
        o = decide(10, 1, 100, List.of(out("cpu", 18)), List.of(out("step", 15)));
        assertThat(o.capacity()).isEqualTo(18);
        assertThat(o.winner().policyName()).isEqualTo("cpu");
    }

    @Test
    void amongScaleInsOfBothKindsTheLargestCapacityWins() {
        // docs/scaling.md#several-policies: with no scale-out, the largest capacity among the scale-ins wins.
        PolicyCombination.Outcome o = decide(10, 1, 100, List.of(in("cpu", 8)), List.of(in("step", 6)));
        assertThat(o.capacity()).isEqualTo(8);
        assertThat(o.winner().policyName()).isEqualTo("cpu");
        o = decide(10, 1, 100, List.of(in("cpu", 5)), List.of(in("step", 7)));
        assertThat(o.capacity()).isEqualTo(7);
        assertThat(o.winner().policyName()).isEqualTo("step");
    }
}
