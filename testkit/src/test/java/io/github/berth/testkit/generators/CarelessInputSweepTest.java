package io.github.berth.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.api.RegisterTaskDefinitionRequest;
import io.github.berth.core.arn.EcsArn;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.core.model.CapacityProviderStrategyItem;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.LaunchType;
import io.github.berth.core.model.ManagedScaling;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskOverride;
import io.github.berth.core.validation.JsonPath;
import io.github.berth.core.validation.TaskDefinitionNormalizer;
import io.github.berth.core.validation.TaskDefinitionValidator;
import io.github.berth.core.validation.Violation;
import io.github.berth.placement.CapacityProviderStrategies;
import io.github.berth.placement.ClusterSnapshot;
import io.github.berth.placement.PlacementEngine;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.PlacementResult;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.Expression;
import io.github.berth.scaling.PolicyCooldown;
import io.github.berth.scaling.ScalingSimulator;
import io.github.berth.scaling.StepScaling;
import io.github.berth.scaling.TargetTracking;
import io.github.berth.scaling.TargetTrackingFormula;
import io.github.berth.scaling.alarm.AlarmSpec;
import io.github.berth.scaling.alarm.AlarmState;
import io.github.berth.scaling.managed.CapacityProviderScaling;
import io.github.berth.scaling.managed.ManagedScalingSettings;
import io.github.berth.scaling.managed.ManagedScalingState;
import io.github.berth.scaling.model.PutScalingPolicyRequest;
import io.github.berth.scaling.model.PutScheduledActionRequest;
import io.github.berth.scaling.model.RegisterScalableTargetRequest;
import io.github.berth.scaling.model.StepScalingPolicyConfiguration;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import io.github.berth.scaling.schedule.CronExpression;
import io.github.berth.scaling.schedule.InvalidScheduleException;
import io.github.berth.scaling.schedule.ScheduledActionTimes;
import io.github.berth.scaling.validation.AutoScalingValidator;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Property;
import io.github.berth.testkit.property.Tuple2;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public API used carelessly: values built with partly absent members, empty strings, extreme
 * numbers and enum values this version does not know, passed to every entry point of core,
 * placement and scaling. Whatever the input, only the documented exceptions come out (the AWS error
 * types, or an {@code IllegalArgumentException} where a method documents one for pure-Java misuse),
 * each with a message; never an exception from inside (a NullPointerException, ClassCastException,
 * ArithmeticException, an index out of bounds, a NumberFormatException), and a call that fails
 * leaves its inputs unchanged.
 */
class CarelessInputSweepTest {

    private static final EcsJson LENIENT = EcsJson.lenient();
    private static final EcsJson STRICT = EcsJson.strict();
    /** Tries per property; raise it ({@code -Dberth.sweep.tries=20000}) to hunt further. */
    private static final int TRIES = Integer.getInteger("berth.sweep.tries", 200);

    // ------------------------------------------------------------------ core

    @Test
    void taskDefinitionValidationAndNormalizationNeverFailFromInside() {
        Gen<RegisterTaskDefinitionRequest> requests = Gen.oneOf(
                EcsGen.any(RegisterTaskDefinitionRequest.class),
                damaged(EcsGen.taskDefinitions(), RegisterTaskDefinitionRequest.class),
                damaged(
                        EcsGen.invalidTaskDefinitions().map(InvalidTaskDefinition::taskDefinition),
                        RegisterTaskDefinitionRequest.class));
        Property.forAll(requests).tries(TRIES).check(r -> {
            String before = STRICT.write(r);
            List<Violation> violations = returns("validate", () -> TaskDefinitionValidator.validate(r));
            for (Violation v : violations) {
                assertThat(v.message()).as("message of %s", v).isNotBlank();
            }
            only("requireValid", () -> TaskDefinitionValidator.requireValid(r), AwsServiceException.class);
            RegisterTaskDefinitionRequest normalized =
                    returns("normalize", () -> TaskDefinitionNormalizer.normalize(r));
            returns("validate(normalize)", () -> TaskDefinitionValidator.validate(normalized));
            String json = returns("write", () -> STRICT.write(r));
            assertThat(STRICT.read(json, RegisterTaskDefinitionRequest.class)).isEqualTo(r);
            only("readTaskDefinitionFile", () -> STRICT.readTaskDefinitionFile(json), SerializationException.class);
            assertThat(STRICT.write(r)).as("the input is not changed").isEqualTo(before);
        });
    }

