package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.client;
import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.fargate;
import static io.github.berth.core.validation.Fixtures.invalidParameter;
import static io.github.berth.core.validation.Fixtures.port;
import static io.github.berth.core.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.HostEntry;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.RuntimePlatform;
import io.github.berth.core.model.TransportProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Network modes and port mappings: docs/task-definitions.md#network-modes, docs/task-definitions.md#containers, docs/placement.md#host-ports, docs/task-definitions.md#port-mappings, docs/task-definitions.md#port-ranges. */
class NetworkRulesTest {

    private static final RuntimePlatform WINDOWS = RuntimePlatform.builder()
            .operatingSystemFamily(OSFamily.WINDOWS_SERVER_2019_FULL)
            .build();

    private static PortMapping udp(int containerPort, int hostPort) {
        return PortMapping.builder()
                .containerPort(containerPort)
                .hostPort(hostPort)
                .protocol(TransportProtocol.UDP)
                .build();
    }

    private static PortMapping range(String range) {
        return PortMapping.builder().containerPortRange(range).build();
    }

    // ----- launch types and operating systems

    @Test
    void fargateTakesAwsvpcOnly() {
        String message = "Fargate only supports network mode \u2018awsvpc\u2019.";
        assertThat(validate(fargate(container("web")))).isEmpty();
        assertThat(validate(fargate(container("web")).networkMode(NetworkMode.BRIDGE)))
                .containsExactly(client("networkMode", message));
        assertThat(validate(fargate(container("web")).networkMode((NetworkMode) null)))
                .containsExactly(client("networkMode", message));
    }

    @Test
    void externalTakesEverythingButAwsvpc() {
        for (NetworkMode mode : List.of(NetworkMode.BRIDGE, NetworkMode.HOST, NetworkMode.NONE)) {
            assertThat(validate(ec2(container("web"))
                            .addRequiresCompatibilities(Compatibility.EXTERNAL)
                            .networkMode(mode)))
                    .as(mode.value())
                    .isEmpty();
        }
        assertThat(validate(ec2(container("web"))
                        .addRequiresCompatibilities(Compatibility.EXTERNAL)
                        .networkMode(NetworkMode.AWSVPC)))
                .containsExactly(
                        client("networkMode", "The EXTERNAL launch type does not support network mode 'awsvpc'."));
    }

    @Test
    void windowsTakesItsDefaultModeOrAwsvpc() {
        assertThat(validate(ec2(container("web")).runtimePlatform(WINDOWS))).isEmpty();
        assertThat(validate(ec2(container("web")).runtimePlatform(WINDOWS).networkMode(NetworkMode.AWSVPC)))
                .isEmpty();
        assertThat(validate(ec2(container("web")).runtimePlatform(WINDOWS).networkMode(NetworkMode.BRIDGE)))
                .containsExactly(
                        client(
                                "networkMode",
                                "Network mode 'bridge' is not supported for Windows containers. Use 'awsvpc' or omit networkMode."));
    }

    @Test
    void linksNeedBridgeMode() {
        assertThat(validate(ec2(container("web").addLinks("db"), container("db"))))
                .isEmpty();
        assertThat(validate(
                        ec2(container("web").addLinks("db"), container("db")).networkMode(NetworkMode.AWSVPC)))
                .containsExactly(
                        client("containerDefinitions[0].links", "Links are not supported when networkMode=awsvpc."));
        assertThat(validate(
                        ec2(container("web").addLinks("db"), container("db")).networkMode(NetworkMode.HOST)))
                .containsExactly(
                        client("containerDefinitions[0].links", "Links are not supported when networkMode=host."));
        // an empty list, as describe output carries it, is no link
        assertThat(validate(ec2(container("web").links(List.of())).networkMode(NetworkMode.AWSVPC)))
                .isEmpty();
    }

    @Test
    void windowsContainersHaveNoLinks() {
        assertThat(validate(
                        ec2(container("web").addLinks("db"), container("db")).runtimePlatform(WINDOWS)))
                .containsExactly(
                        client("containerDefinitions[0].links", "Links are not supported for Windows containers."));
    }

