package io.github.berth.core.validation;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.UpdateServiceRequest;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.SchedulingStrategy;
import io.github.berth.core.validation.internal.Violations;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether ECS would accept a CreateService or UpdateService call, and if not every reason at once,
 * as {@link Violation}s naming the JSON path, the error code ({@code InvalidParameterException}) and
 * ECS's message, word for word where it is known.
 *
 * <p>The rules that need the service's task definition (awsvpc and the network configuration, the load
 * balancer's container name and port, the health check grace period) are checked when it is given,
 * as the RegisterTaskDefinition input it was registered from; without it they are not judged. Rules
 * that need the state of an account (the cluster, its capacity providers, the service as it stands
 * before an UpdateService) are not here.
 *
 * <pre>{@code
 * List<Violation> problems = ServiceValidator.validate(createService, taskDefinition);
 * }</pre>
 *
 * <p>Stateless and thread-safe. Sources: the CreateService and UpdateService API reference
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html) and ECS's
 * answers as users quoted them, each cited where it is used.
 */
public final class ServiceValidator {

    /**
     * "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed."
     * [doc: API_CreateService.html, serviceName].
     */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private ServiceValidator() {}

    /**
     * Every reason ECS would refuse {@code request}, judged without its task definition.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public static ImmutableList<Violation> validate(CreateServiceRequest request) {
        return validate(request, null);
    }

    /**
     * Every reason ECS would refuse {@code request}; empty when it would accept it. Each
     * {@link Violation} names the JSON path of its member ({@code deploymentConfiguration.maximumPercent}).
     * Never throws for a bad value.
     *
     * @param taskDefinition the service's task definition as registered (null: the rules that need it
     *     are not judged)
     * @throws NullPointerException if {@code request} is null
     */
    public static ImmutableList<Violation> validate(
            CreateServiceRequest request, @Nullable RegisterTaskDefinitionRequest taskDefinition) {
        Objects.requireNonNull(request, "request");
        Violations out = Violations.forEcs();
        JsonPath root = JsonPath.root();
        String name = request.serviceName();
        if (name != null && !SERVICE_NAME.matcher(name).matches()) {
            // [model] ECS's text for a bad name is not published; the rule is the API reference's.
            out.invalidParameter(root.child("serviceName"), ServiceMessages.SERVICE_NAME);
        }
        boolean daemon = SchedulingStrategy.DAEMON.equals(request.schedulingStrategy());
        boolean hasStrategy = request.capacityProviderStrategy() != null
                && !request.capacityProviderStrategy().isEmpty();
        if (request.launchType() != null && hasStrategy) {
            out.invalidParameter(root.child("capacityProviderStrategy"), ServiceMessages.LAUNCH_TYPE_AND_STRATEGY);
        }
        if (daemon) {
            if (request.desiredCount() != null) {
                out.invalidParameter(root.child("desiredCount"), ServiceMessages.DAEMON_DESIRED_COUNT);
            }
            if (request.placementStrategy() != null
                    && !request.placementStrategy().isEmpty()) {
                out.invalidParameter(root.child("placementStrategy"), ServiceMessages.DAEMON_PLACEMENT_STRATEGY);
            }
            if (hasStrategy && request.launchType() == null) {
                out.invalidParameter(
                        root.child("capacityProviderStrategy"), ServiceMessages.DAEMON_CAPACITY_PROVIDER_STRATEGY);
            }
            if (LaunchType.FARGATE.equals(request.launchType())) {
                out.invalidParameter(root.child("schedulingStrategy"), ServiceMessages.DAEMON_FARGATE);
            }
        }
        desiredCount(request.desiredCount(), root, out);
        deploymentConfiguration(request.deploymentConfiguration(), daemon, root.child("deploymentConfiguration"), out);
        List<LoadBalancer> lbs = request.loadBalancers();
        loadBalancers(lbs, taskDefinition, root, out);
        if (taskDefinition != null) {
            networkConfiguration(request.networkConfiguration() != null, true, taskDefinition, root, out);
            boolean noLoadBalancer = lbs == null || lbs.isEmpty();
            boolean noRegistry = (request.serviceRegistries() == null
                            || request.serviceRegistries().isEmpty())
                    && (request.vpcLatticeConfigurations() == null
                            || request.vpcLatticeConfigurations().isEmpty());
            Integer grace = request.healthCheckGracePeriodSeconds();
            if (grace != null
                    && grace > 0
                    && noLoadBalancer
                    && noRegistry
                    && !hasContainerHealthCheck(taskDefinition)) {
                out.invalidParameter(
                        root.child("healthCheckGracePeriodSeconds"),
                        ServiceMessages.GRACE_PERIOD_WITHOUT_LOAD_BALANCER);
            }
        }
        EcsShapeRules.check(request, root, out);
        return out.toList();
    }

    /**
     * Every reason ECS would refuse {@code request}, judged without its task definition.
     *
     * @throws NullPointerException if {@code request} is null
     */
    public static ImmutableList<Violation> validate(UpdateServiceRequest request) {
        return validate(request, null);
    }

