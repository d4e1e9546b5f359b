package io.github.berth.testkit.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.berth.core.Nullable;
import io.github.berth.core.error.AwsServiceException;
import io.github.berth.core.error.SerializationException;
import io.github.berth.core.json.EcsJson;
import io.github.berth.scaling.model.AutoScalingJson;
import io.github.berth.testkit.fake.FakeEcs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The AWS JSON 1.1 protocol of ECS and Application Auto Scaling over a {@link FakeEcs}: one request
 * ({@code X-Amz-Target} and body) in, one answer (status, body, error type) out. The HTTP server
 * ({@link EcsServer}) and the SDK's in-process channel ({@code testkit.sdk}) both hand every request
 * here; neither has code of its own for any operation.
 *
 * <p>How requests are answered (docs/wire.md#the-endpoint):
 * <ul>
 *   <li>{@code AmazonEC2ContainerServiceV20141113.<Op>} goes to {@code FakeEcs.<op>(<Op>Request)},
 *       {@code AnyScaleFrontendService.<Op>} to {@code FakeEcs.autoScaling().<op>(<Op>Request)}; the
 *       methods are found by name (see {@code Operations}), so operations the fake gains are served.
 *   <li>The body is read as its service reads it ({@link EcsJson#wire()} for ECS,
 *       {@link AutoScalingJson#wire()} for Application Auto Scaling): unknown members are
 *       ignored, as AWS services do [doc: Smithy AWS JSON 1.1]; an empty body is {@code {}} [doc];
 *       text that is not JSON, or a member of the wrong JSON type ({@code "cpu": 1024} where the
 *       API has a string), is {@code SerializationException} naming the member [doc: the AWS-wide
 *       protocol error; its exact message in ECS is unsure].
 *   <li>Errors are HTTP 400 (500 for {@code ServerException}) with {@code {"__type", "message"}}
 *       ({@code "Message"} for Application Auto Scaling, whose error shapes model that member)
 *       [doc: the API models; obs: what the AWS CLI and SDK for Java v2 read].
 *   <li>A target outside both models is {@code UnknownOperationException} [doc: AWS-wide]; an
 *       operation of a model the fake does not simulate is {@code UnknownOperationException} with
 *       "Berth does not simulate Op yet" [model].
 * </ul>
 *
 * <p>Thread-safe: the fake serialises its calls.
 */
public final class Dispatcher {

    /** [doc] The ECS API model's {@code targetPrefix}. */
    public static final String ECS_TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113";
    /** [doc] The Application Auto Scaling API model's {@code targetPrefix}. */
    public static final String AUTO_SCALING_TARGET_PREFIX = "AnyScaleFrontendService";
    /** [doc] The content type of AWS JSON 1.1 requests and answers. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private static final JsonFactory JSON = new JsonFactory();

    private final Supplier<FakeEcs> fake;
    private final AtomicLong requests = new AtomicLong();

    private Dispatcher(Supplier<FakeEcs> fake) {
        this.fake = fake;
    }

    /** A dispatcher over one fake. */
    public static Dispatcher of(FakeEcs fake) {
        Objects.requireNonNull(fake, "fake");
        return new Dispatcher(() -> fake);
    }

    /** A dispatcher over whatever fake {@code fake} answers at each request (the server's reset swaps it). */
    public static Dispatcher of(Supplier<FakeEcs> fake) {
        return new Dispatcher(Objects.requireNonNull(fake, "fake"));
    }

    /**
     * What the service answers: the HTTP status, the JSON body, and the error code when it is an
     * error (for the {@code x-amzn-ErrorType} header), with the request id to send as {@code
     * x-amzn-RequestId}.
     */
    public record Answer(int status, byte[] body, @Nullable String errorType, String requestId) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Answers one request: its {@code X-Amz-Target} header (null when absent) and its body. Throws
     * nothing for any header or body: every problem is an answer in the protocol's shape, status 400
     * with the AWS error type ({@code SerializationException} whose message names the JSON path, line
     * and column; {@code UnknownOperationException}; the operation's own ECS or Application Auto
     * Scaling error), and a fault of the fake itself is a 500 {@code ServerException} naming the
     * operation. Only a JVM {@link Error} other than a stack overflow (out of memory) propagates.
     *
     * @throws NullPointerException if {@code body} is null
     */
    public Answer handle(@Nullable String target, byte[] body) {
        String requestId = nextRequestId();
        if (target == null || target.isBlank()) {
            return error(
                    requestId,
                    "message",
                    400,
                    "UnknownOperationException",
                    "The request has no X-Amz-Target header naming the operation.");
        }
        String t = target.trim();
        int dot = t.indexOf('.');
        String prefix = dot < 0 ? t : t.substring(0, dot);
        String op = dot < 0 ? "" : t.substring(dot + 1);
        String service;
        String messageMember;
        if (prefix.equals(ECS_TARGET_PREFIX) && ApiOperations.ECS.contains(op)) {
            service = Operations.ECS;
            messageMember = "message";
        } else if (prefix.equals(AUTO_SCALING_TARGET_PREFIX) && ApiOperations.APPLICATION_AUTO_SCALING.contains(op)) {
            service = Operations.AUTO_SCALING;
            messageMember = "Message";
        } else {
            String member = prefix.equals(AUTO_SCALING_TARGET_PREFIX) ? "Message" : "message";
            return error(
                    requestId, member, 400, "UnknownOperationException", "Unknown operation " + printable(t) + ".");
        }
        Optional<Operations.Operation> found = Operations.find(service, op);
        if (found.isEmpty()) {
            return error(
                    requestId,
                    messageMember,
                    400,
                    "UnknownOperationException",
                    "Berth does not simulate " + op + " yet.");
        }
        Operations.Operation operation = found.get();
        Object request;
        byte[] text = body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        try {
            // Each service reads its own requests, so a reading error is that service's SerializationException.
            request = service.equals(Operations.AUTO_SCALING)
                    ? AutoScalingJson.wire().read(text, operation.requestType())
                    : EcsJson.wire().read(text, operation.requestType());
        } catch (SerializationException | io.github.berth.scaling.error.SerializationException e) {
            return error(requestId, messageMember, e.statusCode(), e.errorCode(), e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return error(
                    requestId, messageMember, 400, SerializationException.ERROR_CODE, "the body is not valid JSON");
        }
        Object response;
        try {
            response = operation.handle().invoke(fake.get(), request);
        } catch (AwsServiceException e) {
            return error(requestId, messageMember, e.statusCode(), e.errorCode(), e.getMessage());
        } catch (Throwable e) {
            if (e instanceof Error && !(e instanceof StackOverflowError) && !(e instanceof AssertionError)) {
                throw (Error) e;
            }
            // A fault of the fake, not of the request: said plainly, as ECS's one server fault.
            return error(
                    requestId,
                    messageMember,
                    500,
                    "ServerException",
                    "Berth failed to answer " + op + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new Answer(200, EcsJson.lenient().writeBytes(response), null, requestId);
    }

    /** An error answer in the protocol's shape. */
    public Answer error(String messageMember, int status, String errorType, @Nullable String message) {
        return error(nextRequestId(), messageMember, status, errorType, message);
    }

    private static Answer error(
            String requestId, String messageMember, int status, String errorType, @Nullable String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("__type", errorType);
            if (message != null) {
                g.writeStringField(messageMember, message);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(status, out.toByteArray(), errorType, requestId);
    }

    /** [model] Request ids count up, in the form of a UUID, so that runs are repeatable. */
    private String nextRequestId() {
        return String.format("00000000-0000-4000-8000-%012x", requests.incrementAndGet());
    }

    private static String printable(String s) {
        String cut = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        StringBuilder sb = new StringBuilder();
        cut.codePoints().forEach(c -> sb.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return sb.toString();
    }
}
