package pagelab.sim.heap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The free blocks of one heap. The free block at the end of each segment (its "top", dlmalloc's wilderness)
 * is kept apart and used only when no other free block fits: the committed tail is preserved for requests
 * nothing else can hold, and the common alloc-then-free pattern splits and re-merges the top without touching
 * the tree. Every other free block is in a tree ordered by size, then address: best fit is one {@code ceiling},
 * and among equal sizes the lowest address wins, which keeps the heap compact.
 *
 * <p>A block must be removed before its size or address changes. Whether a block is a top is decided when it is
 * added (it is the last block of its segment). Guarded by the machine lock.
 */
final class FreeIndex {
    private static final Comparator<Block> ORDER = (x, y) -> x.size != y.size ? Long.compare(x.size, y.size)
            : Long.compare(x.address, y.address);

    private final TreeSet<Block> tree = new TreeSet<>(ORDER);
    /** The free last blocks of segments: at most one per segment, so a short list. */
    private final List<Block> tops = new ArrayList<>(2);
    private final Block probe = new Block(Long.MIN_VALUE, 0, null);

    void add(Block b) {
        if (b.next == null) {
            tops.add(b);
        } else if (!tree.add(b)) {
            throw new IllegalStateException("FreeIndex.add: " + b + " already free");
        }
    }

    void remove(Block b) {
        for (int i = 0; i < tops.size(); i++) {
            if (tops.get(i) == b) {
                tops.remove(i);
                return;
            }
        }
        if (!tree.remove(b)) {
            throw new IllegalStateException("FreeIndex.remove: " + b + " not free");
        }
    }

    /** The smallest free block of at least {@code size} bytes, segment tops last; null if none fits. */
    Block bestFit(long size) {
        if (!tree.isEmpty()) {
            probe.size = size;
            Block b = tree.ceiling(probe);
            if (b != null) {
                return b;
            }
        }
        Block best = null;
        for (Block t : tops) {
            if (t.size >= size && (best == null || t.size < best.size)) {
                best = t;
            }
        }
        return best;
    }

    Block largest() {
        Block big = tree.isEmpty() ? null : tree.last();
        for (Block t : tops) {
            if (big == null || t.size > big.size) {
                big = t;
            }
        }
        return big;
    }

    int count() {
        return tree.size() + tops.size();
    }

    List<Block> all() {
        List<Block> out = new ArrayList<>(tree);
        out.addAll(tops);
        return out;
    }

    void clear() {
        tree.clear();
        tops.clear();
    }
}
