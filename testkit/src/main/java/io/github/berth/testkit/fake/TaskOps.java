package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.DescribeTasksRequest;
import io.github.berth.core.api.DescribeTasksResponse;
import io.github.berth.core.api.GetTaskProtectionRequest;
import io.github.berth.core.api.GetTaskProtectionResponse;
import io.github.berth.core.api.ListTasksRequest;
import io.github.berth.core.api.ListTasksResponse;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.api.StartTaskRequest;
import io.github.berth.core.api.StartTaskResponse;
import io.github.berth.core.api.StopTaskRequest;
import io.github.berth.core.api.StopTaskResponse;
import io.github.berth.core.api.UpdateTaskProtectionRequest;
import io.github.berth.core.api.UpdateTaskProtectionResponse;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.ProtectedTask;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionStatus;
import io.github.berth.core.model.TaskField;
import io.github.berth.core.model.TaskOverride;
import io.github.berth.core.model.TaskStopCode;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.TaskPlacement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RunTask, StartTask, StopTask, DescribeTasks, ListTasks and task protection; and {@link #launch},
 * the one way a task comes into being (the service scheduler launches through it too).
 */
final class TaskOps {

    private final Engine e;

    TaskOps(Engine e) {
        this.e = e;
    }

    /** What every launched task of one request shares. */
    record LaunchSpec(
            TaskDefinition taskDefinition,
            @Nullable TaskOverride overrides,
            @Nullable String startedBy,
            List<Tag> tags,
            boolean enableExecuteCommand,
            @Nullable NetworkConfiguration networkConfiguration,
            @Nullable String platformVersion,
            @Nullable String serviceName,
            @Nullable String deploymentId) {}

    /** What a task launched without overrides reports (an immutable value, shared). */
    private static final TaskOverride NO_OVERRIDES =
            TaskOverride.builder().containerOverrides(List.of()).build();

    long nextPlacementSeed() {
        return e.random.nextLong();
    }

    // ------------------------------------------------------------------ RunTask

    RunTaskResponse runTask(RunTaskRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        String tdRef = Resolve.required(r.taskDefinition(), "taskDefinition");
        int count = r.count() == null ? 1 : r.count();
        if (count < 1 || count > 10) {
            // [doc] RunTask launches 1 to 10 tasks per call; [unsure] ECS's exact text.
            throw new InvalidParameterException("count must be between 1 and 10.");
        }
        checkStartedBy(r.startedBy(), 128);
        Tags.check(r.tags(), "tags");
        TaskDefinition td = launchable(tdRef);
        List<CapacityProviderStrategyItem> strategy = r.capacityProviderStrategy();
        LaunchType launchType = r.launchType();
        if (launchType == null && (strategy == null || strategy.isEmpty())) {
            if (!c.defaultStrategy.isEmpty()) {
                strategy = c.defaultStrategy;
            } else {
                // [unsure] With no strategy anywhere, ECS falls back to the EC2 launch type.
                launchType = LaunchType.EC2;
            }
        }
        e.capacity.checkStrategy(c, launchType == null ? strategy : null);
        PlacementRequest.Builder pr = PlacementRequest.fromRunTask(r, td).toBuilder()
                .launchType(launchType)
                .capacityProviderStrategy(launchType == null ? strategy : null)
                .seed(nextPlacementSeed());
        PlacementResult result = e.placement.place(c, pr.build());
        LaunchSpec spec = new LaunchSpec(
                td,
                r.overrides(),
                r.startedBy(),
                r.tags() == null ? List.of() : r.tags(),
                Boolean.TRUE.equals(r.enableExecuteCommand()),
                r.networkConfiguration(),
                r.platformVersion(),
                null,
                null);
        // [obs] Over the quota of tasks in PROVISIONING, RunTask fails as a whole
        // (docs/scheduler.md#tasks-waiting-for-capacity).
        e.managedScaling.provisioning.checkQuota(c, result);
        List<Failure> failures = new ArrayList<>(result.failures());
        List<TaskRec> launched = launch(c, spec, result, failures);
        List<Task> tasks = new ArrayList<>();
        for (TaskRec t : launched) {
            tasks.add(Views.task(e, t, false));
        }
        return RunTaskResponse.builder().tasks(tasks).failures(failures).build();
    }

    /** The revision a new task may run: ACTIVE only. */
    TaskDefinition launchable(String ref) {
        TaskDefinition td = e.taskDefinitions.forLaunch(ref);
        if (!TaskDefinitionStatus.ACTIVE.equals(td.status())) {
            // [obs] RunTask on an INACTIVE revision (docs/scheduler.md#tasks).
            throw new InvalidParameterException("TaskDefinition is inactive");
        }
        return td;
    }

    private static void checkStartedBy(@Nullable String startedBy, int max) {
        if (startedBy != null && (startedBy.length() > max || !startedBy.matches("[A-Za-z0-9_/-]*"))) {
            // [doc] startedBy: up to 128 (RunTask) or 36 (StartTask) letters, numbers, hyphens, underscores, slashes.
            throw new InvalidParameterException(
                    "startedBy must be up to " + max
                            + " letters (uppercase and lowercase), numbers, hyphens (-), forward slashes (/), and underscores (_).");
        }
    }

    /**
     * Creates and starts the tasks a placement chose. Fargate capacity faults turn placements into
     * failures here. Answers the tasks in launch order.
     */
    List<TaskRec> launch(ClusterRec c, LaunchSpec spec, PlacementResult result, List<Failure> failures) {
        List<TaskRec> out = new ArrayList<>();
        for (TaskPlacement p : result.placements()) {
            if (p.containerInstanceArn() == null && e.capacity.fargateUnavailable(p)) {
                // [obs] The text Fargate answers when it has no capacity (docs/scheduler.md#fargate).
                failures.add(Failure.builder()
                        .reason(
                                "Capacity is unavailable at this time. Please try again later or in a different availability zone.")
                        .build());
                continue;
            }
            out.add(create(c, spec, p));
        }
        for (TaskRec t : out) {
            e.lifecycle.launch(t);
        }
        // Tasks a capacity provider with managed scaling could not place wait in PROVISIONING instead of failing.
        out.addAll(e.managedScaling.provisioning.enqueue(c, spec, result, failures, this));
        return out;
    }

    private TaskRec create(ClusterRec c, LaunchSpec spec, TaskPlacement p) {
        TaskRec t = newTask(c, spec, p.launchType(), p.capacityProviderName(), p.group());
        place(c, t, p, spec.taskDefinition());
        return t;
    }

    /** A task of the cluster, not yet on any instance (its containers PENDING, no resources held). */
    TaskRec newTask(
            ClusterRec c, LaunchSpec spec, LaunchType launchType, @Nullable String capacityProviderName, String group) {
        TaskDefinition td = spec.taskDefinition();
        TaskRec t = new TaskRec();
        t.id = e.ids.taskId();
        t.arn = e.arns.task(c.name, t.id);
        t.cluster = c.name;
        t.taskDefinitionArn = TaskDefinitionStore.arn(td);
        t.launchType = launchType;
        t.capacityProviderName = capacityProviderName;
        t.group = group;
        t.startedBy = spec.startedBy();
        t.overrides = spec.overrides() == null ? NO_OVERRIDES : spec.overrides();
        t.tags = new ArrayList<>(spec.tags());
        t.enableExecuteCommand = spec.enableExecuteCommand();
        t.serviceName = spec.serviceName();
        t.deploymentId = spec.deploymentId();
        t.cpu = spec.overrides() != null && spec.overrides().cpu() != null
                ? spec.overrides().cpu()
                : td.cpu();
        t.memory = spec.overrides() != null && spec.overrides().memory() != null
                ? spec.overrides().memory()
                : td.memory();
        if (LaunchType.FARGATE.equals(t.launchType)) {
            // [doc] LATEST is platform version 1.4.0 for Linux.
            t.platformVersion = spec.platformVersion() == null || "LATEST".equals(spec.platformVersion())
                    ? "1.4.0"
                    : spec.platformVersion();
            t.platformFamily = "Linux";
        }
        int index = 0;
        for (ContainerDefinition cd : TaskDefinitionStore.containers(td)) {
            ContainerRec k = new ContainerRec();
            // RegisterTaskDefinition refuses a container without a name or an image (ContainerRule).
            k.name = Objects.requireNonNull(cd.name());
            k.uuid = e.ids.uuid();
            k.arn = e.arns.container(c.name, t.id, k.uuid);
            k.image = Objects.requireNonNull(cd.image());
            k.essential = cd.essential() == null || cd.essential();
            k.healthCheck = cd.healthCheck();
            k.cpu = String.valueOf(cd.cpu() == null ? 0 : cd.cpu());
            k.memory = cd.memory() == null ? null : String.valueOf(cd.memory());
            k.memoryReservation = cd.memoryReservation() == null ? null : String.valueOf(cd.memoryReservation());
            k.plan = e.behaviours.plan(td, cd, e.random);
            // Only read, never changed: the definition's own immutable list, not a copy per task.
            k.dependsOn = cd.dependsOn() == null ? List.of() : cd.dependsOn();
            k.startTimeout = cd.startTimeout();
            t.containers.add(k);
            index++;
        }
        c.tasks.put(t.id, t);
        return t;
    }

    /**
     * Puts a task where placement chose: its Availability Zone, host ports, the resources it holds
     * on its instance, its ENI, its GPUs. At launch, or when a task waiting in PROVISIONING is placed.
     */
    void place(ClusterRec c, TaskRec t, TaskPlacement p, TaskDefinition td) {
        t.availabilityZone = p.availabilityZone();
        for (ContainerRec k : t.containers) {
            for (TaskPlacement.ContainerBindings cb : p.containers()) {
                if (cb.containerName().equals(k.name)) {
                    k.networkBindings = new ArrayList<>(bindings(cb.networkBindings()));
                }
            }
        }
        e.placement.reserve(c, t, p, td);
        if (t.holdsEni) {
            // An awsvpc task: placement chose its ENI's subnet, and createEni gives the attachment its details.
            e.lifecycle.createEni(t, Objects.requireNonNull(p.eniSubnetId()));
            String ip = null;
            for (var d : Objects.requireNonNull(t.attachments.get(0).details())) {
                if ("privateIPv4Address".equals(d.name())) {
                    ip = d.value();
                }
            }
            for (ContainerRec k : t.containers) {
                k.networkInterfaces.add(io.github.berth.core.model.NetworkInterface.builder()
                        .attachmentId(t.attachments.get(0).id())
                        .privateIpv4Address(ip)
                        .build());
                k.networkBindings.clear();
            }
        }
        int gpu = 0;
        for (ContainerRec k : t.containers) {
            // [model] GPUs go to the containers in definition order.
            while (gpu < t.reservedGpuIds.size() && k.gpuIds.isEmpty()) {
                k.gpuIds.add(t.reservedGpuIds.get(gpu++));
            }
        }
    }

    private static List<NetworkBinding> bindings(List<NetworkBinding> in) {
        List<NetworkBinding> out = new ArrayList<>(in.size());
        for (NetworkBinding b : in) {
            out.add(b.bindIP() == null ? b.toBuilder().bindIP("0.0.0.0").build() : b);
        }
        return out;
    }

    // ------------------------------------------------------------------ StartTask

    StartTaskResponse startTask(StartTaskRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        String tdRef = Resolve.required(r.taskDefinition(), "taskDefinition");
        List<String> instances = Resolve.required(r.containerInstances(), "containerInstances");
        if (instances.isEmpty() || instances.size() > 10) {
            // [doc] StartTask takes 1 to 10 container instances.
            throw new InvalidParameterException("containerInstances must contain between 1 and 10 items.");
        }
        checkStartedBy(r.startedBy(), 36);
        Tags.check(r.tags(), "tags");
        TaskDefinition td = launchable(tdRef);
        LaunchSpec spec = new LaunchSpec(
                td,
                r.overrides(),
                r.startedBy(),
                r.tags() == null ? List.of() : r.tags(),
                Boolean.TRUE.equals(r.enableExecuteCommand()),
                r.networkConfiguration(),
                null,
                null,
                null);
        List<Failure> failures = new ArrayList<>();
        List<TaskRec> launched = new ArrayList<>();
        for (String ref : instances) {
            InstanceRec inst = c.instances.get(Resolve.nameOf(ref));
            if (inst == null) {
                failures.add(Failure.builder().arn(ref).reason("MISSING").build());
                continue;
            }
            if ("INACTIVE".equals(inst.status)) {
                failures.add(Failure.builder().arn(inst.arn).reason("INACTIVE").build());
                continue;
            }
            PlacementRequest pr = PlacementRequest.builder(td)
                    .count(1)
                    .launchType(LaunchType.EC2)
                    .group(r.group())
                    .startedBy(r.startedBy())
                    .networkConfiguration(r.networkConfiguration())
                    .overrides(r.overrides())
                    .addPlacementConstraint(PlacementConstraint.builder()
                            .type(PlacementConstraintType.MEMBER_OF)
                            .expression("ec2InstanceId == " + inst.ec2InstanceId)
                            .build())
                    .seed(nextPlacementSeed())
                    .build();
            PlacementResult result = e.placement.place(c, pr);
            failures.addAll(result.failures());
            launched.addAll(launch(c, spec, result, failures));
        }
        List<Task> tasks = new ArrayList<>();
        for (TaskRec t : launched) {
            tasks.add(Views.task(e, t, false));
        }
        return StartTaskResponse.builder().tasks(tasks).failures(failures).build();
    }

    // ------------------------------------------------------------------ StopTask

    StopTaskResponse stopTask(StopTaskRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        String ref = Resolve.required(r.task(), "task");
        TaskRec t = c.tasks.get(Resolve.taskId(ref));
        if (t == null) {
            // [obs] StopTask of an unknown task: InvalidParameterException "The referenced task was not found."
            throw new InvalidParameterException("The referenced task was not found.");
        }
        if (r.reason() != null && r.reason().length() > 255) {
            throw new InvalidParameterException("reason must be at most 255 characters.");
        }
        // [obs] With no reason given, the stopped reason reads "Task stopped by user"
        // (docs/scheduler.md#stop-codes-and-reasons).
        e.lifecycle.stop(t, TaskStopCode.USER_INITIATED, r.reason() == null ? "Task stopped by user" : r.reason());
        // [doc] StopTask deletes the task's tags.
        t.tags = new ArrayList<>();
        return StopTaskResponse.builder().task(Views.task(e, t, false)).build();
    }

    // ------------------------------------------------------------------ DescribeTasks, ListTasks

    DescribeTasksResponse describeTasks(DescribeTasksRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<String> refs = Resolve.required(r.tasks(), "tasks");
        if (refs.isEmpty()) {
            // [obs] sil-org/ecs-deploy#54.
            throw new InvalidParameterException("Tasks cannot be empty.");
        }
        if (refs.size() > 100) {
            // [doc] DescribeTasks takes up to 100 tasks.
            throw new InvalidParameterException("Tasks can have at most 100 items.");
        }
        boolean tags = r.include() != null && r.include().contains(TaskField.TAGS);
        List<Task> tasks = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            TaskRec t = c.tasks.get(Resolve.taskId(ref));
            if (t == null) {
                failures.add(Failure.builder()
                        .arn(ref.startsWith("arn:") ? ref : e.arns.task(c.name, ref))
                        .reason("MISSING")
                        .build());
            } else {
                tasks.add(Views.task(e, t, tags));
            }
        }
        return DescribeTasksResponse.builder().tasks(tasks).failures(failures).build();
    }

    ListTasksResponse listTasks(ListTasksRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        if (r.serviceName() != null && r.family() != null) {
            // [doc] ListTasks: family and serviceName cannot both be given.
            throw new InvalidParameterException("family and serviceName cannot be specified together.");
        }
        DesiredStatus desired = r.desiredStatus() == null ? DesiredStatus.RUNNING : r.desiredStatus();
        String instanceId = r.containerInstance() == null ? null : Resolve.nameOf(r.containerInstance());
        String service = r.serviceName() == null ? null : Resolve.nameOf(r.serviceName());
        List<String> arns = new ArrayList<>();
        for (TaskRec t : c.tasks.values()) {
            if (!desired.value().equals(t.desiredStatus)) {
                continue;
            }
            if (instanceId != null && !instanceId.equals(t.instanceId)) {
                continue;
            }
            if (r.family() != null && !t.taskDefinitionArn.contains(":task-definition/" + r.family() + ":")) {
                continue;
            }
            if (r.startedBy() != null && !r.startedBy().equals(t.startedBy)) {
                continue;
            }
            if (service != null && !service.equals(t.serviceName)) {
                continue;
            }
            if (r.launchType() != null && !r.launchType().equals(t.launchType)) {
                continue;
            }
            arns.add(t.arn);
        }
        Pages.Page<String> page = Pages.page(arns, r.maxResults(), r.nextToken(), 100, 100);
        return ListTasksResponse.builder()
                .taskArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    // ------------------------------------------------------------------ protection

    UpdateTaskProtectionResponse updateTaskProtection(UpdateTaskProtectionRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<String> refs = Resolve.required(r.tasks(), "tasks");
        boolean enabled = Resolve.required(r.protectionEnabled(), "protectionEnabled");
        if (refs.isEmpty() || refs.size() > 10) {
            throw new InvalidParameterException("tasks must contain between 1 and 10 items.");
        }
        int minutes = r.expiresInMinutes() == null ? 120 : r.expiresInMinutes();
        if (enabled && (minutes < 1 || minutes > 2880)) {
            // [doc] expiresInMinutes: 1 to 2,880 (48 hours); default 120.
            throw new InvalidParameterException("expiresInMinutes must be between 1 and 2880.");
        }
        List<ProtectedTask> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<TaskRec> toChange = new ArrayList<>();
        for (String ref : refs) {
            TaskRec t = c.tasks.get(Resolve.taskId(ref));
            if (t == null) {
                failures.add(Failure.builder().arn(ref).reason("MISSING").build());
            } else if (t.serviceName == null) {
                // [doc] Only service tasks can be protected: TASK_NOT_VALID.
                failures.add(Failure.builder()
                        .arn(t.arn)
                        .reason("TASK_NOT_VALID")
                        .detail("The task is not part of a service.")
                        .build());
            } else {
                toChange.add(t);
            }
        }
        for (TaskRec t : toChange) {
            t.protectionEnabled = enabled;
            t.protectionExpiresAt = enabled ? e.now().plus(Duration.ofMinutes(minutes)) : null;
            out.add(protectedTask(t));
        }
        return UpdateTaskProtectionResponse.builder()
                .protectedTasks(out)
                .failures(failures)
                .build();
    }

    GetTaskProtectionResponse getTaskProtection(GetTaskProtectionRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<ProtectedTask> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<String> refs = r.tasks();
        if (refs == null) {
            refs = new ArrayList<>();
            for (TaskRec t : c.tasks.values()) {
                if (t.serviceName != null && !t.stopped()) {
                    refs.add(t.id);
                }
            }
        }
        for (String ref : refs) {
            TaskRec t = c.tasks.get(Resolve.taskId(ref));
            if (t == null) {
                failures.add(Failure.builder().arn(ref).reason("MISSING").build());
            } else if (t.serviceName == null) {
                failures.add(Failure.builder()
                        .arn(t.arn)
                        .reason("TASK_NOT_VALID")
                        .detail("The task is not part of a service.")
                        .build());
            } else {
                out.add(protectedTask(t));
            }
        }
        return GetTaskProtectionResponse.builder()
                .protectedTasks(out)
                .failures(failures)
                .build();
    }

    boolean isProtected(TaskRec t) {
        return t.protectionEnabled && t.protectionExpiresAt != null && e.now().isBefore(t.protectionExpiresAt);
    }

    private ProtectedTask protectedTask(TaskRec t) {
        boolean on = isProtected(t);
        return ProtectedTask.builder()
                .taskArn(t.arn)
                .protectionEnabled(on)
                .expirationDate(on ? t.protectionExpiresAt : null)
                .build();
    }
}
