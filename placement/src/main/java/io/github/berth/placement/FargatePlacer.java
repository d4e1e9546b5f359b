package io.github.berth.placement;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.model.LaunchType;
import io.github.berth.placement.internal.TieBreaker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fargate and Fargate Spot: no instances to choose; ECS spreads tasks best-effort over the AZs of
 * the task's subnets, each capacity provider on its own (docs/placement.md#which-capacity-uses-placement, docs/placement.md#defaults).
 *
 * <p>[model] Each task goes to the AZ with the fewest tasks of its group on the same provider
 * (the snapshot's tasks and those placed now), ties broken by the request's seed; inside the AZ,
 * to the subnet of the request that has received the fewest tasks of this request, ties in
 * request order. A subnet whose AZ is unknown is an AZ of its own.
 */
final class FargatePlacer {

    private FargatePlacer() {}

    static void place(
            ClusterSnapshot snapshot, PlacementPlan plan, PlacementPlan.Pool pool, int firstTask, PlacementLog log) {
        String provider = pool.capacityProvider() == null ? RequestPlanner.FARGATE : pool.capacityProvider();
        Map<String, List<String>> subnetsByZone = new LinkedHashMap<>();
        for (String subnet : plan.subnets()) {
            ClusterSnapshot.Subnet known = snapshot.subnets.get(subnet);
            String zone = known != null && known.availabilityZone() != null ? known.availabilityZone() : subnet;
            subnetsByZone.computeIfAbsent(zone, k -> new ArrayList<>()).add(subnet);
        }
        List<String> zones = new ArrayList<>(subnetsByZone.keySet());
        int[] rank = TieBreaker.order(plan.request().seed() ^ provider.hashCode(), zones.size());
        Map<String, Integer> existing = snapshot.offInstanceTaskCounts.getOrDefault(plan.group(), ImmutableMap.of());
        int[] count = new int[zones.size()];
        for (int z = 0; z < zones.size(); z++) {
            count[z] = existing.getOrDefault(provider + "\u0000" + zones.get(z), 0);
        }
        Map<String, Integer> perSubnet = new LinkedHashMap<>();
        for (int t = 0; t < pool.count(); t++) {
            int best = 0;
            for (int z = 1; z < zones.size(); z++) {
                if (count[z] < count[best] || (count[z] == count[best] && rank[z] < rank[best])) {
                    best = z;
                }
            }
            count[best]++;
            String chosen = null;
            for (String subnet : Objects.requireNonNull(subnetsByZone.get(zones.get(best)))) {
                if (chosen == null || perSubnet.getOrDefault(subnet, 0) < perSubnet.getOrDefault(chosen, 0)) {
                    chosen = subnet;
                }
            }
            perSubnet.merge(chosen, 1, Integer::sum);
            ClusterSnapshot.Subnet known = snapshot.subnets.get(chosen);
            String az = known != null ? known.availabilityZone() : null;
            log.fargate(new TaskPlacement(
                    firstTask + t,
                    null,
                    -1,
                    az,
                    LaunchType.FARGATE,
                    pool.capacityProvider(),
                    plan.group(),
                    containers(plan),
                    chosen));
        }
    }

    private static List<TaskPlacement.ContainerBindings> containers(PlacementPlan plan) {
        List<TaskPlacement.ContainerBindings> out = new ArrayList<>();
        for (TaskRequirements.ContainerPorts c : plan.requirements().containers) {
            out.add(new TaskPlacement.ContainerBindings(c.name(), List.of()));
        }
        return out;
    }
}
