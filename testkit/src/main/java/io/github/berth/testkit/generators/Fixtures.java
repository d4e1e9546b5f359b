package io.github.berth.testkit.generators;

import java.util.List;
import java.util.Set;

/**
 * The realistic constants the ECS generators draw from: regions, names, images, ports. Facts are
 * cited where they come from docs/; the rest are plausible choices of ours.
 */
final class Fixtures {

    private Fixtures() {}

    static final String ACCOUNT = "123456789012";

    static final List<String> REGIONS = List.of(
            "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1");

    /** Family and container names: letters, digits, '_' and '-' (docs/task-definitions.md#family-and-revision, docs/task-definitions.md#containers). */
    static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    static final List<String> FAMILIES = List.of(
            "web",
            "api",
            "worker",
            "batch-job",
            "nginx",
            "redis-cache",
            "etl_pipeline",
            "frontend",
            "payments-v2",
            "Reporting");

    static final List<String> CONTAINER_NAMES = List.of(
            "app",
            "web",
            "sidecar",
            "worker",
            "proxy",
            "log-router",
            "init",
            "db-migrate",
            "cache",
            "metrics",
            "xray",
            "envoy");

    static final List<String> LINUX_IMAGES = List.of(
            "nginx:latest",
            "nginx:1.27-alpine",
            "public.ecr.aws/docker/library/redis:7.2",
            "busybox",
            "amazon/aws-xray-daemon",
            "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
            "ghcr.io/example/service:2024.11.3",
            "postgres:16",
            "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

    static final List<String> WINDOWS_IMAGES = List.of(
            "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022",
            "mcr.microsoft.com/dotnet/framework/aspnet:4.8",
            "mcr.microsoft.com/windows/nanoserver:ltsc2022");

    /** Well-known container ports, none of them reserved by the agent. */
    static final List<Integer> COMMON_PORTS =
            List.of(80, 443, 8080, 8443, 3000, 5000, 8000, 9000, 9090, 6379, 5432, 3306, 11211, 514, 8125, 4317, 8888);

    /**
     * Ports the agent reserves on an instance (docs/placement.md#what-the-agent-registers: Linux 22, 2375, 2376, 51678, 51679, and
     * 51680 with Prometheus metrics; Windows also 53, 135, 139, 445, 3389, 5985, 5986) and 3150, which
     * Fargate Windows reserves (docs/task-definitions.md#fargate-sizes). Generated ports avoid them all so that every generated task can
     * be placed somewhere.
     */
    static final Set<Integer> RESERVED_PORTS =
            Set.of(22, 53, 135, 139, 445, 2375, 2376, 3150, 3389, 5985, 5986, 51678, 51679, 51680);

    static final List<String> LINUX_RESERVED_PORTS = List.of("22", "2375", "2376", "51678", "51679");

    static final List<String> WINDOWS_RESERVED_PORTS =
            List.of("53", "135", "139", "445", "2375", "2376", "3389", "5985", "5986", "51678", "51679");

    static String ecrImage(String region, String repo, String tag) {
        return ACCOUNT + ".dkr.ecr." + region + ".amazonaws.com/" + repo + ":" + tag;
    }

    static String role(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    static String ssmParameter(String region, String name) {
        return "arn:aws:ssm:" + region + ":" + ACCOUNT + ":parameter/" + name;
    }

    static String secretsManagerSecret(String region, String name, String suffix) {
        return "arn:aws:secretsmanager:" + region + ":" + ACCOUNT + ":secret:" + name + "-" + suffix;
    }
}
