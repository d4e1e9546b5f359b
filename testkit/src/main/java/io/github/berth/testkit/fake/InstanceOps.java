package io.github.berth.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.DeleteAttributesRequest;
import io.github.berth.core.api.DeleteAttributesResponse;
import io.github.berth.core.api.DeregisterContainerInstanceRequest;
import io.github.berth.core.api.DeregisterContainerInstanceResponse;
import io.github.berth.core.api.DescribeContainerInstancesRequest;
import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.ListAttributesRequest;
import io.github.berth.core.api.ListAttributesResponse;
import io.github.berth.core.api.ListContainerInstancesRequest;
import io.github.berth.core.api.ListContainerInstancesResponse;
import io.github.berth.core.api.PutAttributesRequest;
import io.github.berth.core.api.PutAttributesResponse;
import io.github.berth.core.api.RegisterContainerInstanceRequest;
import io.github.berth.core.api.RegisterContainerInstanceResponse;
import io.github.berth.core.api.UpdateContainerInstancesStateRequest;
import io.github.berth.core.api.UpdateContainerInstancesStateResponse;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.error.AttributeLimitExceededException;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.error.TargetNotFoundException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ContainerInstanceField;
import io.github.berth.core.model.ContainerInstanceStatus;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.PlatformDevice;
import io.github.berth.core.model.PlatformDeviceType;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.TargetType;
import io.github.berth.core.model.TaskStopCode;
import io.github.berth.core.model.VersionInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Container instances as the ECS agent registers them, their status (ACTIVE, DRAINING, INACTIVE),
 * attributes and the List/Describe operations (docs/scheduler.md#container-instances).
 */
final class InstanceOps {

    /** [code] The capabilities the Linux agent registers (value-less attributes), a current agent. */
    static final List<String> AGENT_CAPABILITIES = List.of(
            "com.amazonaws.ecs.capability.privileged-container",
            "com.amazonaws.ecs.capability.docker-remote-api.1.17",
            "com.amazonaws.ecs.capability.docker-remote-api.1.18",
            "com.amazonaws.ecs.capability.docker-remote-api.1.19",
            "com.amazonaws.ecs.capability.docker-remote-api.1.20",
            "com.amazonaws.ecs.capability.docker-remote-api.1.21",
            "com.amazonaws.ecs.capability.docker-remote-api.1.22",
            "com.amazonaws.ecs.capability.docker-remote-api.1.23",
            "com.amazonaws.ecs.capability.docker-remote-api.1.24",
            "com.amazonaws.ecs.capability.docker-remote-api.1.25",
            "com.amazonaws.ecs.capability.docker-remote-api.1.26",
            "com.amazonaws.ecs.capability.docker-remote-api.1.27",
            "com.amazonaws.ecs.capability.docker-remote-api.1.28",
            "com.amazonaws.ecs.capability.docker-remote-api.1.29",
            "com.amazonaws.ecs.capability.docker-remote-api.1.30",
            "com.amazonaws.ecs.capability.docker-remote-api.1.31",
            "com.amazonaws.ecs.capability.docker-remote-api.1.32",
            "com.amazonaws.ecs.capability.logging-driver.json-file",
            "com.amazonaws.ecs.capability.logging-driver.syslog",
            "com.amazonaws.ecs.capability.logging-driver.awslogs",
            "com.amazonaws.ecs.capability.logging-driver.none",
            "com.amazonaws.ecs.capability.logging-driver.fluentd",
            "com.amazonaws.ecs.capability.logging-driver.gelf",
            "com.amazonaws.ecs.capability.logging-driver.journald",
            "com.amazonaws.ecs.capability.logging-driver.splunk",
            "com.amazonaws.ecs.capability.logging-driver.awsfirelens",
            "com.amazonaws.ecs.capability.ecr-auth",
            "com.amazonaws.ecs.capability.task-iam-role",
            "com.amazonaws.ecs.capability.task-iam-role-network-host",
            "ecs.capability.execution-role-awslogs",
            "ecs.capability.execution-role-ecr-pull",
            "ecs.capability.task-eni",
            "ecs.capability.task-cpu-mem-limit",
            "ecs.capability.increased-task-cpu-limit",
            "ecs.capability.container-health-check",
            "ecs.capability.container-ordering",
            "ecs.capability.secrets.asm.environment-variables",
            "ecs.capability.secrets.ssm.environment-variables",
            "ecs.capability.secrets.asm.bootstrap.log-driver",
            "ecs.capability.secrets.ssm.bootstrap.log-driver",
            "ecs.capability.efs",
            "ecs.capability.efsAuth",
            "ecs.capability.firelens.fluentbit",
            "ecs.capability.firelens.fluentd",
            "ecs.capability.network.container-port-range",
            "ecs.capability.docker-plugin.local",
            "ecs.capability.full-sync",
            "ecs.capability.env-files.s3",
            "ecs.capability.private-registry-authentication.secretsmanager",
            "ecs.capability.gpu-driver-version");

    /** [doc] Custom attribute names and values (docs/placement.md#instance-attributes). */
    private static final Pattern ATTR_NAME = Pattern.compile("[A-Za-z0-9\\-_/\\\\.]{1,128}");

    private static final Pattern ATTR_VALUE = Pattern.compile("[A-Za-z0-9\\-_.@/\\\\: ]{1,128}");
    private static final Set<String> BUILT_IN = Set.of(
            "ecs.ami-id",
            "ecs.availability-zone",
            "ecs.instance-type",
            "ecs.os-type",
            "ecs.os-family",
            "ecs.cpu-architecture",
            "ecs.vpc-id",
            "ecs.subnet-id");

    private final Engine e;

    InstanceOps(Engine e) {
        this.e = e;
    }

    // ------------------------------------------------------------------ register

    RegisterContainerInstanceResponse register(RegisterContainerInstanceRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        Tags.check(r.tags(), "tags");
        Identity id = identity(r.instanceIdentityDocument());
        InstanceType type = id.instanceType == null
                ? null
                : InstanceTypes.find(id.instanceType).orElse(null);
        if (r.containerInstanceArn() != null) {
            InstanceRec existing = c.instances.get(Resolve.nameOf(r.containerInstanceArn()));
            if (existing == null || "INACTIVE".equals(existing.status)) {
                throw new InvalidParameterException("Container instance not found: " + r.containerInstanceArn());
            }
            // Re-registration (an agent restart): the instance keeps its id and tasks; attributes are renewed.
            if (r.versionInfo() != null) {
                existing.versionInfo = r.versionInfo();
            }
            existing.agentConnected = true;
            existing.version++;
            e.events.emitInstance(existing);
            return RegisterContainerInstanceResponse.builder()
                    .containerInstance(Views.instance(e, existing, true))
                    .build();
        }
        InstanceRec i = new InstanceRec();
        i.id = e.ids.containerInstanceId();
        i.arn = e.arns.containerInstance(c.name, i.id);
        i.cluster = c.name;
        i.ec2InstanceId = id.instanceId != null ? id.instanceId : "i-0" + i.id.substring(0, 16);
        i.instanceType = id.instanceType != null ? id.instanceType : "m5.large";
        if (type == null) {
            type = InstanceTypes.find(i.instanceType).orElse(null);
        }
        i.availabilityZone = id.availabilityZone != null ? id.availabilityZone : e.region + "a";
        i.subnetId = e.network.subnetOfZone(i.availabilityZone);
        i.vpcId = e.network.subnet(i.subnetId).vpcId;
        i.privateIp = id.privateIp != null ? id.privateIp : e.network.nextIp(i.subnetId);
        i.registeredAt = e.now();
        i.versionInfo = r.versionInfo() != null
                ? r.versionInfo()
                : VersionInfo.builder()
                        .agentVersion("1.89.3")
                        .agentHash("d1bf7e8c")
                        .dockerVersion("DockerVersion: 25.0.8")
                        .build();
        // Resources: what the request gives, else what the instance type registers.
        Resource cpu = find(r.totalResources(), "CPU");
        Resource memory = find(r.totalResources(), "MEMORY");
        Resource ports = find(r.totalResources(), "PORTS");
        Resource udp = find(r.totalResources(), "PORTS_UDP");
        i.registeredCpu = cpu != null && cpu.integerValue() != null
                ? cpu.integerValue()
                : type != null ? type.registeredCpu() : 2048;
        i.registeredMemory = memory != null && memory.integerValue() != null
                ? memory.integerValue()
                : type != null ? type.registeredMemoryMiB() : 7987;
        if (i.registeredCpu < 0 || i.registeredMemory < 0) {
            throw new InvalidParameterException("totalResources: CPU and MEMORY must not be negative.");
        }
        // [code] The Linux agent reserves these ports by default (docs/placement.md#what-the-agent-registers).
        i.reservedTcp = ports != null && ports.stringSetValue() != null
                ? new ArrayList<>(ports.stringSetValue())
                : new ArrayList<>(List.of("22", "2376", "2375", "51678", "51679"));
        i.reservedUdp =
                udp != null && udp.stringSetValue() != null ? new ArrayList<>(udp.stringSetValue()) : new ArrayList<>();
        if (r.platformDevices() != null) {
            for (PlatformDevice d : r.platformDevices()) {
                if (PlatformDeviceType.GPU.equals(d.type())) {
                    i.gpuIds.add(d.id());
                }
                i.platformDevices.add(d);
            }
        } else if (type != null && type.gpus() > 0) {
            for (int g = 0; g < type.gpus(); g++) {
                String gpuId = "GPU-" + i.id.substring(0, 8) + "-" + g;
                i.gpuIds.add(gpuId);
                i.platformDevices.add(PlatformDevice.builder()
                        .id(gpuId)
                        .type(PlatformDeviceType.GPU)
                        .build());
            }
        }
        // Built-in attributes [doc], then the agent's capabilities (the request's, or a current agent's).
        put(i, "ecs.ami-id", id.imageId != null ? id.imageId : "ami-0berth0000000000");
        put(i, "ecs.availability-zone", i.availabilityZone);
        put(i, "ecs.instance-type", i.instanceType);
        put(i, "ecs.os-type", "linux");
        put(i, "ecs.os-family", "LINUX");
        put(i, "ecs.cpu-architecture", type != null ? type.architecture() : "x86_64");
        put(i, "ecs.vpc-id", i.vpcId);
        put(i, "ecs.subnet-id", i.subnetId);
        if (r.attributes() != null) {
            for (Attribute a : r.attributes()) {
                if (a.name() != null && !BUILT_IN.contains(a.name())) {
                    i.attributes.put(
                            a.name(),
                            Attribute.builder().name(a.name()).value(a.value()).build());
                }
            }
        } else {
            for (String cap : AGENT_CAPABILITIES) {
                i.attributes.put(cap, Attribute.builder().name(cap).build());
            }
        }
        if (e.placement.trunking() && type != null && type.supportsTrunking()) {
            // [doc] Instances launched after the awsvpcTrunking opt-in get a trunk ENI.
            put(i, "ecs.awsvpc-trunk-id", "eni-0trunk" + i.id.substring(0, 10));
            i.attributes.put(
                    "ecs.capability.task-eni-trunking",
                    Attribute.builder().name("ecs.capability.task-eni-trunking").build());
        }
        i.tags = new ArrayList<>(r.tags() == null ? List.of() : r.tags());
        i.capacityProviderName = e.capacity.providerOfInstance(c, i);
        c.instances.put(i.id, i);
        e.placement.invalidate(c);
        e.events.emitInstance(i);
        e.instanceChanged(i);
        return RegisterContainerInstanceResponse.builder()
                .containerInstance(Views.instance(e, i, true))
                .build();
    }

    private static void put(InstanceRec i, String name, String value) {
        i.attributes.put(name, Attribute.builder().name(name).value(value).build());
    }

    private static @Nullable Resource find(@Nullable List<Resource> list, String name) {
        if (list == null) {
            return null;
        }
        for (Resource r : list) {
            if (name.equals(r.name())) {
                return r;
            }
        }
        return null;
    }

    /** Each member is null when the document does not have it. */
    private static final class Identity {
        @Nullable
        String instanceId;

        @Nullable
        String instanceType;

        @Nullable
        String availabilityZone;

        @Nullable
        String privateIp;

        @Nullable
        String imageId;
    }

    /** The fields of an EC2 instance identity document the fake reads; absent document: all null. */
    private static Identity identity(@Nullable String document) {
        Identity id = new Identity();
        if (document == null || document.isBlank()) {
            return id;
        }
        JsonNode n;
        try {
            n = EcsJson.lenient().readTree(document);
        } catch (SerializationException ex) {
            throw new InvalidParameterException(
                    "instanceIdentityDocument is not a valid instance identity document: " + ex.getMessage());
        }
        id.instanceId = text(n, "instanceId");
        id.instanceType = text(n, "instanceType");
        id.availabilityZone = text(n, "availabilityZone");
        id.privateIp = text(n, "privateIp");
        id.imageId = text(n, "imageId");
        return id;
    }

    private static @Nullable String text(JsonNode n, String member) {
        JsonNode v = n.get(member);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    // ------------------------------------------------------------------ deregister, state

    DeregisterContainerInstanceResponse deregister(DeregisterContainerInstanceRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        InstanceRec i = instance(c, Resolve.required(r.containerInstance(), "containerInstance"));
        boolean force = Boolean.TRUE.equals(r.force());
        boolean hasTasks = false;
        for (String id : i.taskIds) {
            TaskRec t = c.tasks.get(id);
            if (t != null && !t.stopped()) {
                hasTasks = true;
            }
        }
        if (hasTasks && !force) {
            // [unsure] ECS's text: the request fails while tasks run unless force is set.
            throw new InvalidParameterException(
                    "Found running tasks on the instance. Stop them or use the force option to deregister the instance.");
        }
        i.status = "INACTIVE";
        i.agentConnected = false;
        i.version++;
        e.placement.invalidate(c);
        ContainerInstance view = Views.instance(e, i, false);
        e.events.emitInstance(i);
        // [doc] Forced: the tasks are orphaned (they keep running unmanaged); services replace theirs.
        e.instanceChanged(i);
        return DeregisterContainerInstanceResponse.builder()
                .containerInstance(view)
                .build();
    }

    InstanceRec instance(ClusterRec c, String ref) {
        InstanceRec i = c.instances.get(Resolve.nameOf(ref));
        if (i == null) {
            i = byEc2Id(c, ref);
        }
        if (i == null) {
            throw new InvalidParameterException("The referenced container instance " + ref + " was not found.");
        }
        return i;
    }

    private static @Nullable InstanceRec byEc2Id(ClusterRec c, String ec2Id) {
        for (InstanceRec i : c.instances.values()) {
            if (ec2Id.equals(i.ec2InstanceId)) {
                return i;
            }
        }
        return null;
    }

    UpdateContainerInstancesStateResponse updateState(UpdateContainerInstancesStateRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<String> refs = Resolve.required(r.containerInstances(), "containerInstances");
        ContainerInstanceStatus status = Resolve.required(r.status(), "status");
        if (refs.size() > 10) {
            // [doc] Up to 10 container instances a call.
            throw new InvalidParameterException("containerInstances can have at most 10 items.");
        }
        if (!ContainerInstanceStatus.ACTIVE.equals(status) && !ContainerInstanceStatus.DRAINING.equals(status)) {
            // [unsure] moto's text for the same rule.
            throw new InvalidParameterException("Container instance status should be one of [ACTIVE, DRAINING]");
        }
        List<ContainerInstance> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        List<InstanceRec> changed = new ArrayList<>();
        for (String ref : refs) {
            InstanceRec i = c.instances.get(Resolve.nameOf(ref));
            if (i == null || "INACTIVE".equals(i.status)) {
                failures.add(Failure.builder().arn(ref).reason("MISSING").build());
                continue;
            }
            if (!"ACTIVE".equals(i.status) && !"DRAINING".equals(i.status)) {
                // [doc] REGISTERING, DEREGISTERING and REGISTRATION_FAILED can be described, not updated.
                failures.add(Failure.builder()
                        .arn(i.arn)
                        .reason("INACTIVE")
                        .detail("The container instance is " + i.status + ".")
                        .build());
                continue;
            }
            changed.add(i);
        }
        for (InstanceRec i : changed) {
            if (!i.status.equals(status.value())) {
                i.status = status.value();
                i.version++;
                e.placement.invalidate(c);
                e.events.emitInstance(i);
                e.instanceChanged(i);
            }
            out.add(Views.instance(e, i, false));
        }
        return UpdateContainerInstancesStateResponse.builder()
                .containerInstances(out)
                .failures(failures)
                .build();
    }

    DescribeContainerInstancesResponse describe(DescribeContainerInstancesRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<String> refs = Resolve.required(r.containerInstances(), "containerInstances");
        if (refs.size() > 100) {
            throw new InvalidParameterException("containerInstances can have at most 100 items.");
        }
        boolean tags = r.include() != null && r.include().contains(ContainerInstanceField.TAGS);
        List<ContainerInstance> out = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (String ref : refs) {
            InstanceRec i = c.instances.get(Resolve.nameOf(ref));
            if (i == null) {
                i = byEc2Id(c, ref);
            }
            if (i == null) {
                failures.add(Failure.builder()
                        .arn(ref.startsWith("arn:") ? ref : e.arns.containerInstance(c.name, ref))
                        .reason("MISSING")
                        .build());
            } else {
                out.add(Views.instance(e, i, tags));
            }
        }
        return DescribeContainerInstancesResponse.builder()
                .containerInstances(out)
                .failures(failures)
                .build();
    }

    ListContainerInstancesResponse list(ListContainerInstancesRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<String> matching = null;
        if (r.filter() != null && !r.filter().isBlank()) {
            // The cluster query language, evaluated by placement (docs/placement.md#cluster-query-language).
            matching = e.placement.snapshot(c).filter(r.filter());
        }
        List<String> arns = new ArrayList<>();
        for (InstanceRec i : c.instances.values()) {
            if (r.status() != null ? !r.status().value().equals(i.status) : "INACTIVE".equals(i.status)) {
                continue;
            }
            if (matching != null && !matching.contains(i.arn)) {
                continue;
            }
            arns.add(i.arn);
        }
        Pages.Page<String> page = Pages.page(arns, r.maxResults(), r.nextToken(), 100, 100);
        return ListContainerInstancesResponse.builder()
                .containerInstanceArns(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    // ------------------------------------------------------------------ attributes

    PutAttributesResponse putAttributes(PutAttributesRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<Attribute> attrs = Resolve.required(r.attributes(), "attributes");
        if (attrs.size() > 10) {
            throw new InvalidParameterException("attributes can have at most 10 items.");
        }
        // Check every attribute and target first: a failed call changes nothing.
        Map<InstanceRec, List<Attribute>> byInstance = new LinkedHashMap<>();
        for (int k = 0; k < attrs.size(); k++) {
            Attribute a = attrs.get(k);
            checkAttribute(a, "attributes[" + k + "]");
            if (a.targetType() != null && !TargetType.CONTAINER_INSTANCE.equals(a.targetType())) {
                throw new InvalidParameterException("attributes[" + k + "].targetType must be container-instance.");
            }
            InstanceRec i = a.targetId() == null ? null : c.instances.get(Resolve.nameOf(a.targetId()));
            if (i == null || "INACTIVE".equals(i.status)) {
                throw new TargetNotFoundException("Could not find " + a.targetId() + ".");
            }
            byInstance.computeIfAbsent(i, x -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<InstanceRec, List<Attribute>> en : byInstance.entrySet()) {
            InstanceRec i = en.getKey();
            long custom =
                    i.attributes.keySet().stream().filter(n -> isCustom(n)).count();
            for (Attribute a : en.getValue()) {
                if (!i.attributes.containsKey(a.name())) {
                    custom++;
                }
            }
            if (custom > 10) {
                // [doc] Up to 10 custom attributes per resource.
                throw new AttributeLimitExceededException("You can have at most 10 custom attributes per resource.");
            }
        }
        List<Attribute> out = new ArrayList<>();
        for (Map.Entry<InstanceRec, List<Attribute>> en : byInstance.entrySet()) {
            InstanceRec i = en.getKey();
            for (Attribute a : en.getValue()) {
                i.attributes.put(
                        a.name(),
                        Attribute.builder().name(a.name()).value(a.value()).build());
                out.add(a.toBuilder()
                        .targetId(i.arn)
                        .targetType(TargetType.CONTAINER_INSTANCE)
                        .build());
            }
            i.version++;
        }
        e.placement.invalidate(c);
        // [model] The service scheduler looks again at once: a daemon task whose instance no longer meets
        // its constraints stops, a newly eligible instance gets one (docs/scheduler.md#daemon-constraint-violations).
        byInstance.keySet().forEach(e::instanceChanged);
        return PutAttributesResponse.builder().attributes(out).build();
    }

    private static boolean isCustom(String name) {
        return !BUILT_IN.contains(name)
                && !name.startsWith("ecs.capability.")
                && !name.startsWith("com.amazonaws.ecs.")
                && !name.equals("ecs.awsvpc-trunk-id");
    }

    private static void checkAttribute(Attribute a, String path) {
        if (a.name() == null || !ATTR_NAME.matcher(a.name()).matches()) {
            throw new InvalidParameterException(path + ".name: Attribute names must be 1 to 128 letters, numbers, "
                    + "hyphens, underscores, slashes, back slashes or periods.");
        }
        if (a.value() != null
                && (!ATTR_VALUE.matcher(a.value()).matches()
                        || !a.value().strip().equals(a.value()))) {
            throw new InvalidParameterException(
                    path + ".value: Attribute values must be 1 to 128 letters, numbers, "
                            + "hyphens, underscores, periods, at signs, slashes, back slashes, colons or spaces, without leading or trailing white space.");
        }
    }

    DeleteAttributesResponse deleteAttributes(DeleteAttributesRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        List<Attribute> attrs = Resolve.required(r.attributes(), "attributes");
        List<InstanceRec> targets = new ArrayList<>();
        for (Attribute a : attrs) {
            InstanceRec i = a.targetId() == null ? null : c.instances.get(Resolve.nameOf(a.targetId()));
            if (i == null) {
                throw new TargetNotFoundException("Could not find " + a.targetId() + ".");
            }
            targets.add(i);
        }
        for (int k = 0; k < attrs.size(); k++) {
            targets.get(k).attributes.remove(attrs.get(k).name());
            targets.get(k).version++;
        }
        e.placement.invalidate(c);
        // [model] As after PutAttributes (docs/scheduler.md#daemon-constraint-violations).
        new java.util.LinkedHashSet<>(targets).forEach(e::instanceChanged);
        return DeleteAttributesResponse.builder().attributes(attrs).build();
    }

    ListAttributesResponse listAttributes(ListAttributesRequest r) {
        ClusterRec c = Resolve.activeCluster(e, r.cluster());
        TargetType type = Resolve.required(r.targetType(), "targetType");
        if (r.attributeValue() != null && r.attributeName() == null) {
            throw new InvalidParameterException("attributeValue can only be specified with attributeName.");
        }
        List<Attribute> out = new ArrayList<>();
        if (TargetType.CONTAINER_INSTANCE.equals(type)) {
            for (InstanceRec i : c.instances.values()) {
                if ("INACTIVE".equals(i.status)) {
                    continue;
                }
                for (Attribute a : i.attributes.values()) {
                    if (r.attributeName() != null && !r.attributeName().equals(a.name())) {
                        continue;
                    }
                    if (r.attributeValue() != null && !r.attributeValue().equals(a.value())) {
                        continue;
                    }
                    out.add(a.toBuilder()
                            .targetType(TargetType.CONTAINER_INSTANCE)
                            .targetId(i.arn)
                            .build());
                }
            }
        }
        Pages.Page<Attribute> page = Pages.page(out, r.maxResults(), r.nextToken(), 100, 100);
        return ListAttributesResponse.builder()
                .attributes(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    // ------------------------------------------------------------------ faults

    /** The EC2 instance is gone: ECS deregisters it, its tasks stop (docs/scheduler.md#container-instances). */
    void terminate(ClusterRec c, InstanceRec i) {
        for (String id : List.copyOf(i.taskIds)) {
            TaskRec t = c.tasks.get(id);
            if (t != null) {
                // [model] The host is gone: the tasks stop as their containers die with it.
                e.lifecycle.stop(
                        t,
                        TaskStopCode.TASK_FAILED_TO_START.equals(t.stopCode)
                                ? TaskStopCode.TASK_FAILED_TO_START
                                : TaskStopCode.ESSENTIAL_CONTAINER_EXITED,
                        "Host EC2 (instance " + i.ec2InstanceId + ") terminated.");
            }
        }
        i.status = "INACTIVE";
        i.agentConnected = false;
        i.version++;
        e.placement.invalidate(c);
        e.events.emitInstance(i);
        e.instanceChanged(i);
    }

    void setAgentConnected(ClusterRec c, InstanceRec i, boolean connected) {
        if (i.agentConnected == connected) {
            return;
        }
        i.agentConnected = connected;
        i.version++;
        e.placement.invalidate(c);
        e.events.emitInstance(i);
        e.instanceChanged(i);
    }

    static ClientException unknown(String what) {
        return new ClientException(what);
    }
}
