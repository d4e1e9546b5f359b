package io.github.berth.core.validation;

/**
 * Every message the task definition rules give, in one place. Texts marked [obs] are ECS's own
 * words, seen in real API output (sources in docs/task-definitions.md, or
 * cited here). Texts marked [model] are Berth's: ECS publishes nothing for that case, so the text is
 * written in ECS's style and may differ from what ECS says.
 */
final class TaskDefinitionMessages {

    private TaskDefinitionMessages() {}

    // ----- family (docs/task-definitions.md#family-and-revision)

    /** [obs] aws-actions/amazon-ecs-deploy-task-definition#630. */
    static final String FAMILY_BLANK = "Family can not be blank.";
    /** [obs] aws/amazon-ecs-cli#37, #542. */
    static final String FAMILY_INVALID_CHARACTERS = "Family contains invalid characters.";
    /** [model] the documented limit of 255 characters; ECS's text for it is not known. */
    static final String FAMILY_TOO_LONG = "Family can not be longer than 255 characters.";

    // ----- containers (docs/task-definitions.md#containers)

    /** [obs] awsdocs/aws-cloudformation-user-guide#454. */
    static final String CONTAINER_LIST_EMPTY = "Container list cannot be empty.";
    /** [obs] aws/amazon-ecs-cli#184. */
    static final String TOO_MANY_CONTAINERS = "Too many containers.";
    /** [obs] hashicorp/terraform#2888. */
    static final String CONTAINER_NAME_BLANK = "Container.name should not be null or empty.";
    /** [obs] hashicorp/terraform-provider-aws#5950, ansible/ansible#22860. */
    static final String CONTAINER_NAME_INVALID_CHARACTERS = "Container.name contains invalid characters.";
    /** [model] the documented limit of 255 characters. */
    static final String CONTAINER_NAME_TOO_LONG = "Container.name can not be longer than 255 characters.";
    /** [obs] Shippable/support#2946. */
    static final String CONTAINER_NAMES_NOT_UNIQUE = "Container names must be unique within a Task Definition.";
    /** [obs] docs/task-definitions.md#containers. */
    static final String CONTAINER_IMAGE_BLANK = "Container.image should not be null or empty.";
    /** [model] the documented limit of 255 characters for an image reference. */
    static final String CONTAINER_IMAGE_TOO_LONG = "Container.image can not be longer than 255 characters.";
    /** [obs, weak] quoted in aws-cloudformation/cfn-lint#4536. */
    static final String NO_ESSENTIAL_CONTAINER = "Task definition doesn't have any essential container.";
    /** [obs] boto/boto3#2436, klothoplatform/klotho#892 (ECS writes no final period). */
    static final String DEPENDENCY_ON_ESSENTIAL =
            "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container";

    /**
     * [obs] dagster-io/dagster#6926: a dependsOn entry naming a container the task definition does not
     * have. ECS's text carries the stray {@code +} and no final period.
     */
    static String unknownDependency(String dependency) {
        return "Cannot depend on container + '" + dependency + "' because it does not exist";
    }

    /** [obs] ansible/ansible#35751, blinkist/terraform-aws-airship-ecs-service#46: a mount point naming no volume of the task. */
    static String unknownVolume(String volume) {
        return "Unknown volume '" + volume + "'.";
    }

    /** [model] a volumesFrom entry naming a container the task definition does not have. */
    static String unknownVolumesFromContainer(String source, String container) {
        return "Container '" + container + "' mounts volumes from container '" + source
                + "', which is not defined in the task definition.";
    }

    /** [model] API ProxyConfiguration.containerName: "The name of the container that will serve as the App Mesh proxy". */
    static String unknownProxyContainer(String container) {
        return "The proxy configuration names container '" + container
                + "', which is not defined in the task definition.";
    }

    /** [model] a links entry ({@code name} or {@code name:alias}) naming a container the task definition does not have. */
    static String unknownLink(String link, String container) {
        return "Container '" + container + "' links to container '" + link
                + "', which is not defined in the task definition.";
    }

    /**
     * [obs] for retries above 10 (PostHog/posthog#8647); [model] for the other bounds of
     * {@code HealthCheck} (API model: interval 5-300, timeout 2-60, retries 1-10, startPeriod 0-300),
     * worded the same way.
     */
    static String healthCheckAbove(String setting, int max, String container) {
        return "Health check " + setting + " must be less than or equal to the maximum allowed value " + max
                + " for container '" + container + "'";
    }

