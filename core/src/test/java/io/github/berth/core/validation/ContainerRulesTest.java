package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.client;
import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.MountPoint;
import io.github.berth.core.model.ProxyConfiguration;
import io.github.berth.core.model.ProxyConfigurationType;
import io.github.berth.core.model.RepositoryCredentials;
import io.github.berth.core.model.Secret;
import io.github.berth.core.model.Volume;
import io.github.berth.core.model.VolumeFrom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Family and containers: docs/task-definitions.md#family-and-revision, docs/task-definitions.md#containers. */
class ContainerRulesTest {

    private static ContainerDependency dependsOn(String name, ContainerCondition condition) {
        return ContainerDependency.builder()
                .containerName(name)
                .condition(condition)
                .build();
    }

    @Test
    void aValidFamilyHasLettersDigitsUnderscoresAndHyphens() {
        assertThat(validate(ec2(container("web")).family("Web_app-2"))).isEmpty();
        assertThat(validate(ec2(container("web")).family("a".repeat(255)))).isEmpty();
        // the ends of each class of ^[a-zA-Z0-9_-]{1,255}$
        assertThat(validate(ec2(container("web")).family("azAZ09"))).isEmpty();
    }

    @Test
    void aMissingOrEmptyFamilyIsBlankAndTheModelDoesNotRepeatIt() {
        assertThat(validate(ec2(container("web")).family(null)))
                .containsExactly(client("family", "Family can not be blank."));
        assertThat(validate(ec2(container("web")).family("")))
                .containsExactly(client("family", "Family can not be blank."));
        // [model] only white space counts as blank, not as invalid characters
        assertThat(validate(ec2(container("web")).family("  ")))
                .containsExactly(client("family", "Family can not be blank."));
    }

    @Test
    void aFamilyWithOtherCharactersIsRefused() {
        assertThat(validate(ec2(container("web")).family("web app")))
                .containsExactly(client("family", "Family contains invalid characters."));
        assertThat(validate(ec2(container("web")).family("web.app")))
                .containsExactly(client("family", "Family contains invalid characters."));
    }

    @Test
    void aFamilyOfMoreThan255CharactersIsRefused() {
        assertThat(validate(ec2(container("web")).family("a".repeat(256))))
                .containsExactly(client("family", "Family can not be longer than 255 characters."));
    }

    @Test
    void theContainerListMustNotBeEmptyOrMissing() {
        assertThat(validate(ec2())).containsExactly(client("containerDefinitions", "Container list cannot be empty."));
        assertThat(validate(ec2().containerDefinitions((List<io.github.berth.core.model.ContainerDefinition>) null)))
                .containsExactly(client("containerDefinitions", "Container list cannot be empty."));
    }

