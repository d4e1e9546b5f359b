package io.github.berth.placement;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.arn.EcsArn;
import io.github.berth.core.arn.EcsArns;
import io.github.berth.core.arn.Ids;
import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a placement request: where each placed task went, an ECS {@link Failure} for each
 * task that was not (reason strings of docs/placement.md#failure-reasons, with the closest matching instance's ARN),
 * and a readable explanation of the failures.
 */
public final class PlacementResult {

    private final PlacementRequest request;
    private final PlacementLog log;
    private volatile @Nullable List<TaskPlacement> placements;
    private final ImmutableList<Failure> failures;
    private final ImmutableList<PlacementExplanation> explanations;
    private final @Nullable String anyInstanceArn;

    PlacementResult(
            PlacementRequest request,
            PlacementLog log,
            List<Failure> failures,
            List<PlacementExplanation> explanations,
            @Nullable String anyInstanceArn) {
        this.request = request;
        this.log = log;
        this.failures = ImmutableList.copyOf(failures);
        this.explanations = ImmutableList.copyOf(explanations);
        this.anyInstanceArn = anyInstanceArn;
    }

    /** The placed tasks, by task index (made into values on first call; the decisions are all taken). */
    public List<TaskPlacement> placements() {
        List<TaskPlacement> p = placements;
        if (p == null) {
            p = ImmutableList.copyOf(log.toPlacements());
            placements = p;
        }
        return p;
    }

    /** How many tasks were placed. */
    public int placedCount() {
        return log.size();
    }

    /** One failure per task not placed ([model] docs/placement.md#runtask-response), in task order. */
    public List<Failure> failures() {
        return failures;
    }

    /** Why tasks were not placed, one entry per run of tasks that failed alike. */
    public List<PlacementExplanation> explanations() {
        return explanations;
    }

    /** The explanations as lines of text (empty when every task was placed). */
    public List<String> explain() {
        return explanations.stream().map(PlacementExplanation::toString).toList();
    }

    public boolean allPlaced() {
        return failures.isEmpty();
    }

    public PlacementRequest request() {
        return request;
    }

    /**
     * The result as ECS's RunTask answers it: a task per placement (ARN, cluster, instance, group,
     * containers with their network bindings, the ENI attachment; last status PENDING, or
     * PROVISIONING for awsvpc, desired status RUNNING) and the failures. Task ids come from the
     * request's seed; region, account and cluster from the instances' ARNs (else {@code us-east-1},
     * {@code 123456789012}, {@code default}).
     */
    public RunTaskResponse toRunTaskResponse() {
        String region = "us-east-1";
        String account = "123456789012";
        String cluster = "default";
        if (anyInstanceArn != null) {
            try {
                EcsArn parsed = EcsArn.parse(anyInstanceArn);
                region = parsed.arn().region();
                account = parsed.arn().account();
                if (parsed.cluster() != null) {
                    cluster = parsed.cluster();
                }
            } catch (RuntimeException e) {
                // An ARN Berth cannot read: keep the defaults.
            }
        }
        EcsArns arns = EcsArns.of(region, account);
        Ids ids = new Ids(request.seed());
        TaskDefinition td = request.taskDefinition();
        String tdArn = td.taskDefinitionArn() != null
                ? td.taskDefinitionArn()
                : arns.taskDefinition(
                        td.family() == null ? "unknown" : td.family(), td.revision() == null ? 1 : td.revision());
        List<Task> tasks = new ArrayList<>();
        for (TaskPlacement p : placements()) {
            String taskId = ids.taskId();
            String taskArn = arns.task(cluster, taskId);
            List<Container> containers = new ArrayList<>();
            for (TaskPlacement.ContainerBindings c : p.containers()) {
                containers.add(Container.builder()
                        .containerArn(arns.container(cluster, taskId, ids.uuid()))
                        .taskArn(taskArn)
                        .name(c.containerName())
                        .lastStatus("PENDING")
                        .networkBindings(c.networkBindings())
                        .build());
            }
            Task.Builder t = Task.builder()
                    .taskArn(taskArn)
                    .clusterArn(arns.cluster(cluster))
                    .taskDefinitionArn(tdArn)
                    .containerInstanceArn(p.containerInstanceArn())
                    .availabilityZone(p.availabilityZone())
                    .group(p.group())
                    .startedBy(request.startedBy())
                    .launchType(p.launchType())
                    .capacityProviderName(p.capacityProviderName())
                    .lastStatus(p.hasEni() ? "PROVISIONING" : "PENDING")
                    .desiredStatus("RUNNING")
                    .containers(containers)
                    .cpu(td.cpu())
                    .memory(td.memory())
                    .overrides(request.overrides())
                    .version(1L);
            if (p.hasEni()) {
                t.attachments(List.of(Attachment.builder()
                        .id(ids.uuid())
                        .type(SnapshotBuilder.ENI_ATTACHMENT)
                        .status("PRECREATED")
                        .details(List.of(KeyValuePair.builder()
                                .name("subnetId")
                                .value(p.eniSubnetId())
                                .build()))
                        .build()));
            }
            tasks.add(t.build());
        }
        return RunTaskResponse.builder().tasks(tasks).failures(failures).build();
    }

    @Override
    public String toString() {
        return "PlacementResult[" + log.size() + " placed, " + failures.size() + " failed]";
    }
}
