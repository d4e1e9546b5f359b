package io.github.berth.testkit.generators;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.validation.Violation;

/**
 * A task definition that breaks exactly one named rule of ECS, and the violation ECS reports for it:
 * the JSON path, the error code and ECS's message. Made by {@link EcsGen#invalidTaskDefinitions()}
 * from a valid task definition changed in one respect.
 *
 * @param rule the rule broken, e.g. {@code fargate-only-awsvpc} (see {@link EcsGen#invalidTaskDefinitionRules()})
 * @param taskDefinition the request
 * @param violation the one violation validation must report
 */
public record InvalidTaskDefinition(String rule, RegisterTaskDefinitionRequest taskDefinition, Violation violation) {}
