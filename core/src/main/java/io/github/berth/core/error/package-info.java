/**
 * One exception type per error code of the Amazon ECS API, each knowing its wire {@code __type} and
 * HTTP status: code that branches on ECS's error codes reads Berth's the same way. Code written for
 * the AWS SDK's exception classes ({@code software.amazon.awssdk.services.ecs.model.*Exception})
 * catches them only when it calls Berth through the SDK channel of {@code testkit}, which turns
 * Berth's answers into the SDK's own exceptions. The errors of other AWS services live in the
 * module that models the service, on the same base type {@link io.github.berth.core.error.AwsServiceException}.
 */
package io.github.berth.core.error;
