package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateCapacityProviderRequest;
import io.github.berth.core.api.CreateCapacityProviderResponse;
import io.github.berth.core.api.CreateClusterRequest;
import io.github.berth.core.api.CreateClusterResponse;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.CreateServiceResponse;
import io.github.berth.core.api.CreateTaskSetRequest;
import io.github.berth.core.api.CreateTaskSetResponse;
import io.github.berth.core.api.DeleteAccountSettingRequest;
import io.github.berth.core.api.DeleteAccountSettingResponse;
import io.github.berth.core.api.DeleteAttributesRequest;
import io.github.berth.core.api.DeleteAttributesResponse;
import io.github.berth.core.api.DeleteCapacityProviderRequest;
import io.github.berth.core.api.DeleteCapacityProviderResponse;
import io.github.berth.core.api.DeleteClusterRequest;
import io.github.berth.core.api.DeleteClusterResponse;
import io.github.berth.core.api.DeleteServiceRequest;
import io.github.berth.core.api.DeleteServiceResponse;
import io.github.berth.core.api.DeleteTaskDefinitionsRequest;
import io.github.berth.core.api.DeleteTaskDefinitionsResponse;
import io.github.berth.core.api.DeleteTaskSetRequest;
import io.github.berth.core.api.DeleteTaskSetResponse;
import io.github.berth.core.api.DeregisterContainerInstanceRequest;
import io.github.berth.core.api.DeregisterContainerInstanceResponse;
import io.github.berth.core.api.DeregisterTaskDefinitionRequest;
import io.github.berth.core.api.DeregisterTaskDefinitionResponse;
import io.github.berth.core.api.DescribeCapacityProvidersRequest;
import io.github.berth.core.api.DescribeCapacityProvidersResponse;
import io.github.berth.core.api.DescribeClustersRequest;
import io.github.berth.core.api.DescribeClustersResponse;
import io.github.berth.core.api.DescribeContainerInstancesRequest;
import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.DescribeServiceDeploymentsRequest;
import io.github.berth.core.api.DescribeServiceDeploymentsResponse;
import io.github.berth.core.api.DescribeServiceRevisionsRequest;
import io.github.berth.core.api.DescribeServiceRevisionsResponse;
import io.github.berth.core.api.DescribeServicesRequest;
import io.github.berth.core.api.DescribeServicesResponse;
import io.github.berth.core.api.DescribeTaskDefinitionRequest;
import io.github.berth.core.api.DescribeTaskDefinitionResponse;
import io.github.berth.core.api.DescribeTaskSetsRequest;
import io.github.berth.core.api.DescribeTaskSetsResponse;
import io.github.berth.core.api.DescribeTasksRequest;
import io.github.berth.core.api.DescribeTasksResponse;
import io.github.berth.core.api.GetTaskProtectionRequest;
import io.github.berth.core.api.GetTaskProtectionResponse;
import io.github.berth.core.api.ListAccountSettingsRequest;
import io.github.berth.core.api.ListAccountSettingsResponse;
import io.github.berth.core.api.ListAttributesRequest;
import io.github.berth.core.api.ListAttributesResponse;
import io.github.berth.core.api.ListClustersRequest;
import io.github.berth.core.api.ListClustersResponse;
import io.github.berth.core.api.ListContainerInstancesRequest;
import io.github.berth.core.api.ListContainerInstancesResponse;
import io.github.berth.core.api.ListServiceDeploymentsRequest;
import io.github.berth.core.api.ListServiceDeploymentsResponse;
import io.github.berth.core.api.ListServicesByNamespaceRequest;
import io.github.berth.core.api.ListServicesByNamespaceResponse;
import io.github.berth.core.api.ListServicesRequest;
import io.github.berth.core.api.ListServicesResponse;
import io.github.berth.core.api.ListTagsForResourceRequest;
import io.github.berth.core.api.ListTagsForResourceResponse;
import io.github.berth.core.api.ListTaskDefinitionFamiliesRequest;
import io.github.berth.core.api.ListTaskDefinitionFamiliesResponse;
import io.github.berth.core.api.ListTaskDefinitionsRequest;
import io.github.berth.core.api.ListTaskDefinitionsResponse;
import io.github.berth.core.api.ListTasksRequest;
import io.github.berth.core.api.ListTasksResponse;
import io.github.berth.core.api.PutAccountSettingDefaultRequest;
import io.github.berth.core.api.PutAccountSettingDefaultResponse;
import io.github.berth.core.api.PutAccountSettingRequest;
import io.github.berth.core.api.PutAccountSettingResponse;
import io.github.berth.core.api.PutAttributesRequest;
import io.github.berth.core.api.PutAttributesResponse;
import io.github.berth.core.api.PutClusterCapacityProvidersRequest;
import io.github.berth.core.api.PutClusterCapacityProvidersResponse;
import io.github.berth.core.api.RegisterContainerInstanceRequest;
import io.github.berth.core.api.RegisterContainerInstanceResponse;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.RegisterTaskDefinitionResponse;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.api.StartTaskRequest;
import io.github.berth.core.api.StartTaskResponse;
import io.github.berth.core.api.StopServiceDeploymentRequest;
import io.github.berth.core.api.StopServiceDeploymentResponse;
import io.github.berth.core.api.StopTaskRequest;
import io.github.berth.core.api.StopTaskResponse;
import io.github.berth.core.api.SubmitContainerStateChangeRequest;
import io.github.berth.core.api.SubmitContainerStateChangeResponse;
import io.github.berth.core.api.SubmitTaskStateChangeRequest;
import io.github.berth.core.api.SubmitTaskStateChangeResponse;
import io.github.berth.core.api.TagResourceRequest;
import io.github.berth.core.api.TagResourceResponse;
import io.github.berth.core.api.UntagResourceRequest;
import io.github.berth.core.api.UntagResourceResponse;
import io.github.berth.core.api.UpdateCapacityProviderRequest;
import io.github.berth.core.api.UpdateCapacityProviderResponse;
import io.github.berth.core.api.UpdateClusterRequest;
import io.github.berth.core.api.UpdateClusterResponse;
import io.github.berth.core.api.UpdateClusterSettingsRequest;
import io.github.berth.core.api.UpdateClusterSettingsResponse;
import io.github.berth.core.api.UpdateContainerInstancesStateRequest;
import io.github.berth.core.api.UpdateContainerInstancesStateResponse;
import io.github.berth.core.api.UpdateServicePrimaryTaskSetRequest;
import io.github.berth.core.api.UpdateServicePrimaryTaskSetResponse;
import io.github.berth.core.api.UpdateServiceRequest;
import io.github.berth.core.api.UpdateServiceResponse;
import io.github.berth.core.api.UpdateTaskProtectionRequest;
import io.github.berth.core.api.UpdateTaskProtectionResponse;
import io.github.berth.core.api.UpdateTaskSetRequest;
import io.github.berth.core.api.UpdateTaskSetResponse;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Service;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Amazon ECS in memory, on a virtual clock: a fake that answers what ECS would answer and does what
 * ECS would do, deterministically, in the test's own JVM.
 *
 * <pre>{@code
 * FakeEcs ecs = FakeEcs.builder().region("us-east-1").accountId("123456789012").seed(7).build();
 * ecs.createCluster(b -> b.clusterName("prod"));
 * ecs.launchInstance("prod", "m5.large", "us-east-1a");   // the ECS agent registers it
 * ecs.registerTaskDefinition(request);
 * RunTaskResponse run = ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(3));
 * ecs.clock().advance(Duration.ofMinutes(2));             // everything due in between happens, in order
 * }</pre>
 *
 * <p>One method per ECS operation, named as the AWS SDK for Java v2 names it, taking and returning
 * Berth's model ({@code io.github.berth.core.api}), throwing Berth's errors ({@code
 * io.github.berth.core.error}) with ECS's messages. A call that fails changes nothing. Calls from
 * many threads are serialised. The same seed, calls and clock moves give the same answers, ids and
 * ARNs. Time moves only through {@link #clock()}.
 *
 * <p>What the fake does between calls (tasks starting, passing health checks, stopping) is told in
 * docs/scheduler.md; what containers do can be scripted with {@link #behaviours()}, and failures
 * injected with {@link #faults()} and the fault methods below.
 *
 * <p>What the operations throw, once for all of them (each operation's own errors are the ones the
 * ECS API reference lists for it, https://docs.aws.amazon.com/AmazonECS/latest/APIReference/):
 * <ul>
 *   <li>a subclass of {@link io.github.berth.core.error.EcsException} (for the Application Auto
 *       Scaling operations of {@link #autoScaling()}, of {@code
 *       io.github.berth.scaling.error.ApplicationAutoScalingException}) with ECS's error
 *       code and ECS's message: {@code InvalidParameterException} for a bad parameter ({@code
 *       count must be between 1 and 10.}, {@code Invalid nextToken.}), {@code ClientException},
 *       {@code ClusterNotFoundException}, {@code ServiceNotFoundException}... ECS's messages
 *       seldom name the member; where ECS's model constraint is broken the message is AWS's
 *       {@code Value '...' at 'member' failed to satisfy constraint: ...}; a cluster query language
 *       {@code filter} that does not parse is a {@code QuerySyntaxException} naming the column;</li>
 *   <li>a {@code ThrottlingException} (also an {@code AwsServiceException}) when a fault injected
 *       with {@link #faults()} says so;</li>
 *   <li>{@link NullPointerException} for a null request (a programming error; ECS never sees one).</li>
 * </ul>
 * Nothing else escapes for any request: a call that fails changes nothing. The conveniences that
 * are not ECS operations ({@link #clock()}, {@link #launchInstance}, the fault methods) document
 * their own {@code IllegalArgumentException}s. {@link #restore(String)} throws a
 * {@code SerializationException}.
 */
public final class FakeEcs {

    private final Engine engine;
    private final ClusterOps clusters;
    private final InstanceOps instances;
    private final TaskDefinitionOps taskDefinitions;
    private final TaskOps tasks;
    private final TagOps tags;
    private final AccountOps accounts;
    private final ServiceOps services;
    private final TaskSetOps taskSets;
    private final ServiceScheduler scheduler;
    private final AutoScaling autoScaling;
    private final Namespaces namespaces;
    private final AgentOps agent;

    private FakeEcs(Builder b) {
        this.engine = new Engine(
                b.region,
                b.accountId,
                b.seed,
                b.start,
                new Settings(b.stepDuration, b.stoppedTaskRetention, b.eventLogLimit));
        this.clusters = new ClusterOps(engine);
        this.instances = new InstanceOps(engine);
        this.taskDefinitions = new TaskDefinitionOps(engine);
        this.tasks = new TaskOps(engine);
        this.tags = new TagOps(engine);
        this.accounts = new AccountOps(engine);
        this.scheduler = new ServiceScheduler(engine, tasks);
        this.services = new ServiceOps(engine, scheduler);
        this.taskSets = new TaskSetOps(engine, scheduler, services);
        this.autoScaling = new AutoScaling(engine, new AutoScalingController(engine, new Metrics(engine)));
        this.namespaces = new Namespaces(engine);
        this.agent = new AgentOps(engine);
        engine.managedScaling.provisioning.limit = b.provisioningTasksPerCluster;
        engine.managedScaling.provisioning.timeout = b.provisioningTimeout;
    }

    /** Application Auto Scaling of the fake's services: its 14 operations (docs/scheduler.md#auto-scaling). */
    public AutoScaling autoScaling() {
        return autoScaling;
    }

    /** The load the services are under, which auto scaling reads once a minute. */
    public Metrics metrics() {
        return autoScaling.metrics();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A fake in us-east-1, account 123456789012, seed 0, starting at 2026-01-01T00:00:00Z. */
    public static FakeEcs create() {
        return builder().build();
    }

    /** The fake's clock: the only way its time moves. */
    public FakeClock clock() {
        return engine.clock;
    }

    /** Every event the fake emitted (ECS Task State Change and the others), to assert on and await. */
    public EventLog events() {
        return engine.events;
    }

    /** What containers do: start delays, pull failures, exits, health. */
    public Behaviours behaviours() {
        return engine.behaviours;
    }

    /** Injected API failures: throttling, errors on chosen calls. */
    public Faults faults() {
        return engine.faults;
    }

    public String region() {
        return engine.region;
    }

    public String accountId() {
        return engine.account;
    }

    // ------------------------------------------------------------------ the AWS SDK for Java v2

    /**
     * An AWS SDK for Java v2 HTTP client answered by this fake in process, with no socket:
     * {@code EcsClient.builder().httpClient(ecs.sdkHttpClient())...}. Needs the SDK's {@code ecs}
     * artifact on the class path (an optional dependency of testkit). See docs/wire.md#in-process.
     */
    public software.amazon.awssdk.http.SdkHttpClient sdkHttpClient() {
        return io.github.berth.testkit.sdk.FakeEcsClients.httpClient(this);
    }

    /**
     * An AWS SDK for Java v2 {@code EcsClient} on this fake, in process: its region, fake
     * credentials, no retries, and waiters that move this fake's clock instead of sleeping
     * (docs/wire.md#waiters).
     */
    public software.amazon.awssdk.services.ecs.EcsClient ecsClient() {
        return io.github.berth.testkit.sdk.FakeEcsClients.ecsClient(this);
    }

    // ------------------------------------------------------------------ state as data

    /**
     * The whole state of the fake as readable JSON: clusters, instances, tasks, services, task
     * definitions, settings, behaviour rules, the clock and what is scheduled on it. {@link
     * #restore(String)} reads it back into a fake that continues exactly as this one would.
     */
    public String snapshot() {
        synchronized (engine) {
            return Snapshots.write(engine);
        }
    }

    /**
     * A fake in the state {@code json} (a {@link #snapshot()}) describes.
     *
     * @throws io.github.berth.core.error.SerializationException when the text is not such a snapshot
     */
    public static FakeEcs restore(String json) {
        Objects.requireNonNull(json, "json");
        com.fasterxml.jackson.databind.JsonNode root = Snapshots.parse(json);
        FakeEcs ecs = Snapshots.builderOf(root).build();
        synchronized (ecs.engine) {
            Snapshots.read(ecs.engine, root);
        }
        return ecs;
    }

    // ------------------------------------------------------------------ conveniences

    /**
     * Starts an EC2 instance of {@code instanceType} in {@code availabilityZone} and registers it in
     * {@code cluster} as the ECS agent would: resources from the instance type, the built-in
     * attributes, the agent's capabilities. Answers the registered container instance.
     */
    public ContainerInstance launchInstance(String cluster, String instanceType, String availabilityZone) {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        String doc = "{\"instanceType\":\"" + jsonText(instanceType) + "\",\"availabilityZone\":\""
                + jsonText(availabilityZone) + "\",\"region\":\"" + jsonText(engine.region) + "\"}";
        // The fake's RegisterContainerInstance always answers the instance it registered.
        return Objects.requireNonNull(registerContainerInstance(RegisterContainerInstanceRequest.builder()
                        .cluster(cluster)
                        .instanceIdentityDocument(doc)
                        .build())
                .containerInstance());
    }

    /** {@code s} escaped for a JSON string: a quote in an instance type stays in the instance type. */
    private static String jsonText(String s) {
        return new String(
                com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s));
    }

    /**
     * Declares a subnet of the fake VPC: its Availability Zone and CIDR block ({@code 10.0.1.0/24};
     * private IPs of awsvpc tasks come from it). Subnets not declared are placed deterministically.
     */
    public FakeEcs subnet(String subnetId, String availabilityZone, @Nullable String cidrBlock) {
        synchronized (engine) {
            engine.network.declare(subnetId, availabilityZone, null, cidrBlock);
        }
        return this;
    }

    /** Fault: the EC2 instance behind a container instance is terminated; its tasks stop. */
    public void terminateInstance(String cluster, String containerInstance) {
        synchronized (engine) {
            ClusterRec c = Resolve.activeCluster(engine, cluster);
            instances.terminate(c, instances.instance(c, containerInstance));
        }
    }

    /** Fault: the container instance's agent disconnects (no task is placed on it until it reconnects). */
    public void disconnectAgent(String cluster, String containerInstance) {
        synchronized (engine) {
            ClusterRec c = Resolve.activeCluster(engine, cluster);
            instances.setAgentConnected(c, instances.instance(c, containerInstance), false);
        }
    }

    /** The container instance's agent reconnects. */
    public void reconnectAgent(String cluster, String containerInstance) {
        synchronized (engine) {
            ClusterRec c = Resolve.activeCluster(engine, cluster);
            instances.setAgentConnected(c, instances.instance(c, containerInstance), true);
        }
    }

    /** Fault: every instance of the Availability Zone, in every cluster, is terminated. */
    public void availabilityZoneOutage(String availabilityZone) {
        synchronized (engine) {
            for (ClusterRec c : engine.clusters.values()) {
                for (InstanceRec i : java.util.List.copyOf(c.instances.values())) {
                    if (availabilityZone.equals(i.availabilityZone) && !"INACTIVE".equals(i.status)) {
                        instances.terminate(c, i);
                    }
                }
            }
        }
    }

    /** The fake's EC2 Auto Scaling groups, whose instances back Auto Scaling group capacity providers. */
    public AutoScalingGroups autoScalingGroups() {
        return new AutoScalingGroups(engine);
    }

    /** Fault: Fargate (on-demand) has no capacity: Fargate launches fail until set back to true. */
    public void fargateCapacityAvailable(boolean available) {
        synchronized (engine) {
            engine.capacity.fargateUnavailable = !available;
        }
    }

    /**
     * Fault: Fargate Spot reclaims the capacity of a FARGATE_SPOT task: a two-minute warning (an ECS Task
     * State Change event with desiredStatus STOPPED, stopCode TerminationNotice), then the task stops
     * (docs/scheduler.md#fargate-spot-interruption).
     *
     * @throws io.github.berth.core.error.InvalidParameterException when the task does not run on
     *     FARGATE_SPOT, is already stopping, or is not found
     */
    public void interruptSpot(String cluster, String task) {
        Objects.requireNonNull(task, "task");
        synchronized (engine) {
            ClusterRec c = Resolve.activeCluster(engine, cluster);
            TaskRec t = c.tasks.get(Resolve.taskId(task));
            if (t == null) {
                throw new io.github.berth.core.error.InvalidParameterException("The referenced task was not found.");
            }
            engine.capacity.interruptSpot(c, t);
        }
    }

    /**
     * Fault: each FARGATE_SPOT task that reaches RUNNING from now on is interrupted with {@code
     * probability} (seeded), at a random instant within {@code within} (then the two-minute warning, see
     * {@link #interruptSpot}). Probability 0 turns it off.
     */
    public void fargateSpotInterruptions(double probability, Duration within) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
        }
        if (within.isNegative()) {
            throw new IllegalArgumentException("within must not be negative: " + within);
        }
        synchronized (engine) {
            engine.capacity.spotInterruptionProbability = probability;
            engine.capacity.spotInterruptionWithinMillis = within.toMillis();
        }
    }

    /** Fault: Fargate Spot has no capacity: FARGATE_SPOT launches fail until set back to true. */
    public void fargateSpotCapacityAvailable(boolean available) {
        synchronized (engine) {
            engine.capacity.fargateSpotUnavailable = !available;
        }
    }

    // ------------------------------------------------------------------ ECS operations

    /** ECS CreateCluster: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html). */
    public CreateClusterResponse createCluster(CreateClusterRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("CreateCluster", () -> clusters.create(request));
        }
    }

    /** ECS CreateCluster, the request built by {@code request}. */
    public CreateClusterResponse createCluster(Consumer<CreateClusterRequest.Builder> request) {
        CreateClusterRequest.Builder b = CreateClusterRequest.builder();
        request.accept(b);
        return createCluster(b.build());
    }

    /** ECS DescribeClusters: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeClusters.html). */
    public DescribeClustersResponse describeClusters(DescribeClustersRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeClusters", () -> clusters.describe(request));
        }
    }

    /** ECS DescribeClusters, the request built by {@code request}. */
    public DescribeClustersResponse describeClusters(Consumer<DescribeClustersRequest.Builder> request) {
        DescribeClustersRequest.Builder b = DescribeClustersRequest.builder();
        request.accept(b);
        return describeClusters(b.build());
    }

    /** ECS ListClusters: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListClusters.html). */
    public ListClustersResponse listClusters(ListClustersRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListClusters", () -> clusters.list(request));
        }
    }

    /** ECS ListClusters, the request built by {@code request}. */
    public ListClustersResponse listClusters(Consumer<ListClustersRequest.Builder> request) {
        ListClustersRequest.Builder b = ListClustersRequest.builder();
        request.accept(b);
        return listClusters(b.build());
    }

    /** ECS UpdateCluster: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCluster.html). */
    public UpdateClusterResponse updateCluster(UpdateClusterRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateCluster", () -> clusters.update(request));
        }
    }

    /** ECS UpdateCluster, the request built by {@code request}. */
    public UpdateClusterResponse updateCluster(Consumer<UpdateClusterRequest.Builder> request) {
        UpdateClusterRequest.Builder b = UpdateClusterRequest.builder();
        request.accept(b);
        return updateCluster(b.build());
    }

    /** ECS DeleteCluster: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCluster.html). */
    public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeleteCluster", () -> clusters.delete(request));
        }
    }

    /** ECS DeleteCluster, the request built by {@code request}. */
    public DeleteClusterResponse deleteCluster(Consumer<DeleteClusterRequest.Builder> request) {
        DeleteClusterRequest.Builder b = DeleteClusterRequest.builder();
        request.accept(b);
        return deleteCluster(b.build());
    }

    /** ECS RegisterContainerInstance: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterContainerInstance.html). */
    public RegisterContainerInstanceResponse registerContainerInstance(RegisterContainerInstanceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("RegisterContainerInstance", () -> instances.register(request));
        }
    }

    /** ECS RegisterContainerInstance, the request built by {@code request}. */
    public RegisterContainerInstanceResponse registerContainerInstance(
            Consumer<RegisterContainerInstanceRequest.Builder> request) {
        RegisterContainerInstanceRequest.Builder b = RegisterContainerInstanceRequest.builder();
        request.accept(b);
        return registerContainerInstance(b.build());
    }

    /** ECS DeregisterContainerInstance: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterContainerInstance.html). */
    public DeregisterContainerInstanceResponse deregisterContainerInstance(DeregisterContainerInstanceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeregisterContainerInstance", () -> instances.deregister(request));
        }
    }

    /** ECS DeregisterContainerInstance, the request built by {@code request}. */
    public DeregisterContainerInstanceResponse deregisterContainerInstance(
            Consumer<DeregisterContainerInstanceRequest.Builder> request) {
        DeregisterContainerInstanceRequest.Builder b = DeregisterContainerInstanceRequest.builder();
        request.accept(b);
        return deregisterContainerInstance(b.build());
    }

    /** ECS DescribeContainerInstances: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeContainerInstances.html). */
    public DescribeContainerInstancesResponse describeContainerInstances(DescribeContainerInstancesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeContainerInstances", () -> instances.describe(request));
        }
    }

    /** ECS DescribeContainerInstances, the request built by {@code request}. */
    public DescribeContainerInstancesResponse describeContainerInstances(
            Consumer<DescribeContainerInstancesRequest.Builder> request) {
        DescribeContainerInstancesRequest.Builder b = DescribeContainerInstancesRequest.builder();
        request.accept(b);
        return describeContainerInstances(b.build());
    }

    /** ECS ListContainerInstances: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListContainerInstances.html). */
    public ListContainerInstancesResponse listContainerInstances(ListContainerInstancesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListContainerInstances", () -> instances.list(request));
        }
    }

    /** ECS ListContainerInstances, the request built by {@code request}. */
    public ListContainerInstancesResponse listContainerInstances(
            Consumer<ListContainerInstancesRequest.Builder> request) {
        ListContainerInstancesRequest.Builder b = ListContainerInstancesRequest.builder();
        request.accept(b);
        return listContainerInstances(b.build());
    }

    /** ECS UpdateContainerInstancesState: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateContainerInstancesState.html). */
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(
            UpdateContainerInstancesStateRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateContainerInstancesState", () -> instances.updateState(request));
        }
    }

    /** ECS UpdateContainerInstancesState, the request built by {@code request}. */
    public UpdateContainerInstancesStateResponse updateContainerInstancesState(
            Consumer<UpdateContainerInstancesStateRequest.Builder> request) {
        UpdateContainerInstancesStateRequest.Builder b = UpdateContainerInstancesStateRequest.builder();
        request.accept(b);
        return updateContainerInstancesState(b.build());
    }

    /** ECS PutAttributes: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAttributes.html). */
    public PutAttributesResponse putAttributes(PutAttributesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("PutAttributes", () -> instances.putAttributes(request));
        }
    }

    /** ECS PutAttributes, the request built by {@code request}. */
    public PutAttributesResponse putAttributes(Consumer<PutAttributesRequest.Builder> request) {
        PutAttributesRequest.Builder b = PutAttributesRequest.builder();
        request.accept(b);
        return putAttributes(b.build());
    }

    /** ECS DeleteAttributes: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteAttributes.html). */
    public DeleteAttributesResponse deleteAttributes(DeleteAttributesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeleteAttributes", () -> instances.deleteAttributes(request));
        }
    }

    /** ECS DeleteAttributes, the request built by {@code request}. */
    public DeleteAttributesResponse deleteAttributes(Consumer<DeleteAttributesRequest.Builder> request) {
        DeleteAttributesRequest.Builder b = DeleteAttributesRequest.builder();
        request.accept(b);
        return deleteAttributes(b.build());
    }

    /** ECS ListAttributes: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListAttributes.html). */
    public ListAttributesResponse listAttributes(ListAttributesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListAttributes", () -> instances.listAttributes(request));
        }
    }

    /** ECS ListAttributes, the request built by {@code request}. */
    public ListAttributesResponse listAttributes(Consumer<ListAttributesRequest.Builder> request) {
        ListAttributesRequest.Builder b = ListAttributesRequest.builder();
        request.accept(b);
        return listAttributes(b.build());
    }

    /** ECS RegisterTaskDefinition: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html). */
    public RegisterTaskDefinitionResponse registerTaskDefinition(RegisterTaskDefinitionRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("RegisterTaskDefinition", () -> taskDefinitions.register(request));
        }
    }

    /** ECS RegisterTaskDefinition, the request built by {@code request}. */
    public RegisterTaskDefinitionResponse registerTaskDefinition(
            Consumer<RegisterTaskDefinitionRequest.Builder> request) {
        RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder();
        request.accept(b);
        return registerTaskDefinition(b.build());
    }

    /** ECS DeregisterTaskDefinition: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html). */
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(DeregisterTaskDefinitionRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeregisterTaskDefinition", () -> taskDefinitions.deregister(request));
        }
    }

    /** ECS DeregisterTaskDefinition, the request built by {@code request}. */
    public DeregisterTaskDefinitionResponse deregisterTaskDefinition(
            Consumer<DeregisterTaskDefinitionRequest.Builder> request) {
        DeregisterTaskDefinitionRequest.Builder b = DeregisterTaskDefinitionRequest.builder();
        request.accept(b);
        return deregisterTaskDefinition(b.build());
    }

    /** ECS DescribeTaskDefinition: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskDefinition.html). */
    public DescribeTaskDefinitionResponse describeTaskDefinition(DescribeTaskDefinitionRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeTaskDefinition", () -> taskDefinitions.describe(request));
        }
    }

    /** ECS DescribeTaskDefinition, the request built by {@code request}. */
    public DescribeTaskDefinitionResponse describeTaskDefinition(
            Consumer<DescribeTaskDefinitionRequest.Builder> request) {
        DescribeTaskDefinitionRequest.Builder b = DescribeTaskDefinitionRequest.builder();
        request.accept(b);
        return describeTaskDefinition(b.build());
    }

    /** ECS ListTaskDefinitions: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTaskDefinitions.html). */
    public ListTaskDefinitionsResponse listTaskDefinitions(ListTaskDefinitionsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListTaskDefinitions", () -> taskDefinitions.list(request));
        }
    }

    /** ECS ListTaskDefinitions, the request built by {@code request}. */
    public ListTaskDefinitionsResponse listTaskDefinitions(Consumer<ListTaskDefinitionsRequest.Builder> request) {
        ListTaskDefinitionsRequest.Builder b = ListTaskDefinitionsRequest.builder();
        request.accept(b);
        return listTaskDefinitions(b.build());
    }

    /** ECS ListTaskDefinitionFamilies: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTaskDefinitionFamilies.html). */
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(ListTaskDefinitionFamiliesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListTaskDefinitionFamilies", () -> taskDefinitions.listFamilies(request));
        }
    }

    /** ECS ListTaskDefinitionFamilies, the request built by {@code request}. */
    public ListTaskDefinitionFamiliesResponse listTaskDefinitionFamilies(
            Consumer<ListTaskDefinitionFamiliesRequest.Builder> request) {
        ListTaskDefinitionFamiliesRequest.Builder b = ListTaskDefinitionFamiliesRequest.builder();
        request.accept(b);
        return listTaskDefinitionFamilies(b.build());
    }

    /** ECS DeleteTaskDefinitions: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteTaskDefinitions.html). */
    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(DeleteTaskDefinitionsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeleteTaskDefinitions", () -> taskDefinitions.delete(request));
        }
    }

    /** ECS DeleteTaskDefinitions, the request built by {@code request}. */
    public DeleteTaskDefinitionsResponse deleteTaskDefinitions(Consumer<DeleteTaskDefinitionsRequest.Builder> request) {
        DeleteTaskDefinitionsRequest.Builder b = DeleteTaskDefinitionsRequest.builder();
        request.accept(b);
        return deleteTaskDefinitions(b.build());
    }

    /** ECS RunTask: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html). */
    public RunTaskResponse runTask(RunTaskRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("RunTask", () -> tasks.runTask(request));
        }
    }

    /** ECS RunTask, the request built by {@code request}. */
    public RunTaskResponse runTask(Consumer<RunTaskRequest.Builder> request) {
        RunTaskRequest.Builder b = RunTaskRequest.builder();
        request.accept(b);
        return runTask(b.build());
    }

    /** ECS StartTask: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StartTask.html). */
    public StartTaskResponse startTask(StartTaskRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("StartTask", () -> tasks.startTask(request));
        }
    }

    /** ECS StartTask, the request built by {@code request}. */
    public StartTaskResponse startTask(Consumer<StartTaskRequest.Builder> request) {
        StartTaskRequest.Builder b = StartTaskRequest.builder();
        request.accept(b);
        return startTask(b.build());
    }

    /** ECS StopTask: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopTask.html). */
    public StopTaskResponse stopTask(StopTaskRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("StopTask", () -> tasks.stopTask(request));
        }
    }

    /** ECS StopTask, the request built by {@code request}. */
    public StopTaskResponse stopTask(Consumer<StopTaskRequest.Builder> request) {
        StopTaskRequest.Builder b = StopTaskRequest.builder();
        request.accept(b);
        return stopTask(b.build());
    }

    /** ECS DescribeTasks: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html). */
    public DescribeTasksResponse describeTasks(DescribeTasksRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeTasks", () -> tasks.describeTasks(request));
        }
    }

    /** ECS DescribeTasks, the request built by {@code request}. */
    public DescribeTasksResponse describeTasks(Consumer<DescribeTasksRequest.Builder> request) {
        DescribeTasksRequest.Builder b = DescribeTasksRequest.builder();
        request.accept(b);
        return describeTasks(b.build());
    }

    /** ECS ListTasks: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTasks.html). */
    public ListTasksResponse listTasks(ListTasksRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListTasks", () -> tasks.listTasks(request));
        }
    }

    /** ECS ListTasks, the request built by {@code request}. */
    public ListTasksResponse listTasks(Consumer<ListTasksRequest.Builder> request) {
        ListTasksRequest.Builder b = ListTasksRequest.builder();
        request.accept(b);
        return listTasks(b.build());
    }

    /** ECS UpdateTaskProtection: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateTaskProtection.html). */
    public UpdateTaskProtectionResponse updateTaskProtection(UpdateTaskProtectionRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateTaskProtection", () -> tasks.updateTaskProtection(request));
        }
    }

    /** ECS UpdateTaskProtection, the request built by {@code request}. */
    public UpdateTaskProtectionResponse updateTaskProtection(Consumer<UpdateTaskProtectionRequest.Builder> request) {
        UpdateTaskProtectionRequest.Builder b = UpdateTaskProtectionRequest.builder();
        request.accept(b);
        return updateTaskProtection(b.build());
    }

    /** ECS GetTaskProtection: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_GetTaskProtection.html). */
    public GetTaskProtectionResponse getTaskProtection(GetTaskProtectionRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("GetTaskProtection", () -> tasks.getTaskProtection(request));
        }
    }

    /** ECS GetTaskProtection, the request built by {@code request}. */
    public GetTaskProtectionResponse getTaskProtection(Consumer<GetTaskProtectionRequest.Builder> request) {
        GetTaskProtectionRequest.Builder b = GetTaskProtectionRequest.builder();
        request.accept(b);
        return getTaskProtection(b.build());
    }

    /** ECS TagResource: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TagResource.html). */
    public TagResourceResponse tagResource(TagResourceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("TagResource", () -> tags.tag(request));
        }
    }

    /** ECS TagResource, the request built by {@code request}. */
    public TagResourceResponse tagResource(Consumer<TagResourceRequest.Builder> request) {
        TagResourceRequest.Builder b = TagResourceRequest.builder();
        request.accept(b);
        return tagResource(b.build());
    }

    /** ECS UntagResource: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UntagResource.html). */
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UntagResource", () -> tags.untag(request));
        }
    }

    /** ECS UntagResource, the request built by {@code request}. */
    public UntagResourceResponse untagResource(Consumer<UntagResourceRequest.Builder> request) {
        UntagResourceRequest.Builder b = UntagResourceRequest.builder();
        request.accept(b);
        return untagResource(b.build());
    }

    /** ECS ListTagsForResource: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTagsForResource.html). */
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListTagsForResource", () -> tags.list(request));
        }
    }

    /** ECS ListTagsForResource, the request built by {@code request}. */
    public ListTagsForResourceResponse listTagsForResource(Consumer<ListTagsForResourceRequest.Builder> request) {
        ListTagsForResourceRequest.Builder b = ListTagsForResourceRequest.builder();
        request.accept(b);
        return listTagsForResource(b.build());
    }

    /** ECS PutAccountSetting: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSetting.html). */
    public PutAccountSettingResponse putAccountSetting(PutAccountSettingRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("PutAccountSetting", () -> accounts.put(request));
        }
    }

    /** ECS PutAccountSetting, the request built by {@code request}. */
    public PutAccountSettingResponse putAccountSetting(Consumer<PutAccountSettingRequest.Builder> request) {
        PutAccountSettingRequest.Builder b = PutAccountSettingRequest.builder();
        request.accept(b);
        return putAccountSetting(b.build());
    }

    /** ECS ListAccountSettings: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListAccountSettings.html). */
    public ListAccountSettingsResponse listAccountSettings(ListAccountSettingsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListAccountSettings", () -> accounts.list(request));
        }
    }

    /** ECS ListAccountSettings, the request built by {@code request}. */
    public ListAccountSettingsResponse listAccountSettings(Consumer<ListAccountSettingsRequest.Builder> request) {
        ListAccountSettingsRequest.Builder b = ListAccountSettingsRequest.builder();
        request.accept(b);
        return listAccountSettings(b.build());
    }

    /** ECS CreateService: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html). */
    public CreateServiceResponse createService(CreateServiceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("CreateService", () -> services.create(request));
        }
    }

    /** ECS CreateService, the request built by {@code request}. */
    public CreateServiceResponse createService(Consumer<CreateServiceRequest.Builder> request) {
        CreateServiceRequest.Builder b = CreateServiceRequest.builder();
        request.accept(b);
        return createService(b.build());
    }

    /** ECS DescribeServices: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html). */
    public DescribeServicesResponse describeServices(DescribeServicesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeServices", () -> services.describe(request));
        }
    }

    /** ECS DescribeServices, the request built by {@code request}. */
    public DescribeServicesResponse describeServices(Consumer<DescribeServicesRequest.Builder> request) {
        DescribeServicesRequest.Builder b = DescribeServicesRequest.builder();
        request.accept(b);
        return describeServices(b.build());
    }

    /** ECS ListServices: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListServices.html). */
    public ListServicesResponse listServices(ListServicesRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListServices", () -> services.list(request));
        }
    }

    /** ECS ListServices, the request built by {@code request}. */
    public ListServicesResponse listServices(Consumer<ListServicesRequest.Builder> request) {
        ListServicesRequest.Builder b = ListServicesRequest.builder();
        request.accept(b);
        return listServices(b.build());
    }

    /** ECS UpdateService: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html). */
    public UpdateServiceResponse updateService(UpdateServiceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateService", () -> services.update(request));
        }
    }

    /** ECS UpdateService, the request built by {@code request}. */
    public UpdateServiceResponse updateService(Consumer<UpdateServiceRequest.Builder> request) {
        UpdateServiceRequest.Builder b = UpdateServiceRequest.builder();
        request.accept(b);
        return updateService(b.build());
    }

    /** ECS DeleteService: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteService.html). */
    public DeleteServiceResponse deleteService(DeleteServiceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeleteService", () -> services.delete(request));
        }
    }

    /** ECS DeleteService, the request built by {@code request}. */
    public DeleteServiceResponse deleteService(Consumer<DeleteServiceRequest.Builder> request) {
        DeleteServiceRequest.Builder b = DeleteServiceRequest.builder();
        request.accept(b);
        return deleteService(b.build());
    }

    /** ECS ListServiceDeployments: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListServiceDeployments.html). */
    public ListServiceDeploymentsResponse listServiceDeployments(ListServiceDeploymentsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListServiceDeployments", () -> services.listDeployments(request));
        }
    }

    /** ECS ListServiceDeployments, the request built by {@code request}. */
    public ListServiceDeploymentsResponse listServiceDeployments(
            Consumer<ListServiceDeploymentsRequest.Builder> request) {
        ListServiceDeploymentsRequest.Builder b = ListServiceDeploymentsRequest.builder();
        request.accept(b);
        return listServiceDeployments(b.build());
    }

    /** ECS DescribeServiceDeployments: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServiceDeployments.html). */
    public DescribeServiceDeploymentsResponse describeServiceDeployments(DescribeServiceDeploymentsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeServiceDeployments", () -> services.describeDeployments(request));
        }
    }

    /** ECS DescribeServiceDeployments, the request built by {@code request}. */
    public DescribeServiceDeploymentsResponse describeServiceDeployments(
            Consumer<DescribeServiceDeploymentsRequest.Builder> request) {
        DescribeServiceDeploymentsRequest.Builder b = DescribeServiceDeploymentsRequest.builder();
        request.accept(b);
        return describeServiceDeployments(b.build());
    }

    /** ECS StopServiceDeployment: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopServiceDeployment.html). */
    public StopServiceDeploymentResponse stopServiceDeployment(StopServiceDeploymentRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("StopServiceDeployment", () -> services.stopDeployment(request));
        }
    }

    /** ECS StopServiceDeployment, the request built by {@code request}. */
    public StopServiceDeploymentResponse stopServiceDeployment(Consumer<StopServiceDeploymentRequest.Builder> request) {
        StopServiceDeploymentRequest.Builder b = StopServiceDeploymentRequest.builder();
        request.accept(b);
        return stopServiceDeployment(b.build());
    }

    /** ECS DescribeServiceRevisions: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServiceRevisions.html). */
    public DescribeServiceRevisionsResponse describeServiceRevisions(DescribeServiceRevisionsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeServiceRevisions", () -> services.describeRevisions(request));
        }
    }

    /** ECS DescribeServiceRevisions, the request built by {@code request}. */
    public DescribeServiceRevisionsResponse describeServiceRevisions(
            Consumer<DescribeServiceRevisionsRequest.Builder> request) {
        DescribeServiceRevisionsRequest.Builder b = DescribeServiceRevisionsRequest.builder();
        request.accept(b);
        return describeServiceRevisions(b.build());
    }

    /** ECS CreateTaskSet: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateTaskSet.html). */
    public CreateTaskSetResponse createTaskSet(CreateTaskSetRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("CreateTaskSet", () -> taskSets.create(request));
        }
    }

    /** ECS CreateTaskSet, the request built by {@code request}. */
    public CreateTaskSetResponse createTaskSet(Consumer<CreateTaskSetRequest.Builder> request) {
        CreateTaskSetRequest.Builder b = CreateTaskSetRequest.builder();
        request.accept(b);
        return createTaskSet(b.build());
    }

    /** ECS UpdateTaskSet: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateTaskSet.html). */
    public UpdateTaskSetResponse updateTaskSet(UpdateTaskSetRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateTaskSet", () -> taskSets.update(request));
        }
    }

    /** ECS UpdateTaskSet, the request built by {@code request}. */
    public UpdateTaskSetResponse updateTaskSet(Consumer<UpdateTaskSetRequest.Builder> request) {
        UpdateTaskSetRequest.Builder b = UpdateTaskSetRequest.builder();
        request.accept(b);
        return updateTaskSet(b.build());
    }

    /** ECS DeleteTaskSet: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteTaskSet.html). */
    public DeleteTaskSetResponse deleteTaskSet(DeleteTaskSetRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeleteTaskSet", () -> taskSets.delete(request));
        }
    }

    /** ECS DeleteTaskSet, the request built by {@code request}. */
    public DeleteTaskSetResponse deleteTaskSet(Consumer<DeleteTaskSetRequest.Builder> request) {
        DeleteTaskSetRequest.Builder b = DeleteTaskSetRequest.builder();
        request.accept(b);
        return deleteTaskSet(b.build());
    }

    /** ECS DescribeTaskSets: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskSets.html). */
    public DescribeTaskSetsResponse describeTaskSets(DescribeTaskSetsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeTaskSets", () -> taskSets.describe(request));
        }
    }

    /** ECS DescribeTaskSets, the request built by {@code request}. */
    public DescribeTaskSetsResponse describeTaskSets(Consumer<DescribeTaskSetsRequest.Builder> request) {
        DescribeTaskSetsRequest.Builder b = DescribeTaskSetsRequest.builder();
        request.accept(b);
        return describeTaskSets(b.build());
    }

    /** ECS UpdateServicePrimaryTaskSet: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateServicePrimaryTaskSet.html). */
    public UpdateServicePrimaryTaskSetResponse updateServicePrimaryTaskSet(UpdateServicePrimaryTaskSetRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateServicePrimaryTaskSet", () -> taskSets.updatePrimary(request));
        }
    }

    /** ECS UpdateServicePrimaryTaskSet, the request built by {@code request}. */
    public UpdateServicePrimaryTaskSetResponse updateServicePrimaryTaskSet(
            Consumer<UpdateServicePrimaryTaskSetRequest.Builder> request) {
        UpdateServicePrimaryTaskSetRequest.Builder b = UpdateServicePrimaryTaskSetRequest.builder();
        request.accept(b);
        return updateServicePrimaryTaskSet(b.build());
    }

    /**
     * The fake Elastic Load Balancing target group of that ARN (made on first use): where service
     * tasks are registered, their health, the deregistration delay.
     */
    public TargetGroup targetGroup(String targetGroupArn) {
        return new TargetGroup(engine, scheduler.lb, targetGroupArn);
    }

    /**
     * The Java callbacks that stand for the Lambda functions of deployment lifecycle hooks, by
     * {@code hookTargetArn} (docs/scheduler.md#lifecycle-hooks). They are not part of a snapshot.
     */
    public LifecycleHooks lifecycleHooks() {
        return scheduler.blueGreen.hooks;
    }

    /** Fake CloudWatch alarms, by name, that deployment alarms ({@code deploymentConfiguration.alarms}) watch. */
    public Alarms alarms() {
        return engine.alarms;
    }

    /**
     * Runs the clock until the service is steady: as the AWS SDK's {@code ServicesStable} waiter
     * defines it (one deployment, {@code runningCount == desiredCount}) and with that deployment's
     * rollout COMPLETED (ECS's "has reached a steady state" follows it), at most {@code maxDuration},
     * and answers it as DescribeServices does. Throws {@link AssertionError} with the service's latest
     * events when it is not steady by then, or when it is DRAINING, INACTIVE or missing (where the
     * waiter fails).
     */
    public Service awaitSteadyState(String cluster, String service, Duration maxDuration) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(maxDuration, "maxDuration");
        synchronized (engine) {
            ClusterRec c = Resolve.activeCluster(engine, cluster);
            boolean[] gone = new boolean[1];
            boolean ok = engine.clock.runUntil(
                    () -> {
                        ServiceRec s = services.find(c, service);
                        if (s == null || !"ACTIVE".equals(s.status)) {
                            gone[0] = true;
                            return true;
                        }
                        return services.steady(c, s);
                    },
                    maxDuration);
            ServiceRec s = services.find(c, service);
            if (s == null || gone[0] || !ok) {
                StringBuilder sb = new StringBuilder("Service " + service
                        + (s == null
                                ? " is missing"
                                : gone[0] ? " is " + s.status : " is not steady within " + maxDuration));
                if (s != null) {
                    sb.append("; its latest events:");
                    for (int i = Math.min(10, s.events.size()) - 1; i >= 0; i--) {
                        sb.append("\n  ")
                                .append(s.events.get(i).createdAt())
                                .append(' ')
                                .append(s.events.get(i).message());
                    }
                }
                throw new AssertionError(sb.toString());
            }
            return services.view(c, s, false);
        }
    }

    /** ECS CreateCapacityProvider: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html). */
    public CreateCapacityProviderResponse createCapacityProvider(CreateCapacityProviderRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("CreateCapacityProvider", () -> engine.capacity.create(request));
        }
    }

    /** ECS CreateCapacityProvider, the request built by {@code request}. */
    public CreateCapacityProviderResponse createCapacityProvider(
            Consumer<CreateCapacityProviderRequest.Builder> request) {
        CreateCapacityProviderRequest.Builder b = CreateCapacityProviderRequest.builder();
        request.accept(b);
        return createCapacityProvider(b.build());
    }

    /** ECS UpdateCapacityProvider: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateCapacityProvider.html). */
    public UpdateCapacityProviderResponse updateCapacityProvider(UpdateCapacityProviderRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateCapacityProvider", () -> engine.capacity.update(request));
        }
    }

    /** ECS UpdateCapacityProvider, the request built by {@code request}. */
    public UpdateCapacityProviderResponse updateCapacityProvider(
            Consumer<UpdateCapacityProviderRequest.Builder> request) {
        UpdateCapacityProviderRequest.Builder b = UpdateCapacityProviderRequest.builder();
        request.accept(b);
        return updateCapacityProvider(b.build());
    }

    /** ECS DeleteCapacityProvider: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCapacityProvider.html). */
    public DeleteCapacityProviderResponse deleteCapacityProvider(DeleteCapacityProviderRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeleteCapacityProvider", () -> engine.capacity.delete(request));
        }
    }

    /** ECS DeleteCapacityProvider, the request built by {@code request}. */
    public DeleteCapacityProviderResponse deleteCapacityProvider(
            Consumer<DeleteCapacityProviderRequest.Builder> request) {
        DeleteCapacityProviderRequest.Builder b = DeleteCapacityProviderRequest.builder();
        request.accept(b);
        return deleteCapacityProvider(b.build());
    }

    /** ECS DescribeCapacityProviders: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeCapacityProviders.html). */
    public DescribeCapacityProvidersResponse describeCapacityProviders(DescribeCapacityProvidersRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DescribeCapacityProviders", () -> engine.capacity.describe(request));
        }
    }

    /** ECS DescribeCapacityProviders, the request built by {@code request}. */
    public DescribeCapacityProvidersResponse describeCapacityProviders(
            Consumer<DescribeCapacityProvidersRequest.Builder> request) {
        DescribeCapacityProvidersRequest.Builder b = DescribeCapacityProvidersRequest.builder();
        request.accept(b);
        return describeCapacityProviders(b.build());
    }

    /** ECS PutClusterCapacityProviders: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutClusterCapacityProviders.html). */
    public PutClusterCapacityProvidersResponse putClusterCapacityProviders(PutClusterCapacityProvidersRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call(
                    "PutClusterCapacityProviders", () -> engine.capacity.putClusterProviders(request, clusters));
        }
    }

    /** ECS PutClusterCapacityProviders, the request built by {@code request}. */
    public PutClusterCapacityProvidersResponse putClusterCapacityProviders(
            Consumer<PutClusterCapacityProvidersRequest.Builder> request) {
        PutClusterCapacityProvidersRequest.Builder b = PutClusterCapacityProvidersRequest.builder();
        request.accept(b);
        return putClusterCapacityProviders(b.build());
    }

    // ------------------------------------------------------------------ cluster settings, account defaults,
    // namespaces, the agent

    /** ECS UpdateClusterSettings: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateClusterSettings.html). */
    public UpdateClusterSettingsResponse updateClusterSettings(UpdateClusterSettingsRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("UpdateClusterSettings", () -> clusters.updateSettings(request));
        }
    }

    /** ECS UpdateClusterSettings, the request built by {@code request}. */
    public UpdateClusterSettingsResponse updateClusterSettings(Consumer<UpdateClusterSettingsRequest.Builder> request) {
        UpdateClusterSettingsRequest.Builder b = UpdateClusterSettingsRequest.builder();
        request.accept(b);
        return updateClusterSettings(b.build());
    }

    /** ECS PutAccountSettingDefault: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PutAccountSettingDefault.html). */
    public PutAccountSettingDefaultResponse putAccountSettingDefault(PutAccountSettingDefaultRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("PutAccountSettingDefault", () -> accounts.putDefault(request));
        }
    }

    /** ECS PutAccountSettingDefault, the request built by {@code request}. */
    public PutAccountSettingDefaultResponse putAccountSettingDefault(
            Consumer<PutAccountSettingDefaultRequest.Builder> request) {
        PutAccountSettingDefaultRequest.Builder b = PutAccountSettingDefaultRequest.builder();
        request.accept(b);
        return putAccountSettingDefault(b.build());
    }

    /** ECS DeleteAccountSetting: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteAccountSetting.html). */
    public DeleteAccountSettingResponse deleteAccountSetting(DeleteAccountSettingRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("DeleteAccountSetting", () -> accounts.delete(request));
        }
    }

    /** ECS DeleteAccountSetting, the request built by {@code request}. */
    public DeleteAccountSettingResponse deleteAccountSetting(Consumer<DeleteAccountSettingRequest.Builder> request) {
        DeleteAccountSettingRequest.Builder b = DeleteAccountSettingRequest.builder();
        request.accept(b);
        return deleteAccountSetting(b.build());
    }

    /** ECS ListServicesByNamespace: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListServicesByNamespace.html). */
    public ListServicesByNamespaceResponse listServicesByNamespace(ListServicesByNamespaceRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("ListServicesByNamespace", () -> namespaces.list(request));
        }
    }

    /** ECS ListServicesByNamespace, the request built by {@code request}. */
    public ListServicesByNamespaceResponse listServicesByNamespace(
            Consumer<ListServicesByNamespaceRequest.Builder> request) {
        ListServicesByNamespaceRequest.Builder b = ListServicesByNamespaceRequest.builder();
        request.accept(b);
        return listServicesByNamespace(b.build());
    }

    /** ECS SubmitTaskStateChange: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SubmitTaskStateChange.html). */
    public SubmitTaskStateChangeResponse submitTaskStateChange(SubmitTaskStateChangeRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("SubmitTaskStateChange", () -> agent.submitTask(request));
        }
    }

    /** ECS SubmitTaskStateChange, the request built by {@code request}. */
    public SubmitTaskStateChangeResponse submitTaskStateChange(Consumer<SubmitTaskStateChangeRequest.Builder> request) {
        SubmitTaskStateChangeRequest.Builder b = SubmitTaskStateChangeRequest.builder();
        request.accept(b);
        return submitTaskStateChange(b.build());
    }

    /** ECS SubmitContainerStateChange: see the API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SubmitContainerStateChange.html). */
    public SubmitContainerStateChangeResponse submitContainerStateChange(SubmitContainerStateChangeRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (engine) {
            return engine.call("SubmitContainerStateChange", () -> agent.submitContainer(request));
        }
    }

    /** ECS SubmitContainerStateChange, the request built by {@code request}. */
    public SubmitContainerStateChangeResponse submitContainerStateChange(
            Consumer<SubmitContainerStateChangeRequest.Builder> request) {
        SubmitContainerStateChangeRequest.Builder b = SubmitContainerStateChangeRequest.builder();
        request.accept(b);
        return submitContainerStateChange(b.build());
    }

    // ------------------------------------------------------------------ settings

    /** The fake's tunables; see {@link Builder}. */
    record Settings(Duration stepDuration, Duration stoppedTaskRetention, int eventLogLimit) {}

    /** Makes a {@link FakeEcs}. Every setting has a default. */
    public static final class Builder {
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private long seed;
        private Instant start = Instant.parse("2026-01-01T00:00:00Z");
        private Duration stepDuration = Duration.ofSeconds(1);
        private Duration stoppedTaskRetention = Duration.ofHours(1);
        private int eventLogLimit = 100_000;
        private int provisioningTasksPerCluster = ProvisioningQueue.DEFAULT_LIMIT;
        private Duration provisioningTimeout = ProvisioningQueue.DEFAULT_TIMEOUT;

        private Builder() {}

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("[0-9]{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** The seed of every random choice (ids, placement ties, behaviour probabilities). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The fake clock's first instant (default 2026-01-01T00:00:00Z). */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * [model] How long each step of a task's lifecycle takes (ENI attachment, pull start, pull,
         * container start, stop); default one second.
         */
        public Builder stepDuration(Duration stepDuration) {
            if (stepDuration.isNegative() || stepDuration.isZero()) {
                throw new IllegalArgumentException("stepDuration must be positive: " + stepDuration);
            }
            this.stepDuration = stepDuration;
            return this;
        }

        /** [doc] How long a STOPPED task stays describable: at least an hour in ECS (the default). */
        public Builder stoppedTaskRetention(Duration retention) {
            if (retention.isNegative()) {
                throw new IllegalArgumentException("stoppedTaskRetention must not be negative: " + retention);
            }
            this.stoppedTaskRetention = retention;
            return this;
        }

        /** How many events the log keeps (the oldest go first); default 100,000. */
        public Builder eventLogLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("eventLogLimit must be at least 1: " + limit);
            }
            this.eventLogLimit = limit;
            return this;
        }

        /**
         * [doc] The quota of tasks in the PROVISIONING state per cluster (default 500, the Amazon ECS
         * service quotas page); over it RunTask fails (docs/scheduler.md#tasks-waiting-for-capacity).
         */
        public Builder provisioningTasksPerCluster(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("provisioningTasksPerCluster must not be negative: " + limit);
            }
            this.provisioningTasksPerCluster = limit;
            return this;
        }

        /**
         * How long a task waits in PROVISIONING for capacity before it stops ([doc] "between 10 and 30
         * minutes"; default 30 minutes, docs/scheduler.md#tasks-waiting-for-capacity).
         */
        public Builder provisioningTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("provisioningTimeout must be positive: " + timeout);
            }
            this.provisioningTimeout = timeout;
            return this;
        }

        public FakeEcs build() {
            return new FakeEcs(this);
        }
    }
}