    /** [model] the lower bounds, by analogy with {@link #healthCheckAbove}. */
    static String healthCheckBelow(String setting, int min, String container) {
        return "Health check " + setting + " must be greater than or equal to the minimum allowed value " + min
                + " for container '" + container + "'";
    }

    /** [obs] fabfuel/ecs-deploy#87 (any launch type: the text names none). */
    static final String SECRETS_NEED_EXECUTION_ROLE =
            "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.";
    /** [obs] sil-org/ecs-deploy#188. */
    static final String PRIVATE_REGISTRY_NEEDS_EXECUTION_ROLE =
            "Private repository authentication requires that the task definition specify a value for executionRoleArn.";

    // ----- log configuration

    /** [obs] fabfuel/ecs-deploy#164, turnerlabs/fargate#60. */
    static final String FIRELENS_DRIVER_WITHOUT_ROUTER =
            "When awsfirelens log driver is specified in log configuration, "
                    + "a firelens configuration object must be configured in one of the containers.";
    /** [obs] aws/amazon-cloudwatch-logs-for-fluent-bit#20, cloudposse/terraform-aws-ecs-container-definition#47. */
    static final String FIRELENS_ROUTER_WITHOUT_DRIVER = "When a firelensConfiguration object is specified, "
            + "at least one container has to be configured with the awsfirelens log driver.";
    /** [obs] terraform-linters/tflint-ruleset-aws#348. */
    static final String AWSLOGS_CREATE_GROUP_NOT_TRUE =
            "Log driver awslogs option 'awslogs-create-group' should only be set to 'true', else omit option.";

    /** [obs] aws-samples/amazon-ecs-firelens-examples#83 (one option); [model] several joined by ", ". */
    static String awslogsDisallows(String options) {
        return "Log driver awslogs disallows options: " + options;
    }

    /** [model] the API model documents awslogs-group and awslogs-region as "Required: Yes"; ECS's text is not known. */
    static String awslogsRequires(String options) {
        return "Log driver awslogs requires options: " + options;
    }

    /** [obs] aws/aws-cdk#1422. */
    static final String FARGATE_AWSLOGS_STREAM_PREFIX =
            "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.";

    /** [model] API LogConfiguration.logDriver: on Fargate only awslogs, splunk and awsfirelens. */
    static String fargateLogDriver(String driver) {
        return "Fargate does not support log driver '" + driver
                + "'. The supported log drivers are awslogs, splunk and " + "awsfirelens.";
    }

    /** [model] API ContainerDefinition.stopTimeout: "For tasks that use the Fargate launch type, the max stop timeout value is 120 seconds". */
    static String fargateStopTimeout(String container) {
        return "Invalid 'stopTimeout' setting for container '" + container
                + "'. The maximum on Fargate is 120 seconds.";
    }

    /** [model] API EphemeralStorage.sizeInGiB: 21 to 200 GiB. */
    static final String EPHEMERAL_STORAGE_SIZE =
            "Invalid 'ephemeralStorage.sizeInGiB' setting for task. The minimum supported value is 21 GiB and the maximum "
                    + "200 GiB.";

    /** [model] Fargate: the only capability that can be added is CAP_SYS_PTRACE (DG fargate-tasks-services). */
    static String fargateCapability(String capability) {
        return "Tasks using the Fargate launch type do not support adding capability '" + capability
                + "'. The only capability that can be added is 'SYS_PTRACE'.";
    }

    // ----- task size (docs/task-definitions.md#task-cpu-and-memory, docs/task-definitions.md#fargate-sizes)

    /** [obs] DG task-cpu-memory-error. */
    static final String INVALID_TASK_CPU = "Invalid 'cpu' setting for task.";
    /** [model] by analogy with the cpu text. */
    static final String INVALID_TASK_MEMORY = "Invalid 'memory' setting for task.";
    /** [obs] mongodb/terraform-aws-ecs-task-definition#38. */
    static final String FARGATE_REQUIRES_CPU = "Fargate requires that 'cpu' be defined at the task level.";
    /** [obs] hackoregon/civic-devops#246. */
    static final String FARGATE_REQUIRES_MEMORY = "Fargate requires that 'memory' be defined at the task level.";

    /** [obs] towardsthecloud/aws-cdk-examples#1 (the current wording, with the values). */
    static String noFargateConfiguration(int cpu, int memory) {
        return "No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                + " memory. See the Amazon ECS documentation for the valid values.";
    }

