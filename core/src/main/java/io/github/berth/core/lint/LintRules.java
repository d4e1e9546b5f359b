package io.github.berth.core.lint;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The catalog of the task definition and service rules, each with the AWS page behind it. They cover
 * what AWS Security Hub's ECS controls, checkov's ECS checks and cfn-lint's ECS best-practice rules
 * check on these resources (cfn-lint's other ECS rules are registration errors, which
 * {@code TaskDefinitionValidator} reports), and the ECS developer guide's best practices.
 */
public final class LintRules {

    private LintRules() {}

    static final String SECURITY_HUB = "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html";
    static final String DG = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/";

    // ----- task definitions

    /** Security Hub ECS.8; checkov's hard-coded secrets check on container environments. */
    public static final LintRule SECRET_IN_ENVIRONMENT = new LintRule(
            "TD-SECRET-IN-ENVIRONMENT",
            Severity.ERROR,
            "A secret in a plain environment variable is visible to anyone who can describe the task definition: pass it "
                    + "in 'secrets' from Secrets Manager or Parameter Store.",
            DG + "specifying-sensitive-data.html");
    /** Security Hub ECS.9. */
    public static final LintRule NO_LOGGING = new LintRule(
            "TD-NO-LOGGING",
            Severity.WARNING,
            "A container without a log configuration keeps its logs only on the host, where they are lost with the task.",
            DG + "using_awslogs.html");

    public static final LintRule LOGS_NOT_CLOUDWATCH = new LintRule(
            "TD-LOGS-NOT-CLOUDWATCH",
            Severity.NOTE,
            "The container's logs do not go to CloudWatch Logs (awslogs) nor through FireLens.",
            DG + "using_awslogs.html");
    public static final LintRule ESSENTIAL_WITHOUT_HEALTH_CHECK = new LintRule(
            "TD-ESSENTIAL-NO-HEALTH-CHECK",
            Severity.WARNING,
            "An essential container without a health check counts as healthy while it runs, even when it serves nothing.",
            DG + "healthcheck.html");
    public static final LintRule NO_MEMORY_LIMIT = new LintRule(
            "TD-NO-MEMORY-LIMIT",
            Severity.WARNING,
            "Neither the container nor the task has a hard memory limit: one container can take all of the instance's memory.",
            DG + "task_definition_parameters.html#container_definition_memory");
    public static final LintRule IMAGE_NOT_PINNED = new LintRule(
            "TD-IMAGE-LATEST",
            Severity.WARNING,
            "An image tagged 'latest' or not tagged changes under the same task definition: pin a version tag or a digest.",
            DG + "deployment-type-ecs.html#deployment-container-image-stability");
    /** Security Hub ECS.4; checkov CKV_AWS_334. */
    public static final LintRule PRIVILEGED = new LintRule(
            "TD-PRIVILEGED",
            Severity.ERROR,
            "A privileged container has root access to its host.",
            SECURITY_HUB + "#ecs-4");
    /** The developer guide's task and container security best practices; Security Hub ECS.1 for host mode. */
    public static final LintRule RUNS_AS_ROOT = new LintRule(
            "TD-RUNS-AS-ROOT",
            Severity.WARNING,
            "The container runs as root (no 'user', or user 0): set a non-root user.",
            DG + "security-tasks-containers.html");
    /** Security Hub ECS.5; checkov CKV_AWS_336. */
    public static final LintRule WRITABLE_ROOT_FILESYSTEM = new LintRule(
            "TD-WRITABLE-ROOT-FS",
            Severity.WARNING,
            "The container's root file system is writable: set readonlyRootFilesystem and mount volumes where it writes.",
            SECURITY_HUB + "#ecs-5");
    /** Security Hub ECS.3; checkov CKV_AWS_335. */
    public static final LintRule HOST_PID_MODE = new LintRule(
            "TD-HOST-PID",
            Severity.WARNING,
            "pidMode 'host' shares the host's process namespace with the task's containers.",
            SECURITY_HUB + "#ecs-3");
    /** checkov CKV_AWS_97. */
    public static final LintRule EFS_TRANSIT_ENCRYPTION = new LintRule(
            "TD-EFS-NO-TRANSIT-ENCRYPTION",
            Severity.WARNING,
            "An EFS volume without transit encryption sends file data in clear.",
            DG + "efs-volumes.html");
    /** checkov CKV_AWS_249. */
    public static final LintRule SAME_TASK_AND_EXECUTION_ROLE = new LintRule(
            "TD-SAME-ROLES",
            Severity.WARNING,
            "The task role and the execution role are the same: the application gets the agent's permissions too.",
            DG + "task_execution_IAM_role.html");

