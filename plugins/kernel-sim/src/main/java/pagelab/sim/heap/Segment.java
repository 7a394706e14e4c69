package pagelab.sim.heap;

import pagelab.sim.vm.View;

/**
 * One region of a heap: a sub-heap (reserved, committed from its start in 64 KiB steps, holding a list of
 * adjacent blocks that exactly cover [first block, commitEnd)) or the private region of one large block.
 * Guarded by the machine lock.
 */
final class Segment {
    final View view;
    final int index;
    final boolean large;
    /** Where the first block starts (after the heap or segment header). */
    final long blocksStart;
    long commitEnd;
    Block first;
    Block last;

    Segment(View view, int index, boolean large, long blocksStart, long commitEnd) {
        this.view = view;
        this.index = index;
        this.large = large;
        this.blocksStart = blocksStart;
        this.commitEnd = commitEnd;
    }

    long base() {
        return view.base();
    }

    long end() {
        return view.end();
    }

    long reserved() {
        return view.size();
    }

    long uncommitted() {
        return view.end() - commitEnd;
    }

    /** Puts {@code b} after {@code after} (or first when null) in the block list. */
    void linkAfter(Block after, Block b) {
        b.prev = after;
        b.next = after == null ? first : after.next;
        if (b.next != null) {
            b.next.prev = b;
        } else {
            last = b;
        }
        if (after == null) {
            first = b;
        } else {
            after.next = b;
        }
    }

    void unlink(Block b) {
        if (b.prev != null) {
            b.prev.next = b.next;
        } else {
            first = b.next;
        }
        if (b.next != null) {
            b.next.prev = b.prev;
        } else {
            last = b.prev;
        }
        b.prev = null;
        b.next = null;
    }
}
