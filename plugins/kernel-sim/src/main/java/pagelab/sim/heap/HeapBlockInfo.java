package pagelab.sim.heap;

/**
 * One block of a heap as the memory map draws it.
 *
 * @param address   where the block's data starts (what HeapAlloc returned, for a busy block)
 * @param size      the whole block, header included
 * @param requested bytes the program asked for (HeapSize); 0 for a free block
 * @param busy      in use
 * @param large     lives in its own VirtualAlloc region
 */
public record HeapBlockInfo(long address, long size, long requested, boolean busy, boolean large) {
}
