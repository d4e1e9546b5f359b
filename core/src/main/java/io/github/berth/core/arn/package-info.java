/**
 * ARNs and ids: {@link io.github.berth.core.arn.EcsArns} formats the long-format ARN of every ECS
 * resource, {@link io.github.berth.core.arn.EcsArn} parses them (long and old short forms), and
 * {@link io.github.berth.core.arn.Ids} mints ids from a seed.
 */
package io.github.berth.core.arn;
