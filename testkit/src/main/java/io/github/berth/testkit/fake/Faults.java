package io.github.berth.testkit.fake;

import io.github.berth.core.error.AwsServiceException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;

/**
 * Failures a test injects, at the API seam: throttled operations and errors on chosen calls. (Faults
 * of the infrastructure, such as a terminated instance or an AZ outage, are methods of {@link
 * FakeEcs} since they change the cluster.) Every random choice comes from the fake's seed.
 *
 * <pre>{@code
 * ecs.faults().throttle("DescribeTasks");                 // every call: ThrottlingException
 * ecs.faults().throttle("RunTask", 0.3);                  // 30 % of calls, seeded
 * ecs.faults().failNextCall("CreateService", new ServerException("Service Unavailable"));
 * }</pre>
 */
public final class Faults {

    final Map<String, Double> throttled = new LinkedHashMap<>();
    final Map<String, Queue<AwsServiceException>> nextErrors = new LinkedHashMap<>();
    private final Engine engine;

    Faults(Engine engine) {
        this.engine = engine;
    }

    /** Every call of {@code operation} (its API name, {@code RunTask}) answers ThrottlingException. */
    public Faults throttle(String operation) {
        return throttle(operation, 1.0);
    }

    /** Calls of {@code operation} answer ThrottlingException with this chance each. */
    public Faults throttle(String operation, double probability) {
        Objects.requireNonNull(operation, "operation");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
        }
        throttled.put(operation, probability);
        return this;
    }

    /** Calls of {@code operation} are answered normally again. */
    public Faults stopThrottling(String operation) {
        throttled.remove(operation);
        return this;
    }

    /** The next call of {@code operation} throws {@code error} (and changes nothing). Queued. */
    public Faults failNextCall(String operation, AwsServiceException error) {
        Objects.requireNonNull(error, "error");
        nextErrors
                .computeIfAbsent(Objects.requireNonNull(operation, "operation"), k -> new ArrayDeque<>())
                .add(error);
        return this;
    }

    /** Removes every injected call fault. */
    public Faults clear() {
        throttled.clear();
        nextErrors.clear();
        return this;
    }

    void beforeCall(String operation) {
        Queue<AwsServiceException> q = nextErrors.get(operation);
        if (q != null && !q.isEmpty()) {
            AwsServiceException e = q.poll();
            if (q.isEmpty()) {
                nextErrors.remove(operation);
            }
            throw e;
        }
        Double p = throttled.get(operation);
        if (p != null && (p >= 1.0 || engine.random.nextDouble() < p)) {
            throw new ThrottlingException("Rate exceeded");
        }
    }
}
