package io.github.berth.testkit.fake;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.EcsArns;
import io.github.berth.core.model.Setting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * The fake's state and its timer queue, behind one lock (the engine itself). Operations and
 * controllers share it; {@link FakeEcs} is the facade that takes the lock for each call.
 */
final class Engine {

    final String region;
    final String account;
    final EcsArns arns;
    /** Ids of tasks, instances, containers, deployments. */
    final FakeIds ids;
    /** Every other random draw: behaviour probabilities, faults, placement seeds, event ids. */
    final FakeIds random;

    final long seed;
    final FakeEcs.Settings settings;
    private Instant now;
    private long timerSeq;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    final Map<String, ClusterRec> clusters = new LinkedHashMap<>();
    final TaskDefinitionStore taskDefinitions = new TaskDefinitionStore();
    /** Account settings by principal ("" for the account default), then by name. */
    final Map<String, Map<String, Setting>> accountSettings = new LinkedHashMap<>();

    final EventLog events;
    final Behaviours behaviours;
    final Faults faults;
    final Network network;

    // Controllers.
    final TaskLifecycle lifecycle;
    final Placement placement;
    final Capacity capacity;
    /** Managed scaling of Auto Scaling group providers and the tasks waiting in PROVISIONING for capacity. */
    final ManagedScalingController managedScaling;

    final FakeClock clock;
    /** Listeners of container instance changes (status, agent, deregistration): the service scheduler. */
    final List<InstanceListener> instanceListeners = new ArrayList<>();
    /** State kept by other controllers, written into and read from snapshots under these names. */
    final Map<String, Snapshots.StatePart> stateParts = new LinkedHashMap<>();
    /** Finders of taggable resources the core engine does not know (capacity providers, task sets). */
    final List<TagFinder> tagFinders = new ArrayList<>();

    interface InstanceListener {
        void instanceChanged(InstanceRec instance);
    }

    interface TagFinder {
        TagOps.@Nullable Tagged find(String type, String[] parts);
    }
    /** Listeners of task changes (the service scheduler): called after every task transition. */
    final List<TaskListener> taskListeners = new ArrayList<>();
    /** Fake CloudWatch alarms that deployments watch. */
    final Alarms alarms = new Alarms(this);
    /** Fake ELB target groups by ARN, made when a service first names one. */
    final Map<String, TargetGroupRec> targetGroups = new LinkedHashMap<>();
    /** Services as Application Auto Scaling sees them; set by the service scheduler. */
    // FakeEcs's constructor makes the ServiceScheduler, which sets it, right after the engine; nothing
    // reads it in between.
    @SuppressWarnings("NullAway.Init")
    ScalableServices scalableServices;
    /** Handlers of {@link TimerKind#CUSTOM} and {@link TimerKind#SERVICE_RECONCILE} timers. */
    final Map<TimerKind, TimerHandler> handlers = new LinkedHashMap<>();

    interface TaskListener {
        /** {@code previousLastStatus} is null when the task was just launched. */
        void taskChanged(TaskRec task, @Nullable String previousLastStatus);
    }

    interface TimerHandler {
        void fire(Timer timer);
    }

    Engine(String region, String account, long seed, Instant start, FakeEcs.Settings settings) {
        this.region = region;
        this.account = account;
        this.seed = seed;
        this.settings = settings;
        this.arns = EcsArns.of(region, account);
        this.ids = new FakeIds(seed);
        this.random = new FakeIds(seed ^ 0x5DEECE66DL);
        this.now = start;
        this.events = new EventLog(this);
        this.behaviours = new Behaviours();
        this.faults = new Faults(this);
        this.network = new Network(region, seed);
        this.lifecycle = new TaskLifecycle(this);
        this.placement = new Placement(this);
        this.capacity = new Capacity(this);
        this.managedScaling = new ManagedScalingController(this);
        this.clock = new FakeClock(this);
    }

    Instant now() {
        return now;
    }

    // ------------------------------------------------------------------ timers

    void schedule(Duration after, TimerKind kind, String cluster, String subject, long token, int arg) {
        scheduleAt(now.plus(after), kind, cluster, subject, token, arg);
    }

    void scheduleAt(Instant at, TimerKind kind, String cluster, String subject, long token, int arg) {
        timers.add(new Timer(at.isBefore(now) ? now : at, timerSeq++, kind, cluster, subject, token, arg));
    }

    @Nullable
    Instant nextDue() {
        Timer t = timers.peek();
        return t == null ? null : t.at();
    }

    int pendingTimers() {
        return timers.size();
    }

    List<Timer> timersInOrder() {
        List<Timer> out = new ArrayList<>(timers);
        out.sort(null);
        return out;
    }

    void restoreTimers(List<Timer> restored, long nextSeq) {
        timers.clear();
        timers.addAll(restored);
        timerSeq = nextSeq;
    }

    long timerSeq() {
        return timerSeq;
    }

    void setNow(Instant instant) {
        now = instant;
    }

    /** Runs every timer due up to {@code until}, each at its own instant, then stands at {@code until}. */
    void advanceTo(Instant until) {
        while (!timers.isEmpty() && !timers.peek().at().isAfter(until)) {
            Timer t = timers.poll();
            now = t.at();
            fire(t);
        }
        now = until;
    }

    private void fire(Timer t) {
        switch (t.kind()) {
            case TASK_STEP, CONTAINER_EXIT, CONTAINER_HEALTH, TASK_EXPIRE, CONTAINER_START_TIMEOUT -> lifecycle.fire(t);
            default -> {
                TimerHandler h = handlers.get(t.kind());
                if (h != null) {
                    h.fire(t);
                }
            }
        }
    }

    // ------------------------------------------------------------------ lookups

    /** Runs {@code body} and answers its value; the facade wraps every operation in this. */
    <T> T call(String operation, Supplier<T> body) {
        faults.beforeCall(operation);
        return body.get();
    }

    FakeClock clock() {
        return clock;
    }

    void instanceChanged(InstanceRec instance) {
        for (InstanceListener l : instanceListeners) {
            l.instanceChanged(instance);
        }
    }

    TagOps.@Nullable Tagged extraTagged(String type, String[] parts) {
        for (TagFinder f : tagFinders) {
            TagOps.Tagged t = f.find(type, parts);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    void taskChanged(TaskRec task, @Nullable String previous) {
        for (TaskListener l : taskListeners) {
            l.taskChanged(task, previous);
        }
    }
}
