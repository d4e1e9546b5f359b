package io.github.berth.placement;

import io.github.berth.placement.query.Expression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks that apply to one request, in {@link FailureReason} order, and each instance's stage:
 * the ordinal of the first check it fails, or {@link #PASS}. Stages change only on the instance a
 * task was placed on, so they are kept and recomputed for that instance alone.
 *
 * <p>Held by construction, not by the order of the lines below: the chain sorts its filters by
 * their {@link InstanceFilter#reason()} (so a filter's place is its reason's place in
 * {@link FailureReason}, which is the reason precedence ECS reports, docs/placement.md#pipeline-order), and it refuses a
 * filter that does not declare {@link InstanceFilter#dependsOnlyOnItsInstance()} (the recheck of
 * one instance would leave the others' stages stale).
 */
final class FilterChain {

    static final byte PASS = Byte.MAX_VALUE;

    private static final Comparator<InstanceFilter> BY_REASON =
            Comparator.comparingInt(f -> f.reason().ordinal());

    private final InstanceFilter[] filters;
    final byte[] stage;

    FilterChain(PlacementState st, PlacementPlan plan) {
        this(st.n, filtersFor(st, plan));
    }

    /** A chain of these filters (in any order) over {@code n} instances. */
    FilterChain(int n, List<InstanceFilter> filters) {
        InstanceFilter[] sorted = filters.toArray(new InstanceFilter[0]);
        Arrays.sort(sorted, BY_REASON); // stable: filters of one reason keep their order
        for (InstanceFilter f : sorted) {
            if (!f.reason().isPerInstance()) {
                throw new IllegalStateException("filter " + f.getClass().getSimpleName() + " reports "
                        + f.reason().name() + ", a reason of the whole request, not of one instance");
            }
            if (!f.dependsOnlyOnItsInstance()) {
                throw new IllegalStateException(
                        "filter " + f.getClass().getSimpleName() + " reads other instances than the"
                                + " one it checks; the chain rechecks only the instance a task went to");
            }
        }
        this.filters = sorted;
        this.stage = new byte[n];
        for (int i = 0; i < n; i++) {
            stage[i] = check(i);
        }
    }

    /**
     * The filters a request needs, one line each: a new check is its {@link InstanceFilter} class and
     * one line here; where it runs follows from its {@link FailureReason}.
     */
    private static List<InstanceFilter> filtersFor(PlacementState st, PlacementPlan plan) {
        ClusterSnapshot s = st.snapshot;
        TaskRequirements req = plan.requirements();
        List<InstanceFilter> list = new ArrayList<>();
        list.add(new InstanceFilter.Status(s));
        list.add(new InstanceFilter.Agent(s));
        Set<String> vpcs = new HashSet<>();
        Set<String> zones = new HashSet<>();
        for (String subnet : plan.subnets()) {
            ClusterSnapshot.Subnet known = s.subnets.get(subnet);
            if (known != null && known.vpcId() != null) {
                vpcs.add(known.vpcId());
            }
            if (known != null && known.availabilityZone() != null) {
                zones.add(known.availabilityZone());
            }
        }
        if (!req.requiredAttributes.isEmpty() || !vpcs.isEmpty()) {
            list.add(new InstanceFilter.Attributes(s, req.requiredAttributes, vpcs));
        }
        if (req.awsvpc) {
            list.add(new InstanceFilter.Location(s, zones));
        }
        list.add(new InstanceFilter.Cpu(st, req.cpu));
        list.add(new InstanceFilter.Memory(st, req.memory));
        if (req.gpus > 0 || req.allGpus) {
            list.add(new InstanceFilter.Gpu(st, req.gpus, req.allGpus));
        }
        int totalStatic = req.staticTcp.length + req.staticUdp.length;
        if (req.staticTcp.length > 0 || req.tcpSelfConflict) {
            list.add(new InstanceFilter.Ports(st, req.staticTcp, false, req.tcpSelfConflict, totalStatic));
        }
        if (req.staticUdp.length > 0 || req.udpSelfConflict) {
            list.add(new InstanceFilter.Ports(st, req.staticUdp, true, req.udpSelfConflict, totalStatic));
        }
        if (req.awsvpc) {
            list.add(new InstanceFilter.Eni(st));
        }
        for (Expression e : plan.memberOf()) {
            list.add(new InstanceFilter.MemberOf(st, e));
        }
        if (plan.distinctInstance()) {
            list.add(new InstanceFilter.DistinctInstance(st));
        }
        return list;
    }

    /** The reasons of the chain's filters, in the order they run. */
    List<FailureReason> reasons() {
        List<FailureReason> out = new ArrayList<>(filters.length);
        for (InstanceFilter f : filters) {
            out.add(f.reason());
        }
        return out;
    }

    byte check(int i) {
        for (InstanceFilter f : filters) {
            if (!f.accepts(i)) {
                return (byte) f.reason().ordinal();
            }
        }
        return PASS;
    }

    /** Recomputes the stage of one instance; returns whether it passes. */
    boolean recheck(int i) {
        stage[i] = check(i);
        return stage[i] == PASS;
    }
}
