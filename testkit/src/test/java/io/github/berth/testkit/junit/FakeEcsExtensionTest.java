package io.github.berth.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.testkit.fake.FakeEcs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

@WithFakeEcs(seed = 9, region = "eu-west-1", start = "2025-06-01T12:00:00Z")
class FakeEcsExtensionTest {

    @Test
    void theFakeComesWithTheClassSettings(FakeEcs ecs) {
        assertThat(ecs.region()).isEqualTo("eu-west-1");
        assertThat(ecs.clock().now()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        assertThat(ecs.createCluster(b -> b.clusterName("c")).cluster().clusterArn())
                .isEqualTo("arn:aws:ecs:eu-west-1:123456789012:cluster/c");
    }

    @Test
    @WithFakeEcs(accountId = "111122223333")
    void theMethodSettingsWin(FakeEcs ecs) {
        assertThat(ecs.accountId()).isEqualTo("111122223333");
        assertThat(ecs.region()).isEqualTo("us-east-1");
    }

    @Test
    void everyParameterOfOneTestIsTheSameFake(FakeEcs a, FakeEcs b) {
        assertThat(a).isSameAs(b);
    }

    @Test
    void aFailingTestPrintsTheLastEvents() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FakeEcsExtension extension = new FakeEcsExtension(new PrintStream(out, true, StandardCharsets.UTF_8));
        ExtensionContext context =
                context(FakeEcsExtensionTest.class.getDeclaredMethod("aFailingTestPrintsTheLastEvents"));
        FakeEcs ecs = FakeEcsExtension.fake(context);
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        AssertionError failure = new AssertionError("boom");
        assertThatThrownBy(() -> extension.handleTestExecutionException(context, failure))
                .isSameAs(failure);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .startsWith("The fake's last 1 events before a failing test failed (fake time 2025-06-01T12:00:00Z):")
                .contains("ECS Container Instance State Change")
                .contains("status=ACTIVE");
    }

    /** A minimal context: a store and the test method, as JUnit gives them. */
    private static ExtensionContext context(Method method) {
        Map<Object, Object> values = new HashMap<>();
        ExtensionContext.Store store = (ExtensionContext.Store) java.lang.reflect.Proxy.newProxyInstance(
                FakeEcsExtensionTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.Store.class},
                (p, m, args) -> {
                    switch (m.getName()) {
                        case "getOrComputeIfAbsent":
                            return values.computeIfAbsent(
                                    args[0], k -> ((java.util.function.Function<Object, Object>) args[1]).apply(k));
                        case "get":
                            return values.get(args[0]);
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
        return (ExtensionContext) java.lang.reflect.Proxy.newProxyInstance(
                FakeEcsExtensionTest.class.getClassLoader(), new Class<?>[] {ExtensionContext.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "getStore":
                            return store;
                        case "getTestMethod":
                            return Optional.of(method);
                        case "getTestClass":
                            return Optional.of(FakeEcsExtensionTest.class);
                        case "getDisplayName":
                            return "a failing test";
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }
}
