package io.github.berth.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.berth.core.model.Cluster;
import io.github.berth.testkit.fake.FakeEcs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 8 client threads × 10,000 mixed calls over HTTP: no error, and the fake's books balance
 * afterwards (every task run is either running or stopped by us, the cluster's counts agree).
 * The rate is printed, never asserted.
 */
class LoadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 8;
    private static final int CALLS = 10_000;
    private static final String NETWORK =
            "\"launchType\":\"FARGATE\",\"networkConfiguration\":{\"awsvpcConfiguration\":{\"subnets\":[\"subnet-0abc\"]}}";

    @Test
    void eightThreadsOfMixedCallsLeaveTheFakeConsistent() throws Exception {
        FakeEcs ecs = FakeEcs.builder().seed(11).build();
        try (EcsServer server = EcsServer.start(ecs)) {
            ok(Wire.ecs(server, "CreateCluster", "{\"clusterName\":\"load\"}"));
            String td =
                    "{\"family\":\"web\",\"requiresCompatibilities\":[\"FARGATE\"],\"networkMode\":\"awsvpc\",\"cpu\":\"256\","
                            + "\"memory\":\"512\",\"containerDefinitions\":[{\"name\":\"web\",\"image\":\"nginx:1.27\"}]}";
            ok(Wire.ecs(server, "RegisterTaskDefinition", td));
            AtomicInteger runs = new AtomicInteger();
            AtomicInteger stops = new AtomicInteger();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < CALLS; i++) {
                        HttpResponse<String> r;
                        switch (i % 10) {
                            case 0 -> {
                                r = Wire.ecs(
                                        server,
                                        "RunTask",
                                        "{\"cluster\":\"load\",\"taskDefinition\":\"web\"," + NETWORK + "}");
                                if (r.statusCode() == 200) {
                                    JsonNode tasks = read(r).get("tasks");
                                    if (tasks.size() == 1) {
                                        mine.add(tasks.get(0).get("taskArn").asText());
                                        runs.incrementAndGet();
                                    } else {
                                        errors.add("RunTask placed " + tasks.size() + ": " + r.body());
                                    }
                                }
                            }
                            case 1 -> {
                                if (mine.size() > 5) {
                                    r = Wire.ecs(
                                            server,
                                            "StopTask",
                                            "{\"cluster\":\"load\",\"task\":\"" + mine.remove(0) + "\"}");
                                    if (r.statusCode() == 200) {
                                        stops.incrementAndGet();
                                    }
                                } else {
                                    r = Wire.ecs(server, "ListClusters", "{}");
                                }
                            }
                            case 2, 3 ->
                                r = Wire.ecs(
                                        server,
                                        "DescribeTasks",
                                        "{\"cluster\":\"load\",\"tasks\":["
                                                + String.join(
                                                        ",",
                                                        mine.stream()
                                                                .limit(10)
                                                                .map(a -> "\"" + a + "\"")
                                                                .toList())
                                                + "]}");
                            case 4 -> r = Wire.ecs(server, "ListTasks", "{\"cluster\":\"load\",\"maxResults\":10}");
                            case 5 -> r = Wire.ecs(server, "ListClusters", "{}");
                            case 6 -> r = Wire.ecs(server, "DescribeClusters", "{\"clusters\":[\"load\"]}");
                            case 7 -> r = Wire.ecs(server, "DescribeTaskDefinition", "{\"taskDefinition\":\"web\"}");
                            case 8 -> r = Wire.ecs(server, "ListTaskDefinitions", "{\"familyPrefix\":\"web\"}");
                            default ->
                                r = i % 100 == 9
                                        ? Wire.control(server, "POST", "clock/advance", "{\"seconds\":1}")
                                        : Wire.ecs(
                                                server,
                                                "ListTasks",
                                                "{\"cluster\":\"load\",\"desiredStatus\":\"STOPPED\",\"maxResults\":5}");
                        }
                        if (r.statusCode() != 200) {
                            errors.add(r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf(
                    "LoadTest: %d calls over HTTP from %d threads in %.1f s: %.0f calls/s%n",
                    THREADS * CALLS, THREADS, seconds, THREADS * CALLS / seconds);
            assertThat(errors).isEmpty();

            // Let every stop finish, then the books must balance.
            ecs.clock().advance(Duration.ofMinutes(5));
            int running = ecs.listTasks(b -> b.cluster("load")
                            .desiredStatus(io.github.berth.core.model.DesiredStatus.RUNNING)
                            .maxResults(100))
                    .taskArns()
                    .size();
            Cluster c = ecs.describeClusters(b -> b.clusters(List.of("load")))
                    .clusters()
                    .get(0);
            assertThat(runs.get()).isEqualTo(THREADS * CALLS / 10);
            assertThat(c.runningTasksCount()).isEqualTo(runs.get() - stops.get());
            assertThat(c.pendingTasksCount()).isZero();
            assertThat(running).isEqualTo(Math.min(100, runs.get() - stops.get()));
        }
    }

    private static JsonNode read(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    private static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
