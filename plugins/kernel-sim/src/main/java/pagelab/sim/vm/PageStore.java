package pagelab.sim.vm;

/**
 * Pages shared by every view that maps them: a file's pages (the cache manager's pages, so that ReadFile,
 * WriteFile and every mapped view see the same bytes) or a paging-file-backed section's. The caller holds the
 * machine lock.
 *
 * <p>When a store creates a page (the first write to it), every address space of the machine is invalidated: a view
 * in another process may have cached the zero page or a generated copy in its TLB, and must now see the real page.
 */
public interface PageStore {
    /** The page's bytes for reading; null if it reads as zero. May be a transient copy for generated content. */
    byte[] read(long page);

    /** The page's bytes for writing, created (from its generated or zero content) if needed, and kept. */
    byte[] write(long page);

    /** Whether the page was written since it was created or flushed. */
    boolean isDirty(long page);
}
