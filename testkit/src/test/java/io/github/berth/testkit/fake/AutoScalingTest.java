package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.PortMapping;
import io.github.berth.scaling.error.ObjectNotFoundException;
import io.github.berth.scaling.error.ValidationException;
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

    final FakeEcs ecs = webService();

    /** A fake (seed 5) with cluster prod on two instances and service web of 2 tasks, running. */
    static FakeEcs webService() {
        FakeEcs ecs = FakeEcs.builder().seed(5).build();
        ecs.createCluster(b -> b.clusterName("prod"));
        ecs.launchInstance("prod", "m5.large", "us-east-1a");
        ecs.launchInstance("prod", "m5.large", "us-east-1b");
        ecs.registerTaskDefinition(b -> b.family("web")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("web")
                        .image("nginx:1.27")
                        .memory(256)
                        .portMappings(
                                List.of(PortMapping.builder().containerPort(80).build()))
                        .build())));
        ecs.createService(
                b -> b.cluster("prod").serviceName("web").taskDefinition("web").desiredCount(2));
        ecs.clock().advance(Duration.ofSeconds(30));
        return ecs;
    }

    void register(int min, int max) {
        ecs.autoScaling()
                .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(min)
                        .maxCapacity(max));
    }

    void cpuPolicy(double target) {
        ecs.autoScaling()
                .putScalingPolicy(b -> b.policyName("cpu50")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                .targetValue(target)
                                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                        .build())
                                .scaleOutCooldown(60)
                                .scaleInCooldown(60)
                                .build()));
    }

    int desired() {
        return ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                .services()
                .get(0)
                .desiredCount();
    }

    int running() {
        return ecs.describeServices(b -> b.cluster("prod").services(List.of("web")))
                .services()
                .get(0)
                .runningCount();
    }

    List<String> activities() {
        List<String> out = new ArrayList<>();
        for (ScalingActivity a : ecs.autoScaling()
                .describeScalingActivities(
                        b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(ID))
                .scalingActivities()) {
            out.add(a.startTime() + " | " + a.description() + " | " + a.cause() + " | " + a.statusCode() + " | "
                    + a.statusMessage());
        }
        return out;
    }

    void cpuPolicy300(double target) {
        ecs.autoScaling()
                .putScalingPolicy(b -> b.policyName("cpu50")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                .targetValue(target)
                                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                                        .build())
                                .scaleOutCooldown(300)
                                .scaleInCooldown(300)
                                .build()));
    }

    List<Integer> desiredEachMinute(int minutes) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < minutes; i++) {
            ecs.clock().advance(Duration.ofMinutes(1));
            out.add(desired());
        }
        return out;
    }

    static final String HIGH = "TargetTracking-service/prod/web-AlarmHigh-8303855e-67bd-4603-b573-1755be67e564";

    /** docs/scheduler.md#auto-scaling: target tracking scales out from the running count and settles. */
    @Test
    void targetTrackingScalesOutUnderLoadAndSettles() {
        register(1, 10);
        cpuPolicy300(50);
        ecs.metrics().cpu("prod", "web", Metrics.demand(300));
        assertThat(desiredEachMinute(30))
                .containsExactly(
                        2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6);
        assertThat(running()).isEqualTo(6);
        assertThat(activities())
                .containsExactly(
                        "2026-01-01T00:09:00Z | Setting desired count to 6. | monitor alarm " + HIGH
                                + " in state ALARM triggered policy cpu50 | Successful | Successfully set desired count to 6. Change"
                                + " successfully fulfilled by ecs.",
                        "2026-01-01T00:04:00Z | Setting desired count to 4. | monitor alarm " + HIGH
                                + " in state ALARM triggered policy cpu50 | Successful | Successfully set desired count to 4. Change"
                                + " successfully fulfilled by ecs.");
    }

    /** docs/scheduler.md#auto-scaling: without load above the target nothing scales. */
    @Test
    void targetTrackingLeavesAServiceAtItsTargetAlone() {
        register(1, 10);
        cpuPolicy300(50);
        ecs.metrics().cpu("prod", "web", Metrics.demand(100)); // two tasks at 50 %
        assertThat(desiredEachMinute(10)).containsOnly(2);
        assertThat(activities()).isEmpty();
    }

    /** docs/scheduler.md#auto-scaling: DynamicScalingOutSuspended stops the policy's scale-out. */
    @Test
    void suspendedScaleOutDoesNotScale() {
        register(1, 10);
        ecs.autoScaling()
                .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .suspendedState(SuspendedState.builder()
                                .dynamicScalingOutSuspended(true)
                                .build()));
        cpuPolicy300(50);
        ecs.metrics().cpu("prod", "web", Metrics.demand(300));
        assertThat(desiredEachMinute(10)).containsOnly(2);
        assertThat(activities()).isEmpty();
        ScalableTarget t = ecs.autoScaling()
                .describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS))
                .scalableTargets()
                .get(0);
        assertThat(t.suspendedState().toString())
                .isEqualTo("SuspendedState{dynamicScalingInSuspended=false,"
                        + " dynamicScalingOutSuspended=true, scheduledScalingSuspended=false}");
        assertThat(t.minCapacity()).isEqualTo(1); // kept by the PUT-merge
        assertThat(t.maxCapacity()).isEqualTo(10);
        // Resumed: the same load scales out at the next alarm.
        ecs.autoScaling()
                .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .suspendedState(SuspendedState.builder()
                                .dynamicScalingOutSuspended(false)
                                .build()));
        assertThat(desiredEachMinute(2)).contains(4);
    }

    /** docs/scheduler.md#auto-scaling: a scheduled action sets min and max, and the desired count follows. */
    @Test
    void scheduledActionChangesMinAndMax() {
        register(1, 10);
        ecs.autoScaling()
                .putScheduledAction(b -> b.scheduledActionName("peak")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .schedule("at(2026-01-01T00:05:00)")
                        .scalableTargetAction(ScalableTargetAction.builder()
                                .minCapacity(5)
                                .maxCapacity(8)
                                .build()));
        assertThat(desiredEachMinute(6)).containsExactly(2, 2, 2, 2, 5, 5);
        assertThat(activities())
                .containsExactly(
                        "2026-01-01T00:05:00Z | Setting desired count to 5. | minimum capacity was set to 5 | Successful |"
                                + " Successfully set desired count to 5. Change successfully fulfilled by ecs.",
                        "2026-01-01T00:05:00Z | Setting min capacity to 5 and max capacity to 8 | scheduled action name peak was"
                                + " triggered | Successful | Successfully set min capacity to 5 and max capacity to 8");
        ScalableTarget t = ecs.autoScaling()
                .describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS))
                .scalableTargets()
                .get(0);
        assertThat(List.of(t.minCapacity(), t.maxCapacity())).containsExactly(5, 8);
    }

    /** docs/scheduler.md#auto-scaling: ScheduledScalingSuspended keeps a due action from running. */
    @Test
    void suspendedScheduledScalingSkipsTheAction() {
        ecs.autoScaling()
                .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(1)
                        .maxCapacity(10)
                        .suspendedState(SuspendedState.builder()
                                .scheduledScalingSuspended(true)
                                .build()));
        ecs.autoScaling()
                .putScheduledAction(b -> b.scheduledActionName("peak")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .schedule("at(2026-01-01T00:05:00)")
                        .scalableTargetAction(ScalableTargetAction.builder()
                                .minCapacity(5)
                                .maxCapacity(8)
                                .build()));
        assertThat(desiredEachMinute(6)).containsOnly(2);
        assertThat(activities()).isEmpty();
    }

    /** docs/scheduler.md#auto-scaling: no scale-in while a deployment is in progress; scale-in after it. */
    @Test
    void scaleInIsBlockedDuringADeployment() {
        ecs.updateService(b -> b.cluster("prod").service("web").desiredCount(6));
        ecs.clock().advance(Duration.ofMinutes(1));
        register(1, 10);
        cpuPolicy300(50);
        ecs.metrics().cpu("prod", "web", Metrics.demand(60)); // six tasks at 10 %
        Engine engine = ServicesTest.engineOf(ecs);
        ScalableServices real = engine.scalableServices;
        boolean[] deploying = {true};
        // A deployment that does not end (the seam AAS reads the service through).
        engine.scalableServices = new ScalableServices() {
            public boolean exists(String c, String s) {
                return real.exists(c, s);
            }

            public Integer runningCount(String c, String s) {
                return real.runningCount(c, s);
            }

            public Integer desiredCount(String c, String s) {
                return real.desiredCount(c, s);
            }

            public boolean deploymentInProgress(String c, String s) {
                return deploying[0] || real.deploymentInProgress(c, s);
            }

            public boolean setDesiredCount(String c, String s, int n) {
                return real.setDesiredCount(c, s, n);
            }
        };
        assertThat(desiredEachMinute(25)).containsOnly(6);
        assertThat(activities()).isEmpty();
        deploying[0] = false;
        List<Integer> after = desiredEachMinute(2);
        assertThat(after.get(after.size() - 1)).isLessThan(6);
        assertThat(activities()).hasSize(1);
        assertThat(activities().get(0))
                .contains(
                        "| Setting desired count to 2. | monitor alarm"
                                + " TargetTracking-service/prod/web-AlarmLow-1e115826-6ee7-461c-b994-08b34592a2ab in state ALARM triggered"
                                + " policy cpu50 | Successful | Successfully set desired count to 2. Change successfully fulfilled by ecs.");
    }

    /** docs/scheduler.md#auto-scaling: a policy for a target never registered is an ObjectNotFoundException. */
    @Test
    void policyOnAnUnregisteredTargetIsObjectNotFound() {
        assertThatThrownBy(() -> cpuPolicy300(50))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("No scalable target registered for service namespace: ecs, resource ID: service/prod/web,"
                        + " scalable dimension: ecs:service:DesiredCount");
        register(1, 10);
        cpuPolicy300(50); // registered: accepted
        assertThat(ecs.autoScaling()
                        .describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingPolicies())
                .hasSize(1);
        ecs.autoScaling()
                .deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT));
        assertThat(ecs.autoScaling()
                        .describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingPolicies())
                .isEmpty();
        assertThatThrownBy(() -> ecs.autoScaling()
                        .deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .resourceId(ID)
                                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessage("No scalable target registered for service namespace: ecs, resource ID: service/prod/web,"
                        + " scalable dimension: ecs:service:DesiredCount");
    }

    /** docs/scheduler.md#auto-scaling: the service must exist, only ecs is served, and a failed call changes nothing. */
    @Test
    void registrationChecksTheServiceAndTheNamespace() {
        assertThatThrownBy(() -> ecs.autoScaling()
                        .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .resourceId("service/prod/api")
                                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                .minCapacity(1)
                                .maxCapacity(2)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("ECS service doesn't exist: service/prod/api");
        assertThatThrownBy(() -> ecs.autoScaling()
                        .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)
                                .resourceId("table/t")
                                .scalableDimension(ScalableDimension.DYNAMODB_TABLE_READ_CAPACITY_UNITS)
                                .minCapacity(1)
                                .maxCapacity(2)))
                .isInstanceOf(ValidationException.class)
                .hasMessage(
                        "ServiceNamespace 'dynamodb' is not served by Berth's fake, which serves only the ecs namespace");
        // A value that is no namespace at all is refused as the API model refuses it, member in lowerCamelCase.
        assertThatThrownBy(() -> ecs.autoScaling()
                        .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.fromValue("ecz"))
                                .resourceId("service/prod/web")
                                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                .minCapacity(1)
                                .maxCapacity(2)))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'ecz' at 'serviceNamespace' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [ecs, elasticmapreduce, ec2, ");
        assertThatThrownBy(() -> ecs.autoScaling()
                        .describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .scalableDimension(ScalableDimension.fromValue("ecs:service:Desired"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("1 validation error detected: Value 'ecs:service:Desired' at "
                        + "'scalableDimension' failed to satisfy constraint: Member must satisfy enum value set: [");
        assertThatThrownBy(() -> ecs.autoScaling()
                        .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .resourceId(ID)
                                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                .minCapacity(1)))
                .isInstanceOf(ValidationException.class);
        assertThat(ecs.autoScaling()
                        .describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalableTargets())
                .isEmpty();
        register(1, 10);
        assertThat(ecs.autoScaling()
                        .describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalableTargets())
                .hasSize(1);
    }

    /** docs/scheduler.md#auto-scaling: tags of a scalable target, by its ARN. */
    @Test
    void tagsOfAScalableTarget() {
        String arn = ecs.autoScaling()
                .registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .minCapacity(1)
                        .maxCapacity(3))
                .scalableTargetARN();
        ecs.autoScaling().tagResource(b -> b.resourceARN(arn).tags(java.util.Map.of("team", "web")));
        assertThat(ecs.autoScaling()
                        .listTagsForResource(b -> b.resourceARN(arn))
                        .tags())
                .containsEntry("team", "web");
        ecs.autoScaling().untagResource(b -> b.resourceARN(arn).tagKeys(List.of("team")));
        assertThat(ecs.autoScaling()
                        .listTagsForResource(b -> b.resourceARN(arn))
                        .tags())
                .isEmpty();
        assertThatThrownBy(() -> ecs.autoScaling().listTagsForResource(b -> b.resourceARN(arn + "0")))
                .isInstanceOf(io.github.berth.scaling.error.ResourceNotFoundException.class);
    }

    /** docs/scheduler.md#auto-scaling: a restored fake scales on exactly as the original. */
    @Test
    void aRestoredFakeContinuesIdentically() {
        register(1, 10);
        cpuPolicy300(50);
        ecs.metrics().cpu("prod", "web", Metrics.demand(300));
        desiredEachMinute(6);
        FakeEcs copy = FakeEcs.restore(ecs.snapshot());
        copy.metrics().cpu("prod", "web", Metrics.demand(300)); // load models are callbacks: given again
        List<Integer> original = desiredEachMinute(10);
        List<Integer> restored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copy.clock().advance(Duration.ofMinutes(1));
            restored.add(copy.describeServices(b -> b.cluster("prod").services(List.of("web")))
                    .services()
                    .get(0)
                    .desiredCount());
        }
        assertThat(restored).isEqualTo(original).contains(6);
        assertThat(copy.autoScaling()
                        .describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingActivities())
                .isEqualTo(ecs.autoScaling()
                        .describeScalingActivities(b -> b.serviceNamespace(ServiceNamespace.ECS))
                        .scalingActivities())
                .hasSize(2);
    }

    /** docs/scheduler.md#auto-scaling: ALBRequestCountPerTarget is the request rate over the running tasks. */
    @Test
    void requestCountPerTargetScalesOutAndSettles() {
        register(1, 10);
        ecs.autoScaling()
                .putScalingPolicy(b -> b.policyName("requests")
                        .serviceNamespace(ServiceNamespace.ECS)
                        .resourceId(ID)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(TargetTrackingScalingPolicyConfiguration.builder()
                                .targetValue(500.0)
                                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                                        .predefinedMetricType(MetricType.ALB_REQUEST_COUNT_PER_TARGET)
                                        .resourceLabel("app/web/50dc6c495c0c9188/targetgroup/web/943f017f100becff")
                                        .build())
                                .scaleOutCooldown(300)
                                .scaleInCooldown(300)
                                .build()));
        ecs.metrics().requests("prod", "web", time -> 3000);
        List<Integer> desired = desiredEachMinute(15);
        assertThat(desired).containsExactly(2, 2, 2, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6); // 3000 / 6 = 500: settled
        assertThat(activities())
                .containsExactly("2026-01-01T00:04:00Z | Setting desired count to 6. | monitor alarm "
                        + HIGH
                        + " in state ALARM triggered policy requests | Successful | Successfully set desired count to 6."
                        + " Change successfully fulfilled by ecs.");
        // No request model: no datapoint, no scaling.
        ecs.metrics().requests("prod", "web", time -> Double.NaN);
        assertThat(desiredEachMinute(20)).containsOnly(6);
    }

    /** docs/scheduler.md#auto-scaling: a recorded CPU series drives the policy, up to MaxCapacity. */
    @Test
    void recordedSeriesScalesOutToTheMaximum() {
        register(1, 10);
        cpuPolicy300(50);
        long[] times = new long[60];
        double[] values = new double[60];
        for (int i = 0; i < 60; i++) {
            times[i] = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond() + 60L * i;
            values[i] = 90;
        }
        ecs.metrics().cpu("prod", "web", io.github.berth.scaling.alarm.MetricSeries.ofEpochSeconds(times, values));
        List<Integer> desired = desiredEachMinute(16);
        // ceil(2 x 90 / 50) = 4, ceil(4 x 90 / 50) = 8, ceil(8 x 90 / 50) = 15 held at MaxCapacity 10.
        assertThat(desired).containsExactly(2, 2, 2, 4, 4, 4, 4, 4, 8, 8, 8, 8, 8, 10, 10, 10);
        assertThat(activities().get(0))
                .isEqualTo("2026-01-01T00:14:00Z | Setting desired count to 10. | monitor alarm "
                        + HIGH
                        + " in state ALARM triggered policy cpu50 | Successful | Successfully set desired count to 10. Change"
                        + " successfully fulfilled by ecs.");
    }
}