    // ----- container cpu and memory (docs/task-definitions.md#container-cpu-and-memory)

    /** [obs] aws/aws-cli#4453, sil-org/ecs-deploy#59. */
    static String memoryOrReservationRequired(String container) {
        return "Invalid setting for container '" + container
                + "'. At least one of 'memory' or 'memoryReservation' must be specified.";
    }

    /** [obs] pulumi/pulumi-awsx#188. */
    static String containerMemoryAboveTask(String container) {
        return "The 'memory' setting for container '" + container + "' is greater than for the task.";
    }

    /** [obs] cloudnativedaysjp/dreamkast-infra#4766. */
    static final String RESERVATIONS_ABOVE_TASK_MEMORY =
            "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.";
    /** [obs] klothoplatform/klotho#892. */
    static final String CONTAINER_CPU_ABOVE_TASK_CPU =
            "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.";

    /** [model] the documented rule (memory at least memoryReservation); ECS's text is not known. */
    /**
     * [model] A negative container {@code cpu}, {@code memory} or {@code memoryReservation}: ECS's text
     * for it is not published; worded like its "Invalid 'cpu' setting for task.".
     */
    static String invalidContainerSetting(String setting, String container) {
        return "Invalid '" + setting + "' setting for container '" + container + "'.";
    }

    static String reservationAboveMemory(String container) {
        return "The 'memoryReservation' setting for container '" + container
                + "' is greater than its 'memory' setting.";
    }

    // ----- network mode (docs/task-definitions.md#network-modes, docs/task-definitions.md#port-mappings)

    /** [obs] aws/amazon-ecs-cli#1145; ECS writes curly quotes here. */
    static final String FARGATE_ONLY_AWSVPC = "Fargate only supports network mode \u2018awsvpc\u2019.";
    /** [model] ECS Anywhere documents bridge, host and none only. */
    static final String EXTERNAL_NO_AWSVPC = "The EXTERNAL launch type does not support network mode 'awsvpc'.";

    /** [model] Windows containers take the default mode (omitted) or awsvpc. */
    static String windowsNetworkMode(String mode) {
        return "Network mode '" + mode + "' is not supported for Windows containers. Use 'awsvpc' or omit networkMode.";
    }

    /** [obs] for awsvpc (aws-observability/aws-otel-collector#1359); [model] for host and none. */
    static String linksNotSupported(String mode) {
        return "Links are not supported when networkMode=" + mode + ".";
    }

    /** [model] links are documented as unsupported for Windows containers. */
    static final String LINKS_NOT_SUPPORTED_WINDOWS = "Links are not supported for Windows containers.";
    /** [obs] labd/ecs-deplojo#26. */
    static final String HOSTNAME_AWSVPC = "hostname is not supported on container when networkMode=awsvpc.";
    /**
     * [model] API ContainerDefinition.extraHosts: "isn't supported for ... tasks that use the awsvpc network
     * mode"; worded like the observed hostname text.
     */
    static final String EXTRA_HOSTS_AWSVPC = "extraHosts is not supported on container when networkMode=awsvpc.";

    // ----- port mappings (docs/placement.md#host-ports, docs/task-definitions.md#port-mappings,
    // docs/task-definitions.md#port-ranges)

    /** [obs] for awsvpc (aws/amazon-ecs-cli#1014); [model] for host, by analogy. */
    static String hostPortMustMatch(String mode) {
        return "When networkMode=" + mode + ", the host ports and container ports in port mappings must match.";
    }

    /** [model] the API documents that none mode takes no port mappings. */
    static final String NO_PORT_MAPPINGS_IN_NONE = "Port mappings are not supported when networkMode=none.";

    /** [obs] aws/aws-cli#7288, aws/aws-cdk#8762. */
    static String invalidContainerPort(String container) {
        return "Invalid 'containerPort' setting for container '" + container + "'.";
    }

    /** [model] by analogy with the containerPort text. */
    static String invalidHostPort(String container) {
        return "Invalid 'hostPort' setting for container '" + container + "'.";
    }

    /** [obs] for TCP (aws/amazon-ecs-agent#1220); [model] for UDP, by analogy. */
    static String hostPortMappedTwice(String protocol, int port) {
        return protocol + " host port '" + port + "' is mapped multiple times in task.";
    }

    /** [model] the range rules of PortMapping.containerPortRange. */
    static String invalidContainerPortRange(String container) {
        return "Invalid 'containerPortRange' setting for container '" + container
                + "'. Specify 'first-last' with 1 <= first < last <= 65535.";
    }

