package io.github.berth.scaling;

/**
 * A horizontal line of the chart: a target tracking policy's TargetValue or a step policy's alarm
 * threshold.
 */
public record Threshold(String label, double value) {}
