package pagelab.exercises.memreset;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * A cache of {@code SLOTS} page-sized slots of data that can be recomputed at any time (decoded images, rendered
 * tiles). Slot {@code i} lives at {@code base() + i * SLOT_SIZE}. When the program no longer needs some slots, it
 * tells the memory manager with {@code MEM_RESET} that their pages need not be saved to the paging file; the pages
 * stay committed, ready for new data.
 *
 * <p>The checker calls {@code open} first, then any mix of the other methods on one thread, then {@code close}.
 */
public interface PageCache {
    /** Slots in the cache. */
    int SLOTS = 64;
    /** Bytes per slot: one page. */
    int SLOT_SIZE = 4096;
    /** Bytes in the cache: 256 KiB. */
    long CACHE_SIZE = (long) SLOTS * SLOT_SIZE;

    /**
     * Reserves and commits {@code CACHE_SIZE} bytes ({@code PAGE_READWRITE}).
     *
     * @return true on success
     */
    boolean open(Kernel32 kernel, Memory memory);

    /** The cache's base address; 0 while closed. */
    long base();

    /** Stores {@code data} (at most {@code SLOT_SIZE} bytes) at the start of the slot; the slot becomes valid. */
    void put(int slot, byte[] data);

    /** The slot's {@code SLOT_SIZE} bytes if it is valid, else null (the caller recomputes it). */
    byte[] get(int slot);

    /** The slot's contents are no longer needed: it becomes invalid and its page is reset. */
    void discard(int slot);

    /** Every slot's contents are no longer needed: all become invalid and the whole cache is reset. */
    void discardAll();

    /** Releases the cache; {@code base()} returns 0 afterwards. */
    void close();
}