    @Test
    void damagedJsonIsRefusedWithASerializationException() {
        Gen<String> texts = Gen.zip(EcsGen.taskDefinitions(), edits(), (td, e) -> damageText(STRICT.write(td), e));
        Property.forAll(texts).tries(TRIES).check(text -> {
            only(
                    "read strict",
                    () -> STRICT.read(text, RegisterTaskDefinitionRequest.class),
                    SerializationException.class);
            only("read lenient", () -> LENIENT.read(text, TaskDefinition.class), SerializationException.class);
            only("readTaskDefinitionFile", () -> STRICT.readTaskDefinitionFile(text), SerializationException.class);
            only("readTree", () -> STRICT.readTree(text), SerializationException.class);
        });
    }

    @Test
    void arnParsingRefusesWithIllegalArgumentException() {
        Gen<String> arns = Gen.zip(
                Gen.elements(
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
                        "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
                        "arn:aws:ecs:us-east-1:123456789012:service/prod/web",
                        "arn:aws:ecs:us-east-1:123456789012:task/prod/0123456789abcdef",
                        "arn:aws:ecs:us-east-1:123456789012:container/prod/0123/4567",
                        "arn:aws:ecs:us-east-1:123456789012:task-set/prod/web/ecs-svc/123",
                        "arn:aws:ecs:us-east-1:123456789012:container-instance/prod/abc",
                        "arn:aws:ecs:us-east-1:123456789012:capacity-provider/cp"),
                edits(),
                CarelessInputSweepTest::damageText);
        Property.forAll(arns)
                .tries(TRIES)
                .check(text -> only("EcsArn.parse", () -> EcsArn.parse(text), IllegalArgumentException.class));
    }

    @Test
    void jsonPathsRefuseWithIllegalArgumentException() {
        Gen<String> texts = Gen.zip(
                Gen.elements(
                        "containerDefinitions[1].portMappings[0].hostPort",
                        "containerDefinitions[0].dockerLabels[\"a.b\"]",
                        "[3]",
                        "family"),
                edits(),
                CarelessInputSweepTest::damageText);
        // Only robustness: names holding quotes are written unescaped, so not every text reads back.
        Property.forAll(texts)
                .tries(TRIES)
                .check(text -> only("JsonPath.parse", () -> JsonPath.parse(text), IllegalArgumentException.class));
    }

    // ------------------------------------------------------------------ placement

    @Test
    void clusterQueriesRefuseWithQuerySyntaxException() {
        Gen<String> texts = Gen.zip(EcsGen.clusterQueryTexts(), edits(), (t, e) -> damageText(t.first(), e));
        Property.forAll(texts).tries(TRIES).check(text -> {
            Expression e = only("parse", () -> ClusterQuery.parse(text), AwsServiceException.class);
            if (e != null) {
                assertThat(ClusterQuery.parse(ClusterQuery.print(e))).isEqualTo(e);
            }
        });
    }

    @Test
    void capacityProviderSplitsRefuseWithInvalidParameterException() {
        Gen<CapacityProviderStrategyItem> items = Gen.zip(
                Gen.elements("a", "b", "c", "", "FARGATE").orNull(0.1),
                extremeInts().orNull(0.4),
                extremeInts().orNull(0.4),
                (n, w, b) -> CapacityProviderStrategyItem.builder()
                        .capacityProvider(n)
                        .weight(w)
                        .base(b)
                        .build());
        Gen<Map<String, Integer>> running = Gen.maps(Gen.elements("a", "b", "c"), extremeInts(), 0, 3);
        Property.forAll(Gen.lists(items, 0, 22), extremeInts(), running.orNull())
                .tries(TRIES)
                .check((s, count, r) -> only(
                        "split",
                        () -> CapacityProviderStrategies.split(s, count, r),
                        AwsServiceException.class,
                        IllegalArgumentException.class));
    }

