package io.github.berth.placement;

import static io.github.berth.placement.Fixtures.awsvpc;
import static io.github.berth.placement.Fixtures.binpack;
import static io.github.berth.placement.Fixtures.distinctInstance;
import static io.github.berth.placement.Fixtures.instance;
import static io.github.berth.placement.Fixtures.memberOf;
import static io.github.berth.placement.Fixtures.spread;
import static io.github.berth.placement.Fixtures.td;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerOverride;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TaskDefinitionPlacementConstraintType;
import io.github.berth.core.model.TaskDefinitionStatus;
import io.github.berth.core.model.TaskOverride;
import io.github.berth.placement.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invalid requests get ECS's error type and message, and nothing is placed. */
class RequestValidationTest {

    private static final ClusterSnapshot CLUSTER = ClusterSnapshot.builder()
            .addInstance(instance("a", "m5.large", "us-east-1a").build())
            .build();

    private static PlacementRequest.Builder request() {
        return PlacementRequest.builder(td(10, 10));
    }

    private static void rejects(PlacementRequest r, Class<? extends AwsServiceException> type, String message) {
        assertThatThrownBy(() -> PlacementEngine.place(CLUSTER, r))
                .isInstanceOf(type)
                .hasMessage(message);
    }

    private static NetworkConfiguration subnets(String... ids) {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets(List.of(ids)).build())
                .build();
    }

    @Test
    void runTaskCountIsOneToTen() {
        rejects(
                request().count(0).build(),
                InvalidParameterException.class,
                "Value '0' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 1");
        rejects(
                request().count(11).build(),
                InvalidParameterException.class,
                "Value '11' at 'count' failed to satisfy constraint: Member must have value less than or equal to 10");
        assertThat(PlacementEngine.place(CLUSTER, request().count(10).build()).placements())
                .hasSize(10);
        assertThat(PlacementEngine.place(
                                CLUSTER, request().service("s").count(50).build())
                        .placements())
                .hasSize(50);
    }

    @Test
    void atMostFiveStrategies() {
        List<PlacementStrategy> six = Collections.nCopies(6, binpack("cpu"));
        rejects(
                request().placementStrategy(six).build(),
                InvalidParameterException.class,
                "Value of size 6 at 'placementStrategy' failed to satisfy constraint: Member must have length less than or equal to 5");
        assertThat(PlacementEngine.place(
                                CLUSTER,
                                request().placementStrategy(six.subList(0, 5)).build())
                        .allPlaced())
                .isTrue();
    }

    @Test
    void unknownStrategyTypeAndFields() {
        rejects(
                request()
                        .addPlacementStrategy(PlacementStrategy.builder()
                                .type(PlacementStrategyType.fromValue("roundrobin"))
                                .build())
                        .build(),
                InvalidParameterException.class,
                "Value 'roundrobin' at 'placementStrategy[0].type' failed to satisfy constraint: Member must satisfy enum "
                        + "value set: [random, spread, binpack]");
        rejects(
                request().addPlacementStrategy(binpack("disk")).build(),
                InvalidParameterException.class,
                "Invalid field 'disk' for placement strategy binpack. Valid fields are cpu and memory.");
        rejects(
                request().addPlacementStrategy(spread("zone")).build(),
                InvalidParameterException.class,
                "Invalid field 'zone' for placement strategy spread. Valid fields are instanceId, host and attribute:<name>.");
        assertThat(PlacementEngine.place(
                                CLUSTER,
                                request()
                                        .addPlacementStrategy(binpack("MEMORY"))
                                        .build())
                        .allPlaced())
                .isTrue();
    }

    @Test
    void queryThatDoesNotParse() {
        assertThatThrownBy(() -> PlacementEngine.place(
                        CLUSTER,
                        request()
                                .addPlacementConstraint(memberOf("attribute:ecs.instance-type = t2.small"))
                                .build()))
                .isInstanceOf(QuerySyntaxException.class)
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid cluster query language expression at column 29: unexpected character '='");
    }

    @Test
    void constraintRules() {
        rejects(
                request()
                        .addPlacementConstraint(PlacementConstraint.builder()
                                .type(PlacementConstraintType.DISTINCT_INSTANCE)
                                .expression("")
                                .build())
                        .build(),
                InvalidParameterException.class,
                "distinctInstance expression should not be specified.");
        rejects(
                request()
                        .addPlacementConstraint(PlacementConstraint.builder()
                                .type(PlacementConstraintType.MEMBER_OF)
                                .build())
                        .build(),
                InvalidParameterException.class,
                "memberOf expression must be specified.");
        List<PlacementConstraint> eleven = new ArrayList<>(Collections.nCopies(10, memberOf("attribute:x !exists")));
        assertThat(PlacementEngine.place(
                                CLUSTER, request().placementConstraints(eleven).build())
                        .allPlaced())
                .isTrue();
        TaskDefinition withOne = td(10, 10).toBuilder()
                .placementConstraints(List.of(TaskDefinitionPlacementConstraint.builder()
                        .type(TaskDefinitionPlacementConstraintType.MEMBER_OF)
                        .expression("attribute:x !exists")
                        .build()))
                .build();
        assertThatThrownBy(() -> PlacementEngine.place(
                        CLUSTER,
                        PlacementRequest.builder(withOne)
                                .placementConstraints(eleven)
                                .build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Too many placement constraints: 11. You can specify up to 10 constraints for each task, "
                        + "including those in the task definition.");
        TaskDefinition distinctInTd = td(10, 10).toBuilder()
                .placementConstraints(List.of(TaskDefinitionPlacementConstraint.builder()
                        .type(TaskDefinitionPlacementConstraintType.fromValue("distinctInstance"))
                        .build()))
                .build();
        assertThatThrownBy(() -> PlacementEngine.place(
                        CLUSTER, PlacementRequest.builder(distinctInTd).build()))
                .isInstanceOf(ClientException.class)
                .hasMessage("constraint.type 'distinctInstance' is not supported.");
        String tooLong = "attribute:x == " + "y".repeat(1990);
        assertThatThrownBy(() -> PlacementEngine.place(
                        CLUSTER,
                        request().addPlacementConstraint(memberOf(tooLong)).build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Value 'attribute:x == " + "y".repeat(46)
                        + "...' at 'placementConstraints[0].expression' failed "
                        + "to satisfy constraint: Member must have length less than or equal to 2000");
    }

    @Test
    void fargateRejectsConstraintsStrategiesAndIncompatibleDefinitions() {
        TaskDefinition fargate = awsvpc(256, 512).toBuilder()
                .requiresCompatibilities(List.of(Compatibility.FARGATE))
                .build();
        PlacementRequest.Builder ok = PlacementRequest.builder(fargate)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(subnets("subnet-1"));
        assertThat(PlacementEngine.place(CLUSTER, ok.build()).allPlaced()).isTrue();
        rejects(
                ok.build().toBuilder()
                        .addPlacementConstraint(distinctInstance())
                        .build(),
                InvalidParameterException.class,
                "Placement constraints are not supported with FARGATE launch type.");
        rejects(
                ok.build().toBuilder().addPlacementStrategy(binpack("cpu")).build(),
                InvalidParameterException.class,
                "Placement strategies are not supported with FARGATE launch type.");
        rejects(
                PlacementRequest.builder(awsvpc(256, 512).toBuilder()
                                .requiresCompatibilities(List.of(Compatibility.EC2))
                                .build())
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(subnets("subnet-1"))
                        .build(),
                InvalidParameterException.class,
                "Task definition does not support launch_type FARGATE.");
    }

    @Test
    void fargateRejectsTaskDefinitionConstraintsAndDefinitionsNotRegisteredForIt() {
        PlacementRequest.Builder onFargate = PlacementRequest.builder(Fixtures.fargate())
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(subnets("subnet-1"));
        assertThat(PlacementEngine.place(CLUSTER, onFargate.build()).allPlaced())
                .isTrue();
        TaskDefinition pinned = Fixtures.fargate().toBuilder()
                .placementConstraints(List.of(TaskDefinitionPlacementConstraint.builder()
                        .type(TaskDefinitionPlacementConstraintType.MEMBER_OF)
                        .expression("attribute:x exists")
                        .build()))
                .build();
        rejects(
                PlacementRequest.builder(pinned)
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(subnets("subnet-1"))
                        .build(),
                ClientException.class,
                "Fargate does not support task placement constraints.");
        // Neither compatibilities nor requiresCompatibilities name FARGATE: not a Fargate definition
        // (docs/task-definitions.md#compatibilities).
        rejects(
                PlacementRequest.builder(awsvpc(256, 512))
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(subnets("subnet-1"))
                        .build(),
                InvalidParameterException.class,
                "Task definition does not support launch_type FARGATE.");
        rejects(
                PlacementRequest.builder(Fixtures.fargate())
                        .networkConfiguration(subnets("subnet-1"))
                        .capacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                .capacityProvider("FARGATE_SPOT")
                                .weight(1)
                                .build()))
                        .addPlacementConstraint(memberOf("attribute:x exists"))
                        .build(),
                InvalidParameterException.class,
                "Placement constraints are not supported with FARGATE launch type.");
    }

    @Test
    void unknownLaunchType() {
        rejects(
                request().launchType(LaunchType.fromValue("EC3")).build(),
                InvalidParameterException.class,
                "Value 'EC3' at 'launchType' failed to satisfy constraint: Member must satisfy enum value set: "
                        + LaunchType.knownValues());
        assertThat(PlacementEngine.place(
                                CLUSTER, request().launchType(LaunchType.EC2).build())
                        .allPlaced())
                .isTrue();
    }

    @Test
    void serviceCountIsZeroOrMore() {
        assertThat(PlacementEngine.place(
                                CLUSTER, request().service("s").count(0).build())
                        .placements())
                .isEmpty();
        rejects(
                request().service("s").count(-1).build(),
                InvalidParameterException.class,
                "Value '-1' at 'count' failed to satisfy constraint: Member must have value greater than or equal to 0");
    }

    @Test
    void containerValuesThatWouldOverflowFitNowhere() {
        TaskDefinition huge = TaskDefinition.builder()
                .family("f")
                .addContainerDefinitions(
                        Fixtures.container("a").cpu(Integer.MAX_VALUE).memory(1).build(),
                        Fixtures.container("b").cpu(Integer.MAX_VALUE).memory(1).build())
                .build();
        assertThat(PlacementEngine.place(CLUSTER, PlacementRequest.builder(huge).build())
                        .failures())
                .extracting(f -> f.reason())
                .containsExactly("RESOURCE:CPU");
    }

    @Test
    void gpuValueMustBeAWholeNumberOrAll() {
        for (String bad : List.of("-3", "0", "two")) {
            TaskDefinition td = TaskDefinition.builder()
                    .family("f")
                    .addContainerDefinitions(Fixtures.container("a")
                            .memory(1)
                            .resourceRequirements(List.of(ResourceRequirement.builder()
                                    .type(ResourceType.GPU)
                                    .value(bad)
                                    .build()))
                            .build())
                    .build();
            rejects(
                    PlacementRequest.builder(td).build(),
                    InvalidParameterException.class,
                    "Invalid GPU value '" + bad
                            + "' for container a: the value must be a whole number of at least 1, or ALL.");
        }
    }

    @Test
    void networkConfigurationGoesWithAwsvpcOnly() {
        rejects(
                PlacementRequest.builder(awsvpc(10, 10)).build(),
                InvalidParameterException.class,
                "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        rejects(
                request().networkConfiguration(subnets("subnet-1")).build(),
                InvalidParameterException.class,
                "Network Configuration is not valid for the given networkMode of this task definition.");
        rejects(
                PlacementRequest.builder(awsvpc(10, 10))
                        .networkConfiguration(subnets())
                        .build(),
                InvalidParameterException.class,
                "subnets can not be empty.");
    }

    @Test
    void launchTypeAndCapacityProviderStrategyExcludeEachOther() {
        rejects(
                request()
                        .launchType(LaunchType.EC2)
                        .capacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                                .capacityProvider("asg")
                                .weight(1)
                                .build()))
                        .build(),
                InvalidParameterException.class,
                "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
    }

    @Test
    void emptyClusterAndInactiveDefinition() {
        assertThatThrownBy(() -> PlacementEngine.place(
                        ClusterSnapshot.builder().build(), request().build()))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("No Container Instances were found in your cluster.");
        rejects(
                PlacementRequest.builder(td(10, 10).toBuilder()
                                .status(TaskDefinitionStatus.INACTIVE)
                                .build())
                        .build(),
                InvalidParameterException.class,
                "TaskDefinition is inactive");
    }

    @Test
    void overrideOfAnUnknownContainer() {
        rejects(
                request()
                        .overrides(TaskOverride.builder()
                                .containerOverrides(List.of(ContainerOverride.builder()
                                        .name("ghost")
                                        .build()))
                                .build())
                        .build(),
                InvalidParameterException.class,
                "Override for container named ghost is not a container in the TaskDefinition.");
    }

    @Test
    void badCpuValue() {
        rejects(
                PlacementRequest.builder(td(10, 10).toBuilder().cpu("lots").build())
                        .build(),
                ClientException.class,
                "Invalid 'cpu' setting for task.");
    }
}
