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
 * Known-wrong solution "no-range-check": unprotects any read-only page that a write faults on.
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
        long b = kernel.VirtualAlloc(0, BUFFER_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        if (b == 0) {
            return false;
        }
        // lpflOldProtect must point somewhere: VirtualProtect fails with ERROR_NOACCESS when it is NULL.
        if (!kernel.VirtualProtect(b, BUFFER_SIZE, PAGE_READONLY, new IntByReference())) {
            kernel.VirtualFree(b, 0, MEM_RELEASE);
            return false;
        }
        this.kernel = kernel;
        this.memory = memory;
        this.seh = seh;
        this.base = b;
        return true;
    }

    @Override
    public long base() {
        return base;
    }
    @Override
    public int watchFilter(EXCEPTION_RECORD record) {
        if (record.ExceptionCode != EXCEPTION_ACCESS_VIOLATION || record.NumberParameters < 2
                || record.ExceptionInformation[0] != EXCEPTION_WRITE_FAULT) {
            return EXCEPTION_CONTINUE_SEARCH; // reads of a read-only page never fault; anything else is not ours
        }
        long address = record.ExceptionInformation[1];
        // MISTAKE: no check that the address is inside the buffer.
        long page = address & ~(PAGE - 1);
        IntByReference old = new IntByReference();
        if (!kernel.VirtualProtect(page, PAGE, PAGE_READWRITE, old)) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // The old protection says what the page was: only our PAGE_READONLY marks a tracked page.
        if (old.getValue() != PAGE_READONLY) {
            kernel.VirtualProtect(page, PAGE, old.getValue(), new IntByReference()); // put it back as it was
            return EXCEPTION_CONTINUE_SEARCH;
        }
        written.add(page);
        return EXCEPTION_CONTINUE_EXECUTION;
    }

    @Override
    public void watched(SehBlock body) {
        seh.tryExcept(body, this::watchFilter, record -> { });
    }

    @Override
    public List<Long> writtenPages() {
        return new ArrayList<>(written);
    }

    @Override
    public boolean reset() {
        boolean all = true;
        IntByReference old = new IntByReference();
        for (long page : written) {
            all &= kernel.VirtualProtect(page, PAGE, PAGE_READONLY, old);
        }
        written.clear();
        return all;
    }

    @Override
    public void close() {
        if (base != 0) {
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            base = 0;
            written.clear();
        }
    }
}
