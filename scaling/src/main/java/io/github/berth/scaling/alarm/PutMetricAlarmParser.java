package io.github.berth.scaling.alarm;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a CloudWatch PutMetricAlarm request (the JSON {@code aws cloudwatch put-metric-alarm
 * --cli-input-json} takes) into the {@link AlarmSpec} its state depends on and the actions it names
 * (CloudWatch API reference,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html), with
 * the metric it watches (Namespace, MetricName, Dimensions) and ActionsEnabled. The other members
 * that do not change the state (description, unit, tags, OK and insufficient-data actions) are
 * accepted and not read; a member PutMetricAlarm does not have is refused.
 */
public final class PutMetricAlarmParser {

    /** The members of a PutMetricAlarm request. */
    private static final Set<String> MEMBERS = Set.of(
            "AlarmName",
            "AlarmDescription",
            "ActionsEnabled",
            "OKActions",
            "AlarmActions",
            "InsufficientDataActions",
            "MetricName",
            "Namespace",
            "Statistic",
            "ExtendedStatistic",
            "Dimensions",
            "Period",
            "Unit",
            "EvaluationPeriods",
            "DatapointsToAlarm",
            "Threshold",
            "ComparisonOperator",
            "TreatMissingData",
            "EvaluateLowSampleCountPercentile",
            "Metrics",
            "Tags",
            "ThresholdMetricId");

    private PutMetricAlarmParser() {}

    /**
     * A parsed alarm.
     *
     * @param spec what the alarm's state depends on
     * @param alarmActions the AlarmActions, as given (ARNs, usually)
     * @param namespace the Namespace, or null (an alarm on metric math has none)
     * @param metricName the MetricName, or null
     * @param dimensions the Dimensions, Name to Value, in the order given
     * @param actionsEnabled ActionsEnabled (true when absent): whether the alarm invokes its actions
     */
    public record MetricAlarm(
            AlarmSpec spec,
            List<String> alarmActions,
            @Nullable String namespace,
            @Nullable String metricName,
            Map<String, String> dimensions,
            boolean actionsEnabled) {

        public MetricAlarm {
            Objects.requireNonNull(spec, "spec");
            alarmActions = List.copyOf(alarmActions);
            dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        }

        /** An alarm with its state and actions only (no metric named, actions enabled). */
        public MetricAlarm(AlarmSpec spec, List<String> alarmActions) {
            this(spec, alarmActions, null, null, Map.of(), true);
        }

        /**
         * Whether an AlarmAction names the scaling policy {@code policyName}: its name itself, or a
         * scaling policy ARN ending {@code :policyName/<name>}.
         */
        public boolean names(String policyName) {
            for (String action : alarmActions) {
                if (action.equals(policyName) || action.endsWith(":policyName/" + policyName)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Parses a PutMetricAlarm request. Statistic defaults to Average, DatapointsToAlarm to
     * EvaluationPeriods, TreatMissingData to {@code missing}, as in CloudWatch.
     *
     * @throws IllegalArgumentException naming the member and what is wrong with it (or the JSON
     *     problems), e.g. {@code Period: expected an integer}
     */
    public static MetricAlarm parse(String json) {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = EcsJson.strict().readTree(json);
        } catch (SerializationException e) {
            throw new IllegalArgumentException(
                    e.problems().stream().map(Object::toString).collect(Collectors.joining("; ")), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("expected a PutMetricAlarm request (a JSON object)");
        }
        for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException(
                        name + ": unknown member '" + name + "' of a PutMetricAlarm request");
            }
        }
        String alarmName = text(tree, "AlarmName", null);
        int evaluationPeriods = integer(tree, "EvaluationPeriods", null);
        AlarmSpec spec = new AlarmSpec(
                alarmName,
                Statistic.fromWireName(text(tree, "Statistic", "Average")),
                integer(tree, "Period", null),
                evaluationPeriods,
                integer(tree, "DatapointsToAlarm", evaluationPeriods),
                ComparisonOperator.fromWireName(text(tree, "ComparisonOperator", null)),
                number(tree, "Threshold"),
                TreatMissingData.fromWireName(text(tree, "TreatMissingData", "missing")));
        List<String> actions = new ArrayList<>();
        JsonNode a = tree.get("AlarmActions");
        if (a != null && !a.isNull()) {
            if (!a.isArray()) {
                throw new IllegalArgumentException("AlarmActions: expected an array of strings");
            }
            for (JsonNode action : a) {
                if (!action.isTextual()) {
                    throw new IllegalArgumentException("AlarmActions: expected an array of strings");
                }
                actions.add(action.asText());
            }
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        JsonNode d = tree.get("Dimensions");
        if (d != null && !d.isNull()) {
            if (!d.isArray()) {
                throw new IllegalArgumentException("Dimensions: expected an array of {\"Name\": ..., \"Value\": ...}");
            }
            for (int i = 0; i < d.size(); i++) {
                JsonNode dim = d.get(i);
                if (!dim.isObject()) {
                    throw new IllegalArgumentException("Dimensions[" + i + "]: expected an object with Name and Value");
                }
                dimensions.put(
                        text(dim, "Name", null, "Dimensions[" + i + "]."),
                        text(dim, "Value", null, "Dimensions[" + i + "]."));
            }
        }
        JsonNode enabled = tree.get("ActionsEnabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            throw new IllegalArgumentException("ActionsEnabled: expected true or false");
        }
        return new MetricAlarm(
                spec,
                actions,
                optionalText(tree, "Namespace"),
                optionalText(tree, "MetricName"),
                dimensions,
                enabled == null || enabled.isNull() || enabled.asBoolean());
    }

    private static @Nullable String optionalText(JsonNode tree, String member) {
        JsonNode n = tree.get(member);
        if (n == null || n.isNull()) {
            return null;
        }
        return text(tree, member, null);
    }

    private static String text(JsonNode tree, String member, @Nullable String absent) {
        return text(tree, member, absent, "");
    }

    private static String text(JsonNode tree, String member, @Nullable String absent, String path) {
        JsonNode n = tree.get(member);
        if (n == null || n.isNull()) {
            if (absent != null) {
                return absent;
            }
            throw new IllegalArgumentException(path + member + ": required member missing");
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(path + member + ": expected a string");
        }
        return n.asText();
    }

    private static int integer(JsonNode tree, String member, @Nullable Integer absent) {
        JsonNode n = tree.get(member);
        if (n == null || n.isNull()) {
            if (absent != null) {
                return absent;
            }
            throw new IllegalArgumentException(member + ": required member missing");
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException(member + ": expected an integer");
        }
        return n.asInt();
    }

    private static double number(JsonNode tree, String member) {
        JsonNode n = tree.get(member);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException(member + ": required member missing");
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException(member + ": expected a number");
        }
        return n.asDouble();
    }
}
