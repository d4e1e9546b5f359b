package io.github.berth.cli.internal.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.cli.internal.report.Finding;
import io.github.berth.cli.internal.report.Rule;
import io.github.berth.cli.internal.report.Severity;
import io.github.berth.cli.internal.report.Subject;
import io.github.berth.cli.internal.report.Subject.Outcome;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.UpdateServiceRequest;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.json.TaskDefinitionFile;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.validation.ServiceValidator;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one file's text in whatever form it has ({@link Form}), as the service that would receive it
 * judges it, and returns one {@link Subject} per thing judged: the file, or each resource of a template
 * or plan.
 *
 * <p>Inputs of the AWS CLI ({@code --cli-input-json}) and describe outputs are read strictly: a member
 * the API does not have, a value of the wrong JSON type or a null is refused, as the AWS CLI refuses it.
 * Templates and plans are read as CloudFormation and Terraform read them: scalars are converted, and
 * values known only at deploy time (intrinsic functions, values unknown to a plan) are left out with
 * the rules that need them, which the subject's notes say.
 */
public final class Validation {

    static final String INPUT_RULE = "input";

    /** The rules whose findings this class makes, for SARIF. */
    public static final List<Rule> RULES = List.of(
            new Rule(
                    "RegisterTaskDefinition",
                    "RegisterTaskDefinition",
                    "Amazon ECS would refuse to register this task definition.",
                    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
                    Severity.ERROR),
            new Rule(
                    "CreateService",
                    "CreateService",
                    "Amazon ECS would refuse to create this service.",
                    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html",
                    Severity.ERROR),
            new Rule(
                    "UpdateService",
                    "UpdateService",
                    "Amazon ECS would refuse this service update.",
                    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html",
                    Severity.ERROR),
            new Rule(
                    "RegisterScalableTarget",
                    "RegisterScalableTarget",
                    "Application Auto Scaling would refuse to register this scalable target.",
                    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html",
                    Severity.ERROR),
            new Rule(
                    "PutScalingPolicy",
                    "PutScalingPolicy",
                    "Application Auto Scaling would refuse this scaling policy.",
                    "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html",
                    Severity.ERROR),
            new Rule(
                    INPUT_RULE,
                    "UnreadableInput",
                    "The file cannot be read as the input it is: not JSON or YAML, a member the API does not have, or a value "
                            + "of the wrong type (the AWS CLI refuses it before sending it).",
                    "https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html",
                    Severity.ERROR));

    /**
     * What the command line adds to the files.
     *
     * @param form the form to read every file as, or null to recognise each by its content
     * @param taskDefinition the task definition services are judged with (a RegisterTaskDefinition
     *     input), or null
     * @param launchType for bare container definitions: the launch type of their task, or null (EC2)
     * @param networkMode for bare container definitions: the task's network mode, or null
     * @param cpu for bare container definitions: the task's cpu, or null
     * @param memory for bare container definitions: the task's memory, or null
     */
    public record Options(
            @Nullable Form form,
            @Nullable RegisterTaskDefinitionRequest taskDefinition,
            @Nullable String launchType,
            @Nullable String networkMode,
            @Nullable String cpu,
            @Nullable String memory) {

        /** No options: recognise every form, no task definition for services, containers of an EC2 task. */
        public static Options none() {
            return new Options(null, null, null, null, null, null);
        }
    }

    private Validation() {}

