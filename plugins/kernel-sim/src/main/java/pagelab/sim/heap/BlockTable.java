package pagelab.sim.heap;

import java.util.function.Consumer;

/**
 * The busy blocks of a heap by header address ({@link Block#address}): an open-addressing table with linear
 * probing over the blocks themselves, keyed by a primitive {@code long}. Deletion shifts the following entries back
 * (Knuth's algorithm R), so no tombstones accumulate. A block's address must not change while it is in the table.
 * Guarded by the machine lock.
 */
final class BlockTable {
    private Block[] slots = new Block[64];
    private int size;

    int size() {
        return size;
    }

    /** The block at {@code address}, or null. */
    Block get(long address) {
        int mask = slots.length - 1;
        Block b;
        for (int i = slot(address, mask); (b = slots[i]) != null; i = (i + 1) & mask) {
            if (b.address == address) {
                return b;
            }
        }
        return null;
    }

    /** Adds {@code b}, or replaces the block at the same address. */
    void put(Block b) {
        if (2 * (size + 1) > slots.length) {
            resize(slots.length * 2);
        }
        int mask = slots.length - 1;
        int i = slot(b.address, mask);
        while (slots[i] != null) {
            if (slots[i].address == b.address) {
                slots[i] = b;
                return;
            }
            i = (i + 1) & mask;
        }
        slots[i] = b;
        size++;
    }

    void remove(long address) {
        int mask = slots.length - 1;
        int i = slot(address, mask);
        while (slots[i] != null && slots[i].address != address) {
            i = (i + 1) & mask;
        }
        if (slots[i] == null) {
            return;
        }
        slots[i] = null;
        size--;
        // Move back every later entry of the run that may no longer be reachable from its home slot.
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int home = slot(slots[j].address, mask);
            boolean reachable = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!reachable) {
                slots[i] = slots[j];
                slots[j] = null;
                i = j;
            }
        }
    }

    /** Calls {@code action} for every busy block, in no particular order. */
    void forEach(Consumer<Block> action) {
        for (Block b : slots) {
            if (b != null) {
                action.accept(b);
            }
        }
    }

    void clear() {
        slots = new Block[64];
        size = 0;
    }

    private void resize(int capacity) {
        Block[] old = slots;
        slots = new Block[capacity];
        size = 0;
        for (Block b : old) {
            if (b != null) {
                put(b);
            }
        }
    }

    private static int slot(long address, int mask) {
        long h = address * 0x9E3779B97F4A7C15L; // block addresses are aligned: mix the low zero bits away
        return (int) (h >>> 32) & mask;
    }
}
