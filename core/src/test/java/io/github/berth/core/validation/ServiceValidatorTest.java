package io.github.berth.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.UpdateServiceRequest;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.json.EcsJson;
import org.junit.jupiter.api.Test;

/** CreateService and UpdateService as ECS judges them: each rule with a passing and a failing case. */
class ServiceValidatorTest {

    private static final RegisterTaskDefinitionRequest AWSVPC_TD = td("""
      {"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
       "containerDefinitions": [{"name": "app", "image": "nginx", "portMappings": [{"containerPort": 8080}]}]}""");
    private static final RegisterTaskDefinitionRequest BRIDGE_TD = td("""
      {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 256,
       "portMappings": [{"containerPort": 80}]}]}""");
    private static final RegisterTaskDefinitionRequest CHECKED_TD = td("""
      {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 256,
       "healthCheck": {"command": ["CMD", "true"]}}]}""");

    private static RegisterTaskDefinitionRequest td(String json) {
        return EcsJson.strict().read(json, RegisterTaskDefinitionRequest.class);
    }

    private static CreateServiceRequest create(String json) {
        return EcsJson.strict().read(json, CreateServiceRequest.class);
    }

    private static UpdateServiceRequest update(String json) {
        return EcsJson.strict().read(json, UpdateServiceRequest.class);
    }

    @Test
    void aPlainFargateServiceIsAccepted() {
        CreateServiceRequest r = create("""
        {"cluster": "prod", "serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2, "launchType": "FARGATE",
         "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}},
         "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1",
           "containerName": "app", "containerPort": 8080}],
         "healthCheckGracePeriodSeconds": 60,
         "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 50}}""");
        assertThat(ServiceValidator.validate(r, AWSVPC_TD)).isEmpty();
        assertThat(ServiceValidator.validate(r)).isEmpty();
    }

