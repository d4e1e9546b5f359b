package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkBinding;
import java.util.List;

/**
 * Where one task of a request went.
 *
 * @param taskIndex the task's index in the request (0-based)
 * @param containerInstanceArn the instance, or null on Fargate
 * @param instanceIndex the instance's index in the snapshot, or -1 on Fargate
 * @param availabilityZone the AZ (the instance's, or the Fargate subnet's), when known
 * @param launchType EC2, EXTERNAL or FARGATE
 * @param capacityProviderName the capacity provider the task was counted against, or null
 * @param group the task group
 * @param containers per container, the host ports bound (dynamic ones chosen here)
 * @param eniSubnetId for awsvpc tasks, the subnet of the task's ENI; null otherwise
 */
public record TaskPlacement(
        int taskIndex,
        @Nullable String containerInstanceArn,
        int instanceIndex,
        @Nullable String availabilityZone,
        LaunchType launchType,
        @Nullable String capacityProviderName,
        String group,
        List<ContainerBindings> containers,
        @Nullable String eniSubnetId) {

    public TaskPlacement {
        containers = List.copyOf(containers);
    }

    /** Whether the task takes an ENI of its own (awsvpc). */
    public boolean hasEni() {
        return eniSubnetId != null;
    }

    /** The host ports of one container. */
    public record ContainerBindings(String containerName, List<NetworkBinding> networkBindings) {
        public ContainerBindings {
            networkBindings = List.copyOf(networkBindings);
        }
    }
}
