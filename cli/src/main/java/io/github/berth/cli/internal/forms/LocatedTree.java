package io.github.berth.cli.internal.forms;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.berth.core.Nullable;
import io.github.berth.core.validation.JsonPath;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON or YAML document as a tree, with the line and column where each value starts, keyed by its
 * JSON path ({@code Resources.Web.Properties.Cpu}, {@code containerDefinitions[0].memory}).
 *
 * <p>YAML tags of CloudFormation's short forms become the long forms, as CloudFormation reads them
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html):
 * {@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is {@code {"Fn::GetAtt": ["A", "B"]}},
 * {@code !Condition C} is {@code {"Condition": "C"}} and any other {@code !Name v} is
 * {@code {"Fn::Name": v}}.
 */
final class LocatedTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(200)
            .maxDocumentLength(50_000_000L)
            .build();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLFactory YAML =
            YAMLFactory.builder().streamReadConstraints(LIMITS).build();

    final JsonNode root;
    /** Where each value starts; for JSON found only when first asked (most files have no problem to place). */
    private @Nullable Map<String, int[]> where;

    private final String text;

    private LocatedTree(JsonNode root, @Nullable Map<String, int[]> where, String text) {
        this.root = root;
        this.where = where;
        this.text = text;
    }

    /** A problem reading the text: its place (0 if unknown) and reason. */
    static final class Unparsable extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Unparsable(String reason, int line, int column) {
            super(reason, null, false, false);
            this.line = line;
            this.column = column;
        }

        /** The reason given: never null, unlike {@link Throwable#getMessage()}'s. */
        @Override
        public String getMessage() {
            return Objects.requireNonNull(super.getMessage());
        }
    }

    static LocatedTree json(String text) throws Unparsable {
        try (JsonParser p = JSON.createParser(text)) {
            JsonNode root = JSON_READER.readTree(p);
            if (root == null) {
                throw new Unparsable("the document is empty", 0, 0);
            }
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new Unparsable(
                        "unexpected content after the end of the document", at.getLineNr(), at.getColumnNr());
            }
            return new LocatedTree(root, null, text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Unparsable(
                    "not valid JSON: " + e.getOriginalMessage(),
                    at == null ? 0 : Math.max(at.getLineNr(), 0),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0));
        } catch (IOException e) {
            throw new Unparsable("could not read the document: " + e.getMessage(), 0, 0);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_READER =
            new com.fasterxml.jackson.databind.ObjectMapper(JSON);

    static LocatedTree yaml(String text) throws Unparsable {
        return parse(YAML, text, "not valid YAML: ");
    }

    /** The line and column of the value at {@code path}, or of its nearest enclosing value; {0, 0} if none. */
    int[] locate(String path) {
        Map<String, int[]> known = where;
        if (known == null) {
            try {
                known = Objects.requireNonNull(parse(JSON, text, "").where); // parse() records every place
            } catch (Unparsable e) {
                known = Map.of(); // it was read once: it parses
            }
            where = known;
        }
        String p = path;
        while (true) {
            int[] at = known.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            p = parent(p);
        }
    }

    /** The enclosing path: {@code a.b[1]} of {@code a.b[1].c}, {@code a.b} of {@code a.b[1]}. */
    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static LocatedTree parse(JsonFactory factory, String text, String prefix) throws Unparsable {
        Map<String, int[]> where = new HashMap<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Unparsable("the document is empty", 0, 0);
            }
            JsonNode root = value(p, JsonPath.root(), where);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new Unparsable(
                        "unexpected content after the end of the document", at.getLineNr(), at.getColumnNr());
            }
            return new LocatedTree(root, where, text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String m = e.getOriginalMessage();
            int cut = m == null ? -1 : m.indexOf('\n');
            throw new Unparsable(
                    prefix + (m == null ? "" : cut < 0 ? m : m.substring(0, cut)),
                    at == null ? 0 : Math.max(at.getLineNr(), 0),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0));
        } catch (IOException e) {
            throw new Unparsable("could not read the document: " + e.getMessage(), 0, 0);
        }
    }

    private static JsonNode value(JsonParser p, JsonPath path, Map<String, int[]> where) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        where.put(path.toString(), new int[] {Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0)});
        String tag = p instanceof YAMLParser ? cloudFormationTag(((YAMLParser) p).getTypeId()) : null;
        JsonNode v;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p, path.child(name), where));
                }
                v = o;
                break;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p, path.index(i++), where));
                }
                v = a;
                break;
            }
            case VALUE_STRING:
                v = NODES.textNode(p.getText());
                break;
            case VALUE_NUMBER_INT:
                v = NODES.numberNode(p.getBigIntegerValue());
                if (p.getNumberType() == JsonParser.NumberType.INT) {
                    v = NODES.numberNode(p.getIntValue());
                } else if (p.getNumberType() == JsonParser.NumberType.LONG) {
                    v = NODES.numberNode(p.getLongValue());
                }
                break;
            case VALUE_NUMBER_FLOAT:
                v = NODES.numberNode(p.getDecimalValue());
                break;
            case VALUE_TRUE:
                v = NODES.booleanNode(true);
                break;
            case VALUE_FALSE:
                v = NODES.booleanNode(false);
                break;
            case VALUE_NULL:
                v = NODES.nullNode();
                break;
            default:
                v = NODES.textNode(p.getText());
        }
        if (tag == null) {
            return v;
        }
        ObjectNode fn = NODES.objectNode();
        if (tag.equals("GetAtt") && v.isTextual()) {
            String s = v.asText();
            int dot = s.indexOf('.');
            ArrayNode args = NODES.arrayNode();
            args.add(dot < 0 ? s : s.substring(0, dot));
            args.add(dot < 0 ? "" : s.substring(dot + 1));
            v = args;
        }
        fn.set(tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag, v.isNull() ? NODES.textNode("") : v);
        return fn;
    }

    /** The CloudFormation function name of a YAML tag ({@code Ref}, {@code Sub}...); null for none or YAML's own. */
    private static @Nullable String cloudFormationTag(@Nullable String tag) {
        if (tag == null || tag.isEmpty() || tag.startsWith("tag:yaml.org")) {
            return null;
        }
        return tag;
    }

    /** Whether {@code node} is a CloudFormation intrinsic function or a Ref: a one-member object named so. */
    static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String name = node.fieldNames().next();
        return name.equals("Ref") || name.startsWith("Fn::") || name.equals("Condition");
    }

    /** The names of the top-level members, for recognising a document's form. */
    List<String> topLevelNames() {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        if (root.isObject()) {
            root.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
