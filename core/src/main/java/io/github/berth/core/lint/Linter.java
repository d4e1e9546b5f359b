package io.github.berth.core.lint;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.model.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges task definitions and CreateService inputs against the best practices of {@link LintRules}
 * and returns what it finds, minus what is suppressed: by the {@link Suppressions} given, or by the
 * resource's own tag {@value #SUPPRESS_TAG} whose value lists rule ids separated by spaces (tag values
 * cannot hold commas).
 *
 * <pre>{@code
 * Linter linter = Linter.with(Suppressions.ofFlags(List.of("TD-IMAGE-LATEST")));
 * for (Finding f : linter.taskDefinition(request)) {
 *   System.out.println(f.resource() + ": " + f);
 * }
 * }</pre>
 *
 * <p>Lint judges what ECS would accept; what it would refuse is {@code TaskDefinitionValidator}'s.
 * Stateless and thread-safe.
 */
public final class Linter {

    /** The tag whose value names rules (space-separated) not to report on the tagged resource. */
    public static final String SUPPRESS_TAG = "berth:lint:suppress";

    private final Suppressions suppressions;

    private Linter(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    public static Linter with(Suppressions suppressions) {
        return new Linter(suppressions);
    }

    /** The findings on a task definition; its resource name is its family. */
    public ImmutableList<Finding> taskDefinition(RegisterTaskDefinitionRequest td) {
        String resource = td.family() == null ? "" : td.family();
        List<Finding> found = new ArrayList<>();
        TaskDefinitionLint.check(td, resource, found::add);
        return keep(found, tagged(td.tags()));
    }

    /**
     * The findings on a CreateService input; its resource name is its service name.
     *
     * @param subnets what is known of subnets by id (AZ, public or not); may be empty
     */
    public ImmutableList<Finding> service(CreateServiceRequest service, Map<String, Subnet> subnets) {
        String resource = service.serviceName() == null ? "" : service.serviceName();
        List<Finding> found = new ArrayList<>();
        ServiceLint.check(service, ImmutableMap.copyOf(subnets), resource, found::add);
        return keep(found, tagged(service.tags()));
    }

    /**
     * Drops from findings made elsewhere (the scaling rules of berth-scaling) those the suppressions or
     * the resource's own suppress tag value ({@code tagValue}, may be null) name.
     */
    public ImmutableList<Finding> keep(Collection<Finding> findings, @Nullable String tagValue) {
        Set<String> tagged = tagValue == null
                ? Set.of()
                : Arrays.stream(tagValue.trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
        return keep(findings, tagged);
    }

    private ImmutableList<Finding> keep(Collection<Finding> findings, Set<String> tagged) {
        return findings.stream()
                .filter(f -> !tagged.contains(f.ruleId()) && !suppressions.suppresses(f.ruleId(), f.resource()))
                .collect(ImmutableList.toImmutableList());
    }

    private static Set<String> tagged(@Nullable List<Tag> tags) {
        if (tags == null) {
            return Set.of();
        }
        for (Tag t : tags) {
            if (SUPPRESS_TAG.equals(t.key()) && t.value() != null) {
                return Arrays.stream(t.value().trim().split("\\s+"))
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
            }
        }
        return Set.of();
    }
}
