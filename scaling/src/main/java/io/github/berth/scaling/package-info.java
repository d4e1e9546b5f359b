/**
 * What capacity should be: pure evaluators of CloudWatch-style alarms, target tracking, step
 * scaling, scheduled actions and predictive scaling for ECS services, and of ECS managed scaling
 * for capacity providers; and a simulator that replays policies over a recorded metric.
 */
package io.github.berth.scaling;
