package io.github.berth.scaling.managed;

import io.github.berth.core.ec2.InstanceType;
import io.github.berth.scaling.alarm.ComparisonOperator;
import java.util.List;

/**
 * ECS managed scaling of an Auto Scaling group capacity provider (docs/scaling.md#managed-scaling; the DG
 * {@code cluster-auto-scaling.md} and the "deep dive on Amazon ECS cluster auto scaling" blog).
 *
 * <p>ECS publishes {@code CapacityProviderReservation} = M / N x 100 every minute, N the running
 * instances and M the instances it estimates are needed, and a target tracking policy keeps it at
 * targetCapacity:
 *
 * <ul>
 *   <li>above target: the desired capacity rises to what brings the reservation back to target,
 *       {@code ceil(M x 100 / targetCapacity)}; from zero instances to two ("always scales-out to
 *       200% (two instances)", DG); not while an instance is younger than instanceWarmupPeriod;
 *   <li>below target for 15 consecutive minutes (the low alarm's 15 datapoints): it falls toward
 *       the same capacity, [model] by at least one instance and less than half of N each minute
 *       (the DG says "more than one instance and less than 50 %"); a scale-out cancels it;
 *   <li>the group's MinSize and MaxSize bound the result; ECS never changes them.
 * </ul>
 */
public final class CapacityProviderScaling {

    /** The low alarm's datapoints: 15 one-minute periods below target before scale-in. */
    public static final int SCALE_IN_MINUTES = 15;

    /** The desired capacity ECS scales out to from zero instances. */
    public static final int SCALE_OUT_FROM_ZERO = 2;

    private CapacityProviderScaling() {}

    /**
     * CapacityProviderReservation: {@code M / N x 100}; with N = 0 it is 100 when M = 0 and 200
     * when M > 0.
     */
    public static double reservation(int instancesNeeded, int runningInstances) {
        if (runningInstances == 0) {
            return instancesNeeded == 0 ? 100 : 200;
        }
        return instancesNeeded * 100.0 / runningInstances;
    }

    /**
     * The instances to add for PROVISIONING tasks: minimumScalingStepSize when the estimate is below
     * it, else the estimate up to maximumScalingStepSize.
     */
    public static int instancesToAdd(int estimate, ManagedScalingSettings settings) {
        if (estimate <= 0) {
            return 0;
        }
        if (estimate < settings.minimumScalingStepSize()) {
            return settings.minimumScalingStepSize();
        }
        return Math.min(estimate, settings.maximumScalingStepSize());
    }

    /**
     * M: with tasks to place, the running instances plus the instances to add; otherwise the
     * instances running a non-daemon task (an instance with only daemon tasks counts as empty).
     */
    public static int instancesNeeded(
            int runningInstances, int busyInstances, int provisioningEstimate, ManagedScalingSettings settings) {
        int add = instancesToAdd(provisioningEstimate, settings);
        return add > 0 ? runningInstances + add : busyInstances;
    }

    /**
     * The instances the PROVISIONING tasks need: per group, binpacked by CPU, memory and GPUs onto
     * the largest instance type; a group that does not fit the smallest type is left out (its tasks
     * stay in PROVISIONING). [model] Ports and network interfaces are not counted.
     */
    public static int estimateInstances(List<ProvisioningTasks> groups, InstanceType largest, InstanceType smallest) {
        long total = 0;
        for (ProvisioningTasks g : groups) {
            if (g.count() == 0 || !fits(g, smallest)) {
                continue;
            }
            long perInstance = Long.MAX_VALUE;
            if (g.cpu() > 0) {
                perInstance = Math.min(perInstance, largest.registeredCpu() / g.cpu());
            }
            if (g.memoryMiB() > 0) {
                perInstance = Math.min(perInstance, largest.registeredMemoryMiB() / g.memoryMiB());
            }
            if (g.gpus() > 0) {
                perInstance = Math.min(perInstance, largest.gpus() / g.gpus());
            }
            if (perInstance == Long.MAX_VALUE) {
                perInstance = g.count();
            }
            if (perInstance <= 0) {
                continue;
            }
            total += (g.count() + perInstance - 1) / perInstance;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    private static boolean fits(ProvisioningTasks g, InstanceType t) {
        return g.cpu() <= t.registeredCpu() && g.memoryMiB() <= t.registeredMemoryMiB() && g.gpus() <= t.gpus();
    }

    /** One minute of managed scaling at {@code nowEpochSecond}. */
    public static ManagedScalingDecision evaluate(
            ManagedScalingSettings settings, ManagedScalingState s, long nowEpochSecond) {
        int n = s.runningInstances();
        int m = instancesNeeded(n, s.busyInstances(), s.provisioningInstances(), settings);
        double cpr = reservation(m, n);
        int desired = s.desiredCapacity();
        if (!settings.enabled()) {
            return new ManagedScalingDecision(cpr, m, desired, 0, "managed scaling is disabled");
        }
        int target = settings.targetCapacity();
        // "Above" and "below" the target (docs/scaling.md#managed-scaling) as the alarms of a target
        // tracking policy compare: GreaterThanThreshold and LessThanThreshold ([model] for the operators).
        if (ComparisonOperator.GREATER_THAN_THRESHOLD.breaches(cpr, target)) {
            if (s.youngestInstanceLaunch() != null
                    && nowEpochSecond < s.youngestInstanceLaunch() + settings.instanceWarmupPeriod()) {
                return new ManagedScalingDecision(cpr, m, desired, 0, "scale-out waits for instance warm-up");
            }
            int wanted = n == 0 ? SCALE_OUT_FROM_ZERO : ceilDiv(m * 100L, target);
            int next = clamp(Math.max(wanted, desired), s.minSize(), s.maxSize());
            String reason = next > desired
                    ? "reservation " + number(cpr) + " above target " + target
                    : desired >= s.maxSize()
                            ? "already at the group's MaxSize"
                            : "desired capacity " + desired + " already covers the " + wanted
                                    + " instances the target needs";
            return new ManagedScalingDecision(cpr, m, next, 0, reason);
        }
        if (ComparisonOperator.LESS_THAN_THRESHOLD.breaches(cpr, target)) {
            int low = s.lowMinutes() + 1;
            if (low < SCALE_IN_MINUTES) {
                return new ManagedScalingDecision(
                        cpr, m, desired, low, "reservation below target for " + low + " minute(s)");
            }
            int wanted = ceilDiv(m * 100L, target);
            int maxDecrease = Math.max(1, (n - 1) / 2);
            int next = clamp(Math.max(wanted, n - maxDecrease), s.minSize(), s.maxSize());
            next = Math.min(next, desired);
            return new ManagedScalingDecision(
                    cpr,
                    m,
                    next,
                    low,
                    next < desired
                            ? "reservation " + number(cpr) + " below target " + target + " for " + low + " minutes"
                            : "already at the group's MinSize");
        }
        return new ManagedScalingDecision(cpr, m, desired, 0, "reservation at target");
    }

    private static int ceilDiv(long a, long b) {
        return (int) Math.min(Integer.MAX_VALUE, (a + b - 1) / b);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