    /** [model] a mapping gives either containerPort or containerPortRange. */
    static String portAndRange(String container) {
        return "Specify either 'containerPort' or 'containerPortRange' in a port mapping of container '" + container
                + "', not both.";
    }

    /** [model] the host port range is set by ECS, never by the user. */
    static String hostPortWithRange(String container) {
        return "The 'hostPort' setting can't be specified with 'containerPortRange' for container '" + container + "'.";
    }

    /** [model] ranges are documented for bridge and awsvpc only. */
    static String rangesNotSupported(String mode) {
        return "Container port ranges are not supported when networkMode=" + mode + ".";
    }

    /** [model] at most 100 ranges per container are documented. */
    static String tooManyPortRanges(String container) {
        return "Too many port ranges for container '" + container + "'. The maximum is 100.";
    }

    /**
     * [model] on registration; the same words are ECS's CreateService text for a repeated container port
     * (terraform-aws-modules/terraform-aws-ecs#89), used here for ranges that overlap.
     */
    static String portInTwoMappings(int port, String container) {
        return "Container port " + port + " is used in more than one port mapping for container " + container;
    }

    // ----- Fargate-only rejections (docs/task-definitions.md#fargate-restrictions)

    /** [obs] cn-terraform/terraform-aws-ecs-fargate#2. */
    static final String FARGATE_NO_IPC_MODE = "Tasks using the Fargate launch type do not support ipcMode.";

    /** [obs] aws/aws-cdk#29619. */
    static String fargatePidMode(String mode) {
        return "Tasks using the Fargate launch type do not support pidMode '" + mode
                + "'. The supported value for pidMode is 'task'.";
    }

    /**
     * [model] a setting documented as not valid on Fargate (docs/task-definitions.md#fargate-restrictions; API {@code ContainerDefinition},
     * {@code LinuxParameters}) whose refusal ECS words in no published text; written like the observed
     * ipcMode text.
     *
     * @param setting the member as the task definition names it, e.g. {@code privileged} or
     *     {@code linuxParameters.maxSwap}
     */
    static String fargateUnsupported(String setting) {
        return "Tasks using the Fargate launch type do not support " + setting + ".";
    }

    /** [obs, weak] docs/placement.md#fargate-and-placement (a comment in public Terraform code). */
    static final String FARGATE_NO_PLACEMENT_CONSTRAINTS = "Fargate does not support task placement constraints.";

    /** [obs] docs/task-definitions.md#fargate-restrictions. */
    static final String FARGATE_HOST_SOURCE_PATH = "host.sourcePath should not be set for volumes in Fargate.";
    /** [obs] virtual-kubelet/virtual-kubelet#193. */
    static final String FARGATE_AWSLOGS_NEEDS_ROLE =
            "Fargate requires task definition to have execution role ARN to support log driver awslogs.";
    /** [obs] hashicorp/terraform-provider-aws#3051. */
    static final String FARGATE_ECR_NEEDS_ROLE =
            "Fargate requires task definition to have execution role ARN to support ECR images.";

    // ----- Windows on Fargate (docs/task-definitions.md#fargate-sizes) [model]: restrictions documented, texts not
    // known

    static String fargateWindowsArchitecture(String architecture) {
        return "Fargate does not support CPU architecture '" + architecture + "' for Windows containers.";
    }

    static String fargateWindowsFamily(String family) {
        return "Fargate does not support operating system family '" + family + "'.";
    }

    static final String FARGATE_WINDOWS_EPHEMERAL_STORAGE =
            "Fargate does not support ephemeralStorage for Windows containers.";
    static final String FARGATE_WINDOWS_EFS = "Fargate does not support EFS volumes for Windows containers.";

    static final String FARGATE_WINDOWS_SYSTEM_CONTROLS =
            "Fargate does not support systemControls for Windows containers.";
    static final String FARGATE_WINDOWS_LINUX_PARAMETERS =
            "Fargate does not support linuxParameters for Windows containers.";
    static final String FARGATE_WINDOWS_READONLY_ROOT =
            "Fargate does not support readonlyRootFilesystem for Windows containers.";

    static String fargateWindowsReservedPort(int port) {
        return "Container port " + port + " is reserved on Fargate for Windows containers.";
    }

    // ----- quotas (docs/task-definitions.md#quotas, docs/placement.md#constraints)

