package io.github.berth.testkit.sdk;

import io.github.berth.testkit.fake.FakeEcs;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.waiters.EcsWaiter;

/**
 * An AWS SDK for Java v2 {@link EcsClient} wired to a {@link FakeEcs} in process ({@link
 * FakeEcs#ecsClient()} calls this): region and account of the fake, fake credentials, the {@link
 * FakeSdkHttpClient}, and no retries (a fault a test injects reaches the code under test at once).
 *
 * <p>Its waiters run on the fake's clock, not on real time (docs/wire.md#waiters): where the SDK's
 * waiter would sleep between two polls, the fake's clock moves forward by the waiter's own delay
 * (6 s for {@code TasksRunning} and {@code TasksStopped}, 15 s for the others, as in the ECS
 * waiter model) and the waiter sleeps zero. A waiter therefore sees what a real one would see at
 * each poll, gives up after the same number of attempts, and costs no real time.
 */
public final class FakeEcsClients {

    /** [doc] The delay between polls of each ECS waiter (botocore {@code ecs/2014-11-13/waiters-2.json}). */
    private static final Map<String, Duration> WAITER_DELAYS = Map.of(
            "waitUntilTasksRunning", Duration.ofSeconds(6),
            "waitUntilTasksStopped", Duration.ofSeconds(6));

    private static final Duration DEFAULT_WAITER_DELAY = Duration.ofSeconds(15);

    /** [model] The fake's credentials: any work, since the fake checks no signature. */
    public static final String ACCESS_KEY_ID = "AKIDFAKEFAKEFAKEFAKE";

    public static final String SECRET_ACCESS_KEY = "fakefakefakefakefakefakefakefakefakefake";

    private FakeEcsClients() {}

    /**
     * The in-process HTTP client of {@code fake}. Declared as the SDK's interface, not as {@link
     * FakeSdkHttpClient}: {@code FakeEcs.sdkHttpClient()} returns it as is, so that the JVM's
     * verifier need not load the SDK to check FakeEcs (the berth jar runs FakeEcs without the SDK).
     */
    public static SdkHttpClient httpClient(FakeEcs fake) {
        return new FakeSdkHttpClient(fake);
    }

    /** An {@link EcsClient} on {@code fake}, in process, whose waiters move the fake's clock. */
    public static EcsClient ecsClient(FakeEcs fake) {
        Objects.requireNonNull(fake, "fake");
        EcsClient real = EcsClient.builder()
                .httpClient(httpClient(fake))
                .region(Region.of(fake.region()))
                .endpointOverride(URI.create("http://ecs." + fake.region() + ".berth.invalid"))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        return withFakeTimeWaiters(real, fake);
    }

    /**
     * {@code client}, except that its {@link EcsClient#waiter()} waits on {@code fake}'s clock (for a
     * client built by hand with {@link FakeEcs#sdkHttpClient()}).
     */
    public static EcsClient withFakeTimeWaiters(EcsClient client, FakeEcs fake) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(fake, "fake");
        InvocationHandler h = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("waiter") && method.getParameterCount() == 0) {
                    return waiter((EcsClient) proxy, fake);
                }
                return call(method, client, args);
            }
        };
        return (EcsClient)
                Proxy.newProxyInstance(EcsClient.class.getClassLoader(), new Class<?>[] {EcsClient.class}, h);
    }

    /** An {@link EcsWaiter} over {@code client} whose sleeps move {@code fake}'s clock instead. */
    public static EcsWaiter waiter(EcsClient client, FakeEcs fake) {
        EcsWaiter real = EcsWaiter.builder().client(client).build();
        InvocationHandler h = (proxy, method, args) -> {
            String name = method.getName();
            if (!name.startsWith("waitUntil") || args == null || args.length == 0) {
                return call(method, real, args);
            }
            Duration delay = WAITER_DELAYS.getOrDefault(name, DEFAULT_WAITER_DELAY);
            BackoffStrategy onFakeClock = attempt -> {
                fake.clock().advance(delay);
                return Duration.ZERO;
            };
            if (args[0] instanceof Consumer<?>) {
                @SuppressWarnings("unchecked")
                Consumer<WaiterOverrideConfiguration.Builder> given =
                        args.length > 1 ? (Consumer<WaiterOverrideConfiguration.Builder>) args[1] : b -> {};
                Consumer<WaiterOverrideConfiguration.Builder> override = b -> {
                    given.accept(b);
                    b.backoffStrategyV2(onFakeClock);
                };
                Method m = EcsWaiter.class.getMethod(name, Consumer.class, Consumer.class);
                return call(m, real, new Object[] {args[0], override});
            }
            WaiterOverrideConfiguration given = args.length > 1 && args[1] != null
                    ? (WaiterOverrideConfiguration) args[1]
                    : WaiterOverrideConfiguration.builder().build();
            Method m =
                    EcsWaiter.class.getMethod(name, method.getParameterTypes()[0], WaiterOverrideConfiguration.class);
            return call(m, real, new Object[] {
                args[0], given.toBuilder().backoffStrategyV2(onFakeClock).build()
            });
        };
        return (EcsWaiter)
                Proxy.newProxyInstance(EcsWaiter.class.getClassLoader(), new Class<?>[] {EcsWaiter.class}, h);
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
