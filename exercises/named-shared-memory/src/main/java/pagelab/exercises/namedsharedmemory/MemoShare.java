package pagelab.exercises.namedsharedmemory;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * The book's MMFShare dialog, one instance per process: "Create mapping of data", "Close mapping" and "Open mapping
 * and get data". The data is an ANSI, NUL-terminated string at the start of a {@code SIZE}-byte mapping named
 * {@code NAME} whose storage comes from the paging file.
 *
 * <p>The checker makes one object per simulated process and calls its methods with that process's {@code Kernel32}
 * and {@code Memory}, in any order, any number of times.
 */
public interface MemoShare {
    /** The mapping's name, shared by every process. */
    String NAME = "MMFSharedData";
    /** The mapping's size: one 4 KiB page. */
    int SIZE = 4096;

    /** {@link #create} made the mapping and stored the text. */
    int CREATED = 1;
    /** {@link #create} found the mapping already there: nothing was written, no handle kept. */
    int ALREADY_EXISTS = 2;
    /** {@link #create} failed (or the text does not fit): nothing changed. */
    int FAILED = 0;

    /**
     * "Create mapping of data": creates the paging-file-backed mapping {@code NAME}, copies {@code text} and its NUL
     * into it through a view, unmaps the view, and keeps the mapping's handle open until {@link #close}.
     *
     * @return {@link #CREATED}; {@link #ALREADY_EXISTS} if some process had created it (close the handle you got);
     *         {@link #FAILED} if {@code text} is null, does not fit in {@code SIZE} bytes with its NUL, or a call
     *         failed
     */
    int create(Kernel32 kernel, Memory memory, String text);

    /** "Close mapping": closes the handle {@link #create} kept, if any. */
    void close(Kernel32 kernel, Memory memory);

    /**
     * "Open mapping and get data": opens the existing mapping by name, reads the string through a view, unmaps the
     * view and closes the handle. Never creates the mapping.
     *
     * @return the text, or null if no mapping of that name exists
     */
    String read(Kernel32 kernel, Memory memory);
}
