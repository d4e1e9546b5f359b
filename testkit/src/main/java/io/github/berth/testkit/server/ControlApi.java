package io.github.berth.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.berth.core.Nullable;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.EcsException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.testkit.fake.Behaviours;
import io.github.berth.testkit.fake.EcsEvent;
import io.github.berth.testkit.fake.FakeEcs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The server's control API, for tests that are not in Java: JSON in, JSON out, under {@code
 * /_berth/} (docs/wire.md#control-api). Times are epoch seconds, as on the AWS wire.
 *
 * <pre>
 * GET    /_berth/health                  {"status":"ok"}
 * GET    /_berth/clock                   {"now":1767225600}
 * POST   /_berth/clock/advance           {"seconds":30} or {"to":1767229200}       -> {"now":...}
 * POST   /_berth/behaviours              {"match":"image","pattern":"app:*","exitAfterSeconds":60,"exitCode":1}
 * DELETE /_berth/behaviours
 * POST   /_berth/faults                  {"throttle":"RunTask","probability":0.5}
 *                                        {"failNextCall":"CreateCluster","errorCode":"ServerException","message":"..."}
 * DELETE /_berth/faults
 * POST   /_berth/instances               {"cluster":"prod","instanceType":"m5.large","availabilityZone":"us-east-1a"}
 * GET    /_berth/events?from=N           {"events":[EventBridge events...],"nextSequence":M}
 * GET    /_berth/snapshot                the fake's state as JSON
 * POST   /_berth/restore                 a snapshot: the server now serves that state
 * POST   /_berth/reset                   a fresh fake
 * </pre>
 */
final class ControlApi {

    record Reply(int status, byte[] body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EcsServer server;

    ControlApi(EcsServer server) {
        this.server = server;
    }

    Reply handle(String method, String path, @Nullable String query, byte[] body) {
        try {
            String route = method + " " + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
            FakeEcs ecs = server.fake();
            return switch (route) {
                case "GET health" -> ok(obj().put("status", "ok"));
                case "GET clock" -> ok(now(ecs));
                case "POST clock/advance" -> advance(ecs, read(body));
                case "POST behaviours" -> behaviour(ecs, read(body));
                case "DELETE behaviours" -> {
                    ecs.behaviours().clear();
                    yield ok(obj());
                }
                case "POST faults" -> fault(ecs, read(body));
                case "DELETE faults" -> {
                    ecs.faults().clear();
                    yield ok(obj());
                }
                case "POST instances" -> instance(ecs, read(body));
                case "GET events" -> events(ecs, query);
                case "GET snapshot" -> snapshot(ecs);
                case "POST restore" -> restore(body);
                case "POST reset" -> {
                    server.replace(server.newFake());
                    yield ok(now(server.fake()));
                }
                default -> error(404, "No control operation " + method + " " + EcsServer.CONTROL_PATH + path);
            };
        } catch (BadRequest e) {
            return error(400, e.getMessage());
        } catch (AwsServiceException e) {
            return error(400, e.errorCode() + ": " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            return error(400, e.getMessage());
        }
    }

    private Reply advance(FakeEcs ecs, JsonNode in) {
        JsonNode seconds = in.get("seconds");
        JsonNode to = in.get("to");
        if ((seconds == null) == (to == null)) {
            throw new BadRequest("give either seconds or to (epoch seconds)");
        }
        if (seconds != null) {
            BigDecimal s = number(seconds, "seconds");
            if (s.signum() < 0) {
                throw new BadRequest("seconds: the fake clock only moves forward: " + s);
            }
            ecs.clock().advance(Duration.ofNanos(s.movePointRight(9).longValueExact()));
        } else {
            BigDecimal t = number(to, "to");
            Instant target = Instant.ofEpochSecond(0, t.movePointRight(9).longValueExact());
            if (target.isBefore(ecs.clock().now())) {
                throw new BadRequest("to: the fake clock only moves forward: " + t.toPlainString() + " is before "
                        + seconds(ecs.clock().now()));
            }
            ecs.clock().advanceTo(target);
        }
        return ok(now(ecs));
    }

    private Reply behaviour(FakeEcs ecs, JsonNode in) {
        String match = text(in, "match");
        // "all" takes no pattern (one given must still be a string); every other kind needs one.
        String pattern =
                "all".equals(match) ? Objects.requireNonNullElse(optionalText(in, "pattern"), "") : text(in, "pattern");
        Behaviours b = ecs.behaviours();
        Behaviours.Rule rule = switch (match) {
            case "image" -> b.image(pattern);
            case "family" -> b.family(pattern);
            case "taskDefinition" -> b.taskDefinition(pattern);
            case "container" -> b.container(pattern);
            case "all" -> b.all();
            default -> throw new BadRequest("match: one of image, family, taskDefinition, container, all: " + match);
        };
        if (in.has("startDelaySeconds")) {
            rule.startDelay(duration(in, "startDelaySeconds"));
        }
        if (in.has("pullFailure")) {
            JsonNode p = in.get("pullFailure");
            if (p.isTextual()) {
                rule.pullFailure(p.asText());
            } else if (p.isBoolean() && p.asBoolean()) {
                rule.pullFailure();
            }
        }
        if (in.has("exitAfterSeconds")) {
            rule.exitAfter(duration(in, "exitAfterSeconds"), in.has("exitCode") ? integer(in, "exitCode") : 0);
        }
        if (in.has("oomKilledAfterSeconds")) {
            rule.oomKilledAfter(duration(in, "oomKilledAfterSeconds"));
        }
        if (in.has("unhealthyAfterSeconds")) {
            rule.unhealthyAfter(duration(in, "unhealthyAfterSeconds"));
        }
        if (in.path("neverHealthy").asBoolean(false)) {
            rule.neverHealthy();
        }
        if (in.has("stopExitCode")) {
            rule.stopExitCode(integer(in, "stopExitCode"));
        }
        if (in.has("probability")) {
            rule.withProbability(number(in.get("probability"), "probability").doubleValue());
        }
        return ok(obj());
    }

    private Reply fault(FakeEcs ecs, JsonNode in) {
        if (in.has("throttle")) {
            String op = text(in, "throttle");
            double p = in.has("probability")
                    ? number(in.get("probability"), "probability").doubleValue()
                    : 1.0;
            ecs.faults().throttle(op, p);
            return ok(obj());
        }
        if (in.has("failNextCall")) {
            String op = text(in, "failNextCall");
            String code = text(in, "errorCode");
            String message = in.has("message") ? text(in, "message") : null;
            ecs.faults().failNextCall(op, error(code, message));
            return ok(obj());
        }
        throw new BadRequest("give throttle or failNextCall");
    }

    /** Berth's exception of that code when it has one (so the SDK maps it the same), else one carrying the code. */
    static AwsServiceException error(String code, @Nullable String message) {
        if (!code.matches("[A-Za-z][A-Za-z0-9]{0,99}")) {
            throw new BadRequest("errorCode: not an error code: " + code);
        }
        for (String pkg : List.of("io.github.berth.core.error.", "io.github.berth.testkit.fake.")) {
            try {
                Class<?> c = Class.forName(pkg + code);
                if (AwsServiceException.class.isAssignableFrom(c)) {
                    return (AwsServiceException) c.getConstructor(String.class).newInstance(message);
                }
            } catch (ReflectiveOperationException e) {
                // Not one of ours: carried as is below.
            }
        }
        return new InjectedError(code, "ServerException".equals(code) ? 500 : 400, message);
    }

    private Reply instance(FakeEcs ecs, JsonNode in) {
        var ci = ecs.launchInstance(text(in, "cluster"), text(in, "instanceType"), text(in, "availabilityZone"));
        try {
            return new Reply(
                    200,
                    ("{\"containerInstance\":" + EcsJson.lenient().write(ci) + "}").getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private Reply events(FakeEcs ecs, @Nullable String query) {
        long from = 0;
        if (query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("from=")) {
                    try {
                        from = Long.parseLong(part.substring(5));
                    } catch (NumberFormatException e) {
                        throw new BadRequest("from: not a whole number: " + part.substring(5));
                    }
                }
            }
        }
        List<EcsEvent> list = ecs.events().since(from);
        ObjectNode out = obj();
        ArrayNode arr = out.putArray("events");
        for (EcsEvent e : list) {
            arr.add(e.toJsonNode());
        }
        out.put("nextSequence", ecs.events().nextSequence());
        return ok(out);
    }

    private Reply snapshot(FakeEcs ecs) {
        MethodHandle h = handle(false);
        if (h == null) {
            return error(501, "Snapshots are not available in this version of Berth yet.");
        }
        try {
            return new Reply(200, ((String) h.invoke(ecs)).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private Reply restore(byte[] body) {
        MethodHandle h = handle(true);
        if (h == null) {
            return error(501, "Restoring a snapshot is not available in this version of Berth yet.");
        }
        FakeEcs next;
        try {
            next = (FakeEcs) h.invoke(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        server.replace(next);
        return ok(now(next));
    }

    /** {@code FakeEcs.snapshot()} or {@code FakeEcs.restore(String)}, when the fake has them. */
    private static @Nullable MethodHandle handle(boolean restore) {
        try {
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            return restore
                    ? l.findStatic(FakeEcs.class, "restore", MethodType.methodType(FakeEcs.class, String.class))
                    : l.findVirtual(FakeEcs.class, "snapshot", MethodType.methodType(String.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ JSON helpers

    private static JsonNode read(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw new BadRequest("the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequest("the body could not be read");
        }
    }

    /** A required string member. */
    private static String text(JsonNode in, String member) {
        String s = optionalText(in, member);
        if (s == null) {
            throw new BadRequest(member + ": required");
        }
        return s;
    }

    private static @Nullable String optionalText(JsonNode in, String member) {
        JsonNode n = in.get(member);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new BadRequest(member + ": expected a string");
        }
        return n.asText();
    }

    private static BigDecimal number(JsonNode n, String member) {
        if (!n.isNumber()) {
            throw new BadRequest(member + ": expected a number");
        }
        BigDecimal d = n.decimalValue();
        if (d.abs().compareTo(BigDecimal.valueOf(1L << 40)) > 0) {
            throw new BadRequest(member + ": out of range: " + d.toPlainString());
        }
        return d;
    }

    private static Duration duration(JsonNode in, String member) {
        BigDecimal s = number(in.get(member), member);
        return Duration.ofNanos(s.movePointRight(9).longValue());
    }

    private static int integer(JsonNode in, String member) {
        JsonNode n = in.get(member);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new BadRequest(member + ": expected a whole number");
        }
        return n.asInt();
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static ObjectNode now(FakeEcs ecs) {
        return obj().put("now", seconds(ecs.clock().now()));
    }

    private static BigDecimal seconds(Instant t) {
        BigDecimal d = BigDecimal.valueOf(t.getEpochSecond())
                .add(BigDecimal.valueOf(t.getNano(), 9))
                .stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static Reply ok(JsonNode n) {
        return new Reply(200, n.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Reply error(int status, @Nullable String message) {
        ObjectNode n = obj().put("__type", "BerthControlException");
        n.put("message", message == null ? "bad request" : message);
        return new Reply(status, n.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(@Nullable String message) {
            super(message, null, false, false);
        }
    }

    /** An injected error of a code Berth has no class for. */
    static final class InjectedError extends EcsException {
        private static final long serialVersionUID = 1L;

        InjectedError(String code, int status, @Nullable String message) {
            super(code, status, message);
        }
    }
}
