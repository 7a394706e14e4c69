package pagelab.sim.phys;

/**
 * Storage whose pages occupy RAM frames that the clock may take back: private, paging-file backed memory. The
 * clock asks it about a page and tells it to give the page's frame up. The caller holds the machine lock.
 */
public interface Pageable {
    /** Whether the page holds a frame now (it may have been decommitted or paged out since it took one). */
    boolean isResident(long page);

    /** The clock's question: was the page used since the hand last passed? Clears the answer. */
    boolean testAndClearReferenced(long page);

    /** Gives the page's frame back: to the paging file if its contents matter, else dropped. */
    void pageOut(long page);
}
