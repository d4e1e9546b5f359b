package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.CreateServiceResponse;
import io.github.berth.core.api.DeleteServiceRequest;
import io.github.berth.core.api.DeleteServiceResponse;
import io.github.berth.core.api.DescribeServiceDeploymentsRequest;
import io.github.berth.core.api.DescribeServiceDeploymentsResponse;
import io.github.berth.core.api.DescribeServiceRevisionsRequest;
import io.github.berth.core.api.DescribeServiceRevisionsResponse;
import io.github.berth.core.api.DescribeServicesRequest;
import io.github.berth.core.api.DescribeServicesResponse;
import io.github.berth.core.api.ListServiceDeploymentsRequest;
import io.github.berth.core.api.ListServiceDeploymentsResponse;
import io.github.berth.core.api.ListServicesRequest;
import io.github.berth.core.api.ListServicesResponse;
import io.github.berth.core.api.StopServiceDeploymentRequest;
import io.github.berth.core.api.StopServiceDeploymentResponse;
import io.github.berth.core.api.UpdateServiceRequest;
import io.github.berth.core.api.UpdateServiceResponse;
import io.github.berth.core.error.ConflictException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.ServiceDeploymentNotFoundException;
import io.github.berth.core.error.ServiceNotActiveException;
import io.github.berth.core.error.ServiceNotFoundException;
import io.github.berth.core.model.AvailabilityZoneRebalancing;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.Deployment;
import io.github.berth.core.model.DeploymentAlarms;
import io.github.berth.core.model.DeploymentCircuitBreaker;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.DeploymentController;
import io.github.berth.core.model.DeploymentControllerType;
import io.github.berth.core.model.DeploymentRolloutState;
import io.github.berth.core.model.DeploymentStrategy;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.PropagateTags;
import io.github.berth.core.model.Rollback;
import io.github.berth.core.model.SchedulingStrategy;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.ServiceCurrentRevisionSummary;
import io.github.berth.core.model.ServiceDeployment;
import io.github.berth.core.model.ServiceDeploymentAlarms;
import io.github.berth.core.model.ServiceDeploymentBrief;
import io.github.berth.core.model.ServiceDeploymentCircuitBreaker;
import io.github.berth.core.model.ServiceDeploymentRollbackMonitorsStatus;
import io.github.berth.core.model.ServiceDeploymentStatus;
import io.github.berth.core.model.ServiceField;
import io.github.berth.core.model.ServiceRevision;
import io.github.berth.core.model.ServiceRevisionSummary;
import io.github.berth.core.model.StopServiceDeploymentStopType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionStatus;
import io.github.berth.placement.PlacementRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * CreateService, DescribeServices, ListServices, UpdateService, DeleteService,
 * ListServiceDeployments and DescribeServiceDeployments: each checks the whole request first, then
 * changes the service and wakes the {@link ServiceScheduler}, which does the rest on the clock
 * (docs/scheduler.md#services).
 */
final class ServiceOps {

    /** [doc] Service names: up to 255 letters, numbers, underscores and hyphens (CreateService). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /** [doc] clientToken: up to 36 ASCII characters in the range 33-126 (CreateService). */
    private static final Pattern CLIENT_TOKEN = Pattern.compile("[\\x21-\\x7e]{1,36}");
    /** [doc] Up to 5 target groups per service (service load balancing quotas). */
    private static final int MAX_TARGET_GROUPS = 5;

    private final Engine e;
    private final ServiceScheduler scheduler;

    ServiceOps(Engine e, ServiceScheduler scheduler) {
        this.e = e;
        this.scheduler = scheduler;
    }

    // ------------------------------------------------------------------ CreateService

    CreateServiceResponse create(CreateServiceRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        String name = Resolve.required(r.serviceName(), "serviceName");
        if (!NAME.matcher(name).matches()) {
            // [model] ECS's wording for cluster names, applied to the service name's same rule.
            throw new InvalidParameterException("Service name must be between 1 and 255 characters and can contain "
                    + "letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }
        if (r.clientToken() != null && !CLIENT_TOKEN.matcher(r.clientToken()).matches()) {
            throw new InvalidParameterException("clientToken must be up to 36 ASCII characters in the range 33-126.");
        }
        ServiceRec existing = c.services.get(name);
        if (existing != null && "DRAINING".equals(existing.status)) {
            // [obs] ECS's text (ewilde/faas-fargate#13).
            throw new InvalidParameterException("Unable to Start a service that is still Draining.");
        }
        if (existing != null && "ACTIVE".equals(existing.status)) {
            if (r.clientToken() != null && r.clientToken().equals(existing.clientToken)) {
                // [doc] The same clientToken makes CreateService idempotent: the service as it is.
                return CreateServiceResponse.builder()
                        .service(view(c, existing, false))
                        .build();
            }
            // [obs] ECS's text for a name already in use (hashicorp/terraform-provider-aws#2283).
            throw new InvalidParameterException("Creation of service was not idempotent.");
        }
        Tags.check(r.tags(), "tags");
        String controller =
                r.deploymentController() == null || r.deploymentController().type() == null
                        ? "ECS"
                        : r.deploymentController().type().value();
        if (!DeploymentControllerType.knownValues().contains(DeploymentControllerType.fromValue(controller))) {
            throw enumError("deploymentController.type", controller, "[ECS, CODE_DEPLOY, EXTERNAL]");
        }
        String strategy = r.schedulingStrategy() == null
                ? "REPLICA"
                : r.schedulingStrategy().value();
        if (!SchedulingStrategy.knownValues().contains(SchedulingStrategy.fromValue(strategy))) {
            throw enumError("schedulingStrategy", strategy, "[REPLICA, DAEMON]");
        }
        boolean daemon = "DAEMON".equals(strategy);
        if (daemon && !"ECS".equals(controller)) {
            // [doc] The CODE_DEPLOY and EXTERNAL controllers do not support DAEMON (CreateService
            // schedulingStrategy); [unsure] ECS's text.
            throw new InvalidParameterException("The DAEMON scheduling strategy is not supported with the " + controller
                    + " deployment controller.");
        }
        if ("EXTERNAL".equals(controller)) {
            return createExternal(c, r, name);
        }
        String tdRef = Resolve.required(r.taskDefinition(), "taskDefinition");
        TaskDefinition td = e.taskDefinitions.forLaunch(tdRef);
        if (!TaskDefinitionStatus.ACTIVE.equals(td.status())) {
            // [obs] As RunTask: a new service cannot start from an INACTIVE revision (docs/scheduler.md#tasks).
            throw new InvalidParameterException("TaskDefinition is inactive");
        }
        Integer desired = r.desiredCount();
        if (daemon) {
            if (r.placementStrategy() != null && !r.placementStrategy().isEmpty()) {
                // [doc] DAEMON services take no placement strategy; [unsure] ECS's exact text.
                throw new InvalidParameterException(
                        "Placement strategies are not supported with the DAEMON scheduling strategy.");
            }
            if (LaunchType.FARGATE.equals(r.launchType())) {
                // [doc] Fargate does not support DAEMON services; [unsure] ECS's exact text.
                throw new InvalidParameterException(
                        "The DAEMON scheduling strategy is not supported with the FARGATE launch type.");
            }
        } else {
            if (desired == null) {
                // [doc] desiredCount is required for REPLICA services; [unsure] ECS's exact text.
                throw new InvalidParameterException("desiredCount can not be null.");
            }
        }
        if (desired != null && desired < 0) {
            throw new InvalidParameterException("desiredCount must be greater than or equal to 0.");
        }
        DeploymentConfiguration config = "ECS".equals(controller)
                ? deploymentConfiguration(r.deploymentConfiguration(), null, daemon)
                : taskSetConfiguration(r.deploymentConfiguration(), null, controller);
        Integer grace = r.healthCheckGracePeriodSeconds();
        if (grace != null && grace < 0) {
            // [doc] 0 to 2,147,483,647 seconds.
            throw new InvalidParameterException("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
        }
        List<LoadBalancer> lbs = r.loadBalancers() == null ? List.of() : r.loadBalancers();
        checkLoadBalancers(lbs, td, r.role(), "loadBalancers");
        if ("CODE_DEPLOY".equals(controller) && (lbs.size() != 1 || lbs.get(0).targetGroupArn() == null)) {
            // [doc] A CODE_DEPLOY service uses one Application or Network Load Balancer target group
            // (the deployment group holds the second); [unsure] ECS's text.
            throw new InvalidParameterException(
                    "A service with the CODE_DEPLOY deployment controller must use exactly one "
                            + "target group of an Application Load Balancer or Network Load Balancer.");
        }
        // Launch type or capacity provider strategy: the request's, else the cluster's default, else EC2.
        LaunchType launchType = r.launchType();
        List<CapacityProviderStrategyItem> cps = r.capacityProviderStrategy();
        if (launchType != null && cps != null && !cps.isEmpty()) {
            // [obs] The text RunTask answers too (docs/scheduler.md#capacity-provider-strategy).
            throw new InvalidParameterException(
                    "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }
        if (launchType == null && (cps == null || cps.isEmpty())) {
            if (!c.defaultStrategy.isEmpty() && !daemon) {
                cps = c.defaultStrategy;
            } else {
                // [unsure] With no strategy anywhere, ECS falls back to the EC2 launch type.
                launchType = LaunchType.EC2;
            }
        }
        e.capacity.checkStrategy(c, launchType == null ? cps : null);
        List<PlacementConstraint> constraints = r.placementConstraints() == null ? List.of() : r.placementConstraints();
        List<PlacementStrategy> strategies = r.placementStrategy() == null ? List.of() : r.placementStrategy();
        // Placement checks what a task of this service would need (network configuration for awsvpc,
        // constraints and strategies, Fargate compatibility): a request for no task, so nothing is placed.
        checkPlacement(c, td, name, launchType, cps, constraints, strategies, r.networkConfiguration());

        // Everything is checked: now the service.
        ServiceRec s = new ServiceRec();
        s.name = name;
        s.cluster = c.name;
        s.arn = e.arns.service(c.name, name);
        s.status = "ACTIVE";
        s.schedulingStrategy = strategy;
        s.deploymentController = controller;
        s.taskDefinitionArn = TaskDefinitionStore.arn(td);
        s.desiredCount = daemon ? 0 : Objects.requireNonNull(desired); // required for REPLICA, checked above
        s.launchType = launchType;
        s.capacityProviderStrategy = launchType == null ? new ArrayList<>(cps) : new ArrayList<>();
        s.platformVersion = LaunchType.FARGATE.equals(launchType) || fargateStrategy(cps, launchType)
                ? (r.platformVersion() == null ? "LATEST" : r.platformVersion())
                : null;
        s.platformFamily = s.platformVersion == null ? null : "Linux";
        s.loadBalancers = new ArrayList<>(lbs);
        s.serviceRegistries =
                r.serviceRegistries() == null ? new ArrayList<>() : new ArrayList<>(r.serviceRegistries());
        s.serviceConnectNamespace = Namespaces.ofService(c, r.serviceConnectConfiguration());
        s.networkConfiguration = r.networkConfiguration();
        s.placementConstraints = new ArrayList<>(constraints);
        s.placementStrategy = new ArrayList<>(strategies);
        s.healthCheckGracePeriodSeconds = grace == null ? 0 : grace;
        s.deploymentConfiguration = config;
        s.enableECSManagedTags = Boolean.TRUE.equals(r.enableECSManagedTags());
        s.propagateTags = r.propagateTags() == null ? "NONE" : r.propagateTags().value();
        s.enableExecuteCommand = Boolean.TRUE.equals(r.enableExecuteCommand());
        // [doc] AZ rebalancing is ENABLED by default on CreateService.
        s.availabilityZoneRebalancing = r.availabilityZoneRebalancing() == null
                ? "ENABLED"
                : r.availabilityZoneRebalancing().value();
        s.roleArn = r.role() == null ? null : roleArn(r.role());
        s.createdBy = "arn:aws:iam::" + e.account + ":root";
        s.clientToken = r.clientToken();
        s.createdAt = e.now();
        s.tags = r.tags() == null ? new ArrayList<>() : new ArrayList<>(r.tags());
        c.services.put(name, s);
        if ("CODE_DEPLOY".equals(controller)) {
            // [doc] CreateService gives a CODE_DEPLOY service its first task set, PRIMARY
            // (docs/scheduler.md#codedeploy).
            scheduler.taskSets.createPrimary(c, s);
            return CreateServiceResponse.builder().service(view(c, s, false)).build();
        }
        scheduler.startDeployment(c, s, null);
        if (daemon) {
            s.desiredCount = scheduler.daemonDesiredCount(c, s);
        }
        return CreateServiceResponse.builder().service(view(c, s, false)).build();
    }

    /**
     * CreateService with the EXTERNAL controller (docs/scheduler.md#task-sets): [doc] only the service
     * name is needed; what the tasks run, where and behind which load balancer belongs to the task
     * sets, so the request must leave it blank ([obs] ECS's text for the task definition).
     */
    private CreateServiceResponse createExternal(ClusterRec c, CreateServiceRequest r, String name) {
        String[][] blanks = {
            {"taskDefinition", r.taskDefinition() == null ? null : "TaskDefinition"},
            {"launchType", r.launchType() == null ? null : "LaunchType"},
            {
                "capacityProviderStrategy",
                r.capacityProviderStrategy() == null
                                || r.capacityProviderStrategy().isEmpty()
                        ? null
                        : "CapacityProviderStrategy"
            },
            {"platformVersion", r.platformVersion() == null ? null : "PlatformVersion"},
            {"networkConfiguration", r.networkConfiguration() == null ? null : "NetworkConfiguration"},
            {"loadBalancers", r.loadBalancers() == null || r.loadBalancers().isEmpty() ? null : "LoadBalancers"},
            {
                "serviceRegistries",
                r.serviceRegistries() == null || r.serviceRegistries().isEmpty() ? null : "ServiceRegistries"
            },
        };
        for (String[] b : blanks) {
            if (b[1] != null) {
                // [obs] "TaskDefinition must be blank." ([unsure] the same form for the other members).
                throw new InvalidParameterException(b[1] + " must be blank.");
            }
        }
        Integer desired = r.desiredCount();
        if (desired != null && desired < 0) {
            throw new InvalidParameterException("desiredCount must be greater than or equal to 0.");
        }
        DeploymentConfiguration config = taskSetConfiguration(r.deploymentConfiguration(), null, "EXTERNAL");
        Integer grace = r.healthCheckGracePeriodSeconds();
        if (grace != null && grace < 0) {
            throw new InvalidParameterException("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
        }
        ServiceRec s = new ServiceRec();
        s.name = name;
        s.cluster = c.name;
        s.arn = e.arns.service(c.name, name);
        s.status = "ACTIVE";
        s.schedulingStrategy = "REPLICA";
        s.deploymentController = "EXTERNAL";
        // [unsure] desiredCount may be left out: 0 then.
        s.desiredCount = desired == null ? 0 : desired;
        s.placementConstraints =
                r.placementConstraints() == null ? new ArrayList<>() : new ArrayList<>(r.placementConstraints());
        s.placementStrategy =
                r.placementStrategy() == null ? new ArrayList<>() : new ArrayList<>(r.placementStrategy());
        s.healthCheckGracePeriodSeconds = grace == null ? 0 : grace;
        s.deploymentConfiguration = config;
        s.enableECSManagedTags = Boolean.TRUE.equals(r.enableECSManagedTags());
        s.propagateTags = r.propagateTags() == null ? "NONE" : r.propagateTags().value();
        s.enableExecuteCommand = Boolean.TRUE.equals(r.enableExecuteCommand());
        s.roleArn = r.role() == null ? null : roleArn(r.role());
        s.createdBy = "arn:aws:iam::" + e.account + ":root";
        s.clientToken = r.clientToken();
        s.createdAt = e.now();
        s.tags = r.tags() == null ? new ArrayList<>() : new ArrayList<>(r.tags());
        c.services.put(name, s);
        scheduler.wake(s);
        return CreateServiceResponse.builder().service(view(c, s, false)).build();
    }

    /**
     * The deployment configuration of a CODE_DEPLOY or EXTERNAL service: [doc] the circuit breaker,
     * alarms, and the strategies other than the rolling update are the ECS controller's; only
     * minimumHealthyPercent and maximumPercent are kept (100/200 by default). [unsure] ECS's texts.
     */
    static DeploymentConfiguration taskSetConfiguration(
            @Nullable DeploymentConfiguration in, @Nullable DeploymentConfiguration current, String controller) {
        if (in != null) {
            if (in.deploymentCircuitBreaker() != null
                    && Boolean.TRUE.equals(in.deploymentCircuitBreaker().enable())) {
                throw new InvalidParameterException(
                        "The deployment circuit breaker is only supported for services using the "
                                + "ECS deployment controller.");
            }
            if (in.alarms() != null && Boolean.TRUE.equals(in.alarms().enable())) {
                throw new InvalidParameterException(
                        "Deployment alarms are only supported for services using the ECS " + "deployment controller.");
            }
            if (in.strategy() != null && !DeploymentStrategy.ROLLING.equals(in.strategy())) {
                throw new InvalidParameterException(
                        "The " + in.strategy().value() + " deployment strategy is only supported "
                                + "for services using the ECS deployment controller.");
            }
        }
        DeploymentConfiguration full = deploymentConfiguration(
                in == null
                        ? null
                        : DeploymentConfiguration.builder()
                                .minimumHealthyPercent(in.minimumHealthyPercent())
                                .maximumPercent(in.maximumPercent())
                                .build(),
                current,
                false);
        return DeploymentConfiguration.builder()
                .minimumHealthyPercent(full.minimumHealthyPercent())
                .maximumPercent(full.maximumPercent())
                .build();
    }

    static boolean fargateStrategy(@Nullable List<CapacityProviderStrategyItem> cps, @Nullable LaunchType lt) {
        if (lt != null || cps == null) {
            return false;
        }
        for (CapacityProviderStrategyItem i : cps) {
            if ("FARGATE".equals(i.capacityProvider()) || "FARGATE_SPOT".equals(i.capacityProvider())) {
                return true;
            }
        }
        return false;
    }

    private String roleArn(String role) {
        return role.startsWith("arn:") ? role : "arn:aws:iam::" + e.account + ":role/" + role;
    }

    private void checkPlacement(
            ClusterRec c,
            TaskDefinition td,
            String name,
            @Nullable LaunchType launchType,
            @Nullable List<CapacityProviderStrategyItem> cps,
            List<PlacementConstraint> constraints,
            List<PlacementStrategy> strategies,
            @Nullable NetworkConfiguration nc) {
        PlacementRequest pr = PlacementRequest.builder(td)
                .service(name)
                .count(0)
                .launchType(launchType)
                .capacityProviderStrategy(launchType == null ? cps : null)
                .placementConstraints(constraints)
                .placementStrategy(strategies)
                .networkConfiguration(nc)
                .build();
        e.placement.place(c, pr);
    }

    /**
     * The deployment configuration with ECS's defaults filled in: REPLICA 100/200, DAEMON 0/100
     * [doc] (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html),
     * strategy ROLLING. {@code current} is the service's configuration an update starts from.
     */
    static DeploymentConfiguration deploymentConfiguration(
            @Nullable DeploymentConfiguration in, @Nullable DeploymentConfiguration current, boolean daemon) {
        DeploymentConfiguration base = current != null
                ? current
                : DeploymentConfiguration.builder()
                        .minimumHealthyPercent(daemon ? 0 : 100)
                        .maximumPercent(daemon ? 100 : 200)
                        .deploymentCircuitBreaker(
                                daemon
                                        ? null
                                        : DeploymentCircuitBreaker.builder()
                                                .enable(false)
                                                .rollback(false)
                                                .build())
                        .strategy(daemon ? null : DeploymentStrategy.ROLLING)
                        .build();
        if (in == null) {
            return base;
        }
        DeploymentConfiguration.Builder b = base.toBuilder();
        if (in.minimumHealthyPercent() != null) {
            if (in.minimumHealthyPercent() < 0 || in.minimumHealthyPercent() > 100) {
                // [model] the range the API documents (0-100 %); ECS's wording is not published.
                throw new InvalidParameterException(
                        "deploymentConfiguration.minimumHealthyPercent must be between 0 and 100.");
            }
            b.minimumHealthyPercent(in.minimumHealthyPercent());
        }
        if (in.maximumPercent() != null) {
            if (daemon && in.maximumPercent() != 100) {
                // [doc] DAEMON services: maximumPercent must be 100; [unsure] ECS's exact text.
                throw new InvalidParameterException(
                        "The maximumPercent value must be 100 for services using the DAEMON " + "scheduling strategy.");
            }
            if (in.maximumPercent() < 100) {
                // [model] Below 100 % no replacement could ever start; ECS's wording is not published.
                throw new InvalidParameterException("deploymentConfiguration.maximumPercent must be at least 100.");
            }
            b.maximumPercent(in.maximumPercent());
        }
        if (in.deploymentCircuitBreaker() != null) {
            DeploymentCircuitBreaker cb = in.deploymentCircuitBreaker();
            Resolve.required(cb.enable(), "deploymentConfiguration.deploymentCircuitBreaker.enable");
            Resolve.required(cb.rollback(), "deploymentConfiguration.deploymentCircuitBreaker.rollback");
            b.deploymentCircuitBreaker(cb);
        }
        if (in.alarms() != null) {
            DeploymentAlarms a = in.alarms();
            Resolve.required(a.alarmNames(), "deploymentConfiguration.alarms.alarmNames");
            Resolve.required(a.enable(), "deploymentConfiguration.alarms.enable");
            Resolve.required(a.rollback(), "deploymentConfiguration.alarms.rollback");
            b.alarms(a);
        }
        if (in.strategy() != null) {
            if (!DeploymentStrategy.knownValues().contains(in.strategy())) {
                throw enumError(
                        "deploymentConfiguration.strategy",
                        in.strategy().value(),
                        "[ROLLING, BLUE_GREEN, LINEAR, CANARY]");
            }
            if (daemon && !DeploymentStrategy.ROLLING.equals(in.strategy())) {
                // [doc] DAEMON services deploy by rolling update only; [unsure] ECS's text.
                throw new InvalidParameterException(
                        "The " + in.strategy().value() + " deployment strategy is not supported "
                                + "for services using the DAEMON scheduling strategy.");
            }
            b.strategy(in.strategy());
        }
        if (in.bakeTimeInMinutes() != null) {
            minutes(in.bakeTimeInMinutes(), "deploymentConfiguration.bakeTimeInMinutes");
            b.bakeTimeInMinutes(in.bakeTimeInMinutes());
        }
        DeploymentStrategy strategy = in.strategy() != null ? in.strategy() : base.strategy();
        String st = strategy == null ? "ROLLING" : strategy.value();
        if ("BLUE_GREEN".equals(st) && in.bakeTimeInMinutes() == null && base.bakeTimeInMinutes() == null) {
            // [doc] bakeTimeInMinutes must be given with BLUE_GREEN; [unsure] ECS's text.
            throw new InvalidParameterException("deploymentConfiguration.bakeTimeInMinutes must be specified for the "
                    + "BLUE_GREEN deployment strategy.");
        }
        if (in.linearConfiguration() != null) {
            if (!"LINEAR".equals(st)) {
                // [doc] Only valid with the LINEAR strategy; [unsure] ECS's text.
                throw new InvalidParameterException(
                        "deploymentConfiguration.linearConfiguration is only valid with the LINEAR "
                                + "deployment strategy.");
            }
            Double step = in.linearConfiguration().stepPercent();
            if (step != null && (step < 3.0 || step > 100.0 || !tenths(step))) {
                // [doc] Multiples of 0.1 from 3.0 to 100.0.
                throw new InvalidParameterException(
                        "deploymentConfiguration.linearConfiguration.stepPercent must be a multiple "
                                + "of 0.1 from 3.0 to 100.0.");
            }
            if (in.linearConfiguration().stepBakeTimeInMinutes() != null) {
                minutes(
                        in.linearConfiguration().stepBakeTimeInMinutes(),
                        "deploymentConfiguration.linearConfiguration.stepBakeTimeInMinutes");
            }
            b.linearConfiguration(in.linearConfiguration());
        }
        if (in.canaryConfiguration() != null) {
            if (!"CANARY".equals(st)) {
                throw new InvalidParameterException(
                        "deploymentConfiguration.canaryConfiguration is only valid with the CANARY "
                                + "deployment strategy.");
            }
            Double percent = in.canaryConfiguration().canaryPercent();
            if (percent != null && (percent < 0.1 || percent > 100.0 || !tenths(percent))) {
                // [doc] Multiples of 0.1 from 0.1 to 100.0.
                throw new InvalidParameterException(
                        "deploymentConfiguration.canaryConfiguration.canaryPercent must be a "
                                + "multiple of 0.1 from 0.1 to 100.0.");
            }
            if (in.canaryConfiguration().canaryBakeTimeInMinutes() != null) {
                minutes(
                        in.canaryConfiguration().canaryBakeTimeInMinutes(),
                        "deploymentConfiguration.canaryConfiguration.canaryBakeTimeInMinutes");
            }
            b.canaryConfiguration(in.canaryConfiguration());
        }
        if (in.lifecycleHooks() != null) {
            checkHooks(in.lifecycleHooks());
            b.lifecycleHooks(in.lifecycleHooks());
        }
        return b.build();
    }

    /** [doc] Bake times are 0 to 1440 minutes (24 hours); [unsure] ECS's text. */
    private static void minutes(int value, String member) {
        if (value < 0 || value > 1440) {
            throw new InvalidParameterException(member + " must be between 0 and 1440.");
        }
    }

    private static boolean tenths(double v) {
        return Math.abs(v * 10 - Math.round(v * 10)) < 1e-6;
    }

    /**
     * [doc] A lifecycle hook names its stages, and a Lambda hook its target ARN
     * (docs/scheduler.md#lifecycle-hooks). [model] PAUSE hooks need ContinueServiceDeployment, which
     * the API model Berth is built from does not have yet.
     */
    private static void checkHooks(List<io.github.berth.core.model.DeploymentLifecycleHook> hooks) {
        for (int i = 0; i < hooks.size(); i++) {
            io.github.berth.core.model.DeploymentLifecycleHook h = hooks.get(i);
            String at = "deploymentConfiguration.lifecycleHooks[" + i + "]";
            String type = h.targetType() == null ? "AWS_LAMBDA" : h.targetType().value();
            if ("PAUSE".equals(type)) {
                throw new io.github.berth.core.error.UnsupportedFeatureException(
                        "PAUSE lifecycle hooks are not supported by this fake.");
            }
            if (!"AWS_LAMBDA".equals(type)) {
                throw enumError(at + ".targetType", type, "[AWS_LAMBDA, PAUSE]");
            }
            Resolve.required(h.hookTargetArn(), at + ".hookTargetArn");
            List<io.github.berth.core.model.DeploymentLifecycleHookStage> stages =
                    Resolve.required(h.lifecycleStages(), at + ".lifecycleStages");
            if (stages.isEmpty()) {
                throw new InvalidParameterException(at + ".lifecycleStages must contain at least 1 item.");
            }
            for (int j = 0; j < stages.size(); j++) {
                if (!io.github.berth.core.model.DeploymentLifecycleHookStage.knownValues()
                        .contains(stages.get(j))) {
                    throw enumError(
                            at + ".lifecycleStages[" + j + "]",
                            stages.get(j).value(),
                            "[RECONCILE_SERVICE, "
                                    + "PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, "
                                    + "PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT]");
                }
            }
        }
    }

    /**
     * [obs] A load balancer names a container and a port of the task definition; ECS's texts when the
     * container or its port is missing (docs/scheduler.md#load-balancers).
     */
    static void checkLoadBalancers(List<LoadBalancer> lbs, TaskDefinition td, @Nullable String role, String member) {
        int targetGroups = 0;
        boolean classic = false;
        for (int i = 0; i < lbs.size(); i++) {
            LoadBalancer lb = lbs.get(i);
            String at = member + "[" + i + "]";
            if (lb.targetGroupArn() != null && lb.loadBalancerName() != null) {
                // [unsure] ECS's exact text.
                throw new InvalidParameterException(
                        at + ": specify either loadBalancerName or targetGroupArn, not both.");
            }
            if (lb.targetGroupArn() == null && lb.loadBalancerName() == null) {
                throw new InvalidParameterException(at + ": loadBalancerName or targetGroupArn must be specified.");
            }
            if (lb.targetGroupArn() != null) {
                targetGroups++;
                if (!lb.targetGroupArn().startsWith("arn:")
                        || !lb.targetGroupArn().contains(":targetgroup/")) {
                    throw new InvalidParameterException(
                            "Invalid identifier: Target group ARN is not valid: " + lb.targetGroupArn());
                }
            } else {
                classic = true;
            }
            String container = Resolve.required(lb.containerName(), at + ".containerName");
            Integer port = Resolve.required(lb.containerPort(), at + ".containerPort");
            ContainerDefinition cd = null;
            for (ContainerDefinition d : TaskDefinitionStore.containers(td)) {
                if (container.equals(d.name())) {
                    cd = d;
                }
            }
            if (cd == null) {
                // [obs] ECS's text for a load balancer container the task definition lacks.
                throw new InvalidParameterException(
                        "The container " + container + " does not exist in the task definition.");
            }
            boolean hasPort = false;
            for (PortMapping pm : cd.portMappings() == null ? List.<PortMapping>of() : cd.portMappings()) {
                if (port.equals(pm.containerPort())) {
                    hasPort = true;
                }
            }
            if (!hasPort) {
                // [obs] ECS's text for a load balancer port the container does not map.
                throw new InvalidParameterException(
                        "The container " + container + " did not have a container port " + port + " defined.");
            }
        }
        if (targetGroups > MAX_TARGET_GROUPS) {
            // [doc] At most 5 target groups per service; [unsure] ECS's exact text.
            throw new InvalidParameterException(member + " can have at most " + MAX_TARGET_GROUPS + " target groups.");
        }
        boolean awsvpc = NetworkMode.AWSVPC.equals(td.networkMode());
        if (classic && (awsvpc || lbs.size() > 1)) {
            // [doc] awsvpc services support only Application and Network Load Balancers, and a service
            // has one Classic Load Balancer at most; [unsure] ECS's exact text.
            throw new InvalidParameterException(
                    awsvpc
                            ? "Classic Load Balancers are not supported with the awsvpc network mode."
                            : "A service can use at most one Classic Load Balancer.");
        }
        if (role != null && (lbs.isEmpty() || awsvpc)) {
            // [doc] role only with a load balancer and a task definition not in awsvpc mode; [obs] ECS's text
            // for awsvpc.
            throw new InvalidParameterException(
                    lbs.isEmpty()
                            ? "A role can only be specified for a service that uses a load balancer."
                            : "You cannot specify an IAM role for services that require a service linked role.");
        }
    }

    private static InvalidParameterException enumError(String member, String value, String set) {
        // The AWS form of an enum constraint.
        return new InvalidParameterException("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: " + set);
    }

    // ------------------------------------------------------------------ DescribeServices, ListServices

    DescribeServicesResponse describe(DescribeServicesRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<String> refs = Resolve.required(r.services(), "services");
        if (refs.isEmpty() || refs.size() > 10) {
            // [doc] DescribeServices takes 1 to 10 services.
            throw new InvalidParameterException("services must contain between 1 and 10 items.");
        }
        boolean tags = r.include() != null && r.include().contains(ServiceField.TAGS);
        List<Service> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            ServiceRec s = find(c, ref);
            if (s == null) {
                // [doc] An unknown service is a failure with reason MISSING, named by its ARN.
                failures.add(Failure.builder()
                        .arn(ref.startsWith("arn:") ? ref : e.arns.service(c.name, ref))
                        .reason("MISSING")
                        .build());
            } else {
                out.add(view(c, s, tags));
            }
        }
        return DescribeServicesResponse.builder()
                .services(out)
                .failures(failures)
                .build();
    }

    ListServicesResponse list(ListServicesRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<String> arns = new ArrayList<>();
        for (ServiceRec s : c.services.values()) {
            // [doc] DRAINING and INACTIVE services are not listed.
            if (!"ACTIVE".equals(s.status)) {
                continue;
            }
            if (r.launchType() != null && !r.launchType().equals(s.launchType)) {
                continue;
            }
            if (r.schedulingStrategy() != null
                    && !r.schedulingStrategy().value().equals(s.schedulingStrategy)) {
                continue;
            }
            arns.add(s.arn);
        }
        // [doc] maxResults 1-100; 10 a page when not given.
        Pages.Page<String> page = Pages.page(arns, r.maxResults(), r.nextToken(), 100, 10);
        return ListServicesResponse.builder()
                .serviceArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    /** The service a request names (name or ARN), any status, or null. */
    @Nullable
    ServiceRec find(ClusterRec c, String ref) {
        if (ref.startsWith("arn:")) {
            ServiceRec s = c.services.get(Resolve.nameOf(ref));
            return s != null && s.arn.equals(ref) ? s : null;
        }
        return c.services.get(ref);
    }

    /** The service an update or delete names: it must exist ([obs] ECS's text). */
    private ServiceRec existing(ClusterRec c, @Nullable String ref) {
        String name = Resolve.required(ref, "service");
        ServiceRec s = find(c, name);
        if (s == null) {
            throw new ServiceNotFoundException("Service not found.");
        }
        return s;
    }

    // ------------------------------------------------------------------ UpdateService

    UpdateServiceResponse update(UpdateServiceRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        ServiceRec s = existing(c, r.service());
        if (!"ACTIVE".equals(s.status)) {
            // [obs] ECS's text for an update of a DRAINING or INACTIVE service.
            throw new ServiceNotActiveException("Service was not ACTIVE.");
        }
        if (r.deploymentController() != null
                && r.deploymentController().type() != null
                && !s.deploymentController.equals(
                        r.deploymentController().type().value())) {
            // [model] Changing the deployment controller is not modelled.
            throw new io.github.berth.core.error.UnsupportedFeatureException(
                    "Changing the deployment controller is not supported by this fake.");
        }
        if (s.usesTaskSets()) {
            return updateTaskSetService(c, s, r);
        }
        boolean daemon = s.daemon();
        Integer desired = r.desiredCount();
        if (desired != null && daemon) {
            // [doc] DAEMON services have no desired count to set; [unsure] ECS's exact text.
            throw new InvalidParameterException(
                    "The desiredCount parameter is not supported for services using the DAEMON "
                            + "scheduling strategy.");
        }
        if (desired != null && desired < 0) {
            throw new InvalidParameterException("desiredCount must be greater than or equal to 0.");
        }
        TaskDefinition td = null;
        if (r.taskDefinition() != null) {
            td = e.taskDefinitions.forLaunch(r.taskDefinition());
            if (!TaskDefinitionStatus.ACTIVE.equals(td.status())
                    && !TaskDefinitionStore.arn(td).equals(s.taskDefinitionArn)) {
                throw new InvalidParameterException("TaskDefinition is inactive");
            }
        }
        // A service of the ECS controller (CODE_DEPLOY and EXTERNAL ones are updated elsewhere) has a task definition.
        TaskDefinition effectiveTd =
                td != null ? td : e.taskDefinitions.forLaunch(Objects.requireNonNull(s.taskDefinitionArn));
        DeploymentConfiguration config =
                deploymentConfiguration(r.deploymentConfiguration(), s.deploymentConfiguration, daemon);
        Integer grace = r.healthCheckGracePeriodSeconds();
        if (grace != null && grace < 0) {
            throw new InvalidParameterException("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
        }
        List<LoadBalancer> lbs = r.loadBalancers() != null ? r.loadBalancers() : s.loadBalancers;
        checkLoadBalancers(lbs, effectiveTd, null, "loadBalancers");
        LaunchType launchType = s.launchType;
        List<CapacityProviderStrategyItem> cps = s.capacityProviderStrategy;
        if (r.capacityProviderStrategy() != null) {
            if (r.capacityProviderStrategy().isEmpty()) {
                cps = c.defaultStrategy;
            } else {
                cps = r.capacityProviderStrategy();
            }
            if (launchType != null && !cps.isEmpty() && !Boolean.TRUE.equals(r.forceNewDeployment())) {
                // [doc] Moving from a launch type to a capacity provider strategy needs a new deployment; [unsure]
                // text.
                throw new InvalidParameterException(
                        "When switching from launch type to capacity provider strategy on an "
                                + "existing service, or making a change to a capacity provider strategy on a service that is already "
                                + "using one, you must force a new deployment.");
            }
            launchType = cps.isEmpty() ? launchType : null;
            e.capacity.checkStrategy(c, launchType == null ? cps : null);
        }
        List<PlacementConstraint> constraints =
                r.placementConstraints() != null ? r.placementConstraints() : s.placementConstraints;
        List<PlacementStrategy> strategies =
                r.placementStrategy() != null ? r.placementStrategy() : s.placementStrategy;
        if (daemon && r.placementStrategy() != null && !r.placementStrategy().isEmpty()) {
            throw new InvalidParameterException(
                    "Placement strategies are not supported with the DAEMON scheduling strategy.");
        }
        NetworkConfiguration nc = r.networkConfiguration() != null ? r.networkConfiguration() : s.networkConfiguration;
        checkPlacement(c, effectiveTd, s.name, launchType, cps, constraints, strategies, nc);

        // [doc] What starts a new deployment (UpdateService): the task definition, network
        // configuration, platform version, load balancers, service registries, a capacity provider
        // strategy change, or forceNewDeployment (docs/scheduler.md#rolling-updates).
        boolean newDeployment = Boolean.TRUE.equals(r.forceNewDeployment())
                || (td != null && !TaskDefinitionStore.arn(td).equals(s.taskDefinitionArn))
                || (r.networkConfiguration() != null
                        && !Objects.equals(r.networkConfiguration(), s.networkConfiguration))
                || (r.platformVersion() != null && !Objects.equals(r.platformVersion(), s.platformVersion))
                || (r.loadBalancers() != null && !Objects.equals(r.loadBalancers(), s.loadBalancers))
                || (r.serviceRegistries() != null && !Objects.equals(r.serviceRegistries(), s.serviceRegistries))
                || (r.capacityProviderStrategy() != null && !Objects.equals(cps, s.capacityProviderStrategy));

        // Everything is checked: apply.
        if (desired != null) {
            s.desiredCount = desired;
        }
        if (td != null) {
            s.taskDefinitionArn = TaskDefinitionStore.arn(td);
        }
        s.deploymentConfiguration = config;
        if (grace != null) {
            s.healthCheckGracePeriodSeconds = grace;
        }
        s.loadBalancers = new ArrayList<>(lbs);
        if (r.serviceRegistries() != null) {
            s.serviceRegistries = new ArrayList<>(r.serviceRegistries());
        }
        if (r.serviceConnectConfiguration() != null) {
            s.serviceConnectNamespace = Namespaces.ofService(c, r.serviceConnectConfiguration());
        }
        s.launchType = launchType;
        s.capacityProviderStrategy = launchType == null ? new ArrayList<>(cps) : new ArrayList<>();
        s.placementConstraints = new ArrayList<>(constraints);
        s.placementStrategy = new ArrayList<>(strategies);
        s.networkConfiguration = nc;
        if (r.platformVersion() != null) {
            s.platformVersion = r.platformVersion();
        }
        if (r.enableExecuteCommand() != null) {
            s.enableExecuteCommand = r.enableExecuteCommand();
        }
        if (r.enableECSManagedTags() != null) {
            s.enableECSManagedTags = r.enableECSManagedTags();
        }
        if (r.propagateTags() != null) {
            s.propagateTags = r.propagateTags().value();
        }
        if (r.availabilityZoneRebalancing() != null) {
            s.availabilityZoneRebalancing = r.availabilityZoneRebalancing().value();
        }
        // [doc] Updating the service lifts the throttle of failing tasks (docs/scheduler.md#throttle).
        s.startFailures = 0;
        s.throttledUntil = null;
        if (newDeployment) {
            scheduler.startDeployment(c, s, null);
        } else {
            scheduler.wake(s);
        }
        return UpdateServiceResponse.builder().service(view(c, s, false)).build();
    }

    /**
     * UpdateService of a CODE_DEPLOY or EXTERNAL service (docs/scheduler.md#codedeploy): [doc] it may
     * change the desired count, the deployment configuration, the grace period, placement, managed
     * tags and tag propagation; a new revision goes through CodeDeploy or the task sets. [obs] ECS's
     * texts for the task definition and a forced deployment; [unsure] the others, in the same form.
     */
    private UpdateServiceResponse updateTaskSetService(ClusterRec c, ServiceRec s, UpdateServiceRequest r) {
        String controller = s.deploymentController;
        String tail = "CODE_DEPLOY".equals(controller) ? " Use AWS CodeDeploy to trigger a new deployment." : "";
        if (r.taskDefinition() != null) {
            throw new InvalidParameterException("Unable to update task definition on services with a " + controller
                    + " deployment controller." + tail);
        }
        if (Boolean.TRUE.equals(r.forceNewDeployment()) || r.capacityProviderStrategy() != null) {
            throw new InvalidParameterException("Cannot force a new deployment on services with a " + controller
                    + " deployment controller." + tail);
        }
        String[][] others = {
            {r.networkConfiguration() == null ? null : "network configuration"},
            {r.platformVersion() == null ? null : "platform version"},
            {r.loadBalancers() == null ? null : "load balancers"},
            {r.serviceRegistries() == null ? null : "service registries"},
        };
        for (String[] o : others) {
            if (o[0] != null) {
                throw new InvalidParameterException("Unable to update " + o[0] + " on services with a " + controller
                        + " deployment controller." + tail);
            }
        }
        Integer desired = r.desiredCount();
        if (desired != null && desired < 0) {
            throw new InvalidParameterException("desiredCount must be greater than or equal to 0.");
        }
        if ("EXTERNAL".equals(controller) && r.deploymentConfiguration() != null) {
            // [doc] The EXTERNAL controller's deployment configuration is not updated through UpdateService.
            throw new InvalidParameterException("Unable to update deployment configuration on services with a EXTERNAL "
                    + "deployment controller.");
        }
        DeploymentConfiguration config =
                taskSetConfiguration(r.deploymentConfiguration(), s.deploymentConfiguration, controller);
        Integer grace = r.healthCheckGracePeriodSeconds();
        if (grace != null && grace < 0) {
            throw new InvalidParameterException("healthCheckGracePeriodSeconds must be greater than or equal to 0.");
        }
        // Everything is checked: apply.
        if (desired != null) {
            s.desiredCount = desired;
        }
        s.deploymentConfiguration = config;
        if (grace != null) {
            s.healthCheckGracePeriodSeconds = grace;
        }
        if (r.placementConstraints() != null) {
            s.placementConstraints = new ArrayList<>(r.placementConstraints());
        }
        if (r.placementStrategy() != null) {
            s.placementStrategy = new ArrayList<>(r.placementStrategy());
        }
        if (r.enableECSManagedTags() != null) {
            s.enableECSManagedTags = r.enableECSManagedTags();
        }
        if (r.propagateTags() != null) {
            s.propagateTags = r.propagateTags().value();
        }
        if (r.enableExecuteCommand() != null) {
            s.enableExecuteCommand = r.enableExecuteCommand();
        }
        s.startFailures = 0;
        s.throttledUntil = null;
        scheduler.wake(s);
        return UpdateServiceResponse.builder().service(view(c, s, false)).build();
    }

    // ------------------------------------------------------------------ DeleteService

    DeleteServiceResponse delete(DeleteServiceRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        ServiceRec s = existing(c, r.service());
        if ("INACTIVE".equals(s.status)) {
            // [obs] An INACTIVE service is gone as far as DeleteService is concerned.
            throw new ServiceNotFoundException("Service not found.");
        }
        if ("DRAINING".equals(s.status)) {
            return DeleteServiceResponse.builder().service(view(c, s, false)).build();
        }
        if (!s.daemon() && !Boolean.TRUE.equals(r.force()) && s.desiredCount > 0) {
            // [unsure] the text moto mirrors for a REPLICA service still scaled above 0 without force.
            throw new InvalidParameterException("The service cannot be stopped while it is scaled above 0.");
        }
        s.desiredCount = 0;
        // [doc] ACTIVE -> DRAINING; INACTIVE once its tasks are stopping (docs/scheduler.md#deleting-a-service).
        s.status = "DRAINING";
        scheduler.wake(s);
        return DeleteServiceResponse.builder().service(view(c, s, false)).build();
    }

    // ------------------------------------------------------------------ service deployments

    ListServiceDeploymentsResponse listDeployments(ListServiceDeploymentsRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        ServiceRec s = existing(c, r.service());
        List<ServiceDeploymentBrief> out = new ArrayList<>();
        for (DeploymentRec d : s.history) {
            if (d.rollbackOf != null) {
                continue;
            }
            if (r.status() != null
                    && !r.status().isEmpty()
                    && !r.status().contains(ServiceDeploymentStatus.fromValue(d.deploymentStatus))) {
                continue;
            }
            if (r.createdAt() != null) {
                if (r.createdAt().after() != null
                        && created(d).isBefore(r.createdAt().after())) {
                    continue;
                }
                if (r.createdAt().before() != null
                        && created(d).isAfter(r.createdAt().before())) {
                    continue;
                }
            }
            out.add(ServiceDeploymentBrief.builder()
                    .serviceDeploymentArn(d.arn)
                    .serviceArn(s.arn)
                    .clusterArn(c.arn)
                    .createdAt(d.createdAt)
                    .startedAt(d.startedAt)
                    .finishedAt(d.finishedAt)
                    .targetServiceRevisionArn(d.revisionArn)
                    .status(ServiceDeploymentStatus.fromValue(d.deploymentStatus))
                    .statusReason(d.statusReason)
                    .build());
        }
        // [doc] maxResults 1-100, 20 a page when not given.
        Pages.Page<ServiceDeploymentBrief> page = Pages.page(out, r.maxResults(), r.nextToken(), 100, 20);
        return ListServiceDeploymentsResponse.builder()
                .serviceDeployments(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeServiceDeploymentsResponse describeDeployments(DescribeServiceDeploymentsRequest r) {
        List<String> arns = Resolve.required(r.serviceDeploymentArns(), "serviceDeploymentArns");
        if (arns.isEmpty() || arns.size() > 20) {
            // [doc] 1 to 20 service deployment ARNs.
            throw new InvalidParameterException("serviceDeploymentArns must contain between 1 and 20 items.");
        }
        List<ServiceDeployment> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : arns) {
            ServiceDeployment found = null;
            String[] parts = arn.contains(":service-deployment/")
                    ? arn.substring(arn.indexOf(":service-deployment/") + ":service-deployment/".length())
                            .split("/")
                    : new String[0];
            ClusterRec c = parts.length == 3 ? e.clusters.get(parts[0]) : null;
            ServiceRec s = c == null ? null : c.services.get(parts[1]);
            if (c != null && s != null) {
                for (DeploymentRec d : s.history) {
                    if (arn.equals(d.arn) && d.rollbackOf == null) {
                        found = serviceDeployment(c, s, d);
                    }
                }
            }
            if (found == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
            } else {
                out.add(found);
            }
        }
        return DescribeServiceDeploymentsResponse.builder()
                .serviceDeployments(out)
                .failures(failures)
                .build();
    }

    /**
     * StopServiceDeployment: [doc] ROLLBACK (the default) deploys the last completed revision again,
     * ABORT stops the deployment where it is; only a deployment in progress can be stopped
     * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopServiceDeployment.html).
     */
    StopServiceDeploymentResponse stopDeployment(StopServiceDeploymentRequest r) {
        String arn = Resolve.required(r.serviceDeploymentArn(), "serviceDeploymentArn");
        Object[] found = findDeployment(arn, ":service-deployment/");
        if (found == null) {
            // [unsure] ECS's text.
            throw new ServiceDeploymentNotFoundException("The service deployment " + arn + " was not found.");
        }
        ClusterRec c = (ClusterRec) found[0];
        ServiceRec s = (ServiceRec) found[1];
        DeploymentRec d = (DeploymentRec) found[2];
        boolean rollback = r.stopType() == null || StopServiceDeploymentStopType.ROLLBACK.equals(r.stopType());
        if (!"IN_PROGRESS".equals(d.deploymentStatus) || d != s.primary()) {
            // [unsure] ECS's text for a deployment that is not in progress.
            throw new ConflictException("The service deployment " + arn + " is not in progress.");
        }
        if (rollback && scheduler.lastCompleted(s, d) == null) {
            // [unsure] ECS's text when there is nothing to roll back to.
            throw new ConflictException(
                    "The service deployment " + arn + " has no completed service deployment to roll " + "back to.");
        }
        // [model] The rollout state reason of a deployment a user stopped.
        scheduler.fail(c, s, d, "ECS deployment " + d.id + " stopped by user.", rollback);
        if (!rollback) {
            d.statusReason = "Stopped by user.";
        }
        return StopServiceDeploymentResponse.builder().serviceDeploymentArn(arn).build();
    }

    /** DescribeServiceRevisions: each revision a deployment deployed; unknown ARNs are MISSING failures. */
    DescribeServiceRevisionsResponse describeRevisions(DescribeServiceRevisionsRequest r) {
        List<String> arns = Resolve.required(r.serviceRevisionArns(), "serviceRevisionArns");
        if (arns.isEmpty() || arns.size() > 20) {
            // [doc] 1 to 20 service revision ARNs.
            throw new InvalidParameterException("serviceRevisionArns must contain between 1 and 20 items.");
        }
        List<ServiceRevision> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String arn : arns) {
            Object[] found = findDeployment(arn, ":service-revision/");
            if (found == null) {
                failures.add(Failure.builder().arn(arn).reason("MISSING").build());
                continue;
            }
            ClusterRec c = (ClusterRec) found[0];
            ServiceRec s = (ServiceRec) found[1];
            DeploymentRec d = (DeploymentRec) found[2];
            out.add(ServiceRevision.builder()
                    .serviceRevisionArn(d.revisionArn)
                    .serviceArn(s.arn)
                    .clusterArn(c.arn)
                    .taskDefinition(d.taskDefinitionArn)
                    .launchType(d.launchType)
                    .capacityProviderStrategy(d.launchType == null ? List.copyOf(d.capacityProviderStrategy) : null)
                    .platformVersion(d.platformVersion)
                    .platformFamily(d.platformFamily)
                    .loadBalancers(List.copyOf(d.loadBalancers))
                    .networkConfiguration(d.networkConfiguration)
                    .createdAt(d.createdAt)
                    .build());
        }
        return DescribeServiceRevisionsResponse.builder()
                .serviceRevisions(out)
                .failures(failures)
                .build();
    }

    /**
     * When a deployment of a service's history was created: startDeployment sets it (only the stand-in
     * TaskSetScheduler.asDeployment makes for a task set has none, and it is never in the history).
     */
    private static java.time.Instant created(DeploymentRec d) {
        return Objects.requireNonNull(d.createdAt);
    }

    /** The cluster, service and deployment of a service deployment or service revision ARN, or null. */
    private Object @Nullable [] findDeployment(String arn, String kind) {
        int at = arn.indexOf(kind);
        if (!arn.startsWith("arn:") || at < 0) {
            return null;
        }
        String[] parts = arn.substring(at + kind.length()).split("/");
        ClusterRec c = parts.length == 3 ? e.clusters.get(parts[0]) : null;
        ServiceRec s = c == null ? null : c.services.get(parts[1]);
        if (s == null) {
            return null;
        }
        for (DeploymentRec d : s.history) {
            boolean match = kind.equals(":service-deployment/")
                    ? arn.equals(d.arn) && d.rollbackOf == null
                    : arn.equals(d.revisionArn);
            if (match) {
                return new Object[] {c, s, d};
            }
        }
        return null;
    }

    private ServiceDeployment serviceDeployment(ClusterRec c, ServiceRec s, DeploymentRec d) {
        List<ServiceRevisionSummary> sources = new ArrayList<>();
        for (String src : d.sourceRevisionArns) {
            DeploymentRec sd = scheduler.deploymentOfRevision(s, src);
            int[] counts = sd == null ? new int[3] : scheduler.counts(c, s, sd);
            sources.add(ServiceRevisionSummary.builder()
                    .arn(src)
                    .requestedTaskCount(counts[2])
                    .runningTaskCount(counts[0])
                    .pendingTaskCount(counts[1])
                    .build());
        }
        int[] counts = scheduler.counts(c, s, d);
        DeploymentConfiguration config = s.deploymentConfiguration;
        DeploymentCircuitBreaker cb = config.deploymentCircuitBreaker();
        boolean cbOn = cb != null && Boolean.TRUE.equals(cb.enable());
        DeploymentAlarms alarms = config.alarms();
        boolean alarmsOn = alarms != null && Boolean.TRUE.equals(alarms.enable());
        return ServiceDeployment.builder()
                .serviceDeploymentArn(d.arn)
                .serviceArn(s.arn)
                .clusterArn(c.arn)
                .createdAt(d.createdAt)
                .startedAt(d.startedAt)
                .finishedAt(d.finishedAt)
                .stoppedAt(d.stoppedAt)
                .updatedAt(d.updatedAt)
                .sourceServiceRevisions(sources)
                .targetServiceRevision(ServiceRevisionSummary.builder()
                        .arn(d.revisionArn)
                        .requestedTaskCount(d == s.primary() ? s.desiredCount : counts[2])
                        .runningTaskCount(counts[0])
                        .pendingTaskCount(counts[1])
                        .build())
                .status(ServiceDeploymentStatus.fromValue(d.deploymentStatus))
                .statusReason(d.statusReason)
                .lifecycleStage(
                        d.lifecycleStage == null
                                ? null
                                : io.github.berth.core.model.ServiceDeploymentLifecycleStage.fromValue(
                                        d.lifecycleStage))
                .lifecycleHookDetails(hookDetails(d))
                .deploymentConfiguration(config)
                .rollback(
                        d.rollbackReason == null
                                ? null
                                : Rollback.builder()
                                        .reason(d.rollbackReason)
                                        .startedAt(d.rollbackStartedAt)
                                        .serviceRevisionArn(d.rollbackRevisionArn)
                                        .build())
                .deploymentCircuitBreaker(ServiceDeploymentCircuitBreaker.builder()
                        .status(ServiceDeploymentRollbackMonitorsStatus.fromValue(
                                cbOn ? d.circuitBreakerStatus : "DISABLED"))
                        .failureCount(d.failedTasks)
                        .threshold(ServiceScheduler.circuitBreakerThreshold(s.desiredCount))
                        .build())
                .alarms(ServiceDeploymentAlarms.builder()
                        .status(ServiceDeploymentRollbackMonitorsStatus.fromValue(
                                alarmsOn ? d.alarmsStatus : "DISABLED"))
                        .alarmNames(alarmsOn && alarms != null ? alarms.alarmNames() : List.of())
                        .triggeredAlarmNames(List.copyOf(d.triggeredAlarmNames))
                        .build())
                .build();
    }

    /** [doc] The hooks run for the deployment, as DescribeServiceDeployments shows them (docs/scheduler.md#lifecycle-hooks). */
    private static @Nullable List<io.github.berth.core.model.DeploymentLifecycleHookDetail> hookDetails(
            DeploymentRec d) {
        if (d.lifecycleStage == null) {
            return null;
        }
        List<io.github.berth.core.model.DeploymentLifecycleHookDetail> out = new ArrayList<>();
        for (HookRunRec r : d.hookRuns) {
            out.add(io.github.berth.core.model.DeploymentLifecycleHookDetail.builder()
                    .hookId(r.hookId)
                    .targetType(io.github.berth.core.model.DeploymentLifecycleHookTargetType.fromValue(r.targetType))
                    .targetArn(r.targetArn)
                    .status(io.github.berth.core.model.DeploymentLifecycleHookStatus.fromValue(r.status))
                    .expiresAt(r.expiresAt)
                    .timeoutAction(
                            r.timeoutAction == null
                                    ? null
                                    : io.github.berth.core.model.DeploymentLifecycleHookAction.fromValue(
                                            r.timeoutAction))
                    .build());
        }
        return out;
    }

    /**
     * Steady as ECS says it in the event "has reached a steady state": one deployment, its tasks all
     * running, and its rollout no longer IN_PROGRESS (docs/scheduler.md#deployments).
     */
    boolean steady(ClusterRec c, ServiceRec s) {
        DeploymentRec primary = s.primary(); // none for task-set services: their task sets say when they are stable
        return scheduler.isSteady(c, s) && (primary == null || !"IN_PROGRESS".equals(primary.rolloutState));
    }

    // ------------------------------------------------------------------ views

    Service view(ClusterRec c, ServiceRec s, boolean withTags) {
        List<Deployment> deployments = new ArrayList<>();
        List<ServiceCurrentRevisionSummary> revisions = new ArrayList<>();
        int running = 0;
        int pending = 0;
        for (DeploymentRec d : s.deployments()) {
            int[] counts = scheduler.counts(c, s, d);
            running += counts[0];
            pending += counts[1];
            boolean primary = d == s.primary();
            deployments.add(Deployment.builder()
                    .id(d.id)
                    .status(d.status)
                    .taskDefinition(d.taskDefinitionArn)
                    .desiredCount(primary ? s.desiredCount : counts[2])
                    .pendingCount(counts[1])
                    .runningCount(counts[0])
                    .failedTasks(d.failedTasks)
                    .createdAt(d.createdAt)
                    .updatedAt(d.updatedAt)
                    .launchType(d.launchType)
                    .capacityProviderStrategy(d.launchType == null ? List.copyOf(d.capacityProviderStrategy) : null)
                    .platformVersion(d.platformVersion)
                    .platformFamily(d.platformFamily)
                    .networkConfiguration(d.networkConfiguration)
                    .rolloutState(DeploymentRolloutState.fromValue(d.rolloutState))
                    .rolloutStateReason(d.rolloutStateReason)
                    .build());
            revisions.add(ServiceCurrentRevisionSummary.builder()
                    .arn(d.revisionArn)
                    .requestedTaskCount(primary ? s.desiredCount : counts[2])
                    .runningTaskCount(counts[0])
                    .pendingTaskCount(counts[1])
                    .build());
        }
        List<io.github.berth.core.model.TaskSet> taskSets = null;
        if (s.usesTaskSets()) {
            // [doc] A CODE_DEPLOY or EXTERNAL service shows its task sets; its counts are theirs.
            taskSets = new ArrayList<>();
            for (TaskSetRec ts : s.taskSets) {
                io.github.berth.core.model.TaskSet v = scheduler.taskSets.view(c, s, ts, withTags);
                // TaskSetScheduler.view sets both counts.
                running += Objects.requireNonNull(v.runningCount());
                pending += Objects.requireNonNull(v.pendingCount());
                taskSets.add(v);
            }
        }
        DeploymentRec primary = s.primary();
        return Service.builder()
                .serviceArn(s.arn)
                .serviceName(s.name)
                .clusterArn(c.arn)
                .loadBalancers(List.copyOf(s.loadBalancers))
                .serviceRegistries(List.copyOf(s.serviceRegistries))
                .status(s.status)
                .desiredCount(s.desiredCount)
                .runningCount(running)
                .pendingCount(pending)
                .launchType(s.launchType)
                .capacityProviderStrategy(s.launchType == null ? List.copyOf(s.capacityProviderStrategy) : null)
                .platformVersion(s.platformVersion)
                .platformFamily(s.platformFamily)
                .taskDefinition(s.taskDefinitionArn)
                .deploymentConfiguration(s.deploymentConfiguration)
                .taskSets(taskSets)
                .deployments(deployments)
                .roleArn(s.roleArn)
                .events(List.copyOf(s.events))
                .createdAt(s.createdAt)
                .currentServiceDeployment(primary == null ? null : primary.arn)
                .currentServiceRevisions(revisions)
                .placementConstraints(List.copyOf(s.placementConstraints))
                .placementStrategy(List.copyOf(s.placementStrategy))
                .networkConfiguration(s.networkConfiguration)
                .healthCheckGracePeriodSeconds(s.healthCheckGracePeriodSeconds)
                .schedulingStrategy(SchedulingStrategy.fromValue(s.schedulingStrategy))
                .deploymentController(DeploymentController.builder()
                        .type(DeploymentControllerType.fromValue(s.deploymentController))
                        .build())
                .tags(withTags ? List.copyOf(s.tags) : null)
                .createdBy(s.createdBy)
                .enableECSManagedTags(s.enableECSManagedTags)
                .propagateTags(PropagateTags.fromValue(s.propagateTags))
                .enableExecuteCommand(s.enableExecuteCommand)
                .availabilityZoneRebalancing(
                        s.availabilityZoneRebalancing == null
                                ? null
                                : AvailabilityZoneRebalancing.fromValue(s.availabilityZoneRebalancing))
                .build();
    }
}
