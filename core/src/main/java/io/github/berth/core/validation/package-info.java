/**
 * Whether ECS would accept a request, and if not every reason at once: each
 * {@link io.github.berth.core.validation.Violation} names the JSON path of the member, the AWS
 * error code and the message ECS gives. {@link io.github.berth.core.validation.TaskDefinitionValidator}
 * applies the RegisterTaskDefinition rules and the API model's constraints;
 * {@link io.github.berth.core.validation.TaskDefinitionNormalizer} and
 * {@link io.github.berth.core.validation.ResourceUnits} turn a request into what ECS stores.
 */
package io.github.berth.core.validation;
