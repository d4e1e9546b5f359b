/**
 * A {@link io.github.berth.testkit.fake.FakeEcs} on an HTTP endpoint ({@link
 * io.github.berth.testkit.server.EcsServer}), speaking the AWS JSON 1.1 protocol of ECS and of
 * Application Auto Scaling, so that unmodified AWS SDKs and the AWS CLI talk to the fake; plus a
 * small control API for tests in other languages. Every request goes through one {@link
 * io.github.berth.testkit.server.Dispatcher}, which the in-process SDK channel shares.
 */
package io.github.berth.testkit.server;
