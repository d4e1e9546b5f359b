package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.Task;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmokeTest {

  @Test
  void runsATask() {
    FakeEcs ecs = FakeEcs.builder().seed(7).build();
    ecs.createCluster(b -> b.clusterName("prod"));
    ecs.launchInstance("prod", "m5.large", "us-east-1a");
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(java.util.List.of(
        ContainerDefinition.builder().name("web").image("nginx:1.27").memory(512).build())));
    RunTaskResponse run = ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(2));
    assertThat(run.failures()).isEmpty();
    assertThat(run.tasks()).hasSize(2);
    ecs.clock().advance(Duration.ofSeconds(10));
    Task t = ecs.describeTasks(b -> b.cluster("prod").tasks(java.util.List.of(run.tasks().get(0).taskArn()))).tasks().get(0);
    System.out.println(io.github.berth.core.json.EcsJson.strict().writePretty(t));
    ecs.events().all().forEach(System.out::println);
    assertThat(t.lastStatus()).isEqualTo("RUNNING");
  }
}
