package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.client;
import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.fargate;
import static io.github.berth.core.validation.Fixtures.port;
import static io.github.berth.core.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.CPUArchitecture;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.Device;
import io.github.berth.core.model.EFSVolumeConfiguration;
import io.github.berth.core.model.EphemeralStorage;
import io.github.berth.core.model.HostVolumeProperties;
import io.github.berth.core.model.IpcMode;
import io.github.berth.core.model.KernelCapabilities;
import io.github.berth.core.model.LinuxParameters;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.PidMode;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.RuntimePlatform;
import io.github.berth.core.model.SystemControl;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TaskDefinitionPlacementConstraintType;
import io.github.berth.core.model.Tmpfs;
import io.github.berth.core.model.Volume;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Fargate refuses: docs/task-definitions.md#fargate-restrictions, and Windows on Fargate, docs/task-definitions.md#fargate-sizes. */
class FargateRulesTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";
    private static final String ECR_IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.0";
    private static final LogConfiguration AWSLOGS = LogConfiguration.builder()
            .logDriver(LogDriver.AWSLOGS)
            .options(com.google.common.collect.ImmutableMap.of(
                    "awslogs-group", "/ecs/app", "awslogs-region", "eu-west-1", "awslogs-stream-prefix", "app"))
            .build();

    private static RegisterTaskDefinitionRequest.Builder windows(OSFamily family) {
        return fargate(container("web"))
                .cpu("1024")
                .memory("2048")
                .runtimePlatform(
                        RuntimePlatform.builder().operatingSystemFamily(family).build());
    }

    @Test
    void fargateRefusesIpcMode() {
        assertThat(validate(ec2(container("web")).ipcMode(IpcMode.HOST))).isEmpty();
        assertThat(validate(fargate(container("web")).ipcMode(IpcMode.TASK)))
                .containsExactly(client("ipcMode", "Tasks using the Fargate launch type do not support ipcMode."));
    }

    @Test
    void fargateTakesPidModeTaskOnly() {
        assertThat(validate(fargate(container("web")).pidMode(PidMode.TASK))).isEmpty();
        assertThat(validate(fargate(container("web")).pidMode(PidMode.HOST)))
                .containsExactly(
                        client(
                                "pidMode",
                                "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'."));
    }

    @Test
    void fargateVolumesHaveNoHostSourcePath() {
        Volume scratch = Volume.builder()
                .name("scratch")
                .host(HostVolumeProperties.builder().build())
                .build();
        Volume bind = Volume.builder()
                .name("data")
                .host(HostVolumeProperties.builder().sourcePath("/data").build())
                .build();
        assertThat(validate(fargate(container("web")).addVolumes(scratch))).isEmpty();
        assertThat(validate(ec2(container("web")).addVolumes(bind))).isEmpty();
        assertThat(validate(fargate(container("web")).addVolumes(scratch, bind)))
                .containsExactly(client(
                        "volumes[1].host.sourcePath", "host.sourcePath should not be set for volumes in Fargate."));
        // an empty sourcePath names no host path
        Volume empty = Volume.builder()
                .name("empty")
                .host(HostVolumeProperties.builder().sourcePath("").build())
                .build();
        assertThat(validate(fargate(container("web")).addVolumes(empty))).isEmpty();
    }

    @Test
    void awslogsOnFargateNeedsTheExecutionRole() {
        assertThat(validate(fargate(container("web").logConfiguration(AWSLOGS)).executionRoleArn(ROLE)))
                .isEmpty();
        assertThat(validate(ec2(container("web").logConfiguration(AWSLOGS)))).isEmpty();
        assertThat(validate(fargate(
                        container("web").logConfiguration(AWSLOGS),
                        container("db").logConfiguration(AWSLOGS))))
                .containsExactly(client(
                        "executionRoleArn",
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs."));
        // a blank role is no role
        assertThat(validate(fargate(container("web").logConfiguration(AWSLOGS)).executionRoleArn(" ")))
                .containsExactly(client(
                        "executionRoleArn",
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs."));
    }

    @Test
    void ecrImagesOnFargateNeedTheExecutionRole() {
        assertThat(validate(fargate(container("web").image(ECR_IMAGE)).executionRoleArn(ROLE)))
                .isEmpty();
        assertThat(validate(fargate(container("web").image("public.ecr.aws/nginx/nginx:1.27"))))
                .isEmpty();
        assertThat(validate(fargate(container("web").image(ECR_IMAGE))))
                .containsExactly(client(
                        "executionRoleArn",
                        "Fargate requires task definition to have execution role ARN to support ECR images."));
    }

    @Test
    void privateEcrImagesAreRecognisedByTheirRegistryHost() {
        assertThat(FargateRule.isPrivateEcr(ECR_IMAGE)).isTrue();
        assertThat(FargateRule.isPrivateEcr("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/web@sha256:abc"))
                .isTrue();
        assertThat(FargateRule.isPrivateEcr("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web:1"))
                .isTrue();
        assertThat(FargateRule.isPrivateEcr("public.ecr.aws/nginx/nginx:1.27")).isFalse();
        assertThat(FargateRule.isPrivateEcr("nginx:1.27")).isFalse();
        assertThat(FargateRule.isPrivateEcr("12345678901.dkr.ecr.eu-west-1.amazonaws.com/web"))
                .isFalse();
        // twelve characters before the host, but not twelve digits
        assertThat(FargateRule.isPrivateEcr("12345678901a.dkr.ecr.eu-west-1.amazonaws.com/web"))
                .isFalse();
        assertThat(FargateRule.isPrivateEcr("123456789012.dkr.ecr.amazonaws.com/web"))
                .isFalse();
        assertThat(FargateRule.isPrivateEcr("registry.example.com/123456789012.dkr.ecr.eu-west-1.amazonaws.com/web"))
                .isFalse();
    }

    @Test
    void windowsOnFargateIsWindowsServer2019Or2022OnX86() {
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2019_CORE))).isEmpty();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2022_FULL)
                        .runtimePlatform(RuntimePlatform.builder()
                                .operatingSystemFamily(OSFamily.WINDOWS_SERVER_2022_FULL)
                                .cpuArchitecture(CPUArchitecture.X86_64)
                                .build())))
                .isEmpty();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2016_FULL)))
                .containsExactly(client(
                        "runtimePlatform.operatingSystemFamily",
                        "Fargate does not support operating system family 'WINDOWS_SERVER_2016_FULL'."));
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2022_CORE)
                        .runtimePlatform(RuntimePlatform.builder()
                                .operatingSystemFamily(OSFamily.WINDOWS_SERVER_2022_CORE)
                                .cpuArchitecture(CPUArchitecture.ARM64)
                                .build())))
                .containsExactly(client(
                        "runtimePlatform.cpuArchitecture",
                        "Fargate does not support CPU architecture 'ARM64' for Windows containers."));
    }

    @Test
    void linuxOnFargateMayRunOnArm() {
        assertThat(validate(fargate(container("web"))
                        .runtimePlatform(RuntimePlatform.builder()
                                .operatingSystemFamily(OSFamily.LINUX)
                                .cpuArchitecture(CPUArchitecture.ARM64)
                                .build())))
                .isEmpty();
    }

    @Test
    void windowsOnFargateHasNoEphemeralStorageEfsOrSystemControls() {
        assertThat(validate(fargate(container("web"))
                        .ephemeralStorage(
                                EphemeralStorage.builder().sizeInGiB(30).build())))
                .isEmpty();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2019_FULL)
                        .ephemeralStorage(
                                EphemeralStorage.builder().sizeInGiB(30).build())))
                .containsExactly(client(
                        "ephemeralStorage", "Fargate does not support ephemeralStorage for Windows containers."));
        Volume efs = Volume.builder()
                .name("shared")
                .efsVolumeConfiguration(EFSVolumeConfiguration.builder()
                        .fileSystemId("fs-12345678")
                        .build())
                .build();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2019_FULL).addVolumes(efs)))
                .containsExactly(client(
                        "volumes[0].efsVolumeConfiguration",
                        "Fargate does not support EFS volumes for Windows containers."));
        SystemControl keepalive = SystemControl.builder()
                .namespace("net.ipv4.tcp_keepalive_time")
                .value("500")
                .build();
        assertThat(validate(fargate(container("web").addSystemControls(keepalive))))
                .isEmpty();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2019_FULL)
                        .containerDefinitions(java.util.List.of(
                                container("web").addSystemControls(keepalive).build()))))
                .containsExactly(client(
                        "containerDefinitions[0].systemControls",
                        "Fargate does not support systemControls for Windows containers."));
    }

    // ----- settings documented as not valid on Fargate, texts [model] (docs/task-definitions.md#fargate-restrictions)

    private static String unsupported(String setting) {
        return "Tasks using the Fargate launch type do not support " + setting + ".";
    }

    @Test
    void fargateRefusesPrivilegedAndTheHostsNetworkSettings() {
        ContainerDefinition.Builder hostly = container("web")
                .privileged(true)
                .disableNetworking(true)
                .addDnsServers("10.0.0.2")
                .addDnsSearchDomains("example.com")
                .addDockerSecurityOptions("no-new-privileges");
        assertThat(validate(ec2(hostly))).isEmpty();
        // false and [] are what describe outputs carry for settings never made
        assertThat(validate(fargate(container("web")
                        .privileged(false)
                        .disableNetworking(false)
                        .dnsServers(List.of())
                        .dnsSearchDomains(List.of())
                        .dockerSecurityOptions(List.of()))))
                .isEmpty();
        assertThat(validate(fargate(hostly)))
                .containsExactly(
                        client("containerDefinitions[0].privileged", unsupported("privileged")),
                        client("containerDefinitions[0].disableNetworking", unsupported("disableNetworking")),
                        client("containerDefinitions[0].dnsServers", unsupported("dnsServers")),
                        client("containerDefinitions[0].dnsSearchDomains", unsupported("dnsSearchDomains")),
                        client("containerDefinitions[0].dockerSecurityOptions", unsupported("dockerSecurityOptions")));
    }

    @Test
    void fargateHasNoGpus() {
        ResourceRequirement gpu =
                ResourceRequirement.builder().type(ResourceType.GPU).value("1").build();
        assertThat(validate(ec2(container("web").addResourceRequirements(gpu)))).isEmpty();
        assertThat(validate(fargate(container("web").addResourceRequirements(gpu))))
                .containsExactly(client(
                        "containerDefinitions[0].resourceRequirements[0].type",
                        unsupported("GPU resource requirements")));
    }

    @Test
    void fargateTakesNoDevicesSharedMemorySizeOrSwap() {
        LinuxParameters host = LinuxParameters.builder()
                .addDevices(Device.builder().hostPath("/dev/fuse").build())
                .sharedMemorySize(64)
                .maxSwap(512)
                .swappiness(10)
                .build();
        assertThat(validate(ec2(container("web").linuxParameters(host)))).isEmpty();
        assertThat(validate(fargate(container("web")
                        .linuxParameters(LinuxParameters.builder()
                                .initProcessEnabled(true)
                                .devices(List.of())
                                .build()))))
                .isEmpty();
        assertThat(validate(fargate(container("web").linuxParameters(host))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].linuxParameters.devices",
                                unsupported("linuxParameters.devices")),
                        client(
                                "containerDefinitions[0].linuxParameters.sharedMemorySize",
                                unsupported("linuxParameters.sharedMemorySize")),
                        client(
                                "containerDefinitions[0].linuxParameters.maxSwap",
                                unsupported("linuxParameters.maxSwap")),
                        client(
                                "containerDefinitions[0].linuxParameters.swappiness",
                                unsupported("linuxParameters.swappiness")));
    }

    @Test
    void fargateTakesNoTaskPlacementConstraints() {
        TaskDefinitionPlacementConstraint constraint = TaskDefinitionPlacementConstraint.builder()
                .type(TaskDefinitionPlacementConstraintType.MEMBER_OF)
                .expression("attribute:ecs.instance-type =~ t3.*")
                .build();
        assertThat(validate(ec2(container("web")).addPlacementConstraints(constraint)))
                .isEmpty();
        assertThat(validate(fargate(container("web")).placementConstraints(List.of())))
                .isEmpty();
        assertThat(validate(fargate(container("web")).addPlacementConstraints(constraint)))
                .containsExactly(
                        client("placementConstraints", "Fargate does not support task placement constraints."));
    }

    @Test
    void windowsOnFargateReservesContainerPort3150() {
        assertThat(validate(fargate(container("web").addPortMappings(port(3150)))))
                .isEmpty();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2019_FULL)
                        .containerDefinitions(java.util.List.of(
                                container("web").addPortMappings(port(3150)).build()))))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[0].containerPort",
                        "Container port 3150 is reserved on Fargate for Windows containers."));
    }

    @Test
    void awslogsOnFargateNeedsAStreamPrefix() {
        LogConfiguration noPrefix = AWSLOGS.toBuilder()
                .options(com.google.common.collect.ImmutableMap.of(
                        "awslogs-group", "/ecs/app", "awslogs-region", "eu-west-1"))
                .build();
        assertThat(validate(ec2(container("web").logConfiguration(noPrefix)))).isEmpty();
        assertThat(validate(fargate(container("web").logConfiguration(AWSLOGS)).executionRoleArn(ROLE)))
                .isEmpty();
        assertThat(validate(fargate(container("web").logConfiguration(noPrefix)).executionRoleArn(ROLE)))
                .containsExactly(
                        client(
                                "containerDefinitions[0].logConfiguration.options",
                                "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs."));
    }

    @Test
    void fargateTakesAwslogsSplunkAndFirelensDriversOnly() {
        LogConfiguration splunk = LogConfiguration.builder()
                .logDriver(LogDriver.SPLUNK)
                .options(com.google.common.collect.ImmutableMap.of("splunk-url", "https://splunk.example.com:8088"))
                .build();
        assertThat(validate(fargate(container("web").logConfiguration(splunk)))).isEmpty();
        LogConfiguration fluentd =
                LogConfiguration.builder().logDriver(LogDriver.FLUENTD).build();
        LogConfiguration json =
                LogConfiguration.builder().logDriver(LogDriver.JSON_FILE).build();
        assertThat(validate(ec2(container("web").logConfiguration(fluentd)))).isEmpty();
        assertThat(validate(fargate(
                        container("web").logConfiguration(fluentd),
                        container("db").logConfiguration(json))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].logConfiguration.logDriver",
                                "Fargate does not support log driver 'fluentd'. The supported log drivers are awslogs, splunk and awsfirelens."),
                        client(
                                "containerDefinitions[1].logConfiguration.logDriver",
                                "Fargate does not support log driver 'json-file'. The supported log drivers are awslogs, splunk and awsfirelens."));
    }

    @Test
    void fargateTakesNoTmpfsAndAddsOnlySysPtrace() {
        LinuxParameters ptrace = LinuxParameters.builder()
                .capabilities(KernelCapabilities.builder()
                        .add(List.of("SYS_PTRACE"))
                        .drop(List.of("ALL"))
                        .build())
                .build();
        assertThat(validate(fargate(container("web").linuxParameters(ptrace)))).isEmpty();
        LinuxParameters more = LinuxParameters.builder()
                .capabilities(KernelCapabilities.builder()
                        .add(List.of("SYS_PTRACE", "NET_ADMIN"))
                        .build())
                .tmpfs(List.of(Tmpfs.builder().containerPath("/tmp").size(64).build()))
                .build();
        assertThat(validate(ec2(container("web").linuxParameters(more)))).isEmpty();
        assertThat(validate(fargate(container("web").linuxParameters(more))))
                .containsExactly(
                        client("containerDefinitions[0].linuxParameters.tmpfs", unsupported("linuxParameters.tmpfs")),
                        client(
                                "containerDefinitions[0].linuxParameters.capabilities.add[1]",
                                "Tasks using the Fargate launch type do not support adding capability 'NET_ADMIN'. The only capability that "
                                        + "can be added is 'SYS_PTRACE'."));
    }

    @Test
    void windowsOnFargateTakesNoLinuxParametersNorReadOnlyRoot() {
        LinuxParameters init =
                LinuxParameters.builder().initProcessEnabled(true).build();
        assertThat(validate(fargate(container("web").linuxParameters(init).readonlyRootFilesystem(true))))
                .isEmpty();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2022_CORE)
                        .containerDefinitions(List.of(
                                container("web").readonlyRootFilesystem(false).build()))))
                .isEmpty();
        assertThat(validate(windows(OSFamily.WINDOWS_SERVER_2022_CORE)
                        .containerDefinitions(List.of(container("web")
                                .linuxParameters(init)
                                .readonlyRootFilesystem(true)
                                .build()))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].linuxParameters",
                                "Fargate does not support linuxParameters for Windows containers."),
                        client(
                                "containerDefinitions[0].readonlyRootFilesystem",
                                "Fargate does not support readonlyRootFilesystem for Windows containers."));
    }

    @Test
    void ephemeralStorageIsBetween21And200GiB() {
        assertThat(validate(fargate(container("web"))
                        .ephemeralStorage(
                                EphemeralStorage.builder().sizeInGiB(21).build())))
                .isEmpty();
        assertThat(validate(fargate(container("web"))
                        .ephemeralStorage(
                                EphemeralStorage.builder().sizeInGiB(200).build())))
                .isEmpty();
        String message =
                "Invalid 'ephemeralStorage.sizeInGiB' setting for task. The minimum supported value is 21 GiB and the "
                        + "maximum 200 GiB.";
        assertThat(validate(fargate(container("web"))
                        .ephemeralStorage(
                                EphemeralStorage.builder().sizeInGiB(20).build())))
                .containsExactly(client("ephemeralStorage.sizeInGiB", message));
        assertThat(validate(fargate(container("web"))
                        .ephemeralStorage(
                                EphemeralStorage.builder().sizeInGiB(201).build())))
                .containsExactly(client("ephemeralStorage.sizeInGiB", message));
    }

    @Test
    void fargateStopsContainersWithin120Seconds() {
        assertThat(validate(fargate(container("web").stopTimeout(120)))).isEmpty();
        assertThat(validate(ec2(container("web").stopTimeout(600)))).isEmpty();
        assertThat(validate(fargate(container("web").stopTimeout(121))))
                .containsExactly(client(
                        "containerDefinitions[0].stopTimeout",
                        "Invalid 'stopTimeout' setting for container 'web'. The maximum on Fargate is 120 seconds."));
    }
}
