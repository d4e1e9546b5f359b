/**
 * The fake behind the AWS SDK for Java v2, in process: an {@code SdkHttpClient} that hands each
 * request the SDK marshals to the same dispatcher as the HTTP server ({@link
 * io.github.berth.testkit.sdk.FakeSdkHttpClient}), an {@code EcsClient} whose waiters run on the
 * fake's clock ({@link io.github.berth.testkit.sdk.FakeEcsClients}), and conversions between
 * Berth's model and the SDK's ({@link io.github.berth.testkit.sdk.SdkShapes}). The SDK is an
 * optional dependency of testkit: this package needs {@code software.amazon.awssdk:ecs}.
 */
package io.github.berth.testkit.sdk;
