import static pagelab.kernel.WinError.ERROR_NO_MORE_ITEMS;
import static pagelab.kernel.WinNT.*;

import pagelab.exercises.heapwalk.HeapStats;
import pagelab.exercises.heapwalk.HeapSurvey;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.PROCESS_HEAP_ENTRY;

/**
 * Known-wrong solution "regions-as-free-blocks": every entry that is not busy is counted as a free block, region and
 * uncommitted-range entries included.
 */
public class HeapWalker implements HeapSurvey {
    @Override
    public HeapStats walk(Kernel32 kernel, long hHeap) {
        // Other threads' HeapAlloc and HeapFree wait while we hold the lock, so the heap cannot change under us.
        if (!kernel.HeapLock(hHeap)) {
            return null;
        }
        HeapStats stats = new HeapStats();
        boolean complete = false;
        try {
            PROCESS_HEAP_ENTRY entry = new PROCESS_HEAP_ENTRY();   // lpData == NULL: start at the first entry
            while (kernel.HeapWalk(hHeap, entry)) {
                count(stats, entry);
            }
            // HeapWalk returns FALSE at the end too: only ERROR_NO_MORE_ITEMS means the whole heap was walked.
            complete = kernel.GetLastError() == ERROR_NO_MORE_ITEMS;
        } finally {
            // On every path out, or every other thread that touches the heap waits for ever.
            kernel.HeapUnlock(hHeap);
        }
        return complete ? stats : null;
    }

    private static void count(HeapStats stats, PROCESS_HEAP_ENTRY entry) {
        if ((entry.wFlags & PROCESS_HEAP_REGION) != 0) {
            // A segment of the heap: its committed and reserved-only bytes are in the Region member.
            stats.regions++;
            stats.committedBytes += entry.Region.dwCommittedSize;
            stats.uncommittedBytes += entry.Region.dwUnCommittedSize;
        }
        // MISTAKE: "busy or free": a region entry and an uncommitted range end up as free blocks too.
        if ((entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) != 0) {
            stats.busyBlocks++;
            stats.busyBytes += entry.cbData;                   // the bytes HeapAlloc was asked for
            if (entry.iRegionIndex == 64) {
                stats.largeBlocks++;                           // too big for a segment: a region of its own
            }
        } else {
            stats.freeBlocks++;
            stats.freeBytes += entry.cbData;
        }
    }

    @Override
    public boolean isLowFragmentationHeap(Kernel32 kernel, long hHeap) {
        IntByReference info = new IntByReference();
        // HeapCompatibilityInformation is a ULONG: 0 for a standard heap, 2 for the low-fragmentation heap.
        if (!kernel.HeapQueryInformation(hHeap, HeapCompatibilityInformation, info, 4, null)) {
            return false;
        }
        return info.getValue() == 2;
    }
}
