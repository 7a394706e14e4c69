package pagelab.exercises.protection;

import java.util.List;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;

/**
 * A write tracker in the style of {@code GetWriteWatch}, built from page protection: the buffer is kept
 * {@code PAGE_READONLY}, so the first write to each page faults; the filter records the page, makes it
 * {@code PAGE_READWRITE} and continues execution. {@link #reset} makes the written pages read-only again.
 *
 * <p>The checker calls {@code open} first, then any mix of the other methods on one thread, then {@code close}.
 */
public interface WriteTracker {
    /** Pages in the buffer. */
    int PAGES = 16;
    /** Bytes in the buffer: 64 KiB, one allocation-granularity unit. */
    long BUFFER_SIZE = PAGES * 4096L;

    /**
     * Reserves and commits {@code BUFFER_SIZE} bytes, then makes the whole buffer {@code PAGE_READONLY}.
     *
     * @return true on success
     */
    boolean open(Kernel32 kernel, Memory memory, Seh seh);

    /** The buffer's base address; 0 while closed. */
    long base();

    /**
     * The {@code __except} filter: a write access violation on a page of the buffer that was {@code PAGE_READONLY}
     * is recorded, the page made {@code PAGE_READWRITE}, and execution continues. Everything else, including a
     * page of the buffer whose protection someone else changed, goes on with {@code EXCEPTION_CONTINUE_SEARCH},
     * its protection unchanged.
     */
    int watchFilter(EXCEPTION_RECORD record);

    /** Runs {@code body} once, inside {@code __try { body } __except (watchFilter(...)) { }}. */
    void watched(SehBlock body);

    /** The base addresses of the pages written since {@code open} or the last {@code reset}, in address order. */
    List<Long> writtenPages();

    /**
     * Makes every written page {@code PAGE_READONLY} again and forgets them ({@code ResetWriteWatch}).
     *
     * @return true if every page was re-protected
     */
    boolean reset();

    /** Releases the buffer; {@code base()} returns 0 afterwards. */
    void close();
}
