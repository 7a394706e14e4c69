package pagelab.sim.heap;

import java.util.List;
import pagelab.kernel.LongByReference;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.inspect.HeapInfo;
import pagelab.sim.status.NtStatus;

/**
 * The heaps of one process (chapter 18), behind the Win32 heap functions. Implementations keep every heap inside
 * simulated memory (regions reserved and committed through the process's VirtualMemory, block headers in its
 * pages), so a student who writes past a block corrupts a header that HeapValidate and HeapFree can see.
 *
 * <p>Threading: methods are called WITHOUT the machine lock held; implementations take
 * the machine lock around changes to kernel state and never run student code (SEH filters) while holding
 * it. Raising {@code STATUS_NO_MEMORY} for {@code HEAP_GENERATE_EXCEPTIONS} is done by the caller.
 */
public interface HeapManager {
    /**
     * Formats the default process heap in the region the loader reserved for it at {@code base} (its first pages
     * committed) during process start; returns its handle (its base address), or 0.
     */
    long createDefaultHeap(long base);

    long processHeap();

    /** Fills up to {@code count} heap handles; returns how many heaps there are. */
    int heaps(int count, long[] out);

    NtStatus create(int options, long initialSize, long maximumSize, LongByReference heap);

    NtStatus destroy(long heap);

    NtStatus alloc(long heap, int flags, long bytes, LongByReference block);

    NtStatus realloc(long heap, int flags, long block, long bytes, LongByReference moved);

    NtStatus size(long heap, int flags, long block, LongByReference size);

    NtStatus free(long heap, int flags, long block);

    /** True if the heap (or the one block, when {@code block} != 0) is intact. */
    boolean validate(long heap, int flags, long block);

    /** Whether the heap was created with HEAP_GENERATE_EXCEPTIONS (then every failing call raises). */
    boolean generatesExceptions(long heap);

    /** A summary of every heap, default heap first, for the inspector. Takes the machine lock. */
    List<HeapInfo> heapInfos();

    /** Coalesces free blocks, decommits what it can; returns the largest free block's size in {@code largest}. */
    NtStatus compact(long heap, int flags, LongByReference largest);

    /** HeapLock: waits while another thread holds the heap's lock. */
    NtStatus lock(long heap);

    NtStatus unlock(long heap);

    /** Fills {@code entry} with the entry after it; NO_MORE_ENTRIES after the last. */
    NtStatus walk(long heap, PROCESS_HEAP_ENTRY entry);

    /** HeapCompatibilityInformation of a heap (0 or 2) in {@code value}. */
    NtStatus compatibility(long heap, LongByReference value);

    NtStatus setCompatibility(long heap, int value);
}
