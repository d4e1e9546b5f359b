package io.github.berth.benchmarks;

import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.model.Deployment;
import io.github.berth.core.model.DeploymentRolloutState;
import io.github.berth.core.model.Service;
import io.github.berth.core.model.Task;
import io.github.berth.testkit.fake.FakeEcs;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The CPU time of {@link FakeEcsBenchmark}'s scenarios, measured with the thread's CPU clock: on a
 * machine shared with other work, wall-clock figures (JMH's) include time the thread waited for a
 * core, and this does not. The fake is single-threaded, so the calling thread's CPU time is its
 * work (garbage collection and compilation, on their own threads, are not counted). Medians after
 * warm-up rounds:
 *
 * <ul>
 *   <li>1,000 tasks launched by 100 RunTask calls on 100 instances, and DescribeTasks of them;
 *   <li>a REPLICA service of 5,000 on 5,000 instances from CreateService to steady state.
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.berth.benchmarks.FakeEcsCpuTime}
 * (optional arguments: rounds of the launch scenario, default 200; of the service one, default 5).
 */
public final class FakeEcsCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private FakeEcsCpuTime() {}

    public static void main(String[] args) {
        int launchRounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int serviceRounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long[] launch = new long[launchRounds];
        long[] describe = new long[launchRounds];
        RunTaskRequest run = RunTaskRequest.builder()
                .cluster("bench")
                .taskDefinition("web")
                .count(10)
                .build();
        for (int r = 0; r < launchRounds; r++) {
            FakeEcs ecs = FakeEcsBenchmark.cluster(100);
            long t0 = cpu();
            List<String> arns = new ArrayList<>(1000);
            for (int i = 0; i < 100; i++) {
                for (Task t : Objects.requireNonNull(ecs.runTask(run).tasks())) {
                    arns.add(t.taskArn());
                }
            }
            long t1 = cpu();
            for (int i = 0; i < 1000; i += 100) {
                List<String> page = arns.subList(i, i + 100);
                if (Objects.requireNonNull(ecs.describeTasks(
                                                b -> b.cluster("bench").tasks(page))
                                        .tasks())
                                .size()
                        != 100) {
                    throw new IllegalStateException("DescribeTasks lost tasks");
                }
            }
            long t2 = cpu();
            launch[r] = t1 - t0;
            describe[r] = t2 - t1;
        }
        long[] service = new long[serviceRounds];
        for (int r = 0; r < serviceRounds; r++) {
            FakeEcs ecs = FakeEcsBenchmark.cluster(5000);
            long t0 = cpu();
            steadyService(ecs, 5000);
            service[r] = cpu() - t0;
        }
        System.out.printf("CPU time, median (rounds after the first half, as warm-up):%n");
        System.out.printf("  1,000 launches (100 RunTask of 10, 100 instances): %.2f ms%n", median(launch) / 1e6);
        System.out.printf("  DescribeTasks of the 1,000 (10 calls of 100):       %.2f ms%n", median(describe) / 1e6);
        System.out.printf("  service of 5,000 on 5,000 instances to steady state: %.1f ms%n", median(service) / 1e6);
    }

    /** Creates service {@code svc} and moves the clock 10 s at a time until it is steady. */
    static Service steadyService(FakeEcs ecs, int desired) {
        ecs.createService(
                b -> b.cluster("bench").serviceName("svc").taskDefinition("web").desiredCount(desired));
        for (int step = 0; step < 360; step++) {
            ecs.clock().advance(Duration.ofSeconds(10));
            Service s = Objects.requireNonNull(
                            ecs.describeServices(b -> b.cluster("bench").services("svc"))
                                    .services())
                    .get(0);
            List<Deployment> deployments = s.deployments();
            DeploymentRolloutState rollout = deployments == null || deployments.size() != 1
                    ? null
                    : deployments.get(0).rolloutState();
            if (Integer.valueOf(desired).equals(s.runningCount())
                    && rollout != null
                    && "COMPLETED".equals(rollout.value())) {
                return s;
            }
        }
        throw new IllegalStateException("the service did not reach steady state within an hour");
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The median of the second half of the rounds (the first half warms the JIT up). */
    private static double median(long[] values) {
        long[] kept = Arrays.copyOfRange(values, values.length / 2, values.length);
        Arrays.sort(kept);
        return kept[kept.length / 2];
    }
}
