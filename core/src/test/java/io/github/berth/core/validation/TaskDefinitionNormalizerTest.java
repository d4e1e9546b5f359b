package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.fargate;
import static io.github.berth.core.validation.Fixtures.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.TransportProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The definition as ECS stores it after registration (docs/task-definitions.md#what-ecs-stores). */
class TaskDefinitionNormalizerTest {

    @Test
    void taskCpuAndMemoryBecomeIntegerStrings() {
        RegisterTaskDefinitionRequest stored = TaskDefinitionNormalizer.normalize(
                fargate(container("web")).cpu(".25 vcpu").memory(".5 gb").build());
        assertThat(stored.cpu()).isEqualTo("256");
        assertThat(stored.memory()).isEqualTo("512");
    }

    @Test
    void containersGetTheDefaultsEcsFillsIn() {
        ContainerDefinition web = TaskDefinitionNormalizer.normalize(
                        ec2(container("web")).build())
                .containerDefinitions()
                .get(0);
        assertThat(web.cpu()).isEqualTo(0);
        assertThat(web.essential()).isTrue();
        assertThat(web.portMappings()).isEmpty();
        assertThat(web.environment()).isEmpty();
        assertThat(web.mountPoints()).isEmpty();
        assertThat(web.volumesFrom()).isEmpty();
        assertThat(web.links()).isNull(); // not filled in
    }

    @Test
    void givenValuesStay() {
        ContainerDefinition web = TaskDefinitionNormalizer.normalize(
                        ec2(container("web").cpu(128).essential(false), container("main"))
                                .build())
                .containerDefinitions()
                .get(0);
        assertThat(web.cpu()).isEqualTo(128);
        assertThat(web.essential()).isFalse();
    }

    @Test
    void inAwsvpcAndHostModeTheHostPortIsTheContainerPort() {
        for (NetworkMode mode : List.of(NetworkMode.AWSVPC, NetworkMode.HOST)) {
            List<PortMapping> mappings = TaskDefinitionNormalizer.normalize(
                            ec2(container("web").addPortMappings(port(80)))
                                    .networkMode(mode)
                                    .build())
                    .containerDefinitions()
                    .get(0)
                    .portMappings();
            assertThat(mappings)
                    .containsExactly(PortMapping.builder()
                            .containerPort(80)
                            .hostPort(80)
                            .protocol(TransportProtocol.TCP)
                            .build());
        }
    }

    @Test
    void inBridgeModeAnOmittedHostPortStaysDynamic() {
        List<PortMapping> mappings = TaskDefinitionNormalizer.normalize(ec2(container("web")
                                .addPortMappings(
                                        port(80),
                                        PortMapping.builder()
                                                .containerPort(53)
                                                .protocol(TransportProtocol.UDP)
                                                .build()))
                        .build())
                .containerDefinitions()
                .get(0)
                .portMappings();
        assertThat(mappings)
                .containsExactly(
                        PortMapping.builder()
                                .containerPort(80)
                                .protocol(TransportProtocol.TCP)
                                .build(),
                        PortMapping.builder()
                                .containerPort(53)
                                .protocol(TransportProtocol.UDP)
                                .build());
    }

    @Test
    void theTaskGetsEmptyVolumeAndConstraintLists() {
        RegisterTaskDefinitionRequest stored =
                TaskDefinitionNormalizer.normalize(ec2(container("web")).build());
        assertThat(stored.volumes()).isEmpty();
        assertThat(stored.placementConstraints()).isEmpty();
    }

    @Test
    void normalisingTwiceChangesNothingAndTheResultIsStillValid() {
        RegisterTaskDefinitionRequest once =
                TaskDefinitionNormalizer.normalize(fargate(container("web").addPortMappings(port(8080)))
                        .cpu("1 vCPU")
                        .memory("2GB")
                        .build());
        assertThat(TaskDefinitionNormalizer.normalize(once)).isEqualTo(once);
        assertThat(TaskDefinitionValidator.validate(once)).isEmpty();
        assertThat(EcsJson.strict().read(EcsJson.strict().write(once), RegisterTaskDefinitionRequest.class))
                .isEqualTo(once);
    }
}
