package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.validation.TaskDefinitionNormalizer;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and run; {@link ReadmeExamplesTest} keeps the two the same. */
class ReadmeQuickStartTest {

    @Test
    void quickStart() {
        // readme:quick-start
        String json = """
        {
          "family": "web",
          "requiresCompatibilities": ["FARGATE"],
          "networkMode": "awsvpc",
          "cpu": ".25 vcpu",
          "memory": "512",
          "containerDefinitions": [{
            "name": "web",
            "image": "nginx:1.27",
            "portMappings": [{"containerPort": 80, "hostPort": 8080}]
          }]
        }
        """;
        RegisterTaskDefinitionRequest request = EcsJson.strict().read(json, RegisterTaskDefinitionRequest.class);

        // Every reason ECS would refuse it, at once, in ECS's words.
        List<Violation> problems = TaskDefinitionValidator.validate(request);
        assertThat(problems)
                .containsExactly(new Violation(
                        "containerDefinitions[0].portMappings[0].hostPort",
                        "ClientException",
                        "When networkMode=awsvpc, the host ports and container ports in port mappings must match."));

        // Fix it with builders that read like the AWS SDK's.
        ContainerDefinition web = request.containerDefinitions().get(0);
        RegisterTaskDefinitionRequest fixed = request.toBuilder()
                .containerDefinitions(List.of(web.toBuilder()
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build()))
                .build();
        assertThat(TaskDefinitionValidator.validate(fixed)).isEmpty();

        // What ECS would store: units converted, defaults filled in; written as wire JSON.
        RegisterTaskDefinitionRequest stored = TaskDefinitionNormalizer.normalize(fixed);
        assertThat(stored.cpu()).isEqualTo("256");
        assertThat(stored.containerDefinitions().get(0).portMappings().get(0).hostPort())
                .isEqualTo(80);
        String wire = EcsJson.strict().write(stored);
        assertThat(EcsJson.strict().read(wire, RegisterTaskDefinitionRequest.class))
                .isEqualTo(stored);
        // end readme:quick-start
    }
}
