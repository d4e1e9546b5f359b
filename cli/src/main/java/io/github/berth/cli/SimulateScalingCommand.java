package io.github.berth.cli;

import io.github.berth.core.Nullable;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.validation.Violation;
import io.github.berth.scaling.CapacityMetric;
import io.github.berth.scaling.ScalingSimulator;
import io.github.berth.scaling.ScalingTimeline;
import io.github.berth.scaling.TargetTracking;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.MetricSeries;
import io.github.berth.scaling.alarm.PutMetricAlarmParser;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.scaling.model.GetPredictiveScalingForecastResponse;
import io.github.berth.scaling.model.PolicyType;
import io.github.berth.scaling.model.PredictiveScalingMode;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.validation.AutoScalingValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code berth simulate-scaling}: replays Application Auto Scaling policies and scheduled actions
 * over a recorded metric and writes the timeline as CSV and as an SVG chart. Exit 0 when the
 * simulation ran, 2 on bad input (naming the file and the problem).
 */
@Command(
        name = "simulate-scaling",
        sortOptions = false,
        description = "Replay ECS service auto scaling over a recorded metric: what capacity the policies and "
                + "scheduled actions would have given, and when. Inputs are the JSON the AWS CLI takes with "
                + "--cli-input-json; the metric is a CSV of timestamp,value rows. Exit 0 when the simulation ran, "
                + "2 on bad input. One input FILE may be -, standard input.")
final class SimulateScalingCommand implements Callable<Integer> {

    /** The exit status for input the command cannot use. */
    static final int BAD_INPUT = 2;

