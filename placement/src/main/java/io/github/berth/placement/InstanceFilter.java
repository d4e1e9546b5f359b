package io.github.berth.placement;

import io.github.berth.core.model.Attribute;
import io.github.berth.placement.query.ClusterQuery;
import io.github.berth.placement.query.Expression;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * One check an instance must pass to take a task, with the reason it reports when it does not.
 * Each check is its own small class; {@link FilterChain} runs them in {@link FailureReason} order.
 */
interface InstanceFilter {

    /** The reason an instance that fails this check reports; its place in {@link FailureReason} is the check's place in the chain. */
    FailureReason reason();

    boolean accepts(int instance);

    /**
     * Whether {@link #accepts} reads the state of {@code instance} alone (its own resources, ports,
     * attributes and tasks, those placed by the request included), never another instance's. Every
     * check declares it, as Nomad's feasibility checkers declare what they read: {@link FilterChain}
     * rechecks only the instance a task went to, and refuses a filter that says otherwise.
     */
    boolean dependsOnlyOnItsInstance();

    /** Only ACTIVE instances take tasks: DRAINING and the registration states do not (docs/placement.md#pipeline-order). */
    record Status(ClusterSnapshot s) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.NOT_ACTIVE;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return "ACTIVE".equals(s.status[i]);
        }
    }

    /** Only instances with a connected agent take tasks (docs/placement.md#pipeline-order). */
    record Agent(ClusterSnapshot s) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.AGENT;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return s.agentConnected[i];
        }
    }

    /**
     * The instance carries every attribute the task definition requires (with the value, where one
     * is required), and for awsvpc it is in the VPC of the subnets when both are known (docs/placement.md#pipeline-order, docs/placement.md#awsvpc-and-enis).
     */
    record Attributes(ClusterSnapshot s, List<Attribute> required, Set<String> vpcs) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.ATTRIBUTE;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            for (Attribute a : required) {
                String[] column = s.attributes.get(a.name());
                String v = column == null ? null : column[i];
                if (v == null || (a.value() != null && !a.value().equals(v))) {
                    return false;
                }
            }
            return vpcs.isEmpty() || s.vpcId[i] == null || vpcs.contains(s.vpcId[i]);
        }
    }

    /** awsvpc: the instance is in an AZ of one of the task's subnets (docs/placement.md#awsvpc-and-enis). */
    record Location(ClusterSnapshot s, Set<String> zones) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.LOCATION;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return s.availabilityZone[i] != null && zones.contains(s.availabilityZone[i]);
        }
    }

    record Cpu(PlacementState st, int need) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.CPU;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return st.cpu[i] >= need;
        }
    }

    record Memory(PlacementState st, int need) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.MEMORY;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return st.memory[i] >= need;
        }
    }

    /** GPUs: a count, or {@code ALL} (every GPU of the instance, all free). */
    record Gpu(PlacementState st, int need, boolean all) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.GPU;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            if (all) {
                int registered = st.snapshot.registeredGpu[i];
                return registered > 0 && st.gpu[i] >= registered && st.gpu[i] >= need;
            }
            return st.gpu[i] >= need;
        }
    }

    /**
     * Static host ports: none reserved on the instance already (agent ports and other tasks' static
     * ports), and no more than 100 reserved ports in all (docs/placement.md#host-ports).
     */
    record Ports(PlacementState st, int[] ports, boolean udp, boolean selfConflict, int totalStatic)
            implements InstanceFilter {
        static final int MAX_RESERVED_PORTS = 100;

        @Override
        public FailureReason reason() {
            return udp ? FailureReason.PORTS_UDP : FailureReason.PORTS;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            if (selfConflict) {
                return false;
            }
            for (int p : ports) {
                if (udp ? st.udpTaken(i, p) : st.tcpTaken(i, p)) {
                    return false;
                }
            }
            return st.reservedPortCount(i) + totalStatic <= MAX_RESERVED_PORTS;
        }
    }

    /** awsvpc: a free ENI attachment point ({@link EniCapacity}). */
    record Eni(PlacementState st) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.ENI;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return st.enis[i] < st.snapshot.eniLimit[i];
        }
    }

    /**
     * {@code memberOf}: the expression holds on the instance. Expressions that test only the
     * instance are evaluated once per request; those that test tasks ({@code runningTasksCount},
     * {@code task:group}) see the tasks placed earlier in the request.
     */
    final class MemberOf implements InstanceFilter {
        private final IntPredicate test;

        MemberOf(PlacementState st, Expression e) {
            IntPredicate live = ClusterQuery.matcher(e, st);
            if (e.dependsOnTasks()) {
                this.test = live;
            } else {
                boolean[] fixed = new boolean[st.n];
                for (int i = 0; i < st.n; i++) {
                    fixed[i] = live.test(i);
                }
                this.test = i -> fixed[i];
            }
        }

        @Override
        public FailureReason reason() {
            return FailureReason.MEMBER_OF;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return test.test(i);
        }
    }

    /** {@code distinctInstance}: no task of the group on the instance, those placed now included. */
    record DistinctInstance(PlacementState st) implements InstanceFilter {
        @Override
        public FailureReason reason() {
            return FailureReason.DISTINCT_INSTANCE;
        }

        @Override
        public boolean dependsOnlyOnItsInstance() {
            return true;
        }

        @Override
        public boolean accepts(int i) {
            return st.groupCount[i] == 0;
        }
    }
}
