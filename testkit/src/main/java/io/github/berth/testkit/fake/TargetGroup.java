package io.github.berth.testkit.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fake Elastic Load Balancing target group, by ARN: the targets ECS registered for service tasks
 * and their health, and the settings a test may change (docs/scheduler.md#load-balancers).
 *
 * <pre>{@code
 * ecs.targetGroup(arn).deregistrationDelay(Duration.ofSeconds(30)).healthCheck(Duration.ofSeconds(10), 3, 2);
 * }</pre>
 */
public final class TargetGroup {

    /** A registered target: an EC2 instance id (or an awsvpc task's IP), its port and its health. */
    public record Target(String id, int port, String health) {}

    private final Engine engine;
    private final LoadBalancing lb;
    private final String arn;

    TargetGroup(Engine engine, LoadBalancing lb, String arn) {
        this.engine = engine;
        this.lb = lb;
        this.arn = Objects.requireNonNull(arn, "arn");
    }

    public String arn() {
        return arn;
    }

    /** The deregistration delay ({@code deregistration_delay.timeout_seconds}; default 300 s). */
    public TargetGroup deregistrationDelay(Duration delay) {
        if (delay.isNegative() || delay.getSeconds() > 3600) {
            // [doc] 0 to 3600 seconds.
            throw new IllegalArgumentException("deregistrationDelay must be 0 to 3600 seconds: " + delay);
        }
        synchronized (engine) {
            lb.group(arn).deregistrationDelaySeconds = (int) delay.getSeconds();
        }
        return this;
    }

    /** The health check's interval and thresholds (defaults 30 s, 5 healthy, 2 unhealthy). */
    public TargetGroup healthCheck(Duration interval, int healthyThreshold, int unhealthyThreshold) {
        if (interval.getSeconds() < 5
                || interval.getSeconds() > 300
                || healthyThreshold < 2
                || healthyThreshold > 10
                || unhealthyThreshold < 2
                || unhealthyThreshold > 10) {
            // [doc] interval 5-300 s, thresholds 2-10.
            throw new IllegalArgumentException("interval must be 5-300 s and thresholds 2-10");
        }
        synchronized (engine) {
            TargetGroupRec g = lb.group(arn);
            g.intervalSeconds = (int) interval.getSeconds();
            g.healthyThreshold = healthyThreshold;
            g.unhealthyThreshold = unhealthyThreshold;
        }
        return this;
    }

    /**
     * The percent of production traffic the production listener rule sends to this group, as
     * blue/green, linear and canary deployments shift it (docs/scheduler.md#blue-green-deployments);
     * null when no deployment has set the rule's weights.
     */
    public @io.github.berth.core.Nullable Double productionTrafficPercent() {
        synchronized (engine) {
            return lb.group(arn).productionWeight;
        }
    }

    /** The percent of test traffic the test listener rule sends to this group; null when never set. */
    public @io.github.berth.core.Nullable Double testTrafficPercent() {
        synchronized (engine) {
            return lb.group(arn).testWeight;
        }
    }

    /** The registered targets, in registration order, with their health: initial, healthy, unhealthy, draining. */
    public List<Target> targets() {
        synchronized (engine) {
            TargetGroupRec g = lb.group(arn);
            List<Target> out = new ArrayList<>();
            for (TargetGroupRec.TargetRec r : g.targets) {
                out.add(new Target(r.id, r.port, lb.health(g, r)));
            }
            return out;
        }
    }
}
