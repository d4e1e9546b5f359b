package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell commands can be pasted as they stand: no {@code <placeholder>} or
 * {@code [--option]} syntax, every file they name is in the repository, and every {@code berth}
 * line runs on the samples of {@code examples/} without a usage or input error. What the README
 * shows {@code berth validate} printing is pinned whole.
 */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    /** The lines of the README's fenced blocks without a language, which hold shell commands or output. */
    private static List<String> shellLines() throws IOException {
        List<String> lines = new ArrayList<>();
        String fence = null; // the language of the open block, "" for none
        for (String line : readme().lines().toList()) {
            if (line.startsWith("```")) {
                fence = fence == null ? line.substring(3).strip() : null;
            } else if ("".equals(fence)) {
                lines.add(line);
            }
        }
        assertThat(fence).as("every fenced block of the README is closed").isNull();
        return lines;
    }

    private static List<String> commands() throws IOException {
        return shellLines().stream()
                .filter(l -> l.startsWith("berth ")
                        || l.startsWith("mvn ")
                        || l.startsWith("export ")
                        || l.startsWith("java "))
                .toList();
    }

    /** Splits a command line as a POSIX shell would for these simple lines: blanks, single and double quotes. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        assertThat(quote).as("unbalanced quote in %s", line).isEqualTo((char) 0);
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    @Test
    void theSplitterKeepsQuotedWordsWhole() {
        assertThat(split("berth query --instances a.json 'x == 1 and not(y == 2)'"))
                .containsExactly("berth", "query", "--instances", "a.json", "x == 1 and not(y == 2)");
        assertThat(split("export PATH=\"$PWD/bin:$PATH\"")).containsExactly("export", "PATH=$PWD/bin:$PATH");
    }

    @Test
    void noCommandHoldsAPlaceholderOrOptionalSyntax() throws IOException {
        assertThat(commands()).isNotEmpty();
        for (String command : commands()) {
            assertThat(command).as("a shell syntax error when pasted").doesNotContainPattern("<[^>]*>");
            assertThat(command).as("optional syntax, not a command").doesNotContainPattern("\\[--");
            assertThat(command).as("a line continued elsewhere").doesNotEndWith("\\");
        }
    }

    @Test
    void everyFileTheCommandsNameIsInTheRepository() throws IOException {
        List<String> named = new ArrayList<>();
        for (String command : commands()) {
            for (String word : split(command)) {
                if (word.startsWith("examples/") || word.startsWith("bin/") || word.startsWith("cli/target/")) {
                    named.add(word);
                }
            }
        }
        assertThat(named)
                .contains("examples/web-task-definition.json", "examples/run-task.json", "examples/scaling/cpu.csv");
        for (String file : named) {
            if (!file.startsWith("cli/target/")) { // built by the first command
                assertThat(ROOT.resolve(file)).as("named in a README command").isRegularFile();
            }
        }
        assertThat(ROOT.resolve("bin/berth")).isExecutable();
    }

    @Test
    void everyBerthCommandRunsOnTheExamples() throws IOException {
        List<String> berth =
                commands().stream().filter(c -> c.startsWith("berth ")).toList();
        assertThat(berth).extracting(c -> split(c).get(1)).contains("validate", "place", "query", "simulate-scaling");
        for (String command : berth) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Berth.run(
                    InputStream.nullInputStream(),
                    new PrintWriter(out, true, StandardCharsets.UTF_8),
                    new PrintWriter(err, true, StandardCharsets.UTF_8),
                    arguments(command));
            // 0: all good; 1: ECS would refuse or could not place some of it (the examples show both); 2: bad input.
            assertThat(status)
                    .as("%s%n%s", command, err.toString(StandardCharsets.UTF_8))
                    .isIn(0, 1);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(command).doesNotContain("internal error");
        }
    }

    @Test
    void whatTheReadmeShowsValidatePrintingIsWhatItPrints() throws IOException {
        String command = commands().stream()
                .filter(c -> c.startsWith("berth validate "))
                .findFirst()
                .orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Berth.run(
                InputStream.nullInputStream(),
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(new ByteArrayOutputStream(), true),
                arguments(command));
        assertThat(status).isEqualTo(1);
        String printed = out.toString(StandardCharsets.UTF_8)
                .replace(ROOT + "/examples/", "examples/")
                .replace(System.lineSeparator(), "\n");
        assertThat(printed).isEqualTo(outputBlock("validate"));
    }

    /** A README command as arguments from this module's directory: examples/ under the root, outputs in a temporary folder. */
    private String[] arguments(String command) {
        List<String> words = split(command);
        List<String> args = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String previous = words.get(i - 1);
            if (previous.equals("--csv") || previous.equals("--svg")) {
                args.add(dir.resolve(w).toString());
            } else if (w.startsWith("examples/")) {
                args.add(ROOT.resolve(w).toString());
            } else {
                args.add(w);
            }
        }
        return args.toArray(new String[0]);
    }

    private static String outputBlock(String name) throws IOException {
        Matcher m = Pattern.compile("<!-- output:" + Pattern.quote(name) + " -->\\n```\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme());
        assertThat(m.find()).as("README has an output block marked %s", name).isTrue();
        return m.group(1);
    }
}