    /**
     * Judges {@code text}, the content of {@code file}.
     *
     * @param named whether the user named the file (a file not recognised is then {@link Outcome#UNREADABLE});
     *     else it was found in a directory and is {@link Outcome#SKIPPED}
     */
    public static List<Subject> judge(String file, String text, Options options, boolean named) {
        String trimmed = text.stripLeading();
        boolean jsonLike = trimmed.startsWith("{") || trimmed.startsWith("[");
        String lower = file.toLowerCase(Locale.ROOT);
        boolean yamlName = lower.endsWith(".yaml") || lower.endsWith(".yml");
        LocatedTree tree = null;
        boolean yamlText = false;
        LocatedTree.Unparsable yamlError = null;
        if (!yamlName) {
            try {
                tree = LocatedTree.json(text);
            } catch (LocatedTree.Unparsable e) {
                // worded below by EcsJson, which names the member being read
            }
        }
        if (tree == null && !jsonLike && !lower.endsWith(".json")) {
            // YAML: a file named so, or a template that is not JSON (a .template file, standard input)
            try {
                LocatedTree y = LocatedTree.yaml(text);
                if (yamlName || Form.detect(y.root) == Form.CLOUDFORMATION) {
                    tree = y;
                    yamlText = true;
                }
            } catch (LocatedTree.Unparsable e) {
                yamlError = e;
            }
        }
        if (tree == null) {
            if (yamlName && yamlError != null) {
                Subject s = new Subject(
                        file,
                        null,
                        "",
                        Outcome.UNREADABLE,
                        "not valid YAML",
                        List.of(new Finding(
                                INPUT_RULE,
                                Severity.ERROR,
                                "",
                                yamlError.line,
                                yamlError.column,
                                null,
                                yamlError.getMessage())),
                        List.of());
                return List.of(named ? s : skipped(file, "not valid YAML: " + yamlError.getMessage()));
            }
            Subject s = notJson(file, text);
            return List.of(
                    named
                            ? s
                            : skipped(
                                    file,
                                    s.findings().isEmpty()
                                            ? "not valid JSON"
                                            : s.findings().get(0).message()));
        }
        Form form = options.form() != null ? options.form() : Form.detect(tree.root);
        if (form == null) {
            String why = "not a form berth validate knows";
            if (!named) {
                return List.of(skipped(file, why));
            }
            int[] at = tree.locate("");
            String found = tree.root.isObject()
                    ? (tree.root.size() == 0
                            ? "an empty object"
                            : "an object with the members " + String.join(", ", tree.topLevelNames()))
                    : tree.root.isArray()
                            ? "an array of " + (tree.root.size() == 0 ? "nothing" : "other values")
                            : tree.root.isNumber()
                                    ? "a number"
                                    : tree.root.isTextual() ? "a string" : tree.root.isBoolean() ? "a boolean" : "null";
            return List.of(new Subject(
                    file,
                    null,
                    "",
                    Outcome.UNREADABLE,
                    why,
                    List.of(new Finding(
                            INPUT_RULE,
                            Severity.ERROR,
                            "",
                            at[0],
                            at[1],
                            null,
                            "expected a task definition, container definitions, a CreateService or UpdateService "
                                    + "input, a scalable target, a scaling policy or its configuration, a CloudFormation template or a Terraform "
                                    + "plan; found " + found)),
                    List.of()));
        }
        if (yamlText && form != Form.CLOUDFORMATION) {
            // the API inputs are JSON; a YAML file is judged only as a template
            return List.of(
                    named
                            ? new Subject(
                                    file,
                                    null,
                                    form.description(),
                                    Outcome.UNREADABLE,
                                    "a " + form.description() + " in YAML: " + "the AWS CLI takes it as JSON only",
                                    List.of(),
                                    List.of())
                            : skipped(file, "YAML that is not a CloudFormation template"));
        }
        switch (form) {
            case TASK_DEFINITION:
                return List.of(taskDefinition(file, text, tree));
            case CONTAINER_DEFINITIONS:
                return List.of(containerDefinitions(file, text, tree, options));
            case CREATE_SERVICE:
            case UPDATE_SERVICE:
                return List.of(service(file, text, tree, form, options.taskDefinition()));
            case SCALABLE_TARGET:
            case SCALING_POLICY:
            case TARGET_TRACKING:
            case STEP_SCALING:
                return List.of(scaling(file, text, tree, form));
            case CLOUDFORMATION:
                return Templates.cloudFormation(file, tree);
            case TERRAFORM_PLAN:
                return Templates.terraform(file, tree);
            default:
                throw new IllegalStateException("form " + form);
        }
    }

    // ------------------------------------------------------------------ the JSON forms

    private static Subject taskDefinition(String file, String text, LocatedTree tree) {
        String kind = Form.TASK_DEFINITION.description();
        TaskDefinitionFile td;
        try {
            td = EcsJson.strict().readTaskDefinitionFile(text);
        } catch (SerializationException e) {
            return unreadable(file, kind, "not a task definition", e);
        }
        List<Finding> findings = new ArrayList<>();
        for (Violation v : TaskDefinitionValidator.validate(td.request())) {
            findings.add(finding("RegisterTaskDefinition", td.pathInFile(v.path()), v, tree));
        }
        List<String> notes = new ArrayList<>();
        if (td.form() != TaskDefinitionFile.Form.REGISTER_INPUT) {
            // What the amazon-ecs-deploy-task-definition action reads; the AWS CLI's --cli-input-json does not take it.
            JsonNode members =
                    td.form() == TaskDefinitionFile.Form.DESCRIBE_OUTPUT ? tree.root.path("taskDefinition") : tree.root;
            List<String> describedOnly = new ArrayList<>();
            members.fieldNames().forEachRemaining(n -> {
                if (DESCRIBED_ONLY.contains(n)) {
                    describedOnly.add(n);
                }
            });
            notes.add("judged as the RegisterTaskDefinition input it amounts to; as a DescribeTaskDefinition output, "
                    + (td.form() == TaskDefinitionFile.Form.DESCRIBE_OUTPUT
                            ? "it is"
                            : "with " + String.join(", ", describedOnly) + ", it is")
                    + " not what aws ecs register-task-definition --cli-input-json takes");
        }
        return judged(file, null, kind, findings, notes);
    }

