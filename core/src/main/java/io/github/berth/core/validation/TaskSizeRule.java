package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.validation.internal.Violations;
import java.util.List;

/**
 * Task and container cpu and memory (docs/task-definitions.md#task-cpu-and-memory, docs/task-definitions.md#fargate-sizes, docs/task-definitions.md#container-cpu-and-memory): the task-level forms and ranges, the
 * Fargate table and Fargate's need for both values, and how the containers' values must fit the task.
 */
final class TaskSizeRule implements TaskDefinitionRule {

    /** Task cpu for EC2 and EXTERNAL: 128 (0.125 vCPU) to 196608 (192 vCPU) units (API, current). */
    static final int MIN_TASK_CPU = 128;

    static final int MAX_TASK_CPU = 196_608;
    /** [model] AWS documents no range for task memory on EC2; any positive number of MiB is taken. */
    static final int MIN_TASK_MEMORY = 1;

    private static final JsonPath CPU = JsonPath.root().child("cpu");
    private static final JsonPath MEMORY = JsonPath.root().child("memory");

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        boolean cpuValid = td.cpu.isPresent() && td.cpu.getAsInt() >= MIN_TASK_CPU && td.cpu.getAsInt() <= MAX_TASK_CPU;
        boolean memoryValid = td.memory.isPresent() && td.memory.getAsInt() >= MIN_TASK_MEMORY;
        if (td.cpuGiven && !cpuValid) {
            out.client(CPU, TaskDefinitionMessages.INVALID_TASK_CPU);
        }
        if (td.memoryGiven && !memoryValid) {
            out.client(MEMORY, TaskDefinitionMessages.INVALID_TASK_MEMORY);
        }
        if (td.fargate) {
            // The table applies whenever FARGATE is required, even together with EC2
            // (docs/task-definitions.md#fargate-sizes).
            if (!td.cpuGiven) {
                out.client(CPU, TaskDefinitionMessages.FARGATE_REQUIRES_CPU);
            }
            if (!td.memoryGiven) {
                out.client(MEMORY, TaskDefinitionMessages.FARGATE_REQUIRES_MEMORY);
            }
            if (cpuValid
                    && memoryValid
                    && !FargateTaskSizes.exists(td.cpu.getAsInt(), td.memory.getAsInt(), td.windows)) {
                out.client(
                        MEMORY, TaskDefinitionMessages.noFargateConfiguration(td.cpu.getAsInt(), td.memory.getAsInt()));
            }
        }
        checkContainers(td, cpuValid, memoryValid, out);
    }

    private static void checkContainers(
            TaskDefinitionContext td, boolean cpuValid, boolean memoryValid, Violations out) {
        List<ContainerDefinition> containers = td.containers;
        long reservations = 0;
        long cpu = 0;
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition c = containers.get(i);
            Integer memory = c.memory();
            Integer reservation = c.memoryReservation();
            // [model] Negative values are no amount of anything: refused. 0 counts as not given.
            negative(c.cpu(), "cpu", i, c, out);
            negative(memory, "memory", i, c, out);
            negative(reservation, "memoryReservation", i, c, out);
            boolean hasMemory = memory != null && memory != 0;
            boolean hasReservation = reservation != null && reservation != 0;
            if (!td.memoryGiven && !hasMemory && !hasReservation) {
                out.client(
                        TaskDefinitionContext.container(i),
                        TaskDefinitionMessages.memoryOrReservationRequired(TaskDefinitionContext.name(c)));
            }
            // [model] equality is allowed: docs say "greater than", a docs PR says "greater than or equal"
            // (awsdocs/amazon-ecs-developer-guide#242); docs/task-definitions.md#container-cpu-and-memory.
            if (memory != null && reservation != null && memory > 0 && memory < reservation) {
                out.client(
                        TaskDefinitionContext.container(i).child("memoryReservation"),
                        TaskDefinitionMessages.reservationAboveMemory(TaskDefinitionContext.name(c)));
            }
            // Checked per container, equality allowed (docs/task-definitions.md#container-cpu-and-memory).
            if (memoryValid && memory != null && memory > td.memory.getAsInt()) {
                out.client(
                        TaskDefinitionContext.container(i).child("memory"),
                        TaskDefinitionMessages.containerMemoryAboveTask(TaskDefinitionContext.name(c)));
            }
            reservations += reservation == null ? 0 : Math.max(0, reservation);
            cpu += c.cpu() == null ? 0 : Math.max(0, c.cpu());
        }
        if (memoryValid && reservations > td.memory.getAsInt()) {
            out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.RESERVATIONS_ABOVE_TASK_MEMORY);
        }
        if (cpuValid && cpu > td.cpu.getAsInt()) {
            out.client(TaskDefinitionContext.CONTAINERS, TaskDefinitionMessages.CONTAINER_CPU_ABOVE_TASK_CPU);
        }
    }

    private static void negative(
            @Nullable Integer value, String setting, int i, ContainerDefinition c, Violations out) {
        if (value != null && value < 0) {
            out.client(
                    TaskDefinitionContext.container(i).child(setting),
                    TaskDefinitionMessages.invalidContainerSetting(setting, TaskDefinitionContext.name(c)));
        }
    }
}
