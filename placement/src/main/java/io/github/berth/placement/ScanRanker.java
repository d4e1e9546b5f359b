package io.github.berth.placement;

/**
 * The ranker for any list of strategies: a scan of the pool's instances per task, comparing keys
 * strategy by strategy. Used when {@link HeapRanker} does not apply ({@code random}, or a spread
 * over an attribute after a per-instance strategy).
 */
final class ScanRanker implements Ranker {

    private final int[] pool;
    private final byte[] stage;
    private final StrategyRule[] rules;
    private final int[] rank;

    ScanRanker(int[] pool, byte[] stage, StrategyRule[] rules, int[] rank) {
        this.pool = pool;
        this.stage = stage;
        this.rules = rules;
        this.rank = rank;
    }

    @Override
    public int choose(int task) {
        int best = -1;
        for (int i : pool) {
            if (stage[i] == FilterChain.PASS && (best < 0 || before(i, best, task))) {
                best = i;
            }
        }
        return best;
    }

    private boolean before(int a, int b, int task) {
        for (StrategyRule r : rules) {
            long ka = r.key(a, task);
            long kb = r.key(b, task);
            int c = r.unsigned() ? Long.compareUnsigned(ka, kb) : Long.compare(ka, kb);
            if (c != 0) {
                return c < 0;
            }
        }
        return rank[a] < rank[b];
    }

    @Override
    public void changed(int instance) {
        // Nothing is cached: every choice reads the current keys.
    }
}
