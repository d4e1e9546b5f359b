package io.github.berth.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.Nullable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The targets of deployment lifecycle hooks (docs/scheduler.md#lifecycle-hooks): where ECS would
 * invoke a Lambda function, the fake calls the Java callback registered under the hook's {@code
 * hookTargetArn}.
 *
 * <pre>{@code
 * ecs.lifecycleHooks().register("arn:aws:lambda:us-east-1:123456789012:function:smoke-test",
 *     invocation -> invocation.attempt() < 3 ? HookResult.inProgress(Duration.ofSeconds(10)) : HookResult.SUCCEEDED);
 * }</pre>
 *
 * <p>A hook whose target has no callback fails, as a Lambda function that does not answer a valid
 * {@code hookStatus} does, and the deployment rolls back. Callbacks are code, not state: a snapshot
 * does not hold them, and a fake made by {@link FakeEcs#restore(String)} needs them registered again.
 * A callback runs while the fake's clock runs, under its lock: it may read the fake, and should not
 * change it.
 */
public final class LifecycleHooks {

    /** What the fake passes to a hook: the payload ECS passes to a Lambda hook, and the attempt (1, 2...). */
    public record Invocation(
            String serviceArn,
            String serviceDeploymentArn,
            String targetServiceRevisionArn,
            String lifecycleStage,
            @Nullable JsonNode hookDetails,
            int attempt) {}

    /** A hook's code. */
    @FunctionalInterface
    public interface Hook {
        HookResult invoke(Invocation invocation);
    }

    /**
     * A hook's answer, as a Lambda hook's {@code hookStatus}: SUCCEEDED (the deployment goes on),
     * FAILED (it rolls back), IN_PROGRESS (invoke again after {@code callBackDelay}, 30 s by default).
     */
    public record HookResult(String hookStatus, @Nullable Duration callBackDelay) {
        public static final HookResult SUCCEEDED = new HookResult("SUCCEEDED", null);
        public static final HookResult FAILED = new HookResult("FAILED", null);
        public static final HookResult IN_PROGRESS = new HookResult("IN_PROGRESS", null);

        public HookResult {
            Objects.requireNonNull(hookStatus, "hookStatus");
        }

        public static HookResult inProgress(Duration callBackDelay) {
            return new HookResult("IN_PROGRESS", Objects.requireNonNull(callBackDelay, "callBackDelay"));
        }
    }

    private final Engine engine;
    private final Map<String, Hook> hooks = new LinkedHashMap<>();

    LifecycleHooks(Engine engine) {
        this.engine = engine;
    }

    /** Registers (or replaces) the callback of a hook target ARN. */
    public LifecycleHooks register(String hookTargetArn, Hook hook) {
        Objects.requireNonNull(hookTargetArn, "hookTargetArn");
        Objects.requireNonNull(hook, "hook");
        synchronized (engine) {
            hooks.put(hookTargetArn, hook);
        }
        return this;
    }

    /** Removes the callback of a hook target ARN: the hook fails from then on. */
    public LifecycleHooks unregister(String hookTargetArn) {
        synchronized (engine) {
            hooks.remove(hookTargetArn);
        }
        return this;
    }

    @Nullable
    Hook find(@Nullable String hookTargetArn) {
        return hookTargetArn == null ? null : hooks.get(hookTargetArn);
    }
}
