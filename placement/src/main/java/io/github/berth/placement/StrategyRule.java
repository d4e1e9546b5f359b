package io.github.berth.placement;

import io.github.berth.placement.internal.TieBreaker;

/**
 * One placement strategy as a ranking of candidate instances: a key per instance, lower is better.
 * Strategies apply in order, each breaking the ties of the one before ([model] docs/placement.md#several-strategies:
 * a lexicographic order); {@link TieBreaker} breaks what is left.
 */
interface StrategyRule {

    /** What {@link #maxKey} answers when keys use all 64 bits and have no smaller bound. */
    long UNBOUNDED = -1;

    /** The key of {@code instance} for the task of index {@code task} of the request. */
    long key(int instance, int task);

    /**
     * The bound of this rule's keys: no instance of {@code pool} that passes the filters gets a key
     * above it (nor below 0) while {@code tasks} more tasks are placed, or {@link #UNBOUNDED}. Each
     * rule states its own bound (there is no default), and {@link HeapRanker} sizes the rule's field
     * of its packed key from it and checks every key against it.
     */
    long maxKey(int[] pool, int tasks);

    /** Whether keys compare as unsigned values (random keys use all 64 bits). */
    default boolean unsigned() {
        return false;
    }

    /** Whether the key of an instance depends on that instance alone (not on a bucket of instances). */
    boolean perInstance();

    /** Tells the rule a task of the group went to {@code instance}. */
    default void placed(int instance) {}

    /** {@code binpack}: the least remaining CPU or memory first (docs/placement.md#strategies). */
    final class Binpack implements StrategyRule {
        private final int[] remaining;

        Binpack(int[] remaining) {
            this.remaining = remaining;
        }

        @Override
        public long key(int instance, int task) {
            return remaining[instance];
        }

        /** Remaining amounts only fall as tasks are placed; an instance that passes has at least 0 left. */
        @Override
        public long maxKey(int[] pool, int tasks) {
            long max = 0;
            for (int i : pool) {
                max = Math.max(max, remaining[i]);
            }
            return max;
        }

        @Override
        public boolean perInstance() {
            return true;
        }
    }

    /** {@code spread} on {@code instanceId} or {@code host}: the fewest tasks of the group on the instance. */
    final class SpreadInstance implements StrategyRule {
        private final int[] groupCount;

        SpreadInstance(int[] groupCount) {
            this.groupCount = groupCount;
        }

        @Override
        public long key(int instance, int task) {
            return groupCount[instance];
        }

        /** Each task placed adds one to one instance's count. */
        @Override
        public long maxKey(int[] pool, int tasks) {
            long max = 0;
            for (int i : pool) {
                max = Math.max(max, groupCount[i]);
            }
            return max + tasks;
        }

        @Override
        public boolean perInstance() {
            return true;
        }
    }

    /**
     * {@code spread} on {@code attribute:<name>}: the fewest tasks of the group among the instances
     * sharing the instance's value. [model] Instances without the attribute form a bucket of their
     * own (docs/placement.md#strategies); every instance of the snapshot counts, whatever its state.
     */
    final class SpreadAttribute implements StrategyRule {
        final int[] bucketOf;
        final int[] bucketCount;

        SpreadAttribute(int[] bucketOf, int[] bucketCount) {
            this.bucketOf = bucketOf;
            this.bucketCount = bucketCount;
        }

        @Override
        public long key(int instance, int task) {
            return bucketCount[bucketOf[instance]];
        }

        /** Each task placed adds one to one bucket's count. */
        @Override
        public long maxKey(int[] pool, int tasks) {
            long max = 0;
            for (int i : pool) {
                max = Math.max(max, bucketCount[bucketOf[i]]);
            }
            return max + tasks;
        }

        @Override
        public boolean perInstance() {
            return false;
        }

        @Override
        public void placed(int instance) {
            bucketCount[bucketOf[instance]]++;
        }
    }

    /** {@code random}: a fresh draw per task ({@link TieBreaker#randomKey}). */
    final class Random implements StrategyRule {
        private final long seed;

        Random(long seed) {
            this.seed = seed;
        }

        @Override
        public long key(int instance, int task) {
            return TieBreaker.randomKey(seed, task, instance);
        }

        @Override
        public long maxKey(int[] pool, int tasks) {
            return UNBOUNDED;
        }

        @Override
        public boolean unsigned() {
            return true;
        }

        @Override
        public boolean perInstance() {
            return true;
        }
    }
}
