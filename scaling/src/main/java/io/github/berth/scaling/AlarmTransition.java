package io.github.berth.scaling;

import io.github.berth.scaling.alarm.AlarmState;
import java.time.Instant;

/** An alarm changing state during a simulation. Alarms start in INSUFFICIENT_DATA, as in CloudWatch. */
public record AlarmTransition(Instant timestamp, String alarmName, AlarmState from, AlarmState to) {}
