package io.github.berth.core.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code tools/codegen/generate_model.py} (and its own tests) from a module's tests, so that
 * {@code mvn verify} fails when committed generated sources are not what the generator writes.
 * python3 is a requirement of the build.
 */
public final class GeneratedSources {

    /** What a python3 run printed and how it ended. */
    public record Run(int exitCode, String output) {}

    private GeneratedSources() {}

    /** The repository root: the first directory up from the module that holds the generator. */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("tools/codegen/generate_model.py"))) {
                return d;
            }
        }
        throw new IllegalStateException("tools/codegen/generate_model.py not found above " + dir);
    }

    /** Runs {@code python3 ARGS...} in the repository root, waiting at most five minutes. */
    public static Run python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("python3");
        command.addAll(List.of(args));
        Process p;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(repositoryRoot().toFile())
                    .redirectErrorStream(true);
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1"); // leave no __pycache__ in the tree
            p = builder.start();
        } catch (IOException e) {
            throw new IOException(
                    "cannot run python3, which the build needs to check the generated sources: " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("python3 " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
