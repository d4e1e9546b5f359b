package io.github.berth.cli.internal.report;

import io.github.berth.core.Nullable;
import java.util.Objects;

/**
 * What a finding's {@code ruleId} stands for: the metadata SARIF consumers show beside a result.
 *
 * @param id the id findings carry, e.g. {@code RegisterTaskDefinition}
 * @param name a short name in UpperCamelCase, as SARIF's {@code name}
 * @param description one sentence: what the rule checks
 * @param helpUri the documentation page that explains it (the AWS page of the operation), or null
 * @param severity the severity of its findings unless a finding says otherwise
 */
public record Rule(
        String id,
        String name,
        String description,
        @Nullable String helpUri,
        Severity severity) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
    }
}