    /** The members only a registered task definition has [doc: API_TaskDefinition.html]. */
    private static final java.util.Set<String> DESCRIBED_ONLY = java.util.Set.of(
            "taskDefinitionArn",
            "revision",
            "status",
            "requiresAttributes",
            "compatibilities",
            "registeredAt",
            "registeredBy",
            "deregisteredAt",
            "deleteRequestedAt");

    private static final String CONTAINERS_PREFIX = "{\"containerDefinitions\":";

    private static Subject containerDefinitions(String file, String text, LocatedTree tree, Options o) {
        String kind = Form.CONTAINER_DEFINITIONS.description();
        RegisterTaskDefinitionRequest containers;
        try {
            // on the first line, so that lines stay where they are in the file
            containers = EcsJson.strict().read(CONTAINERS_PREFIX + text + "}", RegisterTaskDefinitionRequest.class);
        } catch (SerializationException e) {
            List<Finding> findings = new ArrayList<>();
            for (SerializationException.Problem p : e.problems()) {
                String path = p.path().startsWith("containerDefinitions")
                        ? p.path().substring("containerDefinitions".length())
                        : p.path();
                int column = p.line() == 1 ? Math.max(p.column() - CONTAINERS_PREFIX.length(), 1) : p.column();
                findings.add(new Finding(INPUT_RULE, Severity.ERROR, path, p.line(), column, null, p.reason()));
            }
            return new Subject(file, null, kind, Outcome.UNREADABLE, "not container definitions", findings, List.of());
        }
        RegisterTaskDefinitionRequest.Builder b = containers.toBuilder().family("container-definitions");
        if (o.launchType() != null) {
            b.requiresCompatibilities(
                    List.of(Compatibility.fromValue(o.launchType().toUpperCase(Locale.ROOT))));
        }
        if (o.networkMode() != null) {
            b.networkMode(NetworkMode.fromValue(o.networkMode()));
        }
        if (o.cpu() != null) {
            b.cpu(o.cpu());
        }
        if (o.memory() != null) {
            b.memory(o.memory());
        }
        List<Finding> findings = new ArrayList<>();
        for (Violation v : TaskDefinitionValidator.validate(b.build())) {
            String path = v.path().startsWith("containerDefinitions")
                    ? v.path().substring("containerDefinitions".length())
                    : "(task) " + v.path();
            findings.add(finding("RegisterTaskDefinition", path, v, tree));
        }
        String task = "judged as the containers of "
                + (o.launchType() == null ? "an EC2" : "a " + o.launchType().toUpperCase(Locale.ROOT))
                + " task" + (o.networkMode() == null ? "" : " in network mode " + o.networkMode())
                + (o.cpu() == null ? "" : ", cpu " + o.cpu()) + (o.memory() == null ? "" : ", memory " + o.memory());
        return judged(file, null, kind, findings, List.of(task));
    }

    private static Subject service(
            String file, String text, LocatedTree tree, Form form, @Nullable RegisterTaskDefinitionRequest td) {
        String kind = form.description();
        List<Violation> violations;
        String rule;
        try {
            if (form == Form.CREATE_SERVICE) {
                violations = ServiceValidator.validate(EcsJson.strict().read(text, CreateServiceRequest.class), td);
                rule = "CreateService";
            } else {
                violations = ServiceValidator.validate(EcsJson.strict().read(text, UpdateServiceRequest.class), td);
                rule = "UpdateService";
            }
        } catch (SerializationException e) {
            return unreadable(file, kind, "not a" + (form == Form.UPDATE_SERVICE ? "n " : " ") + kind, e);
        }
        List<Finding> findings = new ArrayList<>();
        for (Violation v : violations) {
            findings.add(finding(rule, v.path(), v, tree));
        }
        List<String> notes = td == null
                ? List.of(
                        "judged without its task definition (give --task-definition FILE to check the network configuration, "
                                + "load balancer containers and ports, and the health check grace period against it)")
                : List.of();
        return judged(file, null, kind, findings, notes);
    }

