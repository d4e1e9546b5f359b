package io.github.berth.testkit.generators;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The task sizes Fargate accepts: CPU units and the memory values (MiB) allowed with each, for Linux
 * and for Windows (docs/task-definitions.md#fargate-sizes, from the API model's
 * RegisterTaskDefinitionRequest.memory text). Kept apart from core's validator on purpose, so the
 * property "generated valid task definitions pass validation" compares two independent readings of
 * the table.
 */
final class FargateSizes {

    /** One row of the table: a CPU value and its memory values. */
    record Row(int cpu, List<Integer> memory, boolean windows) {}

    static final List<Row> ROWS = ImmutableList.of(
            new Row(256, List.of(512, 1024, 2048), false),
            new Row(512, steps(1024, 4096, 1024), false),
            new Row(1024, steps(2048, 8192, 1024), true),
            new Row(2048, steps(4096, 16384, 1024), true),
            new Row(4096, steps(8192, 30720, 1024), true),
            // 8 and 16 vCPU: Linux on platform version 1.4.0 or later.
            new Row(8192, steps(16384, 61440, 4096), false),
            new Row(16384, steps(32768, 122880, 8192), false));

    static final List<Row> LINUX = ROWS;
    static final List<Row> WINDOWS = ROWS.stream().filter(Row::windows).collect(ImmutableList.toImmutableList());

    private FargateSizes() {}

    private static List<Integer> steps(int from, int to, int step) {
        ImmutableList.Builder<Integer> b = ImmutableList.builder();
        for (int m = from; m <= to; m += step) {
            b.add(m);
        }
        return b.build();
    }
}
