package io.github.berth.cli.internal.report;

import com.google.common.collect.ImmutableList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results of one run of a command: which tool, the rules it applies and every subject judged, in
 * the order judged.
 *
 * @param command the command, e.g. {@code validate}; JUnit's suite name and SARIF's automation id
 * @param toolVersion the version of Berth
 * @param rules every rule a finding may refer to (SARIF lists them once)
 * @param subjects every subject judged
 */
public record Report(String command, String toolVersion, List<Rule> rules, List<Subject> subjects) {

    public Report {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(toolVersion, "toolVersion");
        rules = ImmutableList.copyOf(rules);
        subjects = ImmutableList.copyOf(subjects);
    }

    /** The rules by id, in the order given. */
    public Map<String, Rule> rulesById() {
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Rule r : rules) {
            byId.put(r.id(), r);
        }
        return byId;
    }

    /** How many subjects have the outcome. */
    public long count(Subject.Outcome outcome) {
        return subjects.stream().filter(s -> s.outcome() == outcome).count();
    }
}
