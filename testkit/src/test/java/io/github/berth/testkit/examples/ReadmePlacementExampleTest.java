package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Failure;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.TaskPlacement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's placement example, compiled and run; {@link ReadmeExamplesTest} keeps the two the same. */
class ReadmePlacementExampleTest {

    private static final Path EXAMPLES =
            Path.of("..", "examples"); // the repository's examples/, which the README's commands use

    @Test
    void placement() throws IOException {
        // readme:placement
        ClusterSnapshot cluster = ClusterSnapshot.fromJson( // DescribeContainerInstances [and DescribeTasks]
                Files.readString(EXAMPLES.resolve("describe-container-instances.json")), null);
        TaskDefinition web = EcsJson.strict()
                .readTaskDefinitionFile(Files.readString(EXAMPLES.resolve("web-task-definition.json")))
                .taskDefinition();

        PlacementRequest request = PlacementRequest.builder(web)
                .count(8)
                .addPlacementConstraint(PlacementConstraint.builder()
                        .type(PlacementConstraintType.MEMBER_OF)
                        .expression("attribute:ecs.instance-type =~ m5.*")
                        .build())
                .addPlacementStrategy(PlacementStrategy.builder()
                        .type(PlacementStrategyType.SPREAD)
                        .field("attribute:ecs.availability-zone")
                        .build())
                .seed(42)
                .build();
        PlacementResult result = PlacementEngine.place(cluster, request);

        // Two m5.large instances with 7,800 MiB each hold three 2,048 MiB tasks each.
        assertThat(result.placements()).hasSize(6);
        TaskPlacement first = result.placements().get(0);
        assertThat(first.containerInstanceArn()).contains(":container-instance/prod/");
        assertThat(first.containers().get(0).networkBindings().get(0).hostPort())
                .isEqualTo(49153); // dynamic port
        // The other two fail as RunTask reports them: ECS's reason and the closest instance.
        assertThat(result.failures()).extracting(Failure::reason).containsExactly("RESOURCE:MEMORY", "RESOURCE:MEMORY");
        // And why, for people: how many instances each reason excluded.
        List<String> why = result.explain();
        assertThat(why)
                .containsExactly(
                        "tasks 7-8 (EC2): 3 instances: 3 RESOURCE:MEMORY; reported RESOURCE:MEMORY"
                                + " on arn:aws:ecs:us-east-1:123456789012:container-instance/prod/0a1b2c3d4e5f60718293a4b5c6d7e8f9");

        // The cluster query language alone, as ListContainerInstances' filter.
        assertThat(
                        cluster.filter(
                                "attribute:ecs.availability-zone == us-east-1a and not(attribute:ecs.instance-type == c5.large)"))
                .containsExactly(
                        "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        // end readme:placement
    }
}
