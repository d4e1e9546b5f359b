package io.github.berth.scaling.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PutMetricAlarmParserTest {

    static final String ARN = "arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:"
            + "0a1b2c3d-0000-4000-8000-000000000000:resource/ecs/service/prod/web:policyName/burst";

    @Test
    void readsWhatTheStateDependsOnAndTheActions() {
        PutMetricAlarmParser.MetricAlarm a = PutMetricAlarmParser.parse("{\"AlarmName\":\"web-cpu-burst\","
                + "\"MetricName\":\"CPUUtilization\",\"Namespace\":\"AWS/ECS\",\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"prod\"}],"
                + "\"Statistic\":\"Maximum\",\"Period\":300,\"EvaluationPeriods\":3,\"DatapointsToAlarm\":2,\"Threshold\":95.5,"
                + "\"ComparisonOperator\":\"GreaterThanOrEqualToThreshold\",\"TreatMissingData\":\"breaching\","
                + "\"AlarmActions\":[\"" + ARN + "\"]}");
        assertThat(a.spec())
                .isEqualTo(new AlarmSpec(
                        "web-cpu-burst",
                        Statistic.MAXIMUM,
                        300,
                        3,
                        2,
                        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                        95.5,
                        TreatMissingData.BREACHING));
        assertThat(a.alarmActions()).containsExactly(ARN);
        assertThat(a.names("burst")).isTrue();
        assertThat(a.names("urst")).isFalse(); // the ARN's policy name is whole, not a suffix
        assertThat(a.names("web")).isFalse();
    }

    @Test
    void readsTheMetricItWatchesAndActionsEnabled() {
        PutMetricAlarmParser.MetricAlarm a =
                PutMetricAlarmParser.parse("{\"AlarmName\":\"web-cpu\",\"Namespace\":\"AWS/ECS\","
                        + "\"MetricName\":\"CPUUtilization\",\"Dimensions\":[{\"Name\":\"ClusterName\",\"Value\":\"prod\"},"
                        + "{\"Name\":\"ServiceName\",\"Value\":\"web\"}],\"Period\":60,\"EvaluationPeriods\":1,\"Threshold\":70,"
                        + "\"ComparisonOperator\":\"GreaterThanThreshold\",\"ActionsEnabled\":false}");
        assertThat(a.namespace()).isEqualTo("AWS/ECS");
        assertThat(a.metricName()).isEqualTo("CPUUtilization");
        assertThat(a.dimensions())
                .containsExactly(java.util.Map.entry("ClusterName", "prod"), java.util.Map.entry("ServiceName", "web"));
        assertThat(a.actionsEnabled()).isFalse();
        PutMetricAlarmParser.MetricAlarm bare = PutMetricAlarmParser.parse("{\"AlarmName\":\"a\",\"Period\":60,"
                + "\"EvaluationPeriods\":1,\"Threshold\":1,\"ComparisonOperator\":\"LessThanThreshold\"}");
        assertThat(bare.namespace()).isNull();
        assertThat(bare.dimensions()).isEmpty();
        assertThat(bare.actionsEnabled()).isTrue();
        String ok = "\"AlarmName\":\"a\",\"Period\":60,\"EvaluationPeriods\":1,\"Threshold\":1,"
                + "\"ComparisonOperator\":\"LessThanThreshold\"";
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"Dimensions\":[{\"Name\":\"ClusterName\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dimensions[0].Value: required member missing");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"Dimensions\":{}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dimensions: expected an array of {\"Name\": ..., \"Value\": ...}");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"ActionsEnabled\":\"no\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ActionsEnabled: expected true or false");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"Namespace\":7}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Namespace: expected a string");
    }

    @Test
    void defaultsAreCloudWatchs() {
        PutMetricAlarmParser.MetricAlarm a = PutMetricAlarmParser.parse(
                "{\"AlarmName\":\"a\",\"Period\":60,"
                        + "\"EvaluationPeriods\":4,\"Threshold\":1,\"ComparisonOperator\":\"LessThanThreshold\",\"AlarmActions\":[\"burst\"]}");
        assertThat(a.spec())
                .isEqualTo(new AlarmSpec(
                        "a",
                        Statistic.AVERAGE,
                        60,
                        4,
                        4,
                        ComparisonOperator.LESS_THAN_THRESHOLD,
                        1,
                        TreatMissingData.MISSING));
        assertThat(a.names("burst")).isTrue();
    }

    @Test
    void badInputNamesTheMember() {
        String ok =
                "\"AlarmName\":\"a\",\"EvaluationPeriods\":1,\"Threshold\":1,\"ComparisonOperator\":\"LessThanThreshold\"";
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"Period\":\"60\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Period: expected an integer");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + "}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Period: required member missing");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"Period\":60,\"Colour\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Colour: unknown member 'Colour' of a PutMetricAlarm request");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"Period\":60,\"AlarmActions\":\"burst\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AlarmActions: expected an array of strings");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{" + ok + ",\"Period\":45}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Period must be 10, 30 or a multiple of 60 seconds, found 45");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a PutMetricAlarm request (a JSON object)");
        assertThatThrownBy(() -> PutMetricAlarmParser.parse("{\"AlarmName\":"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("NullPointer");
    }
}
