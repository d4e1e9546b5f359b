package io.github.berth.cli;

import io.github.berth.core.Nullable;
import io.github.berth.testkit.fake.FakeEcs;
import io.github.berth.testkit.server.Dispatcher;
import io.github.berth.testkit.server.EcsServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth serve}: the fake ECS on an HTTP endpoint for the AWS CLI and any AWS SDK. */
@Command(
        name = "serve",
        description = {
            "Serve a fake Amazon ECS and Application Auto Scaling (AWS JSON 1.1, as the AWS CLI and SDKs speak it) "
                    + "until stopped (Ctrl-C). Prints the endpoint and the environment lines to paste into a shell.",
            "Fake time runs at real time times --time-scale. A control API for tests answers under /_berth/.",
            "Exit status: 0 when stopped, 2 on bad options (a host that is not loopback without --allow-remote, a busy "
                    + "port, a --state file that cannot be read)."
        })
final class ServeCommand implements Callable<Integer> {

    /** [model] A task reaches RUNNING after about 5 s of fake time: a quarter of a second of real time. */
    static final double DEFAULT_TIME_SCALE = 20;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE}); only loopback without --allow-remote")
    String host;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "0",
            description = "port (default: an ephemeral port, printed)")
    int port;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "0",
            description = "seed of every id and random choice (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--time-scale",
            paramLabel = "X",
            defaultValue = "20",
            description = "fake seconds per real second (default: ${DEFAULT-VALUE}); 0 stops the clock "
                    + "(move it with POST /_berth/clock/advance)")
    double timeScale;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            description = "load the fake's state from FILE when it exists, save it there when stopped")
    @Nullable
    Path state;

    @Option(names = "--allow-remote", description = "allow a --host that is not a loopback address")
    boolean allowRemote;

    /** For tests: released to stop the server as Ctrl-C would. */
    CountDownLatch stop = new CountDownLatch(1);
    /** Released once the server is closed and the state saved: Ctrl-C's hook waits for it. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * Starts answering a request on a throwaway fake in the background, so that the JSON reading and
     * writing and the dispatcher are loaded on the second core while this thread reads the options,
     * builds the fake and opens the port: it shortens the time to the first answer (measured by
     * {@code ServeStartup} in benchmarks/).
     */
    static void warmUp() {
        Thread t = new Thread(
                () -> {
                    try {
                        Dispatcher.of(FakeEcs.builder().build())
                                .handle(
                                        Dispatcher.ECS_TARGET_PREFIX + ".ListClusters",
                                        "{}".getBytes(StandardCharsets.UTF_8));
                    } catch (RuntimeException e) {
                        // Only a warm-up: the first real request reports whatever this met.
                    }
                },
                "berth-serve-warm-up");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress() && !allowRemote) {
                err.println(
                        "berth serve: " + host + " is not a loopback address: the fake checks no credentials, so it "
                                + "listens on this machine only; give --allow-remote to listen on " + host + " anyway");
                return 2;
            }
        } catch (UnknownHostException e) {
            err.println("berth serve: unknown host " + host);
            return 2;
        }
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            err.println("berth serve: --time-scale must be 0 or more: " + timeScale);
            return 2;
        }
        if (port < 0 || port > 65535) {
            err.println("berth serve: --port must be 0 to 65535: " + port);
            return 2;
        }
        Supplier<FakeEcs> factory = () -> FakeEcs.builder().seed(seed).build();
        FakeEcs first;
        try {
            first = state != null && java.nio.file.Files.exists(state) ? restore(state) : factory.get();
        } catch (IOException | RuntimeException e) {
            err.println("berth serve: " + state + ": " + e.getMessage());
            return 2;
        }
        EcsServer server;
        try {
            server = EcsServer.builder()
                    .host(host)
                    .port(port)
                    .fake(first)
                    .factory(factory)
                    .timeScale(timeScale)
                    .start();
        } catch (IllegalStateException e) {
            err.println("berth serve: " + e.getMessage());
            return 2;
        }
        Thread hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        // The JVM exits when its hooks end: wait until the state is saved.
                        stopped.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "berth-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        String endpoint = server.endpoint().toString();
        out.println("Berth: fake Amazon ECS and Application Auto Scaling on " + endpoint + " (Ctrl-C stops it)");
        out.println("Paste into your shell:");
        out.println("export AWS_ENDPOINT_URL=" + endpoint);
        out.println("export AWS_DEFAULT_REGION=" + first.region());
        out.println("export AWS_ACCESS_KEY_ID=AKIDFAKEFAKEFAKEFAKE");
        out.println("export AWS_SECRET_ACCESS_KEY=fakefakefakefakefakefakefakefakefakefake");
        out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Stopping by Ctrl-C: the hook is what woke us.
            }
            server.close();
            if (state != null) {
                try {
                    save(server.fake(), state);
                } catch (IOException | RuntimeException e) {
                    err.println("berth serve: could not save the state to " + state + ": " + e.getMessage());
                }
            }
            err.flush();
            stopped.countDown();
        }
        return 0;
    }

    private static FakeEcs restore(Path file) throws IOException {
        return FakeEcs.restore(java.nio.file.Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void save(FakeEcs ecs, Path file) throws IOException {
        java.nio.file.Files.writeString(file, ecs.snapshot(), StandardCharsets.UTF_8);
    }
}
