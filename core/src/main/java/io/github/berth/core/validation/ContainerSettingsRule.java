package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.Arn;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerRestartPolicy;
import io.github.berth.core.model.EnvironmentFile;
import io.github.berth.core.model.IpcMode;
import io.github.berth.core.model.LinuxParameters;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.SystemControl;
import io.github.berth.core.validation.internal.Violations;
import java.util.List;
import java.util.Set;

/**
 * The bounds and forms the API reference states for single container settings
 * (docs/task-definitions.md#more-container-settings): environment files, port mapping names, the restart
 * policy, credential specs, swap settings, system controls, the health check command, docker security options
 * and kernel capabilities. The rules are [doc]; ECS's texts for them are
 * not published, so every message here is [model].
 */
final class ContainerSettingsRule implements TaskDefinitionRule {

    /** API ContainerDefinition.environmentFiles: "You can specify up to ten environment files". */
    static final int MAX_ENVIRONMENT_FILES = 10;
    /** API PortMapping.name: "The name can include up to 64 characters". */
    static final int MAX_PORT_NAME_LENGTH = 64;
    /** API ContainerRestartPolicy.ignoredExitCodes: "You can specify a maximum of 50 container exit codes". */
    static final int MAX_IGNORED_EXIT_CODES = 50;
    /** API ContainerRestartPolicy.restartAttemptPeriod: a minimum of 60 and a maximum of 1800 seconds. */
    static final int MIN_RESTART_ATTEMPT_PERIOD = 60;

    static final int MAX_RESTART_ATTEMPT_PERIOD = 1800;
    /** API ContainerDefinition.credentialSpecs: "The maximum number of ARNs is 1". */
    static final int MAX_CREDENTIAL_SPECS = 1;

