package io.github.berth.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The AWS API model (botocore service-2.json, documentation stripped) as the tests read it: which
 * shapes are reachable from which operations, and sample JSON for any shape.
 */
public final class ApiModel {

    private final JsonNode model;
    private final JsonNode shapes;

    private ApiModel(JsonNode model) {
        this.model = model;
        this.shapes = model.get("shapes");
    }

    /** Loads a model from the test class path, e.g. {@code /aws-models/ecs-2014-11-13.json}. */
    public static ApiModel load(String resource) {
        try (InputStream in = ApiModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new ApiModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The operations a module models, as the generator lists them in its {@code operations.txt}
     * resource (one a line; {@code #} starts a comment), e.g. {@code /io/github/berth/core/api/operations.txt}.
     */
    public static List<String> modelledOperations(String resource) {
        try (InputStream in = ApiModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "missing resource " + resource + ": run tools/codegen/generate_model.py");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every shape of the model, by name. */
    public JsonNode shapes() {
        return shapes;
    }

    public JsonNode shape(String name) {
        JsonNode s = shapes.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no shape " + name);
        }
        return s;
    }

    public String inputOf(String operation) {
        return model.get("operations").get(operation).get("input").get("shape").asText();
    }

    public String outputOf(String operation) {
        return model.get("operations").get(operation).get("output").get("shape").asText();
    }

    public Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        model.get("operations").fieldNames().forEachRemaining(ops::add);
        return ops;
    }

    /** Every shape reachable from the inputs and outputs of these operations. */
    public Set<String> reachable(List<String> operations) {
        Set<String> seen = new LinkedHashSet<>();
        for (String op : operations) {
            walk(inputOf(op), seen);
            walk(outputOf(op), seen);
        }
        return seen;
    }

    private void walk(String name, Set<String> seen) {
        if (!seen.add(name)) {
            return;
        }
        JsonNode s = shape(name);
        for (String k : new String[] {"member", "key", "value"}) {
            if (s.has(k)) {
                walk(s.get(k).get("shape").asText(), seen);
            }
        }
        if (s.has("members")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.get("members").fields(); it.hasNext(); ) {
                walk(it.next().getValue().get("shape").asText(), seen);
            }
        }
    }

    /** The size of the largest enum reachable from a shape (1 when there is none). */
    public int largestEnumWithin(String name) {
        Set<String> seen = new LinkedHashSet<>();
        walk(name, seen);
        return seen.stream()
                .filter(this::isEnum)
                .mapToInt(e -> enumValues(e).size())
                .max()
                .orElse(1);
    }

    public boolean isStructure(String name) {
        JsonNode s = shape(name);
        return s.get("type").asText().equals("structure")
                && !s.path("document").asBoolean()
                && !s.path("exception").asBoolean();
    }

    public boolean isEnum(String name) {
        JsonNode s = shape(name);
        return s.get("type").asText().equals("string") && s.has("enum");
    }

    public List<String> enumValues(String name) {
        java.util.ArrayList<String> values = new java.util.ArrayList<>();
        shape(name).get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The wire names of a Berth type's members: the {@code @JsonProperty} of its own accessors. */
    public static Set<String> wireNamesOf(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        for (Method m : type.getMethods()) {
            JsonProperty p = m.getAnnotation(JsonProperty.class);
            if (p != null && m.getParameterCount() == 0 && m.getDeclaringClass() == type) {
                names.add(p.value());
            }
        }
        return names;
    }

    public List<String> memberNames(String structure) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        shape(structure).path("members").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * JSON holding every member of the shape, recursively, with values of the right type; an enum
     * takes the value at {@code enumPick} modulo its size, so tests can walk through every value.
     */
    public JsonNode sample(String name, int enumPick) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode s = shape(name);
        switch (s.get("type").asText()) {
            case "structure": {
                if (s.path("document").asBoolean()) {
                    ObjectNode doc = f.objectNode();
                    doc.putArray("any").add(1).add("json");
                    return doc;
                }
                ObjectNode o = f.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                s.path("members").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = it.next();
                    o.set(m.getKey(), sample(m.getValue().get("shape").asText(), enumPick));
                }
                return o;
            }
            case "list": {
                ArrayNode a = f.arrayNode();
                a.add(sample(s.get("member").get("shape").asText(), enumPick));
                return a;
            }
            case "map": {
                ObjectNode o = f.objectNode();
                o.set("key-1", sample(s.get("value").get("shape").asText(), enumPick));
                return o;
            }
            case "string":
                if (s.has("enum")) {
                    List<String> values = enumValues(name);
                    return f.textNode(values.get(enumPick % values.size()));
                }
                return f.textNode("text-" + name);
            case "integer":
                return f.numberNode(s.has("min") ? s.get("min").asInt() + 1 : 42);
            case "long":
                return f.numberNode(7_000_000_123L);
            case "double":
            case "float":
                return f.numberNode(s.has("min") ? s.get("min").asDouble() + 0.5 : 12.25);
            case "boolean":
                return f.booleanNode(true);
            case "timestamp":
                return f.numberNode(new java.math.BigDecimal("1767225600.123"));
            default:
                throw new IllegalArgumentException("unsupported shape type of " + name);
        }
    }
}
