/**
 * When scheduled actions run: the {@code at(...)}, {@code rate(...)} and six-field AWS
 * {@code cron(...)} expressions of Application Auto Scaling, parsed exactly and evaluated in an IANA
 * time zone, with next-fire times that stay exact across daylight-saving changes. Pure functions of
 * the instants passed in; no clock.
 */
package io.github.berth.scaling.schedule;
