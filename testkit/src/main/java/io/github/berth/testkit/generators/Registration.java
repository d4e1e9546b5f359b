package io.github.berth.testkit.generators;

import io.github.berth.core.Nullable;
import java.util.List;

/**
 * Small helpers the generators share when they read registered task definitions; what ECS stores
 * for a registration is core's {@link io.github.berth.core.validation.TaskDefinitions#registered}.
 */
final class Registration {

    private Registration() {}

    static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
