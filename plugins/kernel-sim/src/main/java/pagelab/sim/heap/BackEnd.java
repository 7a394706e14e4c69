package pagelab.sim.heap;

import static pagelab.sim.vm.AddressSpace.PAGE_SIZE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pagelab.sim.vm.View;

/**
 * A heap's back end, as Windows' heap calls the part under its front end: segments committed from their start in
 * 64 KiB steps and covered by adjacent blocks, a growable heap's further segments (each twice the size of the last),
 * and blocks too large for a segment in a VirtualAlloc region of their own. Free blocks are coalesced with their
 * neighbours as soon as they are freed and found again by best fit ({@link FreeIndex}). Every block header it
 * changes is written at once. The caller holds the machine lock.
 */
final class BackEnd {
    private final HeapLayout layout;
    private final BlockHeaders headers;
    private final HeapRegions regions;
    private final long handle;
    private final int flags;
    private final boolean growable;
    /** "default" or "private", for the memory map's description of each region. */
    private final String kind;
    private final FreeIndex free = new FreeIndex();
    private final List<Segment> segments = new ArrayList<>();
    private final Set<Segment> large = new LinkedHashSet<>();

    /** Formats the first segment in a fresh region whose first {@code commitEnd - base} bytes are committed. */
    BackEnd(HeapLayout layout, BlockHeaders headers, HeapRegions regions, View first, long commitEnd, int flags,
            boolean growable, boolean processHeap) {
        this.layout = layout;
        this.headers = headers;
        this.regions = regions;
        this.handle = first.base();
        this.flags = flags;
        this.growable = growable;
        this.kind = processHeap ? "default" : "private";
        addSegment(first, layout.heapHeader, commitEnd);
    }

    // ---------------------------------------------------------------- allocating

    /** Best fit, growing the heap if nothing fits; the block comes back busy, split to {@code need}, or null. */
    Block take(long need) {
        Block b = free.bestFit(need);
        if (b == null) {
            b = grow(need);
            if (b == null) {
                return null;
            }
        }
        free.remove(b);
        b.busy = true;
        splitOff(b, need);
        return b;
    }

    /** Cuts a busy block down to {@code need} bytes; a remainder big enough to be a block becomes free. */
    private void splitOff(Block b, long need) {
        long rest = b.size - need;
        if (rest < layout.minBlock) {
            return;
        }
        b.size = need;
        Block r = new Block(b.address + need, rest, b.segment);
        b.segment.linkAfter(b, r);
        free(r);
    }

    /** Marks a block free, merges it with free neighbours, writes the merged header and indexes it. */
    void free(Block b) {
        b.busy = false;
        b.requested = 0;
        Segment s = b.segment;
        if (b.prev != null && !b.prev.busy) {
            Block p = b.prev;
            free.remove(p);
            p.size += b.size;
            s.unlink(b);
            b = p;
        }
        if (b.next != null && !b.next.busy) {
            Block n = b.next;
            free.remove(n);
            b.size += n.size;
            s.unlink(n);
        }
        free.add(b);
        headers.write(b);
    }

    /** A block in its own region, as Windows does for blocks above the virtual-allocation threshold; null if none. */
    Block allocLarge(long bytes) {
        long size = HeapLayout.alignUp(layout.largeHeader + bytes, PAGE_SIZE);
        if (!growable || size <= 0) {
            return null; // a fixed-size heap cannot hold a block this big
        }
        View v = regions.reserve(size, size);
        if (v == null) {
            return null;
        }
        v.setDetail(detail(", large block"));
        long address = v.base() + layout.largeHeader - layout.header;
        Segment s = new Segment(v, -1, true, address, v.end());
        Block b = new Block(address, v.end() - address, s);
        s.linkAfter(null, b);
        b.busy = true;
        b.requested = bytes;
        large.add(s);
        headers.write(b);
        return b;
    }

    /** Gives a large block's region back. */
    void freeLarge(Block b) {
        large.remove(b.segment);
        regions.release(b.segment.view);
    }

    // ---------------------------------------------------------------- growing

    /** Makes a free block of at least {@code need} bytes by committing more of a segment or adding one. */
    private Block grow(long need) {
        for (Segment s : segments) {
            long tail = s.last != null && !s.last.busy ? s.last.size : 0;
            if (need - tail <= s.uncommitted() && growTail(s, need - tail)) {
                return s.last;
            }
        }
        return growable ? newSegment(need) : null;
    }

