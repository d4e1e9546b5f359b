package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * The cooldown bookkeeping of one scaling policy: when it last scaled out (and from what capacity
 * to what capacity) and when it last scaled in. Immutable; each activity gives a new value.
 *
 * <p>The documented interplay (docs/scaling.md#cooldowns): during a scale-out cooldown the capacity the
 * initiating activity added counts as already there, so a policy scales out again only to a
 * capacity above what it last set, computed from the capacity the cooldown started from (a step
 * of +2 then, in cooldown, a step of +3 adds 1); a scale-in waits for its cooldown to end; a
 * scale-out during a scale-in cooldown happens at once and ends that cooldown.
 */
public final class PolicyCooldown {

    private static final long NEVER = Long.MIN_VALUE;

    /** A policy that has not acted yet. */
    public static final PolicyCooldown NONE = new PolicyCooldown(NEVER, 0, 0, NEVER);

    private final long lastScaleOut;
    private final int scaleOutBase;
    private final int lastScaleOutCapacity;
    private final long lastScaleIn;

    private PolicyCooldown(long lastScaleOut, int scaleOutBase, int lastScaleOutCapacity, long lastScaleIn) {
        this.lastScaleOut = lastScaleOut;
        this.scaleOutBase = scaleOutBase;
        this.lastScaleOutCapacity = lastScaleOutCapacity;
        this.lastScaleIn = lastScaleIn;
    }

    /** When the policy last scaled out, or null. */
    public @Nullable Instant lastScaleOut() {
        return lastScaleOut == NEVER ? null : Instant.ofEpochSecond(lastScaleOut);
    }

    /** The capacity before the scale-out that started the current scale-out cooldown. */
    public int scaleOutBase() {
        return scaleOutBase;
    }

    /** The capacity the policy's last scale-out set. */
    public int lastScaleOutCapacity() {
        return lastScaleOutCapacity;
    }

    /** When the policy last scaled in (null when never, or when a scale-out ended the cooldown). */
    public @Nullable Instant lastScaleIn() {
        return lastScaleIn == NEVER ? null : Instant.ofEpochSecond(lastScaleIn);
    }

    /** Whether a scale-out cooldown of {@code seconds} started by the last scale-out runs at {@code now}. */
    public boolean inScaleOutCooldown(Instant now, long seconds) {
        return inScaleOutCooldown(now.getEpochSecond(), seconds);
    }

    boolean inScaleOutCooldown(long now, long seconds) {
        return lastScaleOut != NEVER && now < lastScaleOut + seconds;
    }

    /** Whether a scale-in cooldown of {@code seconds} runs at {@code now}. */
    public boolean inScaleInCooldown(Instant now, long seconds) {
        return inScaleInCooldown(now.getEpochSecond(), seconds);
    }

    boolean inScaleInCooldown(long now, long seconds) {
        return lastScaleIn != NEVER && now < lastScaleIn + seconds;
    }

    /**
     * After this policy scaled out at {@code now} from {@code before} to {@code after}. A scale-out
     * within the running cooldown keeps the cooldown's base capacity.
     */
    public PolicyCooldown afterScaleOut(Instant now, long cooldownSeconds, int before, int after) {
        return afterScaleOut(now.getEpochSecond(), cooldownSeconds, before, after);
    }

    PolicyCooldown afterScaleOut(long now, long cooldownSeconds, int before, int after) {
        int base = inScaleOutCooldown(now, cooldownSeconds) ? scaleOutBase : before;
        return new PolicyCooldown(now, base, after, NEVER);
    }

    /** After this policy scaled in at {@code now}. */
    public PolicyCooldown afterScaleIn(Instant now) {
        return afterScaleIn(now.getEpochSecond());
    }

    PolicyCooldown afterScaleIn(long now) {
        return new PolicyCooldown(lastScaleOut, scaleOutBase, lastScaleOutCapacity, now);
    }

    /** After another policy scaled out: any scale-in cooldown ends. */
    public PolicyCooldown afterOtherScaleOut() {
        return lastScaleIn == NEVER
                ? this
                : new PolicyCooldown(lastScaleOut, scaleOutBase, lastScaleOutCapacity, NEVER);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicyCooldown)) {
            return false;
        }
        PolicyCooldown c = (PolicyCooldown) o;
        return lastScaleOut == c.lastScaleOut
                && scaleOutBase == c.scaleOutBase
                && lastScaleOutCapacity == c.lastScaleOutCapacity
                && lastScaleIn == c.lastScaleIn;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastScaleOut, scaleOutBase, lastScaleOutCapacity, lastScaleIn);
    }

    @Override
    public String toString() {
        return "PolicyCooldown[lastScaleOut=" + lastScaleOut() + ", scaleOutBase=" + scaleOutBase
                + ", lastScaleOutCapacity=" + lastScaleOutCapacity + ", lastScaleIn=" + lastScaleIn() + "]";
    }
}
