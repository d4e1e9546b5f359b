package io.github.berth.core.lint;

import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.EFSTransitEncryption;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.PidMode;
import io.github.berth.core.model.Volume;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The task definition rules of {@link LintRules}, each judging one container or the task. */
final class TaskDefinitionLint {

    private TaskDefinitionLint() {}

    /**
     * Names that hold secrets by convention [model]: the words checkov and gitleaks look for, matched as
     * whole words of an upper-case variable name (so {@code PASSWORD_FILE} and {@code DB_PASSWORD} count,
     * {@code PASSWORDLESS} does not). AWS Config's ecs-no-environment-secrets checks AWS_ACCESS_KEY_ID,
     * AWS_SECRET_ACCESS_KEY and ECS_ENGINE_AUTH_DATA, all covered.
     */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(^|_)(PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH_DATA)(_|$)");
    /** An AWS access key id (AKIA for long-term keys, ASIA for temporary ones). */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    /** Values that name where a secret is rather than holding it. */
    private static final Pattern REFERENCE = Pattern.compile("^(arn:|/|file:|\\$\\{|\\$\\()");

    static void check(RegisterTaskDefinitionRequest td, String resource, Consumer<Finding> out) {
        List<ContainerDefinition> containers =
                td.containerDefinitions() == null ? List.of() : td.containerDefinitions();
        boolean windows = td.runtimePlatform() != null
                && td.runtimePlatform().operatingSystemFamily() != null
                && td.runtimePlatform().operatingSystemFamily().value().startsWith("WINDOWS");
        for (int i = 0; i < containers.size(); i++) {
            container(td, containers.get(i), "containerDefinitions[" + i + "]", windows, resource, out);
        }
        if (PidMode.HOST.equals(td.pidMode())) {
            out.accept(LintRules.HOST_PID_MODE.at(resource, "pidMode", "pidMode is 'host'."));
        }
        List<Volume> volumes = td.volumes() == null ? List.of() : td.volumes();
        for (int i = 0; i < volumes.size(); i++) {
            Volume v = volumes.get(i);
            if (v.efsVolumeConfiguration() != null
                    && !EFSTransitEncryption.ENABLED.equals(
                            v.efsVolumeConfiguration().transitEncryption())) {
                out.accept(LintRules.EFS_TRANSIT_ENCRYPTION.at(
                        resource,
                        "volumes[" + i + "].efsVolumeConfiguration.transitEncryption",
                        "EFS volume '" + v.name() + "' does not enable transit encryption."));
            }
        }
        if (td.taskRoleArn() != null && td.taskRoleArn().equals(td.executionRoleArn())) {
            out.accept(LintRules.SAME_TASK_AND_EXECUTION_ROLE.at(
                    resource, "taskRoleArn", "taskRoleArn and executionRoleArn are both " + td.taskRoleArn() + "."));
        }
    }

    private static void container(
            RegisterTaskDefinitionRequest td,
            ContainerDefinition c,
            String at,
            boolean windows,
            String resource,
            Consumer<Finding> out) {
        String name = "Container '" + (c.name() == null ? "" : c.name()) + "'";
        List<KeyValuePair> environment = c.environment() == null ? List.of() : c.environment();
        for (int j = 0; j < environment.size(); j++) {
            KeyValuePair kv = environment.get(j);
            String why = secretReason(kv);
            if (why != null) {
                out.accept(LintRules.SECRET_IN_ENVIRONMENT.at(
                        resource,
                        at + ".environment[" + j + "]",
                        name + " passes " + why + " in the plain environment variable '" + kv.name() + "'."));
            }
        }
        if (c.logConfiguration() == null) {
            out.accept(
                    LintRules.NO_LOGGING.at(resource, at + ".logConfiguration", name + " has no log configuration."));
        } else if (c.logConfiguration().logDriver() != null
                && !LogDriver.AWSLOGS.equals(c.logConfiguration().logDriver())
                && !LogDriver.AWSFIRELENS.equals(c.logConfiguration().logDriver())) {
            out.accept(LintRules.LOGS_NOT_CLOUDWATCH.at(
                    resource,
                    at + ".logConfiguration.logDriver",
                    name + " logs with '" + c.logConfiguration().logDriver().value() + "'."));
        }
        if ((c.essential() == null || c.essential()) && c.healthCheck() == null) {
            out.accept(LintRules.ESSENTIAL_WITHOUT_HEALTH_CHECK.at(
                    resource, at + ".healthCheck", name + " is essential and has no health check."));
        }
        if (c.memory() == null && td.memory() == null) {
            out.accept(LintRules.NO_MEMORY_LIMIT.at(
                    resource, at + ".memory", name + " has no 'memory' and the task has none either."));
        }
        String unpinned = unpinned(c.image());
        if (unpinned != null) {
            out.accept(LintRules.IMAGE_NOT_PINNED.at(
                    resource, at + ".image", name + "'s image '" + c.image() + "' " + unpinned + "."));
        }
        if (Boolean.TRUE.equals(c.privileged())) {
            out.accept(LintRules.PRIVILEGED.at(resource, at + ".privileged", name + " is privileged."));
        }
        if (windows) {
            return; // user and readonlyRootFilesystem are not supported for Windows containers (API
            // ContainerDefinition)
        }
        if (c.user() == null || isRoot(c.user())) {
            out.accept(LintRules.RUNS_AS_ROOT.at(
                    resource,
                    at + ".user",
                    c.user() == null
                            ? name
                                    + " sets no user, so it runs as the image's user, root unless the image says otherwise."
                            : name + " runs as user '" + c.user() + "'."));
        }
        if (!Boolean.TRUE.equals(c.readonlyRootFilesystem())) {
            out.accept(LintRules.WRITABLE_ROOT_FILESYSTEM.at(
                    resource, at + ".readonlyRootFilesystem", name + " has a writable root file system."));
        }
    }

    /** Why a variable looks like it holds a secret, or null. */
    private static @Nullable String secretReason(KeyValuePair kv) {
        String value = kv.value() == null ? "" : kv.value();
        if (ACCESS_KEY_ID.matcher(value).find()) {
            return "an AWS access key id";
        }
        String variable =
                kv.name() == null ? "" : kv.name().toUpperCase(Locale.ROOT).replace('-', '_');
        if (!value.isEmpty()
                && SECRET_NAME.matcher(variable).find()
                && !REFERENCE.matcher(value).lookingAt()) {
            return "what looks like a secret";
        }
        return null;
    }

    /**
     * Why an image reference is not pinned, or null: {@code repo}, {@code repo:latest}; a digest pins it
     * (OCI reference grammar: the tag follows the last ':' after the last '/').
     */
    static @Nullable String unpinned(@Nullable String image) {
        if (image == null || image.isBlank() || image.contains("@sha256:")) {
            return null;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "has no tag, so it means 'latest'";
        }
        return image.substring(colon + 1).equals("latest") ? "is tagged 'latest'" : null;
    }

    /** {@code root}, {@code 0}, and either with a group. */
    static boolean isRoot(String user) {
        String u = user.trim();
        int colon = u.indexOf(':');
        String who = colon < 0 ? u : u.substring(0, colon);
        return who.equals("root") || who.equals("0");
    }
}
