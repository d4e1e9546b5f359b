package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code berth validate} on every form a pipeline keeps: service and auto scaling inputs, scaling policy
 * configurations, bare container definitions, CloudFormation templates in YAML and JSON, Terraform
 * plans, directories and globs. Files are written in the shapes real repositories use.
 */
class ValidateFormsTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @TempDir
    Path dir;

    @BeforeEach
    void captureOutput() {
        originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
    }

    static String fixture(String name) {
        try {
            return Path.of(ValidateFormsTest.class.getResource("/forms/" + name).toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private String output() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    private String write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content).toString();
    }

    // ----- service inputs

    @Test
    void aCreateServiceInputIsJudgedAgainstItsTaskDefinition() {
        String file = fixture("create-service.json");
        assertThat(Berth.run("validate", "--task-definition", fixture("web-td.json"), file))
                .isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + ": 3 problems\n"
                        + "  capacityProviderStrategy (line 7, column 31): InvalidParameterException: Specifying both a launch type and "
                        + "capacity provider strategy is not supported. Remove one and try again.\n"
                        + "  loadBalancers[0].containerPort (line 14, column 24): InvalidParameterException: The container web did not "
                        + "have a container port 8080 defined.\n"
                        + "  networkConfiguration (line 1, column 1): InvalidParameterException: Network Configuration must be provided "
                        + "when networkMode 'awsvpc' is specified.\n");
    }

    @Test
    void withoutItsTaskDefinitionAServiceIsJudgedOnWhatItCarriesAndTheReportSaysSo() {
        String file = fixture("create-service.json");
        assertThat(Berth.run("validate", file)).isEqualTo(1);
        assertThat(output())
                .startsWith(file + ": 1 problem\n  capacityProviderStrategy (line 7, column 31)")
                .contains("  note: judged without its task definition (give --task-definition FILE");
    }

    @Test
    void anUpdateServiceInputIsRecognisedAndAcceptedWhenValid() {
        String file = fixture("update-service.json");
        assertThat(Berth.run("validate", "--task-definition", fixture("web-td.json"), file))
                .isEqualTo(0);
        assertThat(output()).isEqualTo(file + ": OK\n");
    }

    @Test
    void aServiceInputWithAWrongTypeIsRefusedAsTheCliRefusesIt() throws IOException {
        String file = write("svc.json", "{\"serviceName\": \"web\", \"desiredCount\": \"2\"}");
        assertThat(Berth.run("validate", file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(file + ": not a CreateService input\n"
                        + "  desiredCount (line 1, column 40): expected an integer (32-bit), found '2'\n");
    }

    // ----- auto scaling

    @Test
    void scalingInputsAndTheirConfigurationFilesAreJudgedByTheAutoScalingValidator() throws IOException {
        String target = fixture("scalable-target.json");
        String policy = fixture("scaling-policy.json");
        String config = fixture("target-tracking.json");
        String badTarget = write(
                "target.json",
                "{\"ServiceNamespace\": \"ecs\", \"ResourceId\": \"service/prod/web\", "
                        + "\"ScalableDimension\": \"ecs:service:DesiredCount\", \"MinCapacity\": 5, \"MaxCapacity\": 2}");
        assertThat(Berth.run("validate", target, policy, config, badTarget)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(
                        target + ": OK\n" + policy + ": OK\n"
                                + config + ": 1 problem\n"
                                + "  PredefinedMetricSpecification.ResourceLabel (line 3, column 36): ValidationException: Resource label should "
                                + "be specified for predefined metric type ALBRequestCountPerTarget\n"
                                + badTarget + ": 1 problem\n"
                                + "  MaxCapacity (line 1, column 145): ValidationException: Maximum capacity cannot be less than minimum capacity\n");
    }

    @Test
    void aStepScalingConfigurationIsRecognised() throws IOException {
        String ok = write(
                "step.json",
                "{\"AdjustmentType\": \"ChangeInCapacity\", \"StepAdjustments\": "
                        + "[{\"MetricIntervalLowerBound\": 0, \"ScalingAdjustment\": 2}], \"Cooldown\": 60}");
        assertThat(Berth.run("validate", ok)).isEqualTo(0);
        assertThat(output()).isEqualTo(ok + ": OK\n");
    }

    // ----- container definitions

    @Test
    void aBareContainerArrayIsJudgedAsTheContainersOfTheTaskTheCommandLineNames() throws IOException {
        String file = write(
                "containers.json",
                "[\n  {\"name\": \"api\", \"image\": \"nginx\", \"essential\": true,\n"
                        + "   \"portMappings\": [{\"containerPort\": 80, \"hostPort\": 8080}]}\n]");
        assertThat(Berth.run("validate", file)).isEqualTo(1);
        assertThat(output())
                .contains(file + ": 1 problem\n  [0] (line 2, column 3): ClientException: Invalid setting for "
                        + "container 'api'. At least one of 'memory' or 'memoryReservation' must be specified.\n");
        captured.reset();
        assertThat(Berth.run(
                        "validate",
                        "--launch-type",
                        "FARGATE",
                        "--network-mode",
                        "awsvpc",
                        "--cpu",
                        "256",
                        "--memory",
                        "512",
                        file))
                .isEqualTo(1);
        assertThat(output())
                .isEqualTo(
                        file + ": 1 problem\n"
                                + "  [0].portMappings[0].hostPort (line 3, column 55): ClientException: When networkMode=awsvpc, the host ports "
                                + "and container ports in port mappings must match.\n"
                                + "  note: judged as the containers of a FARGATE task in network mode awsvpc, cpu 256, memory 512\n");
    }

    @Test
    void aContainerArrayWithAWrongTypeIsNamedAtItsPlace() throws IOException {
        String file = write("containers.json", "[{\"name\": \"api\", \"image\": \"nginx\", \"memory\": \"512\"}]");
        assertThat(Berth.run("validate", file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(file + ": not container definitions\n"
                        + "  [0].memory (line 1, column 46): expected an integer (32-bit), found '512'\n");
    }

    // ----- CloudFormation

    @Test
    void aCloudFormationYamlTemplateIsJudgedResourceByResourceWithLineNumbers() {
        String file = fixture("web-stack.yaml");
        assertThat(Berth.run("validate", file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + " Resources.TaskDefinition: OK\n"
                        + "  note: 3 values are known only at deploy time (Resources.TaskDefinition.Properties.ExecutionRoleArn, "
                        + "Resources.TaskDefinition.Properties.ContainerDefinitions[0].Image, Resources.TaskDefinition.Properties."
                        + "ContainerDefinitions[0].LogConfiguration.Options.awslogs-region): 3 rules that need them were not judged\n"
                        + file + " Resources.Service: 1 problem\n"
                        + "  Resources.Service.Properties.LoadBalancers[0].ContainerPort (line 44, column 26): InvalidParameterException: "
                        + "The container web did not have a container port 8080 defined.\n"
                        + "  note: 3 values are known only at deploy time (Resources.Service.Properties.TaskDefinition, Resources.Service."
                        + "Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets, Resources.Service.Properties.LoadBalancers[0]."
                        + "TargetGroupArn): 1 rule that needs them was not judged\n"
                        + file + " Resources.ScalableTarget: 1 problem\n"
                        + "  Resources.ScalableTarget.Properties.MaxCapacity (line 55, column 20): ValidationException: Maximum capacity "
                        + "cannot be less than minimum capacity\n"
                        + "  note: 1 value is known only at deploy time (Resources.ScalableTarget.Properties.ResourceId): 1 rule that "
                        + "needs them was not judged\n"
                        + file + " Resources.CpuPolicy: OK\n"
                        + "  note: 1 value is known only at deploy time (Resources.CpuPolicy.Properties.ScalingTargetId): 1 rule that needs "
                        + "them was not judged\n");
    }

    @Test
    void aCdkSynthesizedJsonTemplateConvertsScalarsAndNamesUnknownProperties() throws IOException {
        String file = write("cdk.out/Stack.template.json", """
        {
          "Resources": {
            "TaskDef54694570": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": {
                "ContainerDefinitions": [
                  {
                    "Essential": "true",
                    "Image": {"Fn::Join": ["", [{"Ref": "AWS::AccountId"}, ".dkr.ecr.eu-west-1.amazonaws.com/api:1"]]},
                    "Memory": "256",
                    "Name": "api",
                    "PortMappings": [{"ContainerPort": "80", "Protocol": "tcp"}]
                  }
                ],
                "Family": "StackTaskDefA1B2C3",
                "NetworkMode": "bridge",
                "RequiresCompatibilities": ["EC2"]
              }
            },
            "Bad": {
              "Type": "AWS::ECS::TaskDefinition",
              "Properties": {
                "Family": "bad",
                "ContainerDefinitions": [{"Name": "a", "Image": "b", "Memory": 64, "MemoryReservaton": 32}]
              }
            }
          }
        }
        """);
        assertThat(Berth.run("validate", file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(file + " Resources.TaskDef54694570: OK\n"
                        + "  note: 1 value is known only at deploy time (Resources.TaskDef54694570.Properties.ContainerDefinitions[0]."
                        + "Image): 1 rule that needs them was not judged\n"
                        + file + " Resources.Bad: not a AWS::ECS::TaskDefinition Berth can read\n"
                        + "  Resources.Bad.Properties.ContainerDefinitions[0].MemoryReservaton (line 24, column 96): unknown member "
                        + "'MemoryReservaton'\n");
    }

    @Test
    void aServiceInATemplateUsesTheDaemonRulesAndItsTaskDefinition() throws IOException {
        String file = write("daemon.yaml", """
        Resources:
          Agent:
            Type: AWS::ECS::TaskDefinition
            Properties:
              Family: agent
              ContainerDefinitions:
                - Name: agent
                  Image: datadog/agent:7
                  Memory: 256
          AgentService:
            Type: AWS::ECS::Service
            Properties:
              Cluster: !Ref Cluster
              ServiceName: agent
              TaskDefinition: !Ref Agent
              SchedulingStrategy: DAEMON
              DesiredCount: 1
              NetworkConfiguration:
                AwsvpcConfiguration:
                  Subnets: [subnet-1]
        """);
        assertThat(Berth.run("validate", file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + " Resources.Agent: OK\n"
                        + file + " Resources.AgentService: 2 problems\n"
                        + "  Resources.AgentService.Properties.DesiredCount (line 17, column 21): InvalidParameterException: The daemon "
                        + "scheduling strategy does not support a desired count for services. Remove the desired count value and try again\n"
                        + "  Resources.AgentService.Properties.NetworkConfiguration (line 19, column 9): InvalidParameterException: "
                        + "Network Configuration is not valid for the given networkMode of this task definition.\n"
                        + "  note: 2 values are known only at deploy time (Resources.AgentService.Properties.Cluster, Resources.AgentService."
                        + "Properties.TaskDefinition): no rule needed them\n");
    }

    @Test
    void aTemplateWithoutEcsResourcesSaysSo() throws IOException {
        String file = write("bucket.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
        assertThat(Berth.run("validate", file)).isEqualTo(0);
        assertThat(output())
                .isEqualTo(file + ": OK\n  note: no ECS task definition, service, scalable target or scaling "
                        + "policy in it\n");
    }

    // ----- Terraform

    @Test
    void aTerraformPlanIsJudgedResourceByResourceWithTheServicesTaskDefinition() {
        String file = fixture("plan.json");
        assertThat(Berth.run("validate", file)).isEqualTo(1);
        assertThat(output())
                .isEqualTo(file + " aws_ecs_task_definition.api: OK\n"
                        + file + " aws_ecs_service.api: 1 problem\n"
                        + "  planned_values.root_module.resources[1].values.networkConfiguration (line 1, column 1265): "
                        + "InvalidParameterException: Network Configuration must be provided when networkMode 'awsvpc' is specified.\n"
                        + file + " aws_appautoscaling_target.api: OK\n"
                        + file + " aws_appautoscaling_policy.cpu: OK\n");
    }

    // ----- directories, globs and what is not a known form

    @Test
    void aDirectoryIsSearchedAndFilesOfNoKnownFormAreListedAsSkipped() throws IOException {
        write(
                "deploy/td.json",
                "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", \"memory\": 128}]}");
        write("deploy/nested/package.json", "{\"name\": \"ui\", \"version\": \"1.0.0\"}");
        write("deploy/tsconfig.json", "{ // comments are no JSON\n}");
        write("deploy/.git/config.json", "{\"family\": 1}");
        write("deploy/README.md", "# not read");
        Path root = dir.resolve("deploy");
        assertThat(Berth.run("validate", root.toString())).isEqualTo(0);
        assertThat(output())
                .isEqualTo(root.resolve("nested/package.json") + ": skipped: not a form berth validate knows\n"
                        + root.resolve("td.json") + ": OK\n"
                        + root.resolve("tsconfig.json")
                        + ": skipped: not valid JSON: comments are not allowed in JSON\n");
    }

    @Test
    void aNamedFileOfNoKnownFormIsRefused() throws IOException {
        String file = write("package.json", "{\"name\": \"ui\", \"version\": \"1.0.0\"}");
        assertThat(Berth.run("validate", file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(file + ": not a form berth validate knows\n  line 1, column 1: expected a task "
                        + "definition, container definitions, a CreateService or UpdateService input, a scalable target, a scaling "
                        + "policy or its configuration, a CloudFormation template or a Terraform plan; found an object with the members "
                        + "name, version\n");
    }

    @Test
    void aGlobIsExpanded() throws IOException {
        write(
                "g/a.json",
                "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\", \"memory\": 128}]}");
        write("g/sub/b.json", "{\"family\": \"x\", \"containerDefinitions\": [{\"name\": \"a\", \"image\": \"b\"}]}");
        write("g/sub/c.txt", "{}");
        String glob = dir.resolve("g").toString().replace('\\', '/') + "/**.json";
        assertThat(Berth.run("validate", glob)).isEqualTo(1);
        assertThat(output())
                .contains(dir.resolve("g/a.json") + ": OK\n")
                .contains(dir.resolve("g/sub/b.json") + ": 1 problem\n")
                .doesNotContain("c.txt");
        captured.reset();
        assertThat(Berth.run("validate", dir.resolve("g").toString() + "/*.yaml"))
                .isEqualTo(2);
        assertThat(output()).endsWith("/*.yaml: no file matches\n");
    }

    @Test
    void aFormCanBeForced() throws IOException {
        // a create-service input that also has a family member would read as a task definition
        String file = write("svc.json", "{\"serviceName\": \"web\", \"family\": \"x\"}");
        assertThat(Berth.run("validate", "--form", "create-service", file)).isEqualTo(2);
        assertThat(output())
                .isEqualTo(
                        file + ": not a CreateService input\n  family (line 1, column 34): unknown member 'family'\n");
        captured.reset();
        assertThat(Berth.run("validate", "--form", "pod", file)).isEqualTo(2);
    }

    // ----- formats on the command line

    @Test
    void everyFormatKeepsTheExitStatus() throws Exception {
        String file = fixture("create-service.json");
        for (String format : new String[] {"json", "sarif", "junit", "TEXT"}) {
            captured.reset();
            assertThat(Berth.run("validate", "--format", format, "--task-definition", fixture("web-td.json"), file))
                    .as(format)
                    .isEqualTo(1);
        }
        captured.reset();
        Berth.run("validate", "--format", "sarif", "--task-definition", fixture("web-td.json"), file);
        com.fasterxml.jackson.databind.JsonNode sarif =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(output());
        com.fasterxml.jackson.databind.JsonNode results =
                sarif.get("runs").get(0).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(1).get("ruleId").asText()).isEqualTo("CreateService");
        assertThat(results.get(1)
                        .get("locations")
                        .get(0)
                        .get("physicalLocation")
                        .get("region")
                        .toString())
                .isEqualTo("{\"startLine\":14,\"startColumn\":24}");
        captured.reset();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Berth.run("validate", "--format", "xml", file)).isEqualTo(2);
        } finally {
            System.setErr(originalErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("berth validate: unknown format 'xml': use text, json, sarif or junit\n");
    }

    @Test
    void yamlThatIsNotATemplateIsRefusedWhenNamed() throws IOException {
        String file = write("td.yaml", "family: web\ncontainerDefinitions: []\n");
        assertThat(Berth.run("validate", file)).isEqualTo(2);
        assertThat(output()).isEqualTo(file + ": a task definition in YAML: the AWS CLI takes it as JSON only\n");
    }
}
