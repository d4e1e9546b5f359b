package io.github.berth.testkit.server;

import io.github.berth.core.Nullable;
import io.github.berth.testkit.fake.AutoScaling;
import io.github.berth.testkit.fake.FakeEcs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the fake's method for an operation by its names, so an operation added to {@link FakeEcs}
 * (or to the object its {@code autoScaling()} returns) is served with no change here. ECS's
 * {@code RunTask} is {@code FakeEcs.runTask(io.github.berth.core.api.RunTaskRequest)} answering a
 * {@code RunTaskResponse}; Application Auto Scaling's {@code RegisterScalableTarget} is {@code
 * autoScaling().registerScalableTarget(io.github.berth.scaling.model.RegisterScalableTargetRequest)}.
 *
 * <p>Methods are found by name and exact type ({@link MethodHandles.Lookup#findVirtual}), never by
 * listing {@code FakeEcs}'s methods: listing them loads every type in their signatures, and {@code
 * FakeEcs.ecsClient()} names the AWS SDK, which the berth jar does not carry.
 */
final class Operations {

    /** One operation the fake simulates: {@code (FakeEcs, request) -> response}. */
    record Operation(String service, String name, Class<?> requestType, MethodHandle handle) {}

    static final String ECS = "ECS";
    static final String AUTO_SCALING = "ApplicationAutoScaling";

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();
    private static final ConcurrentHashMap<String, Optional<Operation>> CACHE = new ConcurrentHashMap<>();

    private Operations() {}

    /** The operation, or empty when the fake does not simulate it (the caller knows it is in the model). */
    static Optional<Operation> find(String service, String name) {
        return CACHE.computeIfAbsent(service + "." + name, k -> Optional.ofNullable(resolve(service, name)));
    }

    private static @Nullable Operation resolve(String service, String name) {
        String method = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        try {
            if (service.equals(ECS)) {
                Class<?> request = Class.forName("io.github.berth.core.api." + name + "Request");
                Class<?> response = Class.forName("io.github.berth.core.api." + name + "Response");
                MethodHandle h = LOOKUP.findVirtual(FakeEcs.class, method, MethodType.methodType(response, request));
                return new Operation(service, name, request, h);
            }
            MethodHandle accessor =
                    LOOKUP.findVirtual(FakeEcs.class, "autoScaling", MethodType.methodType(AutoScaling.class));
            Class<?> request = Class.forName("io.github.berth.scaling.model." + name + "Request");
            Class<?> response = Class.forName("io.github.berth.scaling.model." + name + "Response");
            MethodHandle h = LOOKUP.findVirtual(AutoScaling.class, method, MethodType.methodType(response, request));
            return new Operation(service, name, request, MethodHandles.filterArguments(h, 0, accessor));
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