    /** API SystemControl.value: the IPC namespace parameters named one by one (and {@code fs.mqueue.*}). */
    static final Set<String> IPC_PARAMETERS = Set.of(
            "kernel.msgmax",
            "kernel.msgmnb",
            "kernel.msgmni",
            "kernel.sem",
            "kernel.shmall",
            "kernel.shmmax",
            "kernel.shmmni",
            "kernel.shm_rmid_forced");

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        for (int i = 0; i < td.containers.size(); i++) {
            ContainerDefinition c = td.containers.get(i);
            JsonPath at = TaskDefinitionContext.container(i);
            String name = TaskDefinitionContext.name(c);
            checkEnvironmentFiles(c.environmentFiles(), at, name, out);
            checkPortNames(c.portMappings(), at, name, out);
            checkRestartPolicy(c.restartPolicy(), at, name, out);
            if (c.credentialSpecs() != null && c.credentialSpecs().size() > MAX_CREDENTIAL_SPECS) {
                out.client(at.child("credentialSpecs"), TaskDefinitionMessages.tooManyCredentialSpecs(name));
            }
            checkSwap(c.linuxParameters(), at, name, out);
            checkSystemControls(td, c.systemControls(), at, name, out);
            checkHealthCheckCommand(c, at, name, out);
            if (!td.fargate) {
                checkSecurityOptions(c.dockerSecurityOptions(), at, name, out);
            }
            checkCapabilities(td, c.linuxParameters(), at, name, out);
        }
    }

    /**
     * API HealthCheck.command: "The string array must start with CMD to run the command arguments directly, or
     * CMD-SHELL to run the command with the container's default shell" [doc]. [unsure] Docker's own {@code NONE}
     * is not among the documented forms and is refused too.
     */
    private static void checkHealthCheckCommand(ContainerDefinition c, JsonPath at, String container, Violations out) {
        if (c.healthCheck() == null || c.healthCheck().command() == null) {
            return; // a missing command is the API model's to report
        }
        List<String> command = c.healthCheck().command();
        String first = command.isEmpty() ? null : command.get(0);
        if (!"CMD".equals(first) && !"CMD-SHELL".equals(first)) {
            out.client(at.child("healthCheck").child("command"), TaskDefinitionMessages.healthCheckCommand(container));
        }
    }

    /**
     * API ContainerDefinition.dockerSecurityOptions: 'Valid values: "no-new-privileges" | "apparmor:PROFILE" |
     * "label:value" | "credentialspec:CredentialSpecFilePath"' [doc]. On Fargate the whole setting is refused
     * ({@link FargateRule}), so this is judged off Fargate only.
     */
    private static void checkSecurityOptions(
            @Nullable List<String> options, JsonPath at, String container, Violations out) {
        if (options == null) {
            return;
        }
        for (int j = 0; j < options.size(); j++) {
            String option = options.get(j);
            if (option != null && !isSecurityOption(option)) {
                out.client(
                        at.child("dockerSecurityOptions").index(j),
                        TaskDefinitionMessages.invalidDockerSecurityOption(option, container));
            }
        }
    }

    static boolean isSecurityOption(String option) {
        if (option.equals("no-new-privileges")) {
            return true;
        }
        for (String prefix : List.of("apparmor:", "label:", "credentialspec:")) {
            if (option.startsWith(prefix) && option.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    /** API KernelCapabilities.add and .drop: the documented valid values [doc]. */
    static final Set<String> CAPABILITIES = Set.of(
            "ALL",
            "AUDIT_CONTROL",
            "AUDIT_WRITE",
            "BLOCK_SUSPEND",
            "CHOWN",
            "DAC_OVERRIDE",
            "DAC_READ_SEARCH",
            "FOWNER",
            "FSETID",
            "IPC_LOCK",
            "IPC_OWNER",
            "KILL",
            "LEASE",
            "LINUX_IMMUTABLE",
            "MAC_ADMIN",
            "MAC_OVERRIDE",
            "MKNOD",
            "NET_ADMIN",
            "NET_BIND_SERVICE",
            "NET_BROADCAST",
            "NET_RAW",
            "SETFCAP",
            "SETGID",
            "SETPCAP",
            "SETUID",
            "SYS_ADMIN",
            "SYS_BOOT",
            "SYS_CHROOT",
            "SYS_MODULE",
            "SYS_NICE",
            "SYS_PACCT",
            "SYS_PTRACE",
            "SYS_RAWIO",
            "SYS_RESOURCE",
            "SYS_TIME",
            "SYS_TTY_CONFIG",
            "SYSLOG",
            "WAKE_ALARM");

    /**
     * Each added or dropped capability is one of {@link #CAPABILITIES}; [model] Docker's {@code CAP_} prefix is
     * taken as well (the Fargate guide writes CAP_SYS_PTRACE). On Fargate, {@link FargateRule} already refuses
     * every added capability but SYS_PTRACE, so only the dropped ones are judged here.
     */
    private static void checkCapabilities(
            TaskDefinitionContext td, @Nullable LinuxParameters lp, JsonPath at, String container, Violations out) {
        if (lp == null || lp.capabilities() == null) {
            return;
        }
        JsonPath path = at.child("linuxParameters").child("capabilities");
        if (!td.fargate) {
            checkCapabilityList(lp.capabilities().add(), path.child("add"), container, out);
        }
        checkCapabilityList(lp.capabilities().drop(), path.child("drop"), container, out);
    }

    private static void checkCapabilityList(
            @Nullable List<String> list, JsonPath path, String container, Violations out) {
        if (list == null) {
            return;
        }
        for (int j = 0; j < list.size(); j++) {
            String capability = list.get(j);
            if (capability == null) {
                continue;
            }
            String bare = capability.startsWith("CAP_") ? capability.substring(4) : capability;
            if (!CAPABILITIES.contains(bare)) {
                out.client(path.index(j), TaskDefinitionMessages.invalidCapability(capability, container));
            }
        }
    }

    /**
     * Up to ten files, each "The Amazon Resource Name (ARN) of the Amazon S3 object" with "a .env file
     * extension" (API ContainerDefinition.environmentFiles, EnvironmentFile.value) [doc].
     */
    private static void checkEnvironmentFiles(
            @Nullable List<EnvironmentFile> files, JsonPath at, String container, Violations out) {
        if (files == null) {
            return;
        }
        if (files.size() > MAX_ENVIRONMENT_FILES) {
            out.client(at.child("environmentFiles"), TaskDefinitionMessages.tooManyEnvironmentFiles(container));
        }
        for (int j = 0; j < files.size(); j++) {
            String value = files.get(j) == null ? null : files.get(j).value();
            if (value == null) {
                continue; // required by the API model; reported there
            }
            JsonPath path = at.child("environmentFiles").index(j).child("value");
            if (!isS3ObjectArn(value)) {
                out.client(path, TaskDefinitionMessages.environmentFileNotS3Arn(value, container));
            } else if (!value.endsWith(".env")) {
                out.client(path, TaskDefinitionMessages.environmentFileExtension(value, container));
            }
        }
    }

    /**
     * {@code arn:<partition>:s3:::<bucket>/<key>} with a bucket and a key [model]: S3 object ARNs carry no region
     * and no account (the API's example is {@code arn:aws:s3:::amzn-s3-demo-bucket/envfile_object_name.env}).
     */
    static boolean isS3ObjectArn(String value) {
        if (!Arn.isArn(value)) {
            return false;
        }
        Arn arn = Arn.parse(value);
        int slash = arn.resource().indexOf('/');
        return arn.service().equals("s3")
                && arn.region().isEmpty()
                && arn.account().isEmpty()
                && slash > 0
                && slash < arn.resource().length() - 1;
    }

    /**
     * API PortMapping.name: "up to 64 characters", "lowercase letters, numbers, underscores (_), and hyphens
     * (-)", "can't start with a hyphen" [doc].
     */
    private static void checkPortNames(
            @Nullable List<PortMapping> mappings, JsonPath at, String container, Violations out) {
        if (mappings == null) {
            return;
        }
        for (int j = 0; j < mappings.size(); j++) {
            String portName = mappings.get(j) == null ? null : mappings.get(j).name();
            if (portName != null && !isPortMappingName(portName)) {
                out.client(
                        at.child("portMappings").index(j).child("name"),
                        TaskDefinitionMessages.invalidPortMappingName(portName, container));
            }
        }
    }

    static boolean isPortMappingName(String s) {
        if (s.isEmpty() || s.length() > MAX_PORT_NAME_LENGTH || s.charAt(0) == '-') {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void checkRestartPolicy(
            @Nullable ContainerRestartPolicy policy, JsonPath at, String container, Violations out) {
        if (policy == null) {
            return;
        }
        JsonPath path = at.child("restartPolicy");
        if (policy.ignoredExitCodes() != null && policy.ignoredExitCodes().size() > MAX_IGNORED_EXIT_CODES) {
            out.client(path.child("ignoredExitCodes"), TaskDefinitionMessages.tooManyIgnoredExitCodes(container));
        }
        Integer period = policy.restartAttemptPeriod();
        if (period != null && (period < MIN_RESTART_ATTEMPT_PERIOD || period > MAX_RESTART_ATTEMPT_PERIOD)) {
            out.client(
                    path.child("restartAttemptPeriod"), TaskDefinitionMessages.invalidRestartAttemptPeriod(container));
        }
    }

    /**
     * API LinuxParameters.maxSwap: "Accepted values are 0 or any positive integer"; .swappiness: "Accepted
     * values are whole numbers between 0 and 100" [doc]. On Fargate both are refused outright ({@link FargateRule}).
     */
    private static void checkSwap(@Nullable LinuxParameters lp, JsonPath at, String container, Violations out) {
        if (lp == null) {
            return;
        }
        if (lp.maxSwap() != null && lp.maxSwap() < 0) {
            out.client(at.child("linuxParameters").child("maxSwap"), TaskDefinitionMessages.invalidMaxSwap(container));
        }
        if (lp.swappiness() != null && (lp.swappiness() < 0 || lp.swappiness() > 100)) {
            out.client(
                    at.child("linuxParameters").child("swappiness"),
                    TaskDefinitionMessages.invalidSwappiness(container));
        }
    }

    /**
     * API SystemControl.value [doc]: the valid IPC parameters ({@link #IPC_PARAMETERS} and {@code fs.mqueue.*})
     * and network ones ({@code net.*}); "For tasks that use the host IPC mode, IPC namespace related
     * systemControls are not supported" (API RegisterTaskDefinitionRequest.ipcMode); "For tasks that use the
     * host network mode, the network namespace systemControls aren't supported" (CloudFormation
     * AWS::ECS::TaskDefinition SystemControl). [unsure] whether ECS refuses these on registration or only when
     * the task starts; Berth refuses them on registration.
     */
    private static void checkSystemControls(
            TaskDefinitionContext td,
            @Nullable List<SystemControl> controls,
            JsonPath at,
            String container,
            Violations out) {
        if (controls == null) {
            return;
        }
        for (int j = 0; j < controls.size(); j++) {
            String namespace = controls.get(j) == null ? null : controls.get(j).namespace();
            if (namespace == null) {
                continue;
            }
            JsonPath path = at.child("systemControls").index(j).child("namespace");
            boolean network = namespace.startsWith("net.");
            boolean ipc = IPC_PARAMETERS.contains(namespace) || namespace.startsWith("fs.mqueue.");
            if (!network && !ipc) {
                out.client(path, TaskDefinitionMessages.unsupportedSystemControl(namespace, container));
            } else if (network && td.isMode(NetworkMode.HOST)) {
                out.client(
                        path,
                        TaskDefinitionMessages.systemControlWithHostNamespace(namespace, container, "networkMode"));
            } else if (ipc && IpcMode.HOST.equals(td.request.ipcMode())) {
                out.client(
                        path, TaskDefinitionMessages.systemControlWithHostNamespace(namespace, container, "ipcMode"));
            }
        }
    }
}