    /** [obs] awsdocs/amazon-ecs-developer-guide#149. */
    static String tooLarge(int length) {
        return "Actual length: '" + length + "'. Max allowed length is '65536' bytes.";
    }

    /** [obs] aws-samples/aws-cdk-examples#628. */
    static final String DISTINCT_INSTANCE_NOT_SUPPORTED = "constraint.type 'distinctInstance' is not supported.";
    /** [model] the documented maximum of 10 constraints per task. */
    static final String TOO_MANY_PLACEMENT_CONSTRAINTS = "Too many placement constraints. The maximum is 10.";
    /** [model] the documented maximum expression length. */
    static final String EXPRESSION_TOO_LONG =
            "The expression of a placement constraint can't be longer than 2000 characters.";

    /** [model] tag keys are documented as unique per resource. */
    static String duplicateTagKey(String key) {
        return "Tag key '" + key + "' is specified more than once.";
    }

    /** [model] the documented reserved prefix. */
    static final String RESERVED_TAG_PREFIX =
            "Tag keys and values can't start with the prefix 'aws:', which is reserved for AWS use.";

    // ----- the sweep of the task definition parameters (docs/task-definitions.md#more-container-settings,
    // docs/task-definitions.md#volumes, docs/task-definitions.md#roles)

    /** [obs] Shippable/support#4194 (ECS writes no final period). */
    static final String LINKS_CYCLE = "Container links should not have a cycle";

    /**
     * [model] API ContainerDefinition.image: "The only supported hash function is sha256, and the hash value
     * after sha256: must be exactly 64 characters"; ECS's text is not known.
     */
    static String invalidImageDigest(String container) {
        return "Invalid 'image' setting for container '" + container
                + "'. An image digest must be 'sha256:' followed by 64 hexadecimal characters.";
    }

    /** [obs] aws-samples/aws-modern-application-workshop#9: a role ARN that is not an IAM role's (no final period). */
    static final String ROLE_NOT_VALID = "Role is not valid";

    /** [model] API ContainerDefinition.environmentFiles: "You can specify up to ten environment files". */
    static String tooManyEnvironmentFiles(String container) {
        return "Too many environment files for container '" + container + "'. The maximum is 10.";
    }

    /** [model] API EnvironmentFile.value: "The Amazon Resource Name (ARN) of the Amazon S3 object". */
    static String environmentFileNotS3Arn(String value, String container) {
        return "Invalid environment file '" + value + "' for container '" + container
                + "'. The value must be the ARN of an Amazon S3 object.";
    }

    /** [model] API ContainerDefinition.environmentFiles: "The file must have a .env file extension". */
    static String environmentFileExtension(String value, String container) {
        return "Invalid environment file '" + value + "' for container '" + container
                + "'. The file must have the .env file extension.";
    }

    /** [model] API PortMapping.name: up to 64 lower case letters, numbers, '_' and '-', not starting with '-'. */
    static String invalidPortMappingName(String name, String container) {
        return "Invalid port mapping name '" + name + "' for container '" + container
                + "'. Up to 64 lowercase letters, "
                + "numbers, underscores and hyphens are allowed, and the name can't start with a hyphen.";
    }

    /** [model] API ContainerRestartPolicy.ignoredExitCodes: "a maximum of 50 container exit codes". */
    static String tooManyIgnoredExitCodes(String container) {
        return "Too many ignored exit codes in the restart policy of container '" + container + "'. The maximum is 50.";
    }

    /** [model] API ContainerRestartPolicy.restartAttemptPeriod: 60 to 1800 seconds. */
    static String invalidRestartAttemptPeriod(String container) {
        return "Invalid 'restartAttemptPeriod' setting for container '" + container
                + "'. The minimum is 60 seconds and the maximum 1800 seconds.";
    }

    /** [model] API ContainerDefinition.credentialSpecs: "The maximum number of ARNs is 1". */
    static String tooManyCredentialSpecs(String container) {
        return "Too many credential specs for container '" + container + "'. The maximum is 1.";
    }

    /** [model] API LinuxParameters.maxSwap: "Accepted values are 0 or any positive integer". */
    static String invalidMaxSwap(String container) {
        return "Invalid 'maxSwap' setting for container '" + container
                + "'. Accepted values are 0 or any positive integer.";
    }

    /** [model] API LinuxParameters.swappiness: "Accepted values are whole numbers between 0 and 100". */
    static String invalidSwappiness(String container) {
        return "Invalid 'swappiness' setting for container '" + container
                + "'. Accepted values are whole numbers between 0 and 100.";
    }

