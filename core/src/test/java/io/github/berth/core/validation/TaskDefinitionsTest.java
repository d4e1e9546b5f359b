package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.fargate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.EFSVolumeConfiguration;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Secret;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.Volume;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The task definition ECS stores for a registration: normalised request plus the registry's members. */
class TaskDefinitionsTest {

    static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/app:3";
    static final String BY = "arn:aws:iam::123456789012:role/deployer";
    static final Instant AT = Instant.parse("2024-05-01T10:00:00.123Z");

    static TaskDefinition register(RegisterTaskDefinitionRequest.Builder request) {
        return TaskDefinitions.registered(request.build(), ARN, 3, AT, BY);
    }

    @Test
    void theRegistryMembersAreSetAndTheRequestIsNormalised() {
        TaskDefinition td = register(fargate(container("web"))
                .cpu(".25 vcpu")
                .memory(".5 gb")
                .addTags(Tag.builder().key("team").value("a").build()));
        assertThat(td.taskDefinitionArn()).isEqualTo(ARN);
        assertThat(td.family()).isEqualTo("app");
        assertThat(td.revision()).isEqualTo(3);
        assertThat(td.status().value()).isEqualTo("ACTIVE");
        assertThat(td.registeredAt()).isEqualTo(AT);
        assertThat(td.registeredBy()).isEqualTo(BY);
        assertThat(td.cpu()).isEqualTo("256");
        assertThat(td.memory()).isEqualTo("512");
        assertThat(td.containerDefinitions().get(0).essential()).isTrue();
        assertThat(td.containerDefinitions().get(0).cpu()).isEqualTo(0);
        assertThat(td.volumes()).isEmpty();
        assertThat(td.deregisteredAt()).isNull();
        // tags are not a member of TaskDefinition; the wire form has exactly these members
        assertThat(EcsJson.strict().readTree(EcsJson.strict().write(td)).fieldNames())
                .toIterable()
                .containsExactly(
                        "taskDefinitionArn",
                        "containerDefinitions",
                        "family",
                        "networkMode",
                        "revision",
                        "volumes",
                        "status",
                        "requiresAttributes",
                        "placementConstraints",
                        "compatibilities",
                        "requiresCompatibilities",
                        "cpu",
                        "memory",
                        "registeredAt",
                        "registeredBy");
    }

