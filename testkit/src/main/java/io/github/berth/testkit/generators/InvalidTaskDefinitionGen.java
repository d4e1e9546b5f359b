package io.github.berth.testkit.generators;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerCondition;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerDependency;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.HostVolumeProperties;
import io.github.berth.core.model.IpcMode;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.model.MountPoint;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PidMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Volume;
import io.github.berth.core.validation.Violation;
import io.github.berth.testkit.property.Draw;
import io.github.berth.testkit.property.Gen;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Task definitions that break exactly one rule, each made from a valid one (of a launch type the
 * rule applies to) by one change, with the violation that change must cause. Messages are ECS's own
 * words as docs/task-definitions.md quotes them (sources there), paths are the JSON
 * paths of the members at fault. Only rules whose message ECS is known to give are here; rules where
 * Berth had to choose a message are tested in core.
 */
final class InvalidTaskDefinitionGen {

    private static final String CLIENT = "ClientException";
    private static final String INVALID_PARAMETER = "InvalidParameterException";

    private InvalidTaskDefinitionGen() {}

    /** One way to break a task definition. */
    private record Breaker(
            String rule,
            Gen<RegisterTaskDefinitionRequest> base,
            BiFunction<Draw, RegisterTaskDefinitionRequest, Broken> change) {

        Gen<InvalidTaskDefinition> gen() {
            return Draw.of(d -> {
                Broken b = change.apply(d, d.gen(base));
                return new InvalidTaskDefinition(
                        rule, b.taskDefinition(), new Violation(b.path(), b.errorCode(), b.message()));
            });
        }
    }

    private record Broken(
            RegisterTaskDefinitionRequest taskDefinition, String path, String errorCode, String message) {}

    // Valid task definitions to start from. Plain integer cpu and memory where the change computes with them.
    private static final Gen<RegisterTaskDefinitionRequest> ANY = EcsGen.taskDefinitions();
    private static final Gen<RegisterTaskDefinitionRequest> FARGATE =
            TaskDefinitionGen.valid(Compatibility.FARGATE, null, false);
    private static final Gen<RegisterTaskDefinitionRequest> FARGATE_LINUX =
            TaskDefinitionGen.valid(Compatibility.FARGATE, false, false);
    private static final TaskDefinitionGen.Options EC2 = TaskDefinitionGen.Options.of(Compatibility.EC2);
    private static final Gen<RegisterTaskDefinitionRequest> WITH_TASK_MEMORY = Gen.oneOf(
            FARGATE, TaskDefinitionGen.valid(EC2.windows(false).taskMemory(true).plainUnits()));
    private static final Gen<RegisterTaskDefinitionRequest> EC2_WITHOUT_TASK_MEMORY =
            TaskDefinitionGen.valid(EC2.taskMemory(false));
    private static final Gen<RegisterTaskDefinitionRequest> EC2_LINUX_AWSVPC =
            TaskDefinitionGen.valid(EC2.windows(false).networkMode(NetworkMode.AWSVPC));
    private static final Gen<RegisterTaskDefinitionRequest> AWSVPC = Gen.oneOf(FARGATE, EC2_LINUX_AWSVPC);
    private static final Gen<RegisterTaskDefinitionRequest> EC2_LINUX_NONE =
            TaskDefinitionGen.valid(EC2.windows(false).networkMode(NetworkMode.NONE));

