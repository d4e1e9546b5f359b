package io.github.berth.testkit.generators;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.CPUArchitecture;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.DockerVolumeConfiguration;
import io.github.berth.core.model.EFSTransitEncryption;
import io.github.berth.core.model.EFSVolumeConfiguration;
import io.github.berth.core.model.EphemeralStorage;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.HostVolumeProperties;
import io.github.berth.core.model.IpcMode;
import io.github.berth.core.model.KeyValuePair;
import io.github.berth.core.model.LinuxParameters;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.MountPoint;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.PidMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.ResourceRequirement;
import io.github.berth.core.model.ResourceType;
import io.github.berth.core.model.RuntimePlatform;
import io.github.berth.core.model.Scope;
import io.github.berth.core.model.Secret;
import io.github.berth.core.model.Tag;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.core.model.Ulimit;
import io.github.berth.core.model.UlimitName;
import io.github.berth.core.model.Volume;
import io.github.berth.testkit.property.Draw;
import io.github.berth.testkit.property.Gen;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Valid RegisterTaskDefinition requests for one launch type, following the rules of
 * docs/task-definitions.md (and docs/task-definitions.md#port-mappings, docs/task-definitions.md#port-ranges, docs/task-definitions.md#gpus for ports and GPUs). Each rule the generator respects is
 * noted where it is respected. Where AWS leaves a rule open, the generator stays on the
 * side every reading accepts (noted [model]).
 *
 * <p>For shrinking, the generator draws the same choices in the same order whatever the platform
 * and whatever earlier parts came out, and only uses them or not: then a change of one choice (Windows
 * to Linux, awsvpc to bridge, a part dropped) leaves every later choice meaning what it meant.
 */
final class TaskDefinitionGen {

    /** The platform a task definition is made for. */
    record Platform(
            Compatibility launchType,
            boolean windows,
            OSFamily osFamily,
            CPUArchitecture architecture,
            @Nullable NetworkMode networkMode) {

        /** The mode that applies: an omitted mode is bridge on Linux, Docker's default (nat) on Windows (docs/task-definitions.md#network-modes). */
        boolean bridgeLike() {
            return networkMode == null || networkMode.equals(NetworkMode.BRIDGE);
        }

        boolean fargate() {
            return launchType.equals(Compatibility.FARGATE);
        }

        boolean ec2() {
            return launchType.equals(Compatibility.EC2);
        }
    }

    private static final List<OSFamily> WINDOWS_FAMILIES = List.of(
            OSFamily.WINDOWS_SERVER_2019_CORE, OSFamily.WINDOWS_SERVER_2019_FULL,
            OSFamily.WINDOWS_SERVER_2022_CORE, OSFamily.WINDOWS_SERVER_2022_FULL);

    private TaskDefinitionGen() {}

    /**
     * What to generate.
     *
     * @param launchType EC2, FARGATE or EXTERNAL
     * @param windows TRUE or FALSE to fix the operating system, null for either (Windows only where the
     *     launch type supports it: EC2 and Fargate)
     * @param networkMode a network mode to use (one the launch type and system allow), or null to draw one
     * @param taskMemory TRUE or FALSE to have task-level memory or not (EC2 and EXTERNAL on Linux), null to draw
     * @param unitForms whether task cpu and memory may be written in units ({@code "1 vCPU"}, {@code "2 GB"})
     * @param compact sizes for the instances of a cluster (at most 2 GiB and 2 vCPU a task)
     * @param region the region of ARNs and log groups, or null to draw one
     */
    record Options(
            Compatibility launchType,
            @Nullable Boolean windows,
            @Nullable NetworkMode networkMode,
            @Nullable Boolean taskMemory,
            boolean unitForms,
            boolean compact,
            @Nullable String region) {

        static Options of(Compatibility launchType) {
            return new Options(launchType, null, null, null, true, false, null);
        }

        Options windows(@Nullable Boolean w) {
            return new Options(launchType, w, networkMode, taskMemory, unitForms, compact, region);
        }

        Options networkMode(NetworkMode m) {
            return new Options(launchType, windows, m, taskMemory, unitForms, compact, region);
        }

        Options taskMemory(Boolean m) {
            return new Options(launchType, windows, networkMode, m, unitForms, compact, region);
        }

        /** Plain integer cpu and memory only. */
        Options plainUnits() {
            return new Options(launchType, windows, networkMode, taskMemory, false, compact, region);
        }

        Options compactIn(String r) {
            return new Options(launchType, windows, networkMode, taskMemory, false, true, r);
        }
    }

    static Gen<RegisterTaskDefinitionRequest> valid(
            Compatibility launchType, @Nullable Boolean windows, boolean unitForms) {
        Options o = Options.of(launchType).windows(windows);
        return valid(unitForms ? o : o.plainUnits());
    }

    static Gen<RegisterTaskDefinitionRequest> valid(Options o) {
        return Draw.of(d -> new TaskDefinitionGen.Builder(
                        d, platform(d, o), o, o.region() != null ? o.region() : d.pick(Fixtures.REGIONS))
                .build());
    }

    /**
     * EC2 task definitions sized for the instances of a cluster (at most 2 GiB and 2 vCPU a task, as
     * most services are), in {@code region}, with plain integer cpu and memory.
     */
    static Gen<RegisterTaskDefinitionRequest> forCluster(Boolean windows, String region) {
        return valid(Options.of(Compatibility.EC2).windows(windows).compactIn(region));
    }

    static Platform platform(Draw d, Options o) {
        Compatibility launchType = o.launchType();
        boolean windowsPossible = !launchType.equals(Compatibility.EXTERNAL);
        boolean windows = windowsPossible && (o.windows() != null ? o.windows() : d.chance(0.2));
        if (windows) {
            OSFamily family = d.pick(WINDOWS_FAMILIES);
            // Windows: awsvpc on Fargate; on EC2 the default mode (omitted) or awsvpc
            // (docs/task-definitions.md#network-modes).
            NetworkMode mode = launchType.equals(Compatibility.FARGATE)
                    ? NetworkMode.AWSVPC
                    : d.pickNullable(null, NetworkMode.AWSVPC);
            return new Platform(
                    launchType, true, family, CPUArchitecture.X86_64, o.networkMode() != null ? o.networkMode() : mode);
        }
        CPUArchitecture arch = d.chance(0.25) ? CPUArchitecture.ARM64 : CPUArchitecture.X86_64;
        NetworkMode mode;
        if (launchType.equals(Compatibility.FARGATE)) {
            mode = NetworkMode.AWSVPC; // Fargate only supports awsvpc (docs/task-definitions.md#network-modes)
        } else if (launchType.equals(Compatibility.EXTERNAL)) {
            mode = d.pickNullable(
                    null,
                    NetworkMode.BRIDGE,
                    NetworkMode.HOST,
                    NetworkMode.NONE); // no awsvpc on ECS Anywhere (docs/placement.md#which-capacity-uses-placement)
        } else {
            mode = d.pickNullable(null, NetworkMode.BRIDGE, NetworkMode.HOST, NetworkMode.AWSVPC, NetworkMode.NONE);
        }
        return new Platform(launchType, false, OSFamily.LINUX, arch, o.networkMode() != null ? o.networkMode() : mode);
    }

    /** A volume and which containers mount it (bit i: container i) and how. */
    private record VolumeDraft(
            Volume volume, int mountMask, @Nullable Boolean readOnly) {}

    /** The state of one task definition being drawn. */
    private static final class Builder {
        private final Draw d;
        private final Platform p;
        private final boolean unitForms;
        private final boolean compact;
        private final String region;
        private final String family;
        private final @Nullable Integer taskCpu;
        private final @Nullable Integer taskMemory;
        private final BitSet usedContainerPorts = new BitSet(65536);
        private final BitSet usedHostPorts = new BitSet(65536);
        private final Set<String> portNames = new LinkedHashSet<>();
        private final List<ContainerDefinition> containers = new ArrayList<>();
        private final Set<String> containerNames = new LinkedHashSet<>();
        private int cpuLeft;
        private int memoryReservationLeft;
        private int gpusLeft = 4;
        private boolean needsExecutionRole;

        Builder(Draw d, Platform p, Options o, String region) {
            this.d = d;
            this.compact = o.compact();
            this.p = p;
            this.unitForms = o.unitForms();
            this.region = region;
            this.family = name(d, Fixtures.FAMILIES);
            // Fargate needs task cpu and memory from its table (docs/task-definitions.md#task-cpu-and-memory,
            // docs/task-definitions.md#fargate-sizes).
            FargateSizes.Row row = d.pick(p.windows() ? FargateSizes.WINDOWS : FargateSizes.LINUX);
            int fargateMemory = d.pick(row.memory());
            // EC2 and EXTERNAL: optional, within 128-10240 CPU units, the range every reading of
            // docs/task-definitions.md#task-cpu-and-memory accepts.
            Integer cpu = d.maybe(
                    0.5,
                    () -> compact ? d.pick(256, 512, 1024, 128, 2048) : d.pick(256, 512, 1024, 2048, 4096, 128, 10240));
            boolean memoryWanted = d.chance(0.5);
            int memory = compact ? d.pick(512, 1024, 256, 2048) : d.pick(512, 1024, 2048, 3072, 4096, 8192, 16384);
            if (p.fargate()) {
                taskCpu = row.cpu();
                taskMemory = fargateMemory;
            } else if (p.windows()) {
                taskCpu = null; // ignored for Windows containers on EC2 (docs/task-definitions.md#task-cpu-and-memory):
                // leave them out
                taskMemory = null;
            } else {
                taskCpu = cpu;
                taskMemory = (o.taskMemory() != null ? o.taskMemory() : memoryWanted) ? memory : null;
            }
            cpuLeft = taskCpu == null ? Integer.MAX_VALUE : taskCpu;
            memoryReservationLeft = taskMemory == null ? Integer.MAX_VALUE : taskMemory;
        }

        RegisterTaskDefinitionRequest build() {
            // Each volume draws which containers mount it, so that dropping a volume while shrinking
            // takes its mount points along and leaves the containers' own draws as they were.
            List<VolumeDraft> drafts = d.list(
                    0, 3, 0.35, i -> new VolumeDraft(volume(i), d.between(0, 1023), d.pickNullable(null, false, true)));
            List<Volume> volumes = drafts.stream().map(VolumeDraft::volume).toList();
            d.list(1, 10, 0.5, i -> {
                ContainerDefinition c = container(i, drafts);
                containers.add(c);
                return c;
            });
            RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder()
                    .family(family)
                    .containerDefinitions(containers)
                    .networkMode(p.networkMode())
                    .requiresCompatibilities(compatibilities());
            boolean emptyVolumes = d.chance(0.1); // drawn either way, to keep later draws aligned while shrinking
            if (!volumes.isEmpty() || emptyVolumes) {
                b.volumes(volumes);
            }
            if (taskCpu != null) {
                b.cpu(cpuText(taskCpu));
            }
            if (taskMemory != null) {
                b.memory(memoryText(taskMemory));
            }
            // An execution role where ECS requires one (awslogs and ECR images on Fargate, secrets anywhere;
            // docs/task-definitions.md#fargate-restrictions),
            // else sometimes: real Fargate definitions without awslogs, secrets or private images often have none.
            boolean role = d.chance(0.3);
            String roleName = d.pick("ecsTaskExecutionRole", "app-execution-role");
            if (needsExecutionRole || role) {
                b.executionRoleArn(Fixtures.role(roleName));
            }
            b.taskRoleArn(d.maybe(0.4, () -> Fixtures.role(d.pick("app-task-role", family + "-task"))));
            b.runtimePlatform(runtimePlatform());
            EphemeralStorage storage = d.maybe(
                    0.2,
                    () -> EphemeralStorage.builder()
                            .sizeInGiB(d.between(21, 200))
                            .build());
            if (p.fargate() && !p.windows()) {
                b.ephemeralStorage(storage); // 21-200 GiB, Fargate Linux only
            }
            PidMode pid = d.maybe(0.1, () -> d.pick(PidMode.TASK, PidMode.HOST));
            IpcMode ipc = d.maybe(0.1, () -> d.pick(IpcMode.TASK, IpcMode.HOST, IpcMode.NONE));
            if (p.ec2() && !p.windows()) {
                // pidMode and ipcMode: not on Fargate (docs/task-definitions.md#fargate-restrictions) nor Windows.
                // [model] not on EXTERNAL either.
                b.pidMode(pid);
                b.ipcMode(ipc);
            }
            b.tags(d.maybe(0.3, this::tags));
            return b.build();
        }

        private @Nullable List<Compatibility> compatibilities() {
            boolean both = d.chance(0.2);
            boolean omitted = d.chance(0.3);
            if (p.fargate() && !p.windows() && both) {
                return List.of(
                        Compatibility.FARGATE, Compatibility.EC2); // valid for both: awsvpc, a Fargate size, no GPU
            }
            if (p.ec2() && omitted) {
                return null; // optional (API RegisterTaskDefinitionRequest); such a definition is judged for EC2 only
                // (docs/task-definitions.md#compatibilities)
            }
            return List.of(p.launchType());
        }

        private @Nullable RuntimePlatform runtimePlatform() {
            // Windows must say so; ARM64 must say so; x86_64 Linux may (the defaults,
            // docs/task-definitions.md#fargate-sizes).
            boolean explicit = p.windows() || p.architecture().equals(CPUArchitecture.ARM64);
            boolean platform = d.chance(0.3);
            boolean architecture = d.chance(0.5);
            if (explicit || platform) {
                RuntimePlatform.Builder rp = RuntimePlatform.builder().operatingSystemFamily(p.osFamily());
                if (explicit || architecture) {
                    rp.cpuArchitecture(p.architecture());
                }
                return rp.build();
            }
            return null;
        }

        private String cpuText(int units) {
            boolean inUnits = d.chance(0.25);
            boolean leadingZero = d.chance(0.5);
            String suffix = d.pick(" vCPU", " vcpu", "vCPU");
            if (!unitForms || !inUnits) {
                return Integer.toString(units);
            }
            // Unit forms ECS accepts and converts on registration (docs/task-definitions.md#task-cpu-and-memory): "1
            // vCPU", ".25 vcpu".
            String vcpu = units % 1024 == 0
                    ? Integer.toString(units / 1024)
                    : units == 256
                            ? (leadingZero ? "0.25" : ".25")
                            : units == 512 ? (leadingZero ? "0.5" : ".5") : units == 128 ? ".125" : null;
            return vcpu == null ? Integer.toString(units) : vcpu + suffix;
        }

        private String memoryText(int mib) {
            boolean inUnits = d.chance(0.25);
            String suffix = d.pick("GB", " GB", " gb");
            if (!unitForms || mib % 1024 != 0 || !inUnits) {
                return Integer.toString(mib);
            }
            return mib / 1024 + suffix;
        }

        // ---------------------------------------------------------------- volumes

        private Volume volume(int index) {
            String name = d.pick("data", "cache", "logs", "config", "shared", "scratch") + "-" + index;
            int kind = d.between(0, 3);
            boolean shared = d.chance(0.5);
            boolean autoprovision = d.chance(0.5);
            boolean efsOnFargate = d.chance(0.3);
            EFSVolumeConfiguration efs = efs();
            Volume.Builder v = Volume.builder().name(name);
            if (p.fargate()) {
                // Fargate: bind mounts without a source path (host.sourcePath is refused,
                // docs/task-definitions.md#fargate-restrictions); EFS on Linux.
                if (!p.windows() && efsOnFargate) {
                    v.efsVolumeConfiguration(efs);
                }
                return v.build();
            }
            if (p.windows()) {
                return v.host(HostVolumeProperties.builder()
                                .sourcePath("C:\\ecs\\" + name)
                                .build())
                        .build();
            }
            switch (p.ec2() ? kind : kind % 3) { // EFS: not on EXTERNAL
                case 0:
                    return v.host(HostVolumeProperties.builder()
                                    .sourcePath("/ecs/" + name)
                                    .build())
                            .build();
                case 1:
                    return v.build(); // a volume with no configuration: Docker's own, for the task's life
                case 2: {
                    DockerVolumeConfiguration.Builder dv = DockerVolumeConfiguration.builder()
                            .scope(shared ? Scope.SHARED : Scope.TASK)
                            .driver("local");
                    if (shared && autoprovision) {
                        dv.autoprovision(true); // autoprovision only with the shared scope
                    }
                    return v.dockerVolumeConfiguration(dv.build()).build();
                }
                default:
                    return v.efsVolumeConfiguration(efs).build();
            }
        }

        private EFSVolumeConfiguration efs() {
            EFSVolumeConfiguration.Builder e = EFSVolumeConfiguration.builder().fileSystemId("fs-" + d.hex(8));
            e.rootDirectory(d.maybe(0.5, () -> d.pick("/", "/data", "/shared/app")));
            Boolean encrypted = d.maybe(0.5, () -> d.chance(0.7));
            Integer port = d.maybe(0.3, () -> d.between(20049, 20100));
            if (encrypted != null) {
                e.transitEncryption(encrypted ? EFSTransitEncryption.ENABLED : EFSTransitEncryption.DISABLED);
                if (encrypted) {
                    e.transitEncryptionPort(port); // only meaningful with encryption on
                }
            }
            return e.build();
        }

        // ---------------------------------------------------------------- containers

        private ContainerDefinition container(int index, List<VolumeDraft> volumes) {
            String name = uniqueContainerName();
            ContainerDefinition.Builder c =
                    ContainerDefinition.builder().name(name).image(image());
            // The first container is essential (essential defaults to true): at least one must be
            // (docs/task-definitions.md#containers).
            Boolean essential =
                    index == 0 ? d.pickNullable(null, Boolean.TRUE) : d.pickNullable(null, Boolean.TRUE, Boolean.FALSE);
            c.essential(essential);
            memoryAndCpu(c);
            List<PortMapping> ports = p.networkMode() != null && p.networkMode().equals(NetworkMode.NONE)
                    ? List.of() // no port mappings at all with networkMode none
                    // (docs/task-definitions.md#port-mappings)
                    : d.list(0, 3, 0.4, i -> portMapping());
            if (!ports.isEmpty()) {
                c.portMappings(ports);
            }
            HealthCheck health = d.maybe(0.3, this::healthCheck);
            c.healthCheck(health);
            Set<String> variableNames = new LinkedHashSet<>();
            c.environment(d.maybe(
                    0.4,
                    () -> d.list(
                            0,
                            5,
                            0.5,
                            i -> KeyValuePair.builder()
                                    .name(uniqueVariable(variableNames))
                                    .value(d.pick(
                                            "production", "true", "8080", "https://api.example.com/v1", "", "a=b;c=d"))
                                    .build())));
            c.secrets(d.maybe(0.25, () -> {
                needsExecutionRole = true; // secrets are fetched with the execution role
                return d.list(1, 3, 0.3, i -> secret(uniqueVariable(variableNames)));
            }));
            c.logConfiguration(d.maybe(0.4, () -> logConfiguration(name)));
            if (!volumes.isEmpty()) {
                List<MountPoint> mounts = new ArrayList<>();
                for (VolumeDraft v : volumes) {
                    if ((v.mountMask() >> index & 1) == 1) {
                        String volume = v.volume().name();
                        String path = p.windows() ? "C:\\mnt\\" + volume : "/mnt/" + volume;
                        mounts.add(MountPoint.builder()
                                .sourceVolume(volume)
                                .containerPath(path)
                                .readOnly(v.readOnly())
                                .build());
                    }
                }
                if (!mounts.isEmpty()) {
                    c.mountPoints(mounts);
                }
            }
            if (index > 0) {
                // Linux and Windows alike (API ContainerDependency: Fargate Windows platform 1.0.0 or later).
                c.dependsOn(d.maybe(0.3, () -> dependencies(index)));
            }
            // GPUs: EC2 Linux only (not Fargate, not Windows; docs/task-definitions.md#gpus); at most 4 a task.
            Integer gpusWanted = d.maybe(0.1, () -> d.between(1, 2));
            if (gpusWanted != null && p.ec2() && !p.windows() && gpusLeft > 0) {
                int gpus = Math.min(gpusWanted, gpusLeft);
                gpusLeft -= gpus;
                c.resourceRequirements(List.of(ResourceRequirement.builder()
                        .type(ResourceType.GPU)
                        .value(Integer.toString(gpus))
                        .build()));
            }
            extras(c, index);
            return c.build();
        }

        private String uniqueContainerName() {
            String name = name(d, Fixtures.CONTAINER_NAMES);
            String unique = name;
            for (int n = 2; !containerNames.add(unique); n++) {
                unique = suffixed(name, "-" + n);
            }
            return unique;
        }

        private String image() {
            String ecr = d.maybe(
                    0.3,
                    () -> Fixtures.ecrImage(
                            region, d.pick("app", "payments/api", "worker"), d.pick("latest", "1.0.3", "2024-11-30")));
            String other = d.pick(p.windows() ? Fixtures.WINDOWS_IMAGES : Fixtures.LINUX_IMAGES);
            if (p.windows()) {
                return other;
            }
            if (ecr != null) {
                needsExecutionRole |= p.fargate();
                return ecr;
            }
            return other;
        }

        /**
         * Container cpu and memory within the task's (docs/task-definitions.md#container-cpu-and-memory): each container's memory at most the task's,
         * the reservations and the cpu values adding up to at most the task's; without task memory, every
         * container has memory or memoryReservation; memory never below memoryReservation (docs/task-definitions.md#container-cpu-and-memory).
         */
        private void memoryAndCpu(ContainerDefinition.Builder c) {
            boolean reservationAllowed =
                    !p.windows(); // Windows: no memoryReservation (docs/task-definitions.md#container-cpu-and-memory)
            // 0 none, 1 memory, 2 reservation, 3 both (without task memory, at least one of them)
            int kind = d.between(taskMemory != null ? 0 : 1, reservationAllowed ? 3 : 1);
            int ceiling = taskMemory != null ? taskMemory : compact ? 512 : 4096;
            // Both values are drawn whatever is used, so that draws stay aligned while shrinking.
            int share = taskMemory != null
                    ? Math.max(32, Math.min(Math.max(32, memoryReservationLeft), taskMemory / 4))
                    : compact ? 256 : 2048;
            int reservationDrawn = d.between(32, share);
            Integer reservation =
                    (kind == 2 || kind == 3) && reservationDrawn <= memoryReservationLeft ? reservationDrawn : null;
            if (reservation != null) {
                memoryReservationLeft -= reservation;
                c.memoryReservation(reservation);
            }
            // Without task memory a container needs memory when it got no reservation (no budget left).
            boolean memory = kind == 1 || kind == 3 || kind == 2 && reservation == null && taskMemory == null;
            int floor = Math.max(p.windows() ? 256 : 32, reservation == null ? 0 : reservation);
            int memoryDrawn = d.between(floor, Math.max(floor, ceiling));
            if (memory) {
                c.memory(memoryDrawn);
            }
            if (d.chance(0.5)) {
                int max = taskCpu != null ? cpuLeft : compact ? 256 : 2048;
                int cpu = d.between(0, max);
                cpuLeft -= taskCpu != null ? cpu : 0;
                c.cpu(cpu);
            }
        }

        // ---------------------------------------------------------------- ports

        /**
         * One port mapping as the network mode allows (docs/task-definitions.md#port-mappings, docs/task-definitions.md#port-ranges): in awsvpc and host mode the host port
         * is omitted or equals the container port; in bridge mode (and Windows' default mode) it is
         * omitted or 0 (dynamic) or a static port; port ranges only in bridge (or Windows' default) or
         * awsvpc mode, on Linux and Windows.
         * No container port appears twice in a task (so never for two protocols), static host ports
         * and ranges never overlap, and no port is one the agent reserves.
         */
        private PortMapping portMapping() {
            PortMapping.Builder m = PortMapping.builder();
            boolean rangesAllowed = p.bridgeLike() || NetworkMode.AWSVPC.equals(p.networkMode());
            TransportProtocol protocol = d.pickNullable(null, TransportProtocol.TCP, TransportProtocol.UDP);
            m.protocol(protocol);
            boolean range = d.chance(0.15);
            int rangeLength = d.between(1, 20);
            int rangeStart = d.between(10000, 29000);
            boolean common = !d.chance(0.4);
            int commonPort = d.pick(Fixtures.COMMON_PORTS);
            int otherPort = d.between(1024, 9999);
            int bridgeKind = d.between(0, 2);
            int staticHostPort = d.between(1024, 9999);
            boolean hostPortGiven = d.chance(0.5);
            boolean named = d.chance(0.2);
            if (rangesAllowed && range) {
                int first = freeRange(rangeStart, rangeLength);
                m.containerPortRange(first + "-" + (first + rangeLength));
                return m.build();
            }
            int containerPort = freePort(usedContainerPorts, common ? commonPort : otherPort);
            usedContainerPorts.set(containerPort);
            m.containerPort(containerPort);
            if (p.bridgeLike()) {
                switch (bridgeKind) {
                    case 0:
                        break; // omitted: dynamic
                    case 1:
                        m.hostPort(0); // dynamic, said explicitly
                        break;
                    default:
                        int host = freePort(usedHostPorts, staticHostPort);
                        usedHostPorts.set(host);
                        m.hostPort(host);
                }
            } else {
                usedHostPorts.set(containerPort);
                if (hostPortGiven) {
                    m.hostPort(containerPort); // awsvpc and host: equal or omitted
                }
            }
            if (named) {
                String name = "port-" + containerPort; // lower case, digits, '-'; unique in the task
                if (portNames.add(name)) {
                    m.name(name);
                }
            }
            return m.build();
        }

        /** The first port of a free range of {@code length + 1} ports at or after {@code start}. */
        private int freeRange(int start, int length) {
            int first = start;
            while (!rangeFree(first, first + length)) {
                first++;
            }
            usedContainerPorts.set(first, first + length + 1);
            usedHostPorts.set(first, first + length + 1);
            return first;
        }

        private boolean rangeFree(int first, int last) {
            for (int port = first; port <= last; port++) {
                if (usedContainerPorts.get(port) || usedHostPorts.get(port) || Fixtures.RESERVED_PORTS.contains(port)) {
                    return false;
                }
            }
            return true;
        }

        /** {@code wanted} or the next port above it that is free in {@code used} and not reserved. */
        private int freePort(BitSet used, int wanted) {
            int port = wanted;
            while (used.get(port) || Fixtures.RESERVED_PORTS.contains(port)) {
                port++;
            }
            return port;
        }

        // ---------------------------------------------------------------- the rest of a container

        private HealthCheck healthCheck() {
            HealthCheck.Builder h = HealthCheck.builder()
                    .command(d.pick(
                            List.of("CMD-SHELL", "curl -f http://localhost/ || exit 1"),
                            List.of("CMD", "/bin/healthcheck"),
                            List.of("CMD-SHELL", "exit 0"),
                            List.of("CMD", "wget", "-q", "-O-", "http://localhost:8080/health")));
            // Ranges from the API model: interval 5-300, timeout 2-60, retries 1-10, startPeriod 0-300.
            Integer interval = d.maybe(0.5, () -> d.between(5, 300));
            h.interval(interval);
            // [model] the timeout stays below the interval when both are given.
            h.timeout(d.maybe(
                    0.5, () -> d.between(2, Math.min(60, interval == null ? 60 : Math.max(2, interval - 1)))));
            h.retries(d.maybe(0.5, () -> d.between(1, 10)));
            h.startPeriod(d.maybe(0.5, () -> d.between(0, 300)));
            return h.build();
        }

        private String uniqueVariable(Set<String> taken) {
            String base = d.pick(
                    "APP_ENV", "PORT", "LOG_LEVEL", "DATABASE_URL", "API_KEY", "FEATURE_FLAGS", "JAVA_OPTS", "REGION");
            String name = base;
            for (int n = 2; !taken.add(name); n++) {
                name = base + "_" + n;
            }
            return name;
        }

        private Secret secret(String name) {
            boolean ssm = d.chance(0.5);
            String suffix = d.hex(6);
            String valueFrom = ssm
                    ? Fixtures.ssmParameter(region, family + "/" + name.toLowerCase())
                    : Fixtures.secretsManagerSecret(region, family + "-" + name.toLowerCase(), suffix);
            return Secret.builder().name(name).valueFrom(valueFrom).build();
        }

        /** A log driver the platform supports (API model LogConfiguration.logDriver text). */
        private LogConfiguration logConfiguration(String container) {
            List<LogDriver> drivers;
            if (p.fargate()) {
                drivers = List.of(LogDriver.AWSLOGS, LogDriver.SPLUNK);
            } else if (p.windows()) {
                drivers = List.of(LogDriver.AWSLOGS, LogDriver.JSON_FILE);
            } else {
                drivers = List.of(
                        LogDriver.AWSLOGS,
                        LogDriver.JSON_FILE,
                        LogDriver.SYSLOG,
                        LogDriver.JOURNALD,
                        LogDriver.GELF,
                        LogDriver.FLUENTD,
                        LogDriver.SPLUNK);
            }
            LogDriver driver = d.pick(drivers);
            boolean streamPrefix = d.chance(0.7);
            String prefix = d.pick("ecs", container);
            boolean createGroup = d.chance(0.2);
            boolean jsonOptions = d.chance(0.5);
            String maxSize = d.pick("10m", "100m");
            String maxFile = d.pick("3", "5");
            LogConfiguration.Builder l = LogConfiguration.builder().logDriver(driver);
            Map<String, String> options = new LinkedHashMap<>();
            if (driver.equals(LogDriver.AWSLOGS)) {
                needsExecutionRole |= p.fargate();
                options.put("awslogs-group", "/ecs/" + family);
                options.put("awslogs-region", region);
                if (p.fargate() || streamPrefix) {
                    options.put("awslogs-stream-prefix", prefix); // required on Fargate
                }
                if (createGroup) {
                    options.put("awslogs-create-group", "true");
                }
            } else if (driver.equals(LogDriver.SPLUNK)) {
                options.put("splunk-url", "https://splunk.example.com:8088");
                needsExecutionRole = true; // the token comes from a secret
                l.secretOptions(List.of(Secret.builder()
                        .name("splunk-token")
                        .valueFrom(Fixtures.ssmParameter(region, "splunk/token"))
                        .build()));
            } else if (driver.equals(LogDriver.JSON_FILE)) {
                if (jsonOptions) {
                    options.put("max-size", maxSize);
                    options.put("max-file", maxFile);
                }
            } else if (driver.equals(LogDriver.SYSLOG)) {
                options.put("syslog-address", "udp://127.0.0.1:514");
            } else if (driver.equals(LogDriver.GELF)) {
                options.put("gelf-address", "udp://127.0.0.1:12201");
            } else if (driver.equals(LogDriver.FLUENTD)) {
                options.put("fluentd-address", "localhost:24224");
            }
            if (!options.isEmpty()) {
                l.options(options);
            }
            return l.build();
        }

        /**
         * Dependencies on earlier containers only (so never a cycle), each at most once: START on any,
         * HEALTHY only on one with a health check, COMPLETE and SUCCESS only on a non-essential one
         * (docs/task-definitions.md#containers).
         */
        private List<ContainerDependency> dependencies(int index) {
            List<Integer> candidates = new ArrayList<>();
            for (int j = 0; j < index; j++) {
                candidates.add(j);
            }
            int count = d.between(1, Math.min(2, candidates.size()));
            List<ContainerDependency> out = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                ContainerDefinition target = containers.get(candidates.remove(d.between(0, candidates.size() - 1)));
                List<ContainerCondition> conditions = new ArrayList<>(List.of(ContainerCondition.START));
                if (target.healthCheck() != null) {
                    conditions.add(ContainerCondition.HEALTHY);
                }
                if (Boolean.FALSE.equals(target.essential())) {
                    conditions.add(ContainerCondition.COMPLETE);
                    conditions.add(ContainerCondition.SUCCESS);
                }
                out.add(ContainerDependency.builder()
                        .containerName(target.name())
                        .condition(d.pick(conditions))
                        .build());
            }
            return out;
        }

        /** Fields with few rules, drawn rarely, for realism and to exercise the JSON. */
        private void extras(ContainerDefinition.Builder c, int index) {
            c.command(d.maybe(
                    0.3,
                    () -> d.pick(
                            List.of("nginx", "-g", "daemon off;"),
                            List.of("sh", "-c", "echo \"hello\" && sleep 3600"),
                            List.of("java", "-jar", "/app/app.jar"))));
            c.entryPoint(d.maybe(0.1, () -> d.pick(List.of("/docker-entrypoint.sh"), List.of("sh", "-c"))));
            c.workingDirectory(d.maybe(0.1, () -> p.windows() ? "C:\\app" : "/app"));
            c.stopTimeout(d.maybe(0.15, () -> d.between(2, 120)));
            c.startTimeout(d.maybe(0.1, () -> d.between(2, 120)));
            c.dockerLabels(d.maybe(
                    0.15,
                    () -> ImmutableMap.of(
                            "com.example.team",
                            d.pick("payments", "search"),
                            "com.example.tier",
                            d.pick("web", "batch"))));
            Boolean readonlyRoot = d.maybe(0.1, () -> d.chance(0.5));
            List<Ulimit> ulimits = d.maybe(0.1, () -> {
                int soft = d.between(1024, 65536);
                return List.of(Ulimit.builder()
                        .name(UlimitName.NOFILE)
                        .softLimit(soft)
                        .hardLimit(d.between(soft, 1048576))
                        .build());
            });
            LinuxParameters linux = d.maybe(
                    0.1,
                    () -> LinuxParameters.builder().initProcessEnabled(true).build());
            Boolean privileged = d.maybe(0.05, () -> d.chance(0.5));
            String hostname = d.maybe(0.1, () -> d.pick("app", "web-1"));
            Integer linkTo = index == 0 ? null : d.maybe(0.1, () -> d.between(0, index - 1));
            if (p.windows()) {
                return; // Windows supports none of what follows
            }
            c.readonlyRootFilesystem(readonlyRoot);
            c.ulimits(ulimits);
            c.linuxParameters(linux);
            if (!p.fargate()) {
                c.privileged(privileged); // privileged: not on Fargate (docs/task-definitions.md#fargate-restrictions)
            }
            if (!NetworkMode.AWSVPC.equals(p.networkMode())) {
                c.hostname(hostname); // hostname: not with awsvpc (docs/task-definitions.md#containers)
            }
            if (p.bridgeLike() && linkTo != null) {
                c.links(List.of(
                        containers.get(linkTo).name())); // links: bridge only (docs/task-definitions.md#containers)
            }
        }

        private List<Tag> tags() {
            List<String> keys = new ArrayList<>(List.of("team", "env", "app", "cost-center"));
            return d.list(
                    1,
                    4,
                    0.4,
                    i -> Tag.builder()
                            .key(keys.remove(d.between(0, keys.size() - 1)))
                            .value(d.pick("payments", "prod", "staging", "1234", ""))
                            .build());
        }
    }

    /** A name of the given names or, sometimes, any valid name up to the longest allowed (255). */
    static String name(Draw d, List<String> names) {
        if (!d.chance(0.2)) {
            return d.pick(names);
        }
        return d.gen(NAMES);
    }

    /** Any valid name, its length drawn first so that every length up to 255 comes up. */
    private static final Gen<String> NAMES = Gen.integers(1, 255).flatMap(n -> Gen.strings(Fixtures.NAME_CHARS, n, n));

    private static String suffixed(String name, String suffix) {
        return name.length() + suffix.length() <= 255
                ? name + suffix
                : name.substring(0, 255 - suffix.length()) + suffix;
    }
}
