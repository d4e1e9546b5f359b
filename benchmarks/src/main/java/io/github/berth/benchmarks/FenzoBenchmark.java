package io.github.berth.benchmarks;

import com.netflix.fenzo.ConstraintEvaluator;
import com.netflix.fenzo.SchedulingResult;
import com.netflix.fenzo.TaskRequest;
import com.netflix.fenzo.TaskScheduler;
import com.netflix.fenzo.VMTaskFitnessCalculator;
import com.netflix.fenzo.VirtualMachineLease;
import com.netflix.fenzo.plugins.BinPackingFitnessCalculators;
import io.github.berth.core.Nullable;
import io.github.berth.core.model.ContainerInstance;
import io.github.berth.core.model.Resource;
import io.github.berth.testkit.generators.internal.PlacementScenarios;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.Protos;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * For comparison: the hosts and tasks of {@link PlacementBenchmark} (5,000 instances, 5,000 tasks
 * of 256 CPU, 512 MiB and one port) through Netflix Fenzo 0.13.8 with
 * {@code BinPackingFitnessCalculators.cpuMemBinPacker}, one {@code scheduleOnce} per operation on
 * a fresh scheduler (Fenzo keeps leases between calls). A reported operation is one task.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class FenzoBenchmark {

    List<VirtualMachineLease> leases;
    List<TaskRequest> tasks;

    @Setup(Level.Trial)
    public void setUp() {
        leases = new ArrayList<>();
        for (ContainerInstance ci : PlacementScenarios.instances(PlacementBenchmark.INSTANCES, 42)) {
            leases.add(new Lease(ci));
        }
        tasks = new ArrayList<>();
        for (int t = 0; t < PlacementBenchmark.TASKS; t++) {
            tasks.add(new Task("task-" + t));
        }
        int placed = schedule().getResultMap().values().stream()
                .mapToInt(r -> r.getTasksAssigned().size())
                .sum();
        if (placed != PlacementBenchmark.TASKS) {
            throw new IllegalStateException("Fenzo placed " + placed + " of " + PlacementBenchmark.TASKS);
        }
    }

    private SchedulingResult schedule() {
        TaskScheduler scheduler = new TaskScheduler.Builder()
                .withLeaseOfferExpirySecs(1_000_000)
                .withLeaseRejectAction(lease -> {})
                .withFitnessCalculator(BinPackingFitnessCalculators.cpuMemBinPacker)
                .build();
        try {
            return scheduler.scheduleOnce(tasks, leases);
        } finally {
            scheduler.shutdown();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PlacementBenchmark.TASKS)
    public SchedulingResult fenzoCpuMemBinPacker() {
        return schedule();
    }

    /** A container instance as a Fenzo lease: its CPU (in cores), memory and the ephemeral ports. */
    static final class Lease implements VirtualMachineLease {
        private final String id;
        private final String host;
        private final double cpus;
        private final double memory;

        Lease(ContainerInstance ci) {
            // PlacementScenarios makes registered instances: ARN, EC2 id and INTEGER resources are set.
            this.id = Objects.requireNonNull(ci.containerInstanceArn());
            this.host = Objects.requireNonNull(ci.ec2InstanceId());
            double cpu = 0;
            double mem = 0;
            for (Resource r : Objects.requireNonNull(ci.remainingResources())) {
                if ("CPU".equals(r.name())) {
                    cpu = Objects.requireNonNull(r.integerValue());
                } else if ("MEMORY".equals(r.name())) {
                    mem = Objects.requireNonNull(r.integerValue());
                }
            }
            this.cpus = cpu / 1024.0;
            this.memory = mem;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public long getOfferedTime() {
            return 0;
        }

        @Override
        public String hostname() {
            return host;
        }

        @Override
        public String getVMID() {
            return host;
        }

        @Override
        public double cpuCores() {
            return cpus;
        }

        @Override
        public double memoryMB() {
            return memory;
        }

        @Override
        public double networkMbps() {
            return 0;
        }

        @Override
        public double diskMB() {
            return 0;
        }

        @Override
        public List<Range> portRanges() {
            return List.of(new Range(49153, 65535));
        }

        @Override
        public Protos.@Nullable Offer getOffer() {
            return null;
        }

        @Override
        public Map<String, Protos.Attribute> getAttributeMap() {
            return Collections.emptyMap();
        }

        @Override
        public @Nullable Double getScalarValue(String name) {
            return null;
        }

        @Override
        public Map<String, Double> getScalarValues() {
            return Collections.emptyMap();
        }
    }

    /** The task of the scenarios: 0.25 core, 512 MiB, one port. */
    static final class Task implements TaskRequest {
        private final String id;
        private @Nullable AssignedResources assigned; // null until Fenzo assigns the task

        Task(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String taskGroupName() {
            return "service:web";
        }

        @Override
        public double getCPUs() {
            return 0.25;
        }

        @Override
        public double getMemory() {
            return 512;
        }

        @Override
        public double getNetworkMbps() {
            return 0;
        }

        @Override
        public double getDisk() {
            return 0;
        }

        @Override
        public int getPorts() {
            return 1;
        }

        @Override
        public Map<String, Double> getScalarRequests() {
            return Collections.emptyMap();
        }

        @Override
        public Map<String, NamedResourceSetRequest> getCustomNamedResources() {
            return Collections.emptyMap();
        }

        @Override
        public List<? extends ConstraintEvaluator> getHardConstraints() {
            return List.of();
        }

        @Override
        public List<? extends VMTaskFitnessCalculator> getSoftConstraints() {
            return List.of();
        }

        @Override
        public void setAssignedResources(AssignedResources r) {
            this.assigned = r;
        }

        @Override
        public @Nullable AssignedResources getAssignedResources() {
            return assigned;
        }
    }
}
