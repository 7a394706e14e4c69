package pagelab.sim.heap;

import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;

import java.util.ArrayList;
import java.util.List;
import pagelab.kernel.inspect.HeapInfo;

/** Builds the read-only pictures of a heap ({@link HeapInfo}, {@link HeapBlockInfo}). Caller holds the machine lock. */
final class HeapCensus {
    private HeapCensus() {
    }

    static HeapInfo info(Heap h) {
        long reserved = 0;
        long committed = 0;
        int largeCount = 0;
        for (Segment s : h.segments()) {
            reserved += s.reserved();
            committed += s.commitEnd - s.base();
        }
        for (Segment s : h.largeRegions()) {
            reserved += s.reserved();
            committed += s.reserved();
            largeCount++;
        }
        long[] busy = {0, 0}; // count, requested bytes; the table also holds the kept blocks, which are free
        h.busyBlocks().forEach(b -> {
            if (!b.cached) {
                busy[0]++;
                busy[1] += b.requested;
            }
        });
        int header = h.layout.header;
        long freeBytes = 0;
        for (Block b : h.freeBlocks().all()) {
            freeBytes += b.size - header;
        }
        Block big = h.freeBlocks().largest();
        long largest = big == null ? 0 : big.size - header;
        // Blocks on the lookaside lists are free to the program: count them as free blocks.
        long[] kept = {0, 0, 0}; // count, usable bytes, largest usable
        h.forEachKept(b -> {
            kept[0]++;
            kept[1] += b.size - header;
            kept[2] = Math.max(kept[2], b.size - header);
        });
        return new HeapInfo(h.handle, h.processHeap, h.growable, (h.flags & HEAP_NO_SERIALIZE) == 0,
                h.segments().size(), largeCount, reserved, committed, (int) busy[0], busy[1],
                h.freeBlocks().count() + (int) kept[0], freeBytes + kept[1], Math.max(largest, kept[2]));
    }

    /** Every block in address order within each region: segments first, then large blocks. */
    static List<HeapBlockInfo> blocks(Heap h) {
        List<Segment> all = new ArrayList<>(h.segments());
        h.largeRegions().forEach(all::add);
        List<HeapBlockInfo> out = new ArrayList<>();
        for (Segment s : all) {
            for (Block b = s.first; b != null; b = b.next) {
                out.add(new HeapBlockInfo(h.dataOf(b), b.size, b.requested, b.busy && !b.cached, s.large));
            }
        }
        return out;
    }
}
