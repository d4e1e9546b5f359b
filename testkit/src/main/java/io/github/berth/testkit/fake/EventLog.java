package io.github.berth.testkit.fake;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.json.EcsJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every event the fake emitted, in order: what a test asserts on ("the task went RUNNING, then
 * STOPPED with EssentialContainerExited") and awaits. The oldest events are dropped past {@link
 * FakeEcs.Builder#eventLogLimit(int)}.
 */
public final class EventLog {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private final Engine engine;
    private final Deque<EcsEvent> events = new ArrayDeque<>();
    private long next;
    private final ObjectMapper mapper;

    EventLog(Engine engine) {
        this.engine = engine;
        // The detail of EventBridge's ECS events carries ISO-8601 timestamps, not epoch seconds.
        ObjectMapper m = EcsJson.lenient().copyMapper();
        SimpleModule iso = new SimpleModule("berth-event-timestamps");
        iso.addSerializer(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(ISO.format(value));
            }
        });
        m.registerModule(iso);
        m.disable(SerializationFeature.INDENT_OUTPUT);
        this.mapper = m;
    }

    void emit(String detailType, List<String> resources, Object detail) {
        EcsEvent e = new EcsEvent(this, next++, uuid(), engine.now(), detailType, resources, detail);
        events.addLast(e);
        while (events.size() > engine.settings.eventLogLimit()) {
            events.removeFirst();
        }
    }

    private String uuid() {
        return engine.random.uuid();
    }

    /** A detail made of a model value with an {@code updatedAt} member added, as ECS's state-change events carry. */
    record Updated(Object value, Instant updatedAt) {}

    void emitTask(TaskRec t) {
        emit("ECS Task State Change", List.of(t.arn), new Updated(Views.task(engine, t, false), engine.now()));
    }

    void emitInstance(InstanceRec i) {
        emit(
                "ECS Container Instance State Change",
                List.of(i.arn),
                new Updated(Views.instance(engine, i, false), engine.now()));
    }

    JsonNode render(EcsEvent e, Object detail) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", "0");
        root.put("id", e.id());
        root.put("detail-type", e.detailType());
        root.put("source", "aws.ecs");
        root.put("account", engine.account);
        root.put("time", ISO.format(e.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        root.put("region", engine.region);
        root.putArray("resources")
                .addAll(e.resources().stream().map(root::textNode).toList());
        JsonNode d;
        if (detail instanceof JsonNode n) {
            d = n;
        } else if (detail instanceof Updated u) {
            ObjectNode o = mapper.valueToTree(u.value());
            o.put("updatedAt", ISO.format(u.updatedAt()));
            d = o;
        } else {
            d = mapper.valueToTree(detail);
        }
        root.set("detail", d);
        return root;
    }

    ObjectNode newDetail() {
        return mapper.createObjectNode();
    }

    String iso(Instant t) {
        return ISO.format(t);
    }

    // ------------------------------------------------------------------ public API

    /** Every event kept, oldest first. */
    public List<EcsEvent> all() {
        synchronized (engine) {
            return List.copyOf(events);
        }
    }

    /** The events of one detail type ({@code ECS Task State Change}...), oldest first. */
    public List<EcsEvent> ofType(String detailType) {
        return matching(e -> e.detailType().equals(detailType));
    }

    /** The events that match, oldest first. */
    public List<EcsEvent> matching(Predicate<EcsEvent> filter) {
        Objects.requireNonNull(filter, "filter");
        synchronized (engine) {
            List<EcsEvent> out = new ArrayList<>();
            for (EcsEvent e : events) {
                if (filter.test(e)) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** The events emitted from sequence number {@code from} on. */
    public List<EcsEvent> since(long from) {
        return matching(e -> e.sequence() >= from);
    }

    /** The sequence number the next event will get. */
    public long nextSequence() {
        synchronized (engine) {
            return next;
        }
    }

    /** The last {@code n} events, oldest first. */
    public List<EcsEvent> tail(int n) {
        synchronized (engine) {
            List<EcsEvent> all = new ArrayList<>(events);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    /**
     * Moves the fake clock until an event emitted from now on matches, at most {@code maxDuration};
     * answers it, or throws {@link AssertionError} naming the last events when none came.
     */
    public EcsEvent await(Predicate<EcsEvent> filter, Duration maxDuration) {
        long from = nextSequence();
        EcsEvent[] found = new EcsEvent[1];
        boolean ok = engine.clock()
                .runUntil(
                        () -> {
                            for (EcsEvent e : since(from)) {
                                if (filter.test(e)) {
                                    found[0] = e;
                                    return true;
                                }
                            }
                            return false;
                        },
                        maxDuration);
        if (!ok) {
            throw new AssertionError(
                    "No matching event within " + maxDuration + "; the last events:\n" + format(tail(20)));
        }
        return found[0];
    }

    /** The events as lines, for failure messages. */
    public static String format(List<EcsEvent> list) {
        StringBuilder sb = new StringBuilder();
        for (EcsEvent e : list) {
            sb.append("  ").append(e).append('\n');
        }
        return sb.toString();
    }

    void continueAt(long sequence) {
        next = sequence;
    }

    int size() {
        return events.size();
    }

    Deque<EcsEvent> raw() {
        return events;
    }

    long next() {
        return next;
    }
}