    /** [model] API SystemControl.value: the IPC and network namespace parameters that are valid. */
    static String unsupportedSystemControl(String namespace, String container) {
        return "System control '" + namespace + "' of container '" + container
                + "' is not a supported namespaced kernel parameter.";
    }

    /**
     * [model] a system control of a namespace the task shares with the host: network ones with
     * networkMode=host, IPC ones with ipcMode=host (API SystemControl, RegisterTaskDefinitionRequest.ipcMode).
     */
    static String systemControlWithHostNamespace(String namespace, String container, String setting) {
        return "System control '" + namespace + "' of container '" + container + "' is not supported when " + setting
                + "=host.";
    }

    /** [model] API ContainerDefinition.startTimeout and .stopTimeout: "The valid values for Fargate are 2-120 seconds". */
    static String fargateTimeout(String setting, String container) {
        return "Invalid '" + setting + "' setting for container '" + container
                + "'. The valid values on Fargate are 2 to 120 seconds.";
    }

    /** [model] API LogConfiguration.options: "You cannot configure both the awslogs-datetime-format and awslogs-multiline-pattern options". */
    static final String AWSLOGS_DATETIME_AND_MULTILINE =
            "Log driver awslogs options 'awslogs-datetime-format' and 'awslogs-multiline-pattern' can't be used together.";

    /** [model] API InferenceAccelerator.deviceName: "must also be referenced in a container definition as a ResourceRequirement". */
    static String unreferencedInferenceAccelerator(String deviceName) {
        return "Inference accelerator '" + deviceName
                + "' is not referenced by the resourceRequirements of any container in the task definition.";
    }

    /** [model] API ResourceRequirement.value: for InferenceAccelerator, "the value matches the deviceName" of the task's. */
    static String unknownInferenceAccelerator(String deviceName, String container) {
        return "Container '" + container + "' requires inference accelerator '" + deviceName
                + "', which is not defined in the task definition.";
    }

    /** [model] API Volume.name: up to 255 letters, numbers, '_' and '-'; worded like the container name texts. */
    static final String VOLUME_NAME_INVALID_CHARACTERS = "Volume.name contains invalid characters.";
    /** [model] the same limit of 255 characters. */
    static final String VOLUME_NAME_TOO_LONG = "Volume.name can not be longer than 255 characters.";
    /** [model] API Volume.name: "When a volume is using the efsVolumeConfiguration, the name is required". */
    static final String VOLUME_NAME_BLANK = "Volume.name should not be null or empty.";
    /** [model] API Volume.configuredAtLaunch: "may only have one volume configured at launch". */
    static final String TOO_MANY_VOLUMES_CONFIGURED_AT_LAUNCH =
            "Only one volume can be configured at launch in a task definition.";
    /** [obs] aws/aws-cdk#10683 (quoted inside a CloudFormation error). */
    static final String EFS_ACCESS_POINT_ROOT_DIRECTORY =
            "When using an EFS access point, the root directory must either be set to \"/\" or be omitted.";
    /** [model] API EFSAuthorizationConfig: an access point or IAM authorization needs transit encryption on. */
    static final String EFS_NEEDS_TRANSIT_ENCRYPTION =
            "Transit encryption must be enabled when an EFS volume uses an access point or IAM authorization.";

    /** [model] API HealthCheck.command: "The string array must start with CMD ... or CMD-SHELL". */
    static String healthCheckCommand(String container) {
        return "Invalid 'healthCheck.command' setting for container '" + container
                + "'. The command must start with CMD or CMD-SHELL.";
    }

    /** [model] API ContainerDefinition.dockerSecurityOptions: its four documented forms. */
    static String invalidDockerSecurityOption(String option, String container) {
        return "Invalid docker security option '" + option + "' for container '" + container + "'. Valid values are "
                + "no-new-privileges, apparmor:PROFILE, label:value and credentialspec:CredentialSpecFilePath.";
    }

    /** [model] API KernelCapabilities.add and .drop: the documented capability names. */
    static String invalidCapability(String capability, String container) {
        return "Invalid kernel capability '" + capability + "' for container '" + container + "'.";
    }

    /** [model] API FirelensConfiguration.options: "Tasks hosted on Fargate only support the file configuration file type". */
    static final String FARGATE_FIRELENS_CONFIG_FILE_TYPE =
            "Tasks using the Fargate launch type only support the file configuration file type for FireLens.";
}
