package io.github.berth.placement;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Why tasks were not placed, for a person: of the instances considered, how many each reason
 * excluded (each instance counted once, under the first check it failed, in the order of
 * {@link FailureReason}), and the closest matching instance whose reason ECS reports.
 *
 * @param firstTask the index of the first unplaced task this explains
 * @param tasks how many unplaced tasks, from {@code firstTask}, share it
 * @param pool what the tasks were placed on: {@code EC2}, {@code EXTERNAL} or a capacity provider
 * @param instancesConsidered the instances of that launch type or capacity provider
 * @param excludedBy instances per reason, in precedence order, reasons with none left out
 * @param reason the reported reason
 * @param closestInstanceArn the reported instance, or null for a request-level reason
 */
public record PlacementExplanation(
        int firstTask,
        int tasks,
        String pool,
        int instancesConsidered,
        Map<FailureReason, Integer> excludedBy,
        FailureReason reason,
        @Nullable String closestInstanceArn) {

    public PlacementExplanation {
        excludedBy = ImmutableMap.copyOf(excludedBy);
    }

    /**
     * One line, tasks numbered from 1: {@code tasks 3-4 (EC2): 5000 instances: 3120 RESOURCE:MEMORY, 1880 MemberOf placement
     * constraint unsatisfied; reported MemberOf placement constraint unsatisfied on arn:...}.
     */
    @Override
    public String toString() {
        // People count tasks from 1: the first task of a RunTask is "task 1" (firstTask is the 0-based index).
        int first = firstTask + 1;
        String which = tasks == 1 ? "task " + first : "tasks " + first + "-" + (first + tasks - 1);
        StringJoiner counts = new StringJoiner(", ");
        excludedBy.forEach((r, n) -> counts.add(n + " " + r.text()));
        String head = which + " (" + pool + "): " + instancesConsidered
                + (instancesConsidered == 1 ? " instance" : " instances");
        String body = instancesConsidered == 0 ? "" : ": " + counts;
        String tail = "; reported " + reason.text() + (closestInstanceArn != null ? " on " + closestInstanceArn : "");
        return head + body + tail;
    }
}
