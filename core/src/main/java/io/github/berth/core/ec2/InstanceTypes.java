package io.github.berth.core.ec2;

import com.google.common.collect.ImmutableMap;
import io.github.berth.core.Nullable;
import java.util.Collection;
import java.util.Optional;

/**
 * The EC2 instance types Berth knows: vCPUs and memory (EC2's published sizes), ENI limits (EC2
 * data, docs/placement.md#eni-limits-per-instance-type) and the awsvpc task limit with trunking (the ECS
 * developer guide's table as of April 2023, same section), and GPUs (docs/task-definitions.md#gpus).
 */
public final class InstanceTypes {

    private static final String X86 = "x86_64";
    private static final String ARM = "arm64";

    private static final ImmutableMap<String, InstanceType> TYPES = build(
            // name, vCPU, memory GiB (x1024), max ENIs, trunked task limit (null: unsupported), GPUs, arch
            t("t2.micro", 1, 1, 2, null),
            t("t2.small", 1, 2, 3, null),
            t("t2.medium", 2, 4, 3, null),
            t("t2.large", 2, 8, 3, null),
            t("t3.nano", 2, 0.5, 2, null),
            t("t3.micro", 2, 1, 2, null),
            t("t3.small", 2, 2, 3, null),
            t("t3.medium", 2, 4, 3, null),
            t("t3.large", 2, 8, 3, null),
            t("t3.xlarge", 4, 16, 4, null),
            t("t3.2xlarge", 8, 32, 4, null),
            t("t3a.medium", 2, 4, 3, null),
            t("m4.large", 2, 8, 2, null),
            t("m5.large", 2, 8, 3, 10),
            t("m5.xlarge", 4, 16, 4, 20),
            t("m5.2xlarge", 8, 32, 4, 40),
            t("m5.4xlarge", 16, 64, 8, 60),
            t("m5.8xlarge", 32, 128, 8, 60),
            t("m5.12xlarge", 48, 192, 8, 60),
            t("m5.16xlarge", 64, 256, 15, 120),
            t("m5.24xlarge", 96, 384, 15, 120),
            t("c5.large", 2, 4, 3, 10),
            t("c5.xlarge", 4, 8, 4, 20),
            t("c5.2xlarge", 8, 16, 4, 40),
            t("c5.4xlarge", 16, 32, 8, 60),
            t("c5.9xlarge", 36, 72, 8, 60),
            t("c5.12xlarge", 48, 96, 8, 60),
            t("c5.18xlarge", 72, 144, 15, 120),
            t("c5.24xlarge", 96, 192, 15, 120),
            t("r5.large", 2, 16, 3, 10),
            t("r5.xlarge", 4, 32, 4, 20),
            t("r5.2xlarge", 8, 64, 4, 40),
            t("r5.4xlarge", 16, 128, 8, 60),
            t("r5.8xlarge", 32, 256, 8, null),
            t("r5.12xlarge", 48, 384, 8, 60),
            t("r5.16xlarge", 64, 512, 15, 120),
            t("r5.24xlarge", 96, 768, 15, 120),
            t("m6i.large", 2, 8, 3, 10),
            t("m6i.xlarge", 4, 16, 4, 20),
            t("m6i.2xlarge", 8, 32, 4, 40),
            t("m6i.4xlarge", 16, 64, 8, 60),
            t("m6i.8xlarge", 32, 128, 8, 90),
            t("c6i.large", 2, 4, 3, 10),
            t("r6i.large", 2, 16, 3, 10),
            arm("m6g.large", 2, 8, 3, 10),
            arm("m6g.xlarge", 4, 16, 4, 20),
            arm("c6g.large", 2, 4, 3, 10),
            arm("r6g.large", 2, 16, 3, 10),
            arm("m7g.large", 2, 8, 3, 10),
            arm("c7g.large", 2, 4, 3, 10),
            arm("a1.large", 2, 4, 3, 10),
            // GPUs per type: docs/task-definitions.md#gpus (DG ecs-gpu). p2 is a Xen family and g4dn is excluded from
            // trunking (docs/placement.md#eni-limits-per-instance-type): no trunked task limit for either.
            gpu("p2.xlarge", 4, 61, 4, null, 1),
            gpu("p2.8xlarge", 32, 488, 8, null, 8),
            gpu("g4dn.xlarge", 4, 16, 3, null, 1),
            gpu("g4dn.12xlarge", 48, 192, 8, null, 4),
            gpu("p3.2xlarge", 8, 61, 4, 40, 1));

    private InstanceTypes() {}

    /** The type of that name, if Berth knows it. */
    public static Optional<InstanceType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** Every known type, in the order above (by family, then size). */
    public static Collection<InstanceType> all() {
        return TYPES.values();
    }

    private static InstanceType t(String name, int vcpus, double gib, int enis, @Nullable Integer trunk) {
        return new InstanceType(name, vcpus, (int) (gib * 1024), enis, trunk, 0, X86);
    }

    private static InstanceType arm(String name, int vcpus, double gib, int enis, @Nullable Integer trunk) {
        return new InstanceType(name, vcpus, (int) (gib * 1024), enis, trunk, 0, ARM);
    }

    private static InstanceType gpu(String name, int vcpus, double gib, int enis, @Nullable Integer trunk, int gpus) {
        return new InstanceType(name, vcpus, (int) (gib * 1024), enis, trunk, gpus, X86);
    }

    private static ImmutableMap<String, InstanceType> build(InstanceType... types) {
        ImmutableMap.Builder<String, InstanceType> b = ImmutableMap.builder();
        for (InstanceType t : types) {
            b.put(t.name(), t);
        }
        return b.buildOrThrow();
    }
}
