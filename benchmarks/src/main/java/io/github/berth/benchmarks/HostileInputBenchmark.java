package io.github.berth.benchmarks;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Resource;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.scaling.alarm.MetricSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-input budget: reading, validating, querying and placing any input of at most 1 MiB
 * takes at most 100 ms and 64 MiB above its result. One benchmark per worst input found by
 * fuzzing and by hand (each was seconds or gigabytes before it was fixed); time per input, and
 * with {@code -prof gc} the bytes allocated per input ({@code gc.alloc.rate.norm}).
 *
 * <pre>
 * mvn -q -B -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar HostileInputBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g", "-Xss512k"})
public class HostileInputBenchmark {

    private static final int MIB = 1 << 20;

    private String tinyExponent;
    private String hugeExponent;
    private String containersToTheLimit;
    private String csvLongNumber;
    private String deepQuery;
    private ClusterSnapshot thirtyAs;
    private ClusterSnapshot oneBigInstance;
    private TaskDefinition threeHundredPorts;
    private TaskDefinition onePort;

    @Setup
    public void setUp() {
        tinyExponent = "{\"taskDefinition\": {\"family\": \"x\", \"registeredAt\": 1e-30000000}}";
        hugeExponent = "{\"taskDefinition\": {\"family\": \"x\", \"registeredAt\": 1e1000000000}}";
        StringBuilder containers = new StringBuilder("{\"family\": \"x\", \"containerDefinitions\": [");
        while (containers.length() < MIB - 16) {
            containers
                    .append(containers.charAt(containers.length() - 1) == '[' ? "" : ",")
                    .append("{}");
        }
        containersToTheLimit = containers.append("]}").toString();
        csvLongNumber = "timestamp,value\n2024-03-04T10:00:00Z," + "1".repeat(MIB - 64) + "x\n";
        deepQuery = "(".repeat(ClusterQuery.MAX_DEPTH - 1) + "attribute:y =~ '((a+)+)+b'"
                + ")".repeat(ClusterQuery.MAX_DEPTH - 1);
        List<ContainerInstance> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(instance(i, 4096, 16384, "a".repeat(30)));
        }
        thirtyAs = ClusterSnapshot.of(many, List.of());
        oneBigInstance = ClusterSnapshot.of(List.of(instance(0, 10_000_000, 10_000_000, "x")), List.of());
        List<PortMapping> ports = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            ports.add(PortMapping.builder().containerPort(1000 + p).build());
        }
        threeHundredPorts = task(ports);
        onePort = task(List.of(PortMapping.builder().containerPort(80).build()));
    }

    private static ContainerInstance instance(int i, int cpu, int memory, String y) {
        List<Resource> resources = List.of(
                Resource.builder().name("CPU").type("INTEGER").integerValue(cpu).build(),
                Resource.builder()
                        .name("MEMORY")
                        .type("INTEGER")
                        .integerValue(memory)
                        .build(),
                Resource.builder()
                        .name("PORTS")
                        .type("STRINGSET")
                        .stringSetValue(List.of("22", "51678", "51679"))
                        .build(),
                Resource.builder()
                        .name("PORTS_UDP")
                        .type("STRINGSET")
                        .stringSetValue(List.of())
                        .build());
        return ContainerInstance.builder()
                .containerInstanceArn(String.format("arn:aws:ecs:us-east-1:123456789012:container-instance/c/%032x", i))
                .ec2InstanceId("i-" + i)
                .status("ACTIVE")
                .agentConnected(true)
                .attributes(List.of(
                        Attribute.builder().name("y").value(y).build(),
                        Attribute.builder()
                                .name("ecs.availability-zone")
                                .value("us-east-1a")
                                .build()))
                .registeredResources(resources)
                .remainingResources(resources)
                .build();
    }

    private static TaskDefinition task(List<PortMapping> ports) {
        return TaskDefinition.builder()
                .family("ports")
                .addContainerDefinitions(ContainerDefinition.builder()
                        .name("app")
                        .image("app")
                        .memory(4)
                        .portMappings(ports)
                        .build())
                .build();
    }

    /** 12 bytes of exponent: once 20 s and tens of GB. */
    @Benchmark
    public Object readTimestampTinyExponent() {
        return EcsJson.strict().readTaskDefinitionFile(tinyExponent);
    }

    @Benchmark
    public Object readTimestampHugeExponent() {
        return refused(() -> EcsJson.strict().readTaskDefinitionFile(hugeExponent));
    }

    /** A 1 MiB task definition of empty containers (about 350,000), read and validated ("Too many containers"). */
    @Benchmark
    public Object readAndValidateContainersTo1MiB() {
        RegisterTaskDefinitionRequest r =
                EcsJson.strict().readTaskDefinitionFile(containersToTheLimit).request();
        return TaskDefinitionValidator.validate(r);
    }

    /** 1 MiB of digits as a metric value: the number check was a backtracking pattern. */
    @Benchmark
    public Object readCsvLongNumber() {
        return refused(() -> MetricSeries.parseCsv(csvLongNumber));
    }

    /** ((a+)+)+b against 1,000 instances whose attribute is 30 a's: exponential with java.util.regex. */
    @Benchmark
    public Object queryBacktrackingPattern() {
        return thirtyAs.filter("attribute:y =~ '((a+)+)+b'");
    }

    /** The same pattern under 499 parentheses. */
    @Benchmark
    public Object queryDeepAndBacktracking() {
        return thirtyAs.filter(deepQuery);
    }

    /** Nested counted repetitions: RE2/J alone would compile them to gigabytes. */
    @Benchmark
    public Object queryRepetitionBlowup() {
        return refused(() -> ClusterQuery.parse("attribute:y =~ '((a{100}){100}){100}'"));
    }

    /** 30 tasks of 300 dynamic ports on one instance: once 17 s. */
    @Benchmark
    public Object place30TasksOf300DynamicPorts() {
        return PlacementEngine.place(
                oneBigInstance,
                PlacementRequest.builder(threeHundredPorts)
                        .service("web")
                        .count(30)
                        .build());
    }

    /** 4,000 one-port tasks on one instance: once 6 s. */
    @Benchmark
    public Object place4000OnePortTasks() {
        return PlacementEngine.place(
                oneBigInstance,
                PlacementRequest.builder(onePort).service("web").count(4000).build());
    }

    private static Object refused(Runnable call) {
        try {
            call.run();
            throw new IllegalStateException("expected a refusal");
        } catch (AwsServiceException | IllegalArgumentException e) {
            return e;
        }
    }
}
