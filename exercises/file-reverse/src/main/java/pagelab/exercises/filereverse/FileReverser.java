package pagelab.exercises.filereverse;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * The book's FileRev: reverses the bytes of a text file in place by mapping it into memory, as {@code _strrev} would
 * reverse a string. The mapping is one byte larger than the file, for the string's terminating zero; afterwards the
 * file gets its old size back.
 *
 * <p>The file holds text: no zero bytes. The checker calls {@link #reverse} once per file, in one process, and
 * looks at the file from outside afterwards.
 */
public interface FileReverser {
    /**
     * Reverses the file at {@code path} in place.
     *
     * @return true if the file was reversed (an empty file counts); false, leaving the file as it was, if it cannot
     *         be opened or mapped (GetLastError says why)
     */
    boolean reverse(Kernel32 kernel, Memory memory, String path);
}
