package pagelab.sim.heap;

import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.HEAP_REALLOC_IN_PLACE_ONLY;
import static pagelab.kernel.WinNT.HEAP_ZERO_MEMORY;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pagelab.kernel.LongByReference;
import pagelab.sim.status.NtStatus;
import pagelab.sim.vm.View;

/**
 * One heap (HeapCreate or the process's default heap), living in simulated memory as Wine's and Windows' do:
 * a first segment that starts with the heap header, further segments for a growable heap, each committed in
 * 64 KiB steps from its start and covered by adjacent blocks with headers in memory, and blocks too large for a
 * segment in their own VirtualAlloc region. Free blocks are coalesced with their neighbours as soon as they are
 * freed and found again by best fit, except small blocks of popular sizes, which a growable, serialised heap's
 * front end ({@link Lookaside}) keeps aside for the next request of their size.
 *
 * <p>The heap keeps its own records of every block ({@link Block}); headers in memory are written from them and
 * checked against them, so an overrun that damages a header makes HeapValidate, HeapFree, HeapSize and
 * HeapReAlloc fail as on Windows without ever corrupting the simulator. The caller holds the machine lock.
 */
final class Heap {
    final long handle;
    /** The creation options (HEAP_NO_SERIALIZE, HEAP_GENERATE_EXCEPTIONS, HEAP_CREATE_ENABLE_EXECUTE). */
    final int flags;
    final boolean growable;
    final boolean processHeap;
    final HeapLayout layout;
    /** {@code layout.header}, held here: the fast paths use it on every call, one load sooner. */
    private final int header;
    private final HeapMemory memory;
    private final HeapRegions regions;
    private final BlockHeaders headers;
    private final FreeIndex free = new FreeIndex();
    /**
     * Every block busy to the back end by data address: the program's busy blocks and the blocks kept on the
     * lookaside lists (flagged {@link Block#cached}), which stay here so that a pair of HeapAlloc and HeapFree served
     * by the front end costs one table lookup instead of a lookup, a removal and an insertion.
     */
    private final BlockTable busy = new BlockTable();
    /**
     * {@code busy.slots()}, held here so that HeapFree finds its block one dependent load sooner: a pair of HeapAlloc
     * and HeapFree is bound by such chains (docs/benchmarks.md). Taken again by {@link #busyPut} and on destroy.
     */
    private Block[] busySlots = busy.slots();
    /** The front end, or null for a heap that has none (fixed size, or HEAP_NO_SERIALIZE). */
    private final Lookaside lookaside;
    private final List<Segment> segments = new ArrayList<>();
    private final Set<Segment> large = new LinkedHashSet<>();
    private boolean destroyed;
    /** HeapSetInformation asked for the low-fragmentation heap (reported at once, in effect after the usual run). */
    private boolean lfhRequested;
    /** The thread holding HeapLock, or null; written under the machine lock, read by waiting threads outside it. */
    private volatile Thread lockOwner;
    private int lockCount;
    /** Threads waiting for HeapUnlock sleep on this monitor. */
    private final Object unlocked = new Object();
    /** Counts the calls that changed the heap's blocks, so that a HeapWalk can reuse its list of entries. */
    private long changes;
    /** The entries of the last HeapWalk call, valid while {@link #changes} has not moved. */
    HeapWalker.Snapshot walkSnapshot;

    /** Formats a heap in a fresh region whose first {@code commitEnd - base} bytes are committed. */
    Heap(HeapLayout layout, HeapMemory memory, HeapRegions regions, View first, long commitEnd, int flags,
         boolean growable, boolean processHeap) {
        this.handle = first.base();
        this.flags = flags;
        this.growable = growable;
        this.processHeap = processHeap;
        this.layout = layout;
        this.memory = memory;
        this.regions = regions;
        this.header = layout.header;
        this.headers = new BlockHeaders(layout, memory, handle * 0x9E3779B97F4A7C15L);
        this.lookaside = growable && (flags & HEAP_NO_SERIALIZE) == 0 ? new Lookaside(layout) : null;
        addSegment(first, layout.heapHeader, commitEnd);
    }

