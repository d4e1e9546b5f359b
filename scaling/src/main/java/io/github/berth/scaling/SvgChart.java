package io.github.berth.scaling;

import io.github.berth.scaling.model.ScalingActivity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link ScalingTimeline} as one self-contained SVG document: no script, no external font
 * or style sheet, so it opens in any browser and embeds in any page.
 */
final class SvgChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 80;
    private static final int TOP = 70;
    private static final int BOTTOM = 70;
    private static final String METRIC_COLOUR = "#1f77b4";
    private static final String CAPACITY_COLOUR = "#d62728";
    private static final String BOUND_COLOUR = "#7f7f7f";
    private static final String TARGET_COLOUR = "#2ca02c";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ScalingTimeline timeline;
    private final long[] seconds;
    private final double[] metric;
    private final int[] capacity;
    private final int[] minCapacity;
    private final int[] maxCapacity;
    private final StringBuilder out = new StringBuilder(1 << 16);

    private long t0;
    private long t1;
    private double metricTop;
    private double capacityTop;

    /**
     * The timeline's steps as the chart draws them.
     *
     * @param seconds each step's epoch second
     * @param metric each step's metric, NaN where there is none
     */
    record Points(long[] seconds, double[] metric, int[] capacity, int[] minCapacity, int[] maxCapacity) {}

    SvgChart(ScalingTimeline timeline, Points points) {
        this.timeline = timeline;
        this.seconds = points.seconds();
        this.metric = points.metric();
        this.capacity = points.capacity();
        this.minCapacity = points.minCapacity();
        this.maxCapacity = points.maxCapacity();
    }

    String render() {
        scales();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        out.append("<title>")
                .append(escape("Scaling simulation: " + timeline.title()))
                .append("</title>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(LEFT, 24, "Scaling simulation: " + timeline.title(), "start", "font-size=\"16\" font-weight=\"bold\"");
        legend();
        axes();
        bounds();
        thresholds();
        metricLine();
        capacityLine();
        activities();
        out.append("</svg>\n");
        return out.toString();
    }

    private void scales() {
        t0 = seconds.length == 0 ? 0 : seconds[0];
        t1 = seconds.length == 0 ? 1 : Math.max(seconds[seconds.length - 1], t0 + 1);
        double m = 0;
        for (double v : metric) {
            if (!Double.isNaN(v)) {
                m = Math.max(m, v);
            }
        }
        for (Threshold t : timeline.thresholds()) {
            m = Math.max(m, t.value());
        }
        metricTop = nice(m > 0 ? m * 1.1 : 1);
        int c = 1;
        for (int i = 0; i < capacity.length; i++) {
            c = Math.max(c, Math.max(capacity[i], minCapacity[i]));
        }
        capacityTop = nice(c * 1.2 + 1);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code v}. */
    static double nice(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * p >= v) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private double x(long second) {
        return LEFT + (double) (second - t0) / (t1 - t0) * (WIDTH - LEFT - RIGHT);
    }

    private double yMetric(double v) {
        return TOP + (1 - v / metricTop) * (HEIGHT - TOP - BOTTOM);
    }

    private double yCapacity(double v) {
        double clipped = Math.max(0, Math.min(v, capacityTop));
        return TOP + (1 - clipped / capacityTop) * (HEIGHT - TOP - BOTTOM);
    }

    private void legend() {
        int x = LEFT;
        int y = 48;
        x = legendItem(x, y, METRIC_COLOUR, "", "metric");
        if (!timeline.thresholds().isEmpty()) {
            x = legendItem(x, y, TARGET_COLOUR, "6 4", "target / threshold");
        }
        x = legendItem(x, y, CAPACITY_COLOUR, "", "capacity");
        x = legendItem(x, y, BOUND_COLOUR, "3 3", "min / max capacity");
        out.append("<circle cx=\"")
                .append(x + 6)
                .append("\" cy=\"")
                .append(y - 4)
                .append("\" r=\"4\" fill=\"#ff7f0e\" stroke=\"#000000\" stroke-width=\"0.5\"/>\n");
        text(x + 16, y, "scaling activity", "start", "");
    }

    private int legendItem(int x, int y, String colour, String dash, String label) {
        out.append("<line x1=\"")
                .append(x)
                .append("\" y1=\"")
                .append(y - 4)
                .append("\" x2=\"")
                .append(x + 24)
                .append("\" y2=\"")
                .append(y - 4)
                .append("\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"2\"");
        if (!dash.isEmpty()) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>\n");
        text(x + 30, y, label, "start", "");
        return x + 40 + 7 * label.length() + 20;
    }

    private void axes() {
        int bottom = HEIGHT - BOTTOM;
        int right = WIDTH - RIGHT;
        out.append("<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n");
        for (int i = 0; i <= 5; i++) {
            double y = TOP + i * (HEIGHT - TOP - BOTTOM) / 5.0;
            out.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" x2=\"")
                    .append(right)
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\"/>\n");
        }
        out.append("</g>\n");
        out.append("<rect x=\"")
                .append(LEFT)
                .append("\" y=\"")
                .append(TOP)
                .append("\" width=\"")
                .append(right - LEFT)
                .append("\" height=\"")
                .append(bottom - TOP)
                .append("\" fill=\"none\" stroke=\"#000000\"/>\n");
        for (int i = 0; i <= 5; i++) {
            double y = TOP + i * (HEIGHT - TOP - BOTTOM) / 5.0;
            text(
                    LEFT - 6,
                    y + 4,
                    ScalingTimeline.number(round(metricTop * (5 - i) / 5)),
                    "end",
                    "fill=\"" + METRIC_COLOUR + "\"");
            text(
                    right + 6,
                    y + 4,
                    ScalingTimeline.number(round(capacityTop * (5 - i) / 5)),
                    "start",
                    "fill=\"" + CAPACITY_COLOUR + "\"");
        }
        text(
                18,
                (TOP + bottom) / 2.0,
                "metric",
                "middle",
                "fill=\"" + METRIC_COLOUR + "\" transform=\"rotate(-90 18 " + fmt((TOP + bottom) / 2.0) + ")\"");
        text(
                WIDTH - 18,
                (TOP + bottom) / 2.0,
                "capacity",
                "middle",
                "fill=\"" + CAPACITY_COLOUR + "\" transform=\"rotate(90 " + (WIDTH - 18) + " "
                        + fmt((TOP + bottom) / 2.0) + ")\"");
        long tick = tickSeconds(t1 - t0);
        for (long t = Math.floorDiv(t0 + tick - 1, tick) * tick; t <= t1; t += tick) {
            double x = x(t);
            out.append("<line x1=\"")
                    .append(fmt(x))
                    .append("\" y1=\"")
                    .append(bottom)
                    .append("\" x2=\"")
                    .append(fmt(x))
                    .append("\" y2=\"")
                    .append(bottom + 5)
                    .append("\" stroke=\"#000000\"/>\n");
            text(x, bottom + 20, TIME.format(Instant.ofEpochSecond(t)), "middle", "");
        }
        text((LEFT + right) / 2.0, HEIGHT - 16, "time (UTC)", "middle", "");
    }

    /** A round time step giving at most eight ticks over {@code span} seconds. */
    static long tickSeconds(long span) {
        long[] steps = {60, 300, 900, 1_800, 3_600, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800, 2_592_000};
        for (long step : steps) {
            if (span / step <= 8) {
                return step;
            }
        }
        return Math.max(1, span / 8);
    }

    private void thresholds() {
        for (Threshold t : timeline.thresholds()) {
            double y = yMetric(t.value());
            out.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\" stroke=\"")
                    .append(TARGET_COLOUR)
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>")
                    .append(escape(t.label() + ": " + ScalingTimeline.number(t.value())))
                    .append("</title></line>\n");
            text(
                    LEFT + 4,
                    y - 4,
                    t.label() + " " + ScalingTimeline.number(t.value()),
                    "start",
                    "fill=\"" + TARGET_COLOUR + "\" font-size=\"11\"");
        }
    }

    private void metricLine() {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < seconds.length; i++) {
            if (!Double.isNaN(metric[i])) {
                points.append(fmt(x(seconds[i])))
                        .append(',')
                        .append(fmt(yMetric(metric[i])))
                        .append(' ');
            } else if (points.length() > 0) {
                polyline(points, METRIC_COLOUR, 1.5, "");
                points.setLength(0);
            }
        }
        if (points.length() > 0) {
            polyline(points, METRIC_COLOUR, 1.5, "");
        }
    }

    private void capacityLine() {
        polyline(stepPoints(capacity), CAPACITY_COLOUR, 2, "");
    }

    private void bounds() {
        polyline(stepPoints(minCapacity), BOUND_COLOUR, 1, "3 3");
        polyline(stepPoints(maxCapacity), BOUND_COLOUR, 1, "3 3");
    }

    /** A staircase: each value holds until the next step. */
    private StringBuilder stepPoints(int[] values) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < seconds.length; i++) {
            double y = yCapacity(values[i]);
            if (i > 0 && values[i] != values[i - 1]) {
                points.append(fmt(x(seconds[i])))
                        .append(',')
                        .append(fmt(yCapacity(values[i - 1])))
                        .append(' ');
            }
            if (i == 0 || values[i] != values[i - 1] || i == seconds.length - 1) {
                points.append(fmt(x(seconds[i]))).append(',').append(fmt(y)).append(' ');
            }
        }
        return points;
    }

    private void polyline(CharSequence points, String colour, double width, String dash) {
        if (points.length() == 0) {
            return;
        }
        out.append("<polyline fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"")
                .append(width)
                .append('"');
        if (!dash.isEmpty()) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append(" points=\"").append(points.toString().trim()).append("\"/>\n");
    }

    private void activities() {
        List<ScalingActivity> list = timeline.activities();
        out.append("<g fill=\"#ff7f0e\" stroke=\"#000000\" stroke-width=\"0.5\">\n");
        for (int i = 0; i < list.size(); i++) {
            ScalingActivity a = list.get(i);
            int step = timeline.activityStep(i);
            double x = x(seconds[step]);
            double y = yCapacity(capacity[step]);
            out.append("<circle cx=\"")
                    .append(fmt(x))
                    .append("\" cy=\"")
                    .append(fmt(y))
                    .append("\" r=\"4\"><title>")
                    .append(escape(Instant.ofEpochSecond(seconds[step]) + "\n" + a.description()
                            + (a.cause() == null ? "" : "\nCause: " + a.cause())
                            + (a.statusCode() == null
                                    ? ""
                                    : "\nStatus: " + a.statusCode().value())))
                    .append("</title></circle>\n");
        }
        out.append("</g>\n");
    }

    private void text(double x, double y, String s, String anchor, String attributes) {
        out.append("<text x=\"")
                .append(fmt(x))
                .append("\" y=\"")
                .append(fmt(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append('"');
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>').append(escape(s)).append("</text>\n");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String fmt(double v) {
        return ScalingTimeline.number(Math.round(v * 10) / 10.0);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
