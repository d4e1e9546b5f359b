package io.github.berth.core.lint;

import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.model.AssignPublicIp;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.DeploymentControllerType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The service rules of {@link LintRules}, judging a CreateService input and what is known of its subnets. */
final class ServiceLint {

    private ServiceLint() {}

    static void check(CreateServiceRequest s, Map<String, Subnet> subnets, String resource, Consumer<Finding> out) {
        AwsVpcConfiguration vpc = s.networkConfiguration() == null
                ? null
                : s.networkConfiguration().awsvpcConfiguration();
        if (vpc != null) {
            String at = "networkConfiguration.awsvpcConfiguration";
            List<String> ids = vpc.subnets() == null ? List.of() : vpc.subnets();
            if (ids.size() == 1) {
                out.accept(LintRules.SINGLE_SUBNET.at(
                        resource, at + ".subnets", "The service has one subnet, " + ids.get(0) + "."));
            } else if (ids.size() > 1) {
                Set<String> zones = new TreeSet<>();
                boolean allKnown = true;
                for (String id : ids) {
                    Subnet known = subnets.get(id);
                    if (known == null || known.availabilityZone() == null) {
                        allKnown = false;
                    } else {
                        zones.add(known.availabilityZone());
                    }
                }
                if (allKnown && zones.size() == 1) {
                    out.accept(LintRules.SINGLE_AZ.at(
                            resource,
                            at + ".subnets",
                            "The service's " + ids.size() + " subnets are all in "
                                    + zones.iterator().next() + "."));
                }
            }
            for (int i = 0; i < ids.size(); i++) {
                Subnet known = subnets.get(ids.get(i));
                if (known != null && Boolean.TRUE.equals(known.mapPublicIpOnLaunch())) {
                    out.accept(LintRules.PUBLIC_SUBNET.at(
                            resource,
                            at + ".subnets[" + i + "]",
                            "Subnet " + ids.get(i) + " assigns public IP addresses on launch."));
                }
            }
            if (AssignPublicIp.ENABLED.equals(vpc.assignPublicIp())) {
                out.accept(LintRules.PUBLIC_IP.at(resource, at + ".assignPublicIp", "assignPublicIp is ENABLED."));
            }
        }
        DeploymentConfiguration dc = s.deploymentConfiguration();
        boolean rolling = s.deploymentController() == null
                || s.deploymentController().type() == null
                || DeploymentControllerType.ECS.equals(s.deploymentController().type());
        // The circuit breaker exists for the rolling update (ECS) controller only (API DeploymentCircuitBreaker).
        if (rolling
                && (dc == null
                        || dc.deploymentCircuitBreaker() == null
                        || !Boolean.TRUE.equals(dc.deploymentCircuitBreaker().enable()))) {
            out.accept(LintRules.NO_CIRCUIT_BREAKER.at(
                    resource,
                    "deploymentConfiguration.deploymentCircuitBreaker",
                    "The deployment circuit breaker is not enabled."));
        }
        boolean behindLoadBalancer =
                s.loadBalancers() != null && !s.loadBalancers().isEmpty();
        if (behindLoadBalancer && dc != null && Integer.valueOf(0).equals(dc.minimumHealthyPercent())) {
            out.accept(LintRules.MIN_HEALTHY_ZERO_BEHIND_LOAD_BALANCER.at(
                    resource,
                    "deploymentConfiguration.minimumHealthyPercent",
                    "minimumHealthyPercent is 0 and the service has a load balancer."));
        }
        if (s.platformVersion() != null && !s.platformVersion().equals("LATEST")) {
            out.accept(LintRules.FARGATE_PLATFORM_PINNED.at(
                    resource, "platformVersion", "platformVersion is " + s.platformVersion() + "."));
        }
    }
}
