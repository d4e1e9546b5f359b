package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.Cluster;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@link ClusterState} built by hand, with members the describe calls may leave out: the lookups
 * skip what lacks the member instead of failing with a NullPointerException.
 */
class ClusterStateTest {

    private static final String ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";

    private static ContainerInstance instance(String arn, List<Attribute> attributes) {
        return ContainerInstance.builder()
                .containerInstanceArn(arn)
                .attributes(attributes)
                .build();
    }

    private static ClusterState state(List<ContainerInstance> instances, List<TaskDefinition> definitions) {
        return new ClusterState(
                Cluster.builder().clusterName("default").build(),
                List.of("us-east-1a"),
                instances,
                definitions,
                List.of());
    }

    @Test
    void instancesInSkipsAnInstanceWithoutAttributes() {
        ContainerInstance inA = instance(
                "ci-a",
                List.of(Attribute.builder()
                        .name("ecs.availability-zone")
                        .value("us-east-1a")
                        .build()));
        ContainerInstance bare =
                ContainerInstance.builder().containerInstanceArn("ci-bare").build();
        ContainerInstance unnamed = instance(
                "ci-unnamed", List.of(Attribute.builder().value("us-east-1a").build()));

        ClusterState s = state(List.of(bare, inA, unnamed), List.of());

        assertThat(s.instancesIn("us-east-1a"))
                .extracting(ContainerInstance::containerInstanceArn)
                .containsExactly("ci-a");
        assertThat(s.instancesIn("us-east-1b")).isEmpty();
    }

    @Test
    void taskDefinitionOfSkipsADefinitionWithoutArn() {
        TaskDefinition unnamed = TaskDefinition.builder().family("web").build();
        TaskDefinition web =
                TaskDefinition.builder().taskDefinitionArn(ARN).family("web").build();
        ClusterState s = state(List.of(), List.of(unnamed, web));

        Task task = Task.builder().taskArn("t-1").taskDefinitionArn(ARN).build();

        assertThat(s.taskDefinitionOf(task)).isSameAs(web);
    }

    @Test
    void taskDefinitionOfATaskWithoutOrWithAnUnknownArnIsAnError() {
        TaskDefinition unnamed = TaskDefinition.builder().family("web").build();
        ClusterState s = state(List.of(), List.of(unnamed));

        assertThatThrownBy(
                        () -> s.taskDefinitionOf(Task.builder().taskArn("t-1").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no task definition null in this cluster");
        assertThatThrownBy(() -> s.taskDefinitionOf(
                        Task.builder().taskArn("t-2").taskDefinitionArn(ARN).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no task definition " + ARN + " in this cluster");
    }
}
