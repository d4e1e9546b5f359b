package io.github.berth.placement;

import io.github.berth.core.model.Failure;
import io.github.berth.placement.internal.TieBreaker;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Places the tasks of a request on container instances, one task at a time: the filters keep the
 * candidates, the strategies rank them, the chosen instance's counters move, and the indexes of
 * the state are updated for that instance alone.
 */
final class Ec2Placer {

    private static final String EXTERNAL_CAPABILITY = "ecs.capability.external";

    private final PlacementPlan plan;
    private final PlacementState state;
    private final FilterChain filters;
    private final int[] rank;
    private final StrategyRule[] rules;
    private final PlacementLog log;
    private final List<Failure> failures;
    private final List<PlacementExplanation> explanations;
    private final boolean scanOnly;

    Ec2Placer(
            PlacementPlan plan,
            PlacementState state,
            PlacementLog log,
            List<Failure> failures,
            List<PlacementExplanation> explanations,
            boolean scanOnly) {
        this.scanOnly = scanOnly;
        this.plan = plan;
        this.state = state;
        this.filters = new FilterChain(state, plan);
        this.rank = TieBreaker.order(plan.request().seed(), state.snapshot.size);
        this.rules = new StrategyRule[plan.strategies().size()];
        for (int k = 0; k < rules.length; k++) {
            rules[k] = state.rule(plan.strategies().get(k), plan.request().seed());
        }
        // The rules (and the spread indexes they share) exist before any placement, so counts start right.
        this.log = log;
        this.failures = failures;
        this.explanations = explanations;
    }

    /** Places {@code pool.count()} tasks starting at task index {@code firstTask}. */
    void place(PlacementPlan.Pool pool, int poolIndex, int firstTask) {
        int[] members = members(pool);
        String poolName = pool.capacityProvider() != null
                ? pool.capacityProvider()
                : pool.kind().name();
        if (members.length == 0) {
            FailureReason reason = pool.kind() == PlacementPlan.PoolKind.AUTO_SCALING_PROVIDER
                    ? FailureReason.EMPTY_CAPACITY_PROVIDER
                    : FailureReason.NO_ACTIVE_INSTANCES;
            fail(new PlacementExplanation(
                    firstTask, pool.count(), poolName, 0, new EnumMap<>(FailureReason.class), reason, null));
            return;
        }
        Ranker ranker = ranker(members, pool.count());
        for (int t = 0; t < pool.count(); t++) {
            int task = firstTask + t;
            int i = ranker.choose(task);
            if (i < 0) {
                explainFailure(members, poolName, task, pool.count() - t);
                return;
            }
            apply(i, task, poolIndex);
            filters.recheck(i);
            ranker.changed(i);
        }
    }

    private int[] members(PlacementPlan.Pool pool) {
        ClusterSnapshot s = state.snapshot;
        String[] external = s.attributes.get(EXTERNAL_CAPABILITY);
        int[] out = new int[s.size];
        int k = 0;
        for (int i = 0; i < s.size; i++) {
            boolean member = switch (pool.kind()) {
                case EC2 -> external == null || external[i] == null;
                case EXTERNAL -> external != null && external[i] != null;
                case AUTO_SCALING_PROVIDER ->
                    Objects.requireNonNull(pool.capacityProvider()).equals(s.capacityProvider[i]);
                case FARGATE -> false;
            };
            if (member) {
                out[k++] = i;
            }
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    private Ranker ranker(int[] members, int count) {
        Ranker heap = scanOnly ? null : HeapRanker.tryCreate(members, filters.stage, rules, rank, state.n, count);
        return heap != null ? heap : new ScanRanker(members, filters.stage, rules, rank);
    }

    private void apply(int i, int task, int poolIndex) {
        TaskRequirements req = plan.requirements();
        state.cpu[i] -= req.cpu;
        state.memory[i] -= req.memory;
        if (req.allGpus) {
            state.gpu[i] = 0;
        } else {
            state.gpu[i] -= req.gpus;
        }
        if (req.awsvpc) {
            state.enis[i]++;
        }
        state.groupCount[i]++;
        state.placedHere[i]++;
        for (StrategyRule.SpreadAttribute index : state.spreadIndexes()) {
            index.placed(i);
        }
        for (int p : req.staticTcp) {
            state.reserve(i, p, false);
        }
        for (int p : req.staticUdp) {
            state.reserve(i, p, true);
        }
        int offset = log.instance(task, i, poolIndex);
        if (req.awsvpc) {
            return; // the task's own ENI: no host ports
        }
        for (TaskRequirements.ContainerPorts c : req.containers) {
            for (TaskRequirements.PortSpec p : c.ports()) {
                log.hostPort(offset++, hostPort(i, p));
            }
        }
    }

    /** The host port of one mapping: the static one, or the dynamic one chosen now (first of a range). */
    private int hostPort(int i, TaskRequirements.PortSpec p) {
        if (p.containerRange() != null) {
            int length = p.containerRange()[1] - p.containerRange()[0] + 1;
            int first = EphemeralPorts.lowestFree(state, i, p.udp(), length);
            if (first > 0) {
                for (int port = first; port < first + length; port++) {
                    state.bind(i, port, p.udp());
                }
            }
            return first;
        }
        if (!p.dynamic()) {
            return p.hostPort();
        }
        int host = EphemeralPorts.lowestFree(state, i, p.udp(), 1);
        if (host > 0) {
            state.bind(i, host, p.udp());
        }
        return host;
    }

    private void explainFailure(int[] members, String poolName, int task, int remaining) {
        Map<FailureReason, Integer> counts = new EnumMap<>(FailureReason.class);
        int closest = -1;
        for (int i : members) {
            byte st = filters.stage[i];
            counts.merge(FailureReason.values()[st], 1, Integer::sum);
            if (closest < 0 || st > filters.stage[closest]) {
                closest = i;
            }
        }
        FailureReason reason = FailureReason.values()[filters.stage[closest]];
        String arn = state.snapshot.arn[closest];
        if (reason == FailureReason.NOT_ACTIVE) {
            reason = FailureReason.NO_ACTIVE_INSTANCES;
            arn = null;
        }
        fail(new PlacementExplanation(task, remaining, poolName, members.length, counts, reason, arn));
    }

    /** One failure per task the explanation covers, and the explanation. */
    private void fail(PlacementExplanation why) {
        for (int t = 0; t < why.tasks(); t++) {
            failures.add(Failure.builder()
                    .arn(why.closestInstanceArn())
                    .reason(why.reason().text())
                    .build());
        }
        explanations.add(why);
    }
}
