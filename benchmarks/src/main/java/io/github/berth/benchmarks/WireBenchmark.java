package io.github.berth.benchmarks;

import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.server.EcsServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The fake through the real AWS SDK for Java v2: per call in process ({@code FakeEcs.ecsClient()})
 * and over HTTP ({@code EcsServer}), DescribeTasks of 100 tasks and RunTask of 10; and calls per
 * second over HTTP from 8 client threads.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar WireBenchmark</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireBenchmark {

    private static final String NETWORK_SUBNET = "subnet-0abc";

    @State(Scope.Benchmark)
    public static class Fake {
        FakeEcs ecs;
        EcsServer server;
        EcsClient inProcess;
        EcsClient http;
        List<String> hundred;

        @Setup(Level.Trial)
        public void setUp() {
            ecs = FakeEcs.builder().seed(1).build();
            server = EcsServer.start(ecs);
            inProcess = ecs.ecsClient();
            http = EcsClient.builder()
                    .endpointOverride(server.endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFAKEFAKEFAKEFAKE", "s")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                    .build();
            inProcess.createCluster(b -> b.clusterName("bench"));
            inProcess.registerTaskDefinition(b -> b.family("web")
                    .requiresCompatibilities(software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE)
                    .networkMode("awsvpc")
                    .cpu("256")
                    .memory("512")
                    .containerDefinitions(c -> c.name("web").image("nginx:1.27")));
            hundred = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                for (Task t : runTen(inProcess).tasks()) {
                    hundred.add(t.taskArn());
                }
            }
            ecs.clock().advance(java.time.Duration.ofMinutes(1));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            http.close();
            inProcess.close();
            server.close();
        }
    }

    static RunTaskResponse runTen(EcsClient c) {
        return c.runTask(b -> b.cluster("bench")
                .taskDefinition("web")
                .count(10)
                .launchType("FARGATE")
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(NETWORK_SUBNET))));
    }

    @Benchmark
    public DescribeTasksResponse describeTasks100InProcess(Fake f) {
        return f.inProcess.describeTasks(b -> b.cluster("bench").tasks(f.hundred));
    }

    @Benchmark
    public DescribeTasksResponse describeTasks100Http(Fake f) {
        return f.http.describeTasks(b -> b.cluster("bench").tasks(f.hundred));
    }

    @Benchmark
    public RunTaskResponse runTask10InProcess(Fake f) {
        return runTen(f.inProcess);
    }

    @Benchmark
    public RunTaskResponse runTask10Http(Fake f) {
        return runTen(f.http);
    }

    /** Calls per second over HTTP with 8 client threads (a small call: the server's own cost). */
    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object describeClustersHttp8Threads(Fake f) {
        return f.http.describeClusters(b -> b.clusters("bench"));
    }
}
