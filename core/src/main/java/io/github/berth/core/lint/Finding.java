package io.github.berth.core.lint;

/**
 * One breach of a best practice.
 *
 * @param rule the rule broken
 * @param resource the resource it is on: a task definition's family, a service's name, a scalable
 *     target's resource id (what suppressions name)
 * @param path the JSON path of the member in the resource, empty for the resource as a whole
 * @param message what is wrong here, naming the container or value concerned
 */
public record Finding(LintRule rule, String resource, String path, String message) {

    public Finding {
        if (rule == null || resource == null || path == null || message == null) {
            throw new IllegalArgumentException("a finding needs a rule, a resource, a path and a message");
        }
    }

    public String ruleId() {
        return rule.id();
    }

    public Severity severity() {
        return rule.severity();
    }

    public String docUrl() {
        return rule.docUrl();
    }

    /** {@code path: severity RULE-ID: message}, {@code (resource)} for an empty path. */
    @Override
    public String toString() {
        return (path.isEmpty() ? "(resource)" : path) + ": " + severity().value() + " " + rule.id() + ": " + message;
    }
}
