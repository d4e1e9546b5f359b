package io.github.berth.placement;

import io.github.berth.core.model.Failure;
import java.util.ArrayList;
import java.util.List;

/**
 * Places tasks the way ECS does: {@code place(snapshot, request)} runs the filters (agent, status,
 * attributes, location, CPU, memory, GPU, ports, ENIs, then the constraints), ranks the candidates
 * by the strategies in order, and answers with a placement per task and an ECS failure for each
 * task that does not fit.
 *
 * <pre>{@code
 * ClusterSnapshot snapshot = ClusterSnapshot.fromJson(instancesJson, tasksJson);
 * PlacementResult result = PlacementEngine.place(snapshot, PlacementRequest.fromRunTask(runTask, taskDefinition));
 * result.placements();          // instance, host ports, ENI of each placed task
 * result.failures();            // ECS Failures: reason RESOURCE:MEMORY, arn of the closest instance
 * result.explain();             // "task 1 (EC2): 3 instances: 2 RESOURCE:MEMORY, 1 AGENT; reported ..."
 * result.toRunTaskResponse();   // what RunTask would answer
 * }</pre>
 *
 * <p>A pure function: the snapshot is only read, every random choice comes from the request's
 * seed, and no state is shared between calls, so it is safe from many threads at once.
 */
public final class PlacementEngine {

    private PlacementEngine() {}

    /**
     * Places the request's tasks.
     *
     * @throws io.github.berth.core.error.InvalidParameterException (or {@code ClientException}) with
     *     ECS's message when the request is invalid ({@code Value '11' at 'count' failed to satisfy
     *     constraint: ...}, a strategy's field); nothing is placed then
     * @throws io.github.berth.placement.query.QuerySyntaxException (an {@code
     *     InvalidParameterException}) naming the column where a {@code memberOf} expression stops
     *     parsing
     * @throws NullPointerException if an argument is null
     */
    public static PlacementResult place(ClusterSnapshot snapshot, PlacementRequest request) {
        return place(snapshot, request, false);
    }

    /**
     * Places the request's tasks on a cluster's {@link LiveCluster live state}: the same answer as
     * for a snapshot of the same instances and tasks, without building one. Changes nothing: the
     * caller tells the live state what the placed tasks take.
     *
     * @throws io.github.berth.core.error.InvalidParameterException as {@link #place(ClusterSnapshot,
     *     PlacementRequest)} does
     * @throws NullPointerException if an argument is null
     */
    public static PlacementResult place(LiveCluster live, PlacementRequest request) {
        return place(live.state(), request, false);
    }

    /** With {@code scanOnly}, every choice scans (the tests compare it with the heap ranker). */
    static PlacementResult place(ClusterSnapshot snapshot, PlacementRequest request, boolean scanOnly) {
        PlacementPlan plan = RequestPlanner.plan(snapshot, request);
        PlacementLog log = new PlacementLog(snapshot, plan);
        List<Failure> failures = new ArrayList<>();
        List<PlacementExplanation> explanations = new ArrayList<>();
        Ec2Placer ec2 = null;
        int task = 0;
        for (int k = 0; k < plan.pools().size(); k++) {
            PlacementPlan.Pool pool = plan.pools().get(k);
            if (pool.count() == 0) {
                continue;
            }
            if (pool.kind() == PlacementPlan.PoolKind.FARGATE) {
                FargatePlacer.place(snapshot, plan, pool, task, log);
            } else {
                if (ec2 == null) {
                    ec2 = new Ec2Placer(
                            plan, new PlacementState(snapshot, plan.group()), log, failures, explanations, scanOnly);
                }
                ec2.place(pool, k, task);
            }
            task += pool.count();
        }
        return new PlacementResult(request, log, failures, explanations, snapshot.size > 0 ? snapshot.arn[0] : null);
    }
}
