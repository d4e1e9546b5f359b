package io.github.berth.placement;

import io.github.berth.core.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast ranker, for strategies of the form {@code spread(attribute)*} then
 * {@code (spread(instanceId) | binpack(cpu) | binpack(memory))*}, which is every documented
 * composition (docs/placement.md#several-strategies): instances are grouped in cells by their attribute values; a cell's
 * key is its buckets' task counts, the same for all of its instances; inside a cell, a min-heap
 * orders instances by their per-instance keys and random rank packed into one {@code long}. A
 * choice compares the cells' keys and heap tops; a placement moves one instance in one heap.
 * Results are identical to {@link ScanRanker}'s.
 */
final class HeapRanker implements Ranker {

    private final byte[] stage;
    private final StrategyRule.SpreadAttribute[] cellRules;
    private final StrategyRule[] instanceRules;
    private final int[] shift;
    /** Per instance rule: the bound its key was sized for ({@link StrategyRule#maxKey}). */
    private final long[] maxKey;

    private final int[] rank;
    /** Per cell: the bucket of each cell rule. */
    private final int[][] cellBuckets;

    private final int[] cellOf;
    private final Heap[] heaps;

    /**
     * How the strategies map onto cells and one packed {@code long}: the leading attribute spreads
     * make the cells; each following rule owns a field of the key, the first the highest, wide
     * enough for its declared bound; the rank of the request's random order takes the low bits.
     */
    record KeyLayout(
            StrategyRule.SpreadAttribute[] cellRules, StrategyRule[] instanceRules, int[] shift, long[] maxKey) {}

    private HeapRanker(int[] pool, byte[] stage, int[] rank, int n, KeyLayout layout) {
        this.stage = stage;
        this.cellRules = layout.cellRules();
        this.instanceRules = layout.instanceRules();
        this.shift = layout.shift();
        this.maxKey = layout.maxKey();
        this.rank = rank;
        this.cellOf = new int[n];
        Arrays.fill(cellOf, -1);
        // Cells: one per combination of the cell rules' buckets met in the pool, numbered in order.
        int[] cell = new int[n];
        int cellCount = 1;
        for (StrategyRule.SpreadAttribute r : cellRules) {
            Map<Long, Integer> renumber = new HashMap<>();
            for (int i : pool) {
                long pair = (long) cell[i] << 32 | r.bucketOf[i];
                Integer id = renumber.get(pair);
                if (id == null) {
                    id = renumber.size();
                    renumber.put(pair, id);
                }
                cell[i] = id;
            }
            cellCount = renumber.size();
        }
        int[][] bucketsOfCell = new int[cellCount][];
        int[] sizes = new int[cellCount];
        for (int i : pool) {
            int c = cell[i];
            cellOf[i] = c;
            sizes[c]++;
            if (bucketsOfCell[c] == null) {
                int[] b = new int[cellRules.length];
                for (int r = 0; r < cellRules.length; r++) {
                    b[r] = cellRules[r].bucketOf[i];
                }
                bucketsOfCell[c] = b;
            }
        }
        this.cellBuckets = bucketsOfCell;
        this.heaps = new Heap[cellBuckets.length];
        int[] position = new int[n];
        Arrays.fill(position, -1);
        long[] keys = new long[n];
        for (int c = 0; c < heaps.length; c++) {
            heaps[c] = new Heap(sizes[c], position, keys);
        }
        for (int i : pool) {
            if (stage[i] == FilterChain.PASS) {
                heaps[cellOf[i]].insert(i, key(i));
            }
        }
    }

    /**
     * A heap ranker for these strategies over {@code pool} while {@code tasks} tasks are placed, or
     * null when they are not of the supported form or their declared key bounds do not fit in 63 bits.
     */
    static @Nullable HeapRanker tryCreate(
            int[] pool, byte[] stage, StrategyRule[] rules, int[] rank, int n, int tasks) {
        KeyLayout layout = layout(rules, pool, tasks, bits(Math.max(0, n - 1)));
        return layout == null ? null : new HeapRanker(pool, stage, rank, n, layout);
    }

    /** The layout of the packed key, or null when the rules do not fit one. */
    static @Nullable KeyLayout layout(StrategyRule[] rules, int[] pool, int tasks, int rankBits) {
        int k = 0;
        List<StrategyRule.SpreadAttribute> cell = new ArrayList<>();
        while (k < rules.length && rules[k] instanceof StrategyRule.SpreadAttribute s) {
            cell.add(s);
            k++;
        }
        int total = rankBits;
        StrategyRule[] per = Arrays.copyOfRange(rules, k, rules.length);
        int[] shift = new int[per.length];
        int[] widths = new int[per.length];
        long[] maxKeys = new long[per.length];
        for (int j = 0; j < per.length; j++) {
            if (!per[j].perInstance() || per[j].unsigned()) {
                return null;
            }
            maxKeys[j] = per[j].maxKey(pool, tasks);
            if (maxKeys[j] < 0) {
                return null; // UNBOUNDED
            }
            widths[j] = bits(maxKeys[j]);
            total += widths[j];
        }
        if (total > 63) {
            return null;
        }
        int at = rankBits;
        for (int j = per.length - 1; j >= 0; j--) {
            shift[j] = at;
            at += widths[j];
        }
        return new KeyLayout(cell.toArray(new StrategyRule.SpreadAttribute[0]), per, shift, maxKeys);
    }

    private static int bits(long max) {
        return 64 - Long.numberOfLeadingZeros(max);
    }

    /**
     * The packed key of an instance that passes the filters.
     *
     * @throws IllegalStateException if a rule gives a key outside the bound it declared: its field
     *     would spill into the next one and order instances wrong without a sign
     */
    private long key(int i) {
        long key = rank[i];
        for (int j = 0; j < instanceRules.length; j++) {
            long k = instanceRules[j].key(i, 0);
            if (k < 0 || k > maxKey[j]) {
                throw keyOutOfBound(j, i, k);
            }
            key |= k << shift[j];
        }
        return key;
    }

    private IllegalStateException keyOutOfBound(int rule, int instance, long key) {
        return new IllegalStateException(
                "strategy " + instanceRules[rule].getClass().getSimpleName() + " gave instance "
                        + instance + " the key " + key + ", outside the bound 0.." + maxKey[rule]
                        + " its field of the packed heap"
                        + " key was sized for");
    }

    @Override
    public int choose(int task) {
        int bestCell = -1;
        for (int c = 0; c < heaps.length; c++) {
            if (heaps[c].size == 0) {
                continue;
            }
            if (bestCell < 0 || cellBefore(c, bestCell)) {
                bestCell = c;
            }
        }
        return bestCell < 0 ? -1 : heaps[bestCell].top();
    }

    private boolean cellBefore(int a, int b) {
        int[] ba = cellBuckets[a];
        int[] bb = cellBuckets[b];
        for (int r = 0; r < cellRules.length; r++) {
            int ca = cellRules[r].bucketCount[ba[r]];
            int cb = cellRules[r].bucketCount[bb[r]];
            if (ca != cb) {
                return ca < cb;
            }
        }
        return heaps[a].topKey() < heaps[b].topKey();
    }

    @Override
    public void changed(int i) {
        int c = cellOf[i];
        if (c < 0) {
            return; // not of this pool
        }
        Heap h = heaps[c];
        if (stage[i] == FilterChain.PASS) {
            h.upsert(i, key(i));
        } else {
            h.remove(i);
        }
    }

    /** An indexed binary min-heap of instances by long key; positions and keys are shared arrays by instance. */
    private static final class Heap {
        private final int[] items;
        private final int[] position;
        private final long[] keys;
        int size;

        Heap(int capacity, int[] position, long[] keys) {
            this.items = new int[Math.max(1, capacity)];
            this.position = position;
            this.keys = keys;
        }

        int top() {
            return items[0];
        }

        long topKey() {
            return keys[items[0]];
        }

        void insert(int i, long key) {
            keys[i] = key;
            items[size] = i;
            position[i] = size;
            size++;
            up(size - 1);
        }

        void upsert(int i, long key) {
            int p = position[i];
            if (p < 0) {
                insert(i, key);
                return;
            }
            long old = keys[i];
            keys[i] = key;
            if (key < old) {
                up(p);
            } else if (key > old) {
                down(p);
            }
        }

        void remove(int i) {
            int p = position[i];
            if (p < 0) {
                return;
            }
            size--;
            position[i] = -1;
            if (p == size) {
                return;
            }
            int last = items[size];
            items[p] = last;
            position[last] = p;
            up(p);
            down(position[last]);
        }

        private void up(int p) {
            int item = items[p];
            long key = keys[item];
            while (p > 0) {
                int parent = (p - 1) >>> 1;
                int pi = items[parent];
                if (keys[pi] <= key) {
                    break;
                }
                items[p] = pi;
                position[pi] = p;
                p = parent;
            }
            items[p] = item;
            position[item] = p;
        }

        private void down(int p) {
            int item = items[p];
            long key = keys[item];
            int half = size >>> 1;
            while (p < half) {
                int child = 2 * p + 1;
                int right = child + 1;
                if (right < size && keys[items[right]] < keys[items[child]]) {
                    child = right;
                }
                int ci = items[child];
                if (key <= keys[ci]) {
                    break;
                }
                items[p] = ci;
                position[ci] = p;
                p = child;
            }
            items[p] = item;
            position[item] = p;
        }
    }
}
