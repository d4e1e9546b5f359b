package io.github.berth.core.validation;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import java.util.List;

/** Valid task definitions to start from; each test changes one thing and looks at what ECS would say. */
final class Fixtures {

    private Fixtures() {}

    /** A container ECS accepts anywhere: name, public image, 256 MiB hard limit. */
    static ContainerDefinition.Builder container(String name) {
        return ContainerDefinition.builder().name(name).image("nginx:1.27").memory(256);
    }

    /** An EC2 task definition in bridge mode (network mode omitted) with the given containers. */
    static RegisterTaskDefinitionRequest.Builder ec2(ContainerDefinition.Builder... containers) {
        RegisterTaskDefinitionRequest.Builder b =
                RegisterTaskDefinitionRequest.builder().family("app");
        for (ContainerDefinition.Builder c : containers) {
            b.addContainerDefinitions(c.build());
        }
        return b;
    }

    /** A Fargate task definition: awsvpc, 256 CPU units, 512 MiB. */
    static RegisterTaskDefinitionRequest.Builder fargate(ContainerDefinition.Builder... containers) {
        return ec2(containers)
                .networkMode(NetworkMode.AWSVPC)
                .addRequiresCompatibilities(Compatibility.FARGATE)
                .cpu("256")
                .memory("512");
    }

    static PortMapping port(int containerPort) {
        return PortMapping.builder().containerPort(containerPort).build();
    }

    static PortMapping port(int containerPort, int hostPort) {
        return PortMapping.builder()
                .containerPort(containerPort)
                .hostPort(hostPort)
                .build();
    }

    static List<Violation> validate(RegisterTaskDefinitionRequest.Builder request) {
        return TaskDefinitionValidator.validate(request.build());
    }

    static Violation client(String path, String message) {
        return new Violation(path, "ClientException", message);
    }

    static Violation invalidParameter(String path, String message) {
        return new Violation(path, "InvalidParameterException", message);
    }
}
