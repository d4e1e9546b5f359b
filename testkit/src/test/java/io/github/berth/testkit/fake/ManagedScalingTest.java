package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.berth.core.api.RunTaskResponse;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.model.AutoScalingGroupProvider;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ContainerInstanceStatus;
import io.github.berth.core.model.ManagedDraining;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.ManagedScalingStatus;
import io.github.berth.core.model.ManagedTerminationProtection;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskStopCode;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Managed scaling of Auto Scaling group capacity providers (docs/scheduler.md#managed-scaling-in-the-fake)
 * and tasks waiting in PROVISIONING for capacity (docs/scheduler.md#tasks-waiting-for-capacity).
 */
class ManagedScalingTest {

    /** The provider's settings a test changes; the rest are ECS's defaults. */
    private record Provider(
            boolean managedScaling,
            boolean terminationProtection,
            boolean draining,
            UnaryOperator<ManagedScaling.Builder> scaling) {}

    private static final Provider DEFAULT = new Provider(true, true, true, b -> b);

    /** An empty group (min 0, max 10, m5.large, boot 60 s) behind provider cp-1, cluster prod's default strategy. */
    private static FakeEcs cluster(FakeEcs.Builder builder, Provider p, int maxSize) {
        FakeEcs ecs = builder.seed(42).build();
        String arn = ecs.autoScalingGroups()
                .create(
                        "asg-1",
                        g -> g.instanceType("m5.large")
                                .minSize(0)
                                .maxSize(maxSize)
                                .desiredCapacity(0)
                                .availabilityZones("us-east-1a", "us-east-1b"));
        ecs.createCapacityProvider(b -> b.name("cp-1")
                .autoScalingGroupProvider(AutoScalingGroupProvider.builder()
                        .autoScalingGroupArn(arn)
                        .managedScaling(p.scaling()
                                .apply(ManagedScaling.builder()
                                        .status(
                                                p.managedScaling()
                                                        ? ManagedScalingStatus.ENABLED
                                                        : ManagedScalingStatus.DISABLED))
                                .build())
                        .managedTerminationProtection(
                                p.terminationProtection()
                                        ? ManagedTerminationProtection.ENABLED
                                        : ManagedTerminationProtection.DISABLED)
                        .managedDraining(p.draining() ? ManagedDraining.ENABLED : ManagedDraining.DISABLED)
                        .build()));
        ecs.createCluster(b -> b.clusterName("prod")
                .capacityProviders(List.of("cp-1"))
                .defaultCapacityProviderStrategy(List.of(CapacityProviderStrategyItem.builder()
                        .capacityProvider("cp-1")
                        .weight(1)
                        .build())));
        ecs.registerTaskDefinition(Scenario.web());
        return ecs;
    }

    private static FakeEcs cluster(Provider p) {
        return cluster(FakeEcs.builder(), p, 10);
    }

    private static List<String> reservations(FakeEcs ecs) {
        return ecs.autoScalingGroups().capacityProviderReservation("cp-1").stream()
                .map(d -> (d.time().getEpochSecond() - Scenario.T0.getEpochSecond()) / 60 + "m CPR "
                        + (long) d.capacityProviderReservation() + " M " + d.instancesNeeded() + " N "
                        + d.runningInstances()
                        + " desired " + d.desiredCapacityBefore() + "->" + d.desiredCapacity() + ": " + d.reason())
                .toList();
    }

    private static List<ContainerInstance> instances(FakeEcs ecs, ContainerInstanceStatus status) {
        List<String> arns = ecs.listContainerInstances(b -> b.cluster("prod").status(status))
                .containerInstanceArns();
        return arns.isEmpty()
                ? List.of()
                : ecs.describeContainerInstances(b -> b.cluster("prod").containerInstances(arns))
                        .containerInstances();
    }

    private static List<Task> describe(FakeEcs ecs, List<Task> tasks) {
        return ecs.describeTasks(b -> b.cluster("prod")
                        .tasks(tasks.stream().map(Task::taskArn).toList()))
                .tasks();
    }

    // ------------------------------------------------------------------ PROVISIONING and scale-out

    /** docs/scheduler.md#tasks-waiting-for-capacity, docs/scheduler.md#managed-scaling-in-the-fake */
    @Test
    void tasksAnEmptyGroupCannotPlaceWaitInProvisioningWhileTheGroupScalesOutThenRun() {
        FakeEcs ecs = cluster(DEFAULT);
        RunTaskResponse run =
                ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(4));
        assertThat(run.failures()).isEmpty();
        assertThat(run.tasks()).extracting(Task::lastStatus).containsOnly("PROVISIONING");
        assertThat(run.tasks()).extracting(Task::capacityProviderName).containsOnly("cp-1");
        assertThat(run.tasks()).extracting(Task::containerInstanceArn).containsOnlyNulls();
        assertThat(ecs.describeClusters(b -> b.clusters(List.of("prod")))
                        .clusters()
                        .get(0)
                        .pendingTasksCount())
                .isEqualTo(4);

        ecs.clock().advance(Duration.ofMinutes(1));
        assertThat(reservations(ecs))
                .containsExactly("1m CPR 200 M 1 N 0 desired 0->2: reservation 200 above target 100");
        assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds()).hasSize(2);
        assertThat(describe(ecs, run.tasks())).extracting(Task::lastStatus).containsOnly("PROVISIONING");

        ecs.clock().advance(Duration.ofMinutes(1).plusSeconds(5));
        assertThat(instances(ecs, ContainerInstanceStatus.ACTIVE)).hasSize(2);
        assertThat(describe(ecs, run.tasks())).extracting(Task::lastStatus).containsOnly("RUNNING");
        assertThat(Scenario.statuses(ecs, run.tasks().get(0).taskArn()))
                .containsExactly("0s PROVISIONING/RUNNING", "120s PENDING/RUNNING", "123s RUNNING/RUNNING");
        assertThat(reservations(ecs))
                .containsExactly(
                        "1m CPR 200 M 1 N 0 desired 0->2: reservation 200 above target 100",
                        "2m CPR 150 M 3 N 2 desired 2->2: scale-out waits for instance warm-up");
    }

    /** docs/scheduler.md#tasks-waiting-for-capacity: without managed scaling, tasks fail at once. */
    @Test
    void withoutManagedScalingUnplaceableTasksFailAtOnce() {
        FakeEcs ecs = cluster(new Provider(false, false, true, b -> b));
        RunTaskResponse run =
                ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(4));
        assertThat(run.tasks()).isEmpty();
        assertThat(run.failures())
                .extracting(f -> f.reason())
                .containsExactly(
                        "EMPTY CAPACITY PROVIDER",
                        "EMPTY CAPACITY PROVIDER",
                        "EMPTY CAPACITY PROVIDER",
                        "EMPTY CAPACITY PROVIDER");
        ecs.clock().advance(Duration.ofMinutes(5));
        assertThat(reservations(ecs)).isEmpty();
        assertThat(ecs.autoScalingGroups().describe("asg-1").desiredCapacity()).isZero();
    }

    /** docs/scheduler.md#tasks-waiting-for-capacity: an instance that registers gets the waiting tasks at once. */
    @Test
    void anInstanceThatRegistersGetsTheWaitingTasksAtOnce() {
        FakeEcs ecs = cluster(DEFAULT);
        Task t = ecs.runTask(b -> b.cluster("prod").taskDefinition("web"))
                .tasks()
                .get(0);
        ecs.clock().advance(Duration.ofSeconds(10));
        ecs.autoScalingGroups().setDesiredCapacity("asg-1", 1);
        ecs.clock().advance(Duration.ofSeconds(65));
        // The instance boots 60 s after launch and registers at 70 s, between two periodic retries (60 s, 75 s).
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly("0s PROVISIONING/RUNNING", "70s PENDING/RUNNING", "73s RUNNING/RUNNING");
    }

    /** docs/scheduler.md#tasks-waiting-for-capacity: room freed on an instance is found within 15 seconds. */
    @Test
    void aWaitingTaskIsPlacedWithinFifteenSecondsOfRoomFreeingUp() {
        FakeEcs ecs = cluster(FakeEcs.builder(), DEFAULT, 1);
        RunTaskResponse first =
                ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(10));
        ecs.clock().advance(Duration.ofMinutes(3));
        // One m5.large (the group's MaxSize) runs 8 tasks of 256 CPU units; 2 wait.
        List<Task> tasks = describe(ecs, first.tasks());
        assertThat(tasks)
                .extracting(Task::lastStatus)
                .containsExactly(
                        "RUNNING",
                        "RUNNING",
                        "RUNNING",
                        "RUNNING",
                        "RUNNING",
                        "RUNNING",
                        "RUNNING",
                        "RUNNING",
                        "PROVISIONING",
                        "PROVISIONING");
        ecs.stopTask(b -> b.cluster("prod").task(tasks.get(0).taskArn()));
        ecs.clock().advance(Duration.ofSeconds(2));
        assertThat(describe(ecs, tasks.subList(8, 10)))
                .extracting(Task::lastStatus)
                .containsExactly("PROVISIONING", "PROVISIONING");
        // Placed at the next periodic retry (15 s at most), RUNNING 3 s later.
        ecs.clock().advance(Duration.ofSeconds(18));
        assertThat(describe(ecs, tasks.subList(8, 10)))
                .extracting(Task::lastStatus)
                .containsExactly("RUNNING", "PROVISIONING");
    }

    /** docs/scheduler.md#tasks-waiting-for-capacity: an awsvpc task gets its ENI once placed. */
    @Test
    void anAwsvpcTaskWaitsWithoutAnEniAndGetsItOncePlaced() {
        FakeEcs ecs = cluster(DEFAULT).subnet("subnet-a", "us-east-1a", "10.0.1.0/24");
        ecs.registerTaskDefinition(Scenario.web().toBuilder()
                .family("vpc")
                .networkMode(io.github.berth.core.model.NetworkMode.AWSVPC)
                .containerDefinitions(
                        List.of(Scenario.container("app", "app:1").memory(512).build()))
                .build());
        Task t = ecs.runTask(
                        b -> b.cluster("prod").taskDefinition("vpc").networkConfiguration(Scenario.subnets("subnet-a")))
                .tasks()
                .get(0);
        assertThat(t.lastStatus()).isEqualTo("PROVISIONING");
        assertThat(t.attachments()).isEmpty();
        ecs.clock().advance(Duration.ofMinutes(2).plusSeconds(10));
        Task running = describe(ecs, List.of(t)).get(0);
        assertThat(running.lastStatus()).isEqualTo("RUNNING");
        assertThat(running.attachments()).extracting(a -> a.status()).containsExactly("ATTACHED");
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly(
                        "0s PROVISIONING/RUNNING",
                        "120s PROVISIONING/RUNNING",
                        "121s PENDING/RUNNING",
                        "124s RUNNING/RUNNING");
    }

    // ------------------------------------------------------------------ scale-in

    /** docs/scheduler.md#managed-scaling-in-the-fake: 15 minutes below target, then the empty instance goes. */
    @Test
    void scaleInWaitsFifteenMinutesAndTerminationProtectionKeepsTheInstanceRunningTasks() {
        FakeEcs ecs = cluster(DEFAULT);
        RunTaskResponse run =
                ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(4));
        ecs.clock().advance(Duration.ofMinutes(2).plusSeconds(5));
        List<Task> tasks = describe(ecs, run.tasks());
        String busy = tasks.get(0).containerInstanceArn();
        for (Task t : tasks) {
            if (!busy.equals(t.containerInstanceArn())) {
                ecs.stopTask(b -> b.cluster("prod").task(t.taskArn()));
            }
        }
        String busyEc2 = instances(ecs, ContainerInstanceStatus.ACTIVE).stream()
                .filter(i -> i.containerInstanceArn().equals(busy))
                .findFirst()
                .orElseThrow()
                .ec2InstanceId();
        ecs.clock().advanceTo(Scenario.T0.plus(Duration.ofMinutes(17)).plusSeconds(1));
        assertThat(reservations(ecs).subList(2, reservations(ecs).size()))
                .containsExactly(
                        "3m CPR 50 M 1 N 2 desired 2->2: reservation below target for 1 minute(s)",
                        "4m CPR 50 M 1 N 2 desired 2->2: reservation below target for 2 minute(s)",
                        "5m CPR 50 M 1 N 2 desired 2->2: reservation below target for 3 minute(s)",
                        "6m CPR 50 M 1 N 2 desired 2->2: reservation below target for 4 minute(s)",
                        "7m CPR 50 M 1 N 2 desired 2->2: reservation below target for 5 minute(s)",
                        "8m CPR 50 M 1 N 2 desired 2->2: reservation below target for 6 minute(s)",
                        "9m CPR 50 M 1 N 2 desired 2->2: reservation below target for 7 minute(s)",
                        "10m CPR 50 M 1 N 2 desired 2->2: reservation below target for 8 minute(s)",
                        "11m CPR 50 M 1 N 2 desired 2->2: reservation below target for 9 minute(s)",
                        "12m CPR 50 M 1 N 2 desired 2->2: reservation below target for 10 minute(s)",
                        "13m CPR 50 M 1 N 2 desired 2->2: reservation below target for 11 minute(s)",
                        "14m CPR 50 M 1 N 2 desired 2->2: reservation below target for 12 minute(s)",
                        "15m CPR 50 M 1 N 2 desired 2->2: reservation below target for 13 minute(s)",
                        "16m CPR 50 M 1 N 2 desired 2->2: reservation below target for 14 minute(s)",
                        "17m CPR 50 M 1 N 2 desired 2->1: reservation 50 below target 100 for 15 minutes");
        assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds()).containsExactly(busyEc2);
        assertThat(instances(ecs, ContainerInstanceStatus.ACTIVE))
                .extracting(ContainerInstance::ec2InstanceId)
                .containsExactly(busyEc2);
        assertThat(describe(ecs, List.of(tasks.get(0))).get(0).lastStatus()).isEqualTo("RUNNING");
        // Once its tasks stop too, the group goes down to zero.
        for (Task t : tasks) {
            ecs.stopTask(b -> b.cluster("prod").task(t.taskArn()));
        }
        ecs.clock().advance(Duration.ofMinutes(16));
        assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds()).isEmpty();
        assertThat(ecs.autoScalingGroups().describe("asg-1").desiredCapacity()).isZero();
    }

    /** docs/scheduler.md#managed-scaling-in-the-fake: daemon tasks neither count nor protect; draining stops them. */
    @Test
    void instancesRunningOnlyDaemonTasksCountAsEmptyAndAreDrainedAway() {
        FakeEcs ecs = cluster(DEFAULT);
        ecs.autoScalingGroups().setDesiredCapacity("asg-1", 2);
        ecs.createService(b -> b.cluster("prod")
                .serviceName("agent")
                .taskDefinition("web")
                .launchType(io.github.berth.core.model.LaunchType.EC2)
                .schedulingStrategy(io.github.berth.core.model.SchedulingStrategy.DAEMON));
        ecs.clock().advance(Duration.ofMinutes(2));
        List<String> daemonTasks =
                ecs.listTasks(b -> b.cluster("prod").serviceName("agent")).taskArns();
        assertThat(daemonTasks).hasSize(2);
        ecs.clock().advanceTo(Scenario.T0.plus(Duration.ofMinutes(17)));
        List<String> r = reservations(ecs);
        assertThat(r.get(1)).isEqualTo("2m CPR 0 M 0 N 2 desired 2->2: reservation below target for 2 minute(s)");
        assertThat(r.subList(14, 17))
                .containsExactly(
                        "15m CPR 0 M 0 N 2 desired 2->1: reservation 0 below target 100 for 15 minutes",
                        "16m CPR 0 M 0 N 1 desired 1->0: reservation 0 below target 100 for 16 minutes",
                        "17m CPR 100 M 0 N 0 desired 0->0: reservation at target");
        assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds()).isEmpty();
        assertThat(ecs.describeTasks(b -> b.cluster("prod").tasks(daemonTasks)).tasks())
                .extracting(Task::lastStatus)
                .containsExactly("STOPPED", "STOPPED");
        assertThat(ecs.events().ofType("ECS Container Instance State Change"))
                .extracting(e -> e.detail("status"))
                .containsExactly("ACTIVE", "ACTIVE", "DRAINING", "INACTIVE", "DRAINING", "INACTIVE");
    }

    /** docs/scheduler.md#managed-scaling-in-the-fake: without protection the group may end tasks. */
    @Test
    void withoutTerminationProtectionOrDrainingScaleInStopsTasksOnTheNewestInstance() {
        FakeEcs ecs = cluster(new Provider(true, false, false, b -> b));
        RunTaskResponse run =
                ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(1));
        ecs.clock().advance(Duration.ofMinutes(2).plusSeconds(5));
        Task t = describe(ecs, run.tasks()).get(0);
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        // One instance is busy of two: 15 minutes at CPR 50 and the group goes to 1, terminating the newest.
        ecs.clock().advanceTo(Scenario.T0.plus(Duration.ofMinutes(17)).plusSeconds(5));
        assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds()).hasSize(1);
        Task after = describe(ecs, run.tasks()).get(0);
        List<String> left = ecs.autoScalingGroups().describe("asg-1").instanceIds();
        String ranOn = ecs.describeContainerInstances(
                        b -> b.cluster("prod").containerInstances(List.of(t.containerInstanceArn())))
                .containerInstances()
                .get(0)
                .ec2InstanceId();
        // The group terminates its newest instance, the one the task runs on (seed 42): the task dies with it.
        assertThat(left).doesNotContain(ranOn);
        assertThat(after.lastStatus()).isEqualTo("STOPPED");
        assertThat(after.stoppedReason()).isEqualTo("Host EC2 (instance " + ranOn + ") terminated.");
        assertThat(instances(ecs, ContainerInstanceStatus.DRAINING)).isEmpty();
    }

    /** docs/scheduler.md#managed-scaling-in-the-fake: targetCapacity below 100 keeps spare instances. */
    @Test
    void aTargetCapacityBelowOneHundredKeepsASpareInstance() {
        for (int target : List.of(50, 100)) {
            FakeEcs ecs = cluster(new Provider(true, true, true, b -> b.targetCapacity(target)));
            ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(1));
            ecs.clock().advance(Duration.ofMinutes(20));
            assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds())
                    .as("target " + target)
                    .hasSize(target == 50 ? 2 : 1);
            List<String> r = reservations(ecs);
            assertThat(r.get(r.size() - 1))
                    .as("target " + target)
                    .isEqualTo(
                            target == 50
                                    ? "20m CPR 50 M 1 N 2 desired 2->2: reservation at target"
                                    : "20m CPR 100 M 1 N 1 desired 1->1: reservation at target");
        }
    }

    /** docs/scheduler.md#managed-scaling-in-the-fake: the step sizes bound the instances added for waiting tasks. */
    @Test
    void scalingStepSizesBoundTheInstancesAddedForWaitingTasks() {
        // One instance runs 5 tasks of 1500 MiB; 15 more wait, which need 3 more instances.
        for (int[] steps : List.of(new int[] {1, 10, 4}, new int[] {1, 2, 3}, new int[] {5, 10, 6})) {
            FakeEcs ecs = cluster(new Provider(
                    true,
                    true,
                    true,
                    b -> b.minimumScalingStepSize(steps[0])
                            .maximumScalingStepSize(steps[1])
                            .instanceWarmupPeriod(60)));
            ecs.autoScalingGroups().setDesiredCapacity("asg-1", 1);
            ecs.registerTaskDefinition(Scenario.web().toBuilder()
                    .family("big")
                    .containerDefinitions(List.of(Scenario.container("big", "app:1")
                            .memory(1500)
                            .cpu(256)
                            .build()))
                    .build());
            ecs.clock().advance(Duration.ofSeconds(61));
            ecs.runTask(b -> b.cluster("prod").taskDefinition("big").count(10));
            ecs.runTask(b -> b.cluster("prod").taskDefinition("big").count(10));
            ecs.clock().advance(Duration.ofMinutes(1));
            List<String> r = reservations(ecs);
            int m = steps[2]; // M = N (1) + the instances added = the new desired capacity
            assertThat(r.get(r.size() - 1))
                    .as("steps " + steps[0] + "/" + steps[1])
                    .isEqualTo("2m CPR " + m * 100 + " M " + m + " N 1 desired 1->" + m + ": reservation " + m * 100
                            + " above target 100");
        }
    }

    // ------------------------------------------------------------------ managed draining

    /** docs/scheduler.md#managed-scaling-in-the-fake: managed draining holds termination until the tasks are gone. */
    @Test
    void managedDrainingDrainsTheInstanceBeforeTheGroupTerminatesIt() {
        for (boolean draining : List.of(true, false)) {
            FakeEcs ecs = cluster(new Provider(true, false, draining, b -> b));
            RunTaskResponse run =
                    ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(1));
            ecs.clock().advance(Duration.ofMinutes(2).plusSeconds(5));
            Task t = describe(ecs, run.tasks()).get(0);
            ecs.autoScalingGroups().setDesiredCapacity("asg-1", 0);
            if (draining) {
                assertThat(instances(ecs, ContainerInstanceStatus.DRAINING))
                        .extracting(ContainerInstance::containerInstanceArn)
                        .containsExactly(t.containerInstanceArn());
                assertThat(describe(ecs, run.tasks()).get(0).lastStatus()).isEqualTo("RUNNING");
                assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds())
                        .hasSize(1);
                ecs.stopTask(b -> b.cluster("prod").task(t.taskArn()));
                ecs.clock().advance(Duration.ofSeconds(5));
            } else {
                assertThat(describe(ecs, run.tasks()).get(0).stopCode())
                        .isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            }
            assertThat(ecs.autoScalingGroups().describe("asg-1").instanceIds())
                    .as("draining " + draining)
                    .isEmpty();
            assertThat(instances(ecs, ContainerInstanceStatus.DRAINING)).isEmpty();
            assertThat(instances(ecs, ContainerInstanceStatus.ACTIVE)).isEmpty();
        }
    }

    // ------------------------------------------------------------------ quota and timeout

    /** docs/scheduler.md#tasks-waiting-for-capacity: the quota of tasks in PROVISIONING per cluster. */
    @Test
    void overTheProvisioningQuotaRunTaskFailsWithEcsTextAndChangesNothing() {
        FakeEcs ecs = cluster(FakeEcs.builder().provisioningTasksPerCluster(5), DEFAULT, 10);
        assertThat(ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(4))
                        .tasks())
                .hasSize(4);
        int events = ecs.events().all().size();
        assertThatThrownBy(() ->
                        ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(2)))
                .isInstanceOf(ClientException.class)
                .hasMessage("Tasks provisioning capacity limit exceeded.");
        assertThat(ecs.events().all()).hasSize(events);
        assertThat(ecs.listTasks(b -> b.cluster("prod")).taskArns()).hasSize(4);
        assertThat(ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(1))
                        .tasks())
                .extracting(Task::lastStatus)
                .containsExactly("PROVISIONING");
    }

    /** docs/scheduler.md#tasks-waiting-for-capacity: no capacity ever comes, the task stops. */
    @Test
    void aTaskThatWaitsTooLongStopsAsFailedToStart() {
        FakeEcs ecs = cluster(FakeEcs.builder(), DEFAULT, 0);
        Task t = ecs.runTask(b -> b.cluster("prod").taskDefinition("web"))
                .tasks()
                .get(0);
        ecs.clock().advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(describe(ecs, List.of(t)).get(0).lastStatus()).isEqualTo("PROVISIONING");
        ecs.clock().advance(Duration.ofSeconds(1));
        Task stopped = describe(ecs, List.of(t)).get(0);
        assertThat(stopped.lastStatus()).isEqualTo("STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(stopped.stoppedReason()).isEqualTo("TaskFailedToStart: EMPTY CAPACITY PROVIDER");
        assertThat(Scenario.statuses(ecs, t.taskArn()))
                .containsExactly("0s PROVISIONING/RUNNING", "1800s STOPPED/STOPPED");
        List<String> r = reservations(ecs);
        assertThat(r.get(0)).isEqualTo("1m CPR 200 M 1 N 0 desired 0->0: already at the group's MaxSize");
    }

    /** docs/scheduler.md#tasks-waiting-for-capacity: a task placed in time is not stopped by the timeout. */
    @Test
    void aTaskPlacedBeforeTheTimeoutKeepsRunning() {
        FakeEcs ecs = cluster(FakeEcs.builder().provisioningTimeout(Duration.ofMinutes(10)), DEFAULT, 10);
        Task t = ecs.runTask(b -> b.cluster("prod").taskDefinition("web"))
                .tasks()
                .get(0);
        ecs.clock().advance(Duration.ofMinutes(11));
        assertThat(describe(ecs, List.of(t)).get(0).lastStatus()).isEqualTo("RUNNING");
    }

    // ------------------------------------------------------------------ services, snapshots

    /** docs/scheduler.md#tasks-waiting-for-capacity: service tasks wait too. */
    @Test
    void serviceTasksWaitInProvisioningAndStartWhenCapacityComes() {
        FakeEcs ecs = cluster(DEFAULT);
        ecs.createService(
                b -> b.cluster("prod").serviceName("api").taskDefinition("web").desiredCount(3));
        ecs.clock().advance(Duration.ofSeconds(30));
        var s = ecs.describeServices(b -> b.cluster("prod").services(List.of("api")))
                .services()
                .get(0);
        assertThat(s.pendingCount()).isEqualTo(3);
        assertThat(s.runningCount()).isZero();
        List<String> arns =
                ecs.listTasks(b -> b.cluster("prod").serviceName("api")).taskArns();
        assertThat(ecs.describeTasks(b -> b.cluster("prod").tasks(arns)).tasks())
                .extracting(Task::lastStatus)
                .containsOnly("PROVISIONING");
        ecs.clock().advance(Duration.ofMinutes(3));
        s = ecs.describeServices(b -> b.cluster("prod").services(List.of("api")))
                .services()
                .get(0);
        assertThat(s.runningCount()).isEqualTo(3);
        assertThat(ecs.listTasks(b -> b.cluster("prod").serviceName("api")).taskArns())
                .containsExactlyElementsOf(arns);
    }

    @Test
    void aRestoredFakeGoesOnWithTheWaitingTasksAndTheMetric() {
        FakeEcs ecs = cluster(DEFAULT);
        ecs.runTask(b -> b.cluster("prod").taskDefinition("web").count(4));
        ecs.clock().advance(Duration.ofSeconds(70));
        FakeEcs copy = FakeEcs.restore(ecs.snapshot());
        ecs.clock().advance(Duration.ofMinutes(20));
        copy.clock().advance(Duration.ofMinutes(20));
        assertThat(reservations(copy)).hasSize(21).isEqualTo(reservations(ecs));
        assertThat(copy.snapshot()).isEqualTo(ecs.snapshot());
    }
}
