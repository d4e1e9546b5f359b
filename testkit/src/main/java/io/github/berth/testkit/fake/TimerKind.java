package io.github.berth.testkit.fake;

/** What a {@link Timer} does when it fires. */
enum TimerKind {
    /** The task's next lifecycle step (token: the task's step counter). */
    TASK_STEP,
    /** A container exits by its behaviour rule (arg: container index; token: task step counter). */
    CONTAINER_EXIT,
    /** A container's health status changes (arg: container index; token: health counter). */
    CONTAINER_HEALTH,
    /** A stopped task is no longer describable. */
    TASK_EXPIRE,
    /** The service scheduler looks at one service (subject: service name). */
    SERVICE_RECONCILE,
    /** Account-wide work done once a minute: auto scaling, managed scaling. */
    MINUTE_TICK,
    /** A Fargate Spot task's two-minute warning is up: it stops (subject: task id). */
    SPOT_INTERRUPTION,
    /** A fake Auto Scaling group's instance has booted; its agent registers it (subject: group/instance id). */
    ASG_INSTANCE_BOOT,
    /** A container's startTimeout is up: its dependents give up waiting (token: task step counter). */
    CONTAINER_START_TIMEOUT,
    /** Managed scaling's minute: CapacityProviderReservation and the groups' desired capacities (subject ""). */
    MANAGED_SCALING_TICK,
    /** Tasks waiting in PROVISIONING for capacity are placed again if they can be (cluster; subject ""). */
    PROVISIONING_RETRY,
    /** A task that waited in PROVISIONING too long stops (subject: task id; token: the task's step counter). */
    PROVISIONING_TIMEOUT,
    /** A controller-defined callback (subject and arg name it); see {@link Engine#onCustomTimer}. */
    CUSTOM
}
