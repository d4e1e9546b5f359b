package io.github.berth.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The chart's geometry, restated here from its layout: a 1200 × 520 picture whose plot area runs
 * from x 80 to 1120 and from y 70 (the axis top) to 450 (zero); coordinates to one decimal.
 */
class SvgChartTest {

    @ParameterizedTest
    @CsvSource({
        "0.7,1",
        "1,1",
        "1.1,2",
        "2,2",
        "2.1,2.5",
        "2.5,2.5",
        "2.6,5",
        "5,5",
        "5.1,10",
        "99,100",
        "0.03,0.05",
        "12.6,20",
        "250,250",
        "251,500"
    })
    void anAxisEndsAtTheNextOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen(double value, double top) {
        assertThat(SvgChart.nice(value)).isEqualTo(top);
    }

    @ParameterizedTest
    @CsvSource({
        "0,60",
        "539,60",
        "540,300",
        "2699,300",
        "2700,900",
        "28799,3600",
        "28800,3600",
        "32399,3600",
        "32400,10800",
        "23328000,2916000"
    })
    void timeTicksAreTheFirstRoundStepGivingAtMostEight(long span, long tick) {
        assertThat(SvgChart.tickSeconds(span)).isEqualTo(tick);
    }

    @Test
    void textIsEscapedAndControlCharactersBlanked() {
        assertThat(SvgChart.escape("a<b & \"c\">\u0001\n\t")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt; \n\t");
    }

    @Test
    void theCapacityIsAStaircaseOverTheTimelineAndEachActivityADotOnIt() throws Exception {
        ScalingTimeline t = ScalingSimulatorTest.outAndBackIn();
        Document svg = parse(t.toSvg());
        List<TimelineStep> steps = t.steps();
        long t0 = steps.get(0).timestamp().getEpochSecond();
        long t1 = steps.get(steps.size() - 1).timestamp().getEpochSecond();
        int highest = 1;
        for (TimelineStep s : steps) {
            highest = Math.max(highest, Math.max(s.capacity(), s.minCapacity()));
        }
        double capacityTop = SvgChart.nice(highest * 1.2 + 1);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            TimelineStep s = steps.get(i);
            double x = 80 + (double) (s.timestamp().getEpochSecond() - t0) / (t1 - t0) * 1040;
            boolean changed = i > 0 && s.capacity() != steps.get(i - 1).capacity();
            if (changed) {
                expected.add(fmt(x) + "," + fmt(70 + (1 - steps.get(i - 1).capacity() / capacityTop) * 380));
            }
            if (i == 0 || changed || i == steps.size() - 1) {
                expected.add(fmt(x) + "," + fmt(70 + (1 - s.capacity() / capacityTop) * 380));
            }
        }
        assertThat(expected.size()).isGreaterThan(2); // the scenario scales: the staircase has a riser
        assertThat(polyline(svg, "#d62728").split(" ")).containsExactlyElementsOf(expected);

        // The metric's axis: its peak (90) and the target (50), times 1.1, made round: 100, in fifths.
        List<String> metricLabels = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            Element e = (Element) texts.item(i);
            if (e.getAttribute("x").equals("74")
                    && e.getAttribute("text-anchor").equals("end")) {
                metricLabels.add(e.getTextContent());
            }
        }
        assertThat(metricLabels).containsExactly("100", "80", "60", "40", "20", "0");
        // The first metric point: 30 at the start, 70 % of the way down from 100.
        assertThat(polyline(svg, "#1f77b4").split(" ")[0]).isEqualTo("80,336");

        NodeList circles = svg.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(t.activities().size() + 1);
        for (int i = 1; i < circles.getLength(); i++) { // the first is the legend's
            Element c = (Element) circles.item(i);
            String when = c.getTextContent().lines().findFirst().orElseThrow();
            TimelineStep at = steps.stream()
                    .filter(s -> s.timestamp().toString().equals(when))
                    .findFirst()
                    .orElseThrow();
            double x = 80 + (double) (at.timestamp().getEpochSecond() - t0) / (t1 - t0) * 1040;
            assertThat(c.getAttribute("cx")).isEqualTo(fmt(x));
            assertThat(c.getAttribute("cy")).isEqualTo(fmt(70 + (1 - at.capacity() / capacityTop) * 380));
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String polyline(Document svg, String stroke) {
        NodeList lines = svg.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            if (e.getAttribute("stroke").equals(stroke)) {
                return e.getAttribute("points");
            }
        }
        throw new AssertionError("no polyline drawn in " + stroke);
    }

    private static String fmt(double v) {
        return BigDecimal.valueOf(Math.round(v * 10) / 10.0)
                .stripTrailingZeros()
                .toPlainString();
    }
}
