package io.github.berth.testkit.fake;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Task;
import java.time.Instant;
import java.util.List;

/** Small builders the fake's scenario tests share. */
final class Scenario {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Scenario() {}

    static FakeEcs fake() {
        return FakeEcs.builder().seed(42).build();
    }

    /** A fake with cluster "prod" and {@code instances} m5.large instances spread over us-east-1a/b/c. */
    static FakeEcs cluster(int instances) {
        FakeEcs ecs = fake();
        ecs.createCluster(b -> b.clusterName("prod"));
        for (int i = 0; i < instances; i++) {
            ecs.launchInstance("prod", "m5.large", "us-east-1" + (char) ('a' + i % 3));
        }
        return ecs;
    }

    static ContainerDefinition.Builder container(String name, String image) {
        return ContainerDefinition.builder().name(name).image(image);
    }

    /** An EC2 bridge-mode definition: one container of 512 MiB, port 80 on a dynamic host port. */
    static RegisterTaskDefinitionRequest web() {
        return RegisterTaskDefinitionRequest.builder()
                .family("web")
                .containerDefinitions(List.of(container("web", "nginx:1.27")
                        .memory(512)
                        .cpu(256)
                        .portMappings(List.of(PortMapping.builder()
                                .containerPort(80)
                                .hostPort(0)
                                .build()))
                        .build()))
                .build();
    }

    /** A definition whose one container has a health check (interval 10 s, retries 3, start period 0). */
    static RegisterTaskDefinitionRequest checked(String family, String image) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .containerDefinitions(List.of(container("app", image)
                        .memory(256)
                        .healthCheck(HealthCheck.builder()
                                .command(List.of("CMD-SHELL", "curl -f localhost || exit 1"))
                                .interval(10)
                                .retries(3)
                                .timeout(5)
                                .build())
                        .build()))
                .build();
    }

    /** A Fargate definition: awsvpc, 0.25 vCPU, 512 MiB. */
    static RegisterTaskDefinitionRequest fargate(String family) {
        return RegisterTaskDefinitionRequest.builder()
                .family(family)
                .requiresCompatibilities(List.of(Compatibility.FARGATE))
                .networkMode(NetworkMode.AWSVPC)
                .cpu("256")
                .memory("512")
                .containerDefinitions(
                        List.of(container("app", "public.ecr.aws/app:1").build()))
                .build();
    }

    static NetworkConfiguration subnets(String... ids) {
        return NetworkConfiguration.builder()
                .awsvpcConfiguration(
                        AwsVpcConfiguration.builder().subnets(List.of(ids)).build())
                .build();
    }

    static Task describe(FakeEcs ecs, String cluster, String taskArn) {
        return ecs.describeTasks(b -> b.cluster(cluster).tasks(List.of(taskArn)))
                .tasks()
                .get(0);
    }

    static Task only(RunTaskResponse run) {
        if (run.tasks().size() != 1) {
            throw new AssertionError("expected one task, got " + run);
        }
        return run.tasks().get(0);
    }

    static List<String> statuses(FakeEcs ecs, String taskArn) {
        return ecs
                .events()
                .matching(e -> e.detailType().equals("ECS Task State Change")
                        && e.resources().contains(taskArn))
                .stream()
                .map(e -> e.time().getEpochSecond() - T0.getEpochSecond() + "s " + e.detail("lastStatus") + "/"
                        + e.detail("desiredStatus"))
                .toList();
    }
}
