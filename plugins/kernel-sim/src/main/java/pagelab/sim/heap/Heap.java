package pagelab.sim.heap;

import static pagelab.kernel.WinNT.HEAP_NO_SERIALIZE;
import static pagelab.kernel.WinNT.HEAP_REALLOC_IN_PLACE_ONLY;
import static pagelab.kernel.WinNT.HEAP_ZERO_MEMORY;

import java.util.List;
import java.util.function.Consumer;
import pagelab.kernel.LongByReference;
import pagelab.sim.mmu.KernelAccess;
import pagelab.sim.status.NtStatus;
import pagelab.sim.sync.OwnerLock;
import pagelab.sim.vm.View;

/**
 * One heap (HeapCreate or the process's default heap), living in simulated memory as Wine's and Windows' do: block
 * headers in the heap's own pages, kept by the {@link BackEnd}, and for a growable, serialised heap a front end
 * ({@link Lookaside}) that keeps freed small blocks of popular sizes aside for the next request of their size.
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
    private final KernelAccess memory;
    private final BlockHeaders headers;
    private final BackEnd backEnd;
    /**
     * Every block busy to the back end, by header address: the program's busy blocks and the blocks kept on the
     * lookaside lists (flagged {@link Block#cached}), which stay busy to the back end while they are kept.
     */
    private final BlockTable busy = new BlockTable();
    /** The front end, or null for a heap that has none (fixed size, or HEAP_NO_SERIALIZE). */
    private final Lookaside lookaside;
    /** What the program takes with HeapLock. */
    private final OwnerLock heapLock = new OwnerLock();
    private boolean destroyed;
    /** HeapSetInformation asked for the low-fragmentation heap (reported at once, in effect after the usual run). */
    private boolean lfhRequested;
    /** Counts the calls that changed the heap's blocks, so that a HeapWalk can reuse its list of entries. */
    private long changes;
    /** The entries of the last HeapWalk call, valid while {@link #changes} has not moved. */
    HeapWalker.Snapshot walkSnapshot;

    /** Formats a heap in a fresh region whose first {@code commitEnd - base} bytes are committed. */
    Heap(HeapLayout layout, KernelAccess memory, HeapRegions regions, View first, long commitEnd, int flags,
         boolean growable, boolean processHeap) {
        this.handle = first.base();
        this.flags = flags;
        this.growable = growable;
        this.processHeap = processHeap;
        this.layout = layout;
        this.memory = memory;
        this.headers = new BlockHeaders(layout, memory, handle * 0x9E3779B97F4A7C15L);
        this.lookaside = growable && (flags & HEAP_NO_SERIALIZE) == 0 ? new Lookaside(layout) : null;
        this.backEnd = new BackEnd(layout, headers, regions, first, commitEnd, flags, growable, processHeap);
    }

    long changes() {
        return changes;
    }

    boolean isDestroyed() {
        return destroyed;
    }

    OwnerLock heapLock() {
        return heapLock;
    }

    long dataOf(Block b) {
        return b.address + layout.header;
    }

    /** The program's busy block whose data starts at {@code data}, or null (never allocated, freed, or kept aside). */
    private Block busyBlock(long data) {
        Block b = busy.get(data - layout.header);
        return b == null || b.cached ? null : b;
    }

    /** The checked block at {@code data}, or null (not a busy block of this heap, or its header is damaged). */
    Block checkedBlock(long data) {
        Block b = busyBlock(data);
        return b != null && headers.matches(b) ? b : null;
    }

    // ---------------------------------------------------------------- HeapAlloc

    NtStatus alloc(int callFlags, long bytes, LongByReference out) {
        changes++;
        long need = layout.blockSize(bytes);
        if (need < 0) {
            return NtStatus.NO_MEMORY;
        }
        Block b = need > layout.maxBlock ? allocLarge(bytes) : allocSmall(need, bytes);
        if (b == null) {
            return NtStatus.NO_MEMORY;
        }
        if ((callFlags & HEAP_ZERO_MEMORY) != 0 && !b.segment.large) {
            memory.fill(dataOf(b), bytes, (byte) 0); // a fresh large region reads as zero already
        }
        out.setValue(dataOf(b));
        return NtStatus.SUCCESS;
    }

    private Block allocLarge(long bytes) {
        Block b = backEnd.allocLarge(bytes);
        if (b != null) {
            busy.put(b);
        }
        return b;
    }

    /** A block of a segment: the one the front end keeps for the size, else the back end's best fit. */
    private Block allocSmall(long need, long bytes) {
        Block b = lookaside == null ? null : takeKept(need, bytes);
        if (b != null) {
            return b;
        }
        if (lookaside != null) {
            lookaside.note(need);
        }
        b = backEnd.take(need);
        if (b == null && flushLookaside()) {
            b = backEnd.take(need); // the kept blocks, coalesced, may hold it
        }
        if (b != null) {
            b.requested = bytes;
            headers.write(b);
            busy.put(b);
        }
        return b;
    }

    /**
     * Hands out the block the front end keeps for {@code need} bytes, busy with {@code bytes} requested, or null if
     * it keeps none. A kept block is in the busy table already. If its header cannot be written (the program
     * protected the page), the block stays on its list as it was and the InaccessiblePage propagates.
     */
    private Block takeKept(long need, long bytes) {
        Block b = lookaside.peek(need);
        if (b == null) {
            return null;
        }
        b.requested = bytes;
        b.cached = false;
        try {
            headers.writeState(b);
        } catch (RuntimeException e) {
            b.requested = 0;
            b.cached = true;
            throw e;
        }
        lookaside.pop(need);
        return b;
    }

    // ---------------------------------------------------------------- HeapFree

    /** Frees a busy block whose header was checked: onto a lookaside list if the front end keeps it, else back. */
    void release(Block b) {
        changes++;
        if (lookaside != null && !b.segment.large && lookaside.offer(b)) {
            headers.writeState(b); // free to the program, still busy to the back end (and in its table)
            return;
        }
        busy.remove(b.address);
        if (b.segment.large) {
            backEnd.freeLarge(b);
        } else {
            backEnd.free(b);
        }
    }

    /** Gives every block on the lookaside lists back to the back end; true if there were any. */
    private boolean flushLookaside() {
        if (lookaside == null || lookaside.count() == 0) {
            return false;
        }
        lookaside.flush(b -> {
            busy.remove(b.address);
            backEnd.free(b);
        });
        return true;
    }

    // ---------------------------------------------------------------- HeapReAlloc

    NtStatus realloc(int callFlags, Block b, long bytes, LongByReference out) {
        changes++;
        long need = layout.blockSize(bytes);
        if (need < 0) {
            return NtStatus.NO_MEMORY;
        }
        long old = b.requested;
        if (b.segment.large ? bytes <= b.size - layout.header : backEnd.resize(b, need)) {
            b.requested = bytes;
            headers.write(b);
            if ((callFlags & HEAP_ZERO_MEMORY) != 0 && bytes > old) {
                memory.fill(dataOf(b) + old, bytes - old, (byte) 0);
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
        memory.copy(dataOf(b), moved.getValue(), Math.min(old, bytes));
        if ((callFlags & HEAP_ZERO_MEMORY) != 0 && bytes > old) {
            memory.fill(moved.getValue() + old, bytes - old, (byte) 0);
        }
        release(b);
        out.setValue(moved.getValue());
        return NtStatus.SUCCESS;
    }

    // ---------------------------------------------------------------- HeapValidate, HeapCompact, HeapDestroy

    /** Checks every segment header and every block header against the heap's records. */
    boolean validate() {
        return backEnd.validate();
    }

    /**
     * HeapCompact: the lookaside lists give their blocks back to the back end, which coalesces them and decommits
     * the whole free pages at the end of each segment. Returns the usable size of the largest free block.
     */
    long compact() {
        changes++;
        flushLookaside();
        return backEnd.compact();
    }

    /** Releases every region of the heap and wakes any thread waiting for its HeapLock. */
    void destroy() {
        destroyed = true;
        walkSnapshot = null;
        heapLock.releaseAll();
        backEnd.destroy();
        busy.clear();
        if (lookaside != null) {
            lookaside.clear();
        }
    }

    // ---------------------------------------------------------------- the front end: HeapSet/QueryInformation

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

    /** Whether freeing the block at {@code data} would put it on a lookaside list. */
    boolean frontEndKeeps(long data) {
        Block b = checkedBlock(data);
        return b != null && lookaside != null && !b.segment.large && lookaside.wouldKeep(b);
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

    // ---------------------------------------------------------------- read-only access for HeapCensus and HeapWalker

    List<Segment> segments() {
        return backEnd.segments();
    }

    Iterable<Segment> largeRegions() {
        return backEnd.largeRegions();
    }

    BlockTable busyBlocks() {
        return busy;
    }

    FreeIndex freeBlocks() {
        return backEnd.freeBlocks();
    }

    /** The front end's kept blocks (free to the program); nothing for a heap without one. */
    void forEachKept(Consumer<Block> action) {
        if (lookaside != null) {
            lookaside.forEach(action);
        }
    }
}
