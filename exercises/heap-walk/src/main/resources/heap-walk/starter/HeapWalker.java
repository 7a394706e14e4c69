import static pagelab.kernel.WinError.ERROR_NO_MORE_ITEMS;
import static pagelab.kernel.WinNT.*;

import pagelab.exercises.heapwalk.HeapStats;
import pagelab.exercises.heapwalk.HeapSurvey;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.PROCESS_HEAP_ENTRY;

/**
 * Walk a heap and count what is in it; tell whether it runs the low-fragmentation heap.
 * Read the instructions first; each TODO says which Win32 call does the work.
 */
public class HeapWalker implements HeapSurvey {
    @Override
    public HeapStats walk(Kernel32 kernel, long hHeap) {
        HeapStats stats = new HeapStats();
        PROCESS_HEAP_ENTRY entry = new PROCESS_HEAP_ENTRY();   // lpData == 0: a walk starts at the first entry
        // TODO: HeapLock(hHeap) first; return null if it fails.
        // TODO: while (HeapWalk(hHeap, entry)) count the entry, passing the same entry back each time:
        //       PROCESS_HEAP_REGION: regions, Region.dwCommittedSize, Region.dwUnCommittedSize;
        //       PROCESS_HEAP_UNCOMMITTED_RANGE: no block; PROCESS_HEAP_ENTRY_BUSY: busyBlocks, busyBytes (cbData),
        //       largeBlocks if iRegionIndex is 64; no flag at all: freeBlocks, freeBytes (cbData).
        // TODO: HeapWalk's FALSE ends the loop: GetLastError() == ERROR_NO_MORE_ITEMS is the end, anything else
        //       a failure (return null).
        // TODO: HeapUnlock(hHeap) on every path out, also when the walk failed: try { ... } finally { ... }.
        return stats;
    }

    @Override
    public boolean isLowFragmentationHeap(Kernel32 kernel, long hHeap) {
        // TODO: HeapQueryInformation(hHeap, HeapCompatibilityInformation, info, 4, null) into an IntByReference;
        //       2 is the low-fragmentation heap. Return false if the call fails.
        return false;
    }
}
