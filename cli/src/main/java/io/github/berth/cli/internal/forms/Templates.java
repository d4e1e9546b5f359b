package io.github.berth.cli.internal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.cli.internal.report.Finding;
import io.github.berth.cli.internal.report.Severity;
import io.github.berth.cli.internal.report.Subject;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.validation.ServiceValidator;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * CloudFormation templates and Terraform plans: each ECS task definition, service, scalable target
 * and scaling policy in them, mapped to its API input and judged, named by its logical id or address.
 *
 * <p>Property names follow the CloudFormation resource reference
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-taskdefinition.html and
 * its siblings) and the Terraform AWS provider's resources ({@code aws_ecs_task_definition},
 * {@code aws_ecs_service}, {@code aws_appautoscaling_target}, {@code aws_appautoscaling_policy}).
 */
final class Templates {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** CloudFormation names that differ from the API's by more than case. [doc] the CloudFormation reference. */
    private static final Map<String, String> CFN_ALIASES = Map.of(
            "CreateServiceRequest.placementstrategies", "placementStrategy",
            "ProxyConfiguration.proxyconfigurationproperties", "properties");

    /** Terraform names that differ from the API's by more than case and underscores. */
    private static final Map<String, String> TF_ALIASES = Map.ofEntries(
            Map.entry("RegisterTaskDefinitionRequest.volume", "volumes"),
            Map.entry("RegisterTaskDefinitionRequest.inferenceaccelerator", "inferenceAccelerators"),
            Map.entry("CreateServiceRequest.name", "serviceName"),
            Map.entry("CreateServiceRequest.iamrole", "role"),
            Map.entry("CreateServiceRequest.loadbalancer", "loadBalancers"),
            Map.entry("CreateServiceRequest.orderedplacementstrategy", "placementStrategy"),
            Map.entry("PutScalingPolicyRequest.name", "PolicyName"),
            Map.entry("StepScalingPolicyConfiguration.stepadjustment", "StepAdjustments"),
            Map.entry("CustomizedMetricSpecification.dimensions", "Dimensions"),
            Map.entry("CustomizedMetricSpecification.metrics", "Metrics"));

    /** A source format and the names it spells differently from the API: they always go together. */
    private record Dialect(ShapeMapper.Source source, Map<String, String> aliases) {}

    private static final Dialect CLOUDFORMATION = new Dialect(ShapeMapper.Source.CLOUDFORMATION, CFN_ALIASES);
    private static final Dialect TERRAFORM = new Dialect(ShapeMapper.Source.TERRAFORM, TF_ALIASES);

    /** Properties CloudFormation has and the API does not: not judged. */
    private static final Map<String, List<String>> CFN_ONLY = Map.of(
            "AWS::ECS::Service", List.of("ForceNewDeployment"),
            "AWS::ApplicationAutoScaling::ScalableTarget", List.of("ScheduledActions"),
            "AWS::ApplicationAutoScaling::ScalingPolicy", List.of("ScalingTargetId"));

    private Templates() {}

    // ------------------------------------------------------------------ CloudFormation

