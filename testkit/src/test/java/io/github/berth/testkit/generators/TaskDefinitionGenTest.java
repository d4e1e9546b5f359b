package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.core.model.Volume;
import io.github.berth.testkit.property.Property;
import io.github.berth.testkit.property.PropertyFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The task definition generators keep the rules of docs/task-definitions.md they promise. These checks are
 * written from the docs independently of the generator (the validator's own property is in
 * {@code TaskDefinitionValidationPropertyTest}).
 */
class TaskDefinitionGenTest {

    /** The Fargate table of docs/task-definitions.md#fargate-sizes, written out again: cpu to its memory values. */
    static final Map<Integer, Set<Integer>> FARGATE = Map.of(
            256, Set.of(512, 1024, 2048),
            512, Set.of(1024, 2048, 3072, 4096),
            1024, range(2048, 8192, 1024),
            2048, range(4096, 16384, 1024),
            4096, range(8192, 30720, 1024),
            8192, range(16384, 61440, 4096),
            16384, range(32768, 122880, 8192));

    static Set<Integer> range(int from, int to, int step) {
        Set<Integer> s = new HashSet<>();
        for (int m = from; m <= to; m += step) {
            s.add(m);
        }
        return s;
    }

    private static final Pattern AMOUNT =
            Pattern.compile("^\\s*(\\d+|\\d*\\.\\d+)\\s*(vcpu|gb)?\\s*$", Pattern.CASE_INSENSITIVE);

    /** CPU units or MiB from the forms ECS accepts (docs/task-definitions.md#task-cpu-and-memory). */
    static int amount(String text) {
        Matcher m = AMOUNT.matcher(text);
        assertThat(m.matches()).as("a cpu or memory value: '%s'", text).isTrue();
        BigDecimal v = new BigDecimal(m.group(1));
        return m.group(2) == null
                ? v.intValueExact()
                : v.multiply(BigDecimal.valueOf(1024)).intValueExact();
    }

    static boolean windows(RegisterTaskDefinitionRequest td) {
        return td.runtimePlatform() != null
                && td.runtimePlatform().operatingSystemFamily() != null
                && !td.runtimePlatform().operatingSystemFamily().equals(OSFamily.LINUX);
    }

    /** The launch types a definition is judged for: those it requires, or EC2 when it names none (docs/task-definitions.md#compatibilities). */
    static List<Compatibility> compat(RegisterTaskDefinitionRequest td) {
        return td.requiresCompatibilities() == null ? List.of(Compatibility.EC2) : td.requiresCompatibilities();
    }

    static List<ContainerDefinition> containers(RegisterTaskDefinitionRequest td) {
        return td.containerDefinitions();
    }

    @Test
    void fargateDefinitionsAreAwsvpcWithASizeFromTheTable() {
        Property.forAll(EcsGen.fargateTaskDefinitions()).tries(300).check(td -> {
            assertThat(compat(td)).contains(Compatibility.FARGATE);
            assertThat(td.networkMode()).isEqualTo(NetworkMode.AWSVPC);
            int cpu = amount(td.cpu());
            int memory = amount(td.memory());
            assertThat(FARGATE).containsKey(cpu);
            assertThat(FARGATE.get(cpu)).contains(memory);
            if (windows(td)) {
                assertThat(cpu).isIn(1024, 2048, 4096);
                assertThat(td.runtimePlatform().cpuArchitecture().value()).isEqualTo("X86_64");
            }
            if (td.executionRoleArn() != null) {
                assertThat(td.executionRoleArn()).startsWith("arn:aws:iam::");
            }
        });
    }

