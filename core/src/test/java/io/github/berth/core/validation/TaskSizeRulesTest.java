package io.github.berth.core.validation;

import static io.github.berth.core.validation.Fixtures.client;
import static io.github.berth.core.validation.Fixtures.container;
import static io.github.berth.core.validation.Fixtures.ec2;
import static io.github.berth.core.validation.Fixtures.fargate;
import static io.github.berth.core.validation.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.core.model.Compatibility;
import io.github.berth.core.model.OSFamily;
import io.github.berth.core.model.RuntimePlatform;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Task and container cpu and memory: docs/task-definitions.md#task-cpu-and-memory, docs/task-definitions.md#fargate-sizes, docs/task-definitions.md#container-cpu-and-memory. */
class TaskSizeRulesTest {

    private static final RuntimePlatform WINDOWS = RuntimePlatform.builder()
            .operatingSystemFamily(OSFamily.WINDOWS_SERVER_2022_CORE)
            .build();

    private static String noFargate(int cpu, int memory) {
        return "No Fargate configuration exists for given values: " + cpu + " CPU, " + memory
                + " memory. See the Amazon ECS documentation for the valid values.";
    }

    @Test
    void taskCpuAndMemoryTakeUnitsAndUnitStrings() {
        assertThat(validate(ec2(container("web")).cpu("1 vCPU").memory("2 GB"))).isEmpty();
        assertThat(validate(ec2(container("web")).cpu(".25 vcpu").memory(".5 gb")))
                .isEmpty();
        assertThat(validate(ec2(container("web")).cpu("1024").memory("1GB"))).isEmpty();
    }

    @Test
    void taskCpuOnEc2IsBetween128And196608Units() {
        assertThat(validate(ec2(container("web")).cpu("128"))).isEmpty();
        assertThat(validate(ec2(container("web")).cpu("192 vCPU"))).isEmpty();
        for (String bad : List.of("127", "196609", "lots", "", "-1", "1e3", "1.5", "2 GB")) {
            assertThat(validate(ec2(container("web")).cpu(bad)))
                    .as(bad)
                    .containsExactly(client("cpu", "Invalid 'cpu' setting for task."));
        }
    }

    @Test
    void taskMemoryIsAPositiveAmount() {
        assertThat(validate(ec2(container("web").memory(null)).memory("1"))).isEmpty();
        for (String bad : List.of("0", "lots", "", "512 MB", "1 vCPU")) {
            assertThat(validate(ec2(container("web")).memory(bad)))
                    .as(bad)
                    .containsExactly(client("memory", "Invalid 'memory' setting for task."));
        }
    }

    @Test
    void fargateNeedsTaskCpuAndMemory() {
        assertThat(validate(fargate(container("web")))).isEmpty();
        assertThat(validate(fargate(container("web")).cpu(null)))
                .containsExactly(client("cpu", "Fargate requires that 'cpu' be defined at the task level."));
        assertThat(validate(fargate(container("web")).memory(null)))
                .containsExactly(client("memory", "Fargate requires that 'memory' be defined at the task level."));
    }

    @ParameterizedTest(name = "{0} CPU with {1}..{2} MiB by {3}")
    @CsvSource({
        "512, 1024, 4096, 1024",
        "1024, 2048, 8192, 1024",
        "2048, 4096, 16384, 1024",
        "4096, 8192, 30720, 1024",
        "8192, 16384, 61440, 4096",
        "16384, 32768, 122880, 8192"
    })
    void theFargateTableOnLinux(int cpu, int min, int max, int step) {
        for (int memory = min; memory <= max; memory += step) {
            assertThat(validate(fargate(container("web")).cpu("" + cpu).memory("" + memory)))
                    .as(cpu + "/" + memory)
                    .isEmpty();
        }
        for (int memory : new int[] {min - 1, max + step, min + step / 2}) {
            assertThat(validate(
                            fargate(container("web").memory(null)).cpu("" + cpu).memory("" + memory)))
                    .as(cpu + "/" + memory)
                    .containsExactly(client("memory", noFargate(cpu, memory)));
        }
    }

    @Test
    void theQuarterVcpuRowTakesHalfOneAndTwoGb() {
        for (int memory : new int[] {512, 1024, 2048}) {
            assertThat(validate(fargate(container("web")).cpu("256").memory("" + memory)))
                    .isEmpty();
        }
        for (int memory : new int[] {256, 1536, 3072}) {
            assertThat(validate(
                            fargate(container("web").memory(null)).cpu("256").memory("" + memory)))
                    .containsExactly(client("memory", noFargate(256, memory)));
        }
    }

    @Test
    void theObservedFargateRefusalNamesNormalisedValues() {
        assertThat(validate(fargate(container("web")).cpu("512").memory("512")))
                .containsExactly(client("memory", noFargate(512, 512)));
        assertThat(validate(
                        fargate(container("web").memory(null)).cpu(".5 vCPU").memory(".5 GB")))
                .containsExactly(client("memory", noFargate(512, 512)));
    }

    @Test
    void aCpuThatIsNoFargateRowIsRefusedAsAPair() {
        assertThat(validate(fargate(container("web")).cpu("384").memory("1024")))
                .containsExactly(client("memory", noFargate(384, 1024)));
    }

    @Test
    void theTableAppliesWhenFargateIsRequiredTogetherWithEc2() {
        assertThat(validate(fargate(container("web"))
                        .addRequiresCompatibilities(Compatibility.EC2)
                        .memory("4096")))
                .containsExactly(client("memory", noFargate(256, 4096)));
    }

