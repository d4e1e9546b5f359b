package io.github.berth.core.validation;

import io.github.berth.core.validation.internal.Violations;

/** One group of the checks ECS makes on RegisterTaskDefinition; each reports every breach it finds. */
interface TaskDefinitionRule {

    void check(TaskDefinitionContext td, Violations out);
}
