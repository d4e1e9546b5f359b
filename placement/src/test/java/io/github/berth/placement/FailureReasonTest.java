package io.github.berth.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The failure reasons word for word (docs/placement.md#failure-reasons), written out here rather than taken from the
 * enum, so that a changed text fails a test: the placement tests compare failures built from
 * {@link FailureReason#text()} and would not notice.
 */
class FailureReasonTest {

    private static final Map<FailureReason, String> ECS_TEXT = new LinkedHashMap<>();

    static {
        ECS_TEXT.put(FailureReason.NOT_ACTIVE, "not ACTIVE");
        ECS_TEXT.put(FailureReason.AGENT, "AGENT");
        ECS_TEXT.put(FailureReason.ATTRIBUTE, "ATTRIBUTE");
        ECS_TEXT.put(FailureReason.LOCATION, "LOCATION");
        ECS_TEXT.put(FailureReason.CPU, "RESOURCE:CPU");
        ECS_TEXT.put(FailureReason.MEMORY, "RESOURCE:MEMORY");
        ECS_TEXT.put(FailureReason.GPU, "RESOURCE:GPU");
        ECS_TEXT.put(FailureReason.PORTS, "RESOURCE:PORTS");
        ECS_TEXT.put(FailureReason.PORTS_UDP, "RESOURCE:PORTS_UDP");
        ECS_TEXT.put(FailureReason.ENI, "RESOURCE:ENI");
        ECS_TEXT.put(FailureReason.MEMBER_OF, "MemberOf placement constraint unsatisfied");
        ECS_TEXT.put(FailureReason.DISTINCT_INSTANCE, "DistinctInstance placement constraint unsatisfied");
        ECS_TEXT.put(FailureReason.NO_ACTIVE_INSTANCES, "NO ACTIVE INSTANCES");
        ECS_TEXT.put(FailureReason.EMPTY_CAPACITY_PROVIDER, "EMPTY CAPACITY PROVIDER");
    }

    @Test
    void everyReasonHasEcsText() {
        assertThat(ECS_TEXT.keySet()).containsExactlyInAnyOrder(FailureReason.values());
        ECS_TEXT.forEach((reason, text) -> {
            assertThat(reason.text()).as(reason.name()).isEqualTo(text);
            assertThat(FailureReason.fromText(text)).isSameAs(reason);
        });
        assertThat(FailureReason.fromText("RESOURCE:DISK")).isNull();
    }

    /** The order is the order the checks run in, and decides which reason a failure reports ([model]). */
    @Test
    void reasonsComeInTheOrderOfTheChecks() {
        assertThat(FailureReason.values()).containsExactly(ECS_TEXT.keySet().toArray(new FailureReason[0]));
    }

    @Test
    void onlyTheLastTwoBelongToTheWholeRequest() {
        assertThat(EnumSet.allOf(FailureReason.class).stream().filter(r -> !r.isPerInstance()))
                .containsExactly(FailureReason.NO_ACTIVE_INSTANCES, FailureReason.EMPTY_CAPACITY_PROVIDER);
    }
}
