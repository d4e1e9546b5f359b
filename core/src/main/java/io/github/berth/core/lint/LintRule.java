package io.github.berth.core.lint;

/**
 * One best practice: a stable id to suppress it by, its severity, the reason in one line, and the AWS
 * page that motivates it.
 *
 * @param id the rule id, e.g. {@code TD-PRIVILEGED}
 * @param severity how much a breach matters
 * @param reason one line saying what is wrong and what to do instead
 * @param docUrl the AWS documentation page behind the rule
 */
public record LintRule(String id, Severity severity, String reason, String docUrl) {

    public LintRule {
        if (id == null || id.isBlank() || severity == null || reason == null || docUrl == null) {
            throw new IllegalArgumentException("a lint rule needs an id, a severity, a reason and a documentation URL");
        }
    }

    /** A finding of this rule on {@code resource}, at {@code path}, saying {@code message}. */
    public Finding at(String resource, String path, String message) {
        return new Finding(this, resource, path, message);
    }
}
