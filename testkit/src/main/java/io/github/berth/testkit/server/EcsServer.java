package io.github.berth.testkit.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.berth.core.Nullable;
import io.github.berth.testkit.fake.FakeEcs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A {@link FakeEcs} on an HTTP endpoint, so that unmodified AWS SDKs and the AWS CLI talk to it:
 * the AWS JSON 1.1 protocol of ECS and of Application Auto Scaling (both on one port, any path),
 * and, under {@code /_berth/}, a small control API for tests written in other languages (clock,
 * behaviours, faults, events, snapshot, reset; see docs/wire.md#control-api).
 *
 * <pre>{@code
 * try (EcsServer server = EcsServer.start(ecs)) {
 *   EcsClient client = EcsClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * }</pre>
 *
 * <p>Built on the JDK's own HTTP server ({@code com.sun.net.httpserver}): HTTP/1.1 with keep-alive,
 * no dependency, and every exchange on a pool thread of its own, so a client that stalls in the
 * middle of a request holds one thread and never the server (docs/wire.md#the-endpoint). A body
 * larger than {@link Builder#maxBodyBytes(int)} (1 MiB by default) is refused with 413 before it
 * is read. Whatever a client sends, it gets an answer in the protocol's shape, never a stack
 * trace: what {@link Dispatcher#handle} answers, or 413 {@code RequestEntityTooLargeException}.
 */
public final class EcsServer implements AutoCloseable {

    /** The path under which the control API answers; AWS clients never send it. */
    public static final String CONTROL_PATH = "/_berth/";

    static {
        // The JDK's server leaves Nagle's algorithm on unless told: with clients that write headers and
        // body apart, every call then waited for a delayed ACK (about 80 ms on loopback, measured; 8 ms
        // with it off). Read once when the JDK's server class is first used; a value set by the
        // application wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService pool;
    private final AtomicReference<FakeEcs> fake;
    private final Supplier<FakeEcs> factory;
    private final Dispatcher dispatcher;
    private final ControlApi control;
    private final int maxBodyBytes;
    private final @Nullable WallClockDriver driver;

    private EcsServer(Builder b) throws IOException {
        this.factory = b.factory;
        this.fake = new AtomicReference<>(b.fake != null ? b.fake : b.factory.get());
        this.maxBodyBytes = b.maxBodyBytes;
        this.dispatcher = Dispatcher.of(fake::get);
        this.driver = b.timeScale > 0 ? new WallClockDriver(fake::get, b.timeScale) : null;
        this.control = new ControlApi(this);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "berth-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newCachedThreadPool(threads);
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(b.host), b.port), 256);
        http.setExecutor(pool);
        http.createContext("/", this::exchange);
        http.start();
        if (driver != null) {
            driver.start();
        }
    }

    /**
     * Serves {@code fake} on 127.0.0.1 and an ephemeral port.
     *
     * @throws IllegalStateException if the port cannot be listened on, naming the address
     * @throws NullPointerException if {@code fake} is null
     */
    public static EcsServer start(FakeEcs fake) {
        return builder().fake(fake).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint URL to give a client ({@code http://127.0.0.1:PORT}). */
    public URI endpoint() {
        InetSocketAddress a = http.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort());
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The fake the server answers from now (a reset or restore through the control API replaces it). */
    public FakeEcs fake() {
        // Never null: made with a fake, and replace() takes a non-null one.
        return Objects.requireNonNull(fake.get());
    }

    /** The dispatcher the server hands requests to. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Replaces the fake (the control API's reset and restore); the clock driver follows the new one. */
    void replace(FakeEcs next) {
        fake.set(next);
        if (driver != null) {
            driver.rebase();
        }
    }

    FakeEcs newFake() {
        return factory.get();
    }

    /** Stops the clock driver, then the server, at once (exchanges under way are cut). */
    @Override
    public void close() {
        if (driver != null) {
            driver.stop();
        }
        http.stop(0);
        pool.shutdownNow();
    }

    private void exchange(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (path != null && path.startsWith(CONTROL_PATH)) {
                byte[] body = readBody(ex);
                if (body == null) {
                    return;
                }
                ControlApi.Reply r = control.handle(
                        ex.getRequestMethod(),
                        path.substring(CONTROL_PATH.length()),
                        ex.getRequestURI().getRawQuery(),
                        body);
                send(ex, r.status(), "application/json", r.body(), null, null);
                return;
            }
            byte[] body = readBody(ex);
            if (body == null) {
                return;
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            Dispatcher.Answer a = dispatcher.handle(target, body);
            send(ex, a.status(), Dispatcher.CONTENT_TYPE, a.body(), a.errorType(), a.requestId());
        } catch (IOException e) {
            // The client went away: nothing to answer.
        } finally {
            ex.close();
        }
    }

    /** The body, or null after answering 413 when it is over the limit (read no further). */
    private byte @Nullable [] readBody(HttpExchange ex) throws IOException {
        Headers h = ex.getRequestHeaders();
        String length = h.getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > maxBodyBytes) {
                tooLarge(ex);
                return null;
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                tooLarge(ex);
                return null;
            }
            return body;
        }
    }

    private void tooLarge(HttpExchange ex) throws IOException {
        // [model] AWS's front ends refuse large bodies before the service sees them; the code is ours.
        Dispatcher.Answer a = dispatcher.error(
                "message",
                413,
                "RequestEntityTooLargeException",
                "The request body is larger than " + maxBodyBytes + " bytes.");
        ex.getResponseHeaders().set("Connection", "close");
        send(ex, 413, Dispatcher.CONTENT_TYPE, a.body(), a.errorType(), a.requestId());
    }

    private static void send(
            HttpExchange ex,
            int status,
            String contentType,
            byte[] body,
            @Nullable String errorType,
            @Nullable String requestId)
            throws IOException {
        Headers out = ex.getResponseHeaders();
        out.set("Content-Type", contentType);
        if (requestId != null) {
            out.set("x-amzn-RequestId", requestId);
        }
        if (errorType != null) {
            out.set("x-amzn-ErrorType", errorType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        }
    }

    /** Settings of a server. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private @Nullable FakeEcs fake;
        private Supplier<FakeEcs> factory = FakeEcs::create;
        private int maxBodyBytes = 1 << 20;
        private double timeScale;

        private Builder() {}

        /** The address to listen on (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 0: an ephemeral port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The fake to serve first (default: one from the factory). */
        public Builder fake(FakeEcs fake) {
            this.fake = Objects.requireNonNull(fake, "fake");
            return this;
        }

        /** How the control API's reset makes a fresh fake (default {@link FakeEcs#create()}). */
        public Builder factory(Supplier<FakeEcs> factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** The largest request body accepted (default 1 MiB); larger ones get 413. */
        public Builder maxBodyBytes(int max) {
            if (max < 2) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 2: " + max);
            }
            this.maxBodyBytes = max;
            return this;
        }

        /**
         * Runs the fake's clock on its own at real time times {@code scale} (0, the default, leaves
         * the clock to the test and the control API).
         */
        public Builder timeScale(double scale) {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("timeScale must be 0 or more: " + scale);
            }
            this.timeScale = scale;
            return this;
        }

        /**
         * Starts the server.
         *
         * @throws IllegalStateException if the address cannot be listened on ({@code Could not listen
         *     on 127.0.0.1:8080: ...}), naming the host and port
         */
        public EcsServer start() {
            try {
                return new EcsServer(this);
            } catch (IOException e) {
                throw new IllegalStateException("Could not listen on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