    /**
     * The valid space real files cover: Fargate definitions without an execution role (no awslogs, no
     * secrets, no private ECR image), and EC2 definitions without requiresCompatibilities, each come up
     * often enough for a property about adding awslogs or a secret to meet them.
     */
    @Test
    void fargateWithoutAnExecutionRoleAndEc2WithoutRequiresCompatibilitiesComeUp() {
        int withoutRole = 0;
        for (RegisterTaskDefinitionRequest td : EcsGen.fargateTaskDefinitions().samples(7, 1000)) {
            if (td.executionRoleArn() == null) {
                withoutRole++;
                for (ContainerDefinition c : containers(td)) {
                    assertThat(c.secrets()).isNull();
                    assertThat(c.image()).doesNotContain(".dkr.ecr.");
                    if (c.logConfiguration() != null) {
                        assertThat(c.logConfiguration().logDriver()).isNotEqualTo(LogDriver.AWSLOGS);
                    }
                }
            }
        }
        assertThat(withoutRole).isGreaterThan(50);
        long withoutCompatibilities = EcsGen.ec2TaskDefinitions().samples(8, 1000).stream()
                .filter(td -> td.requiresCompatibilities() == null)
                .count();
        assertThat(withoutCompatibilities).isGreaterThan(100);
    }

    @Test
    void everyFargateSizeLinuxAndWindowsIsGenerated() {
        Set<String> seen = new HashSet<>();
        for (RegisterTaskDefinitionRequest td : EcsGen.fargateTaskDefinitions().samples(1, 3000)) {
            seen.add((windows(td) ? "windows " : "linux ") + amount(td.cpu()) + "/" + amount(td.memory()));
        }
        Set<String> expected = new HashSet<>();
        FARGATE.forEach((cpu, memories) -> memories.forEach(m -> {
            expected.add("linux " + cpu + "/" + m);
            if (cpu >= 1024 && cpu <= 4096) {
                expected.add("windows " + cpu + "/" + m);
            }
        }));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyNetworkModeIsGeneratedWhereItsLaunchTypeAllowsIt() {
        Set<String> seen = new HashSet<>();
        for (RegisterTaskDefinitionRequest td : EcsGen.taskDefinitions().samples(2, 3000)) {
            String launchType = compat(td).get(0).value();
            String mode =
                    td.networkMode() == null ? "(omitted)" : td.networkMode().value();
            seen.add(launchType + (windows(td) ? " windows " : " linux ") + mode);
        }
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "EC2 linux (omitted)",
                        "EC2 linux bridge",
                        "EC2 linux host",
                        "EC2 linux awsvpc",
                        "EC2 linux none",
                        "EC2 windows (omitted)",
                        "EC2 windows awsvpc",
                        "FARGATE linux awsvpc",
                        "FARGATE windows awsvpc",
                        "EXTERNAL linux (omitted)",
                        "EXTERNAL linux bridge",
                        "EXTERNAL linux host",
                        "EXTERNAL linux none");
    }

