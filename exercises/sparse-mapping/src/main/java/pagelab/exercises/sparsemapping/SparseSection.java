package pagelab.exercises.sparsemapping;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * An array of {@code RECORDS} records of {@code RECORD} bytes in a named section of {@code SIZE} bytes backed by the
 * paging file and created with {@code SEC_RESERVE}: storage is committed page by page as records are stored, and
 * every process that maps the section sees the same records. Record {@code i} lives at {@code view() + i * RECORD}.
 *
 * <p>The checker makes one object per process: the first calls {@link #create}, others {@link #attach}; then any
 * mix of {@link #put} and {@link #get}; then {@link #close}.
 */
public interface SparseSection {
    /** The section's name. */
    String NAME = "SparseSection";
    /** The section's size: 16 MiB. */
    long SIZE = 16L * 1024 * 1024;
    /** The bytes of one record: four per 4 KiB page. */
    int RECORD = 1024;
    /** The number of records. */
    int RECORDS = (int) (SIZE / RECORD);

    /**
     * Creates the section {@code NAME} (paging file, {@code SEC_RESERVE}) and maps a view of all of it; commits
     * nothing.
     *
     * @return false if a call failed (nothing is left open)
     */
    boolean create(Kernel32 kernel, Memory memory);

    /**
     * Opens the existing section {@code NAME} and maps a view of all of it, in another process.
     *
     * @return false if there is no such section or the view cannot be mapped
     */
    boolean attach(Kernel32 kernel, Memory memory);

    /** The view's address; 0 when nothing is mapped. */
    long view();

    /**
     * Stores {@code data} (at most {@code RECORD} bytes, zero-padded) in record {@code index}, committing its page
     * in the view first if it is not committed yet.
     *
     * @return false, changing nothing, for a bad index or data, no view, or a failed commit
     */
    boolean put(int index, byte[] data);

    /**
     * A copy of record {@code index}: {@code RECORD} zero bytes if its page is not committed (by any process).
     * Never commits anything.
     *
     * @return null for a bad index or no view
     */
    byte[] get(int index);

    /** Unmaps the view and closes the section's handle. */
    void close();
}
