package io.github.berth.scaling.alarm;

/** The state of a CloudWatch alarm. */
public enum AlarmState {
    OK,
    ALARM,
    INSUFFICIENT_DATA
}
