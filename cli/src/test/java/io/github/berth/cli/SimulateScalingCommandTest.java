package io.github.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateScalingCommandTest {

    private static final String TARGET = "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/prod/web\","
            + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"MinCapacity\":2,\"MaxCapacity\":20}";
    private static final String POLICY = "{\"PolicyName\":\"cpu50\",\"ServiceNamespace\":\"ecs\","
            + "\"ResourceId\":\"service/prod/web\",\"ScalableDimension\":\"ecs:service:DesiredCount\","
            + "\"PolicyType\":\"TargetTrackingScaling\",\"TargetTrackingScalingPolicyConfiguration\":{\"TargetValue\":50.0,"
            + "\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"ECSServiceAverageCPUUtilization\"}}}";
    private static final String STEP_POLICY = "{\"PolicyName\":\"burst\",\"ServiceNamespace\":\"ecs\","
            + "\"ResourceId\":\"service/prod/web\",\"ScalableDimension\":\"ecs:service:DesiredCount\","
            + "\"PolicyType\":\"StepScaling\",\"StepScalingPolicyConfiguration\":{\"AdjustmentType\":\"ChangeInCapacity\","
            + "\"StepAdjustments\":[{\"MetricIntervalLowerBound\":0,\"ScalingAdjustment\":5}]}}";
    private static final String ALARM = "{\"AlarmName\":\"web-cpu-burst\",\"MetricName\":\"CPUUtilization\","
            + "\"Namespace\":\"AWS/ECS\",\"Statistic\":\"Maximum\",\"Period\":60,\"EvaluationPeriods\":1,\"Threshold\":95,"
            + "\"ComparisonOperator\":\"GreaterThanOrEqualToThreshold\",\"AlarmActions\":[\"arn:aws:autoscaling:us-east-1:"
            + "123456789012:scalingPolicy:0a1b2c3d-0000-4000-8000-000000000000:resource/ecs/service/prod/web:policyName/burst\"]}";
    private static final String ACTION = "{\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/prod/web\","
            + "\"ScalableDimension\":\"ecs:service:DesiredCount\",\"ScheduledActionName\":\"morning\","
            + "\"Schedule\":\"cron(30 0 * * ? *)\",\"ScalableTargetAction\":{\"MinCapacity\":10}}";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("target.json"), TARGET);
        Files.writeString(dir.resolve("policy.json"), POLICY);
        Files.writeString(dir.resolve("step.json"), STEP_POLICY);
        Files.writeString(dir.resolve("alarm.json"), ALARM);
        Files.writeString(dir.resolve("action.json"), ACTION);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        Instant t0 = Instant.parse("2024-03-04T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            double v = i >= 10 && i < 20 ? 90 : i == 40 ? 99 : 50;
            csv.append(t0.plusSeconds(60L * i)).append(',').append(v).append('\n');
        }
        Files.writeString(dir.resolve("cpu.csv"), csv.toString());
    }

    private java.io.InputStream stdin = java.io.InputStream.nullInputStream();

    /** The command line on this test's own streams: nothing global is swapped. */
    private int run(String... args) {
        return Berth.run(
                stdin,
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8),
                args);
    }

    private List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of(
                "simulate-scaling",
                "--target",
                p("target.json"),
                "--policy",
                p("policy.json"),
                "--metric",
                p("cpu.csv"),
                "--start",
                "2024-03-04T00:00:00Z",
                "--end",
                "2024-03-04T00:59:00Z"));
        a.addAll(List.of(extra));
        return a;
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheCsvAndTheSvg() throws IOException {
        int status = run(args("--csv", p("out.csv"), "--svg", p("out.svg"), "--capacity", "4")
                .toArray(new String[0]));
        assertThat(status).as(stderr()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(csv.get(0)).isEqualTo("timestamp,metric,capacity,min_capacity,max_capacity,activity");
        assertThat(csv).hasSize(61);
        assertThat(csv.get(1)).isEqualTo("2024-03-04T00:00:00Z,50,4,2,20,");
        // 90 % from minute 10: out at 13 to ceil(4 x 90 / 50) = 8, after the 300 s cooldown to 15.
        assertThat(csv.get(14)).isEqualTo("2024-03-04T00:13:00Z,90,8,2,20,Setting desired count to 8.");
        assertThat(csv.get(19)).isEqualTo("2024-03-04T00:18:00Z,90,15,2,20,Setting desired count to 15.");
        assertThat(Files.readString(dir.resolve("out.svg")))
                .startsWith("<?xml")
                .contains("<svg")
                .endsWith("</svg>\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("60 steps").contains("capacity 4 to 15");
    }

    @Test
    void withoutCsvFileTheCsvGoesToStandardOutput() {
        assertThat(run(args().toArray(new String[0]))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("timestamp,metric,capacity,min_capacity,max_capacity,activity\n");
    }

    @Test
    void stepPoliciesTakeTheirAlarmAndScheduledActionsRun() throws IOException {
        int status = run(args(
                        "--policy",
                        p("step.json"),
                        "--alarm",
                        p("alarm.json"),
                        "--scheduled-action",
                        p("action.json"),
                        "--csv",
                        p("out.csv"))
                .toArray(new String[0]));
        assertThat(status).as(stderr()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("out.csv"));
        // Target tracking took 2 tasks to 4 (minute 13) and 8 (18); at 00:30 the schedule raises the minimum.
        assertThat(csv.get(31))
                .isEqualTo("2024-03-04T00:30:00Z,50,10,10,20,Setting min capacity to 10; Setting desired count to 10.");
        // The 99 % minute (40) breaches the burst alarm (Maximum >= 95): +5 at 41.
        assertThat(csv.get(42)).isEqualTo("2024-03-04T00:41:00Z,50,15,10,20,Setting desired count to 15.");
    }

    @Test
    void badJsonNamesTheFileAndThePlace() throws IOException {
        Files.writeString(dir.resolve("policy.json"), POLICY.replace("\"TargetValue\"", "\"TargetValu\""));
        assertThat(run(args().toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .contains(
                        p("policy.json")
                                + ": TargetTrackingScalingPolicyConfiguration.TargetValu: unknown member 'TargetValu' (line 1, column ");
    }

    @Test
    void whatAasWouldRefuseIsNamed() throws IOException {
        Files.writeString(dir.resolve("action.json"), ACTION.replace("30 0 * * ? *", "30 0 * * * *"));
        assertThat(run(args("--scheduled-action", p("action.json")).toArray(new String[0])))
                .isEqualTo(2);
        assertThat(stderr())
                .contains(p("action.json") + ": Schedule: ValidationException: Invalid CRON expression (one of "
                        + "day-of-month and day-of-week must be '?'");

        err.reset();
        Files.writeString(dir.resolve("target.json"), TARGET.replace("\"MinCapacity\":2", "\"MinCapacity\":30"));
        assertThat(run(args().toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .contains(p("target.json")
                        + ": MaxCapacity: ValidationException: Maximum capacity cannot be less than minimum capacity");
    }

    @Test
    void aPolicyForAnotherServiceIsNotFound() throws IOException {
        Files.writeString(dir.resolve("policy.json"), POLICY.replace("service/prod/web", "service/prod/api"));
        assertThat(run(args().toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .contains(
                        p("policy.json") + ": ObjectNotFoundException: No scalable target registered for "
                                + "service namespace: ecs, resource ID: service/prod/api, scalable dimension: ecs:service:DesiredCount");
    }

    @Test
    void aStepPolicyWithoutAlarmIsNamed() {
        assertThat(run(args("--policy", p("step.json")).toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr()).contains(p("step.json") + ": step scaling policy 'burst' has no alarm");
    }

    @Test
    void aBadMetricCsvNamesTheLine() throws IOException {
        Files.writeString(dir.resolve("cpu.csv"), "timestamp,value\n2024-03-04T00:00:00Z,50\n2024-03-04 00:01,50\n");
        assertThat(run(args().toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr()).contains(p("cpu.csv") + ": line 3: not an ISO-8601 instant: '2024-03-04 00:01'");
    }

    @Test
    void badOptionsAreNamed() {
        assertThat(run(args("--step", "fast").toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr()).contains("--step: not a duration: 'fast'");
        err.reset();
        List<String> a = args();
        a.set(a.indexOf("--end") + 1, "2024-03-03T00:00:00Z");
        assertThat(run(a.toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr()).contains("--start (2024-03-04T00:00:00Z) must be before --end (2024-03-03T00:00:00Z)");
        err.reset();
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("missing.json"),
                        "--policy",
                        p("policy.json"),
                        "--metric",
                        p("cpu.csv"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T01:00:00Z"))
                .isEqualTo(2);
        assertThat(stderr()).contains(p("missing.json") + ": no such file");
        err.reset();
        assertThat(run("simulate-scaling", "--target", p("target.json"))).isEqualTo(2);
        assertThat(stderr()).contains("Missing required options");
    }

    @Test
    void aRangeTooLongForAnyStepIsBadInputNotACrash() {
        List<String> a = args("--step", "9999999999h");
        a.set(a.indexOf("--end") + 1, "2124-03-04T00:00:00Z");
        assertThat(run(a.toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr()).contains("the run spans more than 366 days").doesNotContain("Exception");
    }

    @Test
    void aForecastForAPolicyThatIsNotPredictiveIsNamed() {
        assertThat(run(args("--forecast", "cpu50=" + p("forecast.json")).toArray(new String[0])))
                .isEqualTo(2);
        assertThat(stderr())
                .contains("--forecast cpu50=...: policy 'cpu50' (" + p("policy.json")
                        + ") is not a predictive scaling policy");
        err.reset();
        assertThat(run(args("--forecast", "nope=" + p("forecast.json")).toArray(new String[0])))
                .isEqualTo(2);
        assertThat(stderr()).contains("--forecast nope=...: no policy is named 'nope'");
    }

    @Test
    void helpListsTheOptions() {
        assertThat(run("simulate-scaling", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--target=FILE")
                .contains("--scheduled-action")
                .contains("--csv=FILE")
                .contains("--svg=FILE");
    }

    @Test
    void stepDurations() throws Exception {
        assertThat(SimulateScalingCommand.duration("60s").getSeconds()).isEqualTo(60);
        assertThat(SimulateScalingCommand.duration("5m").getSeconds()).isEqualTo(300);
        assertThat(SimulateScalingCommand.duration("1h").getSeconds()).isEqualTo(3600);
        assertThat(SimulateScalingCommand.duration("90").getSeconds()).isEqualTo(90);
        assertThat(SimulateScalingCommand.duration("PT2M").getSeconds()).isEqualTo(120);
    }

    @Test
    void whenAnOutputCannotBeWrittenNoneIs() throws IOException {
        Path csv = dir.resolve("out.csv");
        String missingDir = dir.resolve("no-such-dir").toString();
        assertThat(run(args("--csv", csv.toString(), "--svg", missingDir + "/out.svg")
                        .toArray(new String[0])))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth simulate-scaling: " + missingDir + "/out.svg: cannot write: the directory "
                        + missingDir + " does not exist" + System.lineSeparator());
        assertThat(csv).doesNotExist();

        err.reset();
        Files.createDirectory(dir.resolve("a-dir"));
        assertThat(run(args("--csv", csv.toString(), "--svg", p("a-dir")).toArray(new String[0])))
                .isEqualTo(2);
        assertThat(stderr()).contains(p("a-dir") + ": cannot write: it is a directory");
        assertThat(csv).doesNotExist();

        err.reset();
        assertThat(run(args("--csv", csv.toString(), "--svg", csv.toString()).toArray(new String[0])))
                .isEqualTo(2);
        assertThat(stderr()).contains("--csv and --svg name the same file: " + csv);
        assertThat(csv).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("berth-partial"));
        }

        // An existing output is replaced when the run succeeds.
        Files.writeString(csv, "old");
        assertThat(run(args("--csv", csv.toString()).toArray(new String[0])))
                .as(stderr())
                .isZero();
        assertThat(Files.readString(csv)).startsWith("timestamp,metric,capacity");
    }

    @Test
    void aStepLongerThanAnyRunIsBadInputNotOutOfMemory() {
        assertThat(run(args("--step", "86400000000", "--csv", p("out.csv")).toArray(new String[0])))
                .isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth simulate-scaling: the step must be at most 366 days, found PT24000000H"
                        + System.lineSeparator());
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void inputFilesAreReadAsTheOtherCommandsReadThem() throws IOException {
        Files.write(dir.resolve("cpu.csv"), new byte[] {'t', ',', 'v', '\n', (byte) 0xff, ',', '1', '\n'});
        assertThat(run(args().toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth simulate-scaling: " + p("cpu.csv") + ": not UTF-8 text" + System.lineSeparator());

        err.reset();
        stdin = new java.io.ByteArrayInputStream(TARGET.getBytes(StandardCharsets.UTF_8));
        files(); // a good metric again
        List<String> a = args("--csv", p("out.csv"));
        a.set(a.indexOf("--target") + 1, "-");
        assertThat(run(a.toArray(new String[0]))).as(stderr()).isZero();
        a.set(a.indexOf("--metric") + 1, "-");
        assertThat(run(a.toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth simulate-scaling: standard input (-) can stand for one input file only, " + "found 2"
                        + System.lineSeparator());
    }

    @Test
    void aForecastWhoseTimestampsAndValuesDifferInLengthIsNamed() throws IOException {
        Files.writeString(
                dir.resolve("pred.json"),
                "{\"PolicyName\":\"pred\",\"ServiceNamespace\":\"ecs\","
                        + "\"ResourceId\":\"service/prod/web\",\"ScalableDimension\":\"ecs:service:DesiredCount\","
                        + "\"PolicyType\":\"PredictiveScaling\",\"PredictiveScalingPolicyConfiguration\":{\"MetricSpecifications\":"
                        + "[{\"TargetValue\":50,\"PredefinedMetricPairSpecification\":{\"PredefinedMetricType\":"
                        + "\"ECSServiceCPUUtilization\"}}],\"Mode\":\"ForecastAndScale\"}}");
        Files.writeString(
                dir.resolve("short.json"),
                "{\"CapacityForecast\":{\"Timestamps\":[\"2024-03-04T00:00:00Z\","
                        + "\"2024-03-04T01:00:00Z\"],\"Values\":[5]}}");
        List<String> a = args("--forecast", "pred=" + p("short.json"), "--csv", p("out.csv"));
        a.set(a.indexOf("--policy") + 1, p("pred.json"));
        assertThat(run(a.toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .isEqualTo("berth simulate-scaling: " + p("short.json") + ": CapacityForecast: Timestamps and "
                        + "Values must both be given and be as long as each other, found 2 Timestamps and 1 Values"
                        + System.lineSeparator());
        assertThat(dir.resolve("out.csv")).doesNotExist();

        err.reset();
        Files.writeString(
                dir.resolve("even.json"),
                "{\"CapacityForecast\":{\"Timestamps\":[\"2024-03-04T00:00:00Z\"]," + "\"Values\":[5]}}");
        a.set(a.indexOf("--forecast") + 1, "pred=" + p("even.json"));
        assertThat(run(a.toArray(new String[0]))).as(stderr()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.csv")).get(1)).startsWith("2024-03-04T00:00:00Z,50,5,");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutCsvFileTheSummaryGoesToStandardError() {
        assertThat(run(args().toArray(new String[0]))).isZero();
        assertThat(stdout()).doesNotContain("steps,");
        // 90 % from minute 10 takes 2 tasks to 4 and then 8 (the run of writesTheCsvAndTheSvg, from 2)
        assertThat(stderr())
                .isEqualTo("60 steps, 2 scaling activities (2 changes of desired count), capacity 2 to 8, "
                        + "4 alarm state changes\n");
    }

    @Test
    void aRunTheMetricDoesNotCoverSaysSo() {
        List<String> a = args();
        a.set(a.indexOf("--start") + 1, "2024-03-05T00:00:00Z");
        a.set(a.indexOf("--end") + 1, "2024-03-05T00:59:00Z");
        assertThat(run(a.toArray(new String[0]))).isZero();
        assertThat(stderr())
                .startsWith("berth simulate-scaling: warning: " + p("cpu.csv") + ": no sample between --start "
                        + "2024-03-05T00:00:00Z and --end 2024-03-05T00:59:00Z (its samples run from 2024-03-04T00:00:00Z to "
                        + "2024-03-04T00:59:00Z): the policies reading it see no data and do nothing\n");
        err.reset();
        List<String> partly = args();
        partly.set(partly.indexOf("--end") + 1, "2024-03-04T01:30:00Z");
        assertThat(run(partly.toArray(new String[0]))).isZero();
        assertThat(stderr())
                .startsWith("berth simulate-scaling: warning: " + p("cpu.csv") + ": it covers only part of the "
                        + "run from 2024-03-04T00:00:00Z to 2024-03-04T01:30:00Z (its samples run from 2024-03-04T00:00:00Z to "
                        + "2024-03-04T00:59:00Z): outside that the policies reading it see no data\n");
        err.reset();
        assertThat(run(args().toArray(new String[0]))).isZero();
        assertThat(stderr()).doesNotContain("warning");
    }

    @Test
    void aRunOfScheduledActionsOnly() throws IOException {
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--scheduled-action",
                        p("action.json"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z",
                        "--csv",
                        p("out.csv")))
                .as(stderr())
                .isZero();
        List<String> csv = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(csv.get(31))
                .isEqualTo("2024-03-04T00:30:00Z,,10,10,20,Setting min capacity to 10; Setting desired count to 10.");
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z"))
                .isEqualTo(2);
        assertThat(stderr()).contains("nothing to simulate: give a --policy or a --scheduled-action");
    }

    @Test
    void aMetricPerPolicyAndPerAlarm() throws IOException {
        // The target tracking policy reads cpu.csv, the step policy's alarm a flat 50 %: the burst never fires.
        StringBuilder flat = new StringBuilder("timestamp,value\n");
        Instant t0 = Instant.parse("2024-03-04T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            flat.append(t0.plusSeconds(60L * i)).append(",50\n");
        }
        Files.writeString(dir.resolve("flat.csv"), flat.toString());
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--policy",
                        p("policy.json"),
                        "--policy",
                        p("step.json"),
                        "--alarm",
                        p("alarm.json"),
                        "--policy-metric",
                        "cpu50=" + p("cpu.csv"),
                        "--alarm-metric",
                        "web-cpu-burst=" + p("flat.csv"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z",
                        "--csv",
                        p("out.csv")))
                .as(stderr())
                .isZero();
        List<String> csv = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(csv.get(42)).isEqualTo("2024-03-04T00:41:00Z,50,8,2,20,");
        // With the same metric for both, the 99 % minute fires the burst: 8 + 5 at 41.
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--policy",
                        p("policy.json"),
                        "--policy",
                        p("step.json"),
                        "--alarm",
                        p("alarm.json"),
                        "--metric",
                        p("cpu.csv"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z",
                        "--csv",
                        p("out.csv")))
                .as(stderr())
                .isZero();
        assertThat(Files.readAllLines(dir.resolve("out.csv")).get(42))
                .isEqualTo("2024-03-04T00:41:00Z,50,13,2,20,Setting desired count to 13.");
        err.reset();
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--policy",
                        p("policy.json"),
                        "--policy-metric",
                        "cpu5=" + p("cpu.csv"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--policy-metric cpu5=...: no policy is named 'cpu5'");
        err.reset();
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--policy",
                        p("policy.json"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z"))
                .isEqualTo(2);
        assertThat(stderr()).contains("policy 'cpu50' has no metric to read");
    }

    @Test
    void aLoadModelLetsTargetTrackingSettle() throws IOException {
        // 300 % of one task's CPU: at 2 tasks 150 %, so out to ceil(2 x 150 / 50) = 6, where it reads 50 % and stays.
        StringBuilder load = new StringBuilder("timestamp,value\n");
        Instant t0 = Instant.parse("2024-03-04T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            load.append(t0.plusSeconds(60L * i)).append(",300\n");
        }
        Files.writeString(dir.resolve("load.csv"), load.toString());
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--policy",
                        p("policy.json"),
                        "--load",
                        p("load.csv"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z",
                        "--csv",
                        p("out.csv")))
                .as(stderr())
                .isZero();
        List<String> csv = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(csv.get(1)).isEqualTo("2024-03-04T00:00:00Z,150,2,2,20,");
        assertThat(csv.get(60)).isEqualTo("2024-03-04T00:59:00Z,50,6,2,20,");
        assertThat(stdout()).contains("capacity 2 to 6");
        err.reset();
        assertThat(run(
                        "simulate-scaling",
                        "--target",
                        p("target.json"),
                        "--policy",
                        p("policy.json"),
                        "--load",
                        p("load.csv"),
                        "--metric",
                        p("cpu.csv"),
                        "--start",
                        "2024-03-04T00:00:00Z",
                        "--end",
                        "2024-03-04T00:59:00Z"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--metric and --load both give the default metric: give one");
    }

    @Test
    void noScaleInDuringADeployment() throws IOException {
        // cpu.csv falls back to 50 % at minute 20 after 90 %: scale-in would follow; a deployment over the hour holds
        // it.
        StringBuilder low = new StringBuilder("timestamp,value\n");
        Instant t0 = Instant.parse("2024-03-04T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            low.append(t0.plusSeconds(60L * i)).append(",10\n");
        }
        Files.writeString(dir.resolve("low.csv"), low.toString());
        List<String> base = List.of(
                "simulate-scaling",
                "--target",
                p("target.json"),
                "--policy",
                p("policy.json"),
                "--metric",
                p("low.csv"),
                "--capacity",
                "10",
                "--start",
                "2024-03-04T00:00:00Z",
                "--end",
                "2024-03-04T00:59:00Z",
                "--csv",
                p("out.csv"));
        assertThat(run(base.toArray(new String[0]))).as(stderr()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.csv")).get(60)).doesNotStartWith("2024-03-04T00:59:00Z,10,10,");
        List<String> deploying = new ArrayList<>(base);
        deploying.addAll(List.of("--deployment", "2024-03-04T00:00:00Z/2024-03-04T01:00:00Z"));
        assertThat(run(deploying.toArray(new String[0]))).as(stderr()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.csv")).get(60)).startsWith("2024-03-04T00:59:00Z,10,10,");
        err.reset();
        List<String> bad = new ArrayList<>(base);
        bad.addAll(List.of("--deployment", "2024-03-04T00:00:00Z"));
        assertThat(run(bad.toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .contains("--deployment: expected FROM/TO (two ISO-8601 instants), found '2024-03-04T00:00:00Z'");
    }

    @Test
    void aSuspensionCanStartAndEndDuringTheRun() throws IOException {
        StringBuilder low = new StringBuilder("timestamp,value\n");
        Instant t0 = Instant.parse("2024-03-04T00:00:00Z");
        for (int i = 0; i < 60; i++) {
            low.append(t0.plusSeconds(60L * i)).append(",10\n");
        }
        Files.writeString(dir.resolve("low.csv"), low.toString());
        String ids = "\"ServiceNamespace\":\"ecs\",\"ResourceId\":\"service/prod/web\","
                + "\"ScalableDimension\":\"ecs:service:DesiredCount\"";
        Files.writeString(
                dir.resolve("suspend.json"), "{" + ids + ",\"SuspendedState\":{\"DynamicScalingInSuspended\":true}}");
        Files.writeString(
                dir.resolve("resume.json"), "{" + ids + ",\"SuspendedState\":{\"DynamicScalingInSuspended\":false}}");
        List<String> base = List.of(
                "simulate-scaling",
                "--target",
                p("target.json"),
                "--policy",
                p("policy.json"),
                "--metric",
                p("low.csv"),
                "--capacity",
                "10",
                "--start",
                "2024-03-04T00:00:00Z",
                "--end",
                "2024-03-04T00:59:00Z",
                "--csv",
                p("out.csv"),
                "--target-update",
                "2024-03-04T00:05:00Z=" + p("suspend.json"));
        assertThat(run(base.toArray(new String[0]))).as(stderr()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out.csv")).get(60)).startsWith("2024-03-04T00:59:00Z,10,10,");
        List<String> resumed = new ArrayList<>(base);
        resumed.addAll(List.of("--target-update", "2024-03-04T00:30:00Z=" + p("resume.json")));
        assertThat(run(resumed.toArray(new String[0]))).as(stderr()).isZero();
        List<String> csv = Files.readAllLines(dir.resolve("out.csv"));
        assertThat(csv.get(30)).startsWith("2024-03-04T00:29:00Z,10,10,"); // still suspended
        assertThat(csv.get(60)).doesNotStartWith("2024-03-04T00:59:00Z,10,10,"); // scaled in after 00:30

        Files.writeString(dir.resolve("shrink.json"), "{" + ids + ",\"MaxCapacity\":0}");
        List<String> bad = new ArrayList<>(base);
        bad.addAll(List.of("--target-update", "2024-03-04T00:10:00Z=" + p("shrink.json")));
        err.reset();
        assertThat(run(bad.toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr()).contains(p("shrink.json") + ": ");
        err.reset();
        List<String> outside = new ArrayList<>(base);
        outside.addAll(List.of("--target-update", "2024-03-05T00:00:00Z=" + p("resume.json")));
        assertThat(run(outside.toArray(new String[0]))).isEqualTo(2);
        assertThat(stderr())
                .contains("--target-update: 2024-03-05T00:00:00Z lies outside the run "
                        + "(2024-03-04T00:00:00Z to 2024-03-04T00:59:00Z)");
    }
}
