package io.github.berth.testkit.generators;

import io.github.berth.core.arn.EcsArns;
import io.github.berth.core.ec2.InstanceType;
import io.github.berth.core.ec2.InstanceTypes;
import io.github.berth.core.model.AgentUpdateStatus;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.VersionInfo;
import io.github.berth.testkit.property.Draw;
import io.github.berth.testkit.property.Gen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Container instances of real EC2 instance types ({@link InstanceTypes}) as DescribeContainerInstances
 * shows them: the resources the agent registers (docs/placement.md#what-the-agent-registers), the built-in attributes (docs/placement.md#instance-attributes) and the
 * capabilities the agent registers (the agent's agent_capability.go), custom attributes, AZ, agent
 * state and status.
 */
final class ContainerInstanceGen {

    private ContainerInstanceGen() {}

    /** Where instances are drawn: one cluster in one region and VPC, one subnet per AZ. */
    record Site(
            String clusterName,
            String region,
            List<String> availabilityZones,
            Map<String, String> subnets,
            String vpcId,
            String linuxAmi,
            String windowsAmi,
            Instant epoch) {

        EcsArns arns() {
            return EcsArns.of(region, Fixtures.ACCOUNT);
        }

        /** The subnet of {@code az}, one of {@link #availabilityZones}: each has one. */
        String subnet(String az) {
            return Objects.requireNonNull(subnets.get(az), az);
        }
    }

    static Site site(Draw d, String clusterName, int azCount) {
        String region = d.pick(Fixtures.REGIONS);
        List<String> azs = new ArrayList<>();
        Map<String, String> subnets = new java.util.LinkedHashMap<>();
        for (int i = 0; i < azCount; i++) {
            // [model] every region offers AZs a-f here; real regions have 3 to 6.
            String az = region + (char) ('a' + i);
            azs.add(az);
            subnets.put(az, "subnet-" + d.hex(17));
        }
        // Registration times between 2024-01-01 and 2026-01-01, whole milliseconds as ECS reports them.
        Instant epoch = Instant.ofEpochMilli(1_704_067_200_000L + d.between(0, 631_152_000) * 1000L);
        return new Site(
                clusterName,
                region,
                List.copyOf(azs),
                subnets,
                "vpc-" + d.hex(17),
                "ami-" + d.hex(17),
                "ami-" + d.hex(17),
                epoch);
    }

    static final List<InstanceType> TYPES = List.copyOf(InstanceTypes.all());

    /** Types Windows runs on here: x86_64 without GPUs. [model] */
    static boolean windowsCapable(InstanceType t) {
        return t.architecture().equals("x86_64") && t.gpus() == 0;
    }

    static InstanceDraft instance(Draw d, Site site, InstanceType type, boolean windows, String az, int index) {
        String status;
        boolean trunking = !windows && type.supportsTrunking() && d.chance(0.3);
        // ACTIVE most of the time; REGISTERING and REGISTRATION_FAILED only while a trunk ENI is set up
        // (docs/placement.md#eni-trunking).
        int s = d.between(0, 19);
        if (s < 15) {
            status = "ACTIVE";
        } else if (s < 17) {
            status = "DRAINING";
        } else if (s == 17) {
            status = trunking ? "REGISTERING" : "DEREGISTERING";
        } else if (s == 18) {
            status = trunking ? "REGISTRATION_FAILED" : "ACTIVE";
        } else {
            status = "INACTIVE";
        }
        boolean connected = !d.chance(0.1) && !status.equals("INACTIVE");
        String statusReason =
                status.equals("REGISTRATION_FAILED") ? "Failed to provision the trunk elastic network interface" : null;
        // The index makes ids unique even when shrinking drives every random hex digit to 0.
        String id = d.hex(24) + String.format("%08x", index);
        String ec2Id = "i-" + d.hex(9) + String.format("%08x", index);
        Instant registeredAt = site.epoch().plusSeconds(d.between(0, 86_400 * 30) + index);
        String agentVersion = "1." + d.between(70, 90) + "." + d.between(0, 2);
        VersionInfo version = VersionInfo.builder()
                .agentVersion(agentVersion)
                .agentHash(d.hex(8))
                .dockerVersion("DockerVersion: " + (windows ? "20.10.9" : d.pick("20.10.25", "24.0.5", "25.0.6")))
                .build();
        AgentUpdateStatus update = d.chance(0.1) ? d.pick(AgentUpdateStatus.knownValues()) : null;
        List<String> gpuIds = new ArrayList<>();
        for (int g = 0; g < type.gpus(); g++) {
            gpuIds.add("GPU-" + d.hex(8) + "-" + d.hex(4) + "-" + d.hex(4) + "-" + d.hex(4) + "-" + d.hex(12));
        }
        List<Attribute> attributes = attributes(d, site, type, windows, az, trunking);
        return new InstanceDraft(
                type,
                windows,
                az,
                status,
                connected,
                trunking,
                site.arns().containerInstance(site.clusterName(), id),
                ec2Id,
                registeredAt,
                attributes,
                List.copyOf(gpuIds),
                d.between(1, 50),
                version,
                update,
                statusReason);
    }

    private static List<Attribute> attributes(
            Draw d, Site site, InstanceType type, boolean windows, String az, boolean trunking) {
        List<Attribute> out = new ArrayList<>();
        for (String capability : windows ? WINDOWS_CAPABILITIES : LINUX_CAPABILITIES) {
            out.add(Attribute.builder().name(capability).build());
        }
        if (trunking) {
            out.add(Attribute.builder().name("ecs.capability.task-eni-trunking").build());
        }
        if (type.gpus() > 0) {
            out.add(Attribute.builder()
                    .name("ecs.capability.nvidia-driver-version." + d.pick("535.183.01", "550.90.07"))
                    .build());
        }
        // Built-in attributes (docs/placement.md#instance-attributes).
        out.add(value("ecs.ami-id", windows ? site.windowsAmi() : site.linuxAmi()));
        out.add(value("ecs.availability-zone", az));
        out.add(value("ecs.instance-type", type.name()));
        out.add(value("ecs.os-type", windows ? "windows" : "linux"));
        out.add(value(
                "ecs.os-family",
                windows
                        ? d.pick(
                                "WINDOWS_SERVER_2022_FULL",
                                "WINDOWS_SERVER_2022_CORE",
                                "WINDOWS_SERVER_2019_FULL",
                                "WINDOWS_SERVER_2019_CORE")
                        : "LINUX"));
        out.add(value("ecs.cpu-architecture", type.architecture()));
        out.add(value("ecs.vpc-id", site.vpcId()));
        out.add(value("ecs.subnet-id", site.subnet(az)));
        if (trunking) {
            out.add(value("ecs.awsvpc-trunk-id", "eni-" + d.hex(17))); // present: the instance has a trunk ENI
            // (docs/placement.md#instance-attributes)
        }
        out.addAll(customAttributes(d));
        return List.copyOf(out);
    }

    private static Attribute value(String name, String value) {
        return Attribute.builder().name(name).value(value).build();
    }

    /**
     * Up to 10 custom attributes (docs/placement.md#instance-attributes), the limit reached now and then: names of 1-128 letters,
     * digits, '-', '_', '/', '\', '.', distinct (a repeated name would replace the first, as
     * PutAttributes does) and never ecs.* (the built-ins'); values optional, 1-128 of those and '@',
     * ':' and inner spaces.
     */
    private static List<Attribute> customAttributes(Draw d) {
        Set<String> names = new LinkedHashSet<>();
        return d.list(0, 10, 0.7, i -> {
            String drawn = d.chance(0.3)
                    ? d.gen(CUSTOM_NAMES)
                    : d.pick("stack", "team", "color", "tier", "app/version", "rack.id", "disk\\type");
            String base = drawn.startsWith("ecs.") ? "x" + drawn.substring(1) : drawn;
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                String suffix = "-" + n;
                name = base.length() + suffix.length() <= 128
                        ? base + suffix
                        : base.substring(0, 128 - suffix.length()) + suffix;
            }
            String value = d.maybe(
                    0.8,
                    () -> d.chance(0.4)
                            ? d.gen(CUSTOM_VALUES)
                            : d.pick("prod", "green", "blue", "web tier", "v1.2.3", "ops@example:team/a\\b"));
            return Attribute.builder().name(name).value(value).build();
        });
    }

    private static final Gen<String> CUSTOM_NAMES =
            Gen.strings("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_/\\.", 1, 128);

    private static final Gen<String> CUSTOM_VALUES = Gen.zip(
            Gen.strings("abcdefghijklmnopqrstuvwxyz0123456789-_.@/\\:", 1, 1),
            Gen.strings("abcdefghijklmnopqrstuvwxyz0123456789-_.@/\\: ", 0, 126),
            Gen.strings("abcdefghijklmnopqrstuvwxyz0123456789-_.@/\\:", 0, 1),
            (first, middle, last) -> last.isEmpty() ? first : first + middle + last);

    private static final List<String> DOCKER_API_VERSIONS = List.of(
            "1.17", "1.18", "1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29",
            "1.30", "1.31", "1.32");

    /** What an agent on Amazon Linux registers (capability names from the agent's agent_capability.go). */
    static final List<String> LINUX_CAPABILITIES = capabilities(List.of(
            "com.amazonaws.ecs.capability.privileged-container",
            "com.amazonaws.ecs.capability.logging-driver.json-file",
            "com.amazonaws.ecs.capability.logging-driver.syslog",
            "com.amazonaws.ecs.capability.logging-driver.journald",
            "com.amazonaws.ecs.capability.logging-driver.gelf",
            "com.amazonaws.ecs.capability.logging-driver.fluentd",
            "com.amazonaws.ecs.capability.logging-driver.awslogs",
            "com.amazonaws.ecs.capability.logging-driver.splunk",
            "com.amazonaws.ecs.capability.logging-driver.none",
            "com.amazonaws.ecs.capability.ecr-auth",
            "com.amazonaws.ecs.capability.task-iam-role",
            "com.amazonaws.ecs.capability.task-iam-role-network-host",
            "ecs.capability.execution-role-ecr-pull",
            "ecs.capability.execution-role-awslogs",
            "ecs.capability.container-health-check",
            "ecs.capability.task-eni",
            "ecs.capability.task-cpu-mem-limit",
            "ecs.capability.increased-task-cpu-limit",
            "ecs.capability.private-registry-authentication.secretsmanager",
            "ecs.capability.secrets.ssm.environment-variables",
            "ecs.capability.secrets.asm.environment-variables",
            "ecs.capability.secrets.ssm.bootstrap.log-driver",
            "ecs.capability.secrets.asm.bootstrap.log-driver",
            "ecs.capability.pid-ipc-namespace-sharing",
            "ecs.capability.container-ordering",
            "ecs.capability.full-sync",
            "ecs.capability.env-files.s3",
            "ecs.capability.efs",
            "ecs.capability.efsAuth",
            "ecs.capability.network.container-port-range",
            "ecs.capability.container-restart-policy",
            "ecs.capability.execute-command"));

    /** What an agent on Windows registers (fewer log drivers, no privileged containers). */
    static final List<String> WINDOWS_CAPABILITIES = capabilities(List.of(
            "com.amazonaws.ecs.capability.logging-driver.json-file",
            "com.amazonaws.ecs.capability.logging-driver.awslogs",
            "com.amazonaws.ecs.capability.logging-driver.none",
            "com.amazonaws.ecs.capability.ecr-auth",
            "com.amazonaws.ecs.capability.task-iam-role",
            "ecs.capability.execution-role-ecr-pull",
            "ecs.capability.execution-role-awslogs",
            "ecs.capability.container-health-check",
            "ecs.capability.task-eni",
            "ecs.capability.task-cpu-mem-limit",
            "ecs.capability.private-registry-authentication.secretsmanager",
            "ecs.capability.secrets.ssm.environment-variables",
            "ecs.capability.secrets.asm.environment-variables",
            "ecs.capability.container-ordering",
            "ecs.capability.full-sync",
            "ecs.capability.env-files.s3",
            "ecs.capability.network.container-port-range",
            "ecs.capability.gmsa",
            "ecs.capability.fsxWindowsFileServer"));

    private static List<String> capabilities(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String v : DOCKER_API_VERSIONS) {
            out.add("com.amazonaws.ecs.capability.docker-remote-api." + v);
        }
        out.addAll(names);
        return List.copyOf(out);
    }
}