    @Test
    void windowsInBridgeModeStillHasNoLinks() {
        // bridge is refused for Windows, and its links with the Windows message, not allowed as bridge links
        assertThat(validate(ec2(container("web").addLinks("db"), container("db"))
                        .runtimePlatform(WINDOWS)
                        .networkMode(NetworkMode.BRIDGE)))
                .containsExactly(
                        client(
                                "networkMode",
                                "Network mode 'bridge' is not supported for Windows containers. Use 'awsvpc' or omit networkMode."),
                        client("containerDefinitions[0].links", "Links are not supported for Windows containers."));
    }

    @Test
    void anUnknownNetworkModeGetsOnlyTheEnumError() {
        // The enum check of the API model names the problem; the mode rules stay silent about a mode they
        // do not know, on Windows and for links alike.
        String enumError = "Value 'overlay' at 'networkMode' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [bridge, host, awsvpc, none]";
        assertThat(validate(
                        ec2(container("web")).runtimePlatform(WINDOWS).networkMode(NetworkMode.fromValue("overlay"))))
                .containsExactly(invalidParameter("networkMode", enumError));
        assertThat(validate(ec2(container("web").addLinks("db"), container("db"))
                        .networkMode(NetworkMode.fromValue("overlay"))))
                .containsExactly(invalidParameter("networkMode", enumError));
    }

    @Test
    void extraHostsAreRefusedInAwsvpcMode() {
        HostEntry db = HostEntry.builder()
                .hostname("db.internal")
                .ipAddress("10.0.0.5")
                .build();
        assertThat(validate(ec2(container("web").addExtraHosts(db)))).isEmpty();
        assertThat(validate(ec2(container("web").addExtraHosts(db)).networkMode(NetworkMode.HOST)))
                .isEmpty();
        assertThat(validate(ec2(container("web").extraHosts(List.of())).networkMode(NetworkMode.AWSVPC)))
                .isEmpty();
        assertThat(validate(ec2(container("web").addExtraHosts(db)).networkMode(NetworkMode.AWSVPC)))
                .containsExactly(client(
                        "containerDefinitions[0].extraHosts",
                        "extraHosts is not supported on container when networkMode=awsvpc."));
    }

    @Test
    void hostnameIsRefusedInAwsvpcMode() {
        assertThat(validate(ec2(container("web").hostname("web")))).isEmpty();
        assertThat(validate(ec2(container("web").hostname("web")).networkMode(NetworkMode.AWSVPC)))
                .containsExactly(client(
                        "containerDefinitions[0].hostname",
                        "hostname is not supported on container when networkMode=awsvpc."));
    }

    // ----- port mappings

    @Test
    void inAwsvpcModeTheHostPortIsOmittedOrEqualsTheContainerPort() {
        assertThat(validate(fargate(container("web").addPortMappings(port(80), port(443, 443)))))
                .isEmpty();
        String message = "When networkMode=awsvpc, the host ports and container ports in port mappings must match.";
        assertThat(validate(fargate(container("web").addPortMappings(port(80, 8080)))))
                .containsExactly(client("containerDefinitions[0].portMappings[0].hostPort", message));
        assertThat(validate(fargate(container("web").addPortMappings(port(80, 0)))))
                .containsExactly(client("containerDefinitions[0].portMappings[0].hostPort", message));
    }

