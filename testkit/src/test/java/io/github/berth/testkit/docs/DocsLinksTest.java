package io.github.berth.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code explains its ECS rules by pointing at a section of {@code docs/}
 * ({@code docs/scheduler.md#health-checks-in-the-fake}): every such pointer names a page and a
 * heading that exist, with the anchor GitHub makes of the heading.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("docs/([a-z-]+\\.md)#([a-z0-9-]+)");

    @Test
    void everyDocsAnchorTheSourcesCiteExists() throws IOException {
        Path root = Paths.get("").toAbsolutePath().getParent();
        Path docs = root.resolve("docs");
        assertThat(docs).isDirectory();
        Map<String, Set<String>> anchors = new HashMap<>();
        try (Stream<Path> pages = Files.list(docs)) {
            pages.filter(p -> p.toString().endsWith(".md"))
                    .forEach(p -> anchors.put(p.getFileName().toString(), anchorsOf(p)));
        }
        List<String> broken = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/"))::iterator) {
                Matcher m = LINK.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    seen++;
                    Set<String> page = anchors.get(m.group(1));
                    if (page == null || !page.contains(m.group(2))) {
                        broken.add(root.relativize(f) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(seen).as("the sources cite docs/ sections").isGreaterThan(50);
        assertThat(broken).as("citations of docs/ sections that do not exist").isEmpty();
    }

    @Test
    void anAnchorIsTheHeadingAsGitHubSlugsIt() {
        assertThat(slug("Health checks in the fake")).isEqualTo("health-checks-in-the-fake");
        assertThat(slug("ENI limits per instance type")).isEqualTo("eni-limits-per-instance-type");
        assertThat(slug("awsvpc and ENIs")).isEqualTo("awsvpc-and-enis");
        assertThat(slug("Errors (ECS)")).isEqualTo("errors-ecs");
    }

    private static Set<String> anchorsOf(Path page) {
        Set<String> out = new HashSet<>();
        try {
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                if (line.startsWith("#")) {
                    out.add(slug(line.replaceFirst("^#+\\s*", "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String slug(String heading) {
        return heading.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\- _]", "")
                .replace(' ', '-');
    }
}
