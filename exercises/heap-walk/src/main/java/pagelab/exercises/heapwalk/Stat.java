package pagelab.exercises.heapwalk;

import java.util.function.ToLongFunction;
import pagelab.exercise.Msg;

/** One counter of {@link HeapStats}: how to read it, and what to tell a student who got it wrong. */
enum Stat {
    REGIONS("regions", s -> s.regions, false, "Every segment of a heap starts with a PROCESS_HEAP_REGION entry: "
            + "test (wFlags & PROCESS_HEAP_REGION) != 0 and keep walking to the end."),
    COMMITTED("committedBytes", s -> s.committedBytes, true, "A region entry's committed bytes are in its Region "
            + "member, Region.dwCommittedSize; its cbData is only the size of the segment's header."),
    UNCOMMITTED("uncommittedBytes", s -> s.uncommittedBytes, true, "Take Region.dwUnCommittedSize of each region "
            + "entry (or the cbData of each PROCESS_HEAP_UNCOMMITTED_RANGE entry), not both."),
    BUSY_BLOCKS("busyBlocks", s -> s.busyBlocks, false, "A block in use has the PROCESS_HEAP_ENTRY_BUSY bit in "
            + "wFlags; regions, uncommitted ranges and free blocks are not blocks in use."),
    BUSY_BYTES("busyBytes", s -> s.busyBytes, true, "Add cbData only for entries with PROCESS_HEAP_ENTRY_BUSY: a free "
            + "block's cbData is free space."),
    LARGE_BLOCKS("largeBlocks", s -> s.largeBlocks, false, "A busy block too big for a segment lives in a region of "
            + "its own and comes after every segment, with iRegionIndex 64."),
    FREE_BLOCKS("freeBlocks", s -> s.freeBlocks, false, "Only an entry with none of PROCESS_HEAP_REGION, "
            + "PROCESS_HEAP_UNCOMMITTED_RANGE and PROCESS_HEAP_ENTRY_BUSY is a free block."),
    FREE_BYTES("freeBytes", s -> s.freeBytes, true, "Add the cbData of free blocks only: a region's cbData is its "
            + "header and an uncommitted range's is address space without storage.");

    private final String field;
    private final ToLongFunction<HeapStats> read;
    private final boolean bytes;
    private final String hint;

    Stat(String field, ToLongFunction<HeapStats> read, boolean bytes, String hint) {
        this.field = field;
        this.read = read;
        this.bytes = bytes;
        this.hint = hint;
    }

    String field() {
        return field;
    }

    long of(HeapStats s) {
        return read.applyAsLong(s);
    }

    /** The counter's value as a message shows it: "3" or "61,440 bytes", translatable. */
    Msg format(HeapStats s) {
        long v = of(s);
        return bytes ? HeapWalkChecks.bytes(v) : Msg.text(Long.toString(v));
    }

    String hint() {
        return hint;
    }
}
