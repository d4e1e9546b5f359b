package io.github.berth.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cpu and memory forms ECS reads on registration (docs/task-definitions.md#task-cpu-and-memory). */
class ResourceUnitsTest {

    @ParameterizedTest(name = "cpu \"{0}\" is {1} units")
    @CsvSource(
            delimiter = '|',
            value = {
                "1024|1024",
                "256|256",
                "0|0",
                "1 vCPU|1024",
                "1 vcpu|1024",
                "1vCPU|1024",
                "2 VCPU|2048",
                ".25 vcpu|256",
                ".5 vCPU|512",
                "0.25 vCPU|256",
                "0.125 vcpu|128",
                "192 vCPU|196608",
                "'  4 vcpu  '|4096",
                "'\t8\t'|8",
                "0.3 vcpu|307", // 307.2, rounded half up
                "0.0005 vcpu|1", // 0.512
                "0.0004 vcpu|0", // 0.4096
                "1.0000000001 vcpu|1024"
            })
    void cpuForms(String text, int units) {
        assertThat(ResourceUnits.cpuUnits(text)).hasValue(units);
    }

    @ParameterizedTest(name = "memory \"{0}\" is {1} MiB")
    @CsvSource(
            delimiter = '|',
            value = {
                "512|512",
                "2048|2048",
                "2 GB|2048",
                "1GB|1024",
                "1 gb|1024",
                ".5 gb|512",
                "0.5 GB|512",
                "30 GB|30720",
                "120gb|122880",
                "'  3 Gb '|3072"
            })
    void memoryForms(String text, int mib) {
        assertThat(ResourceUnits.memoryMiB(text)).hasValue(mib);
    }

    @ParameterizedTest(name = "\"{0}\" is no cpu")
    @ValueSource(
            strings = {
                "",
                " ",
                "lots",
                "1.5",
                "1.",
                ".",
                "-1",
                "+1",
                "1e3",
                "0x10",
                "1 GB",
                "1 vcpus",
                "vcpu",
                "1 2",
                "2147483648",
                "99999999999999999999",
                "3000000 vcpu",
                "１０２４"
            })
    void refusedCpu(String text) {
        assertThat(ResourceUnits.cpuUnits(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is no memory")
    @ValueSource(strings = {"", "lots", "512.5", "512 MB", "512 MiB", "2 GiB", "1 vCPU", "2 G", "-512", "1e3"})
    void refusedMemory(String text) {
        assertThat(ResourceUnits.memoryMiB(text)).isEmpty();
    }

    @Test
    void absentIsEmpty() {
        assertThat(ResourceUnits.cpuUnits(null)).isEqualTo(OptionalInt.empty());
        assertThat(ResourceUnits.memoryMiB(null)).isEqualTo(OptionalInt.empty());
    }

    @Test
    void normalisingWritesWholeUnitsAndKeepsWhatItCannotRead() {
        assertThat(ResourceUnits.normalizeCpu(".25 vcpu")).isEqualTo("256");
        assertThat(ResourceUnits.normalizeCpu("1024")).isEqualTo("1024");
        assertThat(ResourceUnits.normalizeCpu("lots")).isEqualTo("lots");
        assertThat(ResourceUnits.normalizeCpu(null)).isNull();
        assertThat(ResourceUnits.normalizeMemory(".5 gb")).isEqualTo("512");
        assertThat(ResourceUnits.normalizeMemory("2 GB")).isEqualTo("2048");
        assertThat(ResourceUnits.normalizeMemory("512 MB")).isEqualTo("512 MB");
    }
}
