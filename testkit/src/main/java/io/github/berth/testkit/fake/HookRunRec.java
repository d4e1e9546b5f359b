package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import java.time.Instant;

/**
 * One run of a deployment lifecycle hook at one lifecycle stage (docs/scheduler.md#lifecycle-hooks):
 * what DescribeServiceDeployments shows in {@code lifecycleHookDetails}, and when the hook is
 * invoked again.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
final class HookRunRec {
    String hookId;
    /** The index of the hook in deploymentConfiguration.lifecycleHooks. */
    int hookIndex;
    /** The stage it runs at (a DeploymentLifecycleHookStage value). */
    String stage;

    String targetType = "AWS_LAMBDA";

    @Nullable
    String targetArn;
    /** IN_PROGRESS, SUCCEEDED, FAILED or TIMED_OUT. */
    String status = "IN_PROGRESS";

    @Nullable
    Instant expiresAt;

    @Nullable
    String timeoutAction;
    /** When the hook is invoked next (an IN_PROGRESS answer's callBackDelay), or null. */
    @Nullable
    Instant nextInvokeAt;

    int invocations;

    // BlueGreen sets hookId and stage right after; Jackson (Snapshots) sets every field.
    @SuppressWarnings("NullAway.Init")
    HookRunRec() {}
}