    long changes() {
        return changes;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    /** The program's busy block whose data starts at {@code data}, or null (never allocated, freed, or kept aside). */
    Block busyBlock(long data) {
        Block b = BlockTable.find(busySlots, data - header);
        return b == null || b.cached ? null : b;
    }

    long dataOf(Block b) {
        return b.address + header;
    }

    // ---------------------------------------------------------------- HeapAlloc

    /**
     * HeapAlloc's common case, for {@link SimHeaps}' fast path: a block the front end keeps for this size, without
     * HEAP_ZERO_MEMORY. Returns its data address, or 0 when the call needs {@link #alloc} (then nothing changed).
     * Answering with the address instead of through an out-parameter takes a store and its reload off the path
     * from this call to the next one that uses the block.
     */
    long allocKept(int callFlags, long bytes) {
        if (lookaside == null || (callFlags & HEAP_ZERO_MEMORY) != 0 || bytes < 0 || bytes > Lookaside.MAX_BLOCK) {
            return 0;
        }
        Block b = takeKept(layout.smallBlockSize(bytes), bytes);
        if (b == null) {
            return 0;
        }
        changes++;
        return dataOf(b);
    }

    NtStatus alloc(int callFlags, long bytes, LongByReference out) {
        changes++;
        long need = layout.blockSize(bytes);
        if (need < 0) {
            return NtStatus.NO_MEMORY;
        }
        Block b;
        if (need > layout.maxBlock) {
            // Windows: a fixed-size heap cannot hold a block this big; a growable one VirtualAllocs it.
            b = growable ? allocLarge(bytes) : null;
            if (b != null) {
                busyPut(b);
            }
        } else {
            b = lookaside == null ? null : takeKept(need, bytes); // a kept block is in the busy table already
            if (b == null) {
                if (lookaside != null) {
                    lookaside.note(need);
                }
                b = takeFree(need);
                if (b != null) {
                    b.requested = bytes;
                    headers.write(b);
                    busyPut(b);
                }
            }
        }
        if (b == null) {
            return NtStatus.NO_MEMORY;
        }
        if ((callFlags & HEAP_ZERO_MEMORY) != 0 && !b.segment.large) {
            memory.fill(b.segment.view, dataOf(b), bytes, (byte) 0); // a fresh large region reads as zero already
        }
        out.setValue(dataOf(b));
        return NtStatus.SUCCESS;
    }

    private void busyPut(Block b) {
        busy.put(b);
        busySlots = busy.slots();
    }

    /**
     * Hands out the block the front end keeps for {@code need} bytes, busy with {@code bytes} requested, or
     * returns null if it keeps none. If its header cannot be written (the program protected the page), the block
     * stays on its list as it was and the HeapAccessException propagates.
     */
    private Block takeKept(long need, long bytes) {
        Block b = lookaside.peek(need);
        if (b == null) {
            return null;
        }
        b.requested = bytes;
        b.cached = false;
        try {
            headers.writeState(b, false);
        } catch (HeapAccessException e) {
            b.requested = 0;
            b.cached = true;
            throw e;
        }
        lookaside.pop(need);
        return b;
    }

    /** Best fit, growing the heap if nothing fits; the block comes back busy, split to {@code need}. */
    private Block takeFree(long need) {
        Block b = free.bestFit(need);
        if (b == null) {
            b = grow(need);
            if (b == null && flushLookaside()) {
                b = free.bestFit(need); // the kept blocks, coalesced, may hold it
            }
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
        makeFree(r);
    }

    /** Marks a block free, merges it with free neighbours, writes the merged header and indexes it. */
    private Block makeFree(Block b) {
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
        return b;
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
        makeFree(b);
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
        Segment s = addSegment(v, layout.segmentHeader, v.base() + commit);
        return s.first;
    }

    private Segment addSegment(View v, long headerBytes, long commitEnd) {
        Segment s = new Segment(v, segments.size(), false, v.base() + headerBytes, commitEnd);
        segments.add(s);
        v.setDetail(detail(s.index == 0 ? "" : ", segment " + (s.index + 1)));
        headers.writeSegmentHeader(s, handle, flags);
        Block b = new Block(s.blocksStart, commitEnd - s.blocksStart, s);
        s.linkAfter(null, b);
        makeFree(b);
        return s;
    }

    /** A block in its own region, as Windows does for blocks above the virtual-allocation threshold. */
    private Block allocLarge(long bytes) {
        long region = HeapLayout.alignUp(layout.largeHeader + bytes, pagelab.sim.vm.AddressSpace.PAGE_SIZE);
        if (region <= 0) {
            return null;
        }
        View v = regions.reserve(region, region);
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

    String detail(String suffix) {
        return String.format("Heap %#010x (%s%s)", handle, processHeap ? "default" : "private", suffix);
    }

    // ---------------------------------------------------------------- HeapFree, HeapSize

    /** Frees a busy block whose header was checked. */
    void release(Block b) {
        changes++;
        if (lookaside != null && !b.segment.large && lookaside.offer(b)) {
            headers.writeState(b, true); // free to the program, still busy to the back end (and in its table)
            return;
        }
        busy.remove(b.address);
        if (b.segment.large) {
            large.remove(b.segment);
            regions.release(b.segment.view);
        } else {
            makeFree(b);
        }
    }

    /** Gives every block on the lookaside lists back to the back end; true if there were any. */
    private boolean flushLookaside() {
        if (lookaside == null || lookaside.count() == 0) {
            return false;
        }
        lookaside.flush(this::unkeep);
        return true;
    }

    /** A block leaves a lookaside list for the back end, which frees it there. */
    private void unkeep(Block b) {
        busy.remove(b.address);
        makeFree(b);
    }

    /** The checked block at {@code data}, or null (not a busy block of this heap, or its header is damaged). */
    Block checkedBlock(long data) {
        Block b = busyBlock(data);
        return b != null && headers.matches(b) ? b : null;
    }

    // ---------------------------------------------------------------- HeapReAlloc

    NtStatus realloc(int callFlags, Block b, long bytes, LongByReference out) {
        changes++;
        long need = layout.blockSize(bytes);
        if (need < 0) {
            return NtStatus.NO_MEMORY;
        }
        long old = b.requested;
        boolean inPlace = b.segment.large ? resizeLarge(b, bytes) : need <= layout.maxBlock && resize(b, need, bytes);
        if (inPlace) {
            if ((callFlags & HEAP_ZERO_MEMORY) != 0 && bytes > old) {
                memory.fill(b.segment.view, dataOf(b) + old, bytes - old, (byte) 0);
            }
            out.setValue(dataOf(b));
            return NtStatus.SUCCESS;
        }
        if ((callFlags & HEAP_REALLOC_IN_PLACE_ONLY) != 0) {
            return NtStatus.NO_MEMORY;
        }
        LongByReference moved = new LongByReference();
        NtStatus s = alloc(callFlags & ~HEAP_ZERO_MEMORY, bytes, moved);
        if (s != NtStatus.SUCCESS) {
            return s; // the old block is untouched, as Windows leaves it
        }
        Block nb = busyBlock(moved.getValue());
        memory.copy(b.segment.view, dataOf(b), nb.segment.view, moved.getValue(), Math.min(old, bytes));
        if ((callFlags & HEAP_ZERO_MEMORY) != 0 && bytes > old) {
            memory.fill(nb.segment.view, moved.getValue() + old, bytes - old, (byte) 0);
        }
        release(b);
        out.setValue(moved.getValue());
        return NtStatus.SUCCESS;
    }

    /** Resizes a segment block where it is: shrink, or grow into a free (or committable) next block. */
    private boolean resize(Block b, long need, long bytes) {
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
        b.requested = bytes;
        headers.write(b);
        return true;
    }

    private boolean resizeLarge(Block b, long bytes) {
        if (bytes > b.size - layout.header) {
            return false;
        }
        b.requested = bytes;
        headers.write(b);
        return true;
    }

    // ---------------------------------------------------------------- HeapValidate, HeapCompact, HeapDestroy

    /** Checks the heap header, every segment header and every block header against the heap's records. */
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
                throw new IllegalStateException("Heap.validate: blocks of segment " + s.index + " end at "
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

    /**
     * HeapCompact: the lookaside lists give their blocks back to the back end, which coalesces them; what remains
     * is to decommit the whole free pages at the end of each segment. Returns the usable size of the largest committed free block.
     */
    long compact() {
        changes++;
        flushLookaside();
        for (Segment s : segments) {
            Block t = s.last;
            long keep = t == null || t.busy ? s.commitEnd
                    : HeapLayout.alignUp(t.address + layout.minBlock, pagelab.sim.vm.AddressSpace.PAGE_SIZE);
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

    /** Releases every region of the heap: sub-heaps and large blocks. */
    void destroy() {
        destroyed = true;
        walkSnapshot = null;
        lockOwner = null;
        synchronized (unlocked) {
            unlocked.notifyAll();
        }
        for (Segment s : large) {
            regions.release(s.view);
        }
        for (Segment s : segments) {
            regions.release(s.view);
        }
        large.clear();
        segments.clear();
        busy.clear();
        busySlots = busy.slots();
        free.clear();
        if (lookaside != null) {
            lookaside.clear();
        }
    }

    // ---------------------------------------------------------------- HeapSetInformation, HeapQueryInformation

    /** HeapCompatibilityInformation: 2 once the front end is asked for or has turned itself on, else 0. */
    int compatibility() {
        return lookaside != null && (lfhRequested || lookaside.isActive()) ? 2 : 0;
    }

    /**
     * Sets HeapCompatibilityInformation as Windows does (Wine's tests, run on Windows): the LFH cannot be had on a
     * HEAP_NO_SERIALIZE or fixed-size heap, and once on it cannot be changed again, not even to 2. Asking for it
     * changes only what HeapQueryInformation reports: a size is still served by the front end only after a run of
     * requests ("LFH actually doesn't enable immediately, the pattern is required").
     */
    NtStatus setCompatibility(int value) {
        if (lookaside == null) {
            return NtStatus.INVALID_PARAMETER;
        }
        if (compatibility() != 0 || value != 0 && value != 2) {
            return NtStatus.UNSUCCESSFUL;
        }
        lfhRequested = value == 2;
        return NtStatus.SUCCESS;
    }

    /** Whether the front end would serve an allocation of {@code bytes} without the back end right now. */
    boolean frontEndServes(long bytes) {
        long need = layout.blockSize(bytes);
        return lookaside != null && need > 0 && need <= layout.maxBlock && lookaside.wouldServe(need);
    }

    /** Whether freeing {@code b} would put it on a lookaside list. */
    boolean frontEndKeeps(Block b) {
        return lookaside != null && !b.segment.large && lookaside.wouldKeep(b);
    }

    // ---------------------------------------------------------------- HeapLock, HeapUnlock

    /** True if HeapLock is held by a thread other than {@code me}, so that a serialised call must wait. */
    boolean lockedByOther(Thread me) {
        Thread owner = lockOwner;
        return owner != null && owner != me;
    }

    /** Takes the heap lock for {@code me}; false if another thread holds it (the caller waits and retries). */
    boolean tryLock(Thread me) {
        if (lockedByOther(me)) {
            return false;
        }
        lockOwner = me;
        lockCount++;
        return true;
    }

    /** Releases one hold of the heap lock; false if {@code me} does not hold it. */
    boolean unlock(Thread me) {
        if (lockOwner != me || lockCount == 0) {
            return false;
        }
        if (--lockCount == 0) {
            lockOwner = null;
            synchronized (unlocked) {
                unlocked.notifyAll();
            }
        }
        return true;
    }

    /**
     * Waits, without the machine lock, at most 20 ms for HeapUnlock (or the heap's end); the caller then tries its
     * call again, and checks between naps that its process still lives, so a waiter never outlives its process.
     * Returns true if the thread was interrupted (its flag cleared, for the caller to restore).
     */
    boolean awaitUnlocked(Thread me) {
        synchronized (unlocked) {
            if (lockedByOther(me) && !destroyed) {
                try {
                    unlocked.wait(20);
                } catch (InterruptedException e) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- heap corruption

    /**
     * What is wrong with the block at {@code data} when a HeapFree, HeapReAlloc or HeapSize could not use it: a
     * description if the heap knows a block there (its header was overwritten, or it was already freed and sits on
     * a lookaside list), or null for an address that is no block of this heap.
     */
    String corruptionAt(long data) {
        Block b = busy.get(data - layout.header);
        if (b == null) {
            return null;
        }
        if (b.cached) {
            return String.format("block %#x was freed twice", data);
        }
        return headers.matches(b) ? null : String.format("the header of block %#x was overwritten", data);
    }

    // ---------------------------------------------------------------- read-only access for HeapCensus

    List<Segment> segments() {
        return segments;
    }

    Iterable<Segment> largeRegions() {
        return large;
    }

    BlockTable busyBlocks() {
        return busy;
    }

    FreeIndex freeBlocks() {
        return free;
    }

    /** The front end's kept blocks (free to the program); nothing for a heap without one. */
    void forEachKept(java.util.function.Consumer<Block> action) {
        if (lookaside != null) {
            lookaside.forEach(action);
        }
    }
}
