package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md true: every region marked {@code // readme:<name>} ... {@code // end readme:<name>}
 * in the example tests (which compile and run) must stand, word for word, as a java block of the
 * README, and the README's commands must be the ones CI runs.
 */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path EXAMPLES = Path.of("src", "test", "java", "io", "github", "berth", "testkit", "examples");
    private static final Pattern REGION =
            Pattern.compile("// readme:([a-z-]+)\\n(.*?)\\n\\s*// end readme:\\1", Pattern.DOTALL);

    @Test
    void everyMarkedExampleStandsInTheReadme() throws IOException {
        String readme = Files.readString(README);
        List<String> blocks = javaBlocks(readme);
        List<String> regions = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                Matcher m = REGION.matcher(Files.readString(f));
                while (m.find()) {
                    regions.add(m.group(1));
                    assertThat(blocks)
                            .as("README block for example '%s' of %s", m.group(1), f.getFileName())
                            .contains(dedent(m.group(2)));
                }
            }
        }
        assertThat(regions).contains("quick-start", "property-example");
    }

    @Test
    void theReadmeShowsTheCommandsCiRuns() throws IOException {
        String readme = Files.readString(README);
        assertThat(readme).contains("mvn -B verify");
        assertThat(readme).contains("mvn -q -DskipTests package && java -jar cli/target/berth.jar serve");
        assertThat(Files.readString(Path.of("..", ".ci", "run"))).contains("mvn -B verify");
    }

    /**
     * The text of the fenced block that follows {@code <!-- output:NAME -->} in the README: what an
     * example prints, pinned whole by the example's test.
     */
    static String outputBlock(String name) throws IOException {
        String readme = Files.readString(README);
        Matcher m = Pattern.compile(
                        "<!-- output:" + Pattern.quote(name) + " -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme);
        assertThat(m.find()).as("README has an output block marked %s", name).isTrue();
        return m.group(1);
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)\\n```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(dedent(m.group(1)));
        }
        return blocks;
    }

    static String dedent(String text) {
        List<String> lines = text.lines().collect(Collectors.toList());
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(l -> l.isBlank() ? "" : l.substring(indent))
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
