import static pagelab.kernel.WinError.ERROR_NO_MORE_ITEMS;
import static pagelab.kernel.WinNT.*;

import pagelab.exercises.heapwalk.HeapStats;
import pagelab.exercises.heapwalk.HeapSurvey;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.PROCESS_HEAP_ENTRY;

/**
 // BEGIN SOLUTION
 * The reference solution, after chapter 18's "other heap functions": HeapLock, a HeapWalk loop from an entry whose
 * lpData is NULL, HeapUnlock in a finally block; and HeapQueryInformation for the low-fragmentation heap.
 // INSTEAD
 //> * Walk a heap and count what is in it; tell whether it runs the low-fragmentation heap.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class HeapWalker implements HeapSurvey {
    // tag::walk[]
    @Override
    public HeapStats walk(Kernel32 kernel, long hHeap) {
        // BEGIN SOLUTION
        // Other threads' HeapAlloc and HeapFree wait while we hold the lock, so the heap cannot change under us.
        if (!kernel.HeapLock(hHeap)) {
            return null;
        }
        // END SOLUTION
        HeapStats stats = new HeapStats();
        // BEGIN SOLUTION
        // BEGIN WRONG never-unlocks, no-unlock-on-error
        boolean complete = false;
        try {
            PROCESS_HEAP_ENTRY entry = new PROCESS_HEAP_ENTRY();   // lpData == NULL: start at the first entry
            while (kernel.HeapWalk(hHeap, entry)) {
                // BEGIN WRONG first-segment-only
                // INSTEAD
                //> if ((entry.wFlags & PROCESS_HEAP_REGION) != 0 && stats.regions == 1) {
                    // MISTAKE: "a second region is past the heap": the segments the heap grew are never walked.
                    //> complete = true;
                    //> break;
                //> }
                // END WRONG
                count(stats, entry);
            }
            // BEGIN WRONG ignores-error-code
            // HeapWalk returns FALSE at the end too: only ERROR_NO_MORE_ITEMS means the whole heap was walked.
            // BEGIN WRONG first-segment-only
            complete = kernel.GetLastError() == ERROR_NO_MORE_ITEMS;
            // INSTEAD
            //> complete = complete || kernel.GetLastError() == ERROR_NO_MORE_ITEMS;
            // END WRONG
            // INSTEAD
            // MISTAKE: "FALSE means the end": a walk that failed midway is reported as the whole heap.
            //> complete = true;
            // END WRONG
        } finally {
            // On every path out, or every other thread that touches the heap waits for ever.
            kernel.HeapUnlock(hHeap);
        }
        // INSTEAD never-unlocks
        //> PROCESS_HEAP_ENTRY entry = new PROCESS_HEAP_ENTRY();   // lpData == NULL: start at the first entry
        //> while (kernel.HeapWalk(hHeap, entry)) {
            //> count(stats, entry);
        //> }
        // HeapWalk returns FALSE at the end too: only ERROR_NO_MORE_ITEMS means the whole heap was walked.
        //> boolean complete = kernel.GetLastError() == ERROR_NO_MORE_ITEMS;
        // MISTAKE: no HeapUnlock: the heap stays locked, and every other thread's HeapAlloc on it waits for ever.
        // INSTEAD no-unlock-on-error
        //> PROCESS_HEAP_ENTRY entry = new PROCESS_HEAP_ENTRY();   // lpData == NULL: start at the first entry
        //> while (kernel.HeapWalk(hHeap, entry)) {
            //> count(stats, entry);
        //> }
        // END WRONG
        // BEGIN WRONG no-unlock-on-error
        return complete ? stats : null;
        // INSTEAD
        // HeapWalk returns FALSE at the end too: only ERROR_NO_MORE_ITEMS means the whole heap was walked.
        //> if (kernel.GetLastError() != ERROR_NO_MORE_ITEMS) {
            //> return null;   // MISTAKE: this return skips the HeapUnlock below, and the heap stays locked
        //> }
        //> kernel.HeapUnlock(hHeap);
        //> return stats;
        // END WRONG
        // INSTEAD
        //> PROCESS_HEAP_ENTRY entry = new PROCESS_HEAP_ENTRY();   // lpData == 0: a walk starts at the first entry
        // TODO: HeapLock(hHeap) first; return null if it fails.
        // TODO: while (HeapWalk(hHeap, entry)) count the entry, passing the same entry back each time:
        //       PROCESS_HEAP_REGION: regions, Region.dwCommittedSize, Region.dwUnCommittedSize;
        //       PROCESS_HEAP_UNCOMMITTED_RANGE: no block; PROCESS_HEAP_ENTRY_BUSY: busyBlocks, busyBytes (cbData),
        //       largeBlocks if iRegionIndex is 64; no flag at all: freeBlocks, freeBytes (cbData).
        // TODO: HeapWalk's FALSE ends the loop: GetLastError() == ERROR_NO_MORE_ITEMS is the end, anything else
        //       a failure (return null).
        // TODO: HeapUnlock(hHeap) on every path out, also when the walk failed: try { ... } finally { ... }.
        //> return stats;
        // END SOLUTION
    }
    // end::walk[]
    // BEGIN SOLUTION

    // tag::count[]
    private static void count(HeapStats stats, PROCESS_HEAP_ENTRY entry) {
        if ((entry.wFlags & PROCESS_HEAP_REGION) != 0) {
            // A segment of the heap: its committed and reserved-only bytes are in the Region member.
            stats.regions++;
            // BEGIN WRONG header-as-committed
            stats.committedBytes += entry.Region.dwCommittedSize;
            // INSTEAD
            // MISTAKE: cbData of a region entry is the segment's header, not its committed bytes.
            //> stats.committedBytes += entry.cbData;
            // END WRONG
            stats.uncommittedBytes += entry.Region.dwUnCommittedSize;
        // BEGIN WRONG free-bytes-as-busy, regions-as-free-blocks
        } else if ((entry.wFlags & PROCESS_HEAP_UNCOMMITTED_RANGE) != 0) {
            // Address space at the end of a segment, without storage: no block, already in dwUnCommittedSize.
        } else if ((entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) != 0) {
            stats.busyBlocks++;
            stats.busyBytes += entry.cbData;                   // the bytes HeapAlloc was asked for
            if (entry.iRegionIndex == 64) {
                stats.largeBlocks++;                           // too big for a segment: a region of its own
            }
        } else {
            stats.freeBlocks++;
            stats.freeBytes += entry.cbData;
        }
        // INSTEAD free-bytes-as-busy
        //> } else if ((entry.wFlags & PROCESS_HEAP_UNCOMMITTED_RANGE) != 0) {
            // Address space at the end of a segment, without storage: no block, already in dwUnCommittedSize.
        //> } else {
            // MISTAKE: "cbData is the block's size, busy or not": a free block's space is counted as bytes in use.
            //> stats.busyBytes += entry.cbData;
            //> if ((entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) != 0) {
                //> stats.busyBlocks++;
                //> if (entry.iRegionIndex == 64) {
                    //> stats.largeBlocks++;                       // too big for a segment: a region of its own
                //> }
            //> } else {
                //> stats.freeBlocks++;
                //> stats.freeBytes += entry.cbData;
            //> }
        //> }
        // INSTEAD regions-as-free-blocks
        //> }
        // MISTAKE: "busy or free": a region entry and an uncommitted range end up as free blocks too.
        //> if ((entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) != 0) {
            //> stats.busyBlocks++;
            //> stats.busyBytes += entry.cbData;                   // the bytes HeapAlloc was asked for
            //> if (entry.iRegionIndex == 64) {
                //> stats.largeBlocks++;                           // too big for a segment: a region of its own
            //> }
        //> } else {
            //> stats.freeBlocks++;
            //> stats.freeBytes += entry.cbData;
        //> }
        // END WRONG
    }
    // END SOLUTION
    // end::count[]

    @Override
    public boolean isLowFragmentationHeap(Kernel32 kernel, long hHeap) {
        // BEGIN SOLUTION
        IntByReference info = new IntByReference();
        // HeapCompatibilityInformation is a ULONG: 0 for a standard heap, 2 for the low-fragmentation heap.
        // BEGIN WRONG queries-process-heap
        if (!kernel.HeapQueryInformation(hHeap, HeapCompatibilityInformation, info, 4, null)) {
        // INSTEAD
        // MISTAKE: "the heap" is taken to be the process's default heap.
        //> if (!kernel.HeapQueryInformation(kernel.GetProcessHeap(), HeapCompatibilityInformation, info, 4, null)) {
        // END WRONG
            return false;
        }
        return info.getValue() == 2;
        // INSTEAD
        // TODO: HeapQueryInformation(hHeap, HeapCompatibilityInformation, info, 4, null) into an IntByReference;
        //       2 is the low-fragmentation heap. Return false if the call fails.
        //> return false;
        // END SOLUTION
    }
}
