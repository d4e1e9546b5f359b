package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.Ids;
import io.github.berth.scaling.model.NotScaledReason;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ScalingActivityStatusCode;
import io.github.berth.scaling.model.ServiceNamespace;
import java.time.Instant;
import java.util.Objects;

/**
 * A scaling activity as a simulation records it: what happened, in few fields. The
 * {@link ScalingActivity} value, with its id and texts, is made from it only when the timeline's
 * activities are read, so that a run spends its time evaluating, not formatting.
 */
record ActivityDraft(
        Kind kind,
        long second,
        int capacity,
        @Nullable Integer min,
        @Nullable Integer max,
        String name,
        @Nullable String alarmName) {

    /** What started the activity. */
    enum Kind {
        /** A policy's alarm: {@code name} is the policy. */
        POLICY,
        /** A new minimum moved the desired count up: {@code min} is it. */
        RAISED_TO_MIN,
        /** A new maximum moved the desired count down: {@code max} is it. */
        LOWERED_TO_MAX,
        /** A predictive forecast: {@code name} is the policy. */
        PREDICTIVE,
        /** A scheduled action set the bounds: {@code name} is the action. */
        BOUNDS_SET,
        /** A scheduled action failed: its bound would cross the other one. */
        BOUNDS_FAILED,
        /** A policy's alarm, but the desired count is at the maximum ({@code max}): not scaled. */
        NOT_SCALED_AT_MAX,
        /** A policy's alarm, but the desired count is at the minimum ({@code min}): not scaled. */
        NOT_SCALED_AT_MIN,
        /** A policy's alarm, but the desired count is already what it asks for ({@code capacity}): not scaled. */
        NOT_SCALED_AT_DESIRED
    }

    ScalingActivity toActivity(
            Ids ids, @Nullable ServiceNamespace namespace, String resourceId, @Nullable ScalableDimension dimension) {
        String description;
        String cause;
        String message;
        ScalingActivityStatusCode status = ScalingActivityStatusCode.SUCCESSFUL;
        switch (kind) {
            case POLICY:
                description = ActivityMessages.setDesiredCount(capacity);
                cause = ActivityMessages.alarmCause(alarmName, name);
                message = ActivityMessages.desiredCountSet(capacity);
                break;
            case RAISED_TO_MIN:
            case LOWERED_TO_MAX:
                description = ActivityMessages.setDesiredCount(capacity);
                cause = kind == Kind.RAISED_TO_MIN
                        ? ActivityMessages.boundCause(true, Objects.requireNonNull(min))
                        : ActivityMessages.boundCause(false, Objects.requireNonNull(max));
                message = ActivityMessages.desiredCountSet(capacity);
                break;
            case PREDICTIVE:
                description = ActivityMessages.setDesiredCount(capacity);
                cause = ActivityMessages.predictiveCause(name, capacity);
                message = ActivityMessages.desiredCountSet(capacity);
                break;
            case BOUNDS_SET:
                description = ActivityMessages.setBounds(min, max);
                cause = ActivityMessages.scheduledCause(name);
                message = ActivityMessages.boundsSet(min, max);
                break;
            case BOUNDS_FAILED:
                description = ActivityMessages.setBounds(min, max);
                cause = ActivityMessages.scheduledCause(name);
                message = ActivityMessages.BOUNDS_CROSS;
                status = ScalingActivityStatusCode.FAILED;
                break;
            case NOT_SCALED_AT_MAX:
            case NOT_SCALED_AT_MIN:
            case NOT_SCALED_AT_DESIRED:
                return notScaled(ids, namespace, resourceId, dimension);
            default:
                throw new AssertionError(kind);
        }
        Instant t = Instant.ofEpochSecond(second);
        return ScalingActivity.builder()
                .activityId(ids.uuid())
                .serviceNamespace(namespace)
                .resourceId(resourceId)
                .scalableDimension(dimension)
                .description(description)
                .cause(cause)
                .startTime(t)
                .endTime(t)
                .statusCode(status)
                .statusMessage(message)
                .build();
    }

    /**
     * A not scaled activity, as DescribeScalingActivities shows it with IncludeNotScaledActivities
     * ([doc] the example of the AAS user guide, "Scaling activities for Application Auto Scaling",
     * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-scaling-activities.html:
     * Description "Attempting to scale due to alarm triggered", the alarm cause, StatusCode Failed,
     * no StatusMessage, NotScaledReasons [{Code AlreadyAtMaxCapacity, MaxCapacity}]). [unsure] The
     * minimum and desired cases are written alike; AlreadyAtDesiredCapacity is Successful, as a
     * third-party tool reading real output records it.
     */
    private ScalingActivity notScaled(
            Ids ids, @Nullable ServiceNamespace namespace, String resourceId, @Nullable ScalableDimension dimension) {
        NotScaledReason.Builder reason = NotScaledReason.builder();
        ScalingActivityStatusCode status = ScalingActivityStatusCode.FAILED;
        switch (kind) {
            case NOT_SCALED_AT_MAX:
                reason.code("AlreadyAtMaxCapacity").maxCapacity(max);
                break;
            case NOT_SCALED_AT_MIN:
                reason.code("AlreadyAtMinCapacity").minCapacity(min);
                break;
            default:
                reason.code("AlreadyAtDesiredCapacity").currentCapacity(capacity);
                status = ScalingActivityStatusCode.SUCCESSFUL;
                break;
        }
        Instant t = Instant.ofEpochSecond(second);
        return ScalingActivity.builder()
                .activityId(ids.uuid())
                .serviceNamespace(namespace)
                .resourceId(resourceId)
                .scalableDimension(dimension)
                .description("Attempting to scale due to alarm triggered")
                .cause(ActivityMessages.alarmCause(alarmName, name))
                .startTime(t)
                .statusCode(status)
                .addNotScaledReasons(reason.build())
                .build();
    }
}
