package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.validation.JsonPath;
import io.github.berth.core.validation.internal.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a capacity provider strategy divides tasks among its providers (
 * docs/scheduler.md#capacity-provider-strategy): the provider with a {@code base} gets the first {@code base}
 * tasks, the rest follow the {@code weight} ratio.
 *
 * <p>[model] AWS publishes no rounding. Berth computes the target of each provider for the total
 * of tasks once these are placed (base first, then the weighted rest by floor, the leftover one by
 * one by largest fractional remainder, ties in strategy order), and hands out the new tasks one at
 * a time to the provider furthest below its target (ties in strategy order). With nothing running,
 * the split is the target itself; with tasks running, totals move towards the ratio. A base is
 * honoured even on a provider of weight 0 (AWS does not say; the base is documented as the
 * minimum to run there).
 */
public final class CapacityProviderStrategies {

    /** Providers per strategy (current API doc; docs/scheduler.md#capacity-provider-strategy). */
    public static final int MAX_PROVIDERS = 20;

    private CapacityProviderStrategies() {}

    /**
     * How many of {@code count} new tasks go to each provider, in strategy order (every provider of
     * the strategy is a key, possibly with 0).
     *
     * @param alreadyRunningPerProvider tasks of the same service or group already on each provider
     *     (missing providers: 0)
     * @throws IllegalArgumentException for a negative {@code count}
     * @throws InvalidParameterException for an empty strategy, a repeated provider, weights or bases
     *     out of range, more than one base, or no positive weight, with ECS's text where known
     */
    public static Map<String, Integer> split(
            List<CapacityProviderStrategyItem> strategy,
            int count,
            @Nullable Map<String, Integer> alreadyRunningPerProvider) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, found " + count);
        }
        validate(strategy);
        Map<String, Integer> running = alreadyRunningPerProvider == null ? Map.of() : alreadyRunningPerProvider;
        int n = strategy.size();
        long[] current = new long[n];
        long total = count;
        for (int i = 0; i < n; i++) {
            Integer r = running.get(strategy.get(i).capacityProvider());
            current[i] = r == null ? 0 : Math.max(0, r);
            total += current[i];
        }
        long[] target = targets(strategy, total);
        long[] deficit = new long[n];
        for (int i = 0; i < n; i++) {
            deficit[i] = target[i] - current[i];
        }
        long[] added = fill(deficit, count);
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(strategy.get(i).capacityProvider(), (int) added[i]);
        }
        return out;
    }

    /**
     * Hands out {@code count} tasks one at a time, each to the provider furthest below its target
     * (ties in strategy order), in time independent of {@code count}: every provider is filled down
     * to a common deficit level, and the tasks left over go to the first providers at that level. The
     * deficits add up to {@code count}, so the level is never below 0 and a provider at or above its
     * target (a weight-0 provider past its base) takes nothing.
     */
    private static long[] fill(long[] deficit, long count) {
        int n = deficit.length;
        long lo = 0;
        long hi = 0;
        for (long d : deficit) {
            hi = Math.max(hi, d);
        }
        // The lowest level L >= 0 at which the deficits above L add up to no more than count.
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (above(deficit, mid) <= count) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        long[] added = new long[n];
        long left = count;
        for (int i = 0; i < n; i++) {
            added[i] = Math.max(0, deficit[i] - lo);
            left -= added[i];
        }
        for (int i = 0; i < n && left > 0; i++) {
            if (deficit[i] >= lo && lo > 0) {
                added[i]++;
                left--;
            }
        }
        return added;
    }

    private static long above(long[] deficit, long level) {
        long sum = 0;
        for (long d : deficit) {
            sum += Math.max(0, d - level);
        }
        return sum;
    }

    /** The share of each provider when {@code total} tasks run: base first, then weights. */
    static long[] targets(List<CapacityProviderStrategyItem> strategy, long total) {
        int n = strategy.size();
        long[] target = new long[n];
        long rest = total;
        for (int i = 0; i < n; i++) {
            int base = base(strategy.get(i));
            if (base > 0) {
                target[i] = Math.min(base, rest);
                rest -= target[i];
            }
        }
        long weights = 0;
        for (CapacityProviderStrategyItem item : strategy) {
            weights += weight(item);
        }
        long given = 0;
        long[] remainder = new long[n];
        for (int i = 0; i < n; i++) {
            long share = rest * weight(strategy.get(i));
            target[i] += share / weights;
            given += share / weights;
            remainder[i] = share % weights;
        }
        for (long left = rest - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (weight(strategy.get(i)) > 0 && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            target[best]++;
            remainder[best] = -1;
        }
        return target;
    }

    private static int weight(CapacityProviderStrategyItem item) {
        return item.weight() == null ? 0 : item.weight();
    }

    private static int base(CapacityProviderStrategyItem item) {
        return item.base() == null ? 0 : item.base();
    }

    private static void validate(@Nullable List<CapacityProviderStrategyItem> strategy) {
        Violations v = Violations.forEcs();
        JsonPath root = JsonPath.root().child("capacityProviderStrategy");
        if (strategy == null) {
            v.modelRequired(root);
            throw (InvalidParameterException) v.firstEcsException();
        }
        if (strategy.isEmpty()) {
            v.modelMinSize(root, 0, 1);
        } else if (strategy.size() > MAX_PROVIDERS) {
            v.modelMaxSize(root, strategy.size(), MAX_PROVIDERS);
        }
        int bases = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < strategy.size(); i++) {
            CapacityProviderStrategyItem item = strategy.get(i);
            JsonPath p = root.index(i);
            if (item == null) {
                v.modelRequired(p);
                continue;
            }
            if (item.capacityProvider() == null) {
                v.modelRequired(p.child("capacityProvider"));
            } else if (!seen.add(item.capacityProvider())) {
                // [model]
                v.invalidParameter(
                        p.child("capacityProvider"),
                        "The capacity provider " + item.capacityProvider()
                                + " appears more than once in the capacity provider strategy.");
            }
            if (item.weight() != null && (item.weight() < 0 || item.weight() > 1000)) {
                if (item.weight() < 0) {
                    v.modelMin(p.child("weight"), item.weight(), 0);
                } else {
                    v.modelMax(p.child("weight"), item.weight(), 1000);
                }
            }
            if (item.base() != null && (item.base() < 0 || item.base() > 100_000)) {
                if (item.base() < 0) {
                    v.modelMin(p.child("base"), item.base(), 0);
                } else {
                    v.modelMax(p.child("base"), item.base(), 100_000);
                }
            }
            if (base(item) > 0) {
                bases++;
            }
        }
        if (!v.isEmpty()) {
            throw (InvalidParameterException) v.firstEcsException();
        }
        if (bases > 1) {
            throw PlacementErrors.moreThanOneBase();
        }
        if (strategy.stream().allMatch(i -> weight(i) == 0)) {
            throw PlacementErrors.noPositiveWeight();
        }
    }
}
