package pagelab.exercises.copyviewsflush;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * A document kept in a file and edited in memory, with two views of one file-mapping object: the <em>draft</em>, a
 * copy-on-write view ({@code FILE_MAP_COPY}) in which the user's edits stay private until saved, and the
 * <em>live</em> view ({@code FILE_MAP_WRITE}), whose pages are the file's.
 *
 * <p>The checker calls {@code open}, then any mix of the other methods, then {@code close}, from one thread. It
 * edits the draft itself by writing at {@code draft() + offset}, and reads the file, the live view and the kernel's
 * record of each page.
 */
public interface Document {
    /**
     * Opens the existing file for reading and writing, creates one file mapping of the whole file and maps two
     * views of all of it: the draft (FILE_MAP_COPY) and the live view (FILE_MAP_WRITE).
     *
     * @return true on success; false, with nothing left open or mapped, if any step failed
     */
    boolean open(Kernel32 kernel, Memory memory, String path);

    /** The address of the draft view; 0 while the document is not open. */
    long draft();

    /** The address of the live view; 0 while the document is not open. */
    long live();

    /**
     * Saves {@code length} bytes of the draft from {@code offset}: copies them into the live view, so that every view
     * of the file sees them at once, and has the system write the changed pages to the file on disk now.
     *
     * @return true if the bytes were copied and FlushViewOfFile succeeded
     */
    boolean save(long offset, long length);

    /**
     * Drops every unsaved edit of the draft: afterwards the draft shows the file as it is now. {@link #draft()} may
     * change.
     *
     * @return true on success
     */
    boolean revert();

    /** Unmaps both views and closes the mapping and the file; unsaved edits are lost. */
    void close();
}
