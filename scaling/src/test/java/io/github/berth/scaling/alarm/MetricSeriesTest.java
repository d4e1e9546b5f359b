package io.github.berth.scaling.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSeriesTest {

    @Test
    void readsACsvWithAHeaderInAnyOrder() {
        MetricSeries s = MetricSeries.parseCsv("timestamp,value\r\n"
                + "2024-03-04T10:01:00Z,20.5\n"
                + "\n"
                + "\"2024-03-04T10:00:00Z\",\"10\"\n"
                + "2024-03-04T11:02:00+01:00,30\n");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.time(0)).isEqualTo("2024-03-04T10:00:00Z");
        assertThat(s.value(0)).isEqualTo(10);
        assertThat(s.time(1)).isEqualTo("2024-03-04T10:01:00Z");
        assertThat(s.time(2)).isEqualTo("2024-03-04T10:02:00Z");
        assertThat(s.value(2)).isEqualTo(30);
    }

    @Test
    void theNumberCheckIsOnePassNotABacktrackingPattern() {
        // A regular expression checked these; a long run of digits cost time quadratic in its length.
        for (String yes : new String[] {"42", "-0.5", ".5", "+7.", "1.2E3", "1e-5", "0", "1".repeat(200_000) + ".0"}) {
            assertThat(MetricSeries.isDecimal(yes)).as(yes).isTrue();
        }
        for (String no : new String[] {
            "", "+", ".", "e5", "1e", "1e+", "1.2.3", "50d", "0x1p3", "1 ", "--1", "1".repeat(200_000) + "x", "Infinity"
        }) {
            assertThat(MetricSeries.isDecimal(no)).as(no).isFalse();
        }
        assertThatThrownBy(() ->
                        MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z," + "1".repeat(200_000) + "x\n"))
                .hasMessage("line 2: not a number: '" + "1".repeat(57) + "...'");
        for (String infinite : new String[] {"Infinity", "-Infinity", "1e400", "-1" + "0".repeat(400)}) {
            assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z," + infinite + "\n"))
                    .hasMessageStartingWith("line 2: not a finite number: '");
        }
    }

    @Test
    void namesTheLineAndTheProblem() {
        assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z,1\nyesterday,2\n"))
                .hasMessage("line 3: not an ISO-8601 instant: 'yesterday'");
        assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z,high\n"))
                .hasMessage("line 2: not a number: 'high'");
        assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z,NaN\n"))
                .hasMessage("line 2: not a finite number: 'NaN'");
        assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z,50d\n"))
                .hasMessage("line 2: not a number: '50d'");
        assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z,0x1p3\n"))
                .hasMessage("line 2: not a number: '0x1p3'");
        assertThat(MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z,-1.5E2\n2024-03-04T10:01:00Z,.5\n"
                                + "2024-03-04T10:02:00Z,+7.\n")
                        .value(0))
                .isEqualTo(-150);
        assertThatThrownBy(() -> MetricSeries.parseCsv("timestamp,value\n2024-03-04T10:00:00Z,1,2\n"))
                .hasMessageStartingWith("line 2: expected 2 columns (timestamp,value), found 3");
        assertThatThrownBy(() -> MetricSeries.parseCsv("2024-03-04T10:00:00Z,1\n"))
                .hasMessageStartingWith("line 1: expected a header line");
        assertThatThrownBy(() -> MetricSeries.parseCsv("")).hasMessageStartingWith("line 1: expected a header line");
    }

    @Test
    void anEmptyBodyIsAnEmptySeries() {
        assertThat(MetricSeries.parseCsv("timestamp,value\n").isEmpty()).isTrue();
    }

    @Test
    void refusesValuesThatAreNotNumbers() {
        assertThatThrownBy(() -> MetricSeries.of(List.of(Instant.EPOCH), new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricSeries.of(List.of(Instant.EPOCH), new double[] {1, 2}))
                .hasMessageContaining("differ in length");
    }

    @Test
    void datapointsArePerPeriodWithNaNForGaps() {
        Instant t = Instant.parse("2024-03-04T10:00:00Z");
        MetricSeries s = MetricSeries.of(List.of(t, t.plusSeconds(30), t.plusSeconds(120)), new double[] {10, 20, 5});
        double[] d = s.datapoints(t.getEpochSecond(), 60, 3, Statistic.AVERAGE);
        assertThat(d[0]).isEqualTo(15);
        assertThat(d[1]).isNaN();
        assertThat(d[2]).isEqualTo(5);
    }

    @Test
    void aTimeOutsideTheRangeOfAnInstantIsRefusedWithIllegalArgumentException() {
        // This threw java.time's DateTimeException from inside.
        assertThatThrownBy(() -> MetricSeries.ofEpochSeconds(new long[] {0, Long.MAX_VALUE}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample 1 is at epoch second " + Long.MAX_VALUE + ", outside the range of an Instant");
        assertThat(MetricSeries.ofEpochSeconds(new long[] {Instant.MAX.getEpochSecond()}, new double[] {1})
                        .time(0))
                .isEqualTo(Instant.MAX.minusNanos(Instant.MAX.getNano()));
    }

    @Test
    void eachStatisticMakesItsOwnDatapointAndSampleCountCountsALoneSample() {
        // CloudWatch statistics (CloudWatch user guide, "Statistics"): SampleCount is the number of
        // datapoints, so a period with one sample of 42 has a SampleCount of 1, not 42.
        Instant t = Instant.parse("2024-03-04T10:00:00Z");
        MetricSeries s = MetricSeries.of(
                List.of(t, t.plusSeconds(10), t.plusSeconds(20), t.plusSeconds(60)), new double[] {4, 9, 2, 42});
        long from = t.getEpochSecond();
        assertThat(s.datapoints(from, 60, 2, Statistic.MAXIMUM)).containsExactly(9, 42);
        assertThat(s.datapoints(from, 60, 2, Statistic.MINIMUM)).containsExactly(2, 42);
        assertThat(s.datapoints(from, 60, 2, Statistic.SUM)).containsExactly(15, 42);
        assertThat(s.datapoints(from, 60, 2, Statistic.SAMPLE_COUNT)).containsExactly(3, 1);
    }

    @Test
    void aggregateTakesTheSamplesFromItsStartUpToButNotItsEnd() {
        Instant t = Instant.parse("2024-03-04T10:00:00Z");
        MetricSeries s = MetricSeries.of(List.of(t, t.plusSeconds(30), t.plusSeconds(60)), new double[] {1, 5, 100});
        assertThat(s.aggregate(t, t.plusSeconds(60), Statistic.MAXIMUM)).isEqualTo(5);
        assertThat(s.aggregate(t, t.plusSeconds(61), Statistic.MAXIMUM)).isEqualTo(100);
        assertThat(s.aggregate(t.plusSeconds(1), t.plusSeconds(60), Statistic.SAMPLE_COUNT))
                .isEqualTo(1);
        assertThat(s.aggregate(t.plusSeconds(61), t.plusSeconds(120), Statistic.AVERAGE))
                .isNaN();
    }

    @Test
    void statisticNamesAreReadAsCloudWatchWritesThemInAnyCase() {
        assertThat(Statistic.fromWireName("SampleCount")).isEqualTo(Statistic.SAMPLE_COUNT);
        assertThat(Statistic.fromWireName("samplecount")).isEqualTo(Statistic.SAMPLE_COUNT);
        assertThat(Statistic.fromWireName("MAXIMUM")).isEqualTo(Statistic.MAXIMUM);
        assertThatThrownBy(() -> Statistic.fromWireName("p99"))
                .hasMessage("unknown statistic 'p99': expected Average, Minimum, Maximum, Sum or SampleCount");
    }
}
