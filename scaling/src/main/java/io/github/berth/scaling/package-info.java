/**
 * What capacity should be: pure evaluators of CloudWatch-style alarms, target tracking, step
 * scaling, scheduled actions and predictive scaling for ECS services, and of ECS managed scaling
 * for capacity providers; and a simulator that replays policies over a recorded metric.
 *
 * <p>{@link io.github.berth.scaling.ScalableTargetEvaluator} is Application Auto Scaling for one
 * scalable target, stepped on the caller's clock: policies, alarms and scheduled actions are put
 * and deleted between steps, and each step is given the instant, the service's desired and running
 * counts, whether a deployment is in progress, and a datapoint per metric the alarms read (a
 * {@link io.github.berth.scaling.MetricKey}). It keeps only the alarms' evaluation ranges, so a
 * fake control plane can run it every minute for as long as it likes:
 *
 * <pre>{@code
 * ScalableTargetEvaluator aas = ScalableTargetEvaluator.builder().target(registerScalableTargetRequest).seed(7).build();
 * aas.putScalingPolicy(cpuTargetTrackingPolicy);
 * StepResult r = aas.step(StepInput.at(now).desiredCount(4).runningCount(4)
 *     .datapoint(MetricKey.ECS_CPU, 90.0));
 * r.desiredCount().ifPresent(service::setDesiredCount);   // after three such minutes: 8
 * r.activities();                                          // ScalingActivity, with AAS's texts
 * }</pre>
 *
 * {@link io.github.berth.scaling.ScalingSimulator} is a loop over the same evaluator, reading a
 * recorded series (or a function of capacity) and returning the whole timeline.
 */
package io.github.berth.scaling;
