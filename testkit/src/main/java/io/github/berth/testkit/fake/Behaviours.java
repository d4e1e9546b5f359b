package io.github.berth.testkit.fake;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.TaskDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the containers of the fake do, as a test scripts it. By default a container starts a few
 * seconds after its task is placed, passes its health check and runs until it is stopped. A rule
 * changes that for the containers it matches (by image, task definition family, task definition
 * ARN or container name), for tasks launched after it is set:
 *
 * <pre>{@code
 * ecs.behaviours().image("registry/app:2.*").unhealthyAfter(Duration.ofSeconds(20));
 * ecs.behaviours().family("batch").exitAfter(Duration.ofMinutes(3), 0);
 * ecs.behaviours().image("private/missing:*").pullFailure();
 * ecs.behaviours().family("web").oomKilledAfter(Duration.ofHours(1)).withProbability(0.1);
 * }</pre>
 *
 * <p>When several rules match, each setting comes from the last rule that sets it. A rule with a
 * probability applies to each launched task with that chance, drawn from the fake's seed.
 */
public final class Behaviours {

    final List<Rule> rules = new ArrayList<>();

    Behaviours() {}

    /** Containers whose image matches {@code glob} ({@code *} matches any run of characters). */
    public Rule image(String glob) {
        return add(new Rule("image", glob));
    }

    /** Containers of the task definitions of {@code family}. */
    public Rule family(String family) {
        return add(new Rule("family", family));
    }

    /** Containers of one task definition revision, by ARN or {@code family:revision}. */
    public Rule taskDefinition(String arnOrFamilyRevision) {
        return add(new Rule("taskDefinition", arnOrFamilyRevision));
    }

    /** Containers named {@code name}, in any task definition. */
    public Rule container(String name) {
        return add(new Rule("container", name));
    }

    /** Every container. */
    public Rule all() {
        return add(new Rule("all", "*"));
    }

    /** Forgets every rule: containers behave by default again (for tasks launched from now on). */
    public void clear() {
        rules.clear();
    }

    private Rule add(Rule rule) {
        rules.add(rule);
        return rule;
    }

    /** One rule: which containers it matches, and what they do. Settings are fluent. */
    @JsonAutoDetect(
            fieldVisibility = JsonAutoDetect.Visibility.ANY,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE,
            setterVisibility = JsonAutoDetect.Visibility.NONE)
    public static final class Rule {
        String matchKind;
        String pattern;
        // What the rule sets; null where it leaves the container's behaviour alone.
        @Nullable
        Double probability;

        @Nullable
        Long startDelayMillis;

        @Nullable
        String pullFailure;

        @Nullable
        Long exitAfterMillis;

        @Nullable
        Integer exitCode;

        @Nullable
        String exitReason;

        @Nullable
        Long unhealthyAfterMillis;

        @Nullable
        Boolean neverHealthy;

        @Nullable
        Integer stopExitCode;

        // Jackson's (Snapshots): a snapshot sets matchKind and pattern.
        @SuppressWarnings("NullAway.Init")
        Rule() {}

        Rule(String matchKind, String pattern) {
            this.matchKind = matchKind;
            this.pattern = Objects.requireNonNull(pattern, "pattern");
        }

        /** The container takes {@code delay} longer to start (image pull and start). */
        public Rule startDelay(Duration delay) {
            this.startDelayMillis = nonNegative(delay).toMillis();
            return this;
        }

