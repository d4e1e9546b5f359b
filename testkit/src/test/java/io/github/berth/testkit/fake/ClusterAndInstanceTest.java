package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.AttributeLimitExceededException;
import io.github.berth.core.error.ClusterContainsContainerInstancesException;
import io.github.berth.core.error.ClusterContainsTasksException;
import io.github.berth.core.error.ClusterNotFoundException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.TargetNotFoundException;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Cluster;
import io.github.berth.core.model.ClusterField;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ContainerInstanceStatus;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Clusters and container instances (docs/scheduler.md#clusters, docs/scheduler.md#container-instances). */
class ClusterAndInstanceTest {

    @Test
    void createClusterIsIdempotentForTheSameArguments() {
        FakeEcs ecs = Scenario.fake();
        Cluster first = ecs.createCluster(b -> b.clusterName("prod").tags(List.of(tag("team", "a"))))
                .cluster();
        Cluster again = ecs.createCluster(b -> b.clusterName("prod").tags(List.of(tag("team", "a"))))
                .cluster();
        assertThat(again.clusterArn())
                .isEqualTo(first.clusterArn())
                .isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/prod");
        assertThat(ecs.listClusters(b -> {}).clusterArns()).containsExactly(first.clusterArn());
    }

    @Test
    void createClusterWithOtherArgumentsForAnExistingNameIsRefused() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod").tags(List.of(tag("team", "a"))));
        assertThatThrownBy(() -> ecs.createCluster(b -> b.clusterName("prod").tags(List.of(tag("team", "b")))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Arguments on this idempotent request are inconsistent with arguments used in previous request(s).");
    }

    @Test
    void aClusterNameOutsideEcsRulesIsRefused() {
        FakeEcs ecs = Scenario.fake();
        assertThatThrownBy(() -> ecs.createCluster(b -> b.clusterName("has space")))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(ecs.listClusters(b -> {}).clusterArns()).isEmpty();
    }

    @Test
    void describeClustersCountsWhatIsTrueNowAndReportsMissingOnes() {
        FakeEcs ecs = Scenario.cluster(2);
        ecs.registerTaskDefinition(Scenario.web());
        ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(3));
        Cluster pending = ecs.describeClusters(
                        b -> b.clusters(List.of("prod", "nope")).include(List.of(ClusterField.STATISTICS)))
                .clusters()
                .get(0);
        assertThat(pending.registeredContainerInstancesCount()).isEqualTo(2);
        assertThat(pending.pendingTasksCount()).isEqualTo(3);
        assertThat(pending.runningTasksCount()).isEqualTo(0);
        assertThat(stat(pending, "pendingEC2TasksCount")).isEqualTo("3");
        ecs.clock().advance(Duration.ofSeconds(5));
        var answer = ecs.describeClusters(
                b -> b.clusters(List.of("prod", "nope")).include(List.of(ClusterField.STATISTICS)));
        Cluster running = answer.clusters().get(0);
        assertThat(running.runningTasksCount()).isEqualTo(3);
        assertThat(running.pendingTasksCount()).isEqualTo(0);
        assertThat(stat(running, "runningEC2TasksCount")).isEqualTo("3");
        assertThat(answer.failures()).singleElement().satisfies(f -> {
            assertThat(f.arn()).isEqualTo("arn:aws:ecs:us-east-1:123456789012:cluster/nope");
            assertThat(f.reason()).isEqualTo("MISSING");
        });
    }

    @Test
    void aClusterWithInstancesOrTasksCannotBeDeletedAndAnEmptyOneBecomesInactive() {
        FakeEcs ecs = Scenario.cluster(1);
        assertThatThrownBy(() -> ecs.deleteCluster(b -> b.cluster("prod")))
                .isInstanceOf(ClusterContainsContainerInstancesException.class)
                .hasMessage("The Cluster cannot be deleted while Container Instances are active or draining.");
        ecs.registerTaskDefinition(Scenario.fargate("api"));
        ecs.runTask(b -> b.cluster("prod")
                .taskDefinition("api")
                .launchType(io.github.berth.core.model.LaunchType.FARGATE)
                .networkConfiguration(Scenario.subnets("subnet-9")));
        String instance = ecs.listContainerInstances(b -> b.cluster("prod"))
                .containerInstanceArns()
                .get(0);
        ecs.deregisterContainerInstance(b -> b.cluster("prod").containerInstance(instance));
        assertThatThrownBy(() -> ecs.deleteCluster(b -> b.cluster("prod")))
                .isInstanceOf(ClusterContainsTasksException.class)
                .hasMessage("The Cluster cannot be deleted while Tasks are active.");
        for (String t : ecs.listTasks(b -> b.cluster("prod")).taskArns()) {
            ecs.stopTask(b -> b.cluster("prod").task(t));
        }
        ecs.clock().advance(Duration.ofSeconds(10));
        assertThat(ecs.deleteCluster(b -> b.cluster("prod")).cluster().status()).isEqualTo("INACTIVE");
        assertThat(ecs.listClusters(b -> {}).clusterArns()).isEmpty();
        assertThat(ecs.describeClusters(b -> b.clusters(List.of("prod")))
                        .clusters()
                        .get(0)
                        .status())
                .isEqualTo("INACTIVE");
        assertThatThrownBy(() -> ecs.runTask(b -> b.cluster("prod").taskDefinition("api")))
                .isInstanceOf(ClusterNotFoundException.class)
                .hasMessage("Cluster not found.");
    }

    @Test
    void anInstanceRegistersWhatItsTypeHasAndTheBuiltInAttributes() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        ContainerInstance i = ecs.launchInstance("prod", "m6g.xlarge", "us-east-1c");
        assertThat(i.containerInstanceArn()).startsWith("arn:aws:ecs:us-east-1:123456789012:container-instance/prod/");
        assertThat(i.status()).isEqualTo("ACTIVE");
        assertThat(i.agentConnected()).isTrue();
        assertThat(resource(i.registeredResources(), "CPU").integerValue()).isEqualTo(4096);
        assertThat(resource(i.registeredResources(), "MEMORY").integerValue()).isEqualTo((int) (16384 * 0.975));
        assertThat(resource(i.registeredResources(), "PORTS").stringSetValue())
                .containsExactly("22", "2376", "2375", "51678", "51679");
        assertThat(attribute(i, "ecs.instance-type")).isEqualTo("m6g.xlarge");
        assertThat(attribute(i, "ecs.availability-zone")).isEqualTo("us-east-1c");
        assertThat(attribute(i, "ecs.cpu-architecture")).isEqualTo("arm64");
        assertThat(attribute(i, "ecs.os-type")).isEqualTo("linux");
        assertThat(i.attributes())
                .extracting(Attribute::name)
                .contains("ecs.capability.task-eni", "com.amazonaws.ecs.capability.logging-driver.awslogs");
        assertThat(ecs.events().ofType("ECS Container Instance State Change")).hasSize(1);
    }

    @Test
    void launchInstanceKeepsQuotesInItsArgumentsAsText() {
        FakeEcs ecs = Scenario.fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        // Pasted unescaped into the identity document, this would add a member "availabilityZone".
        ContainerInstance i = ecs.launchInstance("prod", "x\",\"availabilityZone\":\"eu-west-1b", "us-east-1c");
        assertThat(attribute(i, "ecs.instance-type")).isEqualTo("x\",\"availabilityZone\":\"eu-west-1b");
        assertThat(attribute(i, "ecs.availability-zone")).isEqualTo("us-east-1c");
    }

    @Test
    void remainingResourcesFollowTheTasksOnTheInstance() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(b -> b.family("fixed")
                .containerDefinitions(List.of(Scenario.container("app", "app:1")
                        .cpu(512)
                        .memory(1024)
                        .portMappings(List.of(io.github.berth.core.model.PortMapping.builder()
                                .containerPort(8080)
                                .hostPort(8080)
                                .build()))
                        .build())));
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("fixed")));
        ContainerInstance i = instance(ecs, t.containerInstanceArn());
        assertThat(resource(i.remainingResources(), "CPU").integerValue()).isEqualTo(2048 - 512);
        assertThat(resource(i.remainingResources(), "MEMORY").integerValue()).isEqualTo(7987 - 1024);
        assertThat(resource(i.remainingResources(), "PORTS").stringSetValue()).contains("8080");
        assertThat(i.pendingTasksCount()).isEqualTo(1);
        ecs.clock().advance(Duration.ofSeconds(5));
        assertThat(instance(ecs, t.containerInstanceArn()).runningTasksCount()).isEqualTo(1);
        // The static port is taken: a second copy has nowhere to go.
        var second = ecs.runTask(b -> b.cluster("prod").taskDefinition("fixed"));
        assertThat(second.tasks()).isEmpty();
        assertThat(second.failures()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("RESOURCE:PORTS");
            assertThat(f.arn()).isEqualTo(t.containerInstanceArn());
        });
    }

    @Test
    void aDrainingInstanceGetsNoNewTasksAndAnActiveOneDoes() {
        FakeEcs ecs = Scenario.cluster(1);
        String arn = ecs.listContainerInstances(b -> b.cluster("prod"))
                .containerInstanceArns()
                .get(0);
        var drained = ecs.updateContainerInstancesState(
                b -> b.cluster("prod").containerInstances(List.of(arn)).status(ContainerInstanceStatus.DRAINING));
        assertThat(drained.containerInstances().get(0).status()).isEqualTo("DRAINING");
        ecs.registerTaskDefinition(Scenario.web());
        assertThat(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")).tasks())
                .isEmpty();
        ecs.updateContainerInstancesState(
                b -> b.cluster("prod").containerInstances(List.of(arn)).status(ContainerInstanceStatus.ACTIVE));
        assertThat(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")).tasks())
                .hasSize(1);
    }

    @Test
    void updateContainerInstancesStateTakesOnlyActiveOrDraining() {
        FakeEcs ecs = Scenario.cluster(1);
        String arn = ecs.listContainerInstances(b -> b.cluster("prod"))
                .containerInstanceArns()
                .get(0);
        assertThatThrownBy(() -> ecs.updateContainerInstancesState(b ->
                        b.cluster("prod").containerInstances(List.of(arn)).status(ContainerInstanceStatus.REGISTERING)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Container instance status should be one of [ACTIVE, DRAINING]");
        assertThat(instance(ecs, arn).status()).isEqualTo("ACTIVE");
    }

    @Test
    void listContainerInstancesFiltersWithTheClusterQueryLanguage() {
        FakeEcs ecs = Scenario.cluster(3);
        List<String> inB = ecs.listContainerInstances(
                        b -> b.cluster("prod").filter("attribute:ecs.availability-zone == us-east-1b"))
                .containerInstanceArns();
        assertThat(inB).hasSize(1);
        assertThat(attribute(instance(ecs, inB.get(0)), "ecs.availability-zone"))
                .isEqualTo("us-east-1b");
        assertThat(ecs.listContainerInstances(b -> b.cluster("prod").filter("attribute:ecs.instance-type =~ t3.*"))
                        .containerInstanceArns())
                .isEmpty();
    }

    @Test
    void customAttributesAreLimitedToTenAndNeedAKnownTarget() {
        FakeEcs ecs = Scenario.cluster(1);
        String arn = ecs.listContainerInstances(b -> b.cluster("prod"))
                .containerInstanceArns()
                .get(0);
        List<Attribute> ten = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            ten.add(Attribute.builder()
                    .name("team" + k)
                    .value("v")
                    .targetId(arn)
                    .build());
        }
        ecs.putAttributes(b -> b.cluster("prod").attributes(ten));
        assertThat(attribute(instance(ecs, arn), "team9")).isEqualTo("v");
        assertThatThrownBy(() -> ecs.putAttributes(b -> b.cluster("prod")
                        .attributes(List.of(Attribute.builder()
                                .name("eleventh")
                                .value("v")
                                .targetId(arn)
                                .build()))))
                .isInstanceOf(AttributeLimitExceededException.class);
        assertThat(attribute(instance(ecs, arn), "eleventh")).isNull();
        assertThatThrownBy(() -> ecs.putAttributes(b -> b.cluster("prod")
                        .attributes(List.of(Attribute.builder()
                                .name("x")
                                .value("v")
                                .targetId("0000")
                                .build()))))
                .isInstanceOf(TargetNotFoundException.class);
        assertThat(ecs.listAttributes(b -> b.cluster("prod")
                                .targetType(io.github.berth.core.model.TargetType.CONTAINER_INSTANCE)
                                .attributeName("team3"))
                        .attributes())
                .singleElement()
                .extracting(Attribute::targetId)
                .isEqualTo(arn);
    }

    @Test
    void anInstanceWithTasksIsDeregisteredOnlyWithForce() {
        FakeEcs ecs = Scenario.cluster(1);
        ecs.registerTaskDefinition(Scenario.web());
        Task t = Scenario.only(ecs.runTask(b -> b.cluster("prod").taskDefinition("web")));
        assertThatThrownBy(() -> ecs.deregisterContainerInstance(
                        b -> b.cluster("prod").containerInstance(t.containerInstanceArn())))
                .isInstanceOf(InvalidParameterException.class);
        assertThat(instance(ecs, t.containerInstanceArn()).status()).isEqualTo("ACTIVE");
        var gone = ecs.deregisterContainerInstance(b ->
                b.cluster("prod").containerInstance(t.containerInstanceArn()).force(true));
        assertThat(gone.containerInstance().status()).isEqualTo("INACTIVE");
        assertThat(ecs.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns())
                .isEmpty();
    }

    @Test
    void tagsAreSetReadAndRemovedByArn() {
        FakeEcs ecs = Scenario.cluster(1);
        String cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/prod";
        ecs.tagResource(b -> b.resourceArn(cluster).tags(List.of(tag("a", "1"), tag("b", "2"))));
        ecs.tagResource(b -> b.resourceArn(cluster).tags(List.of(tag("a", "3"))));
        ecs.untagResource(b -> b.resourceArn(cluster).tagKeys(List.of("b")));
        assertThat(ecs.listTagsForResource(b -> b.resourceArn(cluster)).tags()).containsExactly(tag("a", "3"));
        assertThatThrownBy(() -> ecs.tagResource(b -> b.resourceArn(cluster).tags(List.of(tag("aws:x", "1")))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() ->
                        ecs.listTagsForResource(b -> b.resourceArn("arn:aws:ecs:us-east-1:123456789012:cluster/none")))
                .isInstanceOf(io.github.berth.core.error.ResourceNotFoundException.class);
    }

    static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    private static String stat(Cluster c, String name) {
        return c.statistics().stream()
                .filter(s -> s.name().equals(name))
                .map(KeyValuePair::value)
                .findFirst()
                .orElse(null);
    }

    static Resource resource(List<Resource> list, String name) {
        return list.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    static String attribute(ContainerInstance i, String name) {
        return i.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(Attribute::value)
                .findFirst()
                .orElse(null);
    }

    static ContainerInstance instance(FakeEcs ecs, String arn) {
        return ecs.describeContainerInstances(b -> b.cluster("prod").containerInstances(List.of(arn)))
                .containerInstances()
                .get(0);
    }

    static String names(List<Attribute> a) {
        return a.stream().map(Attribute::name).collect(Collectors.joining(","));
    }
}