    /** Commits at least {@code extra} more bytes at a segment's end (64 KiB steps); they join its last block. */
    private boolean growTail(Segment s, long extra) {
        long bytes = Math.min(HeapLayout.alignUp(Math.max(extra, 1), HeapLayout.COMMIT_STEP), s.uncommitted());
        long start = s.commitEnd;
        if (bytes < extra || !regions.commit(s.view, start, bytes)) {
            return false;
        }
        s.commitEnd = start + bytes;
        Block b = new Block(start, bytes, s);
        s.linkAfter(s.last, b);
        free(b);
        return true;
    }

    private Block newSegment(long need) {
        long biggest = 0;
        for (Segment s : segments) {
            biggest = Math.max(biggest, s.reserved());
        }
        // Windows doubles the size of each new segment, so that a growing heap needs few of them.
        long used = layout.segmentHeader + need;
        long reserve = Math.max(Math.min(2 * biggest, HeapLayout.MAX_SEGMENT_RESERVE),
                HeapLayout.alignUp(used, HeapLayout.COMMIT_STEP));
        long commit = Math.min(HeapLayout.alignUp(used, HeapLayout.COMMIT_STEP), reserve);
        View v = regions.reserve(reserve, commit);
        if (v == null) {
            return null;
        }
        return addSegment(v, layout.segmentHeader, v.base() + commit).first;
    }

    private Segment addSegment(View v, long headerBytes, long commitEnd) {
        Segment s = new Segment(v, segments.size(), false, v.base() + headerBytes, commitEnd);
        segments.add(s);
        v.setDetail(detail(s.index == 0 ? "" : ", segment " + (s.index + 1)));
        headers.writeSegmentHeader(s, handle, flags);
        Block b = new Block(s.blocksStart, commitEnd - s.blocksStart, s);
        s.linkAfter(null, b);
        free(b);
        return s;
    }

    private String detail(String suffix) {
        return String.format("Heap %#010x (%s%s)", handle, kind, suffix);
    }

    // ---------------------------------------------------------------- HeapReAlloc in place

    /** Resizes a busy segment block where it is: shrink, or grow into a free (or committable) next block. */
    boolean resize(Block b, long need) {
        if (need > layout.maxBlock) {
            return false;
        }
        if (need > b.size) {
            Segment s = b.segment;
            Block n = b.next;
            long room = b.size + (n != null && !n.busy ? n.size : 0);
            boolean atTail = n == null || !n.busy && n == s.last;
            if (room < need && !(atTail && need - room <= s.uncommitted() && growTail(s, need - room))) {
                return false;
            }
            n = b.next;
            free.remove(n);
            b.size += n.size;
            s.unlink(n);
        }
        splitOff(b, need);
        return true;
    }

    // ---------------------------------------------------------------- HeapValidate, HeapCompact, HeapDestroy

    /** Checks every segment header and every block header against the records. */
    boolean validate() {
        for (Segment s : segments) {
            if (!headers.segmentHeaderMatches(s, handle, flags)) {
                return false;
            }
            long expected = s.blocksStart;
            for (Block b = s.first; b != null; b = b.next) {
                if (b.address != expected || !headers.matches(b)) {
                    return false;
                }
                expected = b.end();
            }
            if (expected != s.commitEnd) {
                throw new IllegalStateException("BackEnd.validate: blocks of segment " + s.index + " end at "
                        + Long.toHexString(expected) + ", commit at " + Long.toHexString(s.commitEnd));
            }
        }
        for (Segment s : large) {
            if (!headers.matches(s.first)) {
                return false;
            }
        }
        return true;
    }

    /** Decommits the whole free pages at the end of each segment; returns the largest free block's usable size. */
    long compact() {
        for (Segment s : segments) {
            Block t = s.last;
            long keep = t == null || t.busy ? s.commitEnd : HeapLayout.alignUp(t.address + layout.minBlock, PAGE_SIZE);
            if (keep < s.commitEnd) {
                regions.decommit(s.view, keep, s.commitEnd - keep);
                free.remove(t);
                t.size -= s.commitEnd - keep;
                s.commitEnd = keep;
                free.add(t);
            }
        }
        Block big = free.largest();
        return big == null ? 0 : big.size - layout.header;
    }

    /** Releases every region: segments and large blocks. */
    void destroy() {
        for (Segment s : large) {
            regions.release(s.view);
        }
        for (Segment s : segments) {
            regions.release(s.view);
        }
        large.clear();
        segments.clear();
        free.clear();
    }

    // ---------------------------------------------------------------- read-only access for the census and HeapWalk

    List<Segment> segments() {
        return segments;
    }

    Iterable<Segment> largeRegions() {
        return large;
    }

    FreeIndex freeBlocks() {
        return free;
    }
}
