package pagelab.sim.heap;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The heap's front end: per block size, a short LIFO list of freed small blocks kept aside for the next request
 * of that size, as the look-aside lists of Windows' heap front end did (the Low Fragmentation Heap took their place
 * in Vista, with the same idea of serving popular small sizes without the back end). A block on a list is free to
 * the program (its header says so, HeapFree of it fails, the inspector counts it as free) but busy to the back
 * end, which neither coalesces it nor hands it out: Raymond Chen's "maybe the look-aside list was keeping those
 * blocks live" (The Old New Thing, 2010-04-29). A HeapAlloc/HeapFree pair of a popular size then costs one header
 * write each instead of a split and a coalesce.
 *
 * <p>A size gets a list only once the heap has seen {@link #ACTIVATION} allocations of it, as Windows turns the LFH
 * on for a size only after a run of requests: a program that makes a handful of blocks sees the back end alone,
 * freed blocks coalescing at once. Each list holds at most {@link #DEPTH} blocks. HeapCompact, and an allocation
 * the back end cannot satisfy, give every listed block back to the back end first. Only growable heaps without
 * HEAP_NO_SERIALIZE have a front end: "The LFH cannot be enabled for heaps created with HEAP_NO_SERIALIZE or for
 * heaps created with a fixed size" (Microsoft Learn, Low-fragmentation Heap). Guarded by the machine lock.
 */
final class Lookaside {
    /** Blocks up to this size (header included) are kept aside. */
    static final long MAX_BLOCK = 1024;
    static final int ACTIVATION = 18;
    static final int DEPTH = 16;

    private final int alignShift;
    /** Per size class (block size / alignment): allocations seen, saturating at {@link #ACTIVATION}. */
    private final int[] seen;
    /** Per size class, its list: {@code lists[c][0 .. depth[c])}, the most recently freed last. */
    private final Block[][] lists;
    private final int[] depth;
    private int cached;
    /** Some size reached {@link #ACTIVATION}; never goes back (the LFH cannot be turned off). */
    private boolean active;

    Lookaside(HeapLayout layout) {
        this.alignShift = layout.alignShift;
        int classes = (int) (MAX_BLOCK >>> alignShift) + 1;
        this.seen = new int[classes];
        this.lists = new Block[classes][DEPTH];
        this.depth = new int[classes];
    }

    private int sizeClass(long size) {
        return (int) (size >>> alignShift);
    }

    /**
     * The kept block the next allocation of a block of {@code size} bytes gets, left on its list until
     * {@link #pop}; null if there is none (then the caller {@link #note}s the request). A size with a non-empty
     * list has had its run of requests already, so peeking counts nothing.
     */
    Block peek(long size) {
        if (size > MAX_BLOCK) {
            return null;
        }
        int c = sizeClass(size);
        return depth[c] == 0 ? null : lists[c][depth[c] - 1];
    }

    /** Takes the block {@link #peek} returned off its list. */
    void pop(long size) {
        int c = sizeClass(size);
        lists[c][--depth[c]] = null;
        cached--;
    }

    /** Counts a request for a block of {@code size} bytes that no list served: the run that turns a list on. */
    void note(long size) {
        if (size > MAX_BLOCK) {
            return;
        }
        int c = sizeClass(size);
        if (seen[c] < ACTIVATION && ++seen[c] == ACTIVATION) {
            active = true;
        }
    }

    /** Keeps a freed block if its size has a list with room; the caller then writes its header as free. */
    boolean offer(Block b) {
        if (!wouldKeep(b)) {
            return false;
        }
        int c = sizeClass(b.size);
        lists[c][depth[c]++] = b;
        cached++;
        b.cached = true;
        b.requested = 0;
        return true;
    }

    /** Whether some size has had its run of requests: the front end is on (HeapQueryInformation reports 2). */
    boolean isActive() {
        return active;
    }

    /** Whether {@link #peek} of a block of {@code size} bytes would return a kept block. */
    boolean wouldServe(long size) {
        return size <= MAX_BLOCK && depth[sizeClass(size)] > 0;
    }

    /** Whether {@link #offer} would keep {@code b}. */
    boolean wouldKeep(Block b) {
        if (b.size > MAX_BLOCK) {
            return false;
        }
        int c = sizeClass(b.size);
        return seen[c] >= ACTIVATION && depth[c] < DEPTH;
    }

    /** How many blocks the lists hold. */
    int count() {
        return cached;
    }

    /** Empties every list, handing each block to {@code backEnd} (which frees it there). */
    void flush(Consumer<Block> backEnd) {
        for (int c = 0; c < depth.length; c++) {
            while (depth[c] > 0) {
                Block b = lists[c][--depth[c]];
                lists[c][depth[c]] = null;
                b.cached = false;
                backEnd.accept(b);
            }
        }
        cached = 0;
    }

    /** Calls {@code action} for every kept block. */
    void forEach(Consumer<Block> action) {
        for (int c = 0; c < depth.length; c++) {
            for (int d = 0; d < depth[c]; d++) {
                action.accept(lists[c][d]);
            }
        }
    }

    void clear() {
        for (Block[] list : lists) {
            Arrays.fill(list, null);
        }
        Arrays.fill(depth, 0);
        cached = 0;
    }
}
