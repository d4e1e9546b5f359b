package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.placement.TaskPlacement;
import java.util.List;

/**
 * Capacity providers: FARGATE and FARGATE_SPOT (in every account), Auto Scaling group providers,
 * the clusters' associations and default strategies (docs/scheduler.md#capacity-providers).
 */
final class Capacity {

  static final String FARGATE = "FARGATE";
  static final String FARGATE_SPOT = "FARGATE_SPOT";

  private final Engine e;
  /** The fault "Fargate has no capacity" (for FARGATE, FARGATE_SPOT, or both). */
  boolean fargateUnavailable;
  boolean fargateSpotUnavailable;

  Capacity(Engine e) {
    this.e = e;
  }

  /** Whether the Fargate placement cannot be honoured for lack of capacity (a fault a test set). */
  boolean fargateUnavailable(TaskPlacement p) {
    if (FARGATE_SPOT.equals(p.capacityProviderName())) {
      return fargateSpotUnavailable;
    }
    return fargateUnavailable;
  }

  /**
   * [obs] A strategy may only name providers associated with the cluster
   * (docs/scheduler.md#capacity-provider-strategy).
   */
  void checkStrategy(ClusterRec c, @Nullable List<CapacityProviderStrategyItem> strategy) {
    if (strategy == null) {
      return;
    }
    for (CapacityProviderStrategyItem item : strategy) {
      if (item.capacityProvider() == null || !c.capacityProviders.contains(item.capacityProvider())) {
        throw new InvalidParameterException("The specified capacity provider strategy cannot contain a capacity "
            + "provider that is not associated with the cluster. Associate the capacity provider with the cluster "
            + "or specify a valid capacity provider and try again.");
      }
    }
  }

  /** The providers named at CreateCluster must exist. */
  void checkClusterProviders(@Nullable List<String> providers, @Nullable List<CapacityProviderStrategyItem> strategy) {
    if (providers == null) {
      return;
    }
    for (String p : providers) {
      if (!FARGATE.equals(p) && !FARGATE_SPOT.equals(p) && !exists(p)) {
        throw new InvalidParameterException("The specified capacity provider " + p + " does not exist.");
      }
    }
    if (strategy != null) {
      for (CapacityProviderStrategyItem item : strategy) {
        if (!providers.contains(item.capacityProvider())) {
          throw new InvalidParameterException("The specified capacity provider strategy cannot contain a capacity "
              + "provider that is not associated with the cluster. Associate the capacity provider with the cluster "
              + "or specify a valid capacity provider and try again.");
        }
      }
    }
  }

  boolean exists(String name) {
    return false;
  }

  /** The capacity provider a newly registered instance belongs to (its Auto Scaling group's), or null. */
  @Nullable String providerOfInstance(ClusterRec c, InstanceRec i) {
    return null;
  }
}
