package io.github.berth.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One event the fake emitted, as Amazon EventBridge delivers ECS's events: {@code detail-type}
 * {@code ECS Task State Change}, {@code ECS Container Instance State Change}, {@code ECS Deployment
 * State Change} or {@code ECS Service Action}, with the resource ARNs and the detail.
 * {@link #toJson()} is the whole envelope as EventBridge sends it
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_cwe_events.html).
 */
public final class EcsEvent {

    private final EventLog log;
    private final long sequence;
    private final String id;
    private final Instant time;
    private final String detailType;
    private final List<String> resources;
    private final Object detailValue;
    /** The rendered event, made on first use. */
    private volatile @Nullable JsonNode json;

    EcsEvent(
            EventLog log,
            long sequence,
            String id,
            Instant time,
            String detailType,
            List<String> resources,
            Object detailValue) {
        this.log = log;
        this.sequence = sequence;
        this.id = id;
        this.time = time;
        this.detailType = detailType;
        this.resources = List.copyOf(resources);
        this.detailValue = detailValue;
    }

    /** The event's place in the log: 0 for the first event the fake emitted. */
    public long sequence() {
        return sequence;
    }

    public String id() {
        return id;
    }

    public Instant time() {
        return time;
    }

    /** {@code ECS Task State Change}, {@code ECS Service Action}... */
    public String detailType() {
        return detailType;
    }

    /** The ARNs the event is about (the task, the container instance, the service...). */
    public List<String> resources() {
        return resources;
    }

    /** The event's {@code detail} member. */
    public JsonNode detail() {
        return toJsonNode().get("detail");
    }

    /** A member of the detail as text ({@code lastStatus}, {@code eventName}...), or null. */
    public @Nullable String detail(String member) {
        JsonNode n = detail().get(member);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The whole event, as EventBridge delivers it. */
    public JsonNode toJsonNode() {
        JsonNode j = json;
        if (j == null) {
            j = log.render(this, detailValue);
            json = j;
        }
        return j;
    }

    public String toJson() {
        return toJsonNode().toString();
    }

    @Override
    public String toString() {
        return time + " " + detailType + " " + resources + " " + summary();
    }

    /** A one-line summary for logs: the status or event name the event reports. */
    public String summary() {
        JsonNode d = detail();
        for (String member : new String[] {"eventName", "lastStatus", "status"}) {
            JsonNode n = d.get(member);
            if (n != null && !n.isNull()) {
                String s = member + "=" + n.asText();
                JsonNode reason = d.get("stoppedReason");
                return reason != null && !reason.isNull() && member.equals("lastStatus")
                        ? s + " (" + reason.asText() + ")"
                        : s;
            }
        }
        return "";
    }
}
