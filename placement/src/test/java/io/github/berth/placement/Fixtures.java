package io.github.berth.placement;

import io.github.berth.core.model.Attachment;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Container;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkBinding;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import java.util.ArrayList;
import java.util.List;

/** Small clusters and task definitions for the example tests. */
final class Fixtures {

    static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:container-instance/test/";

    private Fixtures() {}

    static String arn(String id) {
        return PREFIX + id;
    }

    /** An ACTIVE, connected instance of a known type with all of its registered resources free. */
    static ContainerInstance.Builder instance(String id, String type, String az) {
        return instance(id, type, az, 2048, 4096);
    }

    static ContainerInstance.Builder instance(String id, String type, String az, int cpu, int memory) {
        List<Attribute> attrs = new ArrayList<>();
        attrs.add(attr("ecs.instance-type", type));
        attrs.add(attr("ecs.availability-zone", az));
        attrs.add(attr("ecs.subnet-id", "subnet-" + az));
        attrs.add(attr("ecs.vpc-id", "vpc-1"));
        attrs.add(Attribute.builder().name("ecs.capability.task-eni").build());
        List<Resource> resources = List.of(
                Resource.builder().name("CPU").type("INTEGER").integerValue(cpu).build(),
                Resource.builder()
                        .name("MEMORY")
                        .type("INTEGER")
                        .integerValue(memory)
                        .build(),
                Resource.builder()
                        .name("PORTS")
                        .type("STRINGSET")
                        .stringSetValue(List.of("22", "2375", "2376", "51678", "51679"))
                        .build(),
                Resource.builder()
                        .name("PORTS_UDP")
                        .type("STRINGSET")
                        .stringSetValue(List.of())
                        .build());
        return ContainerInstance.builder()
                .containerInstanceArn(arn(id))
                .ec2InstanceId("i-" + id)
                .status("ACTIVE")
                .agentConnected(true)
                .attributes(attrs)
                .registeredResources(resources)
                .remainingResources(resources);
    }

    static Attribute attr(String name, String value) {
        return Attribute.builder().name(name).value(value).build();
    }

    static ContainerDefinition.Builder container(String name) {
        return ContainerDefinition.builder().name(name).image("nginx");
    }

    /** A bridge task definition of one container with the given reservations. */
    static TaskDefinition td(int cpu, int memory, PortMapping... ports) {
        return TaskDefinition.builder()
                .family("web")
                .addContainerDefinitions(container("app")
                        .cpu(cpu)
                        .memory(memory)
                        .portMappings(List.of(ports))
                        .build())
                .build();
    }

    static TaskDefinition awsvpc(int cpu, int memory) {
        return TaskDefinition.builder()
                .family("vpc")
                .networkMode(NetworkMode.AWSVPC)
                .addContainerDefinitions(container("app")
                        .cpu(cpu)
                        .memory(memory)
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build())
                .build();
    }

    /** An awsvpc definition registered for Fargate (requiresCompatibilities FARGATE, task-level size). */
    static TaskDefinition fargate() {
        return awsvpc(256, 512).toBuilder()
                .cpu("256")
                .memory("512")
                .requiresCompatibilities(List.of(io.github.berth.core.model.Compatibility.FARGATE))
                .build();
    }

    static PortMapping port(int containerPort, Integer hostPort) {
        return PortMapping.builder()
                .containerPort(containerPort)
                .hostPort(hostPort)
                .build();
    }

    static PlacementStrategy strategy(PlacementStrategyType type, String field) {
        return PlacementStrategy.builder().type(type).field(field).build();
    }

    static PlacementStrategy binpack(String field) {
        return strategy(PlacementStrategyType.BINPACK, field);
    }

    static PlacementStrategy spread(String field) {
        return strategy(PlacementStrategyType.SPREAD, field);
    }

    static PlacementConstraint memberOf(String expression) {
        return PlacementConstraint.builder()
                .type(PlacementConstraintType.MEMBER_OF)
                .expression(expression)
                .build();
    }

    static PlacementConstraint distinctInstance() {
        return PlacementConstraint.builder()
                .type(PlacementConstraintType.DISTINCT_INSTANCE)
                .build();
    }

    /** A running task of {@code group} on an instance, holding the given host ports. */
    static Task task(String instanceId, String group, int... hostPorts) {
        List<NetworkBinding> bindings = new ArrayList<>();
        for (int p : hostPorts) {
            bindings.add(NetworkBinding.builder().containerPort(80).hostPort(p).build());
        }
        return Task.builder()
                .containerInstanceArn(arn(instanceId))
                .group(group)
                .desiredStatus("RUNNING")
                .lastStatus("RUNNING")
                .cpu("128")
                .memory("128")
                .containers(List.of(Container.builder()
                        .name("app")
                        .networkBindings(bindings)
                        .build()))
                .build();
    }

    static Task awsvpcTask(String instanceId, String group) {
        return Task.builder()
                .containerInstanceArn(arn(instanceId))
                .group(group)
                .desiredStatus("RUNNING")
                .attachments(List.of(Attachment.builder()
                        .type("ElasticNetworkInterface")
                        .status("ATTACHED")
                        .build()))
                .build();
    }
}