    @Test
    void placementRefusesWithAwsErrors() {
        Gen<ClusterSnapshot> snapshots = EcsGen.clusters()
                .flatMap(c -> Gen.zip(
                        Gen.lists(damaged(Gen.elements(c.containerInstances()), ContainerInstance.class), 0, 4),
                        Gen.lists(
                                c.tasks().isEmpty()
                                        ? EcsGen.any(Task.class)
                                        : damaged(Gen.elements(c.tasks()), Task.class),
                                0,
                                4),
                        (extraInstances, extraTasks) -> {
                            ClusterSnapshot.Builder b = ClusterSnapshot.builder();
                            List<ContainerInstance> all = new ArrayList<>(c.containerInstances());
                            all.addAll(extraInstances);
                            List<Task> tasks = new ArrayList<>(c.tasks());
                            tasks.addAll(extraTasks);
                            try {
                                return b.addInstances(all).addTasks(tasks).build();
                            } catch (AwsServiceException e) {
                                return ClusterSnapshot.of(c.containerInstances(), c.tasks());
                            } catch (RuntimeException e) {
                                throw new AssertionError("ClusterSnapshot.build threw " + e, e);
                            }
                        }));
        Gen<PlacementRequest> requests = Gen.zip(
                Gen.tuples(
                        Gen.oneOf(
                                damaged(PlacementGen.taskDefinitions(), TaskDefinition.class),
                                EcsGen.any(TaskDefinition.class)),
                        Gen.oneOf(Gen.integers(-2, 12), extremeInts()),
                        Gen.booleans()),
                Gen.tuples(
                        Gen.elements(
                                        LaunchType.EC2,
                                        LaunchType.FARGATE,
                                        LaunchType.EXTERNAL,
                                        LaunchType.fromValue("future-x"),
                                        LaunchType.fromValue(""))
                                .orNull(0.7),
                        Gen.lists(EcsGen.any(CapacityProviderStrategyItem.class), 0, 3)
                                .orNull(0.7),
                        EcsGen.any(NetworkConfiguration.class).orNull(0.6)),
                Gen.tuples(
                        Gen.lists(EcsGen.any(PlacementConstraint.class), 0, 3),
                        Gen.oneOf(EcsGen.placementStrategies(), Gen.lists(EcsGen.any(PlacementStrategy.class), 0, 3)),
                        EcsGen.any(TaskOverride.class).orNull(0.7)),
                (what, how, where) -> {
                    PlacementRequest.Builder b = PlacementRequest.builder(what.first())
                            .count(what.second())
                            .launchType(how.first())
                            .capacityProviderStrategy(how.second())
                            .networkConfiguration(how.third())
                            .placementConstraints(where.first())
                            .placementStrategy(where.second())
                            .overrides(where.third());
                    if (what.third()) {
                        b.service("svc");
                    }
                    return b.build();
                });
        Property.forAll(snapshots, requests).tries(TRIES).check((snapshot, request) -> {
            if (request.scheduler() == PlacementRequest.Scheduler.SERVICE && request.count() > 2000) {
                return; // a service of a billion tasks is a question of time, not of robustness
            }
            PlacementResult result =
                    only("place", () -> PlacementEngine.place(snapshot, request), AwsServiceException.class);
            if (result != null) {
                returns("explain", result::explain);
                returns("toRunTaskResponse", result::toRunTaskResponse);
            }
        });
    }

    // ------------------------------------------------------------------ scaling

    @Test
    void autoScalingValidationNeverFailsFromInside() {
        Gen<RegisterScalableTargetRequest> targets = Gen.oneOf(
                EcsGen.any(RegisterScalableTargetRequest.class),
                damaged(EcsGen.scalableTargets(), RegisterScalableTargetRequest.class));
        Gen<PutScalingPolicyRequest> policies = Gen.oneOf(
                EcsGen.any(PutScalingPolicyRequest.class),
                damaged(EcsGen.targetTrackingPolicies("p"), PutScalingPolicyRequest.class),
                damaged(EcsGen.stepPolicies("s").map(Tuple2::first), PutScalingPolicyRequest.class));
        Gen<PutScheduledActionRequest> actions = Gen.oneOf(
                EcsGen.any(PutScheduledActionRequest.class),
                damaged(
                        EcsGen.scheduledActions("a", Instant.parse("2024-01-01T00:00:00Z")),
                        PutScheduledActionRequest.class));
        Property.forAll(targets, policies, actions).tries(TRIES).check((t, p, a) -> {
            returns("validate target", () -> AutoScalingValidator.validate(t));
            returns("validate policy", () -> AutoScalingValidator.validate(p));
            returns("validate action", () -> AutoScalingValidator.validate(a));
            only("requireValid target", () -> AutoScalingValidator.requireValid(t), AwsServiceException.class);
            only("requireValid policy", () -> AutoScalingValidator.requireValid(p), AwsServiceException.class);
            only("requireValid action", () -> AutoScalingValidator.requireValid(a), AwsServiceException.class);
            returns("scheduleProblem", () -> AutoScalingValidator.scheduleProblem(a.schedule()));
        });
    }

