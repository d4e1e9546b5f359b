package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.error.autoscaling.ObjectNotFoundException;
import io.github.berth.core.error.autoscaling.ValidationException;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.PortMapping;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalableTarget;
import io.github.berth.scaling.model.ScalableTargetAction;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ServiceNamespace;
import io.github.berth.scaling.model.SuspendedState;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Application Auto Scaling in the fake (docs/scheduler.md#auto-scaling): targets of ECS services,
 * target tracking evaluated every minute from the load model, scheduled actions, suspension, no
 * scale-in during a deployment, errors, and a snapshot that continues identically.
 */
class AutoScalingTest {

  static final String ID = "service/prod/web";

  final FakeEcs ecs = FakeEcs.builder().seed(5).build();

  AutoScalingTest() {
    ecs.createCluster(b -> b.clusterName("prod"));
    ecs.launchInstance("prod", "m5.large", "us-east-1a");
    ecs.launchInstance("prod", "m5.large", "us-east-1b");
    ecs.registerTaskDefinition(b -> b.family("web").containerDefinitions(List.of(
        ContainerDefinition.builder().name("web").image("nginx:1.27").memory(256)
            .portMappings(List.of(PortMapping.builder().containerPort(80).build())).build())));
    ecs.createService(b -> b.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2));
    ecs.clock().advance(Duration.ofSeconds(30));
  }

  void register(int min, int max) {
    ecs.autoScaling().registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(ID)
        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(min).maxCapacity(max));
  }

  void cpuPolicy(double target) {
    ecs.autoScaling().putScalingPolicy(b -> b.policyName("cpu50").serviceNamespace(ServiceNamespace.ECS)
        .resourceId(ID).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
        .policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
            .targetValue(target).predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION).build())
            .scaleOutCooldown(60).scaleInCooldown(60).build()));
  }

  int desired() {
    return ecs.describeServices(b -> b.cluster("prod").services(List.of("web"))).services().get(0).desiredCount();
  }

  int running() {
    return ecs.describeServices(b -> b.cluster("prod").services(List.of("web"))).services().get(0).runningCount();
  }

  List<String> activities() {
    List<String> out = new ArrayList<>();
    for (ScalingActivity a : ecs.autoScaling().describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.ECS)
        .resourceId(ID)).scalingActivities()) {
      out.add(a.startTime() + " | " + a.description() + " | " + a.cause() + " | " + a.statusCode() + " | "
          + a.statusMessage());
    }
    return out;
  }

  void cpuPolicy300(double target) {
    ecs.autoScaling().putScalingPolicy(b -> b.policyName("cpu50").serviceNamespace(ServiceNamespace.ECS)
        .resourceId(ID).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
        .policyType(PolicyType.TARGET_TRACKING_SCALING)
        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
            .targetValue(target).predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION).build())
            .scaleOutCooldown(300).scaleInCooldown(300).build()));
  }

  List<Integer> desiredEachMinute(int minutes) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < minutes; i++) {
      ecs.clock().advance(Duration.ofMinutes(1));
      out.add(desired());
    }
    return out;
  }

  @Test
  void explore() {
    register(1, 10);
    cpuPolicy300(50);
    ecs.metrics().cpu("prod", "web", Metrics.demand(300));
    System.out.println("TT " + desiredEachMinute(30));
    activities().forEach(System.out::println);
  }

  @Test
  void explore2() {
    register(1, 10);
    cpuPolicy300(50);
    ecs.metrics().cpu("prod", "web", Metrics.demand(300));
    ecs.autoScaling().putScheduledAction(b -> b.scheduledActionName("night").serviceNamespace(ServiceNamespace.ECS)
        .resourceId(ID).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
        .schedule("at(2026-01-01T00:10:00)").scalableTargetAction(ScalableTargetAction.builder().minCapacity(8).maxCapacity(9).build()));
    System.out.println("SCHED " + desiredEachMinute(15));
    activities().forEach(System.out::println);
    System.out.println(ecs.autoScaling().describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS)));
    System.out.println(ecs.autoScaling().describeScheduledActions(b -> b.serviceNamespace(ServiceNamespace.ECS)));
    System.out.println(ecs.autoScaling().describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS)));
  }
}
