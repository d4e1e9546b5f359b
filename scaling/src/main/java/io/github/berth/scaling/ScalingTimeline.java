package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.scaling.model.ScalingActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ScalingSimulator} run did: per step the metric, the capacity and the bounds; the
 * scaling activities with the description and cause Application Auto Scaling would give; and the
 * alarm state changes. Printable as CSV ({@link #toCsv()}) and drawable as a self-contained SVG
 * chart ({@link #toSvg()}). Immutable.
 */
public final class ScalingTimeline {

    /** The header of {@link #toCsv()}. */
    public static final String CSV_HEADER = "timestamp,metric,capacity,min_capacity,max_capacity,activity";

    private final String title;
    private final long start;
    private final long stepSeconds;
    private final int size;
    private final double @Nullable [] metric; // per step; null when there is no metric
    private final StepValues capacity;
    private final StepValues minCapacity;
    private final StepValues maxCapacity;
    private final Activities activities;
    private final int[] activityStep;
    private final List<AlarmTransition> alarmTransitions;
    private final List<Threshold> thresholds;

    /**
     * The steps of a run: {@code size} of them, {@code stepSeconds} apart from {@code start} (epoch
     * seconds), each with its metric ({@code metric} null when the run has none), capacity and bounds.
     */
    record Steps(
            long start,
            long stepSeconds,
            int size,
            double @Nullable [] metric,
            StepValues capacity,
            StepValues minCapacity,
            StepValues maxCapacity) {}

    /**
     * What happened in a run: the activities with the index of the step each started in, the alarm
     * state changes, and the TargetValues and thresholds the chart draws.
     */
    record Events(
            Activities activities,
            int[] activityStep,
            List<AlarmTransition> alarmTransitions,
            List<Threshold> thresholds) {}

    ScalingTimeline(String title, Steps steps, Events events) {
        this.title = title;
        this.start = steps.start();
        this.stepSeconds = steps.stepSeconds();
        this.size = steps.size();
        this.metric = steps.metric();
        this.capacity = steps.capacity();
        this.minCapacity = steps.minCapacity();
        this.maxCapacity = steps.maxCapacity();
        this.activities = events.activities();
        this.activityStep = events.activityStep();
        this.alarmTransitions = List.copyOf(events.alarmTransitions());
        this.thresholds = List.copyOf(events.thresholds());
    }

    /** The number of steps. */
    public int size() {
        return size;
    }

    /** The steps, in time order. */
    public List<TimelineStep> steps() {
        return new AbstractList<>() {
            @Override
            public TimelineStep get(int i) {
                return step(i);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Step {@code i}. */
    public TimelineStep step(int i) {
        java.util.Objects.checkIndex(i, size);
        return new TimelineStep(
                Instant.ofEpochSecond(second(i)),
                metric(i),
                capacity.get(i),
                minCapacity.get(i),
                maxCapacity.get(i),
                activityDescriptions(i));
    }

    /** The capacity after step {@code i}. */
    public int capacity(int i) {
        java.util.Objects.checkIndex(i, size);
        return capacity.get(i);
    }

    private long second(int i) {
        return start + i * stepSeconds;
    }

    private double metric(int i) {
        return metric == null ? Double.NaN : metric[i];
    }

    /** The scaling activities, in the order they started. */
    public List<ScalingActivity> activities() {
        return activities.get();
    }

    /** The activities of a run, made into values (with their ids and texts) when first read. */
    static final class Activities {
        private final List<ActivityLedger.Entry> entries;
        private final ActivityLedger ledger;
        private @Nullable List<ScalingActivity> values;

        Activities(List<ActivityLedger.Entry> entries, ActivityLedger ledger) {
            this.entries = List.copyOf(entries);
            this.ledger = ledger;
        }

        int size() {
            return entries.size();
        }

        synchronized List<ScalingActivity> get() {
            if (values == null) {
                List<ScalingActivity> list = new ArrayList<>(entries.size());
                for (ActivityLedger.Entry e : entries) {
                    list.add(ledger.value(e));
                }
                values = List.copyOf(list);
            }
            return values;
        }
    }

    /** The index of the step in which activity {@code i} started. */
    public int activityStep(int i) {
        return activityStep[i];
    }

    /** The alarm state changes, in time order. */
    public List<AlarmTransition> alarmTransitions() {
        return alarmTransitions;
    }

    /** The TargetValues and alarm thresholds drawn on the chart. */
    public List<Threshold> thresholds() {
        return thresholds;
    }

    /** The chart's title: the scalable target. */
    public String title() {
        return title;
    }

    private List<String> activityDescriptions(int step) {
        List<String> out = new ArrayList<>(1);
        int i = firstActivityAtOrAfter(step);
        for (; i < activityStep.length && activityStep[i] == step; i++) {
            out.add(activities().get(i).description());
        }
        return out;
    }

    private int firstActivityAtOrAfter(int step) {
        int lo = 0;
        int hi = activityStep.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (activityStep[mid] < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ------------------------------------------------------------------ CSV

    /**
     * The timeline as CSV: the header {@value #CSV_HEADER}, then one row per step; {@code metric}
     * empty when the step has no datapoint, {@code activity} empty or the descriptions of the
     * activities the step started (joined by {@code "; "}).
     */
    public String toCsv() {
        List<ScalingActivity> activities = activities();
        int[] capacity = this.capacity.toArray(size);
        int[] minCapacity = this.minCapacity.toArray(size);
        int[] maxCapacity = this.maxCapacity.toArray(size);
        StringBuilder sb = new StringBuilder(64 * (size + 1));
        sb.append(CSV_HEADER).append('\n');
        int a = 0;
        for (int i = 0; i < size; i++) {
            sb.append(Instant.ofEpochSecond(second(i))).append(',');
            double m = metric(i);
            if (!Double.isNaN(m)) {
                sb.append(number(m));
            }
            sb.append(',')
                    .append(capacity[i])
                    .append(',')
                    .append(minCapacity[i])
                    .append(',')
                    .append(maxCapacity[i])
                    .append(',');
            StringBuilder activity = new StringBuilder();
            for (; a < activityStep.length && activityStep[a] == i; a++) {
                if (activity.length() > 0) {
                    activity.append("; ");
                }
                activity.append(activities.get(a).description());
            }
            sb.append(csvField(activity.toString())).append('\n');
        }
        return sb.toString();
    }

    static String number(double v) {
        if (Double.isInfinite(v)) {
            // A metric's average overflows to infinity when its samples are near Double.MAX_VALUE.
            return v > 0 ? "Infinity" : "-Infinity";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ------------------------------------------------------------------ SVG

    /**
     * The timeline as a self-contained SVG chart: the metric and the targets (left axis), the
     * capacity with its minimum and maximum (right axis), and a marker per scaling activity whose
     * tooltip gives its description and cause. Opens in any browser.
     */
    public String toSvg() {
        long[] seconds = new long[size];
        double[] metric = new double[size];
        for (int i = 0; i < size; i++) {
            seconds[i] = second(i);
            metric[i] = metric(i);
        }
        return new SvgChart(
                        this,
                        new SvgChart.Points(
                                seconds,
                                metric,
                                capacity.toArray(size),
                                minCapacity.toArray(size),
                                maxCapacity.toArray(size)))
                .render();
    }
}
