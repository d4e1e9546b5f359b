package io.github.berth.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated builders and accessors read like the AWS SDK for Java v2's model: one test per
 * overload kind, written as SDK code is.
 */
class SdkStyleBuildersTest {

    @Test
    void anEnumMemberIsSetFromTheEnumOrFromItsWireStringAndReadBackAsAString() {
        assertThat(TaskDefinition.builder().networkMode("awsvpc").build().networkMode())
                .isSameAs(NetworkMode.AWSVPC);
        assertThat(TaskDefinition.builder()
                        .networkMode(NetworkMode.HOST)
                        .build()
                        .networkModeAsString())
                .isEqualTo("host");
        TaskDefinition future = TaskDefinition.builder().networkMode("quantum").build();
        assertThat(future.networkMode().isKnown()).isFalse();
        assertThat(future.networkModeAsString()).isEqualTo("quantum");
        TaskDefinition none =
                TaskDefinition.builder().networkMode((String) null).build();
        assertThat(none.networkMode()).isNull();
        assertThat(none.networkModeAsString()).isNull();
    }

    @Test
    void aListIsSetFromVarargs() {
        ContainerDefinition c = ContainerDefinition.builder()
                .command("sh", "-c", "true")
                .portMappings(
                        PortMapping.builder().containerPort(80).build(),
                        PortMapping.builder().containerPort(443).build())
                .build();
        assertThat(c.command()).containsExactly("sh", "-c", "true");
        assertThat(c.portMappings()).extracting(PortMapping::containerPort).containsExactly(80, 443);
    }

    @Test
    void aListOfEnumsIsSetFromEnumsOrWireStringsAndReadBackAsStrings() {
        TaskDefinition td = TaskDefinition.builder()
                .requiresCompatibilitiesWithStrings("FARGATE", "NEW_LAUNCH_TYPE")
                .compatibilities(Compatibility.EC2, Compatibility.FARGATE)
                .build();
        assertThat(td.requiresCompatibilities())
                .containsExactly(Compatibility.FARGATE, Compatibility.fromValue("NEW_LAUNCH_TYPE"));
        assertThat(td.requiresCompatibilitiesAsStrings()).containsExactly("FARGATE", "NEW_LAUNCH_TYPE");
        assertThat(td.compatibilitiesAsStrings()).containsExactly("EC2", "FARGATE");
        assertThat(TaskDefinition.builder()
                        .requiresCompatibilitiesWithStrings(List.of("EC2"))
                        .build()
                        .requiresCompatibilities())
                .containsExactly(Compatibility.EC2);
        assertThat(TaskDefinition.builder().build().requiresCompatibilitiesAsStrings())
                .isNull();
    }

    @Test
    void aNestedStructureAndAListOfThemAreSetThroughConsumersOfTheirBuilders() {
        TaskDefinition td = TaskDefinition.builder()
                .runtimePlatform(p -> p.cpuArchitecture(CPUArchitecture.ARM64).operatingSystemFamily("LINUX"))
                .containerDefinitions(
                        c -> c.name("web")
                                .image("nginx")
                                .portMappings(
                                        p -> p.containerPort(80),
                                        p -> p.containerPort(443).protocol("udp")),
                        c -> c.name("log").image("fluent-bit").linuxParameters(l -> l.initProcessEnabled(true)))
                .build();
        assertThat(td.runtimePlatform())
                .isEqualTo(RuntimePlatform.builder()
                        .cpuArchitecture(CPUArchitecture.ARM64)
                        .operatingSystemFamily(OSFamily.LINUX)
                        .build());
        assertThat(td.containerDefinitions())
                .extracting(ContainerDefinition::name)
                .containsExactly("web", "log");
        assertThat(td.containerDefinitions().get(0).portMappings())
                .containsExactly(
                        PortMapping.builder().containerPort(80).build(),
                        PortMapping.builder()
                                .containerPort(443)
                                .protocol(TransportProtocol.UDP)
                                .build());
        assertThat(td.containerDefinitions().get(1).linuxParameters().initProcessEnabled())
                .isTrue();
    }

    @Test
    void hasTellsAnAbsentListOrMapFromAnEmptyOne() {
        assertThat(TaskDefinition.builder().build().hasVolumes()).isFalse();
        TaskDefinition empty = TaskDefinition.builder().volumes(List.of()).build();
        assertThat(empty.hasVolumes()).isTrue();
        assertThat(empty.volumes()).isEmpty();
        assertThat(ContainerDefinition.builder().build().hasDockerLabels()).isFalse();
        assertThat(ContainerDefinition.builder().dockerLabels(Map.of()).build().hasDockerLabels())
                .isTrue();
    }
}