    @ParameterizedTest(name = "{0} CPU with {1}..{2} MiB by 1024")
    @CsvSource({"1024, 2048, 8192", "2048, 4096, 16384", "4096, 8192, 30720"})
    void theFargateTableOnWindows(int cpu, int min, int max) {
        for (int memory = min; memory <= max; memory += 1024) {
            assertThat(validate(fargate(container("web"))
                            .runtimePlatform(WINDOWS)
                            .cpu("" + cpu)
                            .memory("" + memory)))
                    .as(cpu + "/" + memory)
                    .isEmpty();
        }
        for (int memory : new int[] {min - 1024, max + 1024, min + 512}) {
            assertThat(validate(fargate(container("web").memory(null))
                            .runtimePlatform(WINDOWS)
                            .cpu("" + cpu)
                            .memory("" + memory)))
                    .as(cpu + "/" + memory)
                    .containsExactly(client("memory", noFargate(cpu, memory)));
        }
    }

    @Test
    void windowsOnFargateTakesOnlyTheOneTwoAndFourVcpuRows() {
        assertThat(validate(fargate(container("web"))
                        .runtimePlatform(WINDOWS)
                        .cpu("1024")
                        .memory("2048")))
                .isEmpty();
        assertThat(validate(fargate(container("web"))
                        .runtimePlatform(WINDOWS)
                        .cpu("4096")
                        .memory("30720")))
                .isEmpty();
        assertThat(validate(fargate(container("web"))
                        .runtimePlatform(WINDOWS)
                        .cpu("256")
                        .memory("512")))
                .containsExactly(client("memory", noFargate(256, 512)));
        assertThat(validate(fargate(container("web"))
                        .runtimePlatform(WINDOWS)
                        .cpu("512")
                        .memory("1024")))
                .containsExactly(client("memory", noFargate(512, 1024)));
        assertThat(validate(fargate(container("web"))
                        .runtimePlatform(WINDOWS)
                        .cpu("8192")
                        .memory("16384")))
                .containsExactly(client("memory", noFargate(8192, 16384)));
    }

    @Test
    void withoutTaskMemoryEveryContainerNeedsMemoryOrAReservation() {
        assertThat(validate(ec2(container("web").memory(null).memoryReservation(128))))
                .isEmpty();
        assertThat(validate(ec2(container("web").memory(null))))
                .containsExactly(
                        client(
                                "containerDefinitions[0]",
                                "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified."));
        assertThat(validate(ec2(container("web").memory(0))))
                .containsExactly(
                        client(
                                "containerDefinitions[0]",
                                "Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified."));
    }

    @Test
    void withTaskMemoryAContainerNeedsNeither() {
        assertThat(validate(ec2(container("web").memory(null)).memory("512"))).isEmpty();
    }

    @Test
    void aContainersMemoryIsAtLeastItsReservation() {
        assertThat(validate(ec2(container("web").memory(256).memoryReservation(256))))
                .isEmpty();
        assertThat(validate(ec2(container("web").memory(128).memoryReservation(256))))
                .containsExactly(client(
                        "containerDefinitions[0].memoryReservation",
                        "The 'memoryReservation' setting for container 'web' is greater than its 'memory' setting."));
    }

    @Test
    void containerCpuAndMemoryAreNotNegative() {
        assertThat(validate(ec2(container("web").cpu(0).memory(256).memoryReservation(0))))
                .isEmpty();
        assertThat(validate(ec2(container("web").cpu(-1).memory(-256).memoryReservation(-128))))
                .containsExactly(
                        client("containerDefinitions[0].cpu", "Invalid 'cpu' setting for container 'web'."),
                        client("containerDefinitions[0].memory", "Invalid 'memory' setting for container 'web'."),
                        client(
                                "containerDefinitions[0].memoryReservation",
                                "Invalid 'memoryReservation' setting for container 'web'."));
        assertThat(validate(ec2(container("web").memory(Integer.MIN_VALUE)).memory("512")))
                .containsExactly(
                        client("containerDefinitions[0].memory", "Invalid 'memory' setting for container 'web'."));
    }

    @Test
    void noContainersMemoryExceedsTheTasks() {
        assertThat(validate(ec2(container("web").memory(512), container("db").memory(512))
                        .memory("512")))
                .isEmpty();
        assertThat(validate(ec2(container("web").memory(512), container("db").memory(513))
                        .memory("512")))
                .containsExactly(client(
                        "containerDefinitions[1].memory",
                        "The 'memory' setting for container 'db' is greater than for the task."));
    }

    @Test
    void theReservationsTogetherFitTheTaskMemory() {
        assertThat(validate(ec2(
                                container("web").memory(null).memoryReservation(256),
                                container("db").memory(null).memoryReservation(256))
                        .memory("512")))
                .isEmpty();
        assertThat(validate(ec2(
                                container("web").memory(null).memoryReservation(256),
                                container("db").memory(null).memoryReservation(257))
                        .memory("512")))
                .containsExactly(
                        client(
                                "containerDefinitions",
                                "The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'."));
    }

    @Test
    void theContainerCpuTogetherFitsTheTaskCpu() {
        assertThat(validate(fargate(container("web").cpu(128), container("db").cpu(128))))
                .isEmpty();
        assertThat(validate(fargate(container("web").cpu(128), container("db").cpu(129))))
                .containsExactly(client(
                        "containerDefinitions",
                        "The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."));
    }

    @Test
    void containerSumsAreNotComparedWithAnUnreadableTaskValue() {
        assertThat(validate(ec2(container("web").cpu(4096)).cpu("lots")))
                .containsExactly(client("cpu", "Invalid 'cpu' setting for task."));
    }
}
