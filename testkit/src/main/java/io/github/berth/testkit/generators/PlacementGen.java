package io.github.berth.testkit.generators;

import io.github.berth.core.model.Attribute;
import io.github.berth.core.model.AwsVpcConfiguration;
import io.github.berth.core.model.ContainerDefinition;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.NetworkConfiguration;
import io.github.berth.core.model.NetworkMode;
import io.github.berth.core.model.PlacementConstraint;
import io.github.berth.core.model.PlacementConstraintType;
import io.github.berth.core.model.PlacementStrategy;
import io.github.berth.core.model.PlacementStrategyType;
import io.github.berth.core.model.PortMapping;
import io.github.berth.core.model.Task;
import io.github.berth.core.model.TaskDefinition;
import io.github.berth.core.model.TaskDefinitionPlacementConstraint;
import io.github.berth.core.model.TaskDefinitionPlacementConstraintType;
import io.github.berth.core.model.TransportProtocol;
import io.github.berth.placement.PlacementRequest;
import io.github.berth.placement.query.Expression;
import io.github.berth.placement.query.Operator;
import io.github.berth.placement.query.Subject;
import io.github.berth.testkit.property.Gen;
import io.github.berth.testkit.property.Tuple2;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generators of placement inputs: cluster query language expressions (as trees and as text in every
 * spelling ECS accepts), placement constraints and strategies, task definitions for EC2 placement,
 * and whole placement requests fitted to a generated cluster ({@link EcsGen#clusters()}).
 */
public final class PlacementGen {

    private PlacementGen() {}

    /** A generated cluster with a request to place on it. */
    public record PlacementCase(ClusterState cluster, PlacementRequest request) {
        @Override
        public String toString() {
            return request + " on " + cluster.containerInstances().size() + " instances, "
                    + cluster.tasks().size() + " tasks";
        }
    }

    // ------------------------------------------------------------------ the cluster query language

    private static final List<String> REGEXES =
            List.of("t2.*", "m5\\..*", ".*large", "[a-z]+-[0-9]", "(prod|dev)", "us-east-1[ab]", "service:.*", ".*");
    private static final List<String> VALUES = List.of(
            "t2.small",
            "m5.large",
            "us-east-1a",
            "prod",
            "service:web",
            "family:batch",
            "i-0abc1234",
            "v1.2.3",
            "web tier",
            "it's",
            "",
            "a,b",
            "x]y",
            "(p)",
            "and",
            "not",
            "in");

    /** Any expression: every subject, every operator it accepts, values that need quoting and not. */
    public static Gen<Expression> expressions() {
        return Gen.recursive(
                3,
                predicates(),
                inner -> Gen.oneOf(
                        Gen.zip(inner, inner, Expression.And::new),
                        Gen.zip(inner, inner, Expression.Or::new),
                        inner.map(Expression.Not::new)));
    }

    static Gen<Expression> predicates() {
        Gen<Subject> subjects = Gen.oneOf(
                Gen.elements(
                                Subject.Kind.AGENT_CONNECTED,
                                Subject.Kind.AGENT_VERSION,
                                Subject.Kind.EC2_INSTANCE_ID,
                                Subject.Kind.REGISTERED_AT,
                                Subject.Kind.RUNNING_TASKS_COUNT,
                                Subject.Kind.TASK_GROUP)
                        .map(Subject::of),
                Gen.elements(
                                "ecs.instance-type",
                                "ecs.availability-zone",
                                "stack",
                                "app/version",
                                "rack.id",
                                "disk\\type")
                        .map(Subject::attribute));
        return subjects.flatMap(s -> {
            List<Operator> ops = new ArrayList<>();
            for (Operator op : Operator.values()) {
                if (s.kind().accepts(op)) {
                    ops.add(op);
                }
            }
            return Gen.elements(ops).flatMap(op -> switch (op.arity()) {
                case NONE -> Gen.constant(new Expression.Predicate(s, op, List.of()));
                case ONE -> value(s, op).map(v -> new Expression.Predicate(s, op, List.of(v)));
                case LIST -> Gen.lists(value(s, op), 1, 4).map(vs -> new Expression.Predicate(s, op, vs));
            });
        });
    }

    private static Gen<String> value(Subject s, Operator op) {
        if (op == Operator.MATCHES || op == Operator.NOT_MATCHES) {
            return Gen.elements(REGEXES);
        }
        return switch (s.kind()) {
            case AGENT_CONNECTED -> Gen.elements("true", "false", "TRUE");
            case AGENT_VERSION ->
                Gen.zip(
                        Gen.integers(0, 2),
                        Gen.integers(0, 90),
                        Gen.integers(0, 9),
                        (a, b, c) -> a + "." + b + "." + c);
            case REGISTERED_AT ->
                Gen.elements(
                        "2018-02-13",
                        "2018-06-18T22:28:28Z",
                        "2018-06-18T22:28:28+00:00",
                        "2018-06-18T22:28:28",
                        "2026-01-01");
            case RUNNING_TASKS_COUNT -> Gen.integers(0, 12).map(String::valueOf);
            default -> Gen.elements(VALUES);
        };
    }

    /**
     * Expressions as people write them: symbols or words for operators, {@code and}/{@code &&} in
     * any case, {@code not(...)}, {@code !} or {@code not }, values bare or quoted, spacing varied,
     * parentheses where needed and sometimes where not. Each text comes with the tree it means.
     */
    public static Gen<Tuple2<String, Expression>> expressionTexts() {
        return expressions()
                .flatMap(e -> Gen.longs(0, Long.MAX_VALUE)
                        .map(seed -> new Tuple2<>(render(e, new java.util.Random(seed)), e)));
    }

    private static int level(Expression e) {
        return e instanceof Expression.Or ? 1 : e instanceof Expression.And ? 2 : 3;
    }

    private static String render(Expression e, java.util.Random r) {
        String text = renderBare(e, r);
        return r.nextInt(8) == 0 ? "(" + text + ")" : text;
    }

    private static String renderBare(Expression e, java.util.Random r) {
        if (e instanceof Expression.And a) {
            return operand(a.left(), level(a.left()) < 2, r)
                    + pick(r, " and ", " && ", " AND ", "&&")
                    + operand(a.right(), level(a.right()) <= 2, r);
        }
        if (e instanceof Expression.Or o) {
            return operand(o.left(), level(o.left()) < 1, r)
                    + pick(r, " or ", " || ", " OR ", "||")
                    + operand(o.right(), level(o.right()) <= 1, r);
        }
        if (e instanceof Expression.Not n) {
            String inner = render(n.operand(), r);
            return switch (r.nextInt(3)) {
                case 0 -> "not(" + inner + ")";
                case 1 -> "!(" + inner + ")";
                default -> level(n.operand()) == 3 ? "not " + inner : "not (" + inner + ")";
            };
        }
        Expression.Predicate p = (Expression.Predicate) e;
        Operator op = p.operator();
        String opText = op.word() != null && r.nextBoolean() ? op.word() : op.symbol();
        if (r.nextInt(4) == 0) {
            opText = opText.toUpperCase(Locale.ROOT).equals(opText) ? opText : opText.toUpperCase(Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(p.subject().toString());
        boolean symbolic = !Character.isLetter(opText.charAt(0)) && opText.charAt(0) != '!';
        out.append(symbolic && r.nextBoolean() ? "" : " ").append(opText);
        switch (op.arity()) {
            case NONE -> {}
            case ONE -> out.append(' ').append(quote(p.values().get(0), r));
            case LIST -> {
                out.append(pick(r, " [", " [ "));
                for (int k = 0; k < p.values().size(); k++) {
                    out.append(k > 0 ? pick(r, ", ", ",", " , ") : "")
                            .append(quote(p.values().get(k), r));
                }
                out.append(pick(r, "]", " ]"));
            }
        }
        return out.toString();
    }

    private static String operand(Expression e, boolean parens, java.util.Random r) {
        String text = renderBare(e, r);
        return parens || r.nextInt(6) == 0 ? "(" + text + ")" : text;
    }

    private static String quote(String v, java.util.Random r) {
        boolean bare = !v.isEmpty()
                && v.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_.:@/\\*+?^$%#{}-".indexOf(c) >= 0)
                && v.chars().allMatch(c -> c < 128);
        if (bare && r.nextBoolean()) {
            return v;
        }
        char q = r.nextBoolean() ? '\'' : '"';
        return q + v.replace(String.valueOf(q), String.valueOf(q) + q) + q;
    }

    private static String pick(java.util.Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    // ------------------------------------------------------------------ constraints and strategies

    /** Up to 5 strategies of every kind and field ECS accepts (fields in either case where it accepts that). */
    public static Gen<List<PlacementStrategy>> strategies() {
        Gen<PlacementStrategy> one = Gen.oneOf(
                Gen.elements("cpu", "memory", "MEMORY").map(f -> strategy(PlacementStrategyType.BINPACK, f)),
                Gen.elements(
                                "instanceId",
                                "host",
                                "attribute:ecs.availability-zone",
                                "attribute:ecs.instance-type",
                                "attribute:stack")
                        .map(f -> strategy(PlacementStrategyType.SPREAD, f)),
                Gen.constant(PlacementStrategy.builder()
                        .type(PlacementStrategyType.RANDOM)
                        .build()));
        return Gen.lists(one, 0, 5);
    }

    private static PlacementStrategy strategy(PlacementStrategyType type, String field) {
        return PlacementStrategy.builder().type(type).field(field).build();
    }

    /** memberOf expressions about what the cluster holds (its types, AZs, groups, instances, custom attributes). */
    public static Gen<Expression> clusterExpressions(ClusterState cluster) {
        List<String> types = values(cluster, "ecs.instance-type");
        List<String> zones = values(cluster, "ecs.availability-zone");
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(
                cluster.tasks().stream().map(Task::group).filter(g -> g != null).toList()));
        groups.add("family:web");
        List<String> ids = cluster.containerInstances().stream()
                .map(ContainerInstance::ec2InstanceId)
                .toList();
        Gen<Expression> leaf = Gen.oneOf(
                Gen.zip(
                        Gen.elements(Operator.EQUALS, Operator.NOT_EQUALS, Operator.MATCHES),
                        Gen.elements(with(types, "t2.small")),
                        (op, v) -> pred(
                                Subject.attribute("ecs.instance-type"),
                                op,
                                op == Operator.MATCHES ? v.substring(0, 2) + ".*" : v)),
                Gen.lists(Gen.elements(with(zones, "us-west-2d")), 1, 3)
                        .map(vs ->
                                new Expression.Predicate(Subject.attribute("ecs.availability-zone"), Operator.IN, vs)),
                Gen.elements(Operator.EXISTS, Operator.NOT_EXISTS).map(op -> pred(Subject.attribute("stack"), op)),
                Gen.elements("prod", "green").map(v -> pred(Subject.attribute("stack"), Operator.NOT_EQUALS, v)),
                Gen.zip(
                        Gen.elements(Operator.LESS_THAN, Operator.EQUALS, Operator.GREATER_THAN_EQUAL),
                        Gen.integers(0, 4),
                        (op, k) -> pred(Subject.of(Subject.Kind.RUNNING_TASKS_COUNT), op, String.valueOf(k))),
                Gen.elements(groups).map(g -> pred(Subject.of(Subject.Kind.TASK_GROUP), Operator.EQUALS, g)),
                Gen.elements(with(ids, "i-missing"))
                        .map(id -> pred(Subject.of(Subject.Kind.EC2_INSTANCE_ID), Operator.EQUALS, id)),
                Gen.elements("linux", "windows").map(v -> pred(Subject.attribute("ecs.os-type"), Operator.EQUALS, v)));
        return Gen.recursive(
                2,
                leaf,
                inner -> Gen.oneOf(
                        Gen.zip(inner, inner, Expression.And::new),
                        Gen.zip(inner, inner, Expression.Or::new),
                        inner.map(Expression.Not::new)));
    }

    private static Expression pred(Subject s, Operator op, String... values) {
        return new Expression.Predicate(s, op, List.of(values));
    }

    private static List<String> with(List<String> values, String extra) {
        List<String> out = new ArrayList<>(values);
        out.add(extra);
        return out;
    }

    private static List<String> values(ClusterState cluster, String attribute) {
        Set<String> out = new LinkedHashSet<>();
        for (ContainerInstance ci : cluster.containerInstances()) {
            for (Attribute a : Registration.nonNull(ci.attributes())) {
                if (attribute.equals(a.name()) && a.value() != null) {
                    out.add(a.value());
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Up to 3 constraints: memberOf with cluster expressions, and distinctInstance at most once. */
    public static Gen<List<PlacementConstraint>> constraints(ClusterState cluster) {
        Gen<PlacementConstraint> memberOf = clusterExpressions(cluster)
                .map(e -> PlacementConstraint.builder()
                        .type(PlacementConstraintType.MEMBER_OF)
                        .expression(e.toString())
                        .build());
        Gen<List<PlacementConstraint>> memberOfs =
                Gen.frequency(Gen.weighted(3, Gen.constant(List.of())), Gen.weighted(2, Gen.lists(memberOf, 1, 2)));
        Gen<Boolean> distinctInstance =
                Gen.frequency(Gen.weighted(3, Gen.constant(false)), Gen.weighted(1, Gen.constant(true)));
        return Gen.zip(memberOfs, distinctInstance, (list, distinct) -> {
            List<PlacementConstraint> out = new ArrayList<>(list);
            if (distinct) {
                out.add(PlacementConstraint.builder()
                        .type(PlacementConstraintType.DISTINCT_INSTANCE)
                        .build());
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ task definitions and requests

    private static final List<Integer> STATIC_PORTS = List.of(80, 443, 8080, 22, 53);

    /** A port mapping for a network mode: static or dynamic host ports, TCP or UDP, sometimes a range. */
    private static Gen<PortMapping> portMappings(NetworkMode mode) {
        Gen<TransportProtocol> protocol = Gen.frequency(
                Gen.weighted(4, Gen.constant(TransportProtocol.TCP)),
                Gen.weighted(1, Gen.constant(TransportProtocol.UDP)));
        if (NetworkMode.BRIDGE.equals(mode)) {
            return Gen.frequency(
                    Gen.weighted(
                            4,
                            Gen.zip(
                                    Gen.integers(1, 9000),
                                    protocol,
                                    (c, p) -> PortMapping.builder()
                                            .containerPort(c)
                                            .hostPort(0)
                                            .protocol(p)
                                            .build())),
                    Gen.weighted(
                            3,
                            Gen.zip(
                                    Gen.elements(STATIC_PORTS),
                                    protocol,
                                    (h, p) -> PortMapping.builder()
                                            .containerPort(8000)
                                            .hostPort(h)
                                            .protocol(p)
                                            .build())),
                    Gen.weighted(
                            1,
                            Gen.integers(7000, 7100)
                                    .map(first -> PortMapping.builder()
                                            .containerPortRange(first + "-" + (first + 3))
                                            .build())));
        }
        return Gen.zip(
                Gen.elements(STATIC_PORTS),
                protocol,
                (c, p) -> PortMapping.builder().containerPort(c).protocol(p).build());
    }

    /** Task definitions for EC2 placement: bridge, host or awsvpc; CPU, memory, ports, sometimes a GPU. */
    public static Gen<TaskDefinition> taskDefinitions() {
        return taskDefinitions(1);
    }

    /**
     * Task definitions whose containers ask for a GPU {@code gpuWeight} times in 25. A request fitted to
     * a cluster with GPUs asks for them often, so that GPU placement (and its RESOURCE:GPU refusal) is
     * exercised in a fair share of tries rather than in one or two.
     */
    private static Gen<TaskDefinition> taskDefinitions(int gpuWeight) {
        return Gen.elements(NetworkMode.BRIDGE, NetworkMode.BRIDGE, NetworkMode.HOST, NetworkMode.AWSVPC)
                .flatMap(mode -> {
                    Gen<ContainerDefinition> container = Gen.zip(
                            Gen.tuples(
                                    Gen.integers(0, 16).map(k -> k * 64),
                                    Gen.integers(1, 32).map(k -> k * 32),
                                    Gen.booleans()),
                            Gen.lists(portMappings(mode), 0, 2),
                            Gen.frequency(
                                    Gen.weighted(25 - gpuWeight, Gen.constant(0)),
                                    Gen.weighted(gpuWeight, Gen.constant(1))),
                            (resources, ports, gpus) -> {
                                ContainerDefinition.Builder b = ContainerDefinition.builder()
                                        .image("nginx")
                                        .cpu(resources.first());
                                if (resources.third()) {
                                    b.memoryReservation(resources.second()).memory(resources.second() * 2);
                                } else {
                                    b.memory(resources.second());
                                }
                                if (gpus > 0) {
                                    b.resourceRequirements(
                                            List.of(io.github.berth.core.model.ResourceRequirement.builder()
                                                    .type(io.github.berth.core.model.ResourceType.GPU)
                                                    .value("1")
                                                    .build()));
                                }
                                return b.portMappings(ports).build();
                            });
                    return Gen.zip(
                            Gen.lists(container, 1, 2),
                            Gen.integers(0, 3),
                            Gen.booleans(),
                            (containers, taskLevel, requiresTaskEni) -> {
                                List<ContainerDefinition> named = new ArrayList<>();
                                for (int k = 0; k < containers.size(); k++) {
                                    named.add(containers.get(k).toBuilder()
                                            .name("c" + k)
                                            .build());
                                }
                                TaskDefinition.Builder td = TaskDefinition.builder()
                                        .family("web")
                                        .networkMode(mode)
                                        .containerDefinitions(named);
                                if (taskLevel == 1) {
                                    td.cpu("256").memory("512");
                                }
                                if (requiresTaskEni && !NetworkMode.AWSVPC.equals(mode)) {
                                    td.requiresAttributes(List.of(Attribute.builder()
                                            .name("com.amazonaws.ecs.capability.logging-driver.awslogs")
                                            .build()));
                                }
                                return td.build();
                            });
                });
    }

    /** A request fitted to the cluster: its subnets for awsvpc, its groups, expressions about its instances. */
    public static Gen<PlacementRequest> requests(ClusterState cluster) {
        List<String> subnets = values(cluster, "ecs.subnet-id");
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(
                cluster.tasks().stream().map(Task::group).filter(g -> g != null).toList()));
        Gen<String> group = groups.isEmpty()
                ? Gen.constant(null)
                : Gen.frequency(Gen.weighted(2, Gen.constant(null)), Gen.weighted(1, Gen.elements(groups)));
        boolean gpus = cluster.containerInstances().stream()
                .anyMatch(ci -> ci.registeredResources() != null
                        && ci.registeredResources().stream().anyMatch(r -> "GPU".equals(r.name())));
        Gen<TaskDefinition> tds = Gen.zip(
                taskDefinitions(gpus ? 12 : 1),
                clusterExpressions(cluster).orNull(0.9),
                (td, e) -> e == null
                        ? td
                        : td.toBuilder()
                                .placementConstraints(List.of(TaskDefinitionPlacementConstraint.builder()
                                        .type(TaskDefinitionPlacementConstraintType.MEMBER_OF)
                                        .expression(e.toString())
                                        .build()))
                                .build());
        Gen<List<String>> chosenSubnets = Gen.lists(Gen.elements(with(subnets, "subnet-elsewhere")), 1, 3);
        return Gen.zip(
                Gen.tuples(tds, constraints(cluster), strategies()),
                Gen.tuples(Gen.booleans(), Gen.integers(1, 10), group),
                Gen.tuples(chosenSubnets, Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)),
                (what, how, where) -> {
                    PlacementRequest.Builder b = PlacementRequest.builder(what.first())
                            .placementConstraints(what.second())
                            .placementStrategy(what.third())
                            .seed(where.second());
                    if (how.first()) {
                        b.service("svc").count(how.second() * 3);
                    } else {
                        b.count(how.second()).group(how.third());
                    }
                    if (NetworkMode.AWSVPC.equals(what.first().networkMode())) {
                        b.networkConfiguration(NetworkConfiguration.builder()
                                .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                        .subnets(new ArrayList<>(new LinkedHashSet<>(where.first())))
                                        .build())
                                .build());
                    }
                    return b.build();
                });
    }

    /** A generated cluster and a request for it. */
    public static Gen<PlacementCase> cases() {
        return EcsGen.clusters().flatMap(c -> requests(c).map(r -> new PlacementCase(c, r)));
    }
}
