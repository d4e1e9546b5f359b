package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.SubmitContainerStateChangeRequest;
import io.github.berth.core.api.SubmitContainerStateChangeResponse;
import io.github.berth.core.api.SubmitTaskStateChangeRequest;
import io.github.berth.core.api.SubmitTaskStateChangeResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.ContainerStateChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ECS agent's SubmitTaskStateChange and SubmitContainerStateChange, so that a test can play the
 * agent: a container reports that it runs, with its network bindings, or that it exited, with its exit
 * code and reason, and the task follows through the fake's own lifecycle
 * (docs/scheduler.md#the-agents-state-change-calls).
 *
 * <p>[doc] API: "This action is only used by the Amazon ECS agent"; the answer is an {@code
 * acknowledgment}. [unsure] Its text is not documented; the fake answers {@code ACK}. Every report is
 * checked before any is applied; a report that would move a task or container back (RUNNING after
 * STOPPED) is acknowledged and changes nothing [model].
 */
final class AgentOps {

    /** [unsure] The acknowledgment ECS answers. */
    static final String ACK = "ACK";
    /** The container statuses the agent reports (API Container lastStatus). */
    private static final Set<String> CONTAINER_STATUSES = Set.of("PENDING", "RUNNING", "STOPPED");
    /** The task statuses the agent reports: the agent knows no PROVISIONING or DEPROVISIONING of its own. */
    private static final Set<String> TASK_STATUSES = Set.of("PENDING", "RUNNING", "STOPPED");

    private final Engine e;

    AgentOps(Engine e) {
        this.e = e;
    }

    SubmitContainerStateChangeResponse submitContainer(SubmitContainerStateChangeRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        TaskRec t = task(c, r.task());
        ContainerRec k = container(t, r.containerName(), "containerName");
        String status = containerStatus(r.status(), "status");
        apply(t, k, status, r.exitCode(), r.reason(), r.runtimeId(), r.networkBindings());
        return SubmitContainerStateChangeResponse.builder().acknowledgment(ACK).build();
    }

    SubmitTaskStateChangeResponse submitTask(SubmitTaskStateChangeRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        TaskRec t = task(c, r.task());
        String status = r.status();
        if (status != null && !TASK_STATUSES.contains(status)) {
            // [unsure] ECS's text is not documented.
            throw new InvalidParameterException(
                    "status: " + status + " is not a task status; the agent reports " + "PENDING, RUNNING or STOPPED.");
        }
        List<ContainerStateChange> changes = r.containers() == null ? List.of() : r.containers();
        List<ContainerRec> targets = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            ContainerStateChange ch = changes.get(i);
            targets.add(container(t, ch.containerName(), "containers[" + i + "].containerName"));
            if (ch.status() != null) {
                containerStatus(ch.status(), "containers[" + i + "].status");
            }
        }
        // Everything is checked: the containers first, then the task, as the agent sends them.
        for (int i = 0; i < changes.size(); i++) {
            ContainerStateChange ch = changes.get(i);
            if (ch.status() != null) {
                apply(t, targets.get(i), ch.status(), ch.exitCode(), ch.reason(), ch.runtimeId(), ch.networkBindings());
            }
        }
        if ("RUNNING".equals(status)) {
            e.lifecycle.agentTaskRunning(t, r.pullStartedAt(), r.pullStoppedAt());
        } else if ("STOPPED".equals(status)) {
            e.lifecycle.agentTaskStopped(t, r.reason(), r.executionStoppedAt());
        } else if ("PENDING".equals(status)) {
            // [model] PENDING says nothing the fake does not know, but the pull timestamps the agent sends.
            if (r.pullStartedAt() != null && "PENDING".equals(t.lastStatus)) {
                t.pullStartedAt = r.pullStartedAt();
            }
            if (r.pullStoppedAt() != null && "PENDING".equals(t.lastStatus)) {
                t.pullStoppedAt = r.pullStoppedAt();
            }
        }
        return SubmitTaskStateChangeResponse.builder().acknowledgment(ACK).build();
    }

    private void apply(
            TaskRec t,
            ContainerRec k,
            String status,
            @Nullable Integer exitCode,
            @Nullable String reason,
            @Nullable String runtimeId,
            @Nullable List<io.github.berth.core.model.NetworkBinding> bindings) {
        switch (status) {
            case "RUNNING" -> e.lifecycle.agentContainerRunning(t, k, runtimeId, bindings);
            case "STOPPED" -> e.lifecycle.agentContainerStopped(t, k, exitCode, reason);
            default -> {
                // PENDING: the container has not started; nothing changes.
            }
        }
    }

    private static TaskRec task(ClusterRec c, @Nullable String ref) {
        String task = Resolve.required(ref, "task");
        TaskRec t = c.tasks.get(Resolve.taskId(task));
        if (t == null) {
            // [unsure] StopTask's text for a task it does not know ([obs] there); the agent's calls are not documented.
            throw new InvalidParameterException("The referenced task was not found.");
        }
        return t;
    }

    private static ContainerRec container(TaskRec t, @Nullable String name, String path) {
        if (name == null) {
            throw new InvalidParameterException(path + " can not be null.");
        }
        for (ContainerRec k : t.containers) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        // [unsure] ECS's text is not documented.
        throw new InvalidParameterException(path + ": the task has no container named " + name + ".");
    }

    private static String containerStatus(@Nullable String status, String path) {
        String s = Resolve.required(status, path);
        if (!CONTAINER_STATUSES.contains(s)) {
            // [unsure] ECS's text is not documented.
            throw new InvalidParameterException(path + ": " + s + " is not a container status; the agent reports "
                    + "PENDING, RUNNING or STOPPED.");
        }
        return s;
    }
}
