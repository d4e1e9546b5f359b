package io.github.berth.benchmarks;

import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.json.EcsJson;
import io.github.berth.testkit.generators.EcsGen;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a CI step pays: {@code berth validate DIR} (the {@code bin/berth} launcher, {@code how=launcher})
 * or {@code java -jar cli/target/berth.jar validate DIR} ({@code how=jar}) over a directory of 1,000
 * task definitions, timed from the process start to its exit (the JVM's start included). The files are
 * RegisterTaskDefinition inputs from testkit's generators, pretty-printed as people keep them: nine in
 * ten valid (EC2, Fargate and EXTERNAL), one in ten breaking a named rule; the same seeds every run.
 *
 * <pre>
 * mvn -q -B -o -pl cli,benchmarks -am -DskipTests package
 * java -jar benchmarks/target/benchmarks.jar ValidateDirectoryBenchmark -p berthJar=cli/target/berth.jar
 * </pre>
 *
 * <p>Run from the repository's root: the launcher is {@code bin/berth}, which runs the jar beside it.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ValidateDirectoryBenchmark {

    /** The runnable jar to time. */
    @Param("cli/target/berth.jar")
    public String berthJar = "cli/target/berth.jar"; // JMH sets each @Param before @Setup: never null

    /** {@code launcher}: {@code sh bin/berth} (what the README's {@code berth} lines run); {@code jar}: {@code java -jar}. */
    @Param({"launcher", "jar"})
    public String how = "launcher";

    /** How many task definitions the directory holds. */
    @Param("1000")
    public int files;

    private Path dir;

    @Setup(Level.Trial)
    public void writeFiles() throws IOException {
        if (!Files.isRegularFile(Path.of(berthJar))) {
            throw new IllegalStateException(
                    berthJar + " is not there: build it with mvn -pl cli -am -DskipTests package");
        }
        dir = Files.createTempDirectory("berth-validate-bench");
        writeTaskDefinitions(dir, files);
    }

    /** Writes {@code n} task definitions into {@code dir}: seeds 0..n-1, every tenth one invalid. */
    static void writeTaskDefinitions(Path dir, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            RegisterTaskDefinitionRequest td = i % 10 == 9
                    ? EcsGen.invalidTaskDefinitions().sample(i).taskDefinition()
                    : EcsGen.taskDefinitions().sample(i);
            Files.writeString(
                    dir.resolve(String.format("td-%04d.json", i)),
                    EcsJson.strict().writePretty(td));
        }
    }

    /**
     * Writes the benchmark's files into a directory, to time or profile the command by hand:
     * {@code java -cp benchmarks/target/benchmarks.jar io.github.berth.benchmarks.ValidateDirectoryBenchmark DIR [N]}.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        writeTaskDefinitions(out, args.length > 1 ? Integer.parseInt(args[1]) : 1000);
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One run of the command; its exit status (1: the invalid tenth was found). */
    @Benchmark
    public int validateDirectory() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = how.equals("launcher")
                ? List.of("sh", Path.of("bin", "berth").toString(), "validate", dir.toString())
                : List.of(java, "-jar", berthJar, "validate", dir.toString());
        Process p = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.to(
                        new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int status = p.waitFor();
        if (status != 1) {
            throw new IllegalStateException(
                    "berth validate exited with " + status + ", expected 1 (invalid files found)");
        }
        return status;
    }
}