    @Test
    void everyRequestMemberATaskDefinitionHasIsCarriedOver() {
        RegisterTaskDefinitionRequest full = EcsJson.strict().read("""
        {"family":"app","taskRoleArn":"arn:aws:iam::123456789012:role/t","executionRoleArn":"arn:aws:iam::123456789012:role/e",
         "networkMode":"host","containerDefinitions":[{"name":"web","image":"nginx","memory":256}],
         "pidMode":"host","ipcMode":"task","proxyConfiguration":{"containerName":"web"},
         "inferenceAccelerators":[{"deviceName":"d","deviceType":"eia2.medium"}],
         "ephemeralStorage":{"sizeInGiB":30},"runtimePlatform":{"operatingSystemFamily":"LINUX"},
         "enableFaultInjection":true}""", RegisterTaskDefinitionRequest.class);
        TaskDefinition td = TaskDefinitions.registered(full, ARN, 1, AT, BY);
        assertThat(td.taskRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/t");
        assertThat(td.executionRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/e");
        assertThat(td.networkMode()).isEqualTo(NetworkMode.HOST);
        assertThat(td.pidMode().value()).isEqualTo("host");
        assertThat(td.ipcMode().value()).isEqualTo("task");
        assertThat(td.proxyConfiguration().containerName()).isEqualTo("web");
        assertThat(td.inferenceAccelerators().get(0).deviceType()).isEqualTo("eia2.medium");
        assertThat(td.ephemeralStorage().sizeInGiB()).isEqualTo(30);
        assertThat(td.runtimePlatform().operatingSystemFamily().value()).isEqualTo("LINUX");
        assertThat(td.enableFaultInjection()).isTrue();
    }

    @Test
    void anEc2DefinitionInBridgeModeIsCompatibleWithExternalAndEc2() {
        assertThat(register(ec2(container("web")).addRequiresCompatibilities(Compatibility.EC2))
                        .compatibilities())
                .extracting(Compatibility::value)
                .containsExactly("EXTERNAL", "EC2");
        TaskDefinition none = register(ec2(container("web")));
        assertThat(none.compatibilities()).extracting(Compatibility::value).containsExactly("EXTERNAL", "EC2");
        assertThat(none.requiresCompatibilities()).isNull(); // omitted in, omitted out
    }

    @Test
    void aFargateDefinitionIsCompatibleWithEc2AndFargateNotExternal() {
        assertThat(register(fargate(container("web"))).compatibilities())
                .extracting(Compatibility::value)
                .containsExactly("EC2", "FARGATE");
    }

    @Test
    void awsvpcWithoutFargateIsEc2Only() {
        assertThat(register(ec2(container("web")).networkMode(NetworkMode.AWSVPC))
                        .compatibilities())
                .extracting(Compatibility::value)
                .containsExactly("EC2");
    }

    @Test
    void managedInstancesOnlyWhenAskedFor() {
        assertThat(register(ec2(container("web"))
                                .networkMode(NetworkMode.AWSVPC)
                                .addRequiresCompatibilities(Compatibility.MANAGED_INSTANCES))
                        .compatibilities())
                .extracting(Compatibility::value)
                .containsExactly("EC2", "MANAGED_INSTANCES");
    }

    @Test
    void aPlainDefinitionRequiresOnlyTheBaseDockerApi() {
        assertThat(register(ec2(container("web"))).requiresAttributes())
                .extracting(Attribute::name)
                .containsExactly("com.amazonaws.ecs.capability.docker-remote-api.1.18");
    }

    @Test
    void eachFeatureAddsTheCapabilityItNeeds() {
        TaskDefinition td = register(fargate(
                        container("web")
                                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1")
                                .logConfiguration(LogConfiguration.builder()
                                        .logDriver(LogDriver.AWSLOGS)
                                        .build())
                                .healthCheck(HealthCheck.builder()
                                        .command(java.util.List.of("CMD", "true"))
                                        .build())
                                .addSecrets(Secret.builder()
                                        .name("A")
                                        .valueFrom("db-password")
                                        .build())
                                .addSecrets(Secret.builder()
                                        .name("B")
                                        .valueFrom("arn:aws:secretsmanager:us-east-1:123456789012:secret:b-AbCdEf")
                                        .build())
                                .addDependsOn(ContainerDependency.builder()
                                        .containerName("init")
                                        .condition(io.github.berth.core.model.ContainerCondition.START)
                                        .build())
                                .addPortMappings(PortMapping.builder()
                                        .containerPortRange("8000-8010")
                                        .build()),
                        container("init"))
                .taskRoleArn("arn:aws:iam::123456789012:role/t")
                .executionRoleArn("arn:aws:iam::123456789012:role/e")
                .addVolumes(Volume.builder()
                        .name("data")
                        .efsVolumeConfiguration(EFSVolumeConfiguration.builder()
                                .fileSystemId("fs-1")
                                .build())
                        .build()));
        assertThat(td.requiresAttributes())
                .extracting(Attribute::name)
                .containsExactly(
                        "com.amazonaws.ecs.capability.docker-remote-api.1.18",
                        "ecs.capability.task-eni",
                        "com.amazonaws.ecs.capability.task-iam-role",
                        "ecs.capability.task-cpu-mem-limit",
                        "ecs.capability.efs",
                        "com.amazonaws.ecs.capability.logging-driver.awslogs",
                        "ecs.capability.execution-role-awslogs",
                        "ecs.capability.container-health-check",
                        "ecs.capability.secrets.ssm.environment-variables",
                        "ecs.capability.secrets.asm.environment-variables",
                        "ecs.capability.container-ordering",
                        "com.amazonaws.ecs.capability.ecr-auth",
                        "ecs.capability.execution-role-ecr-pull",
                        "ecs.capability.network.container-port-range");
    }

    @Test
    void awslogsWithoutAnExecutionRoleNeedsNoExecutionRoleCapability() {
        TaskDefinition td = register(ec2(container("web")
                .logConfiguration(
                        LogConfiguration.builder().logDriver(LogDriver.AWSLOGS).build())
                .privileged(true)));
        assertThat(td.requiresAttributes())
                .extracting(Attribute::name)
                .containsExactly(
                        "com.amazonaws.ecs.capability.docker-remote-api.1.18",
                        "com.amazonaws.ecs.capability.logging-driver.awslogs",
                        "com.amazonaws.ecs.capability.privileged-container");
    }

    @Test
    void theInputIsNotChanged() {
        RegisterTaskDefinitionRequest request =
                fargate(container("web")).cpu("1 vcpu").memory("2 gb").build();
        String before = EcsJson.strict().write(request);
        TaskDefinitions.registered(request, ARN, 1, AT, BY);
        assertThat(EcsJson.strict().write(request)).isEqualTo(before);
    }

    @Test
    void badArgumentsAreRefusedByName() {
        RegisterTaskDefinitionRequest request = ec2(container("web")).build();
        assertThatThrownBy(() -> TaskDefinitions.registered(request, ARN, 0, AT, BY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("revision must be 1 or more, was 0");
        assertThatThrownBy(() -> TaskDefinitions.registered(request, null, 1, AT, BY))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("arn");
        assertThatThrownBy(() -> TaskDefinitions.registered(request, ARN, 1, null, BY))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("registeredAt");
        assertThatThrownBy(() -> TaskDefinitions.registered(request, ARN, 1, AT, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("registeredBy");
        assertThat(TaskDefinitions.registered(request, ARN, 1, AT, BY).revision())
                .isEqualTo(1);
    }
}
