package io.github.berth.scaling;

import io.github.berth.core.Nullable;
import io.github.berth.core.arn.Ids;
import io.github.berth.scaling.model.ScalableDimension;
import io.github.berth.scaling.model.ScalingActivity;
import io.github.berth.scaling.model.ServiceNamespace;
import java.util.ArrayDeque;

/**
 * The ids of one scalable target's activities and alarm names, drawn from one seeded {@link Ids}
 * in the order things happened, whenever they are read. An activity is recorded as a draft; its
 * {@link ScalingActivity} value (id and texts) is made when it, or a later one, is first read, or
 * before the next alarm name is drawn, so the ids do not depend on when a caller reads them, and a
 * run that never reads its activities spends no time formatting them.
 */
final class ActivityLedger {

    /** One activity: its draft, and its value once made. */
    static final class Entry {
        final ActivityDraft draft;
        private @Nullable ScalingActivity value;

        Entry(ActivityDraft draft) {
            this.draft = draft;
        }
    }

    private final Ids ids;
    private final @Nullable ServiceNamespace namespace;
    private final String resourceId;
    private final @Nullable ScalableDimension dimension;
    private final ArrayDeque<Entry> pending = new ArrayDeque<>();

    ActivityLedger(
            long seed, @Nullable ServiceNamespace namespace, String resourceId, @Nullable ScalableDimension dimension) {
        this.ids = new Ids(seed);
        this.namespace = namespace;
        this.resourceId = resourceId;
        this.dimension = dimension;
    }

    synchronized Entry add(ActivityDraft draft) {
        Entry e = new Entry(draft);
        pending.add(e);
        return e;
    }

    /** The value of an activity; the ones recorded before it are made first, in order. */
    synchronized ScalingActivity value(Entry e) {
        while (e.value == null) {
            Entry next = pending.poll();
            next.value = next.draft.toActivity(ids, namespace, resourceId, dimension);
        }
        return e.value;
    }

    /** A new UUID for an alarm name, drawn after the ids of every activity recorded so far. */
    synchronized String uuid() {
        while (!pending.isEmpty()) {
            value(pending.peekLast());
        }
        return ids.uuid();
    }
}
