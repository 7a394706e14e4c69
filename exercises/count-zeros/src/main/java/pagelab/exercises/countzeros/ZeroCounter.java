package pagelab.exercises.countzeros;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * The book's Count0s: counts the zero bytes of a file that may be larger than the process's address space, by
 * mapping one part of it at a time.
 *
 * <p>The checker calls {@link #countZeros} once per file, in one process; the file is not changed meanwhile.
 */
public interface ZeroCounter {
    /**
     * Counts the zero bytes of the file at {@code path}.
     *
     * @param maxViewBytes the most bytes mapped at any moment: a positive multiple of the allocation granularity
     * @return the number of zero bytes, or -1 if the file cannot be opened or mapped
     */
    long countZeros(Kernel32 kernel, Memory memory, String path, long maxViewBytes);
}
