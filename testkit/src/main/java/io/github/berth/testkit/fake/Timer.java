package io.github.berth.testkit.fake;

import java.time.Instant;

/**
 * Something the fake will do at an instant: plain data (what, to whom), so that the whole queue
 * can be written into a snapshot and read back. A timer whose subject has moved on (its {@code
 * token} no longer matches) does nothing when it fires.
 *
 * @param at when it falls due
 * @param seq the order it was set in, which breaks ties between timers due at the same instant
 * @param kind what happens
 * @param cluster the cluster name, or "" for account-wide timers
 * @param subject the task id, container instance id, service name... that the kind acts on
 * @param token the subject's version when the timer was set (see {@link TimerKind})
 * @param arg a small argument (a container index...), kind-specific
 */
record Timer(Instant at, long seq, TimerKind kind, String cluster, String subject, long token, int arg)
        implements Comparable<Timer> {

    @Override
    public int compareTo(Timer o) {
        int c = at.compareTo(o.at);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
