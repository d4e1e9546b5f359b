package io.github.berth.scaling.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two tables of "How alarm state is evaluated when data is missing" (CloudWatch user guide,
 * {@code AlarmThatSendsEmail.md}), row by row, for each missing-data treatment. In the data
 * points, 0 is not breaching, X breaching, - missing, oldest first; CloudWatch retrieves 5.
 */
class AlarmEvaluatorTest {

    private static final double THRESHOLD = 50;

    private static AlarmSpec alarm(int m, int n, TreatMissingData treat) {
        return new AlarmSpec(
                "a", Statistic.AVERAGE, 300, n, m, ComparisonOperator.GREATER_THAN_THRESHOLD, THRESHOLD, treat);
    }

    private static double[] points(String pattern) {
        String[] p = pattern.trim().split("\\s+");
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = p[i].equals("X") ? 60 : p[i].equals("0") ? 40 : Double.NaN;
        }
        return d;
    }

    private static AlarmState state(String s, AlarmState current) {
        switch (s) {
            case "OK":
                return AlarmState.OK;
            case "ALARM":
                return AlarmState.ALARM;
            case "INSUFFICIENT":
                return AlarmState.INSUFFICIENT_DATA;
            case "RETAIN":
                return current;
            default:
                throw new IllegalArgumentException(s);
        }
    }

    private static void check(
            int m, int n, String data, String missing, String ignore, String breaching, String notBreaching) {
        double[] d = points(data);
        assertThat(d).hasSize(AlarmEvaluator.evaluationRange(alarm(m, n, TreatMissingData.MISSING)));
        for (AlarmState current : AlarmState.values()) {
            assertThat(AlarmEvaluator.evaluate(alarm(m, n, TreatMissingData.MISSING), d, 0, d.length, current))
                    .as("missing, %s", data)
                    .isEqualTo(state(missing, current));
            assertThat(AlarmEvaluator.evaluate(alarm(m, n, TreatMissingData.IGNORE), d, 0, d.length, current))
                    .as("ignore, %s", data)
                    .isEqualTo(state(ignore, current));
            assertThat(AlarmEvaluator.evaluate(alarm(m, n, TreatMissingData.BREACHING), d, 0, d.length, current))
                    .as("breaching, %s", data)
                    .isEqualTo(state(breaching, current));
            assertThat(AlarmEvaluator.evaluate(alarm(m, n, TreatMissingData.NOT_BREACHING), d, 0, d.length, current))
                    .as("notBreaching, %s", data)
                    .isEqualTo(state(notBreaching, current));
        }
    }

    @ParameterizedTest(name = "3 of 3: {0}")
    @CsvSource({
        "0 - X - X, OK, OK, OK, OK",
        "0 - - - -, OK, OK, OK, OK",
        "- - - - -, INSUFFICIENT, RETAIN, ALARM, OK",
        "0 X X - X, ALARM, ALARM, ALARM, ALARM",
        "- - - - X, INSUFFICIENT, RETAIN, ALARM, OK",
        "X - - - -, ALARM, RETAIN, ALARM, OK"
    })
    void firstTableThreeOutOfThree(String data, String missing, String ignore, String breaching, String notBreaching) {
        check(3, 3, data, missing, ignore, breaching, notBreaching);
    }

    @ParameterizedTest(name = "2 of 3: {0}")
    @CsvSource({
        "0 - X - X, ALARM, ALARM, ALARM, ALARM",
        "0 0 X 0 X, ALARM, ALARM, ALARM, ALARM",
        "0 - X - -, OK, OK, ALARM, OK",
        "- - - - 0, OK, OK, ALARM, OK",
        "- - - - X, INSUFFICIENT, RETAIN, ALARM, OK"
    })
    void secondTableTwoOutOfThree(String data, String missing, String ignore, String breaching, String notBreaching) {
        check(2, 3, data, missing, ignore, breaching, notBreaching);
    }

    @Test
    void onlyTheMostRecentEvaluationPeriodsCount() {
        // 3 of 3 over 0 0 X X X: the three most recent breach.
        AlarmSpec a = alarm(3, 3, TreatMissingData.MISSING);
        assertThat(AlarmEvaluator.evaluate(a, points("0 0 X X X"), 0, 5, AlarmState.OK))
                .isEqualTo(AlarmState.ALARM);
        assertThat(AlarmEvaluator.evaluate(a, points("X X X X 0"), 0, 5, AlarmState.ALARM))
                .isEqualTo(AlarmState.OK);
    }

    @Test
    void comparisonOperatorsAtTheThreshold() {
        assertThat(ComparisonOperator.GREATER_THAN_THRESHOLD.breaches(50, 50)).isFalse();
        assertThat(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD.breaches(50, 50))
                .isTrue();
        assertThat(ComparisonOperator.LESS_THAN_THRESHOLD.breaches(50, 50)).isFalse();
        assertThat(ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD.breaches(50, 50))
                .isTrue();
        assertThat(ComparisonOperator.LESS_THAN_THRESHOLD.breaches(49.9, 50)).isTrue();
        assertThat(ComparisonOperator.fromWireName("LessThanThreshold"))
                .isEqualTo(ComparisonOperator.LESS_THAN_THRESHOLD);
        assertThatThrownBy(() -> ComparisonOperator.fromWireName("Above")).hasMessageContaining("'Above'");
    }

    @Test
    void evaluatesOverASeriesAlignedToPeriods() {
        // One-minute samples; a 60 s alarm, 3 of 3, > 70. At 10:03 the periods 10:00, 10:01, 10:02 count.
        List<Instant> t = new ArrayList<>();
        double[] v = {50, 80, 90, 95, 20};
        for (int i = 0; i < v.length; i++) {
            t.add(Instant.parse("2024-03-04T09:59:00Z").plusSeconds(60L * i));
        }
        MetricSeries s = MetricSeries.of(t, v);
        AlarmSpec high = AlarmSpec.of("high", Statistic.AVERAGE, 60, 3, ComparisonOperator.GREATER_THAN_THRESHOLD, 70);
        assertThat(AlarmEvaluator.evaluate(high, s, Instant.parse("2024-03-04T10:02:00Z"), AlarmState.OK))
                .isEqualTo(AlarmState.OK);
        assertThat(AlarmEvaluator.evaluate(high, s, Instant.parse("2024-03-04T10:03:00Z"), AlarmState.OK))
                .isEqualTo(AlarmState.ALARM);
        // 10:03:59 still sees the same periods; at 10:04 the 20 of 10:03 ends the breach.
        assertThat(AlarmEvaluator.evaluate(high, s, Instant.parse("2024-03-04T10:03:59Z"), AlarmState.OK))
                .isEqualTo(AlarmState.ALARM);
        assertThat(AlarmEvaluator.evaluate(high, s, Instant.parse("2024-03-04T10:04:00Z"), AlarmState.ALARM))
                .isEqualTo(AlarmState.OK);
    }

    @Test
    void theStatisticMakesTheDatapoint() {
        Instant t = Instant.parse("2024-03-04T10:00:00Z");
        MetricSeries s = MetricSeries.of(List.of(t, t.plusSeconds(10), t.plusSeconds(20)), new double[] {1, 5, 9});
        long from = t.getEpochSecond();
        assertThat(s.aggregate(from, from + 60, Statistic.AVERAGE)).isEqualTo(5);
        assertThat(s.aggregate(from, from + 60, Statistic.MINIMUM)).isEqualTo(1);
        assertThat(s.aggregate(from, from + 60, Statistic.MAXIMUM)).isEqualTo(9);
        assertThat(s.aggregate(from, from + 60, Statistic.SUM)).isEqualTo(15);
        assertThat(s.aggregate(from, from + 60, Statistic.SAMPLE_COUNT)).isEqualTo(3);
        assertThat(s.aggregate(from + 60, from + 120, Statistic.AVERAGE)).isNaN();
        assertThat(Statistic.fromWireName("SampleCount")).isEqualTo(Statistic.SAMPLE_COUNT);
    }

    @Test
    void anAlarmCloudWatchWouldRefuseIsRefused() {
        assertThatThrownBy(() -> alarm(4, 3, TreatMissingData.MISSING)).hasMessageContaining("DatapointsToAlarm");
        assertThatThrownBy(() -> alarm(0, 3, TreatMissingData.MISSING)).hasMessageContaining("DatapointsToAlarm");
        assertThatThrownBy(() -> new AlarmSpec(
                        "a",
                        Statistic.AVERAGE,
                        45,
                        1,
                        1,
                        ComparisonOperator.GREATER_THAN_THRESHOLD,
                        1,
                        TreatMissingData.MISSING))
                .hasMessageContaining("Period");
        assertThatThrownBy(() -> new AlarmSpec(
                        "a",
                        Statistic.AVERAGE,
                        3600,
                        25,
                        1,
                        ComparisonOperator.GREATER_THAN_THRESHOLD,
                        1,
                        TreatMissingData.MISSING))
                .hasMessageContaining("one day");
        assertThat(new AlarmSpec(
                                "a",
                                Statistic.AVERAGE,
                                3600,
                                24,
                                1,
                                ComparisonOperator.GREATER_THAN_THRESHOLD,
                                1,
                                TreatMissingData.MISSING)
                        .evaluationPeriods())
                .isEqualTo(24);
        assertThat(new AlarmSpec(
                                "a",
                                Statistic.AVERAGE,
                                10,
                                1,
                                1,
                                ComparisonOperator.GREATER_THAN_THRESHOLD,
                                1,
                                TreatMissingData.MISSING)
                        .periodSeconds())
                .isEqualTo(10);
    }

    @Test
    void aRangeOutsideTheDatapointsIsRefusedWithIllegalArgumentException() {
        // This threw ArrayIndexOutOfBoundsException from inside.
        AlarmSpec alarm = AlarmSpec.of("a", Statistic.AVERAGE, 60, 3, ComparisonOperator.GREATER_THAN_THRESHOLD, 1);
        assertThatThrownBy(() -> AlarmEvaluator.evaluate(alarm, new double[3], 2, 5, AlarmState.OK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the datapoints from 2 (5 of them) are not inside the 3 given");
        assertThatThrownBy(() -> AlarmEvaluator.evaluate(alarm, new double[3], -1, 2, AlarmState.OK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlarmEvaluator.evaluate(alarm, new double[3], 1, Integer.MAX_VALUE, AlarmState.OK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AlarmEvaluator.evaluate(alarm, new double[] {0, 2, 2, 2}, 1, 3, AlarmState.OK))
                .isEqualTo(AlarmState.ALARM);
    }

    /** "M out of N": ALARM from M breaching datapoints on, OK below; N does not enter the count. */
    @Test
    void mOfNAlarmsFromMBreachingDatapoints() {
        AlarmSpec twoOfThree = alarm(2, 3, TreatMissingData.MISSING);
        assertThat(AlarmEvaluator.mOfN(twoOfThree, 1)).isEqualTo(AlarmState.OK);
        assertThat(AlarmEvaluator.mOfN(twoOfThree, 2)).isEqualTo(AlarmState.ALARM);
        assertThat(AlarmEvaluator.mOfN(twoOfThree, 3)).isEqualTo(AlarmState.ALARM);
        AlarmSpec threeOfThree = alarm(3, 3, TreatMissingData.MISSING);
        assertThat(AlarmEvaluator.mOfN(threeOfThree, 2)).isEqualTo(AlarmState.OK);
        assertThat(AlarmEvaluator.mOfN(threeOfThree, 0)).isEqualTo(AlarmState.OK);
    }
}
