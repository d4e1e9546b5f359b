package io.github.berth.core.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstanceTypesTest {

    private static InstanceType type(String name) {
        return InstanceTypes.find(name).orElseThrow();
    }

    @Test
    void awsvpcTaskLimitsFollowTheReferenceTable() {
        // docs/placement.md#awsvpc-and-enis: without trunking one ENI per task and the primary counts: c5.large 3 ENIs
        // -> 2 tasks.
        assertThat(type("c5.large").awsvpcTaskLimit(false)).isEqualTo(2);
        // docs/placement.md#eni-trunking: with trunking c5.large -> 10 tasks.
        assertThat(type("c5.large").awsvpcTaskLimit(true)).isEqualTo(10);
        assertThat(type("m5.24xlarge").awsvpcTaskLimit(true)).isEqualTo(120);
        assertThat(type("m6i.8xlarge").awsvpcTaskLimit(true)).isEqualTo(90);
    }

    @Test
    void typesWithoutTrunkingKeepTheirPlainLimitWhenTrunkingIsOn() {
        assertThat(type("r5.8xlarge").supportsTrunking()).isFalse();
        assertThat(type("r5.8xlarge").awsvpcTaskLimit(true)).isEqualTo(7);
        assertThat(type("t3.micro").awsvpcTaskLimit(true)).isEqualTo(1);
        assertThat(type("g4dn.xlarge").supportsTrunking()).isFalse();
    }

    @Test
    void registeredResourcesAreWhatTheAgentReports() {
        InstanceType m5 = type("m5.large");
        assertThat(m5.registeredCpu()).isEqualTo(2048);
        assertThat(m5.memoryMiB()).isEqualTo(8192);
        assertThat(m5.registeredMemoryMiB()).isLessThan(8192).isGreaterThan(7900);
        assertThat(type("p3.2xlarge").gpus()).isEqualTo(1);
        assertThat(type("g4dn.12xlarge").gpus()).isEqualTo(4);
        assertThat(type("p2.8xlarge").gpus()).isEqualTo(8);
        assertThat(type("m5.large").gpus()).isZero();
        assertThat(type("m6g.large").architecture()).isEqualTo("arm64");
        assertThat(m5.family()).isEqualTo("m5");
    }

    @Test
    void unknownTypesAreNotGuessed() {
        assertThat(InstanceTypes.find("m99.huge")).isEmpty();
        assertThat(InstanceTypes.all())
                .extracting(InstanceType::name)
                .doesNotHaveDuplicates()
                .contains("c5.9xlarge", "r5.16xlarge");
    }
}