    @Test
    void inHostModeTheHostPortIsOmittedOrEqualsTheContainerPort() {
        assertThat(validate(ec2(container("web").addPortMappings(port(80), port(443, 443)))
                        .networkMode(NetworkMode.HOST)))
                .isEmpty();
        assertThat(validate(
                        ec2(container("web").addPortMappings(port(80, 8080))).networkMode(NetworkMode.HOST)))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[0].hostPort",
                        "When networkMode=host, the host ports and container ports in port mappings must match."));
    }

    @Test
    void inBridgeModeAnyHostPortOrADynamicOneIsTaken() {
        assertThat(validate(ec2(container("web").addPortMappings(port(80, 8080), port(81, 0), port(82)))))
                .isEmpty();
    }

    @Test
    void noneModeTakesNoPortMappings() {
        assertThat(validate(ec2(container("web").portMappings(List.of())).networkMode(NetworkMode.NONE)))
                .isEmpty();
        assertThat(validate(ec2(container("web").addPortMappings(port(80))).networkMode(NetworkMode.NONE)))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings",
                        "Port mappings are not supported when networkMode=none."));
    }

    @Test
    void everyMappingNeedsAContainerPortFrom1To65535() {
        assertThat(validate(ec2(container("web").addPortMappings(port(1), port(65535)))))
                .isEmpty();
        String message = "Invalid 'containerPort' setting for container 'web'.";
        assertThat(validate(ec2(container("web")
                        .addPortMappings(PortMapping.builder().hostPort(80).build()))))
                .containsExactly(client("containerDefinitions[0].portMappings[0].containerPort", message));
        assertThat(validate(ec2(container("web").addPortMappings(port(0)))))
                .containsExactly(client("containerDefinitions[0].portMappings[0].containerPort", message));
        assertThat(validate(ec2(container("web").addPortMappings(port(65536)))))
                .containsExactly(client("containerDefinitions[0].portMappings[0].containerPort", message));
    }

    @Test
    void aHostPortIsFrom0To65535() {
        assertThat(validate(ec2(container("web").addPortMappings(port(80, 65535)))))
                .isEmpty();
        assertThat(validate(ec2(container("web").addPortMappings(port(80, 70000)))))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[0].hostPort",
                        "Invalid 'hostPort' setting for container 'web'."));
    }

    @Test
    void aStaticHostPortIsBoundOncePerTaskAndProtocol() {
        assertThat(validate(ec2(
                        container("web").addPortMappings(port(80, 8080)),
                        container("api").addPortMappings(port(80, 8080)))))
                .containsExactly(client(
                        "containerDefinitions[1].portMappings[0].hostPort",
                        "TCP host port '8080' is mapped multiple times in task."));
        assertThat(validate(ec2(container("dns").addPortMappings(udp(53, 53), udp(5353, 53)))))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[1].hostPort",
                        "UDP host port '53' is mapped multiple times in task."));
    }

    @Test
    void dynamicHostPortsAndOneNumberForTcpAndUdpAreFine() {
        // The same container port for TCP and UDP is accepted on registration (DG PR #128).
        assertThat(validate(ec2(container("dns").addPortMappings(port(53, 53), udp(53, 53), port(80), port(80, 0)))))
                .isEmpty();
    }

    @Test
    void inAwsvpcModeTwoContainersCannotListenOnOnePort() {
        assertThat(validate(fargate(
                        container("web").addPortMappings(port(8080)),
                        container("api").addPortMappings(port(8080)))))
                .containsExactly(client(
                        "containerDefinitions[1].portMappings[0].hostPort",
                        "TCP host port '8080' is mapped multiple times in task."));
    }

    @Test
    void containerPortRangesWorkInBridgeAndAwsvpcMode() {
        assertThat(validate(ec2(container("media").addPortMappings(range("10000-10100"), port(80)))))
                .isEmpty();
        assertThat(validate(fargate(container("media").addPortMappings(range("10000-10100")))))
                .isEmpty();
        assertThat(validate(ec2(container("media").addPortMappings(range("10000-10100")))
                        .networkMode(NetworkMode.HOST)))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[0].containerPortRange",
                        "Container port ranges are not supported when networkMode=host."));
        // Windows' default mode (no networkMode) is its own bridge: ranges are taken there
        // (docs/task-definitions.md#port-ranges)
        RuntimePlatform windows = RuntimePlatform.builder()
                .operatingSystemFamily(OSFamily.WINDOWS_SERVER_2022_CORE)
                .build();
        assertThat(validate(ec2(container("media").addPortMappings(range("10000-10100")))
                        .runtimePlatform(windows)))
                .isEmpty();
    }

    @Test
    void aRangeIsFirstDashLastWithFirstBelowLast() {
        String message =
                "Invalid 'containerPortRange' setting for container 'media'. Specify 'first-last' with 1 <= first < last <= 65535.";
        for (String bad : List.of("10100-10000", "10000-10000", "0-10", "1-65536", "abc", "10000", "-5", "1-2-3")) {
            assertThat(validate(ec2(container("media").addPortMappings(range(bad)))))
                    .as(bad)
                    .containsExactly(client("containerDefinitions[0].portMappings[0].containerPortRange", message));
        }
        assertThat(validate(ec2(container("media").addPortMappings(range("1-65535")))))
                .isEmpty();
    }

    @Test
    void aRangeComesWithoutContainerPortAndHostPort() {
        PortMapping both = PortMapping.builder()
                .containerPort(10000)
                .containerPortRange("10000-10100")
                .build();
        assertThat(validate(ec2(container("media").addPortMappings(both))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].portMappings[0].containerPortRange",
                                "Specify either 'containerPort' or 'containerPortRange' in a port mapping of container 'media', not both."));
        PortMapping withHost = PortMapping.builder()
                .hostPort(10000)
                .containerPortRange("10000-10100")
                .build();
        assertThat(validate(ec2(container("media").addPortMappings(withHost))))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[0].hostPort",
                        "The 'hostPort' setting can't be specified with 'containerPortRange' for container 'media'."));
        // hostPort 0 means "no host port" (a dynamic one), so it may come with a range
        PortMapping dynamicHost = PortMapping.builder()
                .hostPort(0)
                .containerPortRange("10000-10100")
                .build();
        assertThat(validate(ec2(container("media").addPortMappings(dynamicHost))))
                .isEmpty();
    }

    @Test
    void aPortIsInOneMappingOfAContainerWhereARangeTakesPart() {
        assertThat(validate(ec2(container("media").addPortMappings(range("10000-10100"), range("10050-10200")))))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[1].containerPortRange",
                        "Container port 10050 is used in more than one port mapping for container media"));
        assertThat(validate(ec2(container("media").addPortMappings(range("10000-10100"), port(10100)))))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings[1].containerPort",
                        "Container port 10100 is used in more than one port mapping for container media"));
        // a mapping overlaps the furthest-reaching earlier one, not only its neighbour: 10150 lies in the
        // second range, past the end of the first
        assertThat(validate(ec2(
                        container("media").addPortMappings(range("10000-10100"), range("10050-10200"), port(10150)))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].portMappings[1].containerPortRange",
                                "Container port 10050 is used in more than one port mapping for container media"),
                        client(
                                "containerDefinitions[0].portMappings[2].containerPort",
                                "Container port 10150 is used in more than one port mapping for container media"));
        // a short range inside a long one does not shorten the reach of the long one
        assertThat(validate(ec2(
                        container("media").addPortMappings(range("10000-10300"), range("10050-10100"), port(10200)))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].portMappings[1].containerPortRange",
                                "Container port 10050 is used in more than one port mapping for container media"),
                        client(
                                "containerDefinitions[0].portMappings[2].containerPort",
                                "Container port 10200 is used in more than one port mapping for container media"));
        assertThat(validate(ec2(
                        container("media").addPortMappings(range("10000-10100"), range("10101-10200"), port(10201)))))
                .isEmpty();
        // the same numbers for UDP are another port
        assertThat(validate(ec2(container("media")
                        .addPortMappings(
                                range("10000-10100"),
                                PortMapping.builder()
                                        .containerPortRange("10000-10100")
                                        .protocol(TransportProtocol.UDP)
                                        .build()))))
                .isEmpty();
    }

    @Test
    void aContainerHasAtMost100Ranges() {
        List<PortMapping> ranges = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ranges.add(range((10000 + i * 10) + "-" + (10000 + i * 10 + 5)));
        }
        assertThat(validate(ec2(container("media").portMappings(ranges)))).isEmpty();
        ranges.add(range("20000-20005"));
        assertThat(validate(ec2(container("media").portMappings(ranges))))
                .containsExactly(client(
                        "containerDefinitions[0].portMappings",
                        "Too many port ranges for container 'media'. The maximum is 100."));
    }
}
