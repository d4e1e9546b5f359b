package io.github.berth.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh {@link io.github.berth.testkit.fake.FakeEcs} as a parameter, made with
 * these settings (on the method, or else on the class); when the test fails, the last events of
 * the fake are printed to standard error.
 *
 * <pre>{@code
 * @WithFakeEcs(seed = 7)
 * class DeployerTest {
 *   @Test
 *   void rollsBack(FakeEcs ecs) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(FakeEcsExtension.class)
public @interface WithFakeEcs {

    /** The seed of every random choice of the fake. */
    long seed() default 0;

    String region() default "us-east-1";

    String accountId() default "123456789012";

    /** The fake clock's first instant, ISO-8601. */
    String start() default "2026-01-01T00:00:00Z";

    /** How many of the last events to print when the test fails. */
    int eventsOnFailure() default 30;
}