    private static final List<Breaker> BREAKERS = List.of(
            // docs/task-definitions.md#family-and-revision family
            new Breaker(
                    "family-blank",
                    ANY,
                    (d, td) -> broken(td.toBuilder().family("").build(), "family", CLIENT, "Family can not be blank.")),
            new Breaker("family-invalid-characters", ANY, (d, td) -> {
                String generated = Objects.requireNonNull(td.family()); // the valid generators always name one
                String family = generated.length() == 255 ? generated.substring(0, 254) : generated;
                int at = d.between(0, family.length());
                String bad = family.substring(0, at) + d.pick(" ", ".", ":", "/", "@", "é", "+") + family.substring(at);
                return broken(
                        td.toBuilder().family(bad).build(), "family", CLIENT, "Family contains invalid characters.");
            }),
            // docs/task-definitions.md#containers containers
            new Breaker(
                    "container-list-empty",
                    ANY,
                    (d, td) -> broken(
                            td.toBuilder().containerDefinitions(List.of()).build(),
                            "containerDefinitions",
                            CLIENT,
                            "Container list cannot be empty.")),
            new Breaker("too-many-containers", ANY, (d, td) -> {
                List<ContainerDefinition> cs = new ArrayList<>(containers(td));
                while (cs.size() < 11) {
                    cs.add(extraContainer(cs, td));
                }
                return broken(withContainers(td, cs), "containerDefinitions", CLIENT, "Too many containers.");
            }),
            new Breaker("container-name-blank", ANY, (d, td) -> {
                // The last container: no other container refers to it (dependencies and links point backwards).
                int last = containers(td).size() - 1;
                return broken(
                        withContainer(
                                td,
                                last,
                                container(td, last).toBuilder().name("").build()),
                        container(last) + ".name",
                        CLIENT,
                        "Container.name should not be null or empty.");
            }),
            new Breaker("container-name-invalid-characters", ANY, (d, td) -> {
                int last = containers(td).size() - 1;
                String name = Objects.requireNonNull(container(td, last).name());
                String bad =
                        (name.length() == 255 ? name.substring(0, 254) : name) + d.pick(".", " ", ":", "!", "/", "ü");
                return broken(
                        withContainer(
                                td,
                                last,
                                container(td, last).toBuilder().name(bad).build()),
                        container(last) + ".name",
                        CLIENT,
                        "Container.name contains invalid characters.");
            }),
            new Breaker("container-names-not-unique", ANY, (d, td) -> {
                RegisterTaskDefinitionRequest two = atLeastTwoContainers(td);
                int last = containers(two).size() - 1;
                ContainerDefinition copy = container(two, last).toBuilder()
                        .name(container(two, 0).name())
                        .build();
                return broken(
                        withContainer(two, last, copy),
                        container(last) + ".name",
                        CLIENT,
                        "Container names must be unique within a Task Definition.");
            }),
            new Breaker("container-image-blank", ANY, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                return broken(
                        withContainer(
                                td, i, container(td, i).toBuilder().image("").build()),
                        container(i) + ".image",
                        CLIENT,
                        "Container.image should not be null or empty.");
            }),
            new Breaker("no-essential-container", ANY, (d, td) -> {
                List<ContainerDefinition> cs = new ArrayList<>();
                containers(td)
                        .forEach(c -> cs.add(c.toBuilder().essential(false).build()));
                return broken(
                        withContainers(td, cs),
                        "containerDefinitions",
                        CLIENT,
                        "Task definition doesn't have any essential container.");
            }),
            new Breaker("dependency-on-essential-container", ANY, (d, td) -> {
                RegisterTaskDefinitionRequest two = atLeastTwoContainers(td);
                int last = containers(two).size() - 1;
                ContainerDefinition c = container(two, last);
                List<ContainerDependency> deps = new ArrayList<>(c.dependsOn() == null ? List.of() : c.dependsOn());
                deps.add(ContainerDependency.builder()
                        .containerName(container(two, 0).name())
                        .condition(d.pick(ContainerCondition.SUCCESS, ContainerCondition.COMPLETE))
                        .build());
                return broken(
                        withContainer(two, last, c.toBuilder().dependsOn(deps).build()),
                        container(last) + ".dependsOn[" + (deps.size() - 1) + "]",
                        CLIENT,
                        "A dependency container with SUCCESS or COMPLETE condition cannot be an essential container");
            }),
            // docs/task-definitions.md#task-cpu-and-memory, docs/task-definitions.md#fargate-sizes,
            // docs/task-definitions.md#container-cpu-and-memory task size
            new Breaker(
                    "fargate-requires-cpu",
                    FARGATE,
                    (d, td) -> broken(
                            td.toBuilder().cpu(null).build(),
                            "cpu",
                            CLIENT,
                            "Fargate requires that 'cpu' be defined at the task level.")),
            new Breaker("fargate-requires-memory", FARGATE, (d, td) -> {
                // Without task memory every container needs its own; give it to those that lean on the task's.
                List<ContainerDefinition> cs = new ArrayList<>();
                for (ContainerDefinition c : containers(td)) {
                    cs.add(
                            c.memory() == null && c.memoryReservation() == null
                                    ? c.toBuilder().memory(64).build()
                                    : c);
                }
                return broken(
                        withContainers(td, cs).toBuilder().memory(null).build(),
                        "memory",
                        CLIENT,
                        "Fargate requires that 'memory' be defined at the task level.");
            }),
            new Breaker(
                    "invalid-task-cpu",
                    ANY,
                    (d, td) -> broken(
                            td.toBuilder()
                                    .cpu(d.pick("abc", "127", "0", "-256", "196609", "1.5 cores", ""))
                                    .build(),
                            "cpu",
                            CLIENT,
                            "Invalid 'cpu' setting for task.")),
            new Breaker("no-fargate-configuration", FARGATE, (d, td) -> {
                // No row of the table has an odd number of MiB.
                int cpu = Integer.parseInt(td.cpu());
                int memory = Integer.parseInt(td.memory()) + 1;
                return broken(
                        td.toBuilder().memory(Integer.toString(memory)).build(),
                        "memory",
                        CLIENT,
                        "No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                                + " memory. See the Amazon ECS documentation for the valid values.");
            }),
            new Breaker("container-memory-required", EC2_WITHOUT_TASK_MEMORY, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                ContainerDefinition c = container(td, i);
                return broken(
                        withContainer(
                                td,
                                i,
                                c.toBuilder()
                                        .memory(null)
                                        .memoryReservation(null)
                                        .build()),
                        container(i),
                        CLIENT,
                        "Invalid setting for container '" + c.name()
                                + "'. At least one of 'memory' or 'memoryReservation' must be specified.");
            }),
            new Breaker("container-memory-above-task", WITH_TASK_MEMORY, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                ContainerDefinition c = container(td, i);
                int memory = Integer.parseInt(td.memory()) + d.between(1, 1024);
                return broken(
                        withContainer(td, i, c.toBuilder().memory(memory).build()),
                        container(i) + ".memory",
                        CLIENT,
                        "The 'memory' setting for container '" + c.name() + "' is greater than for the task.");
            }),
            new Breaker("reservations-above-task-memory", FARGATE_LINUX, (d, td) -> {
                int others = 0;
                for (int i = 1; i < containers(td).size(); i++) {
                    Integer r = container(td, i).memoryReservation();
                    others += r == null ? 0 : r;
                }
                int reservation = Integer.parseInt(td.memory()) - others + d.between(1, 64);
                ContainerDefinition first = container(td, 0).toBuilder()
                        .memory(null)
                        .memoryReservation(reservation)
                        .build();
                return broken(
                        withContainer(td, 0, first),
                        "containerDefinitions",
                        CLIENT,
                        "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
            }),
            new Breaker("container-cpu-above-task", FARGATE, (d, td) -> {
                int others = 0;
                for (int i = 1; i < containers(td).size(); i++) {
                    Integer c = container(td, i).cpu();
                    others += c == null ? 0 : c;
                }
                int cpu = Integer.parseInt(td.cpu()) - others + d.between(1, 256);
                return broken(
                        withContainer(
                                td, 0, container(td, 0).toBuilder().cpu(cpu).build()),
                        "containerDefinitions",
                        CLIENT,
                        "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'.");
            }),
            // docs/task-definitions.md#network-modes network mode
            new Breaker(
                    "fargate-only-awsvpc",
                    FARGATE_LINUX,
                    (d, td) -> broken(
                            td.toBuilder()
                                    .networkMode(d.pickNullable(NetworkMode.BRIDGE, null))
                                    .build(),
                            "networkMode",
                            CLIENT,
                            "Fargate only supports network mode \u2018awsvpc\u2019.")),
            new Breaker("links-with-awsvpc", EC2_LINUX_AWSVPC, (d, td) -> {
                RegisterTaskDefinitionRequest two = atLeastTwoContainers(td);
                int last = containers(two).size() - 1;
                return broken(
                        withContainer(
                                two,
                                last,
                                container(two, last).toBuilder()
                                        .links(List.of(container(two, 0).name()))
                                        .build()),
                        container(last) + ".links",
                        CLIENT,
                        "Links are not supported when networkMode=awsvpc.");
            }),
            new Breaker("hostname-with-awsvpc", AWSVPC, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                return broken(
                        withContainer(
                                td,
                                i,
                                container(td, i).toBuilder()
                                        .hostname(d.pick("app", "web-1"))
                                        .build()),
                        container(i) + ".hostname",
                        CLIENT,
                        "hostname is not supported on container when networkMode=awsvpc.");
            }),
            // docs/task-definitions.md#port-mappings port mappings
            new Breaker("awsvpc-host-port-mismatch", AWSVPC, (d, td) -> {
                // Ports from 40000 up are free: the generators use lower ones.
                int port = 40_000 + d.between(0, 9_000);
                ContainerDefinition c = container(td, 0);
                List<PortMapping> mappings = new ArrayList<>(c.portMappings() == null ? List.of() : c.portMappings());
                mappings.add(PortMapping.builder()
                        .containerPort(port)
                        .hostPort(port + d.between(1, 100))
                        .build());
                return broken(
                        withContainer(
                                td, 0, c.toBuilder().portMappings(mappings).build()),
                        container(0) + ".portMappings[" + (mappings.size() - 1) + "].hostPort",
                        CLIENT,
                        "When networkMode=awsvpc, the host ports and container ports in port mappings must match.");
            }),
            // docs/task-definitions.md#fargate-restrictions Fargate rejections
            new Breaker("fargate-awslogs-without-execution-role", FARGATE, (d, td) -> {
                List<ContainerDefinition> cs = new ArrayList<>();
                for (ContainerDefinition c : containers(td)) {
                    // ECR images and secrets need the role too, which would be more violations: pull from elsewhere,
                    // pass no secrets.
                    ContainerDefinition.Builder b =
                            c.toBuilder().secrets((java.util.List<io.github.berth.core.model.Secret>) null);
                    cs.add(
                            isEcr(c.image())
                                    ? b.image("public.ecr.aws/docker/library/nginx:latest")
                                            .build()
                                    : b.build());
                }
                cs.set(
                        0,
                        cs.get(0).toBuilder()
                                .logConfiguration(LogConfiguration.builder()
                                        .logDriver(LogDriver.AWSLOGS)
                                        .options(ImmutableMap.of(
                                                "awslogs-group",
                                                "/ecs/" + td.family(),
                                                "awslogs-region",
                                                "us-east-1",
                                                "awslogs-stream-prefix",
                                                "ecs"))
                                        .build())
                                .build());
                return broken(
                        withContainers(td, cs).toBuilder()
                                .executionRoleArn(null)
                                .build(),
                        "executionRoleArn",
                        CLIENT,
                        "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
            }),
            new Breaker("fargate-ecr-image-without-execution-role", FARGATE_LINUX, (d, td) -> {
                List<ContainerDefinition> cs = new ArrayList<>();
                for (ContainerDefinition c : containers(td)) {
                    // awslogs needs the role too, which would be a second violation: log elsewhere.
                    boolean awslogs = c.logConfiguration() != null
                            && LogDriver.AWSLOGS.equals(c.logConfiguration().logDriver());
                    ContainerDefinition.Builder b = c.toBuilder()
                            .secrets((java.util.List<io.github.berth.core.model.Secret>)
                                    null); // secrets would need the role too
                    cs.add(awslogs ? b.logConfiguration((LogConfiguration) null).build() : b.build());
                }
                cs.set(
                        0,
                        cs.get(0).toBuilder()
                                .image(Fixtures.ecrImage("eu-west-1", "app", "1.0.0"))
                                .build());
                return broken(
                        withContainers(td, cs).toBuilder()
                                .executionRoleArn(null)
                                .build(),
                        "executionRoleArn",
                        CLIENT,
                        "Fargate requires task definition to have execution role ARN to support ECR images.");
            }),
            new Breaker("fargate-awslogs-without-stream-prefix", FARGATE, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                ContainerDefinition c = container(td, i).toBuilder()
                        .logConfiguration(LogConfiguration.builder()
                                .logDriver(LogDriver.AWSLOGS)
                                .options(ImmutableMap.of(
                                        "awslogs-group", "/ecs/" + td.family(), "awslogs-region", "us-east-1"))
                                .build())
                        .build();
                // awslogs on Fargate needs the role too: give it one, so that the prefix is the only problem.
                return broken(
                        withContainer(td, i, c).toBuilder()
                                .executionRoleArn(Fixtures.role("ecsTaskExecutionRole"))
                                .build(),
                        container(i) + ".logConfiguration.options",
                        CLIENT,
                        "Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs.");
            }),
            new Breaker("awsfirelens-without-log-router", ANY, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                ContainerDefinition c = container(td, i).toBuilder()
                        .logConfiguration(LogConfiguration.builder()
                                .logDriver(LogDriver.AWSFIRELENS)
                                .options(ImmutableMap.of("Name", "cloudwatch"))
                                .build())
                        .build();
                return broken(
                        withContainer(td, i, c),
                        container(i) + ".logConfiguration.logDriver",
                        CLIENT,
                        "When awsfirelens log driver is specified in log configuration, a firelens configuration object must be "
                                + "configured in one of the containers.");
            }),
            new Breaker("health-check-retries-above-10", ANY, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                ContainerDefinition c = container(td, i);
                HealthCheck h = c.healthCheck() != null
                        ? c.healthCheck()
                        : HealthCheck.builder()
                                .command(List.of("CMD-SHELL", "exit 0"))
                                .build();
                return broken(
                        withContainer(
                                td,
                                i,
                                c.toBuilder()
                                        .healthCheck(h.toBuilder()
                                                .retries(d.between(11, 100))
                                                .build())
                                        .build()),
                        container(i) + ".healthCheck.retries",
                        CLIENT,
                        "Health check retries must be less than or equal to the maximum allowed value 10 for container '"
                                + c.name() + "'");
            }),
            new Breaker("mount-point-unknown-volume", ANY, (d, td) -> {
                int i = d.between(0, containers(td).size() - 1);
                ContainerDefinition c = container(td, i);
                List<MountPoint> mounts = new ArrayList<>(c.mountPoints() == null ? List.of() : c.mountPoints());
                mounts.add(MountPoint.builder()
                        .sourceVolume("undeclared")
                        .containerPath("/mnt/undeclared")
                        .build());
                return broken(
                        withContainer(td, i, c.toBuilder().mountPoints(mounts).build()),
                        container(i) + ".mountPoints[" + (mounts.size() - 1) + "].sourceVolume",
                        CLIENT,
                        "Unknown volume 'undeclared'.");
            }),
            new Breaker(
                    "fargate-ipc-mode",
                    FARGATE,
                    (d, td) -> broken(
                            td.toBuilder()
                                    .ipcMode(d.pick(IpcMode.HOST, IpcMode.TASK, IpcMode.NONE))
                                    .build(),
                            "ipcMode",
                            CLIENT,
                            "Tasks using the Fargate launch type do not support ipcMode.")),
            new Breaker(
                    "fargate-pid-mode-host",
                    FARGATE,
                    (d, td) -> broken(
                            td.toBuilder().pidMode(PidMode.HOST).build(),
                            "pidMode",
                            CLIENT,
                            "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.")),
            new Breaker("fargate-host-source-path", FARGATE, (d, td) -> {
                List<Volume> volumes = new ArrayList<>(td.volumes() == null ? List.of() : td.volumes());
                volumes.add(Volume.builder()
                        .name("host-data")
                        .host(HostVolumeProperties.builder()
                                .sourcePath(d.pick("/data", "/var/lib/app"))
                                .build())
                        .build());
                return broken(
                        td.toBuilder().volumes(volumes).build(),
                        "volumes[" + (volumes.size() - 1) + "].host.sourcePath",
                        CLIENT,
                        "host.sourcePath should not be set for volumes in Fargate.");
            }),
            // The API model's constraints: an enum value ECS does not know.
            new Breaker("network-mode-not-in-enum", EC2_LINUX_NONE, (d, td) -> {
                String mode = d.pick("nat", "default", "AWSVPC", "overlay");
                return broken(
                        td.toBuilder().networkMode(NetworkMode.fromValue(mode)).build(),
                        "networkMode",
                        INVALID_PARAMETER,
                        "Value '" + mode
                                + "' at 'networkMode' failed to satisfy constraint: Member must satisfy enum value set: [bridge, host, awsvpc, none]");
            }));

    static final Map<String, Gen<InvalidTaskDefinition>> BY_RULE = byRule();

    private static Map<String, Gen<InvalidTaskDefinition>> byRule() {
        ImmutableMap.Builder<String, Gen<InvalidTaskDefinition>> b = ImmutableMap.builder();
        BREAKERS.forEach(x -> b.put(x.rule(), x.gen()));
        return b.buildOrThrow();
    }

    static Gen<InvalidTaskDefinition> any() {
        return Gen.oneOf(List.copyOf(BY_RULE.values()));
    }

    // ------------------------------------------------------------------ helpers

    private static Broken broken(RegisterTaskDefinitionRequest td, String path, String code, String message) {
        return new Broken(td, path, code, message);
    }

    private static String container(int i) {
        return "containerDefinitions[" + i + "]";
    }

    private static ContainerDefinition container(RegisterTaskDefinitionRequest td, int i) {
        return containers(td).get(i);
    }

    /**
     * The containers of a task definition from the valid generators (the bases above) or made from one
     * here: always present, each with a name and an image.
     */
    private static List<ContainerDefinition> containers(RegisterTaskDefinitionRequest td) {
        return Objects.requireNonNull(td.containerDefinitions());
    }

    private static RegisterTaskDefinitionRequest withContainers(
            RegisterTaskDefinitionRequest td, List<ContainerDefinition> cs) {
        return td.toBuilder().containerDefinitions(cs).build();
    }

    private static RegisterTaskDefinitionRequest withContainer(
            RegisterTaskDefinitionRequest td, int i, ContainerDefinition c) {
        List<ContainerDefinition> cs = new ArrayList<>(containers(td));
        cs.set(i, c);
        return withContainers(td, cs);
    }

    private static RegisterTaskDefinitionRequest atLeastTwoContainers(RegisterTaskDefinitionRequest td) {
        if (containers(td).size() >= 2) {
            return td;
        }
        List<ContainerDefinition> cs = new ArrayList<>(containers(td));
        cs.add(extraContainer(cs, td));
        return withContainers(td, cs);
    }

    /** A small non-essential container that fits any valid task definition: 32 MiB, no cpu, no ports. */
    private static ContainerDefinition extraContainer(List<ContainerDefinition> cs, RegisterTaskDefinitionRequest td) {
        String name = "extra";
        for (int n = 2; nameTaken(cs, name); n++) {
            name = "extra-" + n;
        }
        boolean windows = td.runtimePlatform() != null
                && td.runtimePlatform().operatingSystemFamily() != null
                && td.runtimePlatform().operatingSystemFamily().value().startsWith("WINDOWS");
        return ContainerDefinition.builder()
                .name(name)
                .image(windows ? "mcr.microsoft.com/windows/nanoserver:ltsc2022" : "busybox")
                .essential(false)
                .memory(windows ? 256 : 32)
                .build();
    }

    private static boolean nameTaken(List<ContainerDefinition> cs, String name) {
        return cs.stream().anyMatch(c -> name.equals(c.name()));
    }

    private static boolean isEcr(@Nullable String image) {
        return image != null && image.contains(".dkr.ecr.");
    }
}
