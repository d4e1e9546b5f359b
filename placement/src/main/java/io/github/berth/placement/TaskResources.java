package io.github.berth.placement;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.validation.ResourceUnits;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the resource values of task definitions and tasks. */
final class TaskResources {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)\\s*-\\s*(\\d+)\\s*");

    private TaskResources() {}

    /**
     * CPU units or MiB of a task-level {@code cpu} / {@code memory} string ({@code "1 vCPU"},
     * {@code "2 GB"}, read by core's {@link ResourceUnits}); 0 when absent.
     *
     * @throws ClientException when the value is not one of the forms: for cpu ECS's text (
     *     docs/task-definitions.md#task-cpu-and-memory, [obs]); for memory core's [model] text worded like it (TaskDefinitionMessages)
     */
    static int units(@Nullable String value, boolean memory) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        OptionalInt units = memory ? ResourceUnits.memoryMiB(value) : ResourceUnits.cpuUnits(value);
        if (units.isEmpty()) {
            throw new ClientException(
                    memory ? "Invalid 'memory' setting for task." : "Invalid 'cpu' setting for task.");
        }
        return units.getAsInt();
    }

    /** Whether a task-level value is given at all. */
    static boolean given(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    /** The [first, last] of a {@code "8000-8010"} port range, or null. */
    static int @Nullable [] portRange(@Nullable String range) {
        if (range == null) {
            return null;
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            return null;
        }
        int first = port(m.group(1));
        int last = port(m.group(2));
        return first >= 0 && last >= 0 && first <= last && last <= 65535 ? new int[] {first, last} : null;
    }

    /** A port's digits as a number; -1 beyond 65535 (99999999999 once threw NumberFormatException here). */
    private static int port(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.length() - i > 5 ? -1 : Integer.parseInt(digits.substring(i));
    }
}