    @Test
    void simulationsRefuseWithDocumentedErrors() {
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        Gen<ScalingSimulator.Builder> builders = Gen.zip(
                Gen.tuples(
                        damaged(EcsGen.scalableTargets(), RegisterScalableTargetRequest.class),
                        Gen.lists(
                                Gen.oneOf(
                                        damaged(EcsGen.targetTrackingPolicies("p"), PutScalingPolicyRequest.class),
                                        EcsGen.any(PutScalingPolicyRequest.class)),
                                0,
                                2),
                        EcsGen.stepPolicies("s").orNull(0.5)),
                Gen.tuples(
                        Gen.lists(
                                Gen.oneOf(
                                        damaged(EcsGen.scheduledActions("a", start), PutScheduledActionRequest.class),
                                        EcsGen.any(PutScheduledActionRequest.class)),
                                0,
                                2),
                        Gen.integers(-3, 300),
                        EcsGen.metricValues(90)),
                Gen.tuples(Gen.integers(-5, 120), Gen.elements(0, 1, 7, 60, 61, 3600), extremeInts()),
                (policy, schedule, times) -> {
                    ScalingSimulator.Builder b = ScalingSimulator.builder()
                            .target(policy.first())
                            .metric(ScalingGen.series(start, schedule.third()))
                            .start(start)
                            .end(start.plus(Duration.ofMinutes(times.first())));
                    if (times.second() > 0) {
                        b.step(Duration.ofSeconds(times.second()));
                    }
                    policy.second().forEach(b::addPolicy);
                    if (policy.third() != null) {
                        b.addPolicy(policy.third().first())
                                .alarm("s", policy.third().second());
                    }
                    schedule.first().forEach(b::addScheduledAction);
                    if (schedule.second() >= 0) {
                        b.initialCapacity(schedule.second());
                    }
                    return b;
                });
        Property.forAll(builders).tries(TRIES).check(b -> {
            ScalingSimulator sim = only("build", b::build, AwsServiceException.class, IllegalArgumentException.class);
            if (sim != null) {
                returns("run", () -> sim.run().toCsv());
            }
        });
    }

    @Test
    void schedulesRefuseWithInvalidScheduleException() {
        Gen<String> crons = Gen.oneOf(
                EcsGen.cronExpressions(),
                Gen.zip(EcsGen.cronExpressions(), edits(), CarelessInputSweepTest::damageText),
                Gen.strings("0123456789*?,-/LW# ", 0, 24));
        Gen<String> schedules = Gen.oneOf(
                crons.map(c -> "cron(" + c + ")"),
                Gen.zip(
                        Gen.elements("rate(5 minutes)", "at(2024-03-01T10:00:00)", "cron(0 10 * * ? *)"),
                        edits(),
                        CarelessInputSweepTest::damageText));
        Gen<String> zones = Gen.elements(
                        "UTC", "Europe/Paris", "America/St_Johns", "", "Nowhere/Else", "+05:30", "GMT+2")
                .orNull(0.3);
        Gen<Instant> instants = Gen.elements(
                Instant.parse("2024-03-01T00:00:00Z"),
                Instant.MIN,
                Instant.MAX,
                Instant.EPOCH,
                Instant.parse("2199-12-31T23:59:59Z"));
        Property.forAll(Gen.tuples(crons, schedules, zones), instants, instants)
                .tries(TRIES)
                .check((text, after, start) -> {
                    String cron = text.first();
                    String schedule = text.second();
                    String zone = text.third();
                    CronExpression e = only(
                            "CronExpression.parse", () -> CronExpression.parse(cron), InvalidScheduleException.class);
                    if (e != null) {
                        returns("next", () -> e.next(after, ZoneId.of("UTC")));
                    }
                    ScheduledActionTimes times = only(
                            "ScheduledActionTimes.of",
                            () -> ScheduledActionTimes.of(schedule, zone, start, null),
                            IllegalArgumentException.class);
                    if (times != null) {
                        returns("next", () -> times.next(after, start));
                    }
                });
    }

