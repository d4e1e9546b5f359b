package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.CPUArchitecture;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.FirelensConfiguration;
import io.github.berth.core.model.LinuxParameters;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.PidMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.RuntimePlatform;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.Volume;
import io.github.berth.core.validation.internal.Violations;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a task definition that requires FARGATE may not use (docs/task-definitions.md#fargate-restrictions: the rejections with known
 * texts and the parameters documented as not valid on Fargate), and the restrictions of Windows
 * containers on Fargate (docs/task-definitions.md#fargate-sizes).
 */
final class FargateRule implements TaskDefinitionRule {

    /** Fargate Windows platform version 1.0.0 (DG platform-windows-fargate). */
    private static final Set<OSFamily> FARGATE_WINDOWS = Set.of(
            OSFamily.WINDOWS_SERVER_2019_FULL,
            OSFamily.WINDOWS_SERVER_2019_CORE,
            OSFamily.WINDOWS_SERVER_2022_FULL,
            OSFamily.WINDOWS_SERVER_2022_CORE);
    /** "container port 3150 is reserved" for Windows on Fargate (DG-archive AWS_Fargate.md). */
    static final int WINDOWS_RESERVED_PORT = 3150;

    private static final JsonPath ROOT = JsonPath.root();
    /** API ContainerDefinition.stopTimeout: at most 120 seconds on Fargate [doc]. */
    static final int MAX_STOP_TIMEOUT = 120;
    /**
     * API ContainerDefinition.startTimeout and .stopTimeout: "The valid values for Fargate are 2-120 seconds"
     * [doc]; the 120-second maximum applies to both.
     */
    static final int MIN_TIMEOUT = 2;

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        if (!td.fargate) {
            return;
        }
        RegisterTaskDefinitionRequest r = td.request;
        if (r.ipcMode() != null) {
            out.client(ROOT.child("ipcMode"), TaskDefinitionMessages.FARGATE_NO_IPC_MODE);
        }
        if (r.pidMode() != null && !PidMode.TASK.equals(r.pidMode())) {
            out.client(
                    ROOT.child("pidMode"),
                    TaskDefinitionMessages.fargatePidMode(r.pidMode().value()));
        }
        List<Volume> volumes = r.volumes() == null ? List.of() : r.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            if (v.host() != null
                    && v.host().sourcePath() != null
                    && !v.host().sourcePath().isEmpty()) {
                out.client(
                        ROOT.child("volumes").index(i).child("host").child("sourcePath"),
                        TaskDefinitionMessages.FARGATE_HOST_SOURCE_PATH);
            }
        }
        List<TaskDefinitionPlacementConstraint> constraints = r.placementConstraints();
        if (constraints != null && !constraints.isEmpty()) {
            out.client(ROOT.child("placementConstraints"), TaskDefinitionMessages.FARGATE_NO_PLACEMENT_CONSTRAINTS);
        }
        for (int i = 0; i < td.containers.size(); i++) {
            checkUnsupported(td.containers.get(i), TaskDefinitionContext.container(i), out);
            checkLogConfiguration(td.containers.get(i), TaskDefinitionContext.container(i), out);
            Integer stop = td.containers.get(i).stopTimeout();
            if (stop != null && stop > MAX_STOP_TIMEOUT) {
                out.client(
                        TaskDefinitionContext.container(i).child("stopTimeout"),
                        TaskDefinitionMessages.fargateStopTimeout(TaskDefinitionContext.name(td.containers.get(i))));
            } else if (stop != null && stop < MIN_TIMEOUT) {
                out.client(
                        TaskDefinitionContext.container(i).child("stopTimeout"),
                        TaskDefinitionMessages.fargateTimeout(
                                "stopTimeout", TaskDefinitionContext.name(td.containers.get(i))));
            }
            // API FirelensConfiguration.options: "Tasks hosted on Fargate only support the file configuration file
            // type" [doc]; text [model].
            FirelensConfiguration firelens = td.containers.get(i).firelensConfiguration();
            if (firelens != null
                    && firelens.options() != null
                    && "s3".equals(firelens.options().get("config-file-type"))) {
                out.client(
                        TaskDefinitionContext.container(i)
                                .child("firelensConfiguration")
                                .child("options")
                                .child("config-file-type"),
                        TaskDefinitionMessages.FARGATE_FIRELENS_CONFIG_FILE_TYPE);
            }
            Integer start = td.containers.get(i).startTimeout();
            if (start != null && (start < MIN_TIMEOUT || start > MAX_STOP_TIMEOUT)) {
                out.client(
                        TaskDefinitionContext.container(i).child("startTimeout"),
                        TaskDefinitionMessages.fargateTimeout(
                                "startTimeout", TaskDefinitionContext.name(td.containers.get(i))));
            }
        }
        checkExecutionRole(td, out);
        if (td.windows) {
            checkWindows(td, volumes, out);
        }
    }

    /**
     * The container settings documented as not valid on Fargate: docs/task-definitions.md#fargate-restrictions (disableNetworking,
     * dnsSearchDomains, dnsServers, dockerSecurityOptions, gpu, privileged, maxSwap, swappiness) and the API
     * model (LinuxParameters.devices and sharedMemorySize: "If you're using tasks that use the Fargate launch
     * type, the ... parameter isn't supported"). ECS's texts for these are not known: see
     * {@link TaskDefinitionMessages#fargateUnsupported}. A flag counts when true and a list when it has an
     * element, since describe outputs carry {@code false} and {@code []} for settings never made. links and
     * extraHosts are refused for awsvpc, the mode Fargate requires ({@link NetworkModeRule}).
     */
    private static void checkUnsupported(ContainerDefinition c, JsonPath at, Violations out) {
        if (Boolean.TRUE.equals(c.privileged())) {
            out.client(at.child("privileged"), TaskDefinitionMessages.fargateUnsupported("privileged"));
        }
        if (Boolean.TRUE.equals(c.disableNetworking())) {
            out.client(at.child("disableNetworking"), TaskDefinitionMessages.fargateUnsupported("disableNetworking"));
        }
        if (hasElements(c.dnsServers())) {
            out.client(at.child("dnsServers"), TaskDefinitionMessages.fargateUnsupported("dnsServers"));
        }
        if (hasElements(c.dnsSearchDomains())) {
            out.client(at.child("dnsSearchDomains"), TaskDefinitionMessages.fargateUnsupported("dnsSearchDomains"));
        }
        if (hasElements(c.dockerSecurityOptions())) {
            out.client(
                    at.child("dockerSecurityOptions"),
                    TaskDefinitionMessages.fargateUnsupported("dockerSecurityOptions"));
        }
        List<ResourceRequirement> requirements =
                c.resourceRequirements() == null ? List.of() : c.resourceRequirements();
        for (int j = 0; j < requirements.size(); j++) {
            if (ResourceType.GPU.equals(requirements.get(j).type())) {
                out.client(
                        at.child("resourceRequirements").index(j).child("type"),
                        TaskDefinitionMessages.fargateUnsupported("GPU resource requirements"));
            }
        }
        LinuxParameters lp = c.linuxParameters();
        if (lp == null) {
            return;
        }
        JsonPath linux = at.child("linuxParameters");
        if (hasElements(lp.devices())) {
            out.client(linux.child("devices"), TaskDefinitionMessages.fargateUnsupported("linuxParameters.devices"));
        }
        if (hasElements(lp.tmpfs())) {
            out.client(linux.child("tmpfs"), TaskDefinitionMessages.fargateUnsupported("linuxParameters.tmpfs"));
        }
        // DG fargate-tasks-services: "for capabilities the only capability you can add is CAP_SYS_PTRACE".
        List<String> added = lp.capabilities() == null || lp.capabilities().add() == null
                ? List.of()
                : lp.capabilities().add();
        for (int j = 0; j < added.size(); j++) {
            if (added.get(j) != null
                    && !added.get(j).equals("SYS_PTRACE")
                    && !added.get(j).equals("CAP_SYS_PTRACE")) {
                out.client(
                        linux.child("capabilities").child("add").index(j),
                        TaskDefinitionMessages.fargateCapability(added.get(j)));
            }
        }
        if (lp.sharedMemorySize() != null) {
            out.client(
                    linux.child("sharedMemorySize"),
                    TaskDefinitionMessages.fargateUnsupported("linuxParameters.sharedMemorySize"));
        }
        if (lp.maxSwap() != null) {
            out.client(linux.child("maxSwap"), TaskDefinitionMessages.fargateUnsupported("linuxParameters.maxSwap"));
        }
        if (lp.swappiness() != null) {
            out.client(
                    linux.child("swappiness"), TaskDefinitionMessages.fargateUnsupported("linuxParameters.swappiness"));
        }
    }

    /** Fargate's log drivers are awslogs, splunk and awsfirelens (API LogConfiguration.logDriver) [doc]. */
    private static final Set<LogDriver> FARGATE_LOG_DRIVERS =
            Set.of(LogDriver.AWSLOGS, LogDriver.SPLUNK, LogDriver.AWSFIRELENS);

    private static void checkLogConfiguration(ContainerDefinition c, JsonPath at, Violations out) {
        LogConfiguration log = c.logConfiguration();
        if (log == null || log.logDriver() == null) {
            return;
        }
        JsonPath logPath = at.child("logConfiguration");
        LogDriver driver = log.logDriver();
        if (driver.isKnown() && !FARGATE_LOG_DRIVERS.contains(driver)) {
            out.client(logPath.child("logDriver"), TaskDefinitionMessages.fargateLogDriver(driver.value()));
        }
        if (LogDriver.AWSLOGS.equals(driver)) {
            String prefix = log.options() == null ? null : log.options().get("awslogs-stream-prefix");
            if (prefix == null || prefix.isEmpty()) {
                out.client(logPath.child("options"), TaskDefinitionMessages.FARGATE_AWSLOGS_STREAM_PREFIX);
            }
        }
    }

    private static boolean hasElements(@Nullable List<?> list) {
        return list != null && !list.isEmpty();
    }

    /** Pulling from ECR and sending logs to CloudWatch need the execution role on Fargate. */
    private static void checkExecutionRole(TaskDefinitionContext td, Violations out) {
        String role = td.request.executionRoleArn();
        if (role != null && !role.isBlank()) {
            return;
        }
        boolean awslogs = false;
        boolean ecr = false;
        for (ContainerDefinition c : td.containers) {
            awslogs |= c.logConfiguration() != null
                    && LogDriver.AWSLOGS.equals(c.logConfiguration().logDriver());
            ecr |= c.image() != null && isPrivateEcr(c.image());
        }
        if (awslogs) {
            out.client(ROOT.child("executionRoleArn"), TaskDefinitionMessages.FARGATE_AWSLOGS_NEEDS_ROLE);
        }
        if (ecr) {
            out.client(ROOT.child("executionRoleArn"), TaskDefinitionMessages.FARGATE_ECR_NEEDS_ROLE);
        }
    }

    /**
     * Whether an image lives in a private ECR registry, {@code <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/...}
     * (DG ECR registries). Written out rather than as a regular expression: it runs on every validation.
     */
    static boolean isPrivateEcr(String image) {
        int slash = image.indexOf('/');
        if (slash < 13) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            char c = image.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        String host = image.substring(12, slash);
        String prefix = host.startsWith(".dkr.ecr.")
                ? ".dkr.ecr."
                : host.startsWith(".dkr.ecr-fips.") ? ".dkr.ecr-fips." : null;
        String suffix = host.endsWith(".amazonaws.com")
                ? ".amazonaws.com"
                : host.endsWith(".amazonaws.com.cn") ? ".amazonaws.com.cn" : null;
        return prefix != null && suffix != null && host.length() > prefix.length() + suffix.length();
    }

    /**
     * Windows on Fargate: X86_64 only, Windows Server 2019 and 2022, no configurable ephemeral storage,
     * no EFS, no systemControls, container port 3150 reserved (docs/task-definitions.md#fargate-sizes; API SystemControl: "This
     * isn't supported for Windows containers on Fargate"). The cpu floor of 1 vCPU is in
     * {@link FargateTaskSizes}; maxSwap and swappiness are refused on all of Fargate.
     */
    private static void checkWindows(TaskDefinitionContext td, List<Volume> volumes, Violations out) {
        RuntimePlatform platform =
                Objects.requireNonNull(td.request.runtimePlatform()); // set: td.windows reads its family
        JsonPath at = ROOT.child("runtimePlatform");
        CPUArchitecture architecture = platform.cpuArchitecture();
        if (architecture != null && architecture.isKnown() && !CPUArchitecture.X86_64.equals(architecture)) {
            out.client(
                    at.child("cpuArchitecture"),
                    TaskDefinitionMessages.fargateWindowsArchitecture(architecture.value()));
        }
        OSFamily family = Objects.requireNonNull(platform.operatingSystemFamily());
        if (family.isKnown() && !FARGATE_WINDOWS.contains(family)) {
            out.client(at.child("operatingSystemFamily"), TaskDefinitionMessages.fargateWindowsFamily(family.value()));
        }
        if (td.request.ephemeralStorage() != null) {
            out.client(ROOT.child("ephemeralStorage"), TaskDefinitionMessages.FARGATE_WINDOWS_EPHEMERAL_STORAGE);
        }
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).efsVolumeConfiguration() != null) {
                out.client(
                        ROOT.child("volumes").index(i).child("efsVolumeConfiguration"),
                        TaskDefinitionMessages.FARGATE_WINDOWS_EFS);
            }
        }
        for (int i = 0; i < td.containers.size(); i++) {
            ContainerDefinition c = td.containers.get(i);
            // API ContainerDefinition: linuxParameters and readonlyRootFilesystem are "not supported for Windows
            // containers".
            if (c.linuxParameters() != null) {
                out.client(
                        TaskDefinitionContext.container(i).child("linuxParameters"),
                        TaskDefinitionMessages.FARGATE_WINDOWS_LINUX_PARAMETERS);
            }
            if (Boolean.TRUE.equals(c.readonlyRootFilesystem())) {
                out.client(
                        TaskDefinitionContext.container(i).child("readonlyRootFilesystem"),
                        TaskDefinitionMessages.FARGATE_WINDOWS_READONLY_ROOT);
            }
            if (hasElements(c.systemControls())) {
                out.client(
                        TaskDefinitionContext.container(i).child("systemControls"),
                        TaskDefinitionMessages.FARGATE_WINDOWS_SYSTEM_CONTROLS);
            }
            List<PortMapping> mappings = c.portMappings() == null ? List.of() : c.portMappings();
            for (int j = 0; j < mappings.size(); j++) {
                if (Integer.valueOf(WINDOWS_RESERVED_PORT)
                        .equals(mappings.get(j).containerPort())) {
                    out.client(
                            TaskDefinitionContext.container(i)
                                    .child("portMappings")
                                    .index(j)
                                    .child("containerPort"),
                            TaskDefinitionMessages.fargateWindowsReservedPort(WINDOWS_RESERVED_PORT));
                }
            }
        }
    }
}
