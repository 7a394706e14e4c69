import static pagelab.kernel.WinNT.*;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import pagelab.exercises.protection.WriteTracker;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;

/**
 * A write tracker: a PAGE_READONLY buffer whose first write to each page faults, is recorded and then allowed.
 * Read the instructions first.
 */
public class PageWriteTracker implements WriteTracker {
    private static final long PAGE = 4096;
    private Kernel32 kernel;
    private Memory memory;
    private Seh seh;
    private long base;
    private final TreeSet<Long> written = new TreeSet<>();

    @Override
    public boolean open(Kernel32 kernel, Memory memory, Seh seh) {
        this.kernel = kernel;
        this.memory = memory;
        this.seh = seh;
        // TODO: VirtualAlloc BUFFER_SIZE bytes with MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE.
        // TODO: make the whole buffer PAGE_READONLY with one VirtualProtect (lpflOldProtect must not be NULL).
        return false;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public int watchFilter(EXCEPTION_RECORD record) {
        // TODO: only a write (ExceptionInformation[0] == EXCEPTION_WRITE_FAULT) access violation inside the
        //       buffer is ours.
        // TODO: VirtualProtect the faulting page to PAGE_READWRITE and look at the old protection: if it was not
        //       PAGE_READONLY, put it back and return EXCEPTION_CONTINUE_SEARCH.
        // TODO: record the page and return EXCEPTION_CONTINUE_EXECUTION.
        return EXCEPTION_CONTINUE_SEARCH;
    }

    @Override
    public void watched(SehBlock body) {
        // TODO: seh.tryExcept(body, <your filter>, <a handler that does nothing>).
        body.run();
    }

    @Override
    public List<Long> writtenPages() {
        return new ArrayList<>(written);
    }

    @Override
    public boolean reset() {
        // TODO: make each written page PAGE_READONLY again and forget them.
        written.clear();
        return true;
    }

    @Override
    public void close() {
        // TODO: VirtualFree(base, 0, MEM_RELEASE); base = 0.
    }
}