    private static final Pattern STEP = Pattern.compile("(\\d+)\\s*(s|m|h)?", Pattern.CASE_INSENSITIVE);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--target",
            required = true,
            paramLabel = "FILE",
            description = "the scalable target: a RegisterScalableTarget request")
    Path target;

    @Option(
            names = "--policy",
            arity = "1..*",
            paramLabel = "FILE",
            description =
                    "a scaling policy: a PutScalingPolicy request (repeatable; none for a run of scheduled actions only)")
    List<Path> policies = new ArrayList<>();

    @Option(
            names = "--scheduled-action",
            arity = "1..*",
            paramLabel = "FILE",
            description = "a scheduled action: a PutScheduledAction request (repeatable)")
    List<Path> scheduledActions = new ArrayList<>();

    @Option(
            names = "--metric",
            paramLabel = "FILE",
            description =
                    "the metric every policy reads unless given its own: CSV with a header, then timestamp,value rows "
                            + "(ISO-8601 instants)")
    @Nullable
    Path metric;

    @Option(
            names = "--policy-metric",
            paramLabel = "POLICY=FILE",
            description = "the metric one policy reads (a step policy: its alarm's metric), as CSV (repeatable)")
    Map<String, Path> policyMetrics = new LinkedHashMap<>();

    @Option(
            names = "--alarm-metric",
            paramLabel = "ALARM=FILE",
            description =
                    "the metric of the --alarm named ALARM, read by the step policies it triggers, as CSV (repeatable)")
    Map<String, Path> alarmMetrics = new LinkedHashMap<>();

    @Option(
            names = "--load",
            paramLabel = "FILE",
            description =
                    "instead of --metric, a load model: CSV of the metric as one task would show it (e.g. total CPU "
                            + "demand in percent of one task); the simulated metric is that divided by the running tasks, so added tasks "
                            + "lower it and target tracking can be seen to settle")
    @Nullable
    Path load;

    @Option(
            names = "--deployment",
            paramLabel = "FROM/TO",
            description =
                    "an ECS deployment in progress from FROM to TO (ISO-8601 instants): no scale-in then (repeatable)")
    List<String> deployments = new ArrayList<>();

    @Option(
            names = "--target-update",
            paramLabel = "AT=FILE",
            description =
                    "the scalable target registered again at AT (an ISO-8601 instant) with FILE, a RegisterScalableTarget "
                            + "request: a suspension that starts or ends during the run, or new bounds; members it leaves out keep their "
                            + "values (repeatable)")
    List<String> targetUpdates = new ArrayList<>();

    @Option(names = "--start", required = true, paramLabel = "ISO-INSTANT", description = "e.g. 2024-03-04T00:00:00Z")
    String start;

    @Option(names = "--end", required = true, paramLabel = "ISO-INSTANT", description = "the last step, inclusive")
    String end;

    @Option(
            names = "--step",
            defaultValue = "60s",
            paramLabel = "DURATION",
            description = "the evaluation step: 60s, 5m, 1h or ISO-8601 (default: ${DEFAULT-VALUE})")
    String step;

    @Option(
            names = "--capacity",
            paramLabel = "N",
            description = "the starting capacity (default: the target's MinCapacity)")
    @Nullable
    Integer capacity;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "write the timeline as CSV here (default: standard output)")
    @Nullable
    Path csv;

    @Option(names = "--svg", paramLabel = "FILE", description = "write the chart as SVG here")
    @Nullable
    Path svg;

    @Option(
            names = "--alarm",
            arity = "1..*",
            paramLabel = "FILE",
            description = "the CloudWatch alarm of a step scaling policy: a PutMetricAlarm request whose "
                    + "AlarmActions name the policy (by ARN or name) (repeatable)")
    List<Path> alarms = new ArrayList<>();

    @Option(
            names = "--forecast",
            paramLabel = "POLICY=FILE",
            description = "the capacity forecast of a ForecastAndScale predictive policy: a "
                    + "GetPredictiveScalingForecast response (repeatable)")
    Map<String, Path> forecasts = new LinkedHashMap<>();

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "N",
            description = "seed of activity ids and alarm names (default: ${DEFAULT-VALUE})")
    long seed;

    /** Input the command cannot use; its message names the file (or option) and the problem. */
    private static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(@Nullable String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Path> inputs = new ArrayList<>(List.of(target));
            inputs.add(metric);
            inputs.add(load);
            inputs.addAll(policyMetrics.values());
            inputs.addAll(alarmMetrics.values());
            inputs.addAll(policies);
            inputs.addAll(scheduledActions);
            inputs.addAll(alarms);
            inputs.addAll(forecasts.values());
            for (String u : targetUpdates) {
                if (u.indexOf('=') > 0) {
                    inputs.add(Path.of(u.substring(u.indexOf('=') + 1)));
                }
            }
            String twice = Files.stdinTwice(inputs.toArray(Path[]::new));
            if (twice != null) {
                throw new BadInput(twice);
            }
            if (csv != null
                    && svg != null
                    && csv.toAbsolutePath()
                            .normalize()
                            .equals(svg.toAbsolutePath().normalize())) {
                throw new BadInput("--csv and --svg name the same file: " + svg);
            }
            if (metric != null && load != null) {
                throw new BadInput("--metric and --load both give the default metric: give one");
            }
            if (policies.isEmpty() && scheduledActions.isEmpty()) {
                throw new BadInput("nothing to simulate: give a --policy or a --scheduled-action");
            }
            ScalingSimulator simulator = simulator(err);
            ScalingTimeline timeline = simulator.run();
            String csvText = timeline.toCsv();
            Map<Path, String> files = new LinkedHashMap<>();
            if (csv != null) {
                files.put(csv, csvText);
            }
            if (svg != null) {
                files.put(svg, timeline.toSvg());
            }
            writeAll(files);
            if (csv == null) {
                out.print(csvText);
                out.flush();
                err.println(summary(timeline)); // standard output stays CSV
                err.flush();
            } else {
                out.println(summary(timeline));
            }
            out.flush();
            return 0;
        } catch (BadInput e) {
            err.println("berth simulate-scaling: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (RuntimeException e) {
            // A bug of Berth's, not the input's: one line rather than a stack trace.
            err.println("berth simulate-scaling: internal error: " + e);
            err.flush();
            return BAD_INPUT;
        }
    }

    private ScalingSimulator simulator(PrintWriter err) throws BadInput {
        RegisterScalableTargetRequest t = read(target, RegisterScalableTargetRequest.class);
        check(target, AutoScalingValidator.validate(t), null);

        Map<String, Path> policyFiles = new LinkedHashMap<>();
        Map<String, PutScalingPolicyRequest> policyByName = new LinkedHashMap<>();
        for (Path file : policies) {
            PutScalingPolicyRequest p = read(file, PutScalingPolicyRequest.class);
            check(file, AutoScalingValidator.validate(p), null);
            sameTarget(
                    file,
                    t,
                    String.valueOf(p.serviceNamespace()),
                    p.resourceId(),
                    String.valueOf(p.scalableDimension()));
            Path other = policyFiles.put(p.policyName(), file);
            if (other != null) {
                throw new BadInput(
                        file + ": PolicyName '" + p.policyName() + "' is also the name of the policy in " + other);
            }
            policyByName.put(p.policyName(), p);
        }

        Map<String, AlarmSpec> stepAlarms = new LinkedHashMap<>();
        for (Path file : alarms) {
            readAlarm(file, policyByName, stepAlarms);
        }

        List<PutScheduledActionRequest> actions = new ArrayList<>();
        Map<String, Path> actionFiles = new LinkedHashMap<>();
        for (Path file : scheduledActions) {
            PutScheduledActionRequest a = read(file, PutScheduledActionRequest.class);
            check(file, AutoScalingValidator.validate(a), AutoScalingValidator.scheduleProblem(a.schedule()));
            sameTarget(
                    file,
                    t,
                    String.valueOf(a.serviceNamespace()),
                    a.resourceId(),
                    String.valueOf(a.scalableDimension()));
            Path other = actionFiles.put(a.scheduledActionName(), file);
            if (other != null) {
                throw new BadInput(file + ": ScheduledActionName '" + a.scheduledActionName()
                        + "' is also the name of the scheduled action in " + other);
            }
            actions.add(a);
        }

        Instant from = instant("--start", start);
        Instant to = instant("--end", end);
        if (!from.isBefore(to)) {
            throw new BadInput("--start (" + from + ") must be before --end (" + to + ")");
        }
        MetricSeries series = metric == null ? null : series(metric, from, to, err);
        MetricSeries loadSeries = load == null ? null : series(load, from, to, err);
        Map<String, MetricSeries> perPolicy = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : policyMetrics.entrySet()) {
            if (!policyByName.containsKey(e.getKey())) {
                throw new BadInput("--policy-metric " + e.getKey() + "=...: no policy is named '" + e.getKey() + "'");
            }
            perPolicy.put(e.getKey(), series(e.getValue(), from, to, err));
        }
        for (Map.Entry<String, Path> e : alarmMetrics.entrySet()) {
            List<String> triggered = new ArrayList<>();
            stepAlarms.forEach((policy, alarm) -> {
                if (alarm.name().equals(e.getKey())) {
                    triggered.add(policy);
                }
            });
            if (triggered.isEmpty()) {
                throw new BadInput("--alarm-metric " + e.getKey() + "=...: no --alarm is named '" + e.getKey() + "'");
            }
            MetricSeries alarmSeries = series(e.getValue(), from, to, err);
            for (String policy : triggered) {
                if (perPolicy.put(policy, alarmSeries) != null) {
                    throw new BadInput(
                            "--alarm-metric " + e.getKey() + "=...: policy '" + policy + "' already has a metric");
                }
            }
        }
        List<Instant[]> deploymentRanges = new ArrayList<>();
        for (String d : deployments) {
            int slash = d.indexOf('/');
            if (slash < 0) {
                throw new BadInput("--deployment: expected FROM/TO (two ISO-8601 instants), found '" + d + "'");
            }
            Instant dFrom = instant("--deployment", d.substring(0, slash));
            Instant dTo = instant("--deployment", d.substring(slash + 1));
            if (!dFrom.isBefore(dTo)) {
                throw new BadInput("--deployment: FROM (" + dFrom + ") must be before TO (" + dTo + ")");
            }
            deploymentRanges.add(new Instant[] {dFrom, dTo});
        }
        List<ScalingSimulator.TargetUpdate> updates = targetUpdates(t, from, to);
        Duration stepDuration = duration(step);
        if (capacity != null && capacity < 0) {
            throw new BadInput("--capacity must be at least 0, found " + capacity);
        }

        ScalingSimulator.Builder b = ScalingSimulator.builder()
                .target(t)
                .start(from)
                .end(to)
                .step(stepDuration)
                .seed(seed);
        if (series != null) {
            b.metric(series);
        }
        if (loadSeries != null) {
            b.metric(perTask(loadSeries));
        }
        perPolicy.forEach(b::metric);
        deploymentRanges.forEach(r -> b.deployment(r[0], r[1]));
        updates.forEach(u -> b.targetUpdate(u.at(), u.update()));
        if (capacity != null) {
            b.initialCapacity(capacity);
        }
        for (Map.Entry<String, PutScalingPolicyRequest> e : policyByName.entrySet()) {
            PutScalingPolicyRequest p = e.getValue();
            Path file = policyFiles.get(e.getKey());
            PolicyType type = p.policyType() != null ? p.policyType() : PolicyType.STEP_SCALING;
            if (PolicyType.STEP_SCALING.equals(type) && !stepAlarms.containsKey(e.getKey())) {
                throw new BadInput(
                        file + ": step scaling policy '" + e.getKey() + "' has no alarm: give its CloudWatch alarm "
                                + "with --alarm FILE (a PutMetricAlarm request whose AlarmActions name the policy)");
            }
            if (PolicyType.TARGET_TRACKING_SCALING.equals(type)) {
                try {
                    // check() above refused a policy AAS would refuse: a target tracking policy has its configuration.
                    TargetTracking.targetValue(Objects.requireNonNull(p.targetTrackingScalingPolicyConfiguration()));
                } catch (IllegalArgumentException ex) {
                    throw new BadInput(
                            file + ": TargetTrackingScalingPolicyConfiguration.TargetValue: " + ex.getMessage());
                }
            }
            if (PolicyType.PREDICTIVE_SCALING.equals(type)) {
                Path forecastFile = forecasts.get(e.getKey());
                if (forecastFile != null) {
                    GetPredictiveScalingForecastResponse f =
                            read(forecastFile, GetPredictiveScalingForecastResponse.class);
                    if (f.capacityForecast() == null) {
                        throw new BadInput(forecastFile + ": CapacityForecast: the forecast has no capacity forecast");
                    }
                    List<Instant> times = f.capacityForecast().timestamps();
                    List<Double> values = f.capacityForecast().values();
                    if (times == null || values == null || times.size() != values.size()) {
                        // The simulator would read the shorter list and drop the rest without a word.
                        throw new BadInput(
                                forecastFile + ": CapacityForecast: Timestamps and Values must both be given and be as "
                                        + "long as each other, found " + (times == null ? "no" : times.size())
                                        + " Timestamps and "
                                        + (values == null ? "no" : values.size()) + " Values");
                    }
                    b.forecast(e.getKey(), f.capacityForecast());
                } else if (PredictiveScalingMode.FORECAST_AND_SCALE.equals(
                        Objects.requireNonNull(p.predictiveScalingPolicyConfiguration())
                                .mode())) { // checked as AAS would, as above
                    throw new BadInput(
                            file + ": predictive scaling policy '" + e.getKey() + "' is ForecastAndScale: give its "
                                    + "capacity forecast with --forecast " + e.getKey() + "=FILE");
                }
            }
            b.addPolicy(p);
        }
        for (String name : forecasts.keySet()) {
            PutScalingPolicyRequest p = policyByName.get(name);
            if (p == null) {
                throw new BadInput("--forecast " + name + "=...: no policy is named '" + name + "'");
            }
            if (!PolicyType.PREDICTIVE_SCALING.equals(p.policyType())) {
                throw new BadInput("--forecast " + name + "=...: policy '" + name + "' (" + policyFiles.get(name)
                        + ") is not a predictive scaling policy; only those take a forecast");
            }
        }
        stepAlarms.forEach(b::alarm);
        actions.forEach(b::addScheduledAction);
        try {
            return b.build();
        } catch (AwsServiceException | IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /**
     * The --target-update files, each read, checked against the target it updates and, with the
     * bounds in force at its time, against AAS's rules: a problem names its file.
     */
    private List<ScalingSimulator.TargetUpdate> targetUpdates(RegisterScalableTargetRequest t, Instant from, Instant to)
            throws BadInput {
        List<ScalingSimulator.TargetUpdate> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String u : targetUpdates) {
            int eq = u.indexOf('=');
            if (eq < 0) {
                throw new BadInput(
                        "--target-update: expected AT=FILE (an ISO-8601 instant and a file), found '" + u + "'");
            }
            Instant at = instant("--target-update", u.substring(0, eq));
            if (at.isBefore(from) || at.isAfter(to)) {
                throw new BadInput("--target-update: " + at + " lies outside the run (" + from + " to " + to + ")");
            }
            Path file = Path.of(u.substring(eq + 1));
            RegisterScalableTargetRequest update = read(file, RegisterScalableTargetRequest.class);
            sameTarget(
                    file,
                    t,
                    String.valueOf(update.serviceNamespace()),
                    update.resourceId(),
                    String.valueOf(update.scalableDimension()));
            out.add(new ScalingSimulator.TargetUpdate(at, update));
            files.add(file);
        }
        // The bounds each update leaves in force, in time order, judged as AAS judges a registration.
        Integer[] order = new Integer[out.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, java.util.Comparator.comparing(i -> out.get(i).at()));
        RegisterScalableTargetRequest now = t;
        for (int i : order) {
            RegisterScalableTargetRequest u = out.get(i).update();
            now = now.toBuilder()
                    .minCapacity(u.minCapacity() != null ? u.minCapacity() : now.minCapacity())
                    .maxCapacity(u.maxCapacity() != null ? u.maxCapacity() : now.maxCapacity())
                    .build();
            check(files.get(i), AutoScalingValidator.validate(now), null);
        }
        return out;
    }

    // ------------------------------------------------------------------ reading

    /**
     * A metric CSV, with a warning on standard error when it does not cover the run: policies reading it
     * see no data where it has no samples, and a silent run would look like a policy that never acts.
     */
    private static MetricSeries series(Path file, Instant from, Instant to, PrintWriter err) throws BadInput {
        MetricSeries s;
        try {
            s = MetricSeries.parseCsv(readText(file));
        } catch (IllegalArgumentException e) {
            throw new BadInput(file + ": " + e.getMessage());
        }
        if (s.isEmpty()) {
            throw new BadInput(file + ": the CSV has no samples");
        }
        String coverage = coverage(s, from, to);
        if (coverage != null) {
            err.println("berth simulate-scaling: warning: " + file + ": " + coverage);
        }
        return s;
    }

    /** What part of [from, to] a series leaves without samples, or null when it covers both ends. */
    static @Nullable String coverage(MetricSeries s, Instant from, Instant to) {
        Instant first = s.time(0);
        Instant last = s.time(s.size() - 1);
        String covers = "its samples run from " + first + " to " + last;
        if (last.isBefore(from) || first.isAfter(to)) {
            return "no sample between --start " + from + " and --end " + to + " (" + covers
                    + "): the policies reading it see no data and do nothing";
        }
        if (first.isAfter(from) || last.isBefore(to)) {
            return "it covers only part of the run from " + from + " to " + to + " (" + covers
                    + "): outside that the policies reading it see no data";
        }
        return null;
    }

    /**
     * The load model: the series gives the metric as one task would show it; with {@code n} tasks running
     * the metric reads its latest sample at or before the time divided by n, and no datapoint with none
     * (an ECS service without running tasks publishes no utilization).
     */
    static CapacityMetric perTask(MetricSeries load) {
        return (time, capacity) -> {
            if (capacity <= 0) {
                return Double.NaN;
            }
            int lo = 0;
            int hi = load.size() - 1;
            if (load.time(0).isAfter(time)) {
                return Double.NaN;
            }
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (load.time(mid).isAfter(time)) {
                    hi = mid - 1;
                } else {
                    lo = mid;
                }
            }
            return load.value(lo) / capacity;
        };
    }

    private static String readText(Path file) throws BadInput {
        try {
            return Files.read(file);
        } catch (IOException e) {
            throw new BadInput(e.getMessage()); // FILE: the problem
        }
    }

    private static <T> T read(Path file, Class<T> type) throws BadInput {
        String text = readText(file);
        try {
            return AutoScalingJson.strict().read(text, type);
        } catch (io.github.berth.scaling.error.SerializationException e) {
            throw new BadInput(
                    file + ": " + e.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
    }

    private static void check(Path file, List<Violation> violations, @Nullable String scheduleDetail) throws BadInput {
        if (violations.isEmpty()) {
            return;
        }
        throw new BadInput(file + ": "
                + violations.stream().map(v -> describe(v, scheduleDetail)).collect(Collectors.joining("; ")));
    }

    private static String describe(Violation v, @Nullable String scheduleDetail) {
        String s = (v.path().isEmpty() ? "" : v.path() + ": ") + v.errorCode() + ": " + v.message();
        return v.path().equals("Schedule") && scheduleDetail != null ? s + " (" + scheduleDetail + ")" : s;
    }

    private static void sameTarget(
            Path file, RegisterScalableTargetRequest t, String namespace, @Nullable String resourceId, String dimension)
            throws BadInput {
        if (!namespace.equals(String.valueOf(t.serviceNamespace()))
                || !Objects.equals(resourceId, t.resourceId())
                || !dimension.equals(String.valueOf(t.scalableDimension()))) {
            AwsServiceException e =
                    AutoScalingValidator.noScalableTarget(namespace, String.valueOf(resourceId), dimension);
            throw new BadInput(file + ": " + e.errorCode() + ": " + e.getMessage());
        }
    }

    /** Reads a PutMetricAlarm request and ties it to the step policy its AlarmActions name. */
    private static void readAlarm(Path file, Map<String, PutScalingPolicyRequest> policies, Map<String, AlarmSpec> out)
            throws BadInput {
        PutMetricAlarmParser.MetricAlarm alarm;
        try {
            alarm = PutMetricAlarmParser.parse(readText(file));
        } catch (IllegalArgumentException e) {
            throw new BadInput(file + ": " + e.getMessage());
        }
        List<String> named = new ArrayList<>();
        for (String policy : policies.keySet()) {
            if (alarm.names(policy)) {
                named.add(policy);
            }
        }
        if (named.isEmpty()) {
            throw new BadInput(file + ": AlarmActions: no action names a --policy (give the policy's ARN or name)");
        }
        for (String policy : named) {
            PutScalingPolicyRequest p = Objects.requireNonNull(policies.get(policy)); // a key of policies
            if (p.policyType() != null && !PolicyType.STEP_SCALING.equals(p.policyType())) {
                throw new BadInput(file + ": AlarmActions: '" + policy + "' is a " + p.policyType()
                        + " policy; only step scaling policies take an alarm");
            }
            out.put(policy, alarm.spec());
        }
    }

    private static Instant instant(String option, String text) throws BadInput {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInput(option + ": not an ISO-8601 instant: '" + text + "' (write e.g. 2024-03-04T00:00:00Z)");
        }
    }

    /** {@code 60s}, {@code 5m}, {@code 1h}, bare seconds, or ISO-8601 ({@code PT1M}). */
    static Duration duration(String text) throws BadInput {
        Duration d;
        Matcher m = STEP.matcher(text.trim());
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
                d = unit.equals("h")
                        ? Duration.ofHours(n)
                        : unit.equals("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
            } else {
                d = Duration.parse(text.trim());
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new BadInput("--step: not a duration: '" + text + "' (write e.g. 60s, 5m, 1h or PT1M)");
        }
        if (d.getSeconds() < 1 || d.getNano() != 0) {
            throw new BadInput("--step: must be a whole number of seconds, at least 1, found '" + text + "'");
        }
        return d;
    }

    /**
     * Writes every output file or none: each goes first to a temporary file beside it, and only when
     * all are written do they take their names (so a --svg that cannot be written leaves no --csv).
     */
    private static void writeAll(Map<Path, String> files) throws BadInput {
        Map<Path, Path> written = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                Path file = e.getKey();
                Path temp = temporaryBeside(file);
                written.put(file, temp);
                try {
                    java.nio.file.Files.writeString(temp, e.getValue(), StandardCharsets.UTF_8);
                } catch (IOException ex) {
                    throw new BadInput(file + ": cannot write: " + reason(ex));
                }
            }
            for (Map.Entry<Path, Path> e : written.entrySet()) {
                try {
                    java.nio.file.Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ex) {
                    throw new BadInput(e.getKey() + ": cannot write: " + reason(ex));
                }
            }
            written.clear();
        } finally {
            for (Path temp : written.values()) {
                try {
                    java.nio.file.Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the run has failed already and says why.
                }
            }
        }
    }

    private static Path temporaryBeside(Path file) throws BadInput {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new BadInput(file + ": cannot write: it is a directory");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            throw new BadInput(file + ": cannot write: the directory " + parent + " does not exist");
        }
        // Named, not Files.createTempFile: that one is private to the user, and the output must get the
        // permissions any new file gets.
        return parent.resolve("." + file.getFileName() + ".berth-partial");
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String summary(ScalingTimeline t) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int i = 0; i < t.size(); i++) {
            lo = Math.min(lo, t.capacity(i));
            hi = Math.max(hi, t.capacity(i));
        }
        long changes = t.activities().stream()
                .map(a -> a.description())
                .filter(d -> d.startsWith("Setting desired count"))
                .count();
        Function<Integer, String> s = n -> n == 1 ? "" : "s";
        return t.size() + " step" + s.apply(t.size()) + ", " + t.activities().size() + " scaling activit"
                + (t.activities().size() == 1 ? "y" : "ies") + " (" + changes + " change" + s.apply((int) changes)
                + " of desired count), capacity " + lo + " to " + hi + ", "
                + t.alarmTransitions().size()
                + " alarm state change" + s.apply(t.alarmTransitions().size());
    }
}
