package pagelab.sim.heap;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * The free blocks of one heap ordered by size, then address: best fit is one {@code ceiling}, and among equal
 * sizes the lowest address wins, which keeps a heap compact (fewer pages touched). A block must be removed before
 * its size or address changes. Guarded by the machine lock.
 */
final class FreeIndex {
    private static final Comparator<Block> ORDER = (x, y) -> x.size != y.size ? Long.compare(x.size, y.size)
            : Long.compare(x.address, y.address);

    private final TreeSet<Block> blocks = new TreeSet<>(ORDER);
    private final Block probe = new Block(Long.MIN_VALUE, 0, null);

    void add(Block b) {
        if (!blocks.add(b)) {
            throw new IllegalStateException("FreeIndex.add: " + b + " already free");
        }
    }

    void remove(Block b) {
        if (!blocks.remove(b)) {
            throw new IllegalStateException("FreeIndex.remove: " + b + " not free");
        }
    }

    /** The smallest free block of at least {@code size} bytes, or null. */
    Block bestFit(long size) {
        probe.size = size;
        return blocks.ceiling(probe);
    }

    Block largest() {
        return blocks.isEmpty() ? null : blocks.last();
    }

    int count() {
        return blocks.size();
    }

    Iterable<Block> all() {
        return blocks;
    }

    void clear() {
        blocks.clear();
    }
}
