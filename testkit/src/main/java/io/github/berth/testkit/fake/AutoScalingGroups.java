package io.github.berth.testkit.fake;

import io.github.berth.core.error.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The fake's EC2 Auto Scaling groups, the capacity behind Auto Scaling group capacity providers
 * (docs/scheduler.md#auto-scaling-groups-in-the-fake). A group launches instances up to its
 * desired capacity; each one's ECS agent registers it, after a boot delay, in the cluster that
 * holds the group's capacity provider; lowering the desired capacity terminates instances.
 *
 * <pre>{@code
 * String asgArn = ecs.autoScalingGroups().create("asg-1", g -> g.instanceType("m5.large")
 *     .minSize(0).maxSize(10).desiredCapacity(2).availabilityZones("us-east-1a", "us-east-1b"));
 * }</pre>
 */
public final class AutoScalingGroups {

    private final Engine engine;

    AutoScalingGroups(Engine engine) {
        this.engine = engine;
    }

    /** What a new group looks like; every field but the sizes has a default. */
    public static final class Spec {
        String instanceType = "m5.large";
        int minSize;
        int maxSize = 1;
        int desiredCapacity;
        List<String> availabilityZones = new ArrayList<>();
        Duration bootDelay = Duration.ofMinutes(1);

        Spec() {}

        public Spec instanceType(String instanceType) {
            this.instanceType = Objects.requireNonNull(instanceType, "instanceType");
            return this;
        }

        public Spec minSize(int minSize) {
            this.minSize = minSize;
            return this;
        }

        public Spec maxSize(int maxSize) {
            this.maxSize = maxSize;
            return this;
        }

        public Spec desiredCapacity(int desiredCapacity) {
            this.desiredCapacity = desiredCapacity;
            return this;
        }

        /** The zones instances are launched in, round robin (default: the region's "a" zone). */
        public Spec availabilityZones(String... zones) {
            this.availabilityZones = new ArrayList<>(List.of(zones));
            return this;
        }

        /** [model] How long an instance takes from launch to its agent's registration (default one minute). */
        public Spec bootDelay(Duration bootDelay) {
            if (bootDelay.isNegative()) {
                throw new IllegalArgumentException("bootDelay must not be negative: " + bootDelay);
            }
            this.bootDelay = bootDelay;
            return this;
        }
    }

    /** A group as it stands. */
    public record Group(
            String name,
            String arn,
            String instanceType,
            int minSize,
            int maxSize,
            int desiredCapacity,
            List<String> instanceIds,
            List<String> inServiceInstanceIds) {}

    /**
     * Creates group {@code name} and launches its desired capacity; answers the group's ARN (what
     * CreateCapacityProvider's {@code autoScalingGroupArn} takes).
     *
     * @throws InvalidParameterException when the sizes are not 0 &lt;= min &lt;= desired &lt;= max or the name is taken
     */
    public String create(String name, Consumer<Spec> spec) {
        Objects.requireNonNull(name, "name");
        Spec s = new Spec();
        spec.accept(s);
        synchronized (engine) {
            return engine.capacity.createGroup(name, s);
        }
    }

    /**
     * Sets the group's desired capacity, as SetDesiredCapacity does: instances are launched, or
     * terminated (with managed termination protection, only those running no task).
     */
    public void setDesiredCapacity(String name, int desiredCapacity) {
        synchronized (engine) {
            engine.capacity.setDesired(engine.capacity.group(name), desiredCapacity);
        }
    }

    /**
     * One minute of managed scaling of a capacity provider: the CapacityProviderReservation datapoint
     * ECS published (metric namespace AWS/ECS/ManagedScaling) and the group's desired capacity before
     * and after (docs/scheduler.md#managed-scaling-in-the-fake).
     *
     * @param time the minute
     * @param cluster the cluster holding the provider
     * @param capacityProviderReservation M / N x 100
     * @param instancesNeeded M
     * @param runningInstances N
     * @param desiredCapacityBefore the group's desired capacity before the minute
     * @param desiredCapacity the group's desired capacity after it
     * @param reason why it changed or did not
     */
    public record ReservationDatapoint(
            Instant time,
            String cluster,
            double capacityProviderReservation,
            int instancesNeeded,
            int runningInstances,
            int desiredCapacityBefore,
            int desiredCapacity,
            String reason) {}

    /** The CapacityProviderReservation datapoints of {@code capacityProvider}, oldest first (a day at most). */
    public List<ReservationDatapoint> capacityProviderReservation(String capacityProvider) {
        Objects.requireNonNull(capacityProvider, "capacityProvider");
        synchronized (engine) {
            List<ReservationDatapoint> out = new ArrayList<>();
            for (ManagedScalingRec.Datapoint d : engine.managedScaling.datapoints(capacityProvider)) {
                out.add(new ReservationDatapoint(
                        d.time,
                        d.cluster,
                        d.reservation,
                        d.instancesNeeded,
                        d.runningInstances,
                        d.desiredCapacityBefore,
                        d.desiredCapacity,
                        d.reason));
            }
            return List.copyOf(out);
        }
    }

    /** The group named {@code name}. */
    public Group describe(String name) {
        synchronized (engine) {
            AutoScalingGroupRec g = engine.capacity.group(name);
            List<String> all = new ArrayList<>();
            List<String> inService = new ArrayList<>();
            for (AutoScalingGroupRec.Member m : g.instances) {
                all.add(m.ec2InstanceId);
                if ("InService".equals(m.lifecycleState)) {
                    inService.add(m.ec2InstanceId);
                }
            }
            return new Group(
                    g.name,
                    g.arn,
                    g.instanceType,
                    g.minSize,
                    g.maxSize,
                    g.desiredCapacity,
                    List.copyOf(all),
                    List.copyOf(inService));
        }
    }
}
