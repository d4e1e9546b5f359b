package io.github.berth.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.api.CreateServiceRequest;
import io.github.berth.core.api.DescribeContainerInstancesResponse;
import io.github.berth.core.api.ListTasksResponse;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.api.RunTaskRequest;
import io.github.berth.core.arn.Arn;
import io.github.berth.core.arn.EcsArn;
import io.github.berth.core.error.ClientException;
import io.github.berth.core.error.InvalidParameterException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.lint.Suppressions;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.validation.JsonPath;
import io.github.berth.core.validation.ServiceValidator;
import io.github.berth.core.validation.TaskDefinitionNormalizer;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.QuerySyntaxException;
import io.github.berth.scaling.ScalingSimulator;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.PutMetricAlarmParser;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.schedule.CronExpression;
import io.github.berth.scaling.schedule.InvalidScheduleException;
import io.github.berth.scaling.schedule.ScheduledActionTimes;
import io.github.berth.scaling.validation.AutoScalingValidator;
import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.server.Dispatcher;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each public entry point that reads outside input, fed bad input of each kind the hostile-input
 * review named (numbers whose cost their text hides, patterns that backtrack, requests whose cost
 * grows with a count, sizes without limits, internal exceptions that leak), throws only what its
 * javadoc documents, with the path or position of the problem in the message. The table of what
 * each throws is docs/fuzzing.md#what-each-entry-point-throws.
 *
 * <p>What is tested elsewhere is not repeated here:
 * <ul>
 *   <li>{@code core/.../json/EcsJsonBadInputTest}: EcsJson's reading limits (size, tokens,
 *       nesting, number length), timestamp exponents, wrong types, syntax errors;</li>
 *   <li>{@code core/.../arn/ArnTest}: ARN parsing, part by part;</li>
 *   <li>{@code placement/.../query/ClusterQueryTest}: the query parser's columns, nesting limit,
 *       and {@code =~} patterns (RE2/J, counted repetitions, case folding);</li>
 *   <li>{@code scaling/.../alarm/MetricSeriesTest}, {@code .../schedule/ScheduleTest},
 *       {@code CronExpressionTest}, {@code ScalingSimulatorTest}: the CSV reader, schedules, the
 *       simulator's ranges;</li>
 *   <li>{@code testkit/.../server/BadRequestTest}: the wire's answers to bad bodies;</li>
 *   <li>{@code testkit/.../generators/CarelessInputSweepTest}: values built with absent members,
 *       empty strings and extreme numbers passed to every entry point of core, placement and
 *       scaling;</li>
 *   <li>the fuzz targets in {@code testkit/.../fuzz} (docs/fuzzing.md), run on their saved inputs in
 *       every build.</li>
 * </ul>
 */
class EntryPointExceptionsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // ------------------------------------------------------------------ core: EcsJson

    @Test
    void convertRefusesNumbersBeyondTheirTypeNamingThePath() {
        ObjectNode tree = NODES.objectNode();
        tree.set("count", NODES.numberNode(new BigInteger("1" + "0".repeat(1000))));
        assertThatThrownBy(() -> EcsJson.strict().convert(tree, RunTaskRequest.class))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("count: number out of range of an integer (32-bit)");
        ObjectNode timestamp = NODES.objectNode();
        timestamp.set("registeredAt", NODES.numberNode(new BigDecimal("1e3000000")));
        assertThatThrownBy(() -> EcsJson.strict().convert(timestamp, TaskDefinition.class))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage(
                        "registeredAt: not a timestamp: expected epoch seconds or an ISO-8601 date-time, found '1E+3000000'");
    }

    @Test
    void convertOfATreeNestedDeeperThanAnyTextMayBeStopsAtTheFirstWrongValue() {
        // A tree is built in memory, past the nesting limit of text: it must not reach the stack.
        ArrayNode deep = NODES.arrayNode();
        ArrayNode at = deep;
        for (int i = 0; i < 100_000; i++) {
            at = at.addArray();
        }
        ObjectNode tree = NODES.objectNode();
        tree.set("containerDefinitions", deep);
        assertThatThrownBy(() -> EcsJson.strict().convert(tree, RegisterTaskDefinitionRequest.class))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("containerDefinitions[0]: expected an object, found an array");
        assertThatThrownBy(() -> EcsJson.strict().convert(null, RunTaskRequest.class))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("tree");
    }

    @Test
    void lenientReadingOfNumbersWrittenAsStringsNamesThePathNotANumberFormatException() {
        assertThatThrownBy(() -> EcsJson.lenient().read("{\"count\": \"1e400\"}", RunTaskRequest.class))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("count: expected an integer (32-bit), found '1e400' (line 1, column 11)");
        String longValue = "{\"containerInstances\":[{\"registeredResources\":[{\"name\":\"CPU\",\"type\":\"LONG\","
                + "\"longValue\":\"99999999999999999999999\"}]}]}";
        assertThatThrownBy(() -> EcsJson.lenient().read(longValue, DescribeContainerInstancesResponse.class))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("containerInstances[0].registeredResources[0].longValue: expected an integer (64-bit), "
                        + "found '99999999999999999999999' (line 1, column 88)");
    }

    @Test
    void taskDefinitionFilesAreRefusedWithThePathLineAndColumn() {
        assertThatThrownBy(() -> EcsJson.strict().readTaskDefinitionFile("{\"taskDefinition\": 1}"))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("taskDefinition: expected an object, found a number (line 1, column 20)");
        assertThatThrownBy(() -> EcsJson.strict().readTaskDefinitionFile("[".repeat(5000)))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("expected an object (a task definition), found an array (line 1, column 1)");
        assertThatThrownBy(
                        () -> EcsJson.strict().readTaskDefinitionFile("{\"family\":\"" + "a".repeat(2_000_000) + "\"}"))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("family: the document is too large (more than 1 MiB) (line 1, column 1055001)");
        assertThat(EcsJson.strict()
                        .readTaskDefinitionFile("{\"family\":\"web\"}")
                        .request()
                        .family())
                .isEqualTo("web");
    }

    // ------------------------------------------------------------------ core: paths and ARNs

    @Test
    void aJsonPathAsDeepAsItsTextIsParsedAndPrintedWithoutTheStack() {
        String deep = "a" + "[0]".repeat(100_000);
        // Printing recursed once per step: a StackOverflowError before.
        assertThat(JsonPath.parse(deep).toString()).isEqualTo(deep);
        assertThat(JsonPath.parse("containerDefinitions[1][\"a.b\"].name").toString())
                .isEqualTo("containerDefinitions[1][\"a.b\"].name");
        assertThatThrownBy(() -> JsonPath.parse("a[99999999999]"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a JSON path: expected an index or a quoted name between '[' and ']' at index 1, "
                        + "found '99999999999' in 'a[99999999999]'");
        assertThatThrownBy(() -> JsonPath.parse(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    @Test
    void arnMessagesQuoteAtMostTwoHundredCharactersOfTheText() {
        String huge = "arn:aws:ecs:us-east-1:1:cluster/" + "a/".repeat(100_000);
        assertThatThrownBy(() -> EcsArn.parse(huge))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty part in ECS ARN: " + huge.substring(0, 200) + "...");
        assertThatThrownBy(() -> EcsArn.parse("arn:aws:ecs:us-east-1:1:task-definition/web:99999999999"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "task definition ARN with a bad revision: arn:aws:ecs:us-east-1:1:task-definition/web:99999999999");
        assertThatThrownBy(() -> Arn.parse(null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an ARN (it must start with 'arn:'): null");
        assertThat(EcsArn.parse("arn:aws:ecs:us-east-1:1:task-definition/web:7").revision())
                .isEqualTo(7);
    }

    // ------------------------------------------------------------------ core: validators

    @Test
    void validatorsReportHugeAndOddValuesAsViolationsWithTheirPaths() {
        RegisterTaskDefinitionRequest td = RegisterTaskDefinitionRequest.builder()
                .family("f")
                .cpu("99999999999999999999999 vcpu")
                .memory("1e400 GB")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("a")
                        .image("i")
                        .memory(Integer.MAX_VALUE)
                        .build()))
                .build();
        assertThat(TaskDefinitionValidator.validate(td))
                .extracting(Violation::toString)
                .contains(
                        "cpu: ClientException: Invalid 'cpu' setting for task.",
                        "memory: ClientException: Invalid 'memory' setting for task.");
        assertThatThrownBy(() -> TaskDefinitionValidator.requireValid(td))
                .isExactlyInstanceOf(ClientException.class)
                .hasMessage("Invalid 'cpu' setting for task.");
        assertThat(TaskDefinitionNormalizer.normalize(td).cpu()).isEqualTo("99999999999999999999999 vcpu");
        assertThatThrownBy(() -> TaskDefinitionNormalizer.normalize(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("request");

        CreateServiceRequest service = CreateServiceRequest.builder()
                .serviceName("a".repeat(1_000_000))
                .build();
        assertThat(ServiceValidator.validate(service))
                .extracting(Violation::path)
                .contains("serviceName");
        assertThat(ServiceValidator.validate(
                        CreateServiceRequest.builder().serviceName("web").build()))
                .isEmpty();
    }

    // ------------------------------------------------------------------ placement

    @Test
    void queriesNestedPastTheLimitAreRefusedAtTheColumnWhereTheyPassIt() {
        String deep = "(".repeat(10_000) + "attribute:a == b" + ")".repeat(10_000);
        assertThatThrownBy(() -> ClusterQuery.parse(deep))
                .isExactlyInstanceOf(QuerySyntaxException.class)
                .hasMessage(
                        "Invalid cluster query language expression at column 501: the expression nests more than 500 "
                                + "levels deep (operators and parentheses)");
        assertThatThrownBy(() -> ClusterQuery.parse(null))
                .isExactlyInstanceOf(QuerySyntaxException.class)
                .hasMessage("Invalid cluster query language expression at column 1: the expression is empty");
    }

    @Test
    void snapshotsAndPlacementRefuseWithAwsErrorsNamingTheMember() {
        assertThatThrownBy(() -> ClusterSnapshot.fromJson("{\"containerInstances\":[{}]}", null))
                .isExactlyInstanceOf(InvalidParameterException.class)
                .hasMessage("containerInstances[0].containerInstanceArn must be given");
        ClusterSnapshot cluster = ClusterSnapshot.fromJson(
                "{\"containerInstances\":[{\"containerInstanceArn\":"
                        + "\"arn:aws:ecs:us-east-1:1:container-instance/c/1\",\"status\":\"ACTIVE\",\"agentConnected\":true,"
                        + "\"remainingResources\":[{\"name\":\"CPU\",\"type\":\"INTEGER\",\"integerValue\":1024},"
                        + "{\"name\":\"MEMORY\",\"type\":\"INTEGER\",\"integerValue\":1024}]}]}",
                null);
        TaskDefinition td = TaskDefinition.builder()
                .family("f")
                .containerDefinitions(List.of(ContainerDefinition.builder()
                        .name("a")
                        .image("i")
                        .memory(64)
                        .build()))
                .build();
        // A count's cost would grow with it: ECS's limit of 10 is judged before anything is placed.
        assertThatThrownBy(() -> PlacementEngine.place(
                        cluster,
                        PlacementRequest.builder(td).count(Integer.MAX_VALUE).build()))
                .isExactlyInstanceOf(InvalidParameterException.class)
                .hasMessage(
                        "Value '2147483647' at 'count' failed to satisfy constraint: Member must have value less than or "
                                + "equal to 10");
        PlacementConstraint bad = PlacementConstraint.builder()
                .type(PlacementConstraintType.MEMBER_OF)
                .expression("attribute:a =~ (a+)+$")
                .build();
        assertThatThrownBy(() -> PlacementEngine.place(
                        cluster,
                        PlacementRequest.builder(td).addPlacementConstraint(bad).build()))
                .isExactlyInstanceOf(QuerySyntaxException.class)
                .hasMessage(
                        "Invalid cluster query language expression at column 16: expected a value after =~, found '('");
        assertThat(PlacementEngine.place(
                                cluster, PlacementRequest.builder(td).count(2).build())
                        .placements())
                .hasSize(2);
    }

    // ------------------------------------------------------------------ scaling

    @Test
    void theMetricCsvNamesTheLineAndShortensWhatItQuotes() {
        assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n99999999999999999999,1\n"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: not an ISO-8601 instant: '99999999999999999999'");
        assertThatThrownBy(() ->
                        MetricSeries.parseCsv("timestamp,value\n2024-01-01T00:00:00Z," + "9".repeat(100_000) + "\n"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: not a finite number: '" + "9".repeat(57) + "...'");
        assertThatThrownBy(() -> MetricSeries.parseCsv(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("text");
    }

    @Test
    void schedulesRefuseWithInvalidScheduleExceptionNamingTheField() {
        assertThatThrownBy(() -> ScheduledActionTimes.of("cron(0 0 99999999999 * ? *)", null, null, null))
                .isExactlyInstanceOf(InvalidScheduleException.class)
                .hasMessage(
                        "Invalid CRON expression: '99999999999' is not a valid day-of-month value in '99999999999'");
        assertThatThrownBy(() -> ScheduledActionTimes.of("rate(99999999999999999999 minutes)", null, null, null))
                .isExactlyInstanceOf(InvalidScheduleException.class)
                .hasMessage("Invalid schedule frequency: the value 99999999999999999999 is too large");
        assertThatThrownBy(() -> ScheduledActionTimes.of("rate(1 minute)", "+02:00", null, null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("'+02:00' is not an IANA time zone name");
        assertThatThrownBy(() -> CronExpression.parse(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("fields");
        // The last runs java.time can name: no arithmetic past Instant.MAX.
        assertThat(ScheduledActionTimes.of("cron(0 0 * * ? *)", null, null, null)
                        .next(Instant.MAX, Instant.MAX))
                .isNull();
    }

    @Test
    void theSimulatorRefusesRangesAndStepsItCannotRunWithTheirValues() {
        RegisterScalableTargetRequest target = AutoScalingJson.lenient()
                .read(
                        "{\"ServiceNamespace\":\"ecs\","
                                + "\"ResourceId\":\"service/c/s\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":1,"
                                + "\"MaxCapacity\":10}",
                        RegisterScalableTargetRequest.class);
        MetricSeries metric =
                MetricSeries.parseCsv("timestamp,value\n2024-01-01T00:00:00Z,1\n2024-01-01T01:00:00Z,2\n");
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target)
                        .metric(metric)
                        .start(Instant.MIN)
                        .end(Instant.MAX)
                        .build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the run must lie between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, found "
                        + "-1000000000-01-01T00:00:00Z to +1000000000-12-31T23:59:59.999999999Z");
        assertThatThrownBy(() -> ScalingSimulator.builder()
                        .target(target)
                        .metric(metric)
                        .start(start)
                        .end(start.plus(Duration.ofDays(1)))
                        .step(Duration.ofSeconds(Long.MAX_VALUE))
                        .build())
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the step must be at most 366 days, found PT2562047788015215H30M7S");
        assertThat(ScalingSimulator.builder()
                        .target(target)
                        .metric(metric)
                        .start(start)
                        .end(start.plus(Duration.ofHours(1)))
                        .build()
                        .run()
                        .toCsv())
                .startsWith("timestamp,");
    }

    @Test
    void autoScalingJsonAndValidatorNameTheMember() {
        assertThatThrownBy(() -> AutoScalingJson.strict()
                        .read("{\"MinCapacity\": 99999999999}", RegisterScalableTargetRequest.class))
                .isExactlyInstanceOf(io.github.berth.scaling.error.SerializationException.class)
                .hasMessage("MinCapacity: number out of range of an integer (32-bit) (line 1, column 17)");
        PutScheduledActionRequest action = AutoScalingJson.lenient()
                .read(
                        "{\"ServiceNamespace\":\"ecs\","
                                + "\"ResourceId\":\"service/c/s\",\"ScalableDimension\":\"ecs:service:DesiredCount\",\"ScheduledActionName\":\"a\","
                                + "\"Schedule\":\"rate(99999999999999999999 minutes)\",\"Timezone\":\"Mars/Base\","
                                + "\"ScalableTargetAction\":{\"MinCapacity\":1}}",
                        PutScheduledActionRequest.class);
        assertThat(AutoScalingValidator.validate(action))
                .extracting(Violation::toString)
                .containsExactly(
                        "Schedule: ValidationException: Invalid schedule frequency",
                        "Timezone: ValidationException: The datetime zone id 'Mars/Base' is not recognised");
        assertThatThrownBy(() -> AutoScalingValidator.validate((RegisterScalableTargetRequest) null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("request");
    }

    @Test
    void alarmAndSuppressionFilesNameTheMember() {
        String alarm = "{\"AlarmName\":\"a\",\"EvaluationPeriods\":1,\"Period\":%s,"
                + "\"ComparisonOperator\":\"GreaterThanThreshold\",\"Threshold\":%s}";
        assertThatThrownBy(() -> PutMetricAlarmParser.parse(String.format(alarm, "99999999999", "1")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Period: expected an integer");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse(String.format(alarm, "60", "1e400")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Threshold");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("[".repeat(100_000)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("the document is nested too deeply (more than 200 levels)");
        assertThat(PutMetricAlarmParser.parse(String.format(alarm, "60", "1"))
                        .spec()
                        .periodSeconds())
                .isEqualTo(60);

        assertThatThrownBy(() -> Suppressions.parse("{\"suppress\":[{\"rule\":\"R\",\"resources\":5}]}"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("suppress[0].resources: expected a non-empty list of resource names");
        assertThatThrownBy(() -> Suppressions.parse("[".repeat(100_000)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON: ");
    }

    // ------------------------------------------------------------------ testkit

    @Test
    void theFakeAnswersBadRequestsWithEcsErrorsAndChangesNothing() {
        FakeEcs ecs = FakeEcs.builder().seed(1).build();
        ecs.createCluster(b -> b.clusterName("c"));
        String before = ecs.snapshot();
        assertThatThrownBy(() ->
                        ecs.runTask(b -> b.cluster("c").taskDefinition("web").count(Integer.MAX_VALUE)))
                .isExactlyInstanceOf(InvalidParameterException.class)
                .hasMessage("count must be between 1 and 10.");
        assertThatThrownBy(() -> ecs.listTasks(b -> b.cluster("c").nextToken("garbage")))
                .isExactlyInstanceOf(InvalidParameterException.class)
                .hasMessage("Invalid nextToken.");
        assertThatThrownBy(() -> ecs.createCluster(b -> b.clusterName("a".repeat(1_000_000))))
                .isExactlyInstanceOf(InvalidParameterException.class)
                .hasMessage("Cluster name must be between 1 and 255 characters and can contain letters (uppercase and "
                        + "lowercase), numbers, underscores, and hyphens.");
        assertThatThrownBy(() -> ecs.describeTaskDefinition(b -> b.taskDefinition("web:99999999999")))
                .isExactlyInstanceOf(ClientException.class)
                .hasMessage("Unable to describe task definition.");
        assertThatThrownBy(() -> ecs.listContainerInstances(b -> b.cluster("c").filter("(".repeat(10_000))))
                .isExactlyInstanceOf(QuerySyntaxException.class)
                .hasMessage(
                        "Invalid cluster query language expression at column 501: the expression nests more than 500 "
                                + "levels deep (operators and parentheses)");
        assertThatThrownBy(() -> FakeEcs.restore("{\"clock\": 1e400}"))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("not a snapshot of a Berth FakeEcs (format 1)");
        assertThat(ecs.snapshot()).isEqualTo(before);
        ListTasksResponse none = ecs.listTasks(b -> b.cluster("c"));
        assertThat(none.taskArns()).isEmpty();
    }

    @Test
    void theFakeClockRefusesToMovePastTheLastInstantNamingTheDuration() {
        FakeEcs ecs = FakeEcs.builder().seed(1).build();
        Instant now = ecs.clock().now();
        // Instant arithmetic overflowed: an ArithmeticException before.
        assertThatThrownBy(() -> ecs.clock().advance(Duration.ofSeconds(Long.MAX_VALUE)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("The fake clock cannot move PT2562047788015215H30M7S past " + now
                        + ": the latest instant is +1000000000-12-31T23:59:59.999999999Z");
        assertThatThrownBy(() -> ecs.clock().runUntil(() -> false, Duration.ofSeconds(Long.MAX_VALUE)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The fake clock cannot move PT2562047788015215H30M7S past ");
        // A negative bound moved the clock backwards before.
        assertThatThrownBy(() -> ecs.clock().runUntil(() -> false, Duration.ofSeconds(-1)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("The fake clock only moves forward: PT-1S");
        assertThat(ecs.clock().now()).isEqualTo(now);
        assertThat(ecs.clock().advance(Duration.ofDays(365 * 100)).now())
                .isEqualTo(now.plus(Duration.ofDays(365 * 100)));
    }

    @Test
    void theDispatcherAnswersEveryBodyInTheProtocolsShape() {
        Dispatcher dispatcher = Dispatcher.of(FakeEcs.builder().seed(1).build());
        Dispatcher.Answer huge = dispatcher.handle(
                "AmazonEC2ContainerServiceV20141113.RunTask", "{\"count\": 1e400}".getBytes(StandardCharsets.UTF_8));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.bodyText())
                .isEqualTo("{\"__type\":\"SerializationException\",\"message\":\"count: expected an "
                        + "integer (32-bit), found Infinity (line 1, column 11)\"}");
        Dispatcher.Answer deep = dispatcher.handle(
                "AmazonEC2ContainerServiceV20141113.ListClusters",
                ("{\"maxResults\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.errorType()).isEqualTo("SerializationException");
        assertThat(deep.bodyText()).contains("maxResults");
        Dispatcher.Answer ok = dispatcher.handle("AmazonEC2ContainerServiceV20141113.ListClusters", new byte[0]);
        assertThat(ok.status()).isEqualTo(200);
    }
}
