package io.github.berth.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.lint.LintRule;
import io.github.berth.core.lint.LintRules;
import io.github.berth.scaling.lint.ScalingLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's table of lint rules lists every rule, with its severity, and no rule that does not exist. */
class ReadmeLintRulesTest {

    @Test
    void everyRuleIsInTheReadmeTableWithItsSeverity() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<LintRule> rules = new ArrayList<>(LintRules.all());
        rules.addAll(ScalingLint.all());
        for (LintRule r : rules) {
            assertThat(readme).contains("| `" + r.id() + "` | " + r.severity().value() + " |");
        }
        long rows = readme.lines()
                .filter(l -> l.matches("\\| `(TD|SVC|SCALING)-[A-Z-]+` \\|.*"))
                .count();
        assertThat(rows).isEqualTo(rules.size());
    }
}
