package pagelab.sim.vm;

/**
 * The physical storage behind a view's pages: which frame (a 4 KiB byte array) holds each page.
 * Frames appear only when a page is first written; a committed page without a frame reads as zero.
 * The caller holds the machine lock.
 */
public interface Backing {
    /** The frame of a page, for reading; null if the page reads as zero. */
    byte[] frameForRead(long page);

    /**
     * The frame of a page, for writing: allocated (zero-filled) on first write; for a page whose storage is
     * shared copy-on-write, a private copy.
     */
    byte[] frameForWrite(long page);

    /**
     * The frame of a copy-on-write page after the write that copies it: the view's private copy of the shared
     * page. For private memory this is simply {@link #frameForWrite}.
     */
    default byte[] copyOnWrite(long page) {
        return frameForWrite(page);
    }

    /** Whether the page was touched (read or written) since it was committed: it is in the working set. */
    boolean isResident(long page);

    /** Marks a page touched by a read (demand-zero fault) without giving it host memory. */
    void touch(long page);

    /** Whether the page's storage is shared with another view or process. */
    boolean isShared(long page);

    /** Whether the page was written since it was brought in. */
    boolean isDirty(long page);

    /** Drops the storage of pages [from, from+count) (decommit, release): they read as zero next time. */
    void discard(long from, long count);

    /** MEM_RESET: the pages' contents may be thrown away instead of being written to the paging file. */
    void reset(long from, long count);

    /** Called when the view joins an address space, so paging can invalidate the space's cached translations. */
    default void attach(AddressSpace owner) {
    }

    /** Whether the page's contents are in the paging file (touching it is a hard fault). */
    default boolean isPagedOut(long page) {
        return false;
    }

    /** The MMU used the page: the clock will give it a second chance. */
    default void markReferenced(long page) {
    }

    /** MEM_RESET_UNDO: the contents matter again. */
    default void resetUndo(long from, long count) {
    }

    /** Pages of this backing that are resident (in the working set). */
    long residentPages();
}
