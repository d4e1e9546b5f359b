package io.github.berth.placement;

import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.validation.JsonPath;
import io.github.berth.core.validation.internal.Violations;
import java.util.List;

/**
 * Every error a placement request can be refused with, in one place. Texts marked [obs] are ECS's
 * own (docs/placement.md and docs/scheduler.md, sections noted); texts
 * marked [model] are Berth's where ECS's wording is not published (docs/placement.md#open-questions): they
 * keep the AWS form of API-model constraints ("Value ... at '...' failed to satisfy constraint:
 * ...") or follow the wording of a sibling message.
 */
final class PlacementErrors {

    /** RunTask's limit on {@code count} (docs/placement.md#runtask-response). */
    static final int MAX_RUN_TASK_COUNT = 10;
    /** Strategies per task or service (docs/placement.md#several-strategies). */
    static final int MAX_STRATEGIES = 5;
    /** Constraints per task, the task definition's included (docs/placement.md#constraints). */
    static final int MAX_CONSTRAINTS = 10;
    /** Subnets per awsvpcConfiguration (docs/placement.md#awsvpc-and-enis). */
    static final int MAX_SUBNETS = 16;

    private PlacementErrors() {}

    // [obs] docs/placement.md#errors-instead-of-failures
    static InvalidParameterException noContainerInstances() {
        return new InvalidParameterException("No Container Instances were found in your cluster.");
    }

    // [obs] docs/placement.md#errors-instead-of-failures
    static InvalidParameterException inactiveTaskDefinition() {
        return new InvalidParameterException("TaskDefinition is inactive");
    }

    // [obs] docs/placement.md#errors-instead-of-failures
    static InvalidParameterException noFargateSupport() {
        return new InvalidParameterException("Task definition does not support launch_type FARGATE.");
    }

    // [obs] docs/placement.md#fargate-and-placement
    static InvalidParameterException fargateConstraints() {
        return new InvalidParameterException("Placement constraints are not supported with FARGATE launch type.");
    }

    // [obs] docs/placement.md#fargate-and-placement
    static InvalidParameterException fargateStrategies() {
        return new InvalidParameterException("Placement strategies are not supported with FARGATE launch type.");
    }

    // [obs, weak] docs/placement.md#fargate-and-placement: ECS's answer to a Fargate task definition with placement
    // constraints; a
    // definition read from a file (not registered) may carry both.
    static ClientException fargateTaskDefinitionConstraints() {
        return new ClientException("Fargate does not support task placement constraints.");
    }

    // [obs] docs/placement.md#constraints
    static InvalidParameterException distinctInstanceExpression() {
        return new InvalidParameterException("distinctInstance expression should not be specified.");
    }

    // [obs] docs/placement.md#constraints (RegisterTaskDefinition answers it; a task definition read from a file may
    // hold it)
    static ClientException distinctInstanceInTaskDefinition() {
        return new ClientException("constraint.type 'distinctInstance' is not supported.");
    }

    // [model] by analogy with the distinctInstance text
    static InvalidParameterException memberOfWithoutExpression() {
        return new InvalidParameterException("memberOf expression must be specified.");
    }

    // [obs] docs/placement.md#awsvpc-failures
    static InvalidParameterException networkConfigurationRequired() {
        return new InvalidParameterException(
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
    }

    // [obs] docs/placement.md#awsvpc-failures (the exception type is not shown there; InvalidParameterException as its
    // sibling)
    static InvalidParameterException networkConfigurationNotValid() {
        return new InvalidParameterException(
                "Network Configuration is not valid for the given networkMode of this task definition.");
    }

    // [obs] docs/scheduler.md#capacity-provider-strategy
    static InvalidParameterException launchTypeAndStrategy() {
        return new InvalidParameterException(
                "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    }

    // [obs] docs/scheduler.md#capacity-provider-strategy
    static InvalidParameterException noPositiveWeight() {
        return new InvalidParameterException("There are no capacity providers with a weight value greater than zero "
                + "defined in the default capacity provider strategy. At least one capacity provider must have a weight "
                + "value greater than zero specified. Update the cluster's default capacity provider strategy or specify "
                + "a valid capacity provider strategy and try again.");
    }

    // [model]
    static InvalidParameterException moreThanOneBase() {
        return new InvalidParameterException(
                "Only one capacity provider in a capacity provider strategy can have a base defined.");
    }

    // [model]
    static InvalidParameterException mixedProviders() {
        return new InvalidParameterException("A capacity provider strategy cannot contain both Fargate capacity "
                + "providers and Auto Scaling group capacity providers.");
    }

    // [model] in the AWS form of a range constraint
    static InvalidParameterException count(int count, boolean runTask) {
        Violations v = Violations.forEcs();
        if (count < 1) {
            v.modelMin(JsonPath.root().child("count"), count, runTask ? 1 : 0);
        } else {
            v.modelMax(JsonPath.root().child("count"), count, MAX_RUN_TASK_COUNT);
        }
        return (InvalidParameterException) v.firstEcsException();
    }

    // [model]
    static InvalidParameterException tooManyStrategies(int n) {
        return model(v -> v.modelMaxSize(JsonPath.root().child("placementStrategy"), n, MAX_STRATEGIES));
    }

    // [model]
    static InvalidParameterException tooManyConstraints(int n) {
        return new InvalidParameterException("Too many placement constraints: " + n
                + ". You can specify up to 10 constraints for each task, including those in the task definition.");
    }

    // [model]
    static InvalidParameterException unknownEnum(JsonPath path, String value, List<?> known) {
        return model(v -> v.modelEnum(path, value, known));
    }

    // [model]
    static InvalidParameterException required(JsonPath path) {
        return model(v -> v.modelRequired(path));
    }

    // [model]
    static InvalidParameterException expressionTooLong(JsonPath path, String expression) {
        return model(v -> v.modelMaxLength(path, expression, 2000));
    }

    // [model]
    static InvalidParameterException binpackField(String field) {
        return new InvalidParameterException(
                "Invalid field '" + field + "' for placement strategy binpack. Valid fields are cpu and memory.");
    }

    // [model]
    static InvalidParameterException spreadField(String field) {
        return new InvalidParameterException("Invalid field '" + field
                + "' for placement strategy spread. Valid fields are instanceId, host and attribute:<name>.");
    }

    // [model]
    static InvalidParameterException subnetsRequired() {
        return new InvalidParameterException("subnets can not be empty.");
    }

    // [model]
    static InvalidParameterException tooManySubnets(int n) {
        return model(v -> v.modelMaxSize(
                JsonPath.root()
                        .child("networkConfiguration")
                        .child("awsvpcConfiguration")
                        .child("subnets"),
                n,
                MAX_SUBNETS));
    }

    private interface Rule {
        void apply(Violations v);
    }

    private static InvalidParameterException model(Rule rule) {
        Violations v = Violations.forEcs();
        rule.apply(v);
        return (InvalidParameterException) v.firstEcsException();
    }
}
