package io.github.berth.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.api.DescribeTasksResponse;
import io.github.berth.core.model.Cluster;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.ContainerInstanceStatus;
import io.github.berth.core.model.DesiredStatus;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.Task;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of calls, faults and clock moves against one fake; after every step the fake's
 * invariants hold: counts are true, no instance is over-committed, every task is in exactly one
 * state and never moves backwards, and no task is lost or duplicated. A failure shrinks to a short
 * sequence (testkit's property engine).
 */
class FakeEcsStatefulPropertyTest {

    /** One thing a test does to the fake. */
    sealed interface Step {}

    record Launch(int zone, String type) implements Step {}

    record Run(String family, int count) implements Step {}

    record Stop(int pick) implements Step {}

    record Advance(int seconds) implements Step {}

    record Drain(int pick, boolean draining) implements Step {}

    record Terminate(int pick) implements Step {}

    record Agent(int pick, boolean connected) implements Step {}

    private static final List<String> ORDER = List.of(
            "PROVISIONING",
            "PENDING",
            "ACTIVATING",
            "RUNNING",
            "DEACTIVATING",
            "STOPPING",
            "DEPROVISIONING",
            "STOPPED");

    static Gen<Step> step() {
        return Gen.frequency(
                Gen.weighted(
                        2, Gen.zip(Gen.integers(0, 2), Gen.elements("m5.large", "c5.xlarge", "t3.medium"), (z, t) ->
                                (Step) new Launch(z, t))),
                Gen.weighted(4, Gen.zip(Gen.elements("web", "flaky", "sick"), Gen.integers(1, 10), (f, n) ->
                        (Step) new Run(f, n))),
                Gen.weighted(2, Gen.integers(0, 1000).map(i -> (Step) new Stop(i))),
                Gen.weighted(4, Gen.integers(1, 900).map(s -> (Step) new Advance(s))),
                Gen.weighted(1, Gen.zip(Gen.integers(0, 1000), Gen.booleans(), (i, d) -> (Step) new Drain(i, d))),
                Gen.weighted(1, Gen.integers(0, 1000).map(i -> (Step) new Terminate(i))),
                Gen.weighted(1, Gen.zip(Gen.integers(0, 1000), Gen.booleans(), (i, c) -> (Step) new Agent(i, c))));
    }

    @Test
    void invariantsHoldAfterEveryStep() {
        Property.forAll(Gen.lists(step(), 1, 30)).tries(60).seed(20261205L).check(steps -> {
            FakeEcs ecs = FakeEcs.builder().seed(3).build();
            ecs.createCluster(b -> b.clusterName("prod"));
            ecs.registerTaskDefinition(Scenario.web());
            ecs.registerTaskDefinition(Scenario.checked("flaky", "flaky:1"));
            ecs.registerTaskDefinition(Scenario.checked("sick", "sick:1"));
            ecs.behaviours().family("flaky").exitAfter(Duration.ofMinutes(4), 1).withProbability(0.5);
            ecs.behaviours().family("sick").unhealthyAfter(Duration.ofSeconds(45));
            Map<String, Integer> lastOrder = new HashMap<>();
            Set<String> launched = new HashSet<>();
            for (Step s : steps) {
                apply(ecs, s, launched);
                check(ecs, launched, lastOrder);
            }
        });
    }

    private static void apply(FakeEcs ecs, Step step, Set<String> launched) {
        List<String> instances =
                ecs.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns();
        if (step instanceof Launch l) {
            ecs.launchInstance("prod", l.type(), "us-east-1" + (char) ('a' + l.zone()));
        } else if (step instanceof Run r) {
            if (instances.isEmpty()) {
                return; // ECS refuses an EC2 RunTask on a cluster without instances: nothing to check here
            }
            ecs.runTask(b -> b.cluster("prod").taskDefinition(r.family()).count(r.count()))
                    .tasks()
                    .forEach(t -> assertThat(launched.add(t.taskArn()))
                            .as("a new task ARN")
                            .isTrue());
        } else if (step instanceof Stop s) {
            List<String> running = ecs.listTasks(b -> b.cluster("prod")).taskArns();
            if (!running.isEmpty()) {
                ecs.stopTask(b -> b.cluster("prod").task(running.get(s.pick() % running.size())));
            }
        } else if (step instanceof Advance a) {
            ecs.clock().advance(Duration.ofSeconds(a.seconds()));
        } else if (instances.isEmpty()) {
            return;
        } else if (step instanceof Drain d) {
            ecs.updateContainerInstancesState(b -> b.cluster("prod")
                    .containerInstances(List.of(instances.get(d.pick() % instances.size())))
                    .status(d.draining() ? ContainerInstanceStatus.DRAINING : ContainerInstanceStatus.ACTIVE));
        } else if (step instanceof Terminate t) {
            ecs.terminateInstance("prod", instances.get(t.pick() % instances.size()));
        } else if (step instanceof Agent g) {
            String arn = instances.get(g.pick() % instances.size());
            if (g.connected()) {
                ecs.reconnectAgent("prod", arn);
            } else {
                ecs.disconnectAgent("prod", arn);
            }
        }
    }

    private static void check(FakeEcs ecs, Set<String> launched, Map<String, Integer> lastOrder) {
        List<String> running =
                ecs.listTasks(b -> b.cluster("prod").maxResults(100)).taskArns();
        List<String> stopped = ecs.listTasks(b -> b.cluster("prod").desiredStatus(DesiredStatus.STOPPED))
                .taskArns();
        List<String> all = new ArrayList<>();
        all.addAll(allPages(ecs, DesiredStatus.RUNNING));
        all.addAll(allPages(ecs, DesiredStatus.STOPPED));
        assertThat(new HashSet<>(all)).as("each task listed once").hasSameSizeAs(all);
        assertThat(all.stream().filter(a -> !launched.contains(a)).toList())
                .as("listed but never launched")
                .isEmpty();
        assertThat(running.stream().filter(stopped::contains).toList())
                .as("listed as running and stopped")
                .isEmpty();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 100) {
            List<String> page = all.subList(i, Math.min(all.size(), i + 100));
            DescribeTasksResponse d = ecs.describeTasks(b -> b.cluster("prod").tasks(page));
            assertThat(d.failures()).as("listed tasks are describable").isEmpty();
            tasks.addAll(d.tasks());
        }
        int runningCount = 0;
        int pendingCount = 0;
        Map<String, int[]> held = new HashMap<>();
        for (Task t : tasks) {
            int order = ORDER.indexOf(t.lastStatus());
            assertThat(order).as("a known lastStatus: %s", t.lastStatus()).isNotNegative();
            Integer before = lastOrder.put(t.taskArn(), order);
            assertThat(order)
                    .as("%s never moves backwards", t.taskArn())
                    .isGreaterThanOrEqualTo(before == null ? 0 : before);
            if ("RUNNING".equals(t.lastStatus())) {
                runningCount++;
            } else if (List.of("PROVISIONING", "PENDING", "ACTIVATING").contains(t.lastStatus())) {
                pendingCount++;
            }
            if ("STOPPED".equals(t.lastStatus())) {
                assertThat(t.desiredStatus()).isEqualTo("STOPPED");
            }
            if (!"STOPPED".equals(t.lastStatus()) && t.containerInstanceArn() != null) {
                int[] h = held.computeIfAbsent(t.containerInstanceArn(), k -> new int[2]);
                h[0] += t.containers().stream()
                        .mapToInt(c -> c.cpu() == null ? 0 : Integer.parseInt(c.cpu()))
                        .sum();
                h[1] += t.containers().stream()
                        .mapToInt(c -> c.memory() == null ? 0 : Integer.parseInt(c.memory()))
                        .sum();
            }
        }
        Cluster c = ecs.describeClusters(b -> b.clusters(List.of("prod")))
                .clusters()
                .get(0);
        assertThat(c.runningTasksCount()).as("runningTasksCount").isEqualTo(runningCount);
        assertThat(c.pendingTasksCount()).as("pendingTasksCount").isEqualTo(pendingCount);
        List<String> instances =
                ecs.listContainerInstances(b -> b.cluster("prod")).containerInstanceArns();
        assertThat(c.registeredContainerInstancesCount()).isEqualTo(instances.size());
        if (!instances.isEmpty()) {
            for (ContainerInstance i : ecs.describeContainerInstances(
                            b -> b.cluster("prod").containerInstances(instances))
                    .containerInstances()) {
                int cpu = value(i.registeredResources(), "CPU") - value(i.remainingResources(), "CPU");
                int memory = value(i.registeredResources(), "MEMORY") - value(i.remainingResources(), "MEMORY");
                int[] h = held.getOrDefault(i.containerInstanceArn(), new int[2]);
                assertThat(cpu).as("CPU held on %s", i.containerInstanceArn()).isEqualTo(h[0]);
                assertThat(memory)
                        .as("memory held on %s", i.containerInstanceArn())
                        .isEqualTo(h[1]);
                assertThat(value(i.remainingResources(), "CPU"))
                        .as("not over-committed")
                        .isNotNegative();
                assertThat(value(i.remainingResources(), "MEMORY"))
                        .as("not over-committed")
                        .isNotNegative();
            }
        }
    }

    private static List<String> allPages(FakeEcs ecs, DesiredStatus status) {
        List<String> out = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            var page =
                    ecs.listTasks(b -> b.cluster("prod").desiredStatus(status).nextToken(t));
            out.addAll(page.taskArns());
            token = page.nextToken();
        } while (token != null);
        return out;
    }

    private static int value(List<Resource> list, String name) {
        return list.stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow()
                .integerValue();
    }
}
