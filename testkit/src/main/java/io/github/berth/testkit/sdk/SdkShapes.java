package io.github.berth.testkit.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.json.EcsJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Converts between Berth's model and the AWS SDK for Java v2's, both ways, for every shape of ECS
 * ({@code io.github.berth.core.api} and {@code core.model} with {@code
 * software.amazon.awssdk.services.ecs.model}) and of Application Auto Scaling ({@code
 * io.github.berth.scaling.model} with {@code software.amazon.awssdk.services.applicationautoscaling.model}),
 * so code that builds SDK requests can validate them, place them and hand them to the fake:
 *
 * <pre>{@code
 * software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest sdk = ...;
 * RegisterTaskDefinitionRequest berth = SdkShapes.toBerth(sdk, RegisterTaskDefinitionRequest.class);
 * List<Violation> problems = TaskDefinitionValidator.validate(berth);
 * }</pre>
 *
 * <p>Both models carry the API model's shapes and members under the same names, so one walker
 * does every shape: it reads the SDK value by its {@link SdkField}s (each knows its wire name and
 * type) into the wire JSON tree, which Berth reads as it reads a request, and back. Members the
 * other side does not know (a newer API model) are dropped, as a client drops them on the wire.
 */
public final class SdkShapes {

    /** Berth's wire mapper, keeping every digit of a number (timestamps carry nanoseconds). */
    private static final ObjectMapper MAPPER = EcsJson.lenient()
            .copyMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private SdkShapes() {}

    /** The SDK value of a Berth value: {@code RunTaskRequest} to the SDK's {@code RunTaskRequest}. */
    public static <T> T toSdk(Object berthValue, Class<T> sdkType) {
        Objects.requireNonNull(berthValue, "berthValue");
        Objects.requireNonNull(sdkType, "sdkType");
        JsonNode tree = MAPPER.valueToTree(berthValue);
        return sdkType.cast(fromTree(tree, builderOf(sdkType)));
    }

    /** The SDK value of a Berth value, its SDK type found by the shape's name. */
    public static Object toSdk(Object berthValue) {
        Objects.requireNonNull(berthValue, "berthValue");
        return toSdk(berthValue, sdkTypeOf(berthValue.getClass()));
    }

    /** The Berth value of an SDK value. */
    public static <T> T toBerth(Object sdkValue, Class<T> berthType) {
        Objects.requireNonNull(sdkValue, "sdkValue");
        Objects.requireNonNull(berthType, "berthType");
        if (!(sdkValue instanceof SdkPojo pojo)) {
            throw new IllegalArgumentException(
                    "Not a value of the AWS SDK's model: " + sdkValue.getClass().getName());
        }
        return EcsJson.lenient().convert(toTree(pojo), berthType);
    }

