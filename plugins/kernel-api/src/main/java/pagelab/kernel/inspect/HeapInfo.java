package pagelab.kernel.inspect;

/**
 * A read-only summary of one heap at one instant, for the inspector and the memory map: how much is reserved and
 * committed, what is in use, and how fragmented the free space is.
 *
 * @param handle          the heap handle (the base of its first segment)
 * @param processHeap     whether this is the process's default heap (GetProcessHeap)
 * @param growable        created with dwMaximumSize 0
 * @param serialized      false if the heap was created with HEAP_NO_SERIALIZE (such a heap has no front end)
 * @param segments        sub-heap regions (the first holds the heap header)
 * @param largeBlocks     blocks living in their own VirtualAlloc region
 * @param reservedBytes   address space of all the heap's regions
 * @param committedBytes  committed bytes of all the heap's regions
 * @param busyBlocks      blocks in use
 * @param busyBytes       bytes the program asked for, summed over blocks in use
 * @param freeBlocks      free blocks: the back end's (coalesced: no two of them are adjacent) and those the front end
 *                        keeps aside for reuse (look-aside lists), which are not coalesced until HeapCompact
 * @param freeBytes       usable bytes in free blocks
 * @param largestFree     usable bytes of the largest free block (HeapCompact returns it once the kept blocks are back)
 */
public record HeapInfo(long handle, boolean processHeap, boolean growable, boolean serialized, int segments,
                       int largeBlocks, long reservedBytes, long committedBytes, int busyBlocks, long busyBytes,
                       int freeBlocks, long freeBytes, long largestFree) {

    /** External fragmentation: 0 when all free space is one block, near 1 when it is scattered in crumbs. */
    public double fragmentation() {
        return freeBytes == 0 ? 0 : 1.0 - (double) largestFree / freeBytes;
    }
}
