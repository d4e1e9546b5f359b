package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.client;
import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.fargate;
import static io.github.berth.core.validation.Fixtures.port;
import static io.github.berth.core.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.ContainerRestartPolicy;
import io.github.berth.core.model.EFSAuthorizationConfig;
import io.github.berth.core.model.EFSAuthorizationConfigIAM;
import io.github.berth.core.model.EFSTransitEncryption;
import io.github.berth.core.model.EFSVolumeConfiguration;
import io.github.berth.core.model.EnvironmentFile;
import io.github.berth.core.model.EnvironmentFileType;
import io.github.berth.core.model.FirelensConfiguration;
import io.github.berth.core.model.FirelensConfigurationType;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.InferenceAccelerator;
import io.github.berth.core.model.IpcMode;
import io.github.berth.core.model.KernelCapabilities;
import io.github.berth.core.model.LinuxParameters;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.SystemControl;
import io.github.berth.core.model.Volume;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules added by the sweep of the task definition parameters page and the API model:
 * docs/task-definitions.md#more-container-settings, #volumes, #roles, and the additions to #containers.
 * Each rule has a case ECS accepts and one it refuses.
 */
class ParameterSweepRulesTest {

    // ---------------------------------------------------------------- links, image, accelerators

    @Test
    void linksThatFormACycleAreRefused() {
        assertThat(validate(ec2(
                        container("a").links(List.of("b")), container("b").links(List.of("c:cache")), container("c"))))
                .isEmpty();
        assertThat(validate(
                        ec2(container("a").links(List.of("b")), container("b").links(List.of("a:alias")))))
                .containsExactly(client("containerDefinitions", "Container links should not have a cycle"));
        assertThat(validate(ec2(container("a").links(List.of("a")))))
                .containsExactly(client("containerDefinitions", "Container links should not have a cycle"));
    }

    @Test
    void theImageLimitOf255CountsOnlyWhatPrecedesADigest() {
        String digest = "@sha256:" + "0123456789abcdef".repeat(4);
        String repository = "r".repeat(255);
        assertThat(validate(ec2(container("web").image(repository + digest)))).isEmpty();
        assertThat(validate(ec2(container("web").image("r".repeat(256) + digest))))
                .containsExactly(client(
                        "containerDefinitions[0].image", "Container.image can not be longer than 255 characters."));
    }

    @Test
    void aDigestMustBeSha256With64HexadecimalCharacters() {
        assertThat(validate(ec2(container("web").image("nginx@sha256:" + "ABCDEF0123456789".repeat(4)))))
                .isEmpty();
        String expected =
                "Invalid 'image' setting for container 'web'. An image digest must be 'sha256:' followed by 64 "
                        + "hexadecimal characters.";
        assertThat(validate(ec2(container("web").image("nginx@sha256:" + "0".repeat(63)))))
                .containsExactly(client("containerDefinitions[0].image", expected));
        assertThat(validate(ec2(container("web").image("nginx@sha512:" + "0".repeat(64)))))
                .containsExactly(client("containerDefinitions[0].image", expected));
        assertThat(validate(ec2(container("web").image("nginx@sha256:" + "g".repeat(64)))))
                .containsExactly(client("containerDefinitions[0].image", expected));
    }

    private static ResourceRequirement accelerator(String device) {
        return ResourceRequirement.builder()
                .type(ResourceType.INFERENCE_ACCELERATOR)
                .value(device)
                .build();
    }

    private static InferenceAccelerator device(String name) {
        return InferenceAccelerator.builder()
                .deviceName(name)
                .deviceType("eia2.medium")
                .build();
    }

