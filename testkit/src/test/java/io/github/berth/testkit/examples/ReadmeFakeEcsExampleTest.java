package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.DeploymentCircuitBreaker;
import io.github.berth.core.model.DeploymentConfiguration;
import io.github.berth.core.model.HealthCheck;
import io.github.berth.core.model.Service;
import io.github.berth.testkit.fake.EcsEvent;
import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.junit.WithFakeEcs;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "Fake ECS in your tests", compiled and run; {@link ReadmeExamplesTest} keeps the two the same. */
// readme:fake-ecs
@WithFakeEcs(seed = 7)
class ReadmeFakeEcsExampleTest {

    @Test
    void aRevisionThatFailsItsHealthChecksIsRolledBack(FakeEcs ecs) {
        ecs.createCluster(b -> b.clusterName("prod"));
        for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c")) {
            ecs.launchInstance("prod", "m5.large", zone);
        }
        ecs.registerTaskDefinition(web("registry.example.com/web:1"));
        ecs.createService(b -> b.cluster("prod")
                .serviceName("web")
                .taskDefinition("web:1")
                .desiredCount(3)
                .deploymentConfiguration(DeploymentConfiguration.builder()
                        .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                                .enable(true)
                                .rollback(true)
                                .build())
                        .build()));
        // A circuit breaker rolls back to the last deployment that completed: let version 1 complete.
        ecs.events().await(e -> "SERVICE_DEPLOYMENT_COMPLETED".equals(e.detail("eventName")), Duration.ofMinutes(10));

        // Version 2 starts, then fails its health check: ECS replaces its tasks until the breaker trips.
        ecs.behaviours().image("registry.example.com/web:2").unhealthyAfter(Duration.ofSeconds(30));
        ecs.registerTaskDefinition(web("registry.example.com/web:2"));
        ecs.updateService(b -> b.cluster("prod").service("web").taskDefinition("web:2"));

        EcsEvent failed =
                ecs.events().await(e -> "SERVICE_DEPLOYMENT_FAILED".equals(e.detail("eventName")), Duration.ofHours(1));
        assertThat(failed.detail("reason")).isEqualTo("ECS deployment circuit breaker: tasks failed to start.");
        List<EcsEvent> deployments = ecs.events().ofType("ECS Deployment State Change");
        assertThat(deployments.get(deployments.size() - 1).detail("reason"))
                .isEqualTo("ECS deployment circuit breaker: rolling back to deploymentId "
                        + failed.detail("deploymentId") + ".");
        Service web = ecs.awaitSteadyState("prod", "web", Duration.ofHours(1));
        assertThat(web.taskDefinition()).endsWith(":task-definition/web:1");
        assertThat(web.runningCount()).isEqualTo(3);
    }

    private static RegisterTaskDefinitionRequest web(String image) {
        return RegisterTaskDefinitionRequest.builder()
                .family("web")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image(image)
                        .memory(512)
                        .healthCheck(HealthCheck.builder()
                                .command(List.of("CMD-SHELL", "curl -f localhost/health || exit 1"))
                                .build())
                        .build()))
                .build();
    }
}
// end readme:fake-ecs