    /**
     * Every reason ECS would refuse {@code request} whatever the service it updates; empty when nothing
     * in the request itself is refused. The rules that compare with the service as it stands (its
     * scheduling strategy, launch type, load balancers) are not judged.
     *
     * @param taskDefinition the task definition the update deploys, as registered (null: not judged)
     * @throws NullPointerException if {@code request} is null
     */
    public static ImmutableList<Violation> validate(
            UpdateServiceRequest request, @Nullable RegisterTaskDefinitionRequest taskDefinition) {
        Objects.requireNonNull(request, "request");
        Violations out = Violations.forEcs();
        JsonPath root = JsonPath.root();
        desiredCount(request.desiredCount(), root, out);
        deploymentConfiguration(request.deploymentConfiguration(), false, root.child("deploymentConfiguration"), out);
        loadBalancers(request.loadBalancers(), taskDefinition, root, out);
        if (taskDefinition != null) {
            networkConfiguration(request.networkConfiguration() != null, false, taskDefinition, root, out);
        }
        EcsShapeRules.check(request, root, out);
        return out.toList();
    }

    /**
     * Throws what ECS would answer to CreateService with {@code request}: its first violation's exception.
     *
     * @throws AwsServiceException an {@code InvalidParameterException} or {@code ClientException}
     *     with ECS's message ({@link #validate(CreateServiceRequest, RegisterTaskDefinitionRequest)}
     *     gives each violation's path)
     * @throws NullPointerException if {@code request} is null
     */
    public static void requireValid(
            CreateServiceRequest request, @Nullable RegisterTaskDefinitionRequest taskDefinition)
            throws AwsServiceException {
        List<Violation> violations = validate(request, taskDefinition);
        if (!violations.isEmpty()) {
            throw Violations.ecsException(violations.get(0));
        }
    }

    private static void desiredCount(@Nullable Integer count, JsonPath root, Violations out) {
        if (count != null && count < 0) {
            out.invalidParameter(root.child("desiredCount"), ServiceMessages.NEGATIVE_DESIRED_COUNT);
        }
    }

    private static void deploymentConfiguration(
            @Nullable DeploymentConfiguration dc, boolean daemon, JsonPath at, Violations out) {
        if (dc == null) {
            return;
        }
        Integer max = dc.maximumPercent();
        Integer min = dc.minimumHealthyPercent();
        if (daemon && max != null && max > 100) {
            out.invalidParameter(at.child("maximumPercent"), ServiceMessages.DAEMON_MAXIMUM_PERCENT);
        }
        if (min != null && (min < 0 || min > 100)) {
            out.invalidParameter(at.child("minimumHealthyPercent"), ServiceMessages.MINIMUM_HEALTHY_PERCENT_RANGE);
        }
        if (max != null && max < 0) {
            out.invalidParameter(at.child("maximumPercent"), ServiceMessages.MAXIMUM_PERCENT_NEGATIVE);
        }
    }

    private static void loadBalancers(
            @Nullable List<LoadBalancer> lbs,
            @Nullable RegisterTaskDefinitionRequest td,
            JsonPath root,
            Violations out) {
        if (lbs == null) {
            return;
        }
        for (int i = 0; i < lbs.size(); i++) {
            LoadBalancer lb = lbs.get(i);
            JsonPath at = root.child("loadBalancers").index(i);
            String container = lb.containerName();
            if (container == null || container.isBlank()) {
                out.invalidParameter(at.child("containerName"), ServiceMessages.CONTAINER_NAME_BLANK);
                continue;
            }
            if (td == null || lb.containerPort() == null) {
                continue;
            }
            ContainerDefinition c = container(td, container);
            if (c == null) {
                out.invalidParameter(at.child("containerName"), ServiceMessages.noSuchContainer(container));
            } else if (!hasContainerPort(c, lb.containerPort())) {
                out.invalidParameter(
                        at.child("containerPort"), ServiceMessages.noContainerPort(container, lb.containerPort()));
            }
        }
    }

    private static void networkConfiguration(
            boolean given, boolean create, RegisterTaskDefinitionRequest td, JsonPath root, Violations out) {
        boolean awsvpc = NetworkMode.AWSVPC.equals(td.networkMode());
        if (awsvpc && !given && create) {
            out.invalidParameter(
                    root.child("networkConfiguration"), ServiceMessages.AWSVPC_NEEDS_NETWORK_CONFIGURATION);
        } else if (!awsvpc && given) {
            out.invalidParameter(root.child("networkConfiguration"), ServiceMessages.NETWORK_CONFIGURATION_NOT_VALID);
        }
    }

    private static @Nullable ContainerDefinition container(RegisterTaskDefinitionRequest td, String name) {
        if (td.containerDefinitions() == null) {
            return null;
        }
        for (ContainerDefinition c : td.containerDefinitions()) {
            if (name.equals(c.name())) {
                return c;
            }
        }
        return null;
    }

    private static boolean hasContainerPort(ContainerDefinition c, int port) {
        if (c.portMappings() == null) {
            return false;
        }
        for (PortMapping pm : c.portMappings()) {
            if (pm.containerPort() != null && pm.containerPort() == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasContainerHealthCheck(RegisterTaskDefinitionRequest td) {
        return td.containerDefinitions() != null
                && td.containerDefinitions().stream().anyMatch(c -> c.healthCheck() != null);
    }
}
