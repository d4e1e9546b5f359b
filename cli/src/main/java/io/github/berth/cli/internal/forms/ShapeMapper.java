package io.github.berth.cli.internal.forms;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.OpenEnum;
import io.github.berth.core.validation.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the properties of a CloudFormation resource or the values of a Terraform resource to the API
 * input they amount to, guided by the API shape: names are matched without regard to case and
 * underscores ({@code ContainerDefinitions}, {@code container_definitions} and
 * {@code containerDefinitions} are one member), scalars are converted as CloudFormation and Terraform
 * convert them ({@code Cpu: 256} is the string {@code "256"}), Terraform's one-element block lists are
 * objects and its maps of tags are lists. Values known only at deploy time (intrinsic functions) are
 * left out and recorded, so the rules that need them can be skipped.
 *
 * <p>Each API path maps back to the path in the file, so a problem is named where it stands.
 */
final class ShapeMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = EcsJson.lenient().copyMapper();
    private static final Map<Class<?>, Map<String, BeanPropertyDefinition>> PROPERTIES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** How names and values are written in the source. */
    enum Source {
        CLOUDFORMATION,
        TERRAFORM
    }

    private final Source source;
    /** Names that differ by more than case and underscores: source name (normalised) to API name, per API type. */
    private final Map<String, String> aliases;
    /** API path to file path. */
    final Map<String, String> filePaths = new HashMap<>();
    /** API paths of values known only at deploy time. */
    final List<String> unknownPaths = new ArrayList<>();
    /** File paths of members that the API shape does not have (reported by strict reading for CloudFormation). */
    final List<String> droppedPaths = new ArrayList<>();

    ShapeMapper(Source source, Map<String, String> aliases) {
        this.source = source;
        this.aliases = aliases;
    }

    /** The API JSON of {@code node} as a value of {@code type}; {@code filePath} is where it stands in the file. */
    JsonNode map(JsonNode node, Class<?> type, String filePath) {
        JsonNode v = map(node, MAPPER.constructType(type), JsonPath.root(), filePath);
        return v == null ? NODES.objectNode() : v;
    }

    private @Nullable JsonNode map(JsonNode node, JavaType type, JsonPath api, String file) {
        filePaths.put(api.toString(), file);
        if (LocatedTree.isIntrinsic(node)) {
            unknownPaths.add(api.toString());
            return null;
        }
        Class<?> raw = type.getRawClass();
        if (node.isNull()) {
            return null;
        }
        if (type.isCollectionLikeType()) {
            JavaType element = type.getContentType();
            if (node.isObject() && source == Source.TERRAFORM) {
                return mapToList((ObjectNode) node, element, api, file);
            }
            if (!node.isArray()) {
                return node;
            }
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = map(node.get(i), element, api.index(out.size()), file + "[" + i + "]");
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        }
        if (type.isMapLikeType()) {
            if (!node.isObject()) {
                return node;
            }
            ObjectNode out = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = map(e.getValue(), type.getContentType(), api.child(e.getKey()), file + "." + e.getKey());
                if (v != null) {
                    out.set(e.getKey(), v);
                }
            }
            return out;
        }
        if (isScalar(raw)) {
            return scalar(node, raw);
        }
        // an API structure
        JsonNode obj = node;
        if (source == Source.TERRAFORM && node.isArray()) {
            // Terraform keeps a nested block as a list of (at most) one object
            if (node.size() == 0) {
                return null;
            }
            obj = node.get(0);
            file = file + "[0]";
            filePaths.put(api.toString(), file);
        }
        if (!obj.isObject()) {
            return obj;
        }
        Map<String, BeanPropertyDefinition> props = properties(type);
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String norm = normalise(key);
            String alias = aliases.get(raw.getSimpleName() + "." + norm);
            if (alias == null) {
                alias = aliases.get("*." + norm);
            }
            BeanPropertyDefinition prop = props.get(alias != null ? normalise(alias) : norm);
            String childFile = file.isEmpty() ? key : file + "." + key;
            if (prop == null) {
                if (source == Source.CLOUDFORMATION) {
                    // keep it: strict reading names it, where it stands in the file
                    out.set(key, e.getValue());
                    filePaths.put(api.child(key).toString(), childFile);
                } else {
                    droppedPaths.add(childFile);
                }
                continue;
            }
            if (source == Source.TERRAFORM && isEmptyTerraformValue(e.getValue())) {
                continue;
            }
            JsonNode v = map(e.getValue(), prop.getPrimaryType(), api.child(prop.getName()), childFile);
            if (v != null) {
                out.set(prop.getName(), v);
            }
        }
        return out;
    }

    /** Terraform writes an unset string as "" and an unset block as []: both mean absent. */
    private static boolean isEmptyTerraformValue(JsonNode v) {
        return (v.isTextual() && v.asText().isEmpty()) || (v.isArray() && v.size() == 0) || v.isNull();
    }

    /** Terraform's map of tags (or of key-value pairs) as the API's list of {key, value} (or {name, value}). */
    private JsonNode mapToList(ObjectNode node, JavaType element, JsonPath api, String file) {
        Map<String, BeanPropertyDefinition> props = properties(element);
        String keyName = props.containsKey("key") ? "key" : "name";
        ArrayNode out = NODES.arrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            filePaths.put(api.index(out.size()).toString(), file + "." + e.getKey());
            ObjectNode pair = NODES.objectNode();
            pair.put(keyName, e.getKey());
            pair.set(
                    "value",
                    e.getValue().isTextual()
                            ? e.getValue()
                            : NODES.textNode(e.getValue().asText()));
            out.add(pair);
        }
        return out;
    }

    private static boolean isScalar(Class<?> raw) {
        return raw == String.class
                || Number.class.isAssignableFrom(raw)
                || raw.isPrimitive()
                || raw == Boolean.class
                || raw == Instant.class
                || OpenEnum.class.isAssignableFrom(raw)
                || raw.isEnum()
                || raw == Object.class;
    }

    /** A scalar as CloudFormation and Terraform convert it for the API's type; other values are kept for strict reading to name. */
    private static JsonNode scalar(JsonNode node, Class<?> raw) {
        if (!node.isValueNode()) {
            return node;
        }
        if (raw == String.class || OpenEnum.class.isAssignableFrom(raw)) {
            return node.isTextual()
                    ? node
                    : NODES.textNode(node.isNumber() ? node.decimalValue().toPlainString() : node.asText());
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (node.isTextual()) {
                String s = node.asText().toLowerCase(Locale.ROOT);
                if (s.equals("true") || s.equals("false")) {
                    return NODES.booleanNode(s.equals("true"));
                }
            }
            return node;
        }
        if (Number.class.isAssignableFrom(raw) || raw.isPrimitive()) {
            if (node.isTextual()) {
                try {
                    BigDecimal d = new BigDecimal(node.asText().trim());
                    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
                        return d.stripTrailingZeros().scale() <= 0 ? NODES.numberNode(d.toBigInteger()) : node;
                    }
                    return NODES.numberNode(d);
                } catch (NumberFormatException e) {
                    return node;
                }
            }
        }
        return node;
    }

    static String normalise(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, BeanPropertyDefinition> properties(JavaType type) {
        return PROPERTIES.computeIfAbsent(type.getRawClass(), c -> {
            BeanDescription d = MAPPER.getSerializationConfig().introspect(type);
            Map<String, BeanPropertyDefinition> m = new HashMap<>();
            for (BeanPropertyDefinition p : d.findProperties()) {
                m.put(normalise(p.getName()), p);
            }
            return m;
        });
    }

    /** The file path of an API path: the nearest mapped enclosing path, with the rest appended. */
    String filePath(String apiPath) {
        String p = apiPath;
        String rest = "";
        while (true) {
            String f = filePaths.get(p);
            if (f != null) {
                return f + rest;
            }
            if (p.isEmpty()) {
                return apiPath;
            }
            String parent = LocatedTree.parent(p);
            String last = p.substring(parent.length());
            rest = (parent.isEmpty() && !last.startsWith("[") ? "." + last : last) + rest;
            p = parent;
        }
    }

    /** Whether a violation at {@code apiPath} may come from a value known only at deploy time. */
    boolean touchesUnknown(String apiPath) {
        for (String u : unknownPaths) {
            if (u.equals(apiPath)
                    || u.startsWith(apiPath.isEmpty() ? "" : apiPath + ".")
                    || u.startsWith(apiPath + "[")
                    || apiPath.startsWith(u + ".")
                    || apiPath.startsWith(u + "[")
                    || apiPath.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    static Set<String> names(Collection<String> c) {
        return Set.copyOf(c);
    }
}