    @Test
    void aServiceNameIsLettersDigitsUnderscoresAndHyphens() {
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"web_api-2\"}")))
                .isEmpty();
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"web.api\"}")))
                .containsExactly(
                        new Violation(
                                "serviceName",
                                "InvalidParameterException",
                                "Service names can have up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens."));
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"" + "a".repeat(256) + "\"}")))
                .hasSize(1);
    }

    @Test
    void aServiceNameIsRequiredByTheApiModel() {
        assertThat(ServiceValidator.validate(create("{\"desiredCount\": 1}")))
                .containsExactly(new Violation(
                        "serviceName",
                        "InvalidParameterException",
                        "Value null at 'serviceName' failed to satisfy constraint: Member must not be null"));
    }

    @Test
    void aLaunchTypeAndACapacityProviderStrategyExcludeEachOther() {
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"w\", \"capacityProviderStrategy\": "
                        + "[{\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}]}")))
                .isEmpty();
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"w\", \"launchType\": \"FARGATE\", "
                        + "\"capacityProviderStrategy\": [{\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}]}")))
                .containsExactly(
                        new Violation(
                                "capacityProviderStrategy",
                                "InvalidParameterException",
                                "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again."));
    }

    @Test
    void daemonServicesTakeNoCountNoPlacementStrategyNoProviderStrategyAndAtMost100Percent() {
        assertThat(
                        ServiceValidator.validate(
                                create(
                                        "{\"serviceName\": \"agent\", \"schedulingStrategy\": \"DAEMON\", "
                                                + "\"launchType\": \"EC2\", \"deploymentConfiguration\": {\"maximumPercent\": 100, \"minimumHealthyPercent\": 0}}")))
                .isEmpty();
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"agent\", \"schedulingStrategy\": \"DAEMON\", "
                        + "\"desiredCount\": 3, \"placementStrategy\": [{\"type\": \"spread\", \"field\": \"instanceId\"}], "
                        + "\"capacityProviderStrategy\": [{\"capacityProvider\": \"asg\", \"weight\": 1}], "
                        + "\"deploymentConfiguration\": {\"maximumPercent\": 200}}")))
                .containsExactly(
                        new Violation(
                                "desiredCount",
                                "InvalidParameterException",
                                "The daemon scheduling strategy does not support "
                                        + "a desired count for services. Remove the desired count value and try again"),
                        new Violation(
                                "placementStrategy",
                                "InvalidParameterException",
                                "The daemon scheduling strategy does not "
                                        + "support placement strategies. Remove the placement strategy and try again"),
                        new Violation(
                                "capacityProviderStrategy",
                                "InvalidParameterException",
                                "Specifying a capacity provider "
                                        + "strategy is not supported when you create a service using the DAEMON scheduling strategy."),
                        new Violation(
                                "deploymentConfiguration.maximumPercent",
                                "InvalidParameterException",
                                "The daemon scheduling "
                                        + "strategy does not support values above 100 for maximumPercent on a deployment configuration. Change "
                                        + "the maximumPercent value to 100, and try again"));
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"agent\", \"schedulingStrategy\": \"DAEMON\", "
                        + "\"launchType\": \"FARGATE\"}")))
                .extracting(Violation::path)
                .containsExactly("schedulingStrategy");
    }

    @Test
    void aReplicaServiceMayDeployAbove100Percent() {
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"w\", \"desiredCount\": 1, "
                        + "\"deploymentConfiguration\": {\"maximumPercent\": 200}}")))
                .isEmpty();
    }

    @Test
    void countsAndPercentagesAreBounded() {
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"w\", \"desiredCount\": -1, "
                        + "\"deploymentConfiguration\": {\"minimumHealthyPercent\": 101, \"maximumPercent\": -5}}")))
                .extracting(Violation::path, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("desiredCount", "desiredCount can't be negative."),
                        org.assertj.core.groups.Tuple.tuple(
                                "deploymentConfiguration.minimumHealthyPercent",
                                "minimumHealthyPercent must be between 0 and 100."),
                        org.assertj.core.groups.Tuple.tuple(
                                "deploymentConfiguration.maximumPercent", "maximumPercent can't be negative."));
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"w\", \"desiredCount\": 0, "
                        + "\"deploymentConfiguration\": {\"minimumHealthyPercent\": 0, \"maximumPercent\": 0}}")))
                .isEmpty();
    }

    @Test
    void awsvpcNeedsANetworkConfigurationAndOtherModesRefuseOne() {
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"w\", \"desiredCount\": 1}"), AWSVPC_TD))
                .containsExactly(new Violation(
                        "networkConfiguration",
                        "InvalidParameterException",
                        "Network Configuration must be provided when networkMode 'awsvpc' is specified."));
        assertThat(ServiceValidator.validate(
                        create(
                                "{\"serviceName\": \"w\", \"desiredCount\": 1, "
                                        + "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-1\"]}}}"),
                        BRIDGE_TD))
                .containsExactly(new Violation(
                        "networkConfiguration",
                        "InvalidParameterException",
                        "Network Configuration is not valid for the given networkMode of this task definition."));
        assertThat(ServiceValidator.validate(create("{\"serviceName\": \"w\", \"desiredCount\": 1}"), BRIDGE_TD))
                .isEmpty();
    }

    @Test
    void aLoadBalancerNamesAContainerAndAPortOfTheTaskDefinition() {
        String lb = "{\"serviceName\": \"w\", \"desiredCount\": 1, \"loadBalancers\": [{\"targetGroupArn\": \"arn:aws:"
                + "elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1\", \"containerName\": \"%s\", \"containerPort\": %d}]}";
        assertThat(ServiceValidator.validate(create(String.format(lb, "app", 80)), BRIDGE_TD))
                .isEmpty();
        assertThat(ServiceValidator.validate(create(String.format(lb, "app", 3000)), BRIDGE_TD))
                .containsExactly(new Violation(
                        "loadBalancers[0].containerPort",
                        "InvalidParameterException",
                        "The container app did not have a container port 3000 defined."));
        assertThat(ServiceValidator.validate(create(String.format(lb, "web", 80)), BRIDGE_TD))
                .containsExactly(new Violation(
                        "loadBalancers[0].containerName",
                        "InvalidParameterException",
                        "The container web does not exist in the task definition."));
        assertThat(ServiceValidator.validate(create(String.format(lb, " ", 80)), null))
                .containsExactly(new Violation(
                        "loadBalancers[0].containerName",
                        "InvalidParameterException",
                        "Container Name can not be blank."));
    }

    @Test
    void aGracePeriodNeedsALoadBalancerOrAHealthCheck() {
        String grace = "{\"serviceName\": \"w\", \"desiredCount\": 1, \"healthCheckGracePeriodSeconds\": 30}";
        assertThat(ServiceValidator.validate(create(grace), BRIDGE_TD))
                .containsExactly(new Violation(
                        "healthCheckGracePeriodSeconds",
                        "InvalidParameterException",
                        "Health check grace period is only valid for services configured to use load balancers"));
        assertThat(ServiceValidator.validate(create(grace), CHECKED_TD)).isEmpty();
        assertThat(ServiceValidator.validate(create(grace)))
                .as("not judged without the task definition")
                .isEmpty();
    }

    @Test
    void updateServiceIsJudgedOnWhatItCarries() {
        assertThat(ServiceValidator.validate(
                        update("{\"service\": \"web\", \"desiredCount\": 4, " + "\"forceNewDeployment\": true}"),
                        AWSVPC_TD))
                .isEmpty();
        assertThat(ServiceValidator.validate(
                        update(
                                "{\"service\": \"web\", \"desiredCount\": -4, "
                                        + "\"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-1\"]}}}"),
                        BRIDGE_TD))
                .extracting(Violation::path)
                .containsExactly("desiredCount", "networkConfiguration");
        assertThat(ServiceValidator.validate(update("{\"desiredCount\": 1}")))
                .extracting(Violation::message)
                .containsExactly("Value null at 'service' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void requireValidThrowsTheFirstViolation() {
        assertThatThrownBy(() -> ServiceValidator.requireValid(
                        create("{\"serviceName\": \"w\", \"launchType\": \"EC2\", "
                                + "\"capacityProviderStrategy\": [{\"capacityProvider\": \"a\"}]}"),
                        null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Specifying both a launch type and capacity provider strategy is not supported.");
    }
}
