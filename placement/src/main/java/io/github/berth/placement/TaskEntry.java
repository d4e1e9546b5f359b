package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TransportProtocol;
import java.util.TreeSet;

/**
 * What placement reads of one task whose desired status is not STOPPED: where it is, its group,
 * the capacity provider it counts for, what it holds (CPU, memory, GPUs, an ENI, host ports). The
 * one place that reads a {@link Task} for placement: {@link SnapshotBuilder} sums these per
 * instance, {@link LiveCluster} adds and takes them away one at a time.
 */
final class TaskEntry {

    private static final int[] NONE = new int[0];

    final @Nullable String containerInstanceArn;
    /** The task's group (ECS's default {@code family:<family>}), or null. */
    final @Nullable String group;
    /** The capacity provider (or launch type) the task counts for in capacity provider strategies. */
    final String provider;
    /** For a task on no instance (Fargate): its capacity provider and AZ, the key of AZ spread; else null. */
    final @Nullable String offInstanceKey;
    /** Desired status RUNNING (or absent): counts in {@code runningTasksCount} when the instance reports none. */
    final boolean desiredRunning;

    final int cpu;
    final int memory;
    /** Why {@code cpu} or {@code memory} is refused (read only for a task on an instance), or null. */
    private final @Nullable String invalid;

    final int gpus;
    final boolean eni;
    /** Host ports the task binds (ranges expanded), sorted and distinct. */
    final int[] tcp;

    final int[] udp;

    private TaskEntry(Task t, int index, @Nullable String group) {
        this.containerInstanceArn = t.containerInstanceArn();
        this.group = group;
        this.provider = t.capacityProviderName() != null
                ? t.capacityProviderName()
                : t.launchType() != null ? t.launchType().value() : "EC2";
        this.offInstanceKey = group != null && t.availabilityZone() != null
                ? (t.capacityProviderName() != null ? t.capacityProviderName() : "FARGATE") + "\u0000"
                        + t.availabilityZone()
                : null;
        this.desiredRunning = t.desiredStatus() == null || "RUNNING".equals(t.desiredStatus());
        String bad = null;
        int cpuUnits = 0;
        int memoryMiB = 0;
        try {
            cpuUnits = TaskResources.units(t.cpu(), false);
        } catch (ClientException e) {
            bad = invalidUnits(t.cpu(), index, "cpu");
        }
        if (bad == null) {
            try {
                memoryMiB = TaskResources.units(t.memory(), true);
            } catch (ClientException e) {
                bad = invalidUnits(t.memory(), index, "memory");
            }
        }
        this.invalid = bad;
        this.cpu = cpuUnits;
        this.memory = memoryMiB;
        this.eni = hasEni(t);
        int gpuCount = 0;
        TreeSet<Integer> tcpSet = null;
        TreeSet<Integer> udpSet = null;
        if (t.containers() != null) {
            for (Container c : t.containers()) {
                if (c.gpuIds() != null) {
                    gpuCount += c.gpuIds().size();
                }
                if (c.networkBindings() == null) {
                    continue;
                }
                for (NetworkBinding nb : c.networkBindings()) {
                    boolean udp = TransportProtocol.UDP.equals(nb.protocol());
                    TreeSet<Integer> set = udp ? udpSet : tcpSet;
                    if (set == null) {
                        set = new TreeSet<>();
                        if (udp) {
                            udpSet = set;
                        } else {
                            tcpSet = set;
                        }
                    }
                    if (nb.hostPort() != null && nb.hostPort() > 0) {
                        set.add(nb.hostPort());
                    }
                    int[] range = TaskResources.portRange(nb.hostPortRange());
                    if (range != null) {
                        for (int p = range[0]; p <= range[1]; p++) {
                            set.add(p);
                        }
                    }
                }
            }
        }
        this.gpus = gpuCount;
        this.tcp = toArray(tcpSet);
        this.udp = toArray(udpSet);
    }

    /**
     * What the task holds, or null when its desired status is STOPPED: distinctInstance and spread
     * look at the desired status (docs/placement.md#constraints).
     *
     * @param index where the task is in its input, for the path of an error ({@link #checkUnits})
     */
    static @Nullable TaskEntry of(Task t, int index) {
        if ("STOPPED".equals(t.desiredStatus())) {
            return null;
        }
        return new TaskEntry(t, index, groupOf(t));
    }

    /** A task's group; ECS's default is {@code family:<family>} (docs/placement.md#task-groups). */
    static @Nullable String groupOf(Task t) {
        if (t.group() != null) {
            return t.group();
        }
        String td = t.taskDefinitionArn();
        if (td == null) {
            return null;
        }
        int slash = td.lastIndexOf('/');
        String familyRevision = slash >= 0 ? td.substring(slash + 1) : td;
        int colon = familyRevision.lastIndexOf(':');
        return "family:" + (colon > 0 ? familyRevision.substring(0, colon) : familyRevision);
    }

    /**
     * Refuses a task on an instance whose {@code cpu} or {@code memory} is a value ECS never reports
     * (a task on no instance holds nothing there, so its values are not read).
     *
     * @throws InvalidParameterException naming the field by its path
     */
    void checkUnits() {
        if (invalid != null) {
            throw new InvalidParameterException(invalid);
        }
    }

    private static String invalidUnits(@Nullable String value, int task, String member) {
        return "tasks[" + task + "]." + member + " is not a valid " + member + " value: '" + value + "'";
    }

    private static boolean hasEni(Task t) {
        if (t.attachments() == null) {
            return false;
        }
        for (Attachment a : t.attachments()) {
            if (SnapshotBuilder.ENI_ATTACHMENT.equals(a.type()) && !"DELETED".equals(a.status())) {
                return true;
            }
        }
        return false;
    }

    private static int[] toArray(@Nullable TreeSet<Integer> set) {
        if (set == null || set.isEmpty()) {
            return NONE;
        }
        int[] out = new int[set.size()];
        int k = 0;
        for (int p : set) {
            out[k++] = p;
        }
        return out;
    }
}
