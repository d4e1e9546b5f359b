package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateTaskSetRequest;
import io.github.berth.core.api.CreateTaskSetResponse;
import io.github.berth.core.api.DeleteTaskSetRequest;
import io.github.berth.core.api.DeleteTaskSetResponse;
import io.github.berth.core.api.DescribeTaskSetsRequest;
import io.github.berth.core.api.DescribeTaskSetsResponse;
import io.github.berth.core.api.UpdateServicePrimaryTaskSetRequest;
import io.github.berth.core.api.UpdateServicePrimaryTaskSetResponse;
import io.github.berth.core.api.UpdateTaskSetRequest;
import io.github.berth.core.api.UpdateTaskSetResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.ServiceNotActiveException;
import io.github.berth.core.error.ServiceNotFoundException;
import io.github.berth.core.error.TaskSetNotFoundException;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.Scale;
import io.github.berth.core.model.ScaleUnit;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionStatus;
import io.github.berth.core.model.TaskSet;
import io.github.berth.core.model.TaskSetField;
import io.github.berth.placement.PlacementRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateTaskSet, UpdateTaskSet, DeleteTaskSet, DescribeTaskSets and UpdateServicePrimaryTaskSet
 * (docs/scheduler.md#task-sets): each checks the whole request, then changes the service's task
 * sets and wakes the service scheduler, whose {@link TaskSetScheduler} launches and stops the tasks.
 */
final class TaskSetOps {

    /**
     * [obs] ECS's answer to a task-set operation on a service whose deployment controller is not
     * EXTERNAL (seen in AWS CLI output that users of Terraform's AWS provider pasted).
     */
    static final String NOT_EXTERNAL =
            "Amazon ECS only supports task set management on services configured to use external deployment controllers.";
    /** [doc] Task sets per service: 5 (Amazon ECS service quotas). */
    static final int MAX_TASK_SETS = 5;

    private final Engine e;
    private final ServiceScheduler scheduler;
    private final ServiceOps services;

    TaskSetOps(Engine e, ServiceScheduler scheduler, ServiceOps services) {
        this.e = e;
        this.scheduler = scheduler;
        this.services = services;
        // Task sets are taggable: TagResource, UntagResource and ListTagsForResource find them by ARN
        // (task-set/<cluster>/<service>/ecs-svc/<digits>).
        e.tagFinders.add((type, parts) -> {
            if (!"task-set".equals(type) || parts.length != 4) {
                return null;
            }
            ClusterRec c = e.clusters.get(parts[0]);
            ServiceRec s = c == null ? null : c.services.get(parts[1]);
            TaskSetRec ts = s == null ? null : scheduler.taskSets.find(s, parts[2] + "/" + parts[3]);
            return ts == null ? null : TagOps.tagged(() -> ts.tags, v -> ts.tags = v);
        });
    }

    // ------------------------------------------------------------------ CreateTaskSet

    CreateTaskSetResponse create(CreateTaskSetRequest r) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        ServiceRec s = service(c, r.service(), true);
        String tdRef = Resolve.required(r.taskDefinition(), "taskDefinition");
        if (r.clientToken() != null) {
            for (TaskSetRec ts : s.taskSets) {
                if (r.clientToken().equals(ts.clientToken)) {
                    // [doc] clientToken makes the request idempotent: the task set as it is.
                    return CreateTaskSetResponse.builder()
                            .taskSet(view(c, s, ts, false))
                            .build();
                }
            }
        }
        if (s.taskSets.size() >= MAX_TASK_SETS) {
            // [obs] ECS's text at the quota (an AWS sample's issue tracker shows it).
            throw new InvalidParameterException(
                    s.taskSets.size() + " deployments exist on the service. Unable to create new "
                            + "TaskSet since this exceeds the maximum limit.");
        }
        TaskDefinition td = e.taskDefinitions.forLaunch(tdRef);
        if (!TaskDefinitionStatus.ACTIVE.equals(td.status())) {
            // [obs] As RunTask and CreateService (docs/scheduler.md#tasks).
            throw new InvalidParameterException("TaskDefinition is inactive");
        }
        double scale = scale(r.scale(), "scale");
        Tags.check(r.tags(), "tags");
        List<LoadBalancer> lbs = r.loadBalancers() == null ? List.of() : r.loadBalancers();
        checkLoadBalancers(lbs, td);
        LaunchType launchType = r.launchType();
        List<CapacityProviderStrategyItem> cps = r.capacityProviderStrategy();
        if (launchType != null && cps != null && !cps.isEmpty()) {
            // [obs] The text RunTask and CreateService answer (docs/scheduler.md#capacity-provider-strategy).
            throw new InvalidParameterException(
                    "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }
        if (launchType == null && (cps == null || cps.isEmpty())) {
            if (!c.defaultStrategy.isEmpty()) {
                cps = c.defaultStrategy;
            } else {
                // [unsure] As CreateService: with no strategy anywhere, the EC2 launch type.
                launchType = LaunchType.EC2;
            }
        }
        e.capacity.checkStrategy(c, launchType == null ? cps : null);
        // What a task of the set would need (awsvpc network configuration, Fargate compatibility,
        // the service's constraints): a placement request for no task, so nothing is placed.
        e.placement.place(
                c,
                PlacementRequest.builder(td)
                        .service(s.name)
                        .count(0)
                        .launchType(launchType)
                        .capacityProviderStrategy(launchType == null ? cps : null)
                        .placementConstraints(s.placementConstraints)
                        .placementStrategy(s.placementStrategy)
                        .networkConfiguration(r.networkConfiguration())
                        .build());

        // Everything is checked: the task set.
        TaskSetRec ts = new TaskSetRec();
        ts.id = e.ids.deploymentId();
        ts.arn = e.arns.taskSet(c.name, s.name, ts.id);
        // [unsure] A new task set is ACTIVE (no production traffic) until UpdateServicePrimaryTaskSet.
        ts.status = "ACTIVE";
        ts.externalId = r.externalId();
        ts.taskDefinitionArn = TaskDefinitionStore.arn(td);
        ts.launchType = launchType;
        ts.capacityProviderStrategy = launchType == null ? new ArrayList<>(cps) : new ArrayList<>();
        ts.platformVersion = LaunchType.FARGATE.equals(launchType) || ServiceOps.fargateStrategy(cps, launchType)
                ? (r.platformVersion() == null ? "LATEST" : r.platformVersion())
                : null;
        ts.platformFamily = ts.platformVersion == null ? null : "Linux";
        ts.networkConfiguration = r.networkConfiguration();
        ts.loadBalancers = new ArrayList<>(lbs);
        ts.serviceRegistries =
                r.serviceRegistries() == null ? new ArrayList<>() : new ArrayList<>(r.serviceRegistries());
        ts.scaleValue = scale;
        ts.createdAt = e.now();
        ts.updatedAt = e.now();
        ts.stabilityStatusAt = e.now();
        ts.clientToken = r.clientToken();
        ts.tags = r.tags() == null ? new ArrayList<>() : new ArrayList<>(r.tags());
        s.taskSets.add(ts);
        s.steady = false;
        scheduler.wake(s);
        return CreateTaskSetResponse.builder().taskSet(view(c, s, ts, false)).build();
    }

    /** [doc] scale: a value from 0 to 100, in PERCENT (the only unit); 100 % when not given [unsure]. */
    private static double scale(@Nullable Scale scale, String member) {
        if (scale == null) {
            return 100.0;
        }
        Double value = Resolve.required(scale.value(), member + ".value");
        if (value.isNaN() || value < 0 || value > 100) {
            // [unsure] ECS's text.
            throw new InvalidParameterException(member + ".value must be between 0 and 100.");
        }
        if (scale.unit() != null && !ScaleUnit.PERCENT.equals(scale.unit())) {
            throw new InvalidParameterException(
                    "1 validation error detected: Value '" + scale.unit().value() + "' at '" + member
                            + ".unit' failed to satisfy constraint: Member must satisfy enum value set: [PERCENT]");
        }
        return value;
    }

    /**
     * [doc] Task sets take Application or Network Load Balancer target groups only, and one of them
     * (multiple target groups are not supported for the EXTERNAL controller); the container and port
     * checks are CreateService's.
     */
    private static void checkLoadBalancers(List<LoadBalancer> lbs, TaskDefinition td) {
        if (lbs.size() > 1) {
            // [unsure] ECS's text.
            throw new InvalidParameterException("loadBalancers: a task set can have at most 1 load balancer.");
        }
        if (!lbs.isEmpty()
                && lbs.get(0).loadBalancerName() != null
                && lbs.get(0).targetGroupArn() == null) {
            // [unsure] ECS's text.
            throw new InvalidParameterException(
                    "loadBalancers[0]: Classic Load Balancers are not supported with task sets.");
        }
        ServiceOps.checkLoadBalancers(lbs, td, null, "loadBalancers");
    }

    // ------------------------------------------------------------------ UpdateTaskSet

    UpdateTaskSetResponse update(UpdateTaskSetRequest r) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        ServiceRec s = service(c, r.service(), true);
        TaskSetRec ts = taskSet(c, s, r.taskSet());
        double scale = scale(Resolve.required(r.scale(), "scale"), "scale");
        if ("DRAINING".equals(ts.status)) {
            // [model] A deleted task set cannot be scaled again; ECS's text is not published.
            throw new InvalidParameterException("The task set " + ts.id + " is DRAINING and cannot be updated.");
        }
        ts.scaleValue = scale;
        ts.updatedAt = e.now();
        scheduler.wake(s);
        return UpdateTaskSetResponse.builder().taskSet(view(c, s, ts, false)).build();
    }

    // ------------------------------------------------------------------ DeleteTaskSet

    DeleteTaskSetResponse delete(DeleteTaskSetRequest r) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        ServiceRec s = service(c, r.service(), true);
        TaskSetRec ts = taskSet(c, s, r.taskSet());
        if (!"DRAINING".equals(ts.status)) {
            if (!Boolean.TRUE.equals(r.force()) && ts.computedDesiredCount(s.desiredCount) > 0) {
                // [doc] Without force a task set must have been scaled down to zero; [unsure] ECS's text.
                throw new InvalidParameterException("The task set " + ts.id
                        + " cannot be deleted while it is scaled above 0. " + "Scale it to 0 or use force.");
            }
            // [doc] DRAINING: its tasks are being stopped and their targets deregistered.
            ts.status = "DRAINING";
            ts.updatedAt = e.now();
            scheduler.wake(s);
        }
        return DeleteTaskSetResponse.builder().taskSet(view(c, s, ts, false)).build();
    }

    // ------------------------------------------------------------------ UpdateServicePrimaryTaskSet

    UpdateServicePrimaryTaskSetResponse updatePrimary(UpdateServicePrimaryTaskSetRequest r) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        ServiceRec s = service(c, r.service(), true);
        TaskSetRec ts = taskSet(c, s, r.primaryTaskSet());
        if ("DRAINING".equals(ts.status)) {
            // [model] A deleted task set cannot serve production traffic; ECS's text is not published.
            throw new InvalidParameterException("The task set " + ts.id + " is DRAINING and cannot be made primary.");
        }
        if (!"PRIMARY".equals(ts.status)) {
            for (TaskSetRec other : s.taskSets) {
                if ("PRIMARY".equals(other.status)) {
                    // [doc] The former primary task set stays, ACTIVE: it no longer serves production traffic.
                    other.status = "ACTIVE";
                    other.updatedAt = e.now();
                }
            }
            ts.status = "PRIMARY";
            ts.updatedAt = e.now();
            mirrorPrimary(s, ts);
        }
        scheduler.wake(s);
        return UpdateServicePrimaryTaskSetResponse.builder()
                .taskSet(view(c, s, ts, false))
                .build();
    }

    /** [unsure] The service shows its primary task set's task definition, launch type and network. */
    static void mirrorPrimary(ServiceRec s, TaskSetRec ts) {
        s.taskDefinitionArn = ts.taskDefinitionArn;
        s.launchType = ts.launchType;
        s.capacityProviderStrategy = new ArrayList<>(ts.capacityProviderStrategy);
        s.platformVersion = ts.platformVersion;
        s.platformFamily = ts.platformFamily;
        s.networkConfiguration = ts.networkConfiguration;
        s.loadBalancers = new ArrayList<>(ts.loadBalancers);
        s.serviceRegistries = new ArrayList<>(ts.serviceRegistries);
    }

    // ------------------------------------------------------------------ DescribeTaskSets

    DescribeTaskSetsResponse describe(DescribeTaskSetsRequest r) {
        ClusterRec c = Resolve.activeCluster(e, Resolve.required(r.cluster(), "cluster"));
        ServiceRec s = service(c, r.service(), false);
        boolean tags = r.include() != null && r.include().contains(TaskSetField.TAGS);
        List<TaskSet> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        if (r.taskSets() == null || r.taskSets().isEmpty()) {
            // [doc] Without taskSets, every task set of the service.
            for (TaskSetRec ts : s.taskSets) {
                out.add(view(c, s, ts, tags));
            }
        } else {
            for (String ref : r.taskSets()) {
                TaskSetRec ts = find(s, ref);
                if (ts == null) {
                    // [doc] A task set that is not there is a failure with reason MISSING.
                    failures.add(Failure.builder().arn(ref).reason("MISSING").build());
                } else {
                    out.add(view(c, s, ts, tags));
                }
            }
        }
        return DescribeTaskSetsResponse.builder()
                .taskSets(out)
                .failures(failures)
                .build();
    }

    // ------------------------------------------------------------------ lookups and views

    /**
     * The service a task-set operation names: it must exist ([obs] ServiceOps' text), be ACTIVE, and
     * use the EXTERNAL controller (for changes) or a task-set controller (to describe).
     */
    private ServiceRec service(ClusterRec c, @Nullable String ref, boolean change) {
        String name = Resolve.required(ref, "service");
        ServiceRec s = services.find(c, name);
        if (s == null) {
            throw new ServiceNotFoundException("Service not found.");
        }
        if (!"ACTIVE".equals(s.status)) {
            // [obs] ECS's text, as UpdateService answers it.
            throw new ServiceNotActiveException("Service was not ACTIVE.");
        }
        boolean allowed = change ? "EXTERNAL".equals(s.deploymentController) : s.usesTaskSets();
        if (!allowed) {
            throw new InvalidParameterException(NOT_EXTERNAL);
        }
        return s;
    }

    /** The task set of an id or ARN, or null. */
    private static @Nullable TaskSetRec find(ServiceRec s, String ref) {
        for (TaskSetRec ts : s.taskSets) {
            if (ts.id.equals(ref) || ts.arn.equals(ref)) {
                return ts;
            }
        }
        return null;
    }

    private TaskSetRec taskSet(ClusterRec c, ServiceRec s, @Nullable String ref) {
        TaskSetRec ts = find(s, Resolve.required(ref, "taskSet"));
        if (ts == null) {
            // [unsure] ECS's text.
            throw new TaskSetNotFoundException("The specified task set does not exist.");
        }
        return ts;
    }

    TaskSet view(ClusterRec c, ServiceRec s, TaskSetRec ts, boolean withTags) {
        return scheduler.taskSets.view(c, s, ts, withTags);
    }
}