    private static Subject scaling(String file, String text, LocatedTree tree, Form form) {
        String kind = form.description();
        List<Violation> violations;
        String rule = form == Form.SCALABLE_TARGET ? "RegisterScalableTarget" : "PutScalingPolicy";
        String prefix = "";
        try {
            switch (form) {
                case SCALABLE_TARGET:
                    violations = AutoScalingValidator.validate(
                            AutoScalingJson.strict().read(text, RegisterScalableTargetRequest.class));
                    break;
                case SCALING_POLICY:
                    violations = AutoScalingValidator.validate(
                            AutoScalingJson.strict().read(text, PutScalingPolicyRequest.class));
                    break;
                case TARGET_TRACKING:
                    prefix = "TargetTrackingScalingPolicyConfiguration";
                    violations = AutoScalingValidator.validate(policyAround(PolicyType.TARGET_TRACKING_SCALING)
                            .targetTrackingScalingPolicyConfiguration(
                                    AutoScalingJson.strict().read(text, TargetTrackingScalingPolicyConfiguration.class))
                            .build());
                    break;
                default:
                    prefix = "StepScalingPolicyConfiguration";
                    violations = AutoScalingValidator.validate(policyAround(PolicyType.STEP_SCALING)
                            .stepScalingPolicyConfiguration(
                                    AutoScalingJson.strict().read(text, StepScalingPolicyConfiguration.class))
                            .build());
            }
        } catch (io.github.berth.scaling.error.SerializationException e) {
            return unreadable(file, kind, "not a " + kind, e.problems());
        }
        List<Finding> findings = new ArrayList<>();
        for (Violation v : violations) {
            String path = v.path();
            if (!prefix.isEmpty()) {
                if (!path.startsWith(prefix)) {
                    continue; // a member of the placeholder policy around the configuration
                }
                path = path.substring(prefix.length()).replaceFirst("^\\.", "");
            }
            findings.add(finding(rule, path, v, tree));
        }
        return judged(file, null, kind, findings, List.of());
    }

    /** A policy for an ECS service around a configuration file, so the configuration is judged as PutScalingPolicy judges it. */
    private static PutScalingPolicyRequest.Builder policyAround(PolicyType type) {
        return PutScalingPolicyRequest.builder()
                .policyName("configuration")
                .serviceNamespace(io.github.berth.scaling.model.ServiceNamespace.ECS)
                .resourceId("service/cluster/service")
                .scalableDimension(
                        io.github.berth.scaling.model.ScalableDimension.fromValue("ecs:service:DesiredCount"))
                .policyType(type);
    }

    // ------------------------------------------------------------------ shared

    static Finding finding(String rule, String path, Violation v, LocatedTree tree) {
        int[] at = path.isEmpty() ? new int[] {0, 0} : tree.locate(path);
        return new Finding(rule, Severity.ERROR, path, at[0], at[1], v.errorCode(), v.message());
    }

    static Subject judged(
            String file, @Nullable String resource, String kind, List<Finding> findings, List<String> notes) {
        return new Subject(
                file, resource, kind, findings.isEmpty() ? Outcome.VALID : Outcome.INVALID, "", findings, notes);
    }

    static Subject unreadable(String file, String kind, String summary, SerializationException e) {
        return unreadable(file, kind, summary, e.problems());
    }

    /** The same, for the problems of any service's reading error (ECS's and Application Auto Scaling's share them). */
    static Subject unreadable(String file, String kind, String summary, List<SerializationException.Problem> problems) {
        List<Finding> findings = new ArrayList<>();
        for (SerializationException.Problem p : problems) {
            findings.add(new Finding(INPUT_RULE, Severity.ERROR, p.path(), p.line(), p.column(), null, p.reason()));
            if (p.reason().startsWith("the document is too large")
                    || p.reason().startsWith("the document has too many")) {
                // Not read to its end, so nothing is known of its form: say why rather than "not a task definition".
                summary = p.reason()
                        .replace("the document is too large", "too large to read")
                        .replace("the document has too many values", "too many values to read");
            }
        }
        return new Subject(file, null, kind, Outcome.UNREADABLE, summary, findings, List.of());
    }

    /** A file that is not JSON, with the problem as EcsJson words it (the member being read, the line and column). */
    private static Subject notJson(String file, String text) {
        try {
            EcsJson.strict().readTaskDefinitionFile(text);
        } catch (SerializationException e) {
            // only the problem that stopped the reading: unknown members met before it say nothing of the JSON
            List<SerializationException.Problem> all = e.problems();
            return unreadable(file, "", "not valid JSON", new SerializationException(all.get(all.size() - 1)));
        }
        return new Subject(file, null, "", Outcome.UNREADABLE, "not valid JSON", List.of(), List.of());
    }

    static Subject skipped(String file, String why) {
        return new Subject(file, null, "", Outcome.SKIPPED, why, List.of(), List.of());
    }

    /** The members of an object node, or an empty object. */
    static ObjectNode object(@Nullable JsonNode n) {
        return n != null && n.isObject()
                ? (ObjectNode) n
                : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }
}
