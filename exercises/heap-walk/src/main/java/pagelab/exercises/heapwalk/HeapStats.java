package pagelab.exercises.heapwalk;

import java.util.Locale;

/**
 * What one walk of a heap counted, as a C program would keep it in a struct of counters: every field starts at 0
 * and each {@code HeapWalk} entry adds to some of them.
 *
 * <ul>
 *   <li>a {@code PROCESS_HEAP_REGION} entry (a segment of the heap): {@link #regions}, {@link #committedBytes} and
 *       {@link #uncommittedBytes} from its {@code Region} member;</li>
 *   <li>a {@code PROCESS_HEAP_UNCOMMITTED_RANGE} entry: no block at all, only reserved address space at the end of
 *       a segment (already counted by its region's {@code dwUnCommittedSize});</li>
 *   <li>a {@code PROCESS_HEAP_ENTRY_BUSY} entry: {@link #busyBlocks} and {@link #busyBytes}; also
 *       {@link #largeBlocks} when it lives in a region of its own ({@code iRegionIndex} 64);</li>
 *   <li>any other entry (no flag set) is a free block: {@link #freeBlocks} and {@link #freeBytes}.</li>
 * </ul>
 */
public final class HeapStats {
    /** {@code PROCESS_HEAP_REGION} entries: the heap's segments. */
    public int regions;
    /** The sum of {@code Region.dwCommittedSize} over the region entries. */
    public long committedBytes;
    /** The sum of {@code Region.dwUnCommittedSize} over the region entries (the uncommitted ranges' sizes). */
    public long uncommittedBytes;
    /** Blocks in use: entries with {@code PROCESS_HEAP_ENTRY_BUSY}. */
    public int busyBlocks;
    /** The sum of {@code cbData} over the busy blocks: the bytes the program asked for. */
    public long busyBytes;
    /** Busy blocks in a region of their own ({@code iRegionIndex == 64}): the heap's big blocks. */
    public int largeBlocks;
    /** Free blocks: block entries without {@code PROCESS_HEAP_ENTRY_BUSY}. */
    public int freeBlocks;
    /** The sum of {@code cbData} over the free blocks: their usable bytes. */
    public long freeBytes;

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "HeapStats{regions=%d, committedBytes=%,d, uncommittedBytes=%,d, "
                        + "busyBlocks=%d, busyBytes=%,d, largeBlocks=%d, freeBlocks=%d, freeBytes=%,d}", regions,
                committedBytes, uncommittedBytes, busyBlocks, busyBytes, largeBlocks, freeBlocks, freeBytes);
    }
}