        /**
         * The image cannot be pulled: the task stops before it runs, with stop code {@code
         * TaskFailedToStart} and a {@code CannotPullContainerError} reason.
         */
        public Rule pullFailure() {
            return pullFailure("CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                    + "failed to resolve ref: not found");
        }

        /** The image cannot be pulled, with this stopped reason. */
        public Rule pullFailure(String stoppedReason) {
            this.pullFailure = Objects.requireNonNull(stoppedReason, "stoppedReason");
            return this;
        }

        /** The container exits with {@code exitCode} {@code after} it started running. */
        public Rule exitAfter(Duration after, int exitCode) {
            this.exitAfterMillis = nonNegative(after).toMillis();
            this.exitCode = exitCode;
            this.exitReason = null;
            return this;
        }

        /**
         * The container is killed for using too much memory {@code after} it started: exit code 137
         * and reason {@code OutOfMemoryError: Container killed due to memory usage} [obs].
         */
        public Rule oomKilledAfter(Duration after) {
            this.exitAfterMillis = nonNegative(after).toMillis();
            this.exitCode = 137;
            this.exitReason = "OutOfMemoryError: Container killed due to memory usage";
            return this;
        }

        /** The container's health check starts failing {@code after} it started running. */
        public Rule unhealthyAfter(Duration after) {
            this.unhealthyAfterMillis = nonNegative(after).toMillis();
            this.neverHealthy = false;
            return this;
        }

        /** The container's health check never passes. */
        public Rule neverHealthy() {
            this.neverHealthy = true;
            this.unhealthyAfterMillis = 0L;
            return this;
        }

        /** The container's health check passes again (undoes an earlier rule's failure). */
        public Rule healthy() {
            this.neverHealthy = false;
            this.unhealthyAfterMillis = -1L;
            return this;
        }

        /** The exit code when the task is stopped (default 0: the process exits on SIGTERM). */
        public Rule stopExitCode(int code) {
            this.stopExitCode = code;
            return this;
        }

        /** The rule applies to each launched task with this chance, drawn from the fake's seed. */
        public Rule withProbability(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability must be between 0 and 1: " + p);
            }
            this.probability = p;
            return this;
        }

        boolean matches(TaskDefinition td, ContainerDefinition c) {
            return switch (matchKind) {
                case "image" -> c.image() != null && glob(pattern, c.image());
                case "family" -> pattern.equals(td.family());
                case "taskDefinition" ->
                    pattern.equals(td.taskDefinitionArn()) || pattern.equals(td.family() + ":" + td.revision());
                case "container" -> pattern.equals(c.name());
                default -> true;
            };
        }

        private static Duration nonNegative(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative: " + d);
            }
            return d;
        }
    }

    /** What one container will do, all matching rules applied. */
    record Plan(
            long startDelayMillis,
            @Nullable String pullFailure,
            long exitAfterMillis,
            int exitCode,
            @Nullable String exitReason,
            long unhealthyAfterMillis,
            int stopExitCode) {}

    Plan plan(TaskDefinition td, ContainerDefinition c, FakeIds random) {
        long startDelay = 0;
        String pull = null;
        long exitAfter = -1;
        int exitCode = 0;
        String exitReason = null;
        long unhealthyAfter = -1;
        int stopExit = 0;
        for (Rule r : rules) {
            if (!r.matches(td, c)) {
                continue;
            }
            if (r.probability != null && random.nextDouble() >= r.probability) {
                continue;
            }
            if (r.startDelayMillis != null) {
                startDelay = r.startDelayMillis;
            }
            if (r.pullFailure != null) {
                pull = r.pullFailure;
            }
            if (r.exitAfterMillis != null) {
                exitAfter = r.exitAfterMillis;
                // exitAfter and oomAfter set the exit code with the delay.
                exitCode = Objects.requireNonNull(r.exitCode);
                exitReason = r.exitReason;
            }
            if (r.unhealthyAfterMillis != null) {
                unhealthyAfter = r.unhealthyAfterMillis;
            }
            if (r.stopExitCode != null) {
                stopExit = r.stopExitCode;
            }
        }
        return new Plan(startDelay, pull, exitAfter, exitCode, exitReason, unhealthyAfter, stopExit);
    }

    static boolean glob(String pattern, String text) {
        // Linear-time matching of '*' wildcards (no regular expression: patterns come from tests).
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