    static List<Subject> cloudFormation(String file, LocatedTree tree) {
        List<Subject> out = new ArrayList<>();
        ObjectNode resources = Validation.object(tree.root.get("Resources"));
        Map<String, Mapped<RegisterTaskDefinitionRequest>> taskDefinitions = new HashMap<>();
        Map<String, ObjectNode> targets = new HashMap<>();
        // task definitions first: services are checked against the one they Ref
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String type = e.getValue().path("Type").asText();
            if (type.equals("AWS::ECS::TaskDefinition")) {
                String at = "Resources." + e.getKey() + ".Properties";
                taskDefinitions.put(
                        e.getKey(),
                        map(
                                CLOUDFORMATION,
                                properties(e.getValue(), type),
                                RegisterTaskDefinitionRequest.class,
                                at,
                                tree,
                                null));
            } else if (type.equals("AWS::ApplicationAutoScaling::ScalableTarget")) {
                targets.put(e.getKey(), Validation.object(e.getValue().get("Properties")));
            }
        }
        int judged = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            String type = e.getValue().path("Type").asText();
            String resource = "Resources." + id;
            String at = resource + ".Properties";
            switch (type) {
                case "AWS::ECS::TaskDefinition": {
                    // the loop above mapped every task definition
                    Mapped<RegisterTaskDefinitionRequest> td = Objects.requireNonNull(taskDefinitions.get(id));
                    out.add(td.judge(
                            file,
                            resource,
                            "AWS::ECS::TaskDefinition",
                            "RegisterTaskDefinition",
                            TaskDefinitionValidator::validate));
                    judged++;
                    break;
                }
                case "AWS::ECS::Service": {
                    Mapped<CreateServiceRequest> svc = map(
                            CLOUDFORMATION, properties(e.getValue(), type), CreateServiceRequest.class, at, tree, null);
                    RegisterTaskDefinitionRequest td = null;
                    List<String> extra = new ArrayList<>();
                    JsonNode ref = e.getValue().path("Properties").path("TaskDefinition");
                    if (ref.isObject()
                            && ref.has("Ref")
                            && taskDefinitions.containsKey(ref.get("Ref").asText())) {
                        Mapped<RegisterTaskDefinitionRequest> m =
                                taskDefinitions.get(ref.get("Ref").asText());
                        if (m.value != null && m.knownEnoughForServices()) {
                            td = m.value;
                        } else {
                            extra.add("its task definition " + ref.get("Ref").asText()
                                    + " has values known only at deploy time: "
                                    + "the rules that compare the service with it were not judged");
                        }
                    } else {
                        extra.add(
                                "its task definition is not a resource of this template: the rules that compare the service "
                                        + "with it were not judged");
                    }
                    RegisterTaskDefinitionRequest taskDefinition = td;
                    Subject s = svc.judge(
                            file, resource, type, "CreateService", r -> ServiceValidator.validate(r, taskDefinition));
                    out.add(withNotes(s, extra));
                    judged++;
                    break;
                }
                case "AWS::ApplicationAutoScaling::ScalableTarget":
                    out.add(map(
                                    CLOUDFORMATION,
                                    properties(e.getValue(), type),
                                    RegisterScalableTargetRequest.class,
                                    at,
                                    tree,
                                    null)
                            .judge(file, resource, type, "RegisterScalableTarget", AutoScalingValidator::validate));
                    judged++;
                    break;
                case "AWS::ApplicationAutoScaling::ScalingPolicy": {
                    ObjectNode props = properties(e.getValue(), type);
                    JsonNode targetRef = e.getValue().path("Properties").path("ScalingTargetId");
                    Mapped<PutScalingPolicyRequest> policy;
                    List<String> fromTarget = new ArrayList<>();
                    if (!targetRef.isMissingNode()) {
                        // the policy names its target by reference: the target's three ids stand for it
                        ObjectNode target = targetRef.isObject() && targetRef.has("Ref")
                                ? targets.get(targetRef.get("Ref").asText())
                                : null;
                        for (String member : List.of("ServiceNamespace", "ResourceId", "ScalableDimension")) {
                            if (!props.has(member)) {
                                JsonNode value = target == null ? null : target.get(member);
                                props.set(member, value != null ? value.deepCopy() : unknownValue());
                                fromTarget.add(member);
                            }
                        }
                    }
                    policy = map(CLOUDFORMATION, props, PutScalingPolicyRequest.class, at, tree, null);
                    for (String member : fromTarget) {
                        // the value stands in the target the policy names: point at that name
                        policy.mapper.filePaths.put(member, at + ".ScalingTargetId");
                    }
                    out.add(policy.judge(file, resource, type, "PutScalingPolicy", AutoScalingValidator::validate));
                    judged++;
                    break;
                }
                default:
                    break;
            }
        }
        if (judged == 0) {
            out.add(new Subject(
                    file,
                    null,
                    Form.CLOUDFORMATION.description(),
                    Subject.Outcome.VALID,
                    "",
                    List.of(),
                    List.of("no ECS task definition, service, scalable target or scaling policy in it")));
        }
        return out;
    }

    private static JsonNode unknownValue() {
        ObjectNode ref = NODES.objectNode();
        ref.put("Ref", "ScalingTargetId");
        return ref;
    }

    /** The resource's Properties without the members only CloudFormation has. */
    private static ObjectNode properties(JsonNode resource, String type) {
        ObjectNode props = Validation.object(resource.get("Properties")).deepCopy();
        for (String name : CFN_ONLY.getOrDefault(type, List.of())) {
            props.remove(name);
        }
        return props;
    }

    private static Subject withNotes(Subject s, List<String> notes) {
        if (notes.isEmpty()) {
            return s;
        }
        List<String> all = new ArrayList<>(s.notes());
        all.addAll(notes);
        return new Subject(s.file(), s.resource(), s.kind(), s.outcome(), s.summary(), s.findings(), all);
    }

    // ------------------------------------------------------------------ Terraform

    static List<Subject> terraform(String file, LocatedTree tree) {
        List<Subject> out = new ArrayList<>();
        Map<String, String> at = new LinkedHashMap<>();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        collect(tree.root.path("planned_values").path("root_module"), "planned_values.root_module", at, values, types);
        // which task definition each service refers to, from the configuration's references
        Map<String, String> serviceTaskDefinition = new HashMap<>();
        for (JsonNode r : tree.root.path("configuration").path("root_module").path("resources")) {
            for (JsonNode ref : r.path("expressions").path("task_definition").path("references")) {
                String s = ref.asText();
                if (s.startsWith("aws_ecs_task_definition.")) {
                    String[] parts = s.split("\\.");
                    serviceTaskDefinition.put(r.path("address").asText(), parts[0] + "." + parts[1]);
                }
            }
        }
        Map<String, Mapped<RegisterTaskDefinitionRequest>> taskDefinitions = new HashMap<>();
        // collect() put every address in at, values and types alike
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            if (Objects.requireNonNull(types.get(e.getKey())).equals("aws_ecs_task_definition")) {
                taskDefinitions.put(
                        e.getKey(),
                        terraformTaskDefinition(e.getValue(), Objects.requireNonNull(at.get(e.getKey())), tree));
            }
        }
        for (Map.Entry<String, JsonNode> e : values.entrySet()) {
            String address = e.getKey();
            String path = Objects.requireNonNull(at.get(address));
            ObjectNode v = Validation.object(e.getValue()).deepCopy();
            switch (Objects.requireNonNull(types.get(address))) {
                case "aws_ecs_task_definition":
                    out.add(Objects.requireNonNull(taskDefinitions.get(address)) // mapped in the loop above
                            .judge(
                                    file,
                                    address,
                                    "aws_ecs_task_definition",
                                    "RegisterTaskDefinition",
                                    TaskDefinitionValidator::validate));
                    break;
                case "aws_ecs_service": {
                    terraformServiceShape(v);
                    Mapped<CreateServiceRequest> svc = map(TERRAFORM, v, CreateServiceRequest.class, path, tree, null);
                    String tdAddress = serviceTaskDefinition.get(address);
                    Mapped<RegisterTaskDefinitionRequest> m = tdAddress == null ? null : taskDefinitions.get(tdAddress);
                    RegisterTaskDefinitionRequest td =
                            m != null && m.value != null && m.knownEnoughForServices() ? m.value : null;
                    Subject s = svc.judge(
                            file, address, "aws_ecs_service", "CreateService", r -> ServiceValidator.validate(r, td));
                    out.add(
                            td != null
                                    ? s
                                    : withNotes(
                                            s,
                                            List.of("its task definition is not known from this plan: the rules "
                                                    + "that compare the service with it were not judged")));
                    break;
                }
                case "aws_appautoscaling_target":
                    out.add(map(TERRAFORM, v, RegisterScalableTargetRequest.class, path, tree, null)
                            .judge(
                                    file,
                                    address,
                                    "aws_appautoscaling_target",
                                    "RegisterScalableTarget",
                                    AutoScalingValidator::validate));
                    break;
                case "aws_appautoscaling_policy":
                    out.add(map(TERRAFORM, v, PutScalingPolicyRequest.class, path, tree, null)
                            .judge(
                                    file,
                                    address,
                                    "aws_appautoscaling_policy",
                                    "PutScalingPolicy",
                                    AutoScalingValidator::validate));
                    break;
                default:
                    break;
            }
        }
        if (out.isEmpty()) {
            out.add(new Subject(
                    file,
                    null,
                    Form.TERRAFORM_PLAN.description(),
                    Subject.Outcome.VALID,
                    "",
                    List.of(),
                    List.of(
                            "no aws_ecs_task_definition, aws_ecs_service, aws_appautoscaling_target or aws_appautoscaling_policy "
                                    + "in its planned values")));
        }
        return out;
    }

    private static void collect(
            JsonNode module,
            String path,
            Map<String, String> at,
            Map<String, JsonNode> values,
            Map<String, String> types) {
        JsonNode resources = module.path("resources");
        for (int i = 0; i < resources.size(); i++) {
            JsonNode r = resources.get(i);
            if (!"managed".equals(r.path("mode").asText("managed"))) {
                continue;
            }
            String address = r.path("address").asText();
            types.put(address, r.path("type").asText());
            values.put(address, r.path("values"));
            at.put(address, path + ".resources[" + i + "].values");
        }
        JsonNode children = module.path("child_modules");
        for (int i = 0; i < children.size(); i++) {
            collect(children.get(i), path + ".child_modules[" + i + "]", at, values, types);
        }
    }

    private static Mapped<RegisterTaskDefinitionRequest> terraformTaskDefinition(
            JsonNode values, String path, LocatedTree tree) {
        ObjectNode v = Validation.object(values).deepCopy();
        JsonNode containers = v.remove("container_definitions");
        v.remove("tags_all");
        Mapped<RegisterTaskDefinitionRequest> mapped =
                map(TERRAFORM, v, RegisterTaskDefinitionRequest.class, path, tree, node -> {
                    if (containers != null && containers.isTextual()) {
                        // the provider reads container_definitions as the JSON of the API's containerDefinitions
                        ((ObjectNode) node)
                                .set("containerDefinitions", EcsJson.lenient().readTree(containers.asText()));
                    }
                    return node;
                });
        mapped.containersPath = path + ".container_definitions";
        if (containers == null || !containers.isTextual()) {
            mapped.mapper.unknownPaths.add("containerDefinitions");
        }
        return mapped;
    }

    /** The provider's flattened service arguments in the API's shape. */
    private static void terraformServiceShape(ObjectNode v) {
        v.remove("tags_all");
        JsonNode network = v.remove("network_configuration");
        if (network != null && network.isArray() && network.size() > 0) {
            ObjectNode n = ((ObjectNode) network.get(0)).deepCopy();
            if (n.has("assign_public_ip") && n.get("assign_public_ip").isBoolean()) {
                n.put("assign_public_ip", n.get("assign_public_ip").asBoolean() ? "ENABLED" : "DISABLED");
            }
            ObjectNode awsvpc = NODES.objectNode();
            awsvpc.set("awsvpc_configuration", NODES.arrayNode().add(n));
            v.set("network_configuration", NODES.arrayNode().add(awsvpc));
        }
        ObjectNode dc = NODES.objectNode();
        moveTo(v, "deployment_maximum_percent", dc, "maximum_percent");
        moveTo(v, "deployment_minimum_healthy_percent", dc, "minimum_healthy_percent");
        moveTo(v, "deployment_circuit_breaker", dc, "deployment_circuit_breaker");
        if (dc.size() > 0) {
            v.set("deployment_configuration", NODES.arrayNode().add(dc));
        }
        if ("DAEMON".equals(v.path("scheduling_strategy").asText())) {
            v.remove("desired_count"); // the provider sends no desired count for a daemon service
        }
    }

    private static void moveTo(ObjectNode from, String name, ObjectNode to, String as) {
        JsonNode n = from.remove(name);
        if (n != null && !n.isNull()) {
            to.set(as, n);
        }
    }

    // ------------------------------------------------------------------ mapping and judging one resource

    /**
     * Maps a resource to its API input and reads that strictly (the mapping has converted what the
     * source converts; what is left of the wrong type or unknown is named).
     *
     * @param prepare a last change to the API JSON before reading it, or null
     */
    private static <T> Mapped<T> map(
            Dialect dialect,
            ObjectNode props,
            Class<T> type,
            String at,
            LocatedTree tree,
            @Nullable UnaryOperator<JsonNode> prepare) {
        ShapeMapper mapper = new ShapeMapper(dialect.source(), dialect.aliases());
        JsonNode api = mapper.map(props, type, at);
        Mapped<T> m = new Mapped<>(mapper, tree);
        try {
            m.value = EcsJson.strict().convert(prepare == null ? api : prepare.apply(api), type);
        } catch (SerializationException e) {
            m.problems = e;
        } catch (RuntimeException e) {
            m.problems = new SerializationException(
                    new SerializationException.Problem("", 0, 0, "cannot read: " + e.getMessage()));
        }
        return m;
    }

    /** One resource mapped to its API input (or the problems that kept it from being read). */
    private static final class Mapped<T> {
        final ShapeMapper mapper;
        final LocatedTree tree;

        @Nullable
        T value;

        @Nullable
        SerializationException problems;

        @Nullable
        String containersPath;

        Mapped(ShapeMapper mapper, LocatedTree tree) {
            this.mapper = mapper;
            this.tree = tree;
        }

        /** Whether what services are compared with (network mode, container names, ports, health checks) is known. */
        boolean knownEnoughForServices() {
            return mapper.unknownPaths.stream()
                    .noneMatch(p -> p.equals("networkMode")
                            || p.equals("containerDefinitions")
                            || p.matches("containerDefinitions\\[\\d+\\](\\.(name|portMappings|healthCheck).*)?"));
        }

        String filePath(String apiPath) {
            if (containersPath != null && apiPath.startsWith("containerDefinitions")) {
                return containersPath + " " + apiPath.substring("containerDefinitions".length());
            }
            return mapper.filePath(apiPath);
        }

        Subject judge(String file, String resource, String kind, String rule, Function<T, List<Violation>> validator) {
            if (value == null) {
                List<Finding> findings = new ArrayList<>();
                // map() sets value, or problems when it could not read one
                for (SerializationException.Problem p :
                        Objects.requireNonNull(problems).problems()) {
                    String path = filePath(p.path());
                    int[] where = tree.locate(path);
                    findings.add(new Finding(
                            Validation.INPUT_RULE, Severity.ERROR, path, where[0], where[1], null, p.reason()));
                }
                return new Subject(
                        file,
                        resource,
                        kind,
                        Subject.Outcome.UNREADABLE,
                        "not a " + kind + " Berth can read",
                        findings,
                        List.of());
            }
            List<Finding> findings = new ArrayList<>();
            int skipped = 0;
            for (Violation v : validator.apply(value)) {
                if (mapper.touchesUnknown(v.path())) {
                    skipped++;
                    continue;
                }
                String path = filePath(v.path());
                int[] where = v.path().isEmpty() ? new int[] {0, 0} : tree.locate(path);
                findings.add(new Finding(rule, Severity.ERROR, path, where[0], where[1], v.errorCode(), v.message()));
            }
            List<String> notes = new ArrayList<>();
            if (!mapper.unknownPaths.isEmpty()) {
                List<String> where =
                        mapper.unknownPaths.stream().map(this::filePath).toList();
                notes.add(where.size() + (where.size() == 1 ? " value is" : " values are")
                        + " known only at deploy time ("
                        + String.join(", ", where.subList(0, Math.min(where.size(), 5)))
                        + (where.size() > 5 ? ", ..." : "")
                        + "): "
                        + (skipped == 0
                                ? "no rule needed them"
                                : skipped + (skipped == 1 ? " rule that needs them was" : " rules that need them were")
                                        + " not judged"));
            }
            return Validation.judged(file, resource, kind, findings, notes);
        }
    }

    static ArrayNode array(JsonNode n) {
        return n != null && n.isArray() ? (ArrayNode) n : NODES.arrayNode();
    }
}