    @Test
    void tenContainersAreAllowedElevenAreNot() {
        List<io.github.berth.core.model.ContainerDefinition> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(container("c" + i).build());
        }
        assertThat(validate(ec2().containerDefinitions(ten))).isEmpty();
        List<io.github.berth.core.model.ContainerDefinition> eleven = new ArrayList<>(ten);
        eleven.add(container("c10").build());
        assertThat(validate(ec2().containerDefinitions(eleven)))
                .containsExactly(client("containerDefinitions", "Too many containers."));
    }

    @Test
    void pastAHundredContainersOnlyTheFirstHundredAreJudgedWithTheCountAndTheWholeSize() {
        // 350,000 containers (1 MiB) took seconds to judge one by one, each with its own violations.
        List<io.github.berth.core.model.ContainerDefinition> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(container(i < 99 ? "c" + i : "c0").build()); // every one from the 100th on repeats a name
        }
        List<Violation> v = validate(ec2().containerDefinitions(many));
        assertThat(v).contains(client("containerDefinitions", "Too many containers."));
        assertThat(v)
                .filteredOn(x -> x.path().startsWith("containerDefinitions["))
                .extracting(Violation::path)
                .containsExactly("containerDefinitions[99].name");
        int size = io.github.berth.core.json.EcsJson.lenient()
                .byteCount(ec2().containerDefinitions(many).build());
        assertThat(size).isGreaterThan(65_536);
        assertThat(v)
                .last()
                .isEqualTo(client("", "Actual length: '" + size + "'. Max allowed length is '65536' bytes."));
        // up to 100 every container is judged
        List<io.github.berth.core.model.ContainerDefinition> hundred = new ArrayList<>(many.subList(0, 98));
        hundred.add(container("c0").build());
        hundred.add(container("c1").build());
        assertThat(validate(ec2().containerDefinitions(hundred)))
                .filteredOn(x -> x.path().startsWith("containerDefinitions["))
                .extracting(Violation::path)
                .containsExactly("containerDefinitions[98].name", "containerDefinitions[99].name");
    }

    @Test
    void everyContainerNeedsAName() {
        assertThat(validate(ec2(container("web"), container(null))))
                .containsExactly(client("containerDefinitions[1].name", "Container.name should not be null or empty."));
        assertThat(validate(ec2(container(""))))
                .containsExactly(client("containerDefinitions[0].name", "Container.name should not be null or empty."));
    }

    @Test
    void containerNamesTakeTheFamilyCharactersAndAtMost255OfThem() {
        assertThat(validate(ec2(container("Web_1-a"), container("b".repeat(255)))))
                .isEmpty();
        assertThat(validate(ec2(container("my app"))))
                .containsExactly(client("containerDefinitions[0].name", "Container.name contains invalid characters."));
        assertThat(validate(ec2(container("b".repeat(256)))))
                .containsExactly(client(
                        "containerDefinitions[0].name", "Container.name can not be longer than 255 characters."));
    }

    @Test
    void containerNamesAreUnique() {
        assertThat(validate(ec2(container("web"), container("db"), container("web"))))
                .containsExactly(client(
                        "containerDefinitions[2].name", "Container names must be unique within a Task Definition."));
    }

    @Test
    void everyContainerNeedsAnImageOfAtMost255Characters() {
        assertThat(validate(ec2(container("web").image("r".repeat(255))))).isEmpty();
        assertThat(validate(ec2(container("web").image(null))))
                .containsExactly(
                        client("containerDefinitions[0].image", "Container.image should not be null or empty."));
        assertThat(validate(ec2(container("web").image(" "))))
                .containsExactly(
                        client("containerDefinitions[0].image", "Container.image should not be null or empty."));
        assertThat(validate(ec2(container("web").image("r".repeat(256)))))
                .containsExactly(client(
                        "containerDefinitions[0].image", "Container.image can not be longer than 255 characters."));
    }

    @Test
    void essentialDefaultsToTrueAndOneEssentialContainerIsEnough() {
        assertThat(validate(ec2(container("web")))).isEmpty();
        assertThat(validate(
                        ec2(container("web").essential(false), container("main").essential(true))))
                .isEmpty();
        assertThat(validate(
                        ec2(container("main").essential(true), container("web").essential(false))))
                .isEmpty();
    }

    @Test
    void aTaskWithoutAnyEssentialContainerIsRefused() {
        assertThat(validate(
                        ec2(container("web").essential(false), container("db").essential(false))))
                .containsExactly(
                        client("containerDefinitions", "Task definition doesn't have any essential container."));
    }

    @Test
    void aContainerMayWaitForANonEssentialContainerToSucceedOrForAnyToStart() {
        assertThat(validate(ec2(
                        container("web")
                                .addDependsOn(dependsOn("init", ContainerCondition.SUCCESS))
                                .addDependsOn(dependsOn("log", ContainerCondition.START)),
                        container("init").essential(false),
                        container("log"))))
                .isEmpty();
    }

    @Test
    void aContainerCannotWaitForAnEssentialContainerToSucceedOrComplete() {
        String message = "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container";
        assertThat(validate(ec2(
                        container("web").addDependsOn(dependsOn("init", ContainerCondition.SUCCESS)),
                        container("init").essential(true))))
                .containsExactly(client("containerDefinitions[0].dependsOn[0]", message));
        // essential omitted means essential
        assertThat(validate(ec2(
                        container("web").addDependsOn(dependsOn("init", ContainerCondition.COMPLETE)),
                        container("init"))))
                .containsExactly(client("containerDefinitions[0].dependsOn[0]", message));
    }

    @Test
    void aDependencyMustNameAContainerOfTheTask() {
        assertThat(validate(ec2(container("web").addDependsOn(dependsOn("db", ContainerCondition.START)))))
                .containsExactly(client(
                        "containerDefinitions[0].dependsOn[0].containerName",
                        "Cannot depend on container + 'db' because it does not exist"));
        assertThat(validate(
                        ec2(container("web").addDependsOn(dependsOn("db", ContainerCondition.START)), container("db"))))
                .isEmpty();
    }

    @Test
    void aLinkMustNameAContainerOfTheTaskWithOrWithoutAnAlias() {
        assertThat(validate(
                        ec2(container("web").links(List.of("db", "cache:redis")), container("db"), container("cache"))))
                .isEmpty();
        assertThat(validate(ec2(container("web").links(List.of("db:database", "cache")), container("db"))))
                .containsExactly(client(
                        "containerDefinitions[0].links[1]",
                        "Container 'web' links to container 'cache', which is not defined in the task definition."));
        assertThat(validate(ec2(container("web").links(List.of("dbx:db")), container("db"))))
                .containsExactly(client(
                        "containerDefinitions[0].links[0]",
                        "Container 'web' links to container 'dbx', which is not defined in the task definition."));
    }

    private static HealthCheck.Builder health() {
        return HealthCheck.builder().command(List.of("CMD-SHELL", "exit 0"));
    }

    @Test
    void healthCheckValuesAtTheirBoundsAreAccepted() {
        assertThat(validate(ec2(container("web")
                        .healthCheck(health().interval(5)
                                .timeout(2)
                                .retries(1)
                                .startPeriod(0)
                                .build()))))
                .isEmpty();
        assertThat(validate(ec2(container("web")
                        .healthCheck(health().interval(300)
                                .timeout(60)
                                .retries(10)
                                .startPeriod(300)
                                .build()))))
                .isEmpty();
    }

    @Test
    void healthCheckValuesOutsideTheirBoundsAreRefusedOneByOne() {
        assertThat(validate(
                        ec2(container("web").healthCheck(health().retries(11).build()))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].healthCheck.retries",
                                "Health check retries must be less than or equal to the maximum allowed value 10 for container 'web'"));
        assertThat(validate(ec2(container("web")
                        .healthCheck(health().interval(4)
                                .timeout(1)
                                .retries(0)
                                .startPeriod(-1)
                                .build()))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].healthCheck.interval",
                                "Health check interval must be greater than or equal to the minimum allowed value 5 for container 'web'"),
                        client(
                                "containerDefinitions[0].healthCheck.timeout",
                                "Health check timeout must be greater than or equal to the minimum allowed value 2 for container 'web'"),
                        client(
                                "containerDefinitions[0].healthCheck.retries",
                                "Health check retries must be greater than or equal to the minimum allowed value 1 for container 'web'"),
                        client(
                                "containerDefinitions[0].healthCheck.startPeriod",
                                "Health check startPeriod must be greater than or equal to the minimum allowed value 0 for container 'web'"));
        assertThat(validate(ec2(container("web")
                        .healthCheck(health().interval(301)
                                .timeout(61)
                                .startPeriod(301)
                                .build()))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].healthCheck.interval",
                                "Health check interval must be less than or equal to the maximum allowed value 300 for container 'web'"),
                        client(
                                "containerDefinitions[0].healthCheck.timeout",
                                "Health check timeout must be less than or equal to the maximum allowed value 60 for container 'web'"),
                        client(
                                "containerDefinitions[0].healthCheck.startPeriod",
                                "Health check startPeriod must be less than or equal to the maximum allowed value 300 for container 'web'"));
    }

    private static final String ROLE = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole";

    @Test
    void secretsNeedTheExecutionRoleOnEveryLaunchType() {
        Secret secret = Secret.builder()
                .name("DB_PASSWORD")
                .valueFrom("arn:aws:ssm:us-east-1:123456789012:parameter/db/password")
                .build();
        assertThat(validate(ec2(container("web").addSecrets(secret)).executionRoleArn(ROLE)))
                .isEmpty();
        assertThat(validate(ec2(container("web").secrets(List.of())))).isEmpty();
        assertThat(validate(ec2(container("web"), container("db").addSecrets(secret))))
                .containsExactly(
                        client(
                                "executionRoleArn",
                                "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."));
    }

    @Test
    void privateRegistryCredentialsNeedTheExecutionRole() {
        RepositoryCredentials credentials = RepositoryCredentials.builder()
                .credentialsParameter("arn:aws:secretsmanager:us-east-1:123456789012:secret:dockerhub-AbCdEf")
                .build();
        assertThat(validate(
                        ec2(container("web").repositoryCredentials(credentials)).executionRoleArn(ROLE)))
                .isEmpty();
        assertThat(validate(ec2(container("web").repositoryCredentials(credentials))))
                .containsExactly(
                        client(
                                "executionRoleArn",
                                "Private repository authentication requires that the task definition specify a value for executionRoleArn."));
    }

    @Test
    void everyProblemIsReportedAtOnceInOrder() {
        assertThat(validate(
                        ec2(container("my app"), container("db").image(null)).family("")))
                .containsExactly(
                        client("family", "Family can not be blank."),
                        client("containerDefinitions[0].name", "Container.name contains invalid characters."),
                        client("containerDefinitions[1].image", "Container.image should not be null or empty."));
    }

    @Test
    void mountPointsNameVolumesOfTheTask() {
        Volume data = Volume.builder().name("data").build();
        MountPoint mount =
                MountPoint.builder().sourceVolume("data").containerPath("/data").build();
        assertThat(validate(ec2(container("web").addMountPoints(mount)).addVolumes(data)))
                .isEmpty();
        assertThat(validate(ec2(container("web")
                                .addMountPoints(
                                        mount,
                                        MountPoint.builder()
                                                .sourceVolume("logs")
                                                .containerPath("/logs")
                                                .build()))
                        .addVolumes(data)))
                .containsExactly(
                        client("containerDefinitions[0].mountPoints[1].sourceVolume", "Unknown volume 'logs'."));
    }

    @Test
    void volumesFromAndTheProxyNameContainersOfTheTask() {
        VolumeFrom fromDb = VolumeFrom.builder().sourceContainer("db").build();
        assertThat(validate(ec2(container("web").addVolumesFrom(fromDb), container("db"))))
                .isEmpty();
        assertThat(validate(ec2(container("web").addVolumesFrom(fromDb))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].volumesFrom[0].sourceContainer",
                                "Container 'web' mounts volumes from container 'db', which is not defined in the task definition."));
        ProxyConfiguration envoy = ProxyConfiguration.builder()
                .type(ProxyConfigurationType.APPMESH)
                .containerName("envoy")
                .build();
        assertThat(validate(ec2(container("web"), container("envoy")).proxyConfiguration(envoy)))
                .isEmpty();
        assertThat(validate(ec2(container("web")).proxyConfiguration(envoy)))
                .containsExactly(
                        client(
                                "proxyConfiguration.containerName",
                                "The proxy configuration names container 'envoy', which is not defined in the task definition."));
    }
}
