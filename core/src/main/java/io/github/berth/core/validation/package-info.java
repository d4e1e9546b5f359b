/**
 * Whether ECS would accept a request, and if not every reason at once: each
 * {@link io.github.berth.core.validation.Violation} names the JSON path of the member, the AWS
 * error code and the message ECS gives. Covers the rules ECS applies on RegisterTaskDefinition
 * and the constraints of the API model (required members, enum values, lengths and ranges).
 */
package io.github.berth.core.validation;
