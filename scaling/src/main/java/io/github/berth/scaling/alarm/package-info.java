/**
 * The CloudWatch side of scaling: metric series, their aggregation into periods, and alarm
 * evaluation exactly as CloudWatch documents it (period, statistic, evaluation periods, datapoints
 * to alarm, comparison, missing-data treatment), including the alarms target tracking creates.
 * Pure functions: every instant is passed in.
 */
package io.github.berth.scaling.alarm;
