package io.github.berth.core.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.AssignPublicIp;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DeploymentCircuitBreaker;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.DeploymentController;
import io.github.berth.core.model.DeploymentControllerType;
import io.github.berth.core.model.EFSTransitEncryption;
import io.github.berth.core.model.EFSVolumeConfiguration;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.LoadBalancer;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.PidMode;
import io.github.berth.core.model.RuntimePlatform;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.Volume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule on a resource that keeps it and on one that breaks it; suppression by flag, file and tag. */
class LinterTest {

    private static final Linter LINT = Linter.with(Suppressions.none());

    /** A container that follows every practice. */
    private static ContainerDefinition.Builder good(String name) {
        return ContainerDefinition.builder()
                .name(name)
                .image("nginx:1.27")
                .memory(256)
                .user("1000:1000")
                .readonlyRootFilesystem(true)
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"))
                        .build())
                .logConfiguration(LogConfiguration.builder()
                        .logDriver(LogDriver.AWSLOGS)
                        .options(ImmutableMap.of("awslogs-group", "/ecs/web", "awslogs-region", "eu-west-1"))
                        .build());
    }

    private static RegisterTaskDefinitionRequest td(ContainerDefinition.Builder... containers) {
        RegisterTaskDefinitionRequest.Builder b =
                RegisterTaskDefinitionRequest.builder().family("web");
        for (ContainerDefinition.Builder c : containers) {
            b.addContainerDefinitions(c.build());
        }
        return b.build();
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.resource() + " " + f).toList();
    }

    @Test
    void aTaskDefinitionThatFollowsEveryPracticeHasNoFindings() {
        assertThat(LINT.taskDefinition(td(good("web"), good("sidecar")))).isEmpty();
    }

    @Test
    void secretsInPlainEnvironmentVariables() {
        ContainerDefinition.Builder c = good("web")
                .environment(List.of(
                        KeyValuePair.builder()
                                .name("DB_PASSWORD")
                                .value("hunter2")
                                .build(),
                        KeyValuePair.builder()
                                .name("AWS_KEY")
                                .value("AKIAIOSFODNN7EXAMPLE")
                                .build(),
                        KeyValuePair.builder().name("api-token").value("abc").build(),
                        // kept: a reference to where the secret is, an empty value, a word that only contains a secret
                        // word
                        KeyValuePair.builder()
                                .name("DB_PASSWORD_FILE")
                                .value("/run/secrets/db")
                                .build(),
                        KeyValuePair.builder()
                                .name("SECRET_ARN")
                                .value("arn:aws:secretsmanager:eu-west-1:123456789012:secret:x")
                                .build(),
                        KeyValuePair.builder().name("TOKEN").value("").build(),
                        KeyValuePair.builder()
                                .name("PASSWORDLESS_LOGIN")
                                .value("true")
                                .build(),
                        KeyValuePair.builder().name("LOG_LEVEL").value("debug").build()));
        assertThat(lines(LINT.taskDefinition(td(c))))
                .containsExactly(
                        "web containerDefinitions[0].environment[0]: error TD-SECRET-IN-ENVIRONMENT: Container 'web' passes what looks "
                                + "like a secret in the plain environment variable 'DB_PASSWORD'.",
                        "web containerDefinitions[0].environment[1]: error TD-SECRET-IN-ENVIRONMENT: Container 'web' passes an AWS "
                                + "access key id in the plain environment variable 'AWS_KEY'.",
                        "web containerDefinitions[0].environment[2]: error TD-SECRET-IN-ENVIRONMENT: Container 'web' passes what looks "
                                + "like a secret in the plain environment variable 'api-token'.");
    }

    @Test
    void loggingAndWhereLogsGo() {
        assertThat(lines(LINT.taskDefinition(td(
                        good("web").logConfiguration((LogConfiguration) null),
                        good("db")
                                .logConfiguration(LogConfiguration.builder()
                                        .logDriver(LogDriver.JSON_FILE)
                                        .build()),
                        good("app")
                                .logConfiguration(LogConfiguration.builder()
                                        .logDriver(LogDriver.AWSFIRELENS)
                                        .build())))))
                .containsExactly(
                        "web containerDefinitions[0].logConfiguration: warning TD-NO-LOGGING: Container 'web' has no log configuration.",
                        "web containerDefinitions[1].logConfiguration.logDriver: note TD-LOGS-NOT-CLOUDWATCH: Container 'db' logs "
                                + "with 'json-file'.");
    }

    @Test
    void essentialContainersNeedAHealthCheck() {
        assertThat(lines(LINT.taskDefinition(td(
                        good("web").healthCheck((io.github.berth.core.model.HealthCheck) null),
                        good("init")
                                .healthCheck((io.github.berth.core.model.HealthCheck) null)
                                .essential(false),
                        good("proxy")
                                .healthCheck((io.github.berth.core.model.HealthCheck) null)
                                .essential(true)))))
                .containsExactly(
                        "web containerDefinitions[0].healthCheck: warning TD-ESSENTIAL-NO-HEALTH-CHECK: Container 'web' is essential "
                                + "and has no health check.",
                        "web containerDefinitions[2].healthCheck: warning TD-ESSENTIAL-NO-HEALTH-CHECK: Container 'proxy' is essential "
                                + "and has no health check.");
    }

    @Test
    void aHardMemoryLimitOnTheContainerOrTheTask() {
        ContainerDefinition.Builder soft = good("web").memory(null).memoryReservation(128);
        assertThat(LINT.taskDefinition(td(soft).toBuilder().memory("512").build()))
                .isEmpty();
        assertThat(lines(LINT.taskDefinition(td(soft))))
                .containsExactly(
                        "web containerDefinitions[0].memory: warning TD-NO-MEMORY-LIMIT: Container 'web' has no 'memory' and the task "
                                + "has none either.");
    }

    @Test
    void imagesArePinnedByATagOtherThanLatestOrByADigest() {
        assertThat(LINT.taskDefinition(td(
                        good("a").image("localhost:5000/app:2.1"),
                        good("b").image("public.ecr.aws/nginx/nginx@sha256:" + "a".repeat(64)),
                        good("c").image("nginx:latest@sha256:" + "b".repeat(64)))))
                .isEmpty();
        assertThat(lines(LINT.taskDefinition(td(
                        good("a").image("nginx"),
                        good("b").image("localhost:5000/app"),
                        good("c").image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest")))))
                .containsExactly(
                        "web containerDefinitions[0].image: warning TD-IMAGE-LATEST: Container 'a''s image 'nginx' has no tag, so it "
                                + "means 'latest'.",
                        "web containerDefinitions[1].image: warning TD-IMAGE-LATEST: Container 'b''s image 'localhost:5000/app' has no "
                                + "tag, so it means 'latest'.",
                        "web containerDefinitions[2].image: warning TD-IMAGE-LATEST: Container 'c''s image "
                                + "'123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest' is tagged 'latest'.");
    }

    @Test
    void privilegedRootAndWritableRoot() {
        assertThat(LINT.taskDefinition(td(good("web").privileged(false).user("app"))))
                .isEmpty();
        assertThat(lines(LINT.taskDefinition(td(
                        good("web").privileged(true).user(null).readonlyRootFilesystem(null),
                        good("db").user("0:0").readonlyRootFilesystem(false),
                        good("x").user("root")))))
                .containsExactly(
                        "web containerDefinitions[0].privileged: error TD-PRIVILEGED: Container 'web' is privileged.",
                        "web containerDefinitions[0].user: warning TD-RUNS-AS-ROOT: Container 'web' sets no user, so it runs as the "
                                + "image's user, root unless the image says otherwise.",
                        "web containerDefinitions[0].readonlyRootFilesystem: warning TD-WRITABLE-ROOT-FS: Container 'web' has a "
                                + "writable root file system.",
                        "web containerDefinitions[1].user: warning TD-RUNS-AS-ROOT: Container 'db' runs as user '0:0'.",
                        "web containerDefinitions[1].readonlyRootFilesystem: warning TD-WRITABLE-ROOT-FS: Container 'db' has a "
                                + "writable root file system.",
                        "web containerDefinitions[2].user: warning TD-RUNS-AS-ROOT: Container 'x' runs as user 'root'.");
    }

    @Test
    void windowsContainersAreNotJudgedOnUserOrReadOnlyRoot() {
        RegisterTaskDefinitionRequest windows = td(good("web").user(null).readonlyRootFilesystem(null)).toBuilder()
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OSFamily.WINDOWS_SERVER_2022_CORE)
                        .build())
                .build();
        assertThat(LINT.taskDefinition(windows)).isEmpty();
    }

    @Test
    void hostPidEfsEncryptionAndSharedRoles() {
        String role = "arn:aws:iam::123456789012:role/app";
        EFSVolumeConfiguration efs =
                EFSVolumeConfiguration.builder().fileSystemId("fs-12345678").build();
        RegisterTaskDefinitionRequest ok = td(good("web")).toBuilder()
                .pidMode(PidMode.TASK)
                .addVolumes(Volume.builder()
                        .name("data")
                        .efsVolumeConfiguration(efs.toBuilder()
                                .transitEncryption(EFSTransitEncryption.ENABLED)
                                .build())
                        .build())
                .taskRoleArn(role)
                .executionRoleArn("arn:aws:iam::123456789012:role/ecsTaskExecutionRole")
                .build();
        assertThat(LINT.taskDefinition(ok)).isEmpty();
        RegisterTaskDefinitionRequest bad = ok.toBuilder()
                .pidMode(PidMode.HOST)
                .volumes(List.of(Volume.builder()
                        .name("data")
                        .efsVolumeConfiguration(efs)
                        .build()))
                .executionRoleArn(role)
                .build();
        assertThat(lines(LINT.taskDefinition(bad)))
                .containsExactly(
                        "web pidMode: warning TD-HOST-PID: pidMode is 'host'.",
                        "web volumes[0].efsVolumeConfiguration.transitEncryption: warning TD-EFS-NO-TRANSIT-ENCRYPTION: EFS volume "
                                + "'data' does not enable transit encryption.",
                        "web taskRoleArn: warning TD-SAME-ROLES: taskRoleArn and executionRoleArn are both "
                                + "arn:aws:iam::123456789012:role/app.");
    }

    // ---------------------------------------------------------------- services

    private static CreateServiceRequest.Builder service(String... subnets) {
        return CreateServiceRequest.builder()
                .serviceName("api")
                .taskDefinition("web")
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(List.of(subnets))
                                .build())
                        .build())
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                                .enable(true)
                                .rollback(true)
                                .build())
                        .build());
    }

    private static final Map<String, Subnet> SUBNETS = Map.of(
            "subnet-a", new Subnet("subnet-a", "eu-west-1a", false),
            "subnet-b", new Subnet("subnet-b", "eu-west-1b", false),
            "subnet-a2", new Subnet("subnet-a2", "eu-west-1a", false),
            "subnet-pub", new Subnet("subnet-pub", "eu-west-1c", true));

    @Test
    void aServiceInTwoZonesWithACircuitBreakerHasNoFindings() {
        assertThat(LINT.service(service("subnet-a", "subnet-b").build(), SUBNETS))
                .isEmpty();
        // subnets not described: one AZ cannot be told
        assertThat(LINT.service(service("subnet-x", "subnet-y").build(), Map.of()))
                .isEmpty();
    }

    @Test
    void oneSubnetOneZoneAndPublicSubnetsAndIps() {
        assertThat(lines(LINT.service(service("subnet-a").build(), SUBNETS)))
                .containsExactly(
                        "api networkConfiguration.awsvpcConfiguration.subnets: warning SVC-SINGLE-SUBNET: The service has one subnet, "
                                + "subnet-a.");
        assertThat(lines(LINT.service(service("subnet-a", "subnet-a2").build(), SUBNETS)))
                .containsExactly(
                        "api networkConfiguration.awsvpcConfiguration.subnets: warning SVC-SINGLE-AZ: The service's 2 subnets are all "
                                + "in eu-west-1a.");
        CreateServiceRequest pub = service("subnet-a", "subnet-pub")
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets(List.of("subnet-a", "subnet-pub"))
                                .assignPublicIp(AssignPublicIp.ENABLED)
                                .build())
                        .build())
                .build();
        assertThat(lines(LINT.service(pub, SUBNETS)))
                .containsExactly(
                        "api networkConfiguration.awsvpcConfiguration.subnets[1]: warning SVC-PUBLIC-SUBNET: Subnet subnet-pub assigns "
                                + "public IP addresses on launch.",
                        "api networkConfiguration.awsvpcConfiguration.assignPublicIp: warning SVC-PUBLIC-IP: assignPublicIp is ENABLED.");
    }

    @Test
    void deploymentsHaveACircuitBreakerAndKeepTasksBehindALoadBalancer() {
        assertThat(lines(LINT.service(
                        service("subnet-a", "subnet-b")
                                .deploymentConfiguration((io.github.berth.core.model.DeploymentConfiguration) null)
                                .build(),
                        SUBNETS)))
                .containsExactly(
                        "api deploymentConfiguration.deploymentCircuitBreaker: warning SVC-NO-CIRCUIT-BREAKER: The "
                                + "deployment circuit breaker is not enabled.");
        // CodeDeploy deployments have no circuit breaker to enable
        assertThat(LINT.service(
                        service("subnet-a", "subnet-b")
                                .deploymentConfiguration((io.github.berth.core.model.DeploymentConfiguration) null)
                                .deploymentController(DeploymentController.builder()
                                        .type(DeploymentControllerType.CODE_DEPLOY)
                                        .build())
                                .build(),
                        SUBNETS))
                .isEmpty();
        DeploymentConfiguration zero = DeploymentConfiguration.builder()
                .minimumHealthyPercent(0)
                .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                .build();
        LoadBalancer lb = LoadBalancer.builder()
                .targetGroupArn(
                        "arn:aws:elasticloadbalancing:eu-west-1:123456789012:" + "targetgroup/api/0123456789abcdef")
                .containerName("web")
                .containerPort(80)
                .build();
        assertThat(LINT.service(
                        service("subnet-a", "subnet-b")
                                .deploymentConfiguration(zero)
                                .build(),
                        SUBNETS))
                .isEmpty();
        assertThat(lines(LINT.service(
                        service("subnet-a", "subnet-b")
                                .deploymentConfiguration(zero)
                                .addLoadBalancers(lb)
                                .platformVersion("1.3.0")
                                .build(),
                        SUBNETS)))
                .containsExactly(
                        "api deploymentConfiguration.minimumHealthyPercent: warning SVC-MIN-HEALTHY-ZERO: minimumHealthyPercent is 0 "
                                + "and the service has a load balancer.",
                        "api platformVersion: note SVC-PLATFORM-VERSION: platformVersion is 1.3.0.");
        assertThat(LINT.service(
                        service("subnet-a", "subnet-b")
                                .platformVersion("LATEST")
                                .build(),
                        SUBNETS))
                .isEmpty();
    }

    // ---------------------------------------------------------------- suppression

    private static final RegisterTaskDefinitionRequest LATEST = td(good("web").image("nginx:latest"));

    @Test
    void suppressedByFlagEverywhereOrOnOneResource() {
        assertThat(Linter.with(Suppressions.ofFlags(List.of("TD-IMAGE-LATEST"))).taskDefinition(LATEST))
                .isEmpty();
        assertThat(Linter.with(Suppressions.ofFlags(List.of("TD-IMAGE-LATEST:web")))
                        .taskDefinition(LATEST))
                .isEmpty();
        assertThat(Linter.with(Suppressions.ofFlags(List.of("TD-IMAGE-LATEST:api")))
                        .taskDefinition(LATEST))
                .extracting(Finding::ruleId)
                .containsExactly("TD-IMAGE-LATEST");
        assertThatThrownBy(() -> Suppressions.ofFlags(List.of("TD-IMAGE-LATEST:")))
                .hasMessage("'TD-IMAGE-LATEST:' is not RULE or RULE:RESOURCE");
    }

    @Test
    void suppressedByAConfigFile() {
        Suppressions s = Suppressions.parse("""
        {"suppress": [
          {"rule": "TD-RUNS-AS-ROOT"},
          {"rule": "TD-IMAGE-LATEST", "resources": ["web"], "reason": "pinned by the pipeline"}
        ]}""");
        assertThat(s.suppresses("TD-RUNS-AS-ROOT", "anything")).isTrue();
        assertThat(s.suppresses("TD-IMAGE-LATEST", "web")).isTrue();
        assertThat(s.suppresses("TD-IMAGE-LATEST", "api")).isFalse();
        assertThat(Linter.with(s).taskDefinition(LATEST)).isEmpty();
        assertThat(s.ruleIds()).containsExactlyInAnyOrder("TD-RUNS-AS-ROOT", "TD-IMAGE-LATEST");
    }

    @Test
    void aBadConfigFileIsNamedByItsPath() {
        assertThatThrownBy(() -> Suppressions.parse("{\"suppress\": [{\"resources\": [\"web\"]}]}"))
                .hasMessage("suppress[0].rule: expected a rule id");
        assertThatThrownBy(() -> Suppressions.parse("{\"suppress\": [{\"rule\": \"X\", \"resource\": \"web\"}]}"))
                .hasMessage("suppress[0].resource: unknown member (expected rule, resources, reason)");
        assertThatThrownBy(() -> Suppressions.parse("{\"suppressions\": []}"))
                .hasMessage("suppress: expected an object with a 'suppress' list");
        assertThatThrownBy(() -> Suppressions.parse("{\"suppress\": [{\"rule\": \"X\", \"resources\": []}]}"))
                .hasMessage("suppress[0].resources: expected a non-empty list of resource names");
        assertThatThrownBy(() -> Suppressions.parse("{\"suppress\": [")).hasMessageStartingWith("not valid JSON: ");
    }

    @Test
    void suppressedByTheResourcesOwnTag() {
        RegisterTaskDefinitionRequest tagged = LATEST.toBuilder()
                .addTags(Tag.builder()
                        .key("berth:lint:suppress")
                        .value("TD-IMAGE-LATEST TD-RUNS-AS-ROOT")
                        .build())
                .build();
        assertThat(LINT.taskDefinition(tagged)).isEmpty();
        RegisterTaskDefinitionRequest other = LATEST.toBuilder()
                .addTags(Tag.builder()
                        .key("berth:lint:suppress")
                        .value("TD-RUNS-AS-ROOT")
                        .build())
                .build();
        assertThat(LINT.taskDefinition(other)).extracting(Finding::ruleId).containsExactly("TD-IMAGE-LATEST");
    }

    @Test
    void everyRuleHasAUniqueIdAnAwsPageAndOneLineReason() {
        assertThat(LintRules.all()).extracting(LintRule::id).doesNotHaveDuplicates();
        assertThat(LintRules.all()).allSatisfy(r -> {
            assertThat(r.docUrl()).startsWith("https://docs.aws.amazon.com/");
            assertThat(r.reason()).doesNotContain("\n").endsWith(".");
        });
        assertThat(LintRules.find("TD-PRIVILEGED")).contains(LintRules.PRIVILEGED);
        assertThat(LintRules.find("TD-NOPE")).isEmpty();
    }
}
