package io.github.berth.core.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Which rules not to report, everywhere or on named resources. From a config file:
 *
 * <pre>{@code
 * {"suppress": [
 *   {"rule": "TD-IMAGE-LATEST"},
 *   {"rule": "TD-RUNS-AS-ROOT", "resources": ["log-router", "legacy-api"], "reason": "vendor images"}
 * ]}
 * }</pre>
 *
 * or from command-line values {@code RULE} (everywhere) and {@code RULE:RESOURCE}. Immutable.
 */
public final class Suppressions {

    private static final Suppressions NONE = new Suppressions(ImmutableSet.of(), ImmutableSetMultimap.of());

    private final ImmutableSet<String> everywhere;
    private final ImmutableSetMultimap<String, String> perResource;

    private Suppressions(ImmutableSet<String> everywhere, ImmutableSetMultimap<String, String> perResource) {
        this.everywhere = everywhere;
        this.perResource = perResource;
    }

    public static Suppressions none() {
        return NONE;
    }

    /**
     * From {@code RULE} or {@code RULE:RESOURCE} values.
     *
     * @throws IllegalArgumentException for an empty rule or resource, naming the value
     */
    public static Suppressions ofFlags(List<String> values) {
        ImmutableSet.Builder<String> all = ImmutableSet.builder();
        ImmutableSetMultimap.Builder<String, String> some = ImmutableSetMultimap.builder();
        for (String v : values) {
            int colon = v.indexOf(':');
            String rule = (colon < 0 ? v : v.substring(0, colon)).trim();
            if (rule.isEmpty() || colon >= 0 && v.substring(colon + 1).isBlank()) {
                throw new IllegalArgumentException("'" + v + "' is not RULE or RULE:RESOURCE");
            }
            if (colon < 0) {
                all.add(rule);
            } else {
                some.put(rule, v.substring(colon + 1).trim());
            }
        }
        return new Suppressions(all.build(), some.build());
    }

    /**
     * From the JSON of a config file (see the class comment).
     *
     * @throws IllegalArgumentException naming the JSON path of what is wrong: not JSON, no
     *     {@code suppress} list, an entry without a {@code rule}, a member that is not known
     */
    public static Suppressions parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null
                            ? ""
                            : " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.isObject() || !root.path("suppress").isArray()) {
            throw new IllegalArgumentException("suppress: expected an object with a 'suppress' list");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("suppress")) {
                throw new IllegalArgumentException(name + ": unknown member (expected only 'suppress')");
            }
        }
        ImmutableSet.Builder<String> all = ImmutableSet.builder();
        ImmutableSetMultimap.Builder<String, String> some = ImmutableSetMultimap.builder();
        JsonNode list = root.get("suppress");
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = "suppress[" + i + "]";
            if (!entry.isObject()) {
                throw new IllegalArgumentException(at + ": expected an object with 'rule'");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
                String name = it.next().getKey();
                if (!name.equals("rule") && !name.equals("resources") && !name.equals("reason")) {
                    throw new IllegalArgumentException(
                            at + "." + name + ": unknown member (expected rule, resources, reason)");
                }
            }
            JsonNode rule = entry.get("rule");
            if (rule == null || !rule.isTextual() || rule.asText().isBlank()) {
                throw new IllegalArgumentException(at + ".rule: expected a rule id");
            }
            JsonNode resources = entry.get("resources");
            if (resources == null) {
                all.add(rule.asText());
                continue;
            }
            if (!resources.isArray() || resources.isEmpty()) {
                throw new IllegalArgumentException(at + ".resources: expected a non-empty list of resource names");
            }
            for (int j = 0; j < resources.size(); j++) {
                if (!resources.get(j).isTextual()) {
                    throw new IllegalArgumentException(at + ".resources[" + j + "]: expected a resource name");
                }
                some.put(rule.asText(), resources.get(j).asText());
            }
        }
        return new Suppressions(all.build(), some.build());
    }

    /** Both sets of suppressions. */
    public Suppressions and(Suppressions other) {
        return new Suppressions(
                ImmutableSet.<String>builder()
                        .addAll(everywhere)
                        .addAll(other.everywhere)
                        .build(),
                ImmutableSetMultimap.<String, String>builder()
                        .putAll(perResource)
                        .putAll(other.perResource)
                        .build());
    }

    public boolean suppresses(String ruleId, String resource) {
        return everywhere.contains(ruleId) || perResource.containsEntry(ruleId, resource);
    }

    /** Every rule id named, for checking them against the rules known. */
    public ImmutableSet<String> ruleIds() {
        return ImmutableSet.<String>builder()
                .addAll(everywhere)
                .addAll(perResource.keySet())
                .build();
    }
}
