package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.TransportProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The decisions of one request, kept compact while placing (per task: the instance, the pool, the
 * host port chosen for each port mapping) and turned into {@link TaskPlacement} values on first
 * use, so that placing thousands of tasks allocates little.
 */
final class PlacementLog {

    private static final String ANY_IP = "0.0.0.0";

    private final ClusterSnapshot snapshot;
    private final PlacementPlan plan;
    /** Port mappings of one task (all containers, in order): one host port each is logged. */
    private final int portsPerTask;

    private int size;
    private int[] task = new int[16];
    private int[] instance = new int[16];
    private int[] pool = new int[16];
    private int[] hostPorts = new int[0];
    /** Fargate placements are few and made whole; null for instance placements. */
    private TaskPlacement[] made = new TaskPlacement[16];

    PlacementLog(ClusterSnapshot snapshot, PlacementPlan plan) {
        this.snapshot = snapshot;
        this.plan = plan;
        int ports = 0;
        if (!plan.requirements().awsvpc) {
            for (TaskRequirements.ContainerPorts c : plan.requirements().containers) {
                ports += c.ports().size();
            }
        }
        this.portsPerTask = ports;
        if (ports > 0) {
            hostPorts = new int[16 * ports];
        }
    }

    int size() {
        return size;
    }

    /** Logs a task placed on an instance; returns where its host ports go (offset into {@link #hostPorts}). */
    int instance(int taskIndex, int instanceIndex, int poolIndex) {
        int at = grow();
        task[at] = taskIndex;
        instance[at] = instanceIndex;
        pool[at] = poolIndex;
        return at * portsPerTask;
    }

    void hostPort(int offset, int port) {
        hostPorts[offset] = port;
    }

    void fargate(TaskPlacement placement) {
        int at = grow();
        task[at] = placement.taskIndex();
        instance[at] = -1;
        made[at] = placement;
    }

    private int grow() {
        if (size == task.length) {
            int n = size * 2;
            task = Arrays.copyOf(task, n);
            instance = Arrays.copyOf(instance, n);
            pool = Arrays.copyOf(pool, n);
            made = Arrays.copyOf(made, n);
            if (portsPerTask > 0) {
                hostPorts = Arrays.copyOf(hostPorts, n * portsPerTask);
            }
        }
        return size++;
    }

    /** The placements as values, in task order. */
    List<TaskPlacement> toPlacements() {
        List<TaskPlacement> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            out.add(made[k] != null ? made[k] : materialize(k));
        }
        return out;
    }

    private TaskPlacement materialize(int k) {
        int i = instance[k];
        PlacementPlan.Pool p = plan.pools().get(pool[k]);
        TaskRequirements req = plan.requirements();
        List<TaskPlacement.ContainerBindings> containers = new ArrayList<>(req.containers.size());
        int offset = k * portsPerTask;
        for (TaskRequirements.ContainerPorts c : req.containers) {
            List<NetworkBinding> bindings = new ArrayList<>();
            if (!req.awsvpc) {
                for (TaskRequirements.PortSpec spec : c.ports()) {
                    bindings.add(binding(spec, hostPorts[offset++]));
                }
            }
            containers.add(new TaskPlacement.ContainerBindings(c.name(), bindings));
        }
        LaunchType launchType = p.kind() == PlacementPlan.PoolKind.EXTERNAL ? LaunchType.EXTERNAL : LaunchType.EC2;
        return new TaskPlacement(
                task[k],
                snapshot.arn[i],
                i,
                snapshot.availabilityZone[i],
                launchType,
                p.capacityProvider(),
                plan.group(),
                containers,
                req.awsvpc ? eniSubnet(snapshot.availabilityZone[i]) : null);
    }

    private static NetworkBinding binding(TaskRequirements.PortSpec spec, int host) {
        TransportProtocol protocol = spec.udp() ? TransportProtocol.UDP : TransportProtocol.TCP;
        NetworkBinding.Builder b = NetworkBinding.builder().bindIP(ANY_IP).protocol(protocol);
        if (spec.containerRange() != null) {
            int[] r = spec.containerRange();
            b.containerPortRange(r[0] + "-" + r[1]);
            if (host > 0) {
                b.hostPortRange(host + "-" + (host + r[1] - r[0]));
            }
            return b.build();
        }
        b.containerPort(spec.containerPort());
        if (host > 0) {
            b.hostPort(host);
        }
        return b.build();
    }

    /** [model] The task's ENI goes in the first of the request's subnets in the instance's AZ. */
    private String eniSubnet(@Nullable String az) {
        for (String subnet : plan.subnets()) {
            ClusterSnapshot.Subnet known = snapshot.subnets.get(subnet);
            if (known != null && az != null && az.equals(known.availabilityZone())) {
                return subnet;
            }
        }
        return plan.subnets().get(0);
    }
}
