package io.github.berth.core.validation;

/**
 * ECS's messages for CreateService and UpdateService, each with where it was seen. [obs] texts are
 * ECS's answers as users quoted them in public issues; [model] texts are ours, where ECS's is not
 * known.
 */
final class ServiceMessages {

    private ServiceMessages() {}

    /** [obs] tflint-ruleset-aws#349 (CreateService). */
    static final String LAUNCH_TYPE_AND_STRATEGY =
            "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.";

    /** [obs] kayac/ecspresso#20, fabfuel/ecs-deploy#59. */
    static final String DAEMON_DESIRED_COUNT =
            "The daemon scheduling strategy does not support a desired count for services. Remove the desired count value "
                    + "and try again";

    /** [obs] kayac/ecspresso#402. */
    static final String DAEMON_PLACEMENT_STRATEGY =
            "The daemon scheduling strategy does not support placement strategies. Remove the placement strategy and try again";

    /** [obs] aws/containers-roadmap#692. */
    static final String DAEMON_CAPACITY_PROVIDER_STRATEGY =
            "Specifying a capacity provider strategy is not supported when you create a service using the DAEMON "
                    + "scheduling strategy.";

    /** [obs] aws/aws-cdk#2209, hashicorp/terraform-provider-aws#4825. */
    static final String DAEMON_MAXIMUM_PERCENT =
            "The daemon scheduling strategy does not support values above 100 for maximumPercent on a deployment "
                    + "configuration. Change the maximumPercent value to 100, and try again";

    /**
     * [model] Fargate does not support DAEMON [doc: ecs_services.html, "Daemon"]; ECS's text is not
     * known [unsure].
     */
    static final String DAEMON_FARGATE = "The daemon scheduling strategy is not supported for the FARGATE launch type.";

    /** [obs] aws/amazon-ecs-cli#359. */
    static final String CONTAINER_NAME_BLANK = "Container Name can not be blank.";

    /** [obs] aws-actions/amazon-ecs-deploy-task-definition#802, fabfuel/ecs-deploy#133. */
    static final String AWSVPC_NEEDS_NETWORK_CONFIGURATION =
            "Network Configuration must be provided when networkMode 'awsvpc' is specified.";

    /** [obs] boltops-tools/ufo#112, crossplane-contrib/provider-aws#2233. */
    static final String NETWORK_CONFIGURATION_NOT_VALID =
            "Network Configuration is not valid for the given networkMode of this task definition.";

    /**
     * [obs] hashicorp/terraform-provider-aws#31104 (2023). The current API reference says the grace
     * period also covers container health checks, so it is judged only for a service with neither a load
     * balancer, nor a registry, nor a container health check [unsure].
     */
    static final String GRACE_PERIOD_WITHOUT_LOAD_BALANCER =
            "Health check grace period is only valid for services configured to use load balancers";

    /** [model] the API reference's rule for serviceName; ECS's text is not known. */
    static final String SERVICE_NAME =
            "Service names can have up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.";

    /** [model] ECS's text is not known. */
    static final String NEGATIVE_DESIRED_COUNT = "desiredCount can't be negative.";

    /** [model] a percentage of the desired count from 0 to 100 [doc: API_DeploymentConfiguration.html]. */
    static final String MINIMUM_HEALTHY_PERCENT_RANGE = "minimumHealthyPercent must be between 0 and 100.";

    /** [model] ECS's text is not known. */
    static final String MAXIMUM_PERCENT_NEGATIVE = "maximumPercent can't be negative.";

    /** [obs] pulumi/pulumi-aws#3095: "The container app did not have a container port 80 defined." */
    static String noContainerPort(String container, int port) {
        return "The container " + container + " did not have a container port " + port + " defined.";
    }

    /** [model] ECS's text for a container the task definition does not have is not known. */
    static String noSuchContainer(String container) {
        return "The container " + container + " does not exist in the task definition.";
    }
}
