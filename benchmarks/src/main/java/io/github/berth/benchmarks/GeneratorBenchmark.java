package io.github.berth.benchmarks;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.testkit.generators.EcsGen;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import io.github.berth.testkit.property.PropertyFailure;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The property engine's costs: how many valid Fargate task definitions it generates per second, and
 * what one failing task-definition property costs, from the first failure to the shrunk
 * counterexample.
 *
 * <pre>
 * mvn -q -B -o -pl benchmarks -am -DskipTests package
 * java -jar benchmarks/target/benchmarks.jar GeneratorBenchmark
 * </pre>
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GeneratorBenchmark {

    private final Gen<RegisterTaskDefinitionRequest> fargate = EcsGen.fargateTaskDefinitions();
    private long seed;

    /** One valid Fargate task definition, a new seed each time. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public RegisterTaskDefinitionRequest generateFargateTaskDefinition() {
        return fargate.sample(seed++);
    }

    /**
     * One failing property of task definitions, found and shrunk: "no container maps more than one
     * port" fails on a task definition of many containers and ports, and shrinks to one container
     * with two port mappings. The seed is fixed, so every invocation does the same work.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PropertyFailure shrinkFailingTaskDefinitionProperty() {
        try {
            Property.forAll(fargate).seed(42).check(td -> {
                if (Objects.requireNonNull(td.containerDefinitions()).stream() // the generator always gives some
                        .anyMatch(c ->
                                c.portMappings() != null && c.portMappings().size() > 1)) {
                    throw new AssertionError("a container maps more than one port");
                }
            });
        } catch (PropertyFailure f) {
            return f;
        }
        throw new IllegalStateException("the property was meant to fail");
    }
}
