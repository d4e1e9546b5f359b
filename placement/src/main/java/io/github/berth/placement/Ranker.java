package io.github.berth.placement;

import io.github.berth.placement.internal.TieBreaker;

/**
 * Picks the instance for the next task among the candidates of one pool: the lowest in the
 * lexicographic order of the strategies' keys, then of the request's random order
 * ({@link TieBreaker#order}).
 */
interface Ranker {

    /** The chosen instance for the task of index {@code task}, or -1 when no candidate passes every check. */
    int choose(int task);

    /** Tells the ranker the state of {@code instance} changed (a task went there). */
    void changed(int instance);
}
