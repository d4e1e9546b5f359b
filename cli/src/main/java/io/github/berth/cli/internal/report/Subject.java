package io.github.berth.cli.internal.report;

import com.google.common.collect.ImmutableList;
import io.github.berth.core.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * One thing judged: a file, or one resource of a template or plan, with what was found in it.
 *
 * @param file the file as the user named it (or found it in a directory)
 * @param resource the resource within the file (a CloudFormation logical id, a Terraform address), or
 *     null when the subject is the whole file
 * @param kind what the document was read as, e.g. {@code task definition}, {@code CreateService input};
 *     empty when it could not be read
 * @param outcome the verdict
 * @param summary for {@link Outcome#UNREADABLE} and {@link Outcome#SKIPPED}: why, in a few words
 *     ({@code not a task definition}, {@code cannot read: no such file}); empty otherwise
 * @param findings every problem, in the order found
 * @param notes what could not be judged and why (e.g. rules skipped for values only known at deploy
 *     time)
 */
public record Subject(
        String file,
        @Nullable String resource,
        String kind,
        Outcome outcome,
        String summary,
        List<Finding> findings,
        List<String> notes) {

    public Subject {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(summary, "summary");
        findings = ImmutableList.copyOf(findings);
        notes = ImmutableList.copyOf(notes);
    }

    /** The file, and the resource when there is one: {@code template.yaml Resources.Web}. */
    public String name() {
        return resource == null ? file : file + " " + resource;
    }

    /** The verdict on a subject. */
    public enum Outcome {
        /** Judged, nothing found. */
        VALID,
        /** Judged, with findings the service would refuse (or, for lint, findings to act on). */
        INVALID,
        /** Could not be read as any form the command knows (exit status 2 when named on the command line). */
        UNREADABLE,
        /** Found in a directory and not a form the command knows: left out, without changing the exit status. */
        SKIPPED
    }
}
