/**
 * JUnit 5 support: {@link io.github.berth.testkit.junit.WithFakeEcs} gives each test a fresh fake
 * ECS as a parameter and prints the fake's last events when the test fails.
 */
package io.github.berth.testkit.junit;
