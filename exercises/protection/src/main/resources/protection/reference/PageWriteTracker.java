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
 // BEGIN SOLUTION
 * The reference solution: a read-only buffer whose first write to each page is caught, recorded and allowed.
 // INSTEAD
 //> * A write tracker: a PAGE_READONLY buffer whose first write to each page faults, is recorded and then allowed.
 //> * Read the instructions first.
 // END SOLUTION
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
        // BEGIN SOLUTION
        long b = kernel.VirtualAlloc(0, BUFFER_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        if (b == 0) {
            return false;
        }
        // lpflOldProtect must point somewhere: VirtualProtect fails with ERROR_NOACCESS when it is NULL.
        // BEGIN WRONG protects-noaccess
        if (!kernel.VirtualProtect(b, BUFFER_SIZE, PAGE_READONLY, new IntByReference())) {
        // INSTEAD
        // MISTAKE: PAGE_NOACCESS also stops reads, which the filter does not (and should not) handle.
        //> if (!kernel.VirtualProtect(b, BUFFER_SIZE, PAGE_NOACCESS, new IntByReference())) {
        // END WRONG
            kernel.VirtualFree(b, 0, MEM_RELEASE);
            return false;
        }
        // END SOLUTION
        this.kernel = kernel;
        this.memory = memory;
        this.seh = seh;
        // BEGIN SOLUTION
        this.base = b;
        return true;
        // INSTEAD
        // TODO: VirtualAlloc BUFFER_SIZE bytes with MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE.
        // TODO: make the whole buffer PAGE_READONLY with one VirtualProtect (lpflOldProtect must not be NULL).
        //> return false;
        // END SOLUTION
    }

    @Override
    public long base() {
        return base;
    }

    // tag::filter[]
    @Override
    public int watchFilter(EXCEPTION_RECORD record) {
        // BEGIN SOLUTION
        if (record.ExceptionCode != EXCEPTION_ACCESS_VIOLATION || record.NumberParameters < 2
                || record.ExceptionInformation[0] != EXCEPTION_WRITE_FAULT) {
            return EXCEPTION_CONTINUE_SEARCH; // reads of a read-only page never fault; anything else is not ours
        }
        long address = record.ExceptionInformation[1];
        // BEGIN WRONG no-range-check
        if (base == 0 || address < base || address - base >= BUFFER_SIZE) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // INSTEAD
        // MISTAKE: no check that the address is inside the buffer.
        // END WRONG
        long page = address & ~(PAGE - 1);
        IntByReference old = new IntByReference();
        // BEGIN WRONG unprotects-whole-buffer
        if (!kernel.VirtualProtect(page, PAGE, PAGE_READWRITE, old)) {
        // INSTEAD
        // MISTAKE: unprotects the whole buffer, so only the first page written is ever seen.
        //> if (!kernel.VirtualProtect(base, BUFFER_SIZE, PAGE_READWRITE, old)) {
        // END WRONG
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // BEGIN WRONG ignores-old-protection
        // The old protection says what the page was: only our PAGE_READONLY marks a tracked page.
        // BEGIN WRONG protects-noaccess
        if (old.getValue() != PAGE_READONLY) {
        // INSTEAD
        //> if (old.getValue() != PAGE_NOACCESS) {
        // END WRONG
            kernel.VirtualProtect(page, PAGE, old.getValue(), new IntByReference()); // put it back as it was
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // INSTEAD
        // MISTAKE: the old protection is never looked at; a page someone made PAGE_NOACCESS becomes writable.
        // END WRONG
        written.add(page);
        return EXCEPTION_CONTINUE_EXECUTION;
        // INSTEAD
        // TODO: only a write (ExceptionInformation[0] == EXCEPTION_WRITE_FAULT) access violation inside the
        //       buffer is ours.
        // TODO: VirtualProtect the faulting page to PAGE_READWRITE and look at the old protection: if it was not
        //       PAGE_READONLY, put it back and return EXCEPTION_CONTINUE_SEARCH.
        // TODO: record the page and return EXCEPTION_CONTINUE_EXECUTION.
        //> return EXCEPTION_CONTINUE_SEARCH;
        // END SOLUTION
    }
    // end::filter[]

    @Override
    public void watched(SehBlock body) {
        // BEGIN SOLUTION
        seh.tryExcept(body, this::watchFilter, record -> { });
        // INSTEAD
        // TODO: seh.tryExcept(body, <your filter>, <a handler that does nothing>).
        //> body.run();
        // END SOLUTION
    }

    @Override
    public List<Long> writtenPages() {
        return new ArrayList<>(written);
    }

    @Override
    public boolean reset() {
        // BEGIN SOLUTION
        boolean all = true;
        IntByReference old = new IntByReference();
        for (long page : written) {
            // BEGIN WRONG protects-noaccess, reset-null-old-protect
            all &= kernel.VirtualProtect(page, PAGE, PAGE_READONLY, old);
            // INSTEAD protects-noaccess
            //> all &= kernel.VirtualProtect(page, PAGE, PAGE_NOACCESS, old);
            // INSTEAD reset-null-old-protect
            // MISTAKE: "I don't need the old protection": NULL makes VirtualProtect fail (ERROR_NOACCESS).
            //> kernel.VirtualProtect(page, PAGE, PAGE_READONLY, null);
            // END WRONG
        }
        // INSTEAD
        // TODO: make each written page PAGE_READONLY again and forget them.
        // END SOLUTION
        written.clear();
        // BEGIN SOLUTION
        return all;
        // INSTEAD
        //> return true;
        // END SOLUTION
    }

    @Override
    public void close() {
        // BEGIN SOLUTION
        if (base != 0) {
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            base = 0;
            written.clear();
        }
        // INSTEAD
        // TODO: VirtualFree(base, 0, MEM_RELEASE); base = 0.
        // END SOLUTION
    }
}
