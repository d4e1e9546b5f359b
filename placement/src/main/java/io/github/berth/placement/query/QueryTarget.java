package io.github.berth.placement.query;

import io.github.berth.core.Nullable;
import java.time.Instant;

/**
 * The container instances an expression is evaluated against, by index. A cluster snapshot is one;
 * the placement engine's state during a request is another (its task counts change as it places).
 */
public interface QueryTarget {

    int instanceCount();

    @Nullable
    Boolean agentConnected(int instance);

    @Nullable
    String agentVersion(int instance);

    @Nullable
    String ec2InstanceId(int instance);

    @Nullable
    Instant registeredAt(int instance);

    /** Tasks on the instance whose desired status is RUNNING (or that were just placed). */
    int runningTasksCount(int instance);

    /** The values of one attribute across the instances (never null; all absent if nobody has it). */
    AttributeColumn attribute(String name);

    /** Whether the instance hosts a task of the group whose desired status is not STOPPED. */
    boolean hostsGroup(int instance, String group);

    /** The groups of the tasks the instance hosts (desired status not STOPPED). */
    Iterable<String> groups(int instance);

    /** One attribute's value on each instance. */
    interface AttributeColumn {
        /** The value, {@code ""} for an attribute present without a value, null when absent. */
        @Nullable
        String value(int instance);
    }
}