    /** The wire JSON of an SDK value, as the protocol would carry it. */
    public static ObjectNode toTree(SdkPojo value) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> f : value.sdkFields()) {
            Object v = f.containsTrait(DefaultValueTrait.class) ? rawValue(value, f) : f.getValueOrDefault(value);
            if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
                continue;
            }
            out.set(f.locationName(), node(f, v));
        }
        return out;
    }

    /**
     * The value as set, not the default the SDK would fill in when sending (an idempotency token is
     * made up at each read): read with the member's own getter.
     */
    private static Object rawValue(SdkPojo value, SdkField<?> f) {
        String name = f.memberName();
        String getter = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        try {
            return value.getClass().getMethod(getter).invoke(value);
        } catch (ReflectiveOperationException e) {
            return f.getValueOrDefault(value);
        }
    }

    /** The SDK type of a Berth type: the class of the same shape name in the SDK's model package. */
    static Class<?> sdkTypeOf(Class<?> berthType) {
        String pkg = berthType.getPackageName();
        String sdkPkg = pkg.startsWith("io.github.berth.scaling")
                ? "software.amazon.awssdk.services.applicationautoscaling.model."
                : "software.amazon.awssdk.services.ecs.model.";
        String name = berthType.getSimpleName();
        if (name.startsWith("Immutable")) {
            name = name.substring("Immutable".length());
        }
        try {
            return Class.forName(sdkPkg + name, true, SdkShapes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "The AWS SDK has no shape " + name + " (" + sdkPkg + name + " is not on the class path)");
        }
    }

    private static JsonNode node(SdkField<?> f, Object v) {
        MarshallingKnownType type = f.marshallingType().getKnownType();
        if (type == null) {
            return NODES.textNode(String.valueOf(v));
        }
        switch (type) {
            case STRING:
                return NODES.textNode((String) v);
            case INTEGER:
                return NODES.numberNode((Integer) v);
            case LONG:
                return NODES.numberNode((Long) v);
            case SHORT:
                return NODES.numberNode((Short) v);
            case BYTE:
                return NODES.numberNode((Byte) v);
            case FLOAT:
                return NODES.numberNode(new BigDecimal(Float.toString((Float) v)));
            case DOUBLE:
                return NODES.numberNode(new BigDecimal(Double.toString((Double) v)));
            case BIG_DECIMAL:
                return NODES.numberNode((BigDecimal) v);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) v);
            case INSTANT: {
                Instant t = (Instant) v;
                return NODES.numberNode(BigDecimal.valueOf(t.getEpochSecond())
                        .add(BigDecimal.valueOf(t.getNano(), 9))
                        .stripTrailingZeros());
            }
            case SDK_BYTES:
                return NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) v).asByteArray()));
            case SDK_POJO:
                return toTree((SdkPojo) v);
            case LIST: {
                SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
                ArrayNode a = NODES.arrayNode();
                for (Object e : (List<?>) v) {
                    a.add(e == null ? NODES.nullNode() : node(member, e));
                }
                return a;
            }
            case MAP: {
                SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    o.set(
                            String.valueOf(e.getKey()),
                            e.getValue() == null ? NODES.nullNode() : node(value, e.getValue()));
                }
                return o;
            }
            case DOCUMENT:
                return documentNode((Document) v);
            default:
                return NODES.nullNode();
        }
    }

    private static JsonNode documentNode(Document d) {
        if (d == null || d.isNull()) {
            return NODES.nullNode();
        }
        if (d.isString()) {
            return NODES.textNode(d.asString());
        }
        if (d.isBoolean()) {
            return NODES.booleanNode(d.asBoolean());
        }
        if (d.isNumber()) {
            // Read back as text, so a number gets the node JSON reading gives it (0 an int, 0.5 a decimal).
            try {
                return MAPPER.readTree(d.asNumber().stringValue());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return NODES.numberNode(d.asNumber().bigDecimalValue());
            }
        }
        if (d.isList()) {
            ArrayNode a = NODES.arrayNode();
            d.asList().forEach(e -> a.add(documentNode(e)));
            return a;
        }
        ObjectNode o = NODES.objectNode();
        d.asMap().forEach((k, e) -> o.set(k, documentNode(e)));
        return o;
    }

    private static Document document(JsonNode n) {
        if (n.isNull() || n.isMissingNode()) {
            return Document.fromNull();
        }
        if (n.isTextual()) {
            return Document.fromString(n.asText());
        }
        if (n.isBoolean()) {
            return Document.fromBoolean(n.asBoolean());
        }
        if (n.isNumber()) {
            return Document.fromNumber(n.asText());
        }
        if (n.isArray()) {
            List<Document> out = new ArrayList<>();
            n.forEach(e -> out.add(document(e)));
            return Document.fromList(out);
        }
        Map<String, Document> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), document(e.getValue())));
        return Document.fromMap(out);
    }

    private static Supplier<SdkPojo> builderOf(Class<?> sdkType) {
        try {
            Object b = sdkType.getMethod("builder").invoke(null);
            if (!(b instanceof SdkPojo)) {
                throw new IllegalArgumentException("Not a shape of the AWS SDK's model: " + sdkType.getName());
            }
            return () -> {
                try {
                    return (SdkPojo) sdkType.getMethod("builder").invoke(null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Not a shape of the AWS SDK's model: " + sdkType.getName(), e);
        }
    }

    private static Object fromTree(JsonNode tree, Supplier<SdkPojo> builder) {
        SdkPojo b = builder.get();
        for (SdkField<?> f : b.sdkFields()) {
            JsonNode m = tree.get(f.locationName());
            if (m == null || (m.isNull() && f.marshallingType().getKnownType() != MarshallingKnownType.DOCUMENT)) {
                continue;
            }
            f.set(b, value(f, m));
        }
        return ((SdkBuilder<?, ?>) b).build();
    }

    private static @Nullable Object value(SdkField<?> f, JsonNode n) {
        MarshallingKnownType type = f.marshallingType().getKnownType();
        switch (type) {
            case STRING:
                return n.asText();
            case INTEGER:
                return n.intValue();
            case LONG:
                return n.longValue();
            case SHORT:
                return n.shortValue();
            case BYTE:
                return (byte) n.intValue();
            case FLOAT:
                return n.floatValue();
            case DOUBLE:
                return n.doubleValue();
            case BIG_DECIMAL:
                return n.decimalValue();
            case BOOLEAN:
                return n.booleanValue();
            case INSTANT: {
                BigDecimal s = n.isTextual() ? new BigDecimal(n.asText()) : n.decimalValue();
                BigDecimal whole = s.setScale(0, java.math.RoundingMode.FLOOR);
                return Instant.ofEpochSecond(
                        whole.longValueExact(),
                        s.subtract(whole).movePointRight(9).intValue());
            }
            case SDK_BYTES:
                return SdkBytes.fromByteArray(Base64.getDecoder().decode(n.asText()));
            case SDK_POJO:
                return fromTree(n, f.constructor());
            case LIST: {
                SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
                List<Object> out = new ArrayList<>();
                for (JsonNode e : n) {
                    out.add(e.isNull() ? null : value(member, e));
                }
                return out;
            }
            case MAP: {
                SdkField<?> value = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> out = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), e.getValue().isNull() ? null : value(value, e.getValue()));
                }
                return out;
            }
            case DOCUMENT:
                return document(n);
            default:
                return null;
        }
    }
}