    // ----- services (CreateService inputs)

    public static final LintRule SINGLE_SUBNET = new LintRule(
            "SVC-SINGLE-SUBNET",
            Severity.WARNING,
            "The service's tasks use one subnet, so one Availability Zone: an outage there stops the service.",
            DG + "ecs-best-practices.html");
    public static final LintRule SINGLE_AZ = new LintRule(
            "SVC-SINGLE-AZ",
            Severity.WARNING,
            "All the service's subnets are in one Availability Zone: an outage there stops the service.",
            DG + "ecs-best-practices.html");
    /** Security Hub ECS.2; checkov CKV_AWS_333. */
    public static final LintRule PUBLIC_IP = new LintRule(
            "SVC-PUBLIC-IP",
            Severity.WARNING,
            "The service's tasks get public IP addresses: reach them through a load balancer or NAT instead.",
            SECURITY_HUB + "#ecs-2");

    public static final LintRule PUBLIC_SUBNET = new LintRule(
            "SVC-PUBLIC-SUBNET",
            Severity.WARNING,
            "The service runs tasks in a subnet that gives public IP addresses on launch.",
            SECURITY_HUB + "#ecs-2");
    public static final LintRule NO_CIRCUIT_BREAKER = new LintRule(
            "SVC-NO-CIRCUIT-BREAKER",
            Severity.WARNING,
            "Without the deployment circuit breaker a deployment whose tasks never become healthy retries forever.",
            DG + "deployment-circuit-breaker.html");
    public static final LintRule MIN_HEALTHY_ZERO_BEHIND_LOAD_BALANCER = new LintRule(
            "SVC-MIN-HEALTHY-ZERO",
            Severity.WARNING,
            "minimumHealthyPercent 0 behind a load balancer lets a deployment stop every task before new ones are healthy.",
            DG + "deployment-type-ecs.html");
    /** Security Hub ECS.10; checkov CKV_AWS_332. */
    public static final LintRule FARGATE_PLATFORM_PINNED = new LintRule(
            "SVC-PLATFORM-VERSION",
            Severity.NOTE,
            "The service pins a Fargate platform version rather than LATEST, and misses its security fixes.",
            SECURITY_HUB + "#ecs-10");

    private static final ImmutableList<LintRule> ALL = ImmutableList.of(
            SECRET_IN_ENVIRONMENT,
            NO_LOGGING,
            LOGS_NOT_CLOUDWATCH,
            ESSENTIAL_WITHOUT_HEALTH_CHECK,
            NO_MEMORY_LIMIT,
            IMAGE_NOT_PINNED,
            PRIVILEGED,
            RUNS_AS_ROOT,
            WRITABLE_ROOT_FILESYSTEM,
            HOST_PID_MODE,
            EFS_TRANSIT_ENCRYPTION,
            SAME_TASK_AND_EXECUTION_ROLE,
            SINGLE_SUBNET,
            SINGLE_AZ,
            PUBLIC_IP,
            PUBLIC_SUBNET,
            NO_CIRCUIT_BREAKER,
            MIN_HEALTHY_ZERO_BEHIND_LOAD_BALANCER,
            FARGATE_PLATFORM_PINNED);

    /** Every task definition and service rule, in the order they are checked. */
    public static ImmutableList<LintRule> all() {
        return ALL;
    }

    public static Optional<LintRule> find(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
