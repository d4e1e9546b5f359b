/**
 * The fake ECS control plane: {@link io.github.berth.testkit.fake.FakeEcs}, its
 * {@link io.github.berth.testkit.fake.FakeClock}, events, behaviour rules and faults.
 *
 * <p>How it is built, for whoever changes it. {@code FakeEcs} is a thin facade: each operation takes
 * the engine's lock, lets {@code Faults} fail the call, and hands the request to the class of its
 * area ({@code ClusterOps}, {@code InstanceOps}, {@code TaskDefinitionOps}, {@code TaskOps},
 * {@code TagOps}, {@code AccountOps}, ...). An operation checks everything first and only then
 * changes state, so a call that fails changes nothing. State is plain records ({@code ClusterRec},
 * {@code InstanceRec}, {@code TaskRec}, {@code ContainerRec}, {@code ServiceRec}): data only, no
 * references to the engine or to lambdas, so the whole state can be written as JSON and read back.
 * What happens later is a {@code Timer} (also data: kind, subject, token) on the engine's queue;
 * {@code FakeClock} runs the timers in time order. Controllers react to timers and to changes:
 * {@code TaskLifecycle} walks a task from PROVISIONING to STOPPED; listeners registered on the
 * {@code Engine} (task and instance changes) let the service scheduler react. {@code Placement}
 * asks {@link io.github.berth.placement.PlacementEngine} where tasks go. Services of the EXTERNAL and
 * CODE_DEPLOY controllers keep their tasks in task sets ({@code TaskSetOps}, {@code
 * TaskSetScheduler}); blue/green, linear and canary deployments walk their lifecycle stages in
 * {@code BlueGreen}. Every change emits an
 * {@link io.github.berth.testkit.fake.EcsEvent} into the {@link io.github.berth.testkit.fake.EventLog}.
 */
package io.github.berth.testkit.fake;
