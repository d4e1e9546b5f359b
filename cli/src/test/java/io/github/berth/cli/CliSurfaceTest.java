package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line's API for Java is {@link Berth} alone: every other public type of the cli module
 * is in {@code io.github.berth.cli.internal}, which is not API (and not in the javadoc).
 */
class CliSurfaceTest {

    @Test
    void theOnlyPublicTypeOutsideInternalIsBerth() throws Exception {
        TreeSet<String> api = new TreeSet<>();
        TreeSet<String> internal = new TreeSet<>();
        for (String name : cliClasses()) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            if (!Modifier.isPublic(c.getModifiers()) || c.getDeclaringClass() != null || c.isSynthetic()) {
                continue;
            }
            (List.of(c.getPackageName().split("\\.")).contains("internal") ? internal : api).add(c.getName());
        }
        assertThat(api).containsExactly("io.github.berth.cli.Berth");
        // The plumbing is there, public for the commands: the check above is not vacuous.
        assertThat(internal)
                .contains(
                        "io.github.berth.cli.internal.forms.Validation", "io.github.berth.cli.internal.report.Report");
    }

    private static List<String> cliClasses() throws Exception {
        URI location =
                Berth.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        if (Files.isDirectory(root)) {
            return classesUnder(root);
        }
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location), Map.of())) {
            return classesUnder(jar.getPath("/"));
        }
    }

    private static List<String> classesUnder(Path root) throws Exception {
        Path cli = root.resolve("io/github/berth/cli");
        try (Stream<Path> files = Files.walk(cli)) {
            return files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".class") && !f.endsWith("package-info.class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}
