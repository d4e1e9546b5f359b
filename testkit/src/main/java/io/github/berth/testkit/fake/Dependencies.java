package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDependency;
import java.time.Instant;

/**
 * Container start order: whether a container's {@code dependsOn} lets it start
 * (docs/scheduler.md#container-dependencies). The conditions are the API's
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html) and the way
 * they resolve is the ECS agent's ([code] amazon-ecs-agent, agent/engine/dependencygraph/graph.go,
 * verifyContainerOrderingStatusResolvable and containerOrderingDependenciesIsResolved).
 */
final class Dependencies {

    /** [code] The prefix the agent puts on the reason of a container it gave up starting. */
    static final String CANNOT_START = "CannotStartContainerError: ";

    private Dependencies() {}

    /**
     * Null when every dependency of {@code target} is met (it may start); "" when one is not met yet; else
     * the reason the container will never start, as the agent words it. [unsure] The agent prints each
     * container's whole description between the brackets; the fake prints its name.
     */
    static @Nullable String check(TaskRec t, ContainerRec target, Instant now) {
        boolean blocked = false;
        for (ContainerDependency d : target.dependsOn) {
            ContainerRec dep = find(t, d.containerName());
            String pair = "[" + d.containerName() + "] for target [" + target.name + "]";
            if (dep == null) {
                return CANNOT_START + "dependency graph: container ordering dependency " + pair + " does not exist.";
            }
            ContainerCondition condition = d.condition();
            boolean stopped = "STOPPED".equals(dep.lastStatus);
            if (!stopped && timedOut(dep, condition, now)) {
                return CANNOT_START + "dependency graph: container ordering dependency " + pair + " has timed out.";
            }
            if (ContainerCondition.SUCCESS.equals(condition) && stopped && dep.exitCode != null && dep.exitCode != 0) {
                return CANNOT_START + "dependency graph: failed to resolve container ordering dependency " + pair
                        + " as dependency did not exit successfully.";
            }
            if (stopped && dep.startedAt == null) {
                return CANNOT_START + "dependency graph: failed to resolve container ordering dependency " + pair
                        + " because dependency will never start";
            }
            if (!met(dep, condition)) {
                blocked = true;
            }
        }
        return blocked ? "" : null;
    }

    /**
     * [code] START: the dependency is RUNNING; COMPLETE: it has exited (with any code); SUCCESS: it has
     * exited 0; HEALTHY: its health check has passed.
     */
    private static boolean met(ContainerRec dep, @Nullable ContainerCondition condition) {
        boolean exited = "STOPPED".equals(dep.lastStatus) && dep.exitCode != null;
        if (ContainerCondition.START.equals(condition)) {
            return "RUNNING".equals(dep.lastStatus);
        }
        if (ContainerCondition.COMPLETE.equals(condition)) {
            return exited;
        }
        if (ContainerCondition.SUCCESS.equals(condition)) {
            return exited && Integer.valueOf(0).equals(dep.exitCode);
        }
        if (ContainerCondition.HEALTHY.equals(condition)) {
            return "HEALTHY".equals(dep.health);
        }
        return false;
    }

    /**
     * [code] A dependency's own {@code startTimeout} counts from its start, for the COMPLETE, SUCCESS and
     * HEALTHY conditions (not START): past it, its dependents give up ([doc] API ContainerDefinition
     * startTimeout: "containerA gives up and not start. This results in the task transitioning to a
     * STOPPED state").
     */
    private static boolean timedOut(ContainerRec dep, @Nullable ContainerCondition condition, Instant now) {
        if (dep.startedAt == null
                || dep.startTimeout == null
                || dep.startTimeout <= 0
                || ContainerCondition.START.equals(condition)) {
            return false;
        }
        return !now.isBefore(dep.startedAt.plusSeconds(dep.startTimeout));
    }

    /**
     * When {@code started} has a startTimeout and a waiting container depends on it by COMPLETE, SUCCESS or
     * HEALTHY, sets a timer at the timeout, so that the waiting container gives up on time.
     */
    static void scheduleTimeout(Engine e, TaskRec t, ContainerRec started) {
        if (started.startTimeout == null || started.startTimeout <= 0) {
            return;
        }
        for (ContainerRec target : t.containers) {
            if (!"PENDING".equals(target.lastStatus)) {
                continue;
            }
            for (ContainerDependency d : target.dependsOn) {
                if (started.name.equals(d.containerName()) && !ContainerCondition.START.equals(d.condition())) {
                    e.schedule(
                            java.time.Duration.ofSeconds(started.startTimeout),
                            TimerKind.CONTAINER_START_TIMEOUT,
                            t.cluster,
                            t.id,
                            t.step,
                            0);
                    return;
                }
            }
        }
    }

    private static @Nullable ContainerRec find(TaskRec t, @Nullable String name) {
        for (ContainerRec c : t.containers) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }
}
