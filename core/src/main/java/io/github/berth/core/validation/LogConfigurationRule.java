package io.github.berth.core.validation;

import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import io.github.berth.core.validation.internal.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Log configurations on every launch type: FireLens comes in pairs (an {@code awsfirelens} log driver
 * and a container with a {@code firelensConfiguration}, each needing the other), and the {@code awslogs}
 * driver takes its required options, only its own options, and {@code awslogs-create-group} only as
 * {@code true}. What Fargate adds (its drivers, the stream prefix) is in {@link FargateRule}.
 */
final class LogConfigurationRule implements TaskDefinitionRule {

    static final String GROUP = "awslogs-group";
    static final String REGION = "awslogs-region";
    static final String CREATE_GROUP = "awslogs-create-group";
    static final String DATETIME_FORMAT = "awslogs-datetime-format";
    static final String MULTILINE_PATTERN = "awslogs-multiline-pattern";

    /**
     * The options ECS lets through to Docker's awslogs driver [model]: those the ECS developer guide
     * documents (using_awslogs: awslogs-create-group, -region, -group, -stream-prefix, -datetime-format,
     * -multiline-pattern, mode, max-buffer-size) and the other options of Docker's driver, except
     * {@code awslogs-stream}, which ECS refuses ("Log driver awslogs disallows options: awslogs-stream",
     * aws/amazon-ecs-agent#418 [obs]) since it names the streams itself, and the credentials endpoint.
     */
    static final Set<String> AWSLOGS_OPTIONS = Set.of(
            GROUP,
            REGION,
            CREATE_GROUP,
            "awslogs-stream-prefix",
            "awslogs-datetime-format",
            "awslogs-multiline-pattern",
            "mode",
            "max-buffer-size",
            "awslogs-endpoint",
            "awslogs-create-stream",
            "awslogs-format",
            "awslogs-force-flush-interval-seconds",
            "awslogs-max-buffered-events",
            "tag");

    @Override
    public void check(TaskDefinitionContext td, Violations out) {
        int firelensDriver = -1;
        int firelensRouter = -1;
        for (int i = 0; i < td.containers.size(); i++) {
            ContainerDefinition c = td.containers.get(i);
            if (c.firelensConfiguration() != null && firelensRouter < 0) {
                firelensRouter = i;
            }
            LogConfiguration log = c.logConfiguration();
            if (log == null || log.logDriver() == null) {
                continue;
            }
            if (LogDriver.AWSFIRELENS.equals(log.logDriver()) && firelensDriver < 0) {
                firelensDriver = i;
            }
            if (LogDriver.AWSLOGS.equals(log.logDriver())) {
                checkAwslogs(log, TaskDefinitionContext.container(i).child("logConfiguration"), out);
            }
        }
        if (firelensDriver >= 0 && firelensRouter < 0) {
            out.client(
                    TaskDefinitionContext.container(firelensDriver)
                            .child("logConfiguration")
                            .child("logDriver"),
                    TaskDefinitionMessages.FIRELENS_DRIVER_WITHOUT_ROUTER);
        }
        if (firelensRouter >= 0 && firelensDriver < 0) {
            out.client(
                    TaskDefinitionContext.container(firelensRouter).child("firelensConfiguration"),
                    TaskDefinitionMessages.FIRELENS_ROUTER_WITHOUT_DRIVER);
        }
    }

    private static void checkAwslogs(LogConfiguration log, JsonPath at, Violations out) {
        Map<String, String> options = log.options() == null ? Map.of() : log.options();
        JsonPath optionsPath = at.child("options");
        List<String> disallowed = new ArrayList<>();
        for (String key : options.keySet()) {
            if (!AWSLOGS_OPTIONS.contains(key)) {
                disallowed.add(key);
            }
        }
        if (!disallowed.isEmpty()) {
            out.client(optionsPath, TaskDefinitionMessages.awslogsDisallows(String.join(", ", disallowed)));
        }
        StringJoiner missing = new StringJoiner(", ");
        if (blank(options.get(GROUP))) {
            missing.add(GROUP);
        }
        if (blank(options.get(REGION))) {
            missing.add(REGION);
        }
        if (missing.length() > 0) {
            out.client(optionsPath, TaskDefinitionMessages.awslogsRequires(missing.toString()));
        }
        // API LogConfiguration.options: "You cannot configure both the awslogs-datetime-format and
        // awslogs-multiline-pattern options" [doc]; text [model].
        if (options.containsKey(DATETIME_FORMAT) && options.containsKey(MULTILINE_PATTERN)) {
            out.client(optionsPath, TaskDefinitionMessages.AWSLOGS_DATETIME_AND_MULTILINE);
        }
        String create = options.get(CREATE_GROUP);
        if (create != null && !create.equals("true")) {
            out.client(optionsPath.child(CREATE_GROUP), TaskDefinitionMessages.AWSLOGS_CREATE_GROUP_NOT_TRUE);
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
