package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.Ids;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ScalingActivityStatusCode;
import io.github.berth.scaling.model.ServiceNamespace;
import java.time.Instant;

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
    BOUNDS_FAILED
  }

  ScalingActivity toActivity(Ids ids, ServiceNamespace namespace, String resourceId, ScalableDimension dimension) {
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
        cause = kind == Kind.RAISED_TO_MIN ? ActivityMessages.boundCause(true, min) : ActivityMessages.boundCause(false, max);
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
}
