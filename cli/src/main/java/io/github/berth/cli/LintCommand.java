package io.github.berth.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.lint.Finding;
import io.github.berth.core.lint.LintRule;
import io.github.berth.core.lint.LintRules;
import io.github.berth.core.lint.Linter;
import io.github.berth.core.lint.Severity;
import io.github.berth.core.lint.Subnet;
import io.github.berth.core.lint.Suppressions;
import io.github.berth.scaling.lint.ScalingLint;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code berth lint FILE...}: best practices over task definitions, CreateService inputs and
 * Application Auto Scaling inputs, each finding with its rule id, severity, JSON path and AWS page.
 */
@Command(
        name = "lint",
        description = {
            "Check task definitions, CreateService inputs (--cli-input-json), register-scalable-target and "
                    + "put-scaling-policy inputs against ECS best practices.",
            "Each finding names its rule; suppress a rule with --suppress RULE or RULE:RESOURCE, a --config file, or the "
                    + "resource's tag berth:lint:suppress (rule ids separated by spaces).",
            "A resource is named by its family, service name or ResourceId. --list-rules prints every rule."
        },
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:a finding at or above --fail-on",
            "2:a file is missing, unreadable or not such JSON, or an option is wrong"
        })
final class LintCommand implements Callable<Integer> {

    static final int CLEAN = 0;
    static final int FINDINGS = 1;
    static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "JSON files to check; - reads standard input")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (default), json, sarif (SARIF 2.1.0) or junit (JUnit XML)")
    String format;

    @Option(
            names = "--suppress",
            paramLabel = "RULE[:RESOURCE]",
            description = "a rule not to report, everywhere or on one resource")
    List<String> suppress = new ArrayList<>();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "suppressions: {\"suppress\": [{\"rule\": \"ID\", \"resources\": [\"NAME\"], \"reason\": \"...\"}]}")
    @Nullable
    Path config;

    @Option(
            names = "--subnets",
            paramLabel = "FILE",
            description = "aws ec2 describe-subnets output: tells services' subnets' AZs and which subnets are public")
    @Nullable
    Path subnets;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "warning",
            description = "exit 1 when a finding is at least this severe: error, warning (default) or note")
    String failOn;

    @Option(names = "--list-rules", description = "print every rule: id, severity, reason, AWS page")
    boolean listRules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LintReport.Format fmt = LintReport.Format.of(format);
            Severity threshold = Severity.fromValue(failOn);
            List<LintRule> rules = new ArrayList<>(LintRules.all());
            rules.addAll(ScalingLint.all());
            if (listRules) {
                LintReport.rules(rules, fmt, out);
                out.flush();
                return CLEAN;
            }
            if (files.isEmpty()) {
                err.println("berth lint: give at least one FILE (or --list-rules)");
                return BAD_INPUT;
            }
            String twice = Files.stdinTwice(files.toArray(Path[]::new));
            if (twice != null) {
                err.println("berth lint: " + twice);
                return BAD_INPUT;
            }
            Suppressions suppressions = Suppressions.ofFlags(suppress);
            if (config != null) {
                try {
                    suppressions = suppressions.and(Suppressions.parse(Files.read(config)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(config + ": " + e.getMessage(), e);
                }
            }
            for (String id : suppressions.ruleIds()) {
                if (rules.stream().noneMatch(r -> r.id().equals(id))) {
                    err.println("berth lint: unknown rule '" + id + "' (berth lint --list-rules lists them)");
                    return BAD_INPUT;
                }
            }
            Map<String, Subnet> known = subnets == null ? Map.of() : readSubnets(subnets);
            Linter linter = Linter.with(suppressions);
            Map<String, List<Finding>> byFile = new LinkedHashMap<>();
            for (Path file : files) {
                byFile.put(file.toString(), lint(file, linter, known));
            }
            LintReport.findings(byFile, rules, fmt, out);
            out.flush();
            boolean failing = byFile.values().stream()
                    .flatMap(List::stream)
                    .anyMatch(f -> f.severity().atLeast(threshold));
            return failing ? FINDINGS : CLEAN;
        } catch (IllegalArgumentException e) {
            err.println("berth lint: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("berth lint: " + e.getMessage()); // FILE: the problem
            return BAD_INPUT;
        }
    }

    /** The findings on one file, by what the file holds (told by its members). */
    private static List<Finding> lint(Path file, Linter linter, Map<String, Subnet> subnets) throws IOException {
        String text = Files.read(file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            // Let the strict reader name the line and column.
            root = null;
        }
        try {
            if (root != null && root.isObject() && root.has("ScalableDimension")) {
                return root.has("PolicyName")
                        ? ScalingLint.policy(AutoScalingJson.strict().read(text, PutScalingPolicyRequest.class), linter)
                        : ScalingLint.target(
                                AutoScalingJson.strict().read(text, RegisterScalableTargetRequest.class), linter);
            }
            if (root != null && root.isObject() && root.has("serviceName")) {
                return linter.service(EcsJson.strict().read(text, CreateServiceRequest.class), subnets);
            }
            return linter.taskDefinition(
                    EcsJson.strict().readTaskDefinitionFile(text).request());
        } catch (SerializationException | io.github.berth.scaling.error.SerializationException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The describe-subnets output as lint's subnets, by id. */
    static Map<String, Subnet> readSubnets(Path file) throws IOException {
        Map<String, Subnet> out = new LinkedHashMap<>();
        for (DescribeSubnets.Entry e : DescribeSubnets.read(file)) {
            out.put(e.subnetId(), new Subnet(e.subnetId(), e.availabilityZone(), e.mapPublicIpOnLaunch()));
        }
        return out;
    }
}