    @Test
    void evaluatorsNeverFailFromInside() {
        Gen<TargetTrackingScalingPolicyConfiguration> tt = Gen.oneOf(
                EcsGen.any(TargetTrackingScalingPolicyConfiguration.class),
                EcsGen.targetTrackingPolicies("p")
                        .map(PutScalingPolicyRequest::targetTrackingScalingPolicyConfiguration));
        Gen<StepScalingPolicyConfiguration> step = Gen.oneOf(
                EcsGen.any(StepScalingPolicyConfiguration.class),
                EcsGen.stepPolicies("s").map(t -> t.first().stepScalingPolicyConfiguration()));
        Gen<AlarmSpec> alarms = EcsGen.stepPolicies("s").map(Tuple2::second);
        Gen<Double> metric = Gen.elements(Double.NaN, -1.0, 0.0, 50.0, 1e300, Double.POSITIVE_INFINITY, -1e300);
        Gen<Integer> capacity = Gen.oneOf(Gen.integers(0, 20), extremeInts());
        Instant now = Instant.parse("2024-03-01T00:00:00Z");
        Property.forAll(
                        Gen.tuples(tt, step, alarms),
                        Gen.tuples(metric, capacity, Gen.elements(AlarmState.values())),
                        Gen.tuples(
                                EcsGen.any(ManagedScaling.class).orNull(0.2),
                                Gen.lists(extremeInts(), 8, 8),
                                Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)))
                .tries(TRIES)
                .check((policies, inputs, managed) -> {
                    only(
                            "TargetTracking.evaluate",
                            () -> TargetTracking.evaluate(
                                    TargetTracking.Settings.of(
                                            "p", policies.first(), TargetTrackingFormula.PROPORTIONAL),
                                    new TargetTracking.AlarmReadings(
                                            inputs.third(), inputs.third(), "high", "low", inputs.first()),
                                    inputs.second(),
                                    PolicyCooldown.NONE,
                                    now.getEpochSecond()),
                            IllegalArgumentException.class);
                    returns(
                            "StepScaling.evaluate",
                            () -> StepScaling.evaluate(
                                    new StepScaling.Policy("s", policies.second(), policies.third()),
                                    inputs.third(),
                                    inputs.first(),
                                    inputs.second(),
                                    PolicyCooldown.NONE,
                                    now));
                    ManagedScalingSettings settings = only(
                            "ManagedScalingSettings.of",
                            () -> ManagedScalingSettings.of(managed.first()),
                            IllegalArgumentException.class);
                    List<Integer> s = managed.second();
                    if (settings != null) {
                        returns(
                                "CapacityProviderScaling.evaluate",
                                () -> CapacityProviderScaling.evaluate(
                                        settings,
                                        new ManagedScalingState(
                                                s.get(0),
                                                s.get(1),
                                                s.get(2),
                                                s.get(3),
                                                s.get(4),
                                                s.get(5),
                                                (long) s.get(6),
                                                s.get(7)),
                                        managed.third()));
                    }
                });
    }

    // ------------------------------------------------------------------ the checks

    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    @FunctionalInterface
    interface VoidCall {
        void call() throws Exception;
    }

    /** The call's value; any exception is a failure. */
    private static <T> T returns(String what, Call<T> call) {
        try {
            return call.call();
        } catch (Throwable e) {
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    /** The call's value, or null when it throws one of the documented types (with a message). */
    @SafeVarargs
    private static <T> T only(String what, Call<T> call, Class<? extends Throwable>... documented) {
        try {
            return call.call();
        } catch (Throwable e) {
            for (Class<? extends Throwable> d : documented) {
                if (d.isInstance(e)) {
                    assertThat(e.getMessage())
                            .as("message of %s from %s", e.getClass().getSimpleName(), what)
                            .isNotBlank();
                    return null;
                }
            }
            throw new AssertionError(what + " threw " + e, e);
        }
    }

    @SafeVarargs
    private static void only(String what, VoidCall call, Class<? extends Throwable>... documented) {
        only(
                what,
                () -> {
                    call.call();
                    return null;
                },
                documented);
    }

    // ------------------------------------------------------------------ careless values

    private static Gen<Integer> extremeInts() {
        return Gen.elements(
                0,
                -1,
                1,
                2,
                10,
                11,
                100,
                1001,
                65535,
                65536,
                100_001,
                Integer.MAX_VALUE,
                Integer.MIN_VALUE,
                Integer.MAX_VALUE - 1,
                Integer.MIN_VALUE + 1);
    }

    /** Edits: which node or character (an index taken modulo the count) and what to do there. */
    private static Gen<List<Tuple2<Integer, Integer>>> edits() {
        return Gen.lists(Gen.tuples(Gen.integers(0, 1 << 20), Gen.integers(0, 1 << 10)), 1, 4);
    }

    private static final String[] STRINGS = {
        "",
        " ",
        "-1",
        "0",
        "99999999999",
        "abc",
        "\u0000",
        "1.5",
        "0x10",
        " 256 ",
        "256 vcpu",
        "2 GB",
        "-2147483649",
        "future-value",
        "arn:aws:ecs:::",
        "a".repeat(300),
        "*",
        ":",
        "/",
        "//",
        "a:b:c",
        "${x}"
    };
    private static final long[] NUMBERS = {
        0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65535, 65536, 100_000, Long.MAX_VALUE, 3
    };

    /**
     * Values of {@code type} near {@code valid}: members removed or emptied, strings replaced by
     * careless text, numbers by extremes, lists emptied or with elements removed or repeated. Edits
     * the type cannot hold (a long where an int goes) are skipped.
     */
    static <T> Gen<T> damaged(Gen<? extends T> valid, Class<T> type) {
        return Gen.zip(valid, edits(), (v, edits) -> {
            JsonNode tree = LENIENT.toTree(v);
            T out = type.cast(v);
            for (Tuple2<Integer, Integer> edit : edits) {
                JsonNode copy = tree.deepCopy();
                if (!damage(copy, edit.first(), edit.second())) {
                    continue;
                }
                try {
                    out = LENIENT.convert(copy, type);
                    tree = copy;
                } catch (SerializationException e) {
                    // an edit the type cannot hold
                }
            }
            return out;
        });
    }

    private record Slot(JsonNode parent, String field, int index) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static boolean damage(JsonNode root, int where, int what) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return false;
        }
        Slot slot = slots.get(where % slots.size());
        JsonNode node = slot.get();
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (what % 5 == 0) {
            slot.remove();
        } else if (node.isTextual()) {
            slot.set(f.textNode(STRINGS[what % STRINGS.length]));
        } else if (node.isIntegralNumber()) {
            slot.set(f.numberNode(NUMBERS[what % NUMBERS.length]));
        } else if (node.isNumber()) {
            slot.set(f.numberNode(new double[] {-1e300, 0.0, -0.5, 1e300, 1e-300}[what % 5]));
        } else if (node.isBoolean()) {
            slot.set(f.booleanNode(!node.booleanValue()));
        } else if (node.isArray() && node.size() > 0) {
            ArrayNode a = (ArrayNode) node;
            switch (what % 3) {
                case 0 -> a.removeAll();
                case 1 -> a.remove(what % a.size());
                default -> a.add(a.get(what % a.size()).deepCopy());
            }
        } else if (node.isObject()) {
            ((ObjectNode) node).removeAll();
        } else {
            slot.remove();
        }
        return true;
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                out.add(new Slot(node, name, -1));
                collect(node.get(name), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }

    /** Text with characters deleted, repeated or replaced by ones that matter to parsers. */
    static String damageText(String text, List<Tuple2<Integer, Integer>> edits) {
        StringBuilder s = new StringBuilder(text);
        String specials = ":/,()[]{}\"\\ -*?#LW0159aZ.=!~\u0000\n";
        for (Tuple2<Integer, Integer> e : edits) {
            int at = s.length() == 0 ? 0 : e.first() % (s.length() + 1);
            switch (e.second() % 4) {
                case 0 -> {
                    if (at < s.length()) {
                        s.delete(at, Math.min(s.length(), at + 1 + e.second() % 5));
                    }
                }
                case 1 -> s.insert(at, specials.charAt(e.second() % specials.length()));
                case 2 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, specials.charAt(e.second() % specials.length()));
                    }
                }
                default -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + e.second() % 7)));
            }
        }
        return s.toString();
    }
}
