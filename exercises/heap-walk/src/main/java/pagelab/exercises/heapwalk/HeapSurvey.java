package pagelab.exercises.heapwalk;

import pagelab.kernel.Kernel32;

/**
 * A heap survey after chapter 18's "other heap functions": walks one heap of the calling process with
 * {@code HeapWalk} while holding its lock, and tells whether the heap runs the low-fragmentation heap.
 *
 * <p>The checker prepares heaps in the process (fresh, with blocks of mixed sizes some of them freed, with big
 * blocks, grown to several segments, {@code HEAP_NO_SERIALIZE}, the process heap), calls these methods from one
 * thread, and compares the answers with the kernel's own picture of each heap.
 */
public interface HeapSurvey {
    /**
     * Counts every entry of the heap: locks it with {@code HeapLock}, walks it from the first entry
     * ({@code lpData == 0}) until {@code HeapWalk} returns FALSE, and unlocks it with {@code HeapUnlock} on
     * <em>every</em> path out, so that the heap is never left locked.
     *
     * @return the counts; null if {@code HeapLock} failed or the walk failed before its end (HeapWalk returned
     *         FALSE with an error other than {@code ERROR_NO_MORE_ITEMS}), because the counts would be wrong
     */
    HeapStats walk(Kernel32 kernel, long hHeap);

    /**
     * Whether the heap runs the low-fragmentation heap: {@code HeapQueryInformation} with
     * {@code HeapCompatibilityInformation} gives 2. Changes nothing.
     *
     * @return false for a standard heap (0), and when the query fails
     */
    boolean isLowFragmentationHeap(Kernel32 kernel, long hHeap);
}
