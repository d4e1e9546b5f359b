package io.github.berth.scaling.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.berth.scaling.model.CustomizedMetricSpecification;
import io.github.berth.scaling.model.MetricStatistic;
import io.github.berth.scaling.model.MetricType;
import io.github.berth.scaling.model.PredefinedMetricSpecification;
import io.github.berth.scaling.model.TargetTrackingMetric;
import io.github.berth.scaling.model.TargetTrackingMetricDataQuery;
import io.github.berth.scaling.model.TargetTrackingMetricStat;
import io.github.berth.scaling.model.TargetTrackingScalingPolicyConfiguration;
import org.junit.jupiter.api.Test;

class TargetTrackingAlarmsTest {

    private static TargetTrackingScalingPolicyConfiguration cpu(double target) {
        return TargetTrackingScalingPolicyConfiguration.builder()
                .targetValue(target)
                .predefinedMetricSpecification(PredefinedMetricSpecification.builder()
                        .predefinedMetricType(MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION)
                        .build())
                .build();
    }

    @Test
    void theHighAlarmIsThreeMinutesAboveTheTarget() {
        AlarmSpec high = TargetTrackingAlarms.high("service/c/s", "u1", cpu(70));
        assertThat(high.name()).isEqualTo("TargetTracking-service/c/s-AlarmHigh-u1");
        assertThat(high.comparison()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
        assertThat(high.threshold()).isEqualTo(70);
        assertThat(high.periodSeconds()).isEqualTo(60);
        assertThat(high.evaluationPeriods()).isEqualTo(3);
        assertThat(high.datapointsToAlarm()).isEqualTo(3);
        assertThat(high.statistic()).isEqualTo(Statistic.AVERAGE);
        assertThat(high.treatMissingData()).isEqualTo(TreatMissingData.MISSING);
    }

    @Test
    void theLowAlarmIsFifteenMinutesBelowNinetyPercent() {
        AlarmSpec low = TargetTrackingAlarms.low("service/c/s", "u2", cpu(70));
        assertThat(low.name()).isEqualTo("TargetTracking-service/c/s-AlarmLow-u2");
        assertThat(low.comparison()).isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
        assertThat(low.threshold()).isEqualTo(63.0);
        assertThat(TargetTrackingAlarms.low("service/c/s", "u2", cpu(80)).threshold())
                .isEqualTo(72.0);
        assertThat(low.evaluationPeriods()).isEqualTo(15);
        assertThat(low.datapointsToAlarm()).isEqualTo(15);
    }

    @Test
    void disableScaleInLeavesNoLowAlarm() {
        assertThat(TargetTrackingAlarms.low(
                        "service/c/s",
                        "u",
                        cpu(50).toBuilder().disableScaleIn(true).build()))
                .isNull();
        assertThat(TargetTrackingAlarms.low(
                        "service/c/s",
                        "u",
                        cpu(50).toBuilder().disableScaleIn(false).build()))
                .isNotNull();
    }

    @Test
    void aCustomizedMetricKeepsItsStatistic() {
        TargetTrackingScalingPolicyConfiguration c = TargetTrackingScalingPolicyConfiguration.builder()
                .targetValue(100.0)
                .customizedMetricSpecification(CustomizedMetricSpecification.builder()
                        .metricName("Backlog")
                        .namespace("App")
                        .statistic(MetricStatistic.MAXIMUM)
                        .build())
                .build();
        assertThat(TargetTrackingAlarms.high("service/c/s", "u", c).statistic()).isEqualTo(Statistic.MAXIMUM);
    }

    @Test
    void metricMathReadsTheQueryThatReturnsData() {
        TargetTrackingMetricDataQuery m1 = TargetTrackingMetricDataQuery.builder()
                .id("m1")
                .returnData(false)
                .metricStat(TargetTrackingMetricStat.builder()
                        .stat("Maximum")
                        .metric(TargetTrackingMetric.builder()
                                .namespace("AWS/SQS")
                                .metricName("ApproximateNumberOfMessagesVisible")
                                .build())
                        .build())
                .build();
        TargetTrackingScalingPolicyConfiguration single = TargetTrackingScalingPolicyConfiguration.builder()
                .targetValue(10.0)
                .customizedMetricSpecification(CustomizedMetricSpecification.builder()
                        .addMetrics(m1.toBuilder().returnData(null).build())
                        .build())
                .build();
        assertThat(TargetTrackingAlarms.statistic(single)).isEqualTo(Statistic.MAXIMUM);
        TargetTrackingScalingPolicyConfiguration math = TargetTrackingScalingPolicyConfiguration.builder()
                .targetValue(10.0)
                .customizedMetricSpecification(CustomizedMetricSpecification.builder()
                        .addMetrics(
                                m1,
                                TargetTrackingMetricDataQuery.builder()
                                        .id("e1")
                                        .expression("m1 / 4")
                                        .returnData(true)
                                        .build())
                        .build())
                .build();
        assertThat(TargetTrackingAlarms.statistic(math)).isEqualTo(Statistic.AVERAGE);
        TargetTrackingScalingPolicyConfiguration percentile = TargetTrackingScalingPolicyConfiguration.builder()
                .targetValue(10.0)
                .customizedMetricSpecification(CustomizedMetricSpecification.builder()
                        .addMetrics(m1.toBuilder()
                                .returnData(null)
                                .metricStat(
                                        m1.metricStat().toBuilder().stat("p99").build())
                                .build())
                        .build())
                .build();
        assertThat(TargetTrackingAlarms.statistic(percentile)).isEqualTo(Statistic.AVERAGE);
    }
}
