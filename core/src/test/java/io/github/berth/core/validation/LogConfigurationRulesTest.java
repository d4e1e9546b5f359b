package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.client;
import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.model.FirelensConfiguration;
import io.github.berth.core.model.FirelensConfigurationType;
import io.github.berth.core.model.LogConfiguration;
import io.github.berth.core.model.LogDriver;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FireLens pairs and the awslogs driver's options, on every launch type. */
class LogConfigurationRulesTest {

    private static final FirelensConfiguration FLUENT_BIT = FirelensConfiguration.builder()
            .type(FirelensConfigurationType.FLUENTBIT)
            .build();
    private static final LogConfiguration FIRELENS = LogConfiguration.builder()
            .logDriver(LogDriver.AWSFIRELENS)
            .options(ImmutableMap.of("Name", "cloudwatch"))
            .build();

    private static LogConfiguration awslogs(Map<String, String> options) {
        return LogConfiguration.builder()
                .logDriver(LogDriver.AWSLOGS)
                .options(options)
                .build();
    }

    private static Map<String, String> groupAndRegion() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("awslogs-group", "/ecs/app");
        m.put("awslogs-region", "eu-west-1");
        return m;
    }

    @Test
    void anAwsfirelensDriverNeedsALogRouterContainer() {
        assertThat(validate(ec2(
                        container("web").logConfiguration(FIRELENS),
                        container("log_router").essential(false).firelensConfiguration(FLUENT_BIT))))
                .isEmpty();
        assertThat(validate(ec2(container("web"), container("api").logConfiguration(FIRELENS))))
                .containsExactly(client(
                        "containerDefinitions[1].logConfiguration.logDriver",
                        "When awsfirelens log driver is specified in log configuration, a firelens configuration object must be "
                                + "configured in one of the containers."));
    }

    @Test
    void aLogRouterNeedsAContainerThatSendsItLogs() {
        assertThat(validate(ec2(container("web"), container("log_router").firelensConfiguration(FLUENT_BIT))))
                .containsExactly(client(
                        "containerDefinitions[1].firelensConfiguration",
                        "When a firelensConfiguration object is specified, at least one container has to be configured with the "
                                + "awsfirelens log driver."));
    }

    @Test
    void awslogsNeedsAGroupAndARegion() {
        assertThat(validate(ec2(container("web").logConfiguration(awslogs(groupAndRegion())))))
                .isEmpty();
        assertThat(validate(ec2(container("web").logConfiguration(awslogs(Map.of("awslogs-group", "/ecs/app"))))))
                .containsExactly(client(
                        "containerDefinitions[0].logConfiguration.options",
                        "Log driver awslogs requires options: awslogs-region"));
        assertThat(validate(ec2(container("web")
                        .logConfiguration(LogConfiguration.builder()
                                .logDriver(LogDriver.AWSLOGS)
                                .build()))))
                .containsExactly(client(
                        "containerDefinitions[0].logConfiguration.options",
                        "Log driver awslogs requires options: awslogs-group, awslogs-region"));
        // other drivers have no such requirement here
        assertThat(validate(ec2(container("web")
                        .logConfiguration(LogConfiguration.builder()
                                .logDriver(LogDriver.JSON_FILE)
                                .build()))))
                .isEmpty();
    }

    @Test
    void awslogsTakesOnlyItsOwnOptions() {
        Map<String, String> options = groupAndRegion();
        options.put("awslogs-stream-prefix", "web");
        options.put("awslogs-datetime-format", "%Y-%m-%d");
        options.put("mode", "non-blocking");
        options.put("max-buffer-size", "25m");
        assertThat(validate(ec2(container("web").logConfiguration(awslogs(options)))))
                .isEmpty();
        options.put("log_key", "log");
        options.put("awslogs-stream", "fixed");
        assertThat(validate(ec2(container("web").logConfiguration(awslogs(options)))))
                .containsExactly(client(
                        "containerDefinitions[0].logConfiguration.options",
                        "Log driver awslogs disallows options: log_key, awslogs-stream"));
    }

    @Test
    void awslogsCreateGroupIsTrueOrAbsent() {
        Map<String, String> options = groupAndRegion();
        options.put("awslogs-create-group", "true");
        assertThat(validate(ec2(container("web").logConfiguration(awslogs(options)))))
                .isEmpty();
        options.put("awslogs-create-group", "false");
        assertThat(validate(ec2(container("web").logConfiguration(awslogs(options)))))
                .containsExactly(
                        client(
                                "containerDefinitions[0].logConfiguration.options.awslogs-create-group",
                                "Log driver awslogs option 'awslogs-create-group' should only be set to 'true', else omit option."));
    }
}
