package io.github.berth.benchmarks;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * Reading and validating a three-container Fargate task definition (RegisterTaskDefinition input,
 * read strictly), the work of {@code berth validate} and of the fake's RegisterTaskDefinition. Target:
 * 100,000 per second on one core. {@code readAndValidate} is the figure; {@code read} and
 * {@code validate} show where the time goes.
 *
 * <pre>
 * mvn -q -B -o -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar TaskDefinition -f 1 -wi 3 -i 5 -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class TaskDefinitionBenchmark {

    private String json;
    private RegisterTaskDefinitionRequest request;

    @Setup
    public void setUp() {
        try (InputStream in = TaskDefinitionBenchmark.class.getResourceAsStream("/fargate-web.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request = EcsJson.strict().read(json, RegisterTaskDefinitionRequest.class);
        if (request.containerDefinitions() == null
                || request.containerDefinitions().size() != 3
                || !TaskDefinitionValidator.validate(request).isEmpty()) {
            throw new IllegalStateException("the benchmark needs a valid three-container definition");
        }
    }

    @Benchmark
    public List<Violation> readAndValidate() {
        return TaskDefinitionValidator.validate(EcsJson.strict().read(json, RegisterTaskDefinitionRequest.class));
    }

    @Benchmark
    public RegisterTaskDefinitionRequest read() {
        return EcsJson.strict().read(json, RegisterTaskDefinitionRequest.class);
    }

    @Benchmark
    public List<Violation> validate() {
        return TaskDefinitionValidator.validate(request);
    }
}