    @Test
    void containersAreOneToTenWithUniqueValidNamesAndAnEssentialOne() {
        Property.forAll(EcsGen.taskDefinitions()).tries(300).check(td -> {
            assertThat(td.family()).matches("[a-zA-Z0-9_-]{1,255}");
            assertThat(containers(td)).hasSizeBetween(1, 10);
            List<String> names =
                    containers(td).stream().map(ContainerDefinition::name).toList();
            assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-zA-Z0-9_-]{1,255}"));
            assertThat(containers(td))
                    .allMatch(c -> c.image() != null && !c.image().isEmpty());
            assertThat(containers(td)).anyMatch(c -> c.essential() == null || c.essential());
        });
    }

    @Test
    void containerMemoryAndCpuFitTheTask() {
        Property.forAll(EcsGen.taskDefinitions()).tries(300).check(td -> {
            Integer taskMemory = td.memory() == null ? null : amount(td.memory());
            Integer taskCpu = td.cpu() == null ? null : amount(td.cpu());
            int reservations = 0;
            int cpus = 0;
            for (ContainerDefinition c : containers(td)) {
                if (taskMemory == null) {
                    assertThat(c.memory() != null || c.memoryReservation() != null)
                            .as("memory or memoryReservation")
                            .isTrue();
                } else if (c.memory() != null) {
                    assertThat(c.memory()).isLessThanOrEqualTo(taskMemory);
                }
                if (c.memory() != null && c.memoryReservation() != null) {
                    assertThat(c.memory()).isGreaterThanOrEqualTo(c.memoryReservation());
                }
                if (windows(td)) {
                    assertThat(c.memoryReservation()).isNull();
                }
                reservations += c.memoryReservation() == null ? 0 : c.memoryReservation();
                cpus += c.cpu() == null ? 0 : c.cpu();
            }
            if (taskMemory != null) {
                assertThat(reservations).isLessThanOrEqualTo(taskMemory);
            }
            if (taskCpu != null) {
                assertThat(cpus).isLessThanOrEqualTo(taskCpu);
                if (!compat(td).contains(Compatibility.FARGATE)) {
                    assertThat(taskCpu).isBetween(128, 10240);
                }
            }
        });
    }

    @Test
    void portMappingsFollowTheNetworkMode() {
        Property.forAll(EcsGen.taskDefinitions()).tries(400).check(td -> {
            NetworkMode mode = td.networkMode();
            Set<Integer> containerPorts = new HashSet<>();
            Set<Integer> hostPorts = new HashSet<>();
            for (ContainerDefinition c : containers(td)) {
                List<PortMapping> ports = c.portMappings() == null ? List.of() : c.portMappings();
                if (NetworkMode.NONE.equals(mode)) {
                    assertThat(ports).isEmpty();
                }
                for (PortMapping m : ports) {
                    if (m.containerPortRange() != null) {
                        // Bridge (or Windows' default mode) or awsvpc; Linux and Windows
                        // (docs/task-definitions.md#port-ranges).
                        assertThat(mode == null || mode.equals(NetworkMode.BRIDGE) || mode.equals(NetworkMode.AWSVPC))
                                .isTrue();
                        assertThat(m.containerPort()).isNull();
                        assertThat(m.hostPort()).isNull();
                        String[] ends = m.containerPortRange().split("-");
                        int first = Integer.parseInt(ends[0]);
                        int last = Integer.parseInt(ends[1]);
                        assertThat(first).isLessThan(last);
                        for (int p = first; p <= last; p++) {
                            assertThat(containerPorts.add(p))
                                    .as("port %d used once", p)
                                    .isTrue();
                        }
                        continue;
                    }
                    assertThat(m.containerPort()).isBetween(1, 65535).isNotIn(22, 2375, 2376, 51678, 51679, 51680);
                    assertThat(containerPorts.add(m.containerPort()))
                            .as("container port %d used once (any protocol)", m.containerPort())
                            .isTrue();
                    if (NetworkMode.AWSVPC.equals(mode) || NetworkMode.HOST.equals(mode)) {
                        assertThat(m.hostPort() == null || m.hostPort().equals(m.containerPort()))
                                .isTrue();
                    } else if (m.hostPort() != null && m.hostPort() != 0) {
                        assertThat(hostPorts.add(m.hostPort()))
                                .as("host port %d used once", m.hostPort())
                                .isTrue();
                    }
                }
            }
        });
    }

    @Test
    void dependenciesPointAtEarlierContainersWithAllowedConditions() {
        Property.forAll(EcsGen.taskDefinitions()).tries(300).check(td -> {
            List<ContainerDefinition> cs = containers(td);
            for (int i = 0; i < cs.size(); i++) {
                for (ContainerDependency dep : cs.get(i).dependsOn() == null
                        ? List.<ContainerDependency>of()
                        : cs.get(i).dependsOn()) {
                    int target =
                            cs.stream().map(ContainerDefinition::name).toList().indexOf(dep.containerName());
                    assertThat(target).as("dependency on an earlier container").isBetween(0, i - 1);
                    ContainerDefinition t = cs.get(target);
                    if (dep.condition().equals(ContainerCondition.SUCCESS)
                            || dep.condition().equals(ContainerCondition.COMPLETE)) {
                        assertThat(t.essential())
                                .as("SUCCESS/COMPLETE only on a non-essential container")
                                .isFalse();
                    }
                    if (dep.condition().equals(ContainerCondition.HEALTHY)) {
                        assertThat(t.healthCheck()).isNotNull();
                    }
                }
            }
        });
    }

    @Test
    void volumesAndMountPointsMatchAndSuitTheLaunchType() {
        Property.forAll(EcsGen.taskDefinitions()).tries(300).check(td -> {
            Set<String> volumes = new HashSet<>();
            boolean fargate = compat(td).contains(Compatibility.FARGATE);
            for (Volume v : td.volumes() == null ? List.<Volume>of() : td.volumes()) {
                assertThat(volumes.add(v.name())).isTrue();
                if (fargate) {
                    assertThat(v.host()).isNull();
                    assertThat(v.dockerVolumeConfiguration()).isNull();
                }
                if (compat(td).contains(Compatibility.EXTERNAL) || windows(td)) {
                    assertThat(v.efsVolumeConfiguration()).isNull();
                }
            }
            for (ContainerDefinition c : containers(td)) {
                if (c.mountPoints() != null) {
                    assertThat(c.mountPoints()).allMatch(m -> volumes.contains(m.sourceVolume()));
                }
            }
        });
    }

    @Test
    void platformSpecificParametersStayOnTheirPlatforms() {
        Property.forAll(EcsGen.taskDefinitions()).tries(400).check(td -> {
            boolean fargate = compat(td).contains(Compatibility.FARGATE);
            for (ContainerDefinition c : containers(td)) {
                boolean gpu = c.resourceRequirements() != null
                        && c.resourceRequirements().stream()
                                .anyMatch(r -> r.type().equals(ResourceType.GPU));
                if (gpu) {
                    assertThat(compat(td)).containsExactly(Compatibility.EC2);
                    assertThat(windows(td)).isFalse();
                }
                if (fargate) {
                    assertThat(c.privileged()).isNull();
                    assertThat(c.links()).isNull();
                    if (c.logConfiguration() != null) {
                        assertThat(c.logConfiguration().logDriver()).isIn(LogDriver.AWSLOGS, LogDriver.SPLUNK);
                    }
                }
                if (NetworkMode.AWSVPC.equals(td.networkMode())) {
                    assertThat(c.hostname()).isNull();
                    assertThat(c.links()).isNull();
                }
                if (c.secrets() != null && !c.secrets().isEmpty()) {
                    assertThat(td.executionRoleArn()).isNotNull();
                }
            }
            if (fargate) {
                assertThat(td.pidMode()).isNull();
                assertThat(td.ipcMode()).isNull();
            }
            if (td.ephemeralStorage() != null) {
                assertThat(fargate && !windows(td)).isTrue();
                assertThat(td.ephemeralStorage().sizeInGiB()).isBetween(21, 200);
            }
        });
    }

    @Test
    void everyFeatureTheIssueNamesComesUp() {
        Set<String> seen = new HashSet<>();
        for (RegisterTaskDefinitionRequest td : EcsGen.taskDefinitions().samples(3, 2000)) {
            if (containers(td).size() == 10) {
                seen.add("10 containers");
            }
            if (td.cpu() != null && !td.cpu().matches("\\d+")) {
                seen.add("cpu in vCPU");
            }
            if (td.memory() != null && td.memory().toLowerCase(Locale.ROOT).contains("gb")) {
                seen.add("memory in GB");
            }
            for (ContainerDefinition c : containers(td)) {
                for (PortMapping m : c.portMappings() == null ? List.<PortMapping>of() : c.portMappings()) {
                    seen.add(
                            m.containerPortRange() != null
                                    ? "port range"
                                    : m.hostPort() == null || m.hostPort() == 0
                                            ? "dynamic or omitted host port"
                                            : "static host port");
                    if (TransportProtocol.UDP.equals(m.protocol())) {
                        seen.add("udp");
                    }
                }
                addIf(seen, c.healthCheck() != null, "health check");
                addIf(seen, c.secrets() != null, "secrets");
                addIf(seen, c.environment() != null, "environment");
                addIf(seen, c.logConfiguration() != null, "log configuration");
                addIf(seen, c.mountPoints() != null, "mount points");
                addIf(seen, c.dependsOn() != null, "dependsOn");
                addIf(seen, c.resourceRequirements() != null, "GPU");
                addIf(seen, c.links() != null, "links");
            }
            addIf(
                    seen,
                    td.volumes() != null && td.volumes().stream().anyMatch(v -> v.efsVolumeConfiguration() != null),
                    "EFS volume");
            addIf(
                    seen,
                    td.volumes() != null && td.volumes().stream().anyMatch(v -> v.dockerVolumeConfiguration() != null),
                    "Docker volume");
            addIf(seen, td.volumes() != null && td.volumes().stream().anyMatch(v -> v.host() != null), "host volume");
            addIf(seen, td.family().length() == 255, "255-character family");
        }
        assertThat(seen)
                .containsExactlyInAnyOrder(
                        "10 containers",
                        "cpu in vCPU",
                        "memory in GB",
                        "port range",
                        "dynamic or omitted host port",
                        "static host port",
                        "udp",
                        "health check",
                        "secrets",
                        "environment",
                        "log configuration",
                        "mount points",
                        "dependsOn",
                        "GPU",
                        "links",
                        "EFS volume",
                        "Docker volume",
                        "host volume",
                        "255-character family");
    }

    /**
     * Coverage per platform, measured over many samples: every feature the generator promises comes up on
     * every launch type and operating system that allows it (docs/task-definitions.md: ports, GPUs, containers, cpu and memory, network modes), and the
     * platform-wide choices (architectures, OS families, network modes, log drivers, volume kinds,
     * dependency conditions, GPU counts) all come up where they are allowed. Written from the
     * docs, not from the generator: a feature the generator leaves out on a platform that allows
     * it fails here.
     */
    @Test
    void everyFeatureComesUpOnEveryPlatformThatAllowsIt() {
        Map<String, Set<String>> seen = new java.util.TreeMap<>();
        List<RegisterTaskDefinitionRequest> sample = new ArrayList<>();
        sample.addAll(EcsGen.ec2TaskDefinitions().samples(31, 3000));
        sample.addAll(EcsGen.fargateTaskDefinitions().samples(32, 2500));
        sample.addAll(EcsGen.externalTaskDefinitions().samples(33, 1500));
        for (RegisterTaskDefinitionRequest td : sample) {
            String platform = compat(td).get(0).value() + (windows(td) ? " windows" : " linux");
            Set<String> f = seen.computeIfAbsent(platform, k -> new HashSet<>());
            f.add("mode "
                    + (td.networkMode() == null ? "(omitted)" : td.networkMode().value()));
            if (td.runtimePlatform() != null) {
                f.add("os " + td.runtimePlatform().operatingSystemFamily().value());
                if (td.runtimePlatform().cpuArchitecture() != null) {
                    f.add("arch " + td.runtimePlatform().cpuArchitecture().value());
                }
            }
            addIf(f, compat(td).size() > 1, "also EC2");
            addIf(f, td.memory() == null, "no task memory");
            addIf(f, td.ephemeralStorage() != null, "ephemeral storage");
            addIf(f, td.pidMode() != null, "pidMode");
            addIf(f, td.ipcMode() != null, "ipcMode");
            for (Volume v : td.volumes() == null ? List.<Volume>of() : td.volumes()) {
                f.add("volume "
                        + (v.efsVolumeConfiguration() != null
                                ? "efs"
                                : v.dockerVolumeConfiguration() != null
                                        ? "docker"
                                        : v.host() != null ? "host" : "task"));
            }
            int taskGpus = 0;
            for (ContainerDefinition c : containers(td)) {
                for (PortMapping m : c.portMappings() == null ? List.<PortMapping>of() : c.portMappings()) {
                    boolean udp = TransportProtocol.UDP.equals(m.protocol());
                    String kind = m.containerPortRange() != null
                            ? "port range"
                            : m.hostPort() == null
                                    ? "host port omitted"
                                    : m.hostPort() == 0
                                            ? "host port 0"
                                            : m.hostPort().equals(m.containerPort())
                                                    ? "host port = container port"
                                                    : "static host port";
                    f.add(kind);
                    f.add(kind + (udp ? " udp" : " tcp"));
                }
                addIf(f, c.healthCheck() != null, "health check");
                addIf(f, c.secrets() != null, "secrets");
                addIf(f, c.environment() != null, "environment");
                addIf(f, c.mountPoints() != null, "mount points");
                addIf(f, c.links() != null, "links");
                addIf(f, c.memoryReservation() != null, "memoryReservation");
                if (c.logConfiguration() != null) {
                    f.add("log " + c.logConfiguration().logDriver().value());
                }
                for (ContainerDependency dep : c.dependsOn() == null ? List.<ContainerDependency>of() : c.dependsOn()) {
                    f.add("dependsOn " + dep.condition().value());
                }
                for (var r : c.resourceRequirements() == null
                        ? List.<io.github.berth.core.model.ResourceRequirement>of()
                        : c.resourceRequirements()) {
                    f.add("GPU " + r.value() + " in a container");
                    taskGpus += Integer.parseInt(r.value());
                }
            }
            addIf(f, taskGpus == 4, "GPU 4 in a task");
        }
        Set<String> everywhere = Set.of(
                "health check",
                "secrets",
                "environment",
                "mount points",
                "dependsOn START",
                "dependsOn HEALTHY",
                "dependsOn COMPLETE",
                "dependsOn SUCCESS",
                "port range",
                "port range tcp",
                "port range udp",
                "host port omitted udp",
                "host port omitted tcp");
        Set<String> bridgeLike =
                Set.of("host port 0", "static host port", "static host port udp", "static host port tcp");
        Set<String> awsvpcOrHost = Set.of("host port = container port", "host port = container port udp");
        Set<String> allLinuxLogs = Set.of(
                "log awslogs", "log json-file", "log syslog", "log journald", "log gelf", "log fluentd", "log splunk");
        Set<String> windowsFamilies = Set.of(
                "os WINDOWS_SERVER_2019_CORE",
                "os WINDOWS_SERVER_2019_FULL",
                "os WINDOWS_SERVER_2022_CORE",
                "os WINDOWS_SERVER_2022_FULL");
        Map<String, Set<String>> expected = Map.of(
                "EC2 linux",
                        union(
                                everywhere,
                                bridgeLike,
                                awsvpcOrHost,
                                allLinuxLogs,
                                Set.of(
                                        "mode (omitted)",
                                        "mode bridge",
                                        "mode host",
                                        "mode awsvpc",
                                        "mode none",
                                        "os LINUX",
                                        "arch X86_64",
                                        "arch ARM64",
                                        "no task memory",
                                        "memoryReservation",
                                        "links",
                                        "pidMode",
                                        "ipcMode",
                                        "volume host",
                                        "volume task",
                                        "volume docker",
                                        "volume efs",
                                        "GPU 1 in a container",
                                        "GPU 2 in a container",
                                        "GPU 4 in a task")),
                "EC2 windows",
                        union(
                                everywhere,
                                bridgeLike,
                                awsvpcOrHost,
                                windowsFamilies,
                                Set.of(
                                        "mode (omitted)",
                                        "mode awsvpc",
                                        "arch X86_64",
                                        "no task memory",
                                        "log awslogs",
                                        "log json-file",
                                        "volume host")),
                "FARGATE linux",
                        union(
                                everywhere,
                                awsvpcOrHost,
                                Set.of(
                                        "mode awsvpc",
                                        "os LINUX",
                                        "arch X86_64",
                                        "arch ARM64",
                                        "also EC2",
                                        "memoryReservation",
                                        "ephemeral storage",
                                        "log awslogs",
                                        "log splunk",
                                        "volume task",
                                        "volume efs")),
                "FARGATE windows",
                        union(
                                everywhere,
                                awsvpcOrHost,
                                windowsFamilies,
                                Set.of("mode awsvpc", "arch X86_64", "log awslogs", "log splunk", "volume task")),
                "EXTERNAL linux",
                        union(
                                everywhere,
                                bridgeLike,
                                awsvpcOrHost,
                                allLinuxLogs,
                                Set.of(
                                        "mode (omitted)",
                                        "mode bridge",
                                        "mode host",
                                        "mode none",
                                        "os LINUX",
                                        "arch X86_64",
                                        "arch ARM64",
                                        "no task memory",
                                        "memoryReservation",
                                        "links",
                                        "volume host",
                                        "volume task",
                                        "volume docker")));
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((platform, features) -> assertThat(seen.get(platform))
                .as("features of %s task definitions", platform)
                .containsAll(features));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> out = new HashSet<>();
        for (Set<String> s : sets) {
            out.addAll(s);
        }
        return out;
    }

    private static void addIf(Set<String> seen, boolean condition, String feature) {
        if (condition) {
            seen.add(feature);
        }
    }

    @Test
    void generatedTaskDefinitionsRoundTripThroughStrictJson() {
        Property.forAll(EcsGen.taskDefinitions())
                .tries(100)
                .check(td -> assertThat(
                                EcsJson.strict().read(EcsJson.strict().write(td), RegisterTaskDefinitionRequest.class))
                        .isEqualTo(td));
    }

    @Test
    void aFailingTaskDefinitionPropertyShrinksToTheSmallestDefinitionThatBreaksIt() {
        PropertyFailure f = catchThrowableOfType(
                PropertyFailure.class,
                () -> Property.forAll(EcsGen.ec2TaskDefinitions())
                        .seed(7)
                        .check(td -> assertThat(td.containerDefinitions()).hasSizeLessThan(3)));
        RegisterTaskDefinitionRequest shrunk =
                (RegisterTaskDefinitionRequest) f.shrunk().get(0);
        assertThat(shrunk.containerDefinitions()).hasSize(3);
        // Everything optional has shrunk away: three bare containers on the simplest platform.
        assertThat(shrunk.networkMode()).isNull();
        assertThat(shrunk.volumes()).isNull();
        assertThat(shrunk.cpu()).isNull();
        assertThat(shrunk.tags()).isNull();
        for (ContainerDefinition c : shrunk.containerDefinitions()) {
            assertThat(c.portMappings()).isNull();
            assertThat(c.healthCheck()).isNull();
            assertThat(c.environment()).isNull();
            assertThat(c.secrets()).isNull();
            assertThat(c.logConfiguration()).isNull();
        }
        assertThat(shrunk.containerDefinitions().stream()
                        .map(ContainerDefinition::name)
                        .collect(Collectors.toList()))
                .containsExactly("app", "app-2", "app-3");
        assertThat(f.getMessage()).contains("\"family\" : \"web\"", "\"containerDefinitions\"");
    }

    @Test
    void aPortMappingPropertyShrinksToOneContainerWithTwoMappings() {
        // The property the benchmark shrinks (GeneratorBenchmark.shrinkFailingTaskDefinitionProperty).
        PropertyFailure f = catchThrowableOfType(
                PropertyFailure.class,
                () -> Property.forAll(EcsGen.fargateTaskDefinitions())
                        .seed(42)
                        .check(td -> assertThat(td.containerDefinitions())
                                .allMatch(c -> c.portMappings() == null
                                        || c.portMappings().size() <= 1)));
        RegisterTaskDefinitionRequest shrunk =
                (RegisterTaskDefinitionRequest) f.shrunk().get(0);
        assertThat(shrunk.containerDefinitions()).singleElement().satisfies(c -> {
            assertThat(c.portMappings()).hasSize(2);
            assertThat(c.portMappings()).allSatisfy(m -> {
                assertThat(m.hostPort()).isNull();
                assertThat(m.protocol()).isNull();
                assertThat(m.name()).isNull();
            });
        });
        // The smallest Fargate size of its operating system.
        assertThat(shrunk.cpu() + "/" + shrunk.memory()).isEqualTo(windows(shrunk) ? "1024/2048" : "256/512");
    }

    @Test
    void managedInstancesHaveNoGeneratorYet() {
        assertThatThrownBy(() -> EcsGen.taskDefinitions(Compatibility.MANAGED_INSTANCES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MANAGED_INSTANCES");
    }

    @Test
    void theSameSeedGivesTheSameTaskDefinitions() {
        List<RegisterTaskDefinitionRequest> a = EcsGen.taskDefinitions().samples(11, 50);
        List<RegisterTaskDefinitionRequest> b =
                new ArrayList<>(EcsGen.taskDefinitions().samples(11, 50));
        assertThat(b).isEqualTo(a);
        assertThat(EcsGen.taskDefinitions().samples(12, 50)).isNotEqualTo(a);
    }
}