    @Test
    void inferenceAcceleratorsAndTheContainersThatUseThemNameEachOther() {
        assertThat(validate(ec2(container("web").resourceRequirements(List.of(accelerator("device_1"))))
                        .inferenceAccelerators(List.of(device("device_1")))))
                .isEmpty();
        assertThat(validate(ec2(container("web")).inferenceAccelerators(List.of(device("device_1")))))
                .containsExactly(client(
                        "inferenceAccelerators[0].deviceName",
                        "Inference accelerator 'device_1' is not referenced by the resourceRequirements of any container in the "
                                + "task definition."));
        assertThat(validate(ec2(container("web").resourceRequirements(List.of(accelerator("device_2"))))
                        .inferenceAccelerators(List.of(device("device_1")))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].resourceRequirements[0].value",
                                "Container 'web' requires inference accelerator 'device_2', which is not defined in the task definition."),
                        client(
                                "inferenceAccelerators[0].deviceName",
                                "Inference accelerator 'device_1' is not referenced by the resourceRequirements of any container in the "
                                        + "task definition."));
    }

    // ---------------------------------------------------------------- roles

    @Test
    void aRoleGivenAsAnArnMustBeAnIamRoleArn() {
        assertThat(validate(ec2(container("web"))
                        .taskRoleArn("arn:aws:iam::123456789012:role/service-role/app")
                        .executionRoleArn("arn:aws-cn:iam::123456789012:role/ecsTaskExecutionRole")))
                .isEmpty();
        assertThat(validate(ec2(container("web")).taskRoleArn("app-task-role"))).isEmpty(); // a short name
        assertThat(validate(ec2(container("web"))
                        .taskRoleArn("arn:aws:cloudformation:us-east-1:123456789012:stack/app/1a2b3c4d")
                        .executionRoleArn("arn:aws:ecs:us-east-1:123456789012:cluster/default")))
                .containsExactly(
                        client("taskRoleArn", "Role is not valid"), client("executionRoleArn", "Role is not valid"));
        assertThat(validate(ec2(container("web")).taskRoleArn("arn:aws:iam::12345:role/app")))
                .containsExactly(client("taskRoleArn", "Role is not valid"));
        assertThat(validate(ec2(container("web")).taskRoleArn("arn:aws:iam::123456789012:user/app")))
                .containsExactly(client("taskRoleArn", "Role is not valid"));
    }

    // ---------------------------------------------------------------- environment files

    private static EnvironmentFile envFile(String value) {
        return EnvironmentFile.builder()
                .type(EnvironmentFileType.S3)
                .value(value)
                .build();
    }

    @Test
    void tenEnvironmentFilesAreAllowedElevenAreNot() {
        List<EnvironmentFile> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(envFile("arn:aws:s3:::my-bucket/app/" + i + ".env"));
        }
        assertThat(validate(ec2(container("web").environmentFiles(ten)))).isEmpty();
        List<EnvironmentFile> eleven = new ArrayList<>(ten);
        eleven.add(envFile("arn:aws:s3:::my-bucket/app/10.env"));
        assertThat(validate(ec2(container("web").environmentFiles(eleven))))
                .containsExactly(client(
                        "containerDefinitions[0].environmentFiles",
                        "Too many environment files for container 'web'. The maximum is 10."));
    }

    @Test
    void anEnvironmentFileIsTheArnOfAnS3ObjectWithTheEnvExtension() {
        assertThat(validate(ec2(container("web").environmentFiles(List.of(envFile("arn:aws:s3:::bucket/.stg.env"))))))
                .isEmpty();
        assertThat(validate(ec2(container("web").environmentFiles(List.of(envFile("s3://bucket/app.env"))))))
                .containsExactly(client(
                        "containerDefinitions[0].environmentFiles[0].value",
                        "Invalid environment file 's3://bucket/app.env' for container 'web'. The value must be the ARN of an "
                                + "Amazon S3 object."));
        assertThat(validate(ec2(container("web").environmentFiles(List.of(envFile("arn:aws:s3:::bucket"))))))
                .containsExactly(client(
                        "containerDefinitions[0].environmentFiles[0].value",
                        "Invalid environment file 'arn:aws:s3:::bucket' for container 'web'. The value must be the ARN of an "
                                + "Amazon S3 object."));
        assertThat(validate(ec2(container("web").environmentFiles(List.of(envFile("arn:aws:s3:::bucket/app.txt"))))))
                .containsExactly(client(
                        "containerDefinitions[0].environmentFiles[0].value",
                        "Invalid environment file 'arn:aws:s3:::bucket/app.txt' for container 'web'. The file must have the .env "
                                + "file extension."));
    }

    // ---------------------------------------------------------------- port mapping names

    private static PortMapping named(int port, String name) {
        return PortMapping.builder().containerPort(port).name(name).build();
    }

    @Test
    void aPortMappingNameHasUpTo64LowerCaseLettersDigitsUnderscoresAndHyphens() {
        assertThat(validate(ec2(container("web")
                        .portMappings(List.of(named(80, "http-80_tcp"), named(81, "a".repeat(64)))))))
                .isEmpty();
        String tooLong = "a".repeat(65);
        for (String bad : List.of("-http", "Http", "http.80", "", tooLong)) {
            assertThat(validate(ec2(container("web").portMappings(List.of(named(80, bad))))))
                    .as(bad)
                    .containsExactly(client(
                            "containerDefinitions[0].portMappings[0].name",
                            "Invalid port mapping name '" + bad
                                    + "' for container 'web'. Up to 64 lowercase letters, numbers, "
                                    + "underscores and hyphens are allowed, and the name can't start with a hyphen."));
        }
    }

    // ---------------------------------------------------------------- restart policy, credential specs, swap

    @Test
    void theRestartPolicyTakes60To1800SecondsAndUpTo50ExitCodes() {
        ContainerRestartPolicy.Builder policy = ContainerRestartPolicy.builder().enabled(true);
        assertThat(validate(ec2(container("web")
                        .restartPolicy(policy.restartAttemptPeriod(60)
                                .ignoredExitCodes(Collections.nCopies(50, 1))
                                .build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web")
                        .restartPolicy(policy.restartAttemptPeriod(1800).build()))))
                .isEmpty();
        String period = "Invalid 'restartAttemptPeriod' setting for container 'web'. The minimum is 60 seconds and the "
                + "maximum 1800 seconds.";
        assertThat(validate(ec2(container("web")
                        .restartPolicy(ContainerRestartPolicy.builder()
                                .enabled(true)
                                .restartAttemptPeriod(59)
                                .build()))))
                .containsExactly(client("containerDefinitions[0].restartPolicy.restartAttemptPeriod", period));
        assertThat(validate(ec2(container("web")
                        .restartPolicy(ContainerRestartPolicy.builder()
                                .enabled(true)
                                .restartAttemptPeriod(1801)
                                .build()))))
                .containsExactly(client("containerDefinitions[0].restartPolicy.restartAttemptPeriod", period));
        assertThat(validate(ec2(container("web")
                        .restartPolicy(ContainerRestartPolicy.builder()
                                .enabled(true)
                                .ignoredExitCodes(Collections.nCopies(51, 1))
                                .build()))))
                .containsExactly(client(
                        "containerDefinitions[0].restartPolicy.ignoredExitCodes",
                        "Too many ignored exit codes in the restart policy of container 'web'. The maximum is 50."));
    }

    @Test
    void aContainerTakesOneCredentialSpecAtMost() {
        String spec = "credentialspecdomainless:arn:aws:ssm:us-east-1:123456789012:parameter/spec";
        assertThat(validate(ec2(container("web").credentialSpecs(List.of(spec)))))
                .isEmpty();
        assertThat(validate(ec2(container("web").credentialSpecs(List.of(spec, spec + "2")))))
                .containsExactly(client(
                        "containerDefinitions[0].credentialSpecs",
                        "Too many credential specs for container 'web'. The maximum is 1."));
    }

    @Test
    void maxSwapIsNotNegativeAndSwappinessIsFrom0To100() {
        assertThat(validate(ec2(container("web")
                        .linuxParameters(LinuxParameters.builder()
                                .maxSwap(0)
                                .swappiness(0)
                                .build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web")
                        .linuxParameters(LinuxParameters.builder()
                                .maxSwap(4096)
                                .swappiness(100)
                                .build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web")
                        .linuxParameters(LinuxParameters.builder()
                                .maxSwap(-1)
                                .swappiness(101)
                                .build()))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].linuxParameters.maxSwap",
                                "Invalid 'maxSwap' setting for container 'web'. Accepted values are 0 or any positive integer."),
                        client(
                                "containerDefinitions[0].linuxParameters.swappiness",
                                "Invalid 'swappiness' setting for container 'web'. Accepted values are whole numbers between 0 and 100."));
        assertThat(validate(ec2(container("web")
                        .linuxParameters(LinuxParameters.builder()
                                .maxSwap(10)
                                .swappiness(-1)
                                .build()))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].linuxParameters.swappiness",
                                "Invalid 'swappiness' setting for container 'web'. Accepted values are whole numbers between 0 and 100."));
    }

    // ---------------------------------------------------------------- system controls

    private static SystemControl sysctl(String namespace) {
        return SystemControl.builder().namespace(namespace).value("1").build();
    }

    @Test
    void systemControlsAreTheDocumentedIpcAndNetworkParameters() {
        assertThat(validate(ec2(container("web")
                        .systemControls(List.of(
                                sysctl("net.ipv4.tcp_keepalive_time"),
                                sysctl("kernel.shmmax"),
                                sysctl("fs.mqueue.msg_max"))))))
                .isEmpty();
        assertThat(validate(ec2(container("web").systemControls(List.of(sysctl("vm.swappiness"))))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].systemControls[0].namespace",
                                "System control 'vm.swappiness' of container 'web' is not a supported namespaced kernel parameter."));
        assertThat(validate(ec2(container("web").systemControls(List.of(sysctl("kernel.pid_max"))))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].systemControls[0].namespace",
                                "System control 'kernel.pid_max' of container 'web' is not a supported namespaced kernel parameter."));
    }

    @Test
    void networkSystemControlsAreRefusedInHostModeAndIpcOnesWithTheHostIpcMode() {
        assertThat(validate(ec2(container("web").systemControls(List.of(sysctl("net.core.somaxconn"))))
                        .networkMode(NetworkMode.AWSVPC)))
                .isEmpty();
        assertThat(validate(ec2(container("web").systemControls(List.of(sysctl("kernel.shmmax"))))
                        .networkMode(NetworkMode.HOST)
                        .ipcMode(IpcMode.TASK)))
                .isEmpty();
        assertThat(validate(ec2(container("web").systemControls(List.of(sysctl("net.core.somaxconn"))))
                        .networkMode(NetworkMode.HOST)))
                .containsExactly(
                        client(
                                "containerDefinitions[0].systemControls[0].namespace",
                                "System control 'net.core.somaxconn' of container 'web' is not supported when networkMode=host."));
        assertThat(validate(ec2(container("web").systemControls(List.of(sysctl("kernel.shmmax"))))
                        .ipcMode(IpcMode.HOST)))
                .containsExactly(client(
                        "containerDefinitions[0].systemControls[0].namespace",
                        "System control 'kernel.shmmax' of container 'web' is not supported when ipcMode=host."));
    }

    // ---------------------------------------------------------------- Fargate timeouts

    @Test
    void onFargateStartAndStopTimeoutsAreFrom2To120Seconds() {
        assertThat(validate(fargate(container("web").startTimeout(2).stopTimeout(2))))
                .isEmpty();
        assertThat(validate(fargate(container("web").startTimeout(120).stopTimeout(120))))
                .isEmpty();
        assertThat(validate(ec2(container("web").startTimeout(1).stopTimeout(1))))
                .isEmpty(); // EC2: no documented bound
        assertThat(validate(fargate(container("web").startTimeout(1).stopTimeout(1))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].stopTimeout",
                                "Invalid 'stopTimeout' setting for container 'web'. The valid values on Fargate are 2 to 120 seconds."),
                        client(
                                "containerDefinitions[0].startTimeout",
                                "Invalid 'startTimeout' setting for container 'web'. The valid values on Fargate are 2 to 120 seconds."));
        assertThat(validate(fargate(container("web").startTimeout(121))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].startTimeout",
                                "Invalid 'startTimeout' setting for container 'web'. The valid values on Fargate are 2 to 120 seconds."));
    }

    // ---------------------------------------------------------------- awslogs

    @Test
    void awslogsTakesADatetimeFormatOrAMultilinePatternNotBoth() {
        Map<String, String> base = Map.of(
                "awslogs-group", "/ecs/app", "awslogs-region", "us-east-1", "awslogs-datetime-format", "%Y-%m-%d");
        LogConfiguration one = LogConfiguration.builder()
                .logDriver(LogDriver.AWSLOGS)
                .options(base)
                .build();
        assertThat(validate(ec2(container("web").logConfiguration(one)))).isEmpty();
        Map<String, String> both = new java.util.HashMap<>(base);
        both.put("awslogs-multiline-pattern", "^INFO");
        LogConfiguration two = LogConfiguration.builder()
                .logDriver(LogDriver.AWSLOGS)
                .options(both)
                .build();
        assertThat(validate(ec2(container("web").logConfiguration(two))))
                .containsExactly(client(
                        "containerDefinitions[0].logConfiguration.options",
                        "Log driver awslogs options 'awslogs-datetime-format' and 'awslogs-multiline-pattern' can't be used "
                                + "together."));
    }

    // ---------------------------------------------------------------- volumes

    @Test
    void aVolumeNameHasUpTo255LettersDigitsUnderscoresAndHyphens() {
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(
                                Volume.builder().name("data_1-A").build(),
                                Volume.builder().name("v".repeat(255)).build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder().name("my data").build()))))
                .containsExactly(client("volumes[0].name", "Volume.name contains invalid characters."));
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder().name("v".repeat(256)).build()))))
                .containsExactly(client("volumes[0].name", "Volume.name can not be longer than 255 characters."));
    }

    private static EFSVolumeConfiguration.Builder efs() {
        return EFSVolumeConfiguration.builder().fileSystemId("fs-12345678");
    }

    @Test
    void anEfsVolumeNeedsAName() {
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder()
                                .name("efs")
                                .efsVolumeConfiguration(efs().build())
                                .build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder()
                                .efsVolumeConfiguration(efs().build())
                                .build()))))
                .containsExactly(client("volumes[0].name", "Volume.name should not be null or empty."));
    }

    @Test
    void onlyOneVolumeIsConfiguredAtLaunch() {
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(
                                Volume.builder()
                                        .name("a")
                                        .configuredAtLaunch(true)
                                        .build(),
                                Volume.builder()
                                        .name("b")
                                        .configuredAtLaunch(false)
                                        .build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(
                                Volume.builder()
                                        .name("a")
                                        .configuredAtLaunch(true)
                                        .build(),
                                Volume.builder()
                                        .name("b")
                                        .configuredAtLaunch(true)
                                        .build()))))
                .containsExactly(client(
                        "volumes[1].configuredAtLaunch",
                        "Only one volume can be configured at launch in a task definition."));
    }

    @Test
    void anEfsAccessPointTakesTheRootDirectorySlashOrNoneAndTransitEncryption() {
        EFSAuthorizationConfig accessPoint = EFSAuthorizationConfig.builder()
                .accessPointId("fsap-1234567890abcdef0")
                .build();
        for (String root : new String[] {null, "/"}) {
            assertThat(validate(ec2(container("web"))
                            .volumes(List.of(Volume.builder()
                                    .name("efs")
                                    .efsVolumeConfiguration(efs().rootDirectory(root)
                                            .transitEncryption(EFSTransitEncryption.ENABLED)
                                            .authorizationConfig(accessPoint)
                                            .build())
                                    .build()))))
                    .isEmpty();
        }
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder()
                                .name("efs")
                                .efsVolumeConfiguration(efs().rootDirectory("/data")
                                        .transitEncryption(EFSTransitEncryption.ENABLED)
                                        .authorizationConfig(accessPoint)
                                        .build())
                                .build()))))
                .containsExactly(
                        client(
                                "volumes[0].efsVolumeConfiguration.rootDirectory",
                                "When using an EFS access point, the root directory must either be set to \"/\" or be omitted."));
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder()
                                .name("efs")
                                .efsVolumeConfiguration(
                                        efs().authorizationConfig(accessPoint).build())
                                .build()))))
                .containsExactly(
                        client(
                                "volumes[0].efsVolumeConfiguration.transitEncryption",
                                "Transit encryption must be enabled when an EFS volume uses an access point or IAM authorization."));
    }

    @Test
    void efsIamAuthorizationNeedsTransitEncryption() {
        EFSAuthorizationConfig iam = EFSAuthorizationConfig.builder()
                .iam(EFSAuthorizationConfigIAM.ENABLED)
                .build();
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder()
                                .name("efs")
                                .efsVolumeConfiguration(efs().rootDirectory("/data")
                                        .transitEncryption(EFSTransitEncryption.ENABLED)
                                        .authorizationConfig(iam)
                                        .build())
                                .build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web"))
                        .volumes(List.of(Volume.builder()
                                .name("efs")
                                .efsVolumeConfiguration(efs().transitEncryption(EFSTransitEncryption.DISABLED)
                                        .authorizationConfig(iam)
                                        .build())
                                .build()))))
                .containsExactly(
                        client(
                                "volumes[0].efsVolumeConfiguration.transitEncryption",
                                "Transit encryption must be enabled when an EFS volume uses an access point or IAM authorization."));
    }

    @Test
    void portMappingsWithNamesStillPassThePortRules() {
        assertThat(validate(ec2(container("web").portMappings(List.of(port(80), named(81, "web"))))))
                .isEmpty();
    }

    // ---------------------------------------------------------------- health check, security options, capabilities

    private static HealthCheck check(String... command) {
        return HealthCheck.builder().command(List.of(command)).build();
    }

    @Test
    void aHealthCheckCommandStartsWithCmdOrCmdShell() {
        assertThat(validate(ec2(container("web").healthCheck(check("CMD", "/bin/health")))))
                .isEmpty();
        assertThat(validate(ec2(container("web").healthCheck(check("CMD-SHELL", "curl -f localhost || exit 1")))))
                .isEmpty();
        for (HealthCheck bad : List.of(check("curl", "-f", "localhost"), check("NONE"), check())) {
            assertThat(validate(ec2(container("web").healthCheck(bad))))
                    .as(bad.toString())
                    .containsExactly(
                            client(
                                    "containerDefinitions[0].healthCheck.command",
                                    "Invalid 'healthCheck.command' setting for container 'web'. The command must start with CMD or CMD-SHELL."));
        }
    }

    @Test
    void dockerSecurityOptionsTakeTheirFourDocumentedForms() {
        assertThat(validate(ec2(container("web")
                        .dockerSecurityOptions(List.of(
                                "no-new-privileges",
                                "apparmor:docker-default",
                                "label:type:container_t",
                                "credentialspec:file://gmsa.json")))))
                .isEmpty();
        assertThat(validate(ec2(
                        container("web").dockerSecurityOptions(List.of("no-new-privileges", "seccomp:unconfined")))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].dockerSecurityOptions[1]",
                                "Invalid docker security option 'seccomp:unconfined' for container 'web'. Valid values are "
                                        + "no-new-privileges, apparmor:PROFILE, label:value and credentialspec:CredentialSpecFilePath."));
        assertThat(validate(ec2(container("web").dockerSecurityOptions(List.of("apparmor:")))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].dockerSecurityOptions[0]",
                                "Invalid docker security option 'apparmor:' for container 'web'. Valid values are "
                                        + "no-new-privileges, apparmor:PROFILE, label:value and credentialspec:CredentialSpecFilePath."));
    }

    private static LinuxParameters capabilities(List<String> add, List<String> drop) {
        return LinuxParameters.builder()
                .capabilities(KernelCapabilities.builder().add(add).drop(drop).build())
                .build();
    }

    @Test
    void kernelCapabilitiesAreTheDocumentedNames() {
        assertThat(validate(ec2(container("web")
                        .linuxParameters(capabilities(List.of("NET_ADMIN", "CAP_SYS_TIME"), List.of("ALL"))))))
                .isEmpty();
        assertThat(validate(ec2(
                        container("web").linuxParameters(capabilities(List.of("NET_ADMINS"), List.of("cap_chown"))))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].linuxParameters.capabilities.add[0]",
                                "Invalid kernel capability 'NET_ADMINS' for container 'web'."),
                        client(
                                "containerDefinitions[0].linuxParameters.capabilities.drop[0]",
                                "Invalid kernel capability 'cap_chown' for container 'web'."));
    }

    @Test
    void onFargateFireLensTakesItsConfigurationFromAFileNotS3() {
        LogConfiguration toFirelens =
                LogConfiguration.builder().logDriver(LogDriver.AWSFIRELENS).build();
        FirelensConfiguration.Builder router =
                FirelensConfiguration.builder().type(FirelensConfigurationType.FLUENTBIT);
        FirelensConfiguration s3 = router.options(
                        Map.of("config-file-type", "s3", "config-file-value", "arn:aws:s3:::bucket/fluent.conf"))
                .build();
        FirelensConfiguration file = FirelensConfiguration.builder()
                .type(FirelensConfigurationType.FLUENTBIT)
                .options(Map.of("config-file-type", "file", "config-file-value", "/fluent-bit/etc/extra.conf"))
                .build();
        assertThat(validate(fargate(
                        container("log-router").firelensConfiguration(file),
                        container("app").logConfiguration(toFirelens))))
                .isEmpty();
        assertThat(validate(ec2(
                        container("log-router").firelensConfiguration(s3),
                        container("app").logConfiguration(toFirelens))))
                .isEmpty();
        assertThat(validate(fargate(
                        container("log-router").firelensConfiguration(s3),
                        container("app").logConfiguration(toFirelens))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].firelensConfiguration.options.config-file-type",
                                "Tasks using the Fargate launch type only support the file configuration file type for FireLens."));
    }
}
