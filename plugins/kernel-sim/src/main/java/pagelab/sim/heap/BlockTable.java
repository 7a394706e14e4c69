package pagelab.sim.heap;

/**
 * The busy blocks of a heap by data address: an open-addressing table with linear probing, so that the
 * HeapAlloc/HeapFree fast path boxes no {@code Long} (a HashMap costed a tenth of a pair). Deletion shifts the
 * following entries back (Knuth's algorithm R), so no tombstones accumulate. Guarded by the machine lock.
 */
final class BlockTable {
    private long[] keys = new long[64];
    private Block[] values = new Block[64];
    private int size;

    int size() {
        return size;
    }

    Block get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return null;
    }

    void put(long key, Block value) {
        if (2 * (size + 1) > keys.length) {
            resize(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] != null && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        values[i] = null;
        size--;
        // Move back every later entry of the run that may no longer be reachable from its home slot.
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean reachable = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!reachable) {
                keys[i] = keys[j];
                values[i] = values[j];
                values[j] = null;
                i = j;
            }
        }
    }

    /** Calls {@code action} for every busy block, in no particular order. */
    void forEach(java.util.function.Consumer<Block> action) {
        for (Block b : values) {
            if (b != null) {
                action.accept(b);
            }
        }
    }

    void clear() {
        keys = new long[64];
        values = new Block[64];
        size = 0;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        Block[] oldValues = values;
        keys = new long[capacity];
        values = new Block[capacity];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L; // data addresses are aligned: mix the low zero bits away
        return (int) (h >>> 32) & mask;
    }
}
