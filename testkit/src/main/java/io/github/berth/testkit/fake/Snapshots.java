package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Setting;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole state of a fake as JSON, and back: clusters with their instances, tasks and services,
 * task definitions, account settings, the VPC, behaviour rules, throttled operations, the clock and
 * its pending timers, and the positions of the id and random sources, so that a restored fake
 * continues exactly as the original would have. Not kept: the event log (its numbering goes on),
 * errors queued with {@link Faults#failNextCall}, and callbacks a test registered.
 */
final class Snapshots {

    static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = mapper();

    private Snapshots() {}

    private static ObjectMapper mapper() {
        ObjectMapper m = EcsJson.lenient().copyMapper();
        m.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        m.disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return m;
    }

    static String write(Engine e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("berthFakeEcsSnapshot", FORMAT);
        root.put("region", e.region);
        root.put("accountId", e.account);
        root.put("seed", e.seed);
        root.set("now", MAPPER.valueToTree(e.now()));
        ObjectNode settings = root.putObject("settings");
        settings.put("stepDurationMillis", e.settings.stepDuration().toMillis());
        settings.put(
                "stoppedTaskRetentionMillis", e.settings.stoppedTaskRetention().toMillis());
        settings.put("eventLogLimit", e.settings.eventLogLimit());
        ObjectNode sources = root.putObject("sources");
        sources.put("ids", e.ids.counter);
        sources.put("random", e.random.counter);
        sources.put("timerSeq", e.timerSeq());
        sources.put("nextEvent", e.events.next());
        root.set("timers", MAPPER.valueToTree(e.timersInOrder()));
        root.set("clusters", MAPPER.valueToTree(new ArrayList<>(e.clusters.values())));
        root.set("taskDefinitions", MAPPER.valueToTree(e.taskDefinitions.families));
        root.set("accountSettings", MAPPER.valueToTree(e.accountSettings));
        root.set("subnets", MAPPER.valueToTree(new ArrayList<>(e.network.subnets.values())));
        root.set("behaviours", MAPPER.valueToTree(e.behaviours.rules));
        root.set("throttled", MAPPER.valueToTree(e.faults.throttled));
        ObjectNode capacity = root.putObject("capacity");
        capacity.put("fargateUnavailable", e.capacity.fargateUnavailable);
        capacity.put("fargateSpotUnavailable", e.capacity.fargateSpotUnavailable);
        for (Map.Entry<String, StatePart> part : e.stateParts.entrySet()) {
            root.set(part.getKey(), part.getValue().write(MAPPER));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException ex) {
            throw new IllegalStateException("the fake's state could not be written", ex);
        }
    }

    /** State that another controller keeps (services, capacity providers, auto scaling) in the snapshot. */
    interface StatePart {
        JsonNode write(ObjectMapper mapper);

        void read(ObjectMapper mapper, JsonNode node) throws IOException;

        /** A map kept as a JSON object of its entries, in their order. */
        static <V> StatePart entriesOf(Map<String, V> map, TypeReference<LinkedHashMap<String, V>> type) {
            return new StatePart() {
                @Override
                public JsonNode write(ObjectMapper mapper) {
                    return mapper.valueToTree(map);
                }

                @Override
                public void read(ObjectMapper mapper, JsonNode node) throws IOException {
                    Map<String, V> entries = mapper.readerFor(type).readValue(node);
                    map.clear();
                    map.putAll(entries);
                }
            };
        }

        /** A map of records kept as the list of its values, keyed again by {@code key} when read. */
        static <V> StatePart valuesOf(Map<String, V> map, TypeReference<List<V>> type, Function<V, String> key) {
            return new StatePart() {
                @Override
                public JsonNode write(ObjectMapper mapper) {
                    return mapper.valueToTree(new ArrayList<>(map.values()));
                }

                @Override
                public void read(ObjectMapper mapper, JsonNode node) throws IOException {
                    List<V> values = mapper.readerFor(type).readValue(node);
                    map.clear();
                    for (V v : values) {
                        map.put(key.apply(v), v);
                    }
                }
            };
        }
    }

    static FakeEcs.Builder builderOf(JsonNode root) {
        if (root == null
                || !root.isObject()
                || root.path("berthFakeEcsSnapshot").asInt() != FORMAT) {
            throw problem("", "not a snapshot of a Berth FakeEcs (format " + FORMAT + ")");
        }
        FakeEcs.Builder b = FakeEcs.builder()
                .region(root.path("region").asText())
                .accountId(root.path("accountId").asText())
                .seed(root.path("seed").asLong());
        JsonNode s = root.path("settings");
        b.stepDuration(Duration.ofMillis(s.path("stepDurationMillis").asLong(1000)))
                .stoppedTaskRetention(
                        Duration.ofMillis(s.path("stoppedTaskRetentionMillis").asLong(3_600_000)))
                .eventLogLimit(s.path("eventLogLimit").asInt(100_000));
        try {
            b.start(MAPPER.treeToValue(root.get("now"), Instant.class));
        } catch (IOException ex) {
            throw problem("now", "not a timestamp: " + ex.getMessage());
        }
        return b;
    }

    private static SerializationException problem(String path, String reason) {
        return new SerializationException(new SerializationException.Problem(path, 0, 0, reason));
    }

    static JsonNode parse(String json) {
        return EcsJson.lenient().readTree(json);
    }

    static void read(Engine e, JsonNode root) {
        try {
            JsonNode sources = root.path("sources");
            e.ids.counter = sources.path("ids").asLong();
            e.random.counter = sources.path("random").asLong();
            e.events.continueAt(sources.path("nextEvent").asLong());
            List<Timer> timers =
                    MAPPER.readerFor(new TypeReference<List<Timer>>() {}).readValue(root.path("timers"));
            e.restoreTimers(timers, sources.path("timerSeq").asLong());
            List<ClusterRec> clusters =
                    MAPPER.readerFor(new TypeReference<List<ClusterRec>>() {}).readValue(root.path("clusters"));
            e.clusters.clear();
            for (ClusterRec c : clusters) {
                e.clusters.put(c.name, c);
            }
            Map<String, List<TaskDefinitionStore.Revision>> families = MAPPER.readerFor(
                            new TypeReference<LinkedHashMap<String, List<TaskDefinitionStore.Revision>>>() {})
                    .readValue(root.path("taskDefinitions"));
            e.taskDefinitions.families.clear();
            e.taskDefinitions.families.putAll(families);
            Map<String, Map<String, Setting>> settings = MAPPER.readerFor(
                            new TypeReference<LinkedHashMap<String, LinkedHashMap<String, Setting>>>() {})
                    .readValue(root.path("accountSettings"));
            e.accountSettings.clear();
            e.accountSettings.putAll(settings);
            List<Network.Subnet> subnets = MAPPER.readerFor(new TypeReference<List<Network.Subnet>>() {})
                    .readValue(root.path("subnets"));
            e.network.subnets.clear();
            for (Network.Subnet s : subnets) {
                e.network.subnets.put(s.subnetId, s);
            }
            List<Behaviours.Rule> rules = MAPPER.readerFor(new TypeReference<List<Behaviours.Rule>>() {})
                    .readValue(root.path("behaviours"));
            e.behaviours.rules.clear();
            e.behaviours.rules.addAll(rules);
            Map<String, Double> throttled = MAPPER.readerFor(new TypeReference<LinkedHashMap<String, Double>>() {})
                    .readValue(root.path("throttled"));
            e.faults.throttled.clear();
            e.faults.throttled.putAll(throttled);
            e.capacity.fargateUnavailable =
                    root.path("capacity").path("fargateUnavailable").asBoolean();
            e.capacity.fargateSpotUnavailable =
                    root.path("capacity").path("fargateSpotUnavailable").asBoolean();
            for (Map.Entry<String, StatePart> part : e.stateParts.entrySet()) {
                JsonNode n = root.get(part.getKey());
                if (n != null) {
                    part.getValue().read(MAPPER, n);
                }
            }
        } catch (IOException ex) {
            throw problem("", "the snapshot could not be read: " + ex.getMessage());
        }
    }
}
