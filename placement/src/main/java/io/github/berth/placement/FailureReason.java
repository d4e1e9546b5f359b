package io.github.berth.placement;

import io.github.berth.core.Nullable;

/**
 * Why an instance cannot take a task, in the order the engine checks (
 * docs/placement.md#pipeline-order, docs/placement.md#failure-reasons), with the {@code reason} string ECS puts in a RunTask
 * {@code failures[]} entry.
 *
 * <p><b>Reason precedence [model].</b> ECS reports one reason per unplaced task, with the ARN of the
 * "closest matching" instance, and does not publish which check wins when an instance fails
 * several. Berth's choice, kept here and nowhere else: each instance is checked in the order of
 * this enum (ECS's documented filter order: agent and status, then attributes and location, then
 * CPU, memory, GPU, ports and ENIs, then the constraints) and fails on the first check it does not
 * pass; the closest matching instance is the one that got furthest down the list (the first in
 * snapshot order among equals), and its reason is the one reported. So a task that fits nowhere
 * because of memory on some instances and of {@code memberOf} on others is reported as
 * {@code MemberOf placement constraint unsatisfied}: those instances had room.
 */
public enum FailureReason {
    /** Instance status other than ACTIVE (DRAINING, REGISTERING...): never placed on, never reported. */
    NOT_ACTIVE("not ACTIVE"),
    AGENT("AGENT"),
    ATTRIBUTE("ATTRIBUTE"),
    LOCATION("LOCATION"),
    CPU("RESOURCE:CPU"),
    MEMORY("RESOURCE:MEMORY"),
    GPU("RESOURCE:GPU"),
    PORTS("RESOURCE:PORTS"),
    /** [unsure] ECS's text for a UDP port conflict is not published (docs/placement.md#failure-reasons). */
    PORTS_UDP("RESOURCE:PORTS_UDP"),
    ENI("RESOURCE:ENI"),
    MEMBER_OF("MemberOf placement constraint unsatisfied"),
    /** [model] No text is published for distinctInstance; named by analogy with memberOf's. */
    DISTINCT_INSTANCE("DistinctInstance placement constraint unsatisfied"),
    /** Request-level: the launch type or capacity provider has no ACTIVE instance at all ({@code TaskFailedToStart} text, docs/placement.md#failure-reasons). */
    NO_ACTIVE_INSTANCES("NO ACTIVE INSTANCES"),
    /** Request-level: a capacity provider of the strategy has no container instance (docs/placement.md#failure-reasons). */
    EMPTY_CAPACITY_PROVIDER("EMPTY CAPACITY PROVIDER");

    private final String text;

    FailureReason(String text) {
        this.text = text;
    }

    /** The {@code reason} text of the ECS {@code Failure}. */
    public String text() {
        return text;
    }

    /** Whether this reason belongs to one instance (as opposed to the whole request). */
    public boolean isPerInstance() {
        return ordinal() <= DISTINCT_INSTANCE.ordinal();
    }

    /** The reason of a {@code Failure.reason} text, or null. */
    public static @Nullable FailureReason fromText(String text) {
        for (FailureReason r : values()) {
            if (r.text.equals(text)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
