import static pagelab.kernel.WinNT.*;

import pagelab.exercises.commitonfault.DemandSheet;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
// BEGIN WRONG no-state-check
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
// END WRONG
import pagelab.kernel.Memory;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;

/**
 // BEGIN SOLUTION
 * The reference solution: reserve the sheet, and let an __except filter commit each page at its first touch.
 // INSTEAD
 //> * A spreadsheet of CELLDATA cells[200][256] in one reserved region whose pages an __except filter commits.
 //> * setCell and getCell are done: they just touch memory inside guarded(). Read the instructions first.
 // END SOLUTION
 */
public class OnDemandSheet implements DemandSheet {
    private Kernel32 kernel;
    private Memory memory;
    private Seh seh;
    private long base;
    private long pageSize;

    @Override
    public boolean open(Kernel32 kernel, Memory memory, Seh seh) {
        // BEGIN SOLUTION
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        long region = kernel.VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE);
        if (region == 0) {
            return false;
        }
        // END SOLUTION
        this.kernel = kernel;
        this.memory = memory;
        this.seh = seh;
        // BEGIN SOLUTION
        this.base = region;
        this.pageSize = si.dwPageSize;
        return true;
        // INSTEAD
        //> SYSTEM_INFO si = new SYSTEM_INFO();
        //> kernel.GetSystemInfo(si);
        //> pageSize = si.dwPageSize;
        // TODO: reserve SHEET_SIZE bytes with VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE);
        //       commit nothing. Keep the base; return false if VirtualAlloc returns 0.
        //> return false;
        // END SOLUTION
    }

    @Override
    public long base() {
        return base;
    }

    // tag::filter[]
    @Override
    public int commitFilter(EXCEPTION_RECORD record) {
        // BEGIN SOLUTION
        // Only access violations can be cured by committing: guard pages, stack overflows and the rest go on.
        if (record.ExceptionCode != EXCEPTION_ACCESS_VIOLATION || record.NumberParameters < 2) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // BEGIN WRONG handles-writes-only
        // INSTEAD
        // MISTAKE: "only writes need storage"; a read of an untouched page is an access violation too.
        //> if (record.ExceptionInformation[0] != EXCEPTION_WRITE_FAULT) {
            //> return EXCEPTION_CONTINUE_SEARCH;
        //> }
        // END WRONG
        long address = record.ExceptionInformation[1];
        // A fault outside the sheet (a NULL pointer, someone else's memory) is not ours to fix.
        // BEGIN WRONG no-range-check
        if (base == 0 || address < base || address - base >= SHEET_SIZE) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // INSTEAD
        // MISTAKE: no check that the address belongs to the sheet; any reserved page gets committed.
        // END WRONG
        // BEGIN WRONG no-state-check
        // A committed page faulted because of its protection: committing again would not help, only loop.
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        if (kernel.VirtualQuery(address, mbi) == 0 || mbi.State != MEM_RESERVE) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // INSTEAD
        // MISTAKE: no VirtualQuery; a committed read-only page is "committed" again as PAGE_READWRITE.
        // END WRONG
        // BEGIN WRONG commits-whole-granule, ignores-commit-failure
        long page = address & ~(pageSize - 1);
        if (kernel.VirtualAlloc(page, pageSize, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return EXCEPTION_CONTINUE_SEARCH; // out of storage: let the caller's handler see the violation
        }
        // INSTEAD commits-whole-granule
        // MISTAKE: commits the whole allocation-granularity block (16 pages) "to save faults".
        //> long block = address & ~0xFFFFL;
        //> if (kernel.VirtualAlloc(block, 0x10000, MEM_COMMIT, PAGE_READWRITE) == 0) {
            //> return EXCEPTION_CONTINUE_SEARCH; // out of storage: let the caller's handler see the violation
        //> }
        // INSTEAD ignores-commit-failure
        //> long page = address & ~(pageSize - 1);
        // MISTAKE: VirtualAlloc's result is ignored; if it fails, the retried access faults again, forever.
        //> kernel.VirtualAlloc(page, pageSize, MEM_COMMIT, PAGE_READWRITE);
        // END WRONG
        // BEGIN WRONG retries-in-handler
        return EXCEPTION_CONTINUE_EXECUTION; // the faulting access runs again and now succeeds
        // INSTEAD
        // MISTAKE: "the handler will retry": EXECUTE_HANDLER unwinds the body, which cannot be resumed.
        //> return EXCEPTION_EXECUTE_HANDLER;
        // END WRONG
        // INSTEAD
        // TODO: return EXCEPTION_CONTINUE_SEARCH unless record.ExceptionCode is EXCEPTION_ACCESS_VIOLATION.
        // TODO: the faulting address is record.ExceptionInformation[1]; return EXCEPTION_CONTINUE_SEARCH if it is
        //       outside [base, base + SHEET_SIZE).
        // TODO: ask VirtualQuery for the page's State; only a MEM_RESERVE page can be cured by committing.
        // TODO: commit exactly that page (VirtualAlloc(page, pageSize, MEM_COMMIT, PAGE_READWRITE)); if that fails,
        //       return EXCEPTION_CONTINUE_SEARCH, else EXCEPTION_CONTINUE_EXECUTION.
        //> return EXCEPTION_CONTINUE_SEARCH;
        // END SOLUTION
    }
    // end::filter[]

    @Override
    public void guarded(SehBlock body) {
        // BEGIN SOLUTION
        // The handler never runs: the filter either continues execution or continues the search.
        // BEGIN WRONG retries-in-handler
        seh.tryExcept(body, this::commitFilter, record -> { });
        // INSTEAD
        //> seh.tryExcept(body, this::commitFilter, record -> guarded(body)); // run the whole body again
        // END WRONG
        // INSTEAD
        // TODO: __try { body } __except (commitFilter(GetExceptionInformation()->ExceptionRecord)) { }
        //       i.e. seh.tryExcept(body, <your filter>, <a handler that does nothing>).
        //> body.run();
        // END SOLUTION
    }

    @Override
    public void setCell(int row, int column, byte[] data) {
        long cell = address(row, column);
        guarded(() -> memory.write(cell, data, 0, Math.min(data.length, CELL_SIZE)));
    }

    @Override
    public byte[] getCell(int row, int column) {
        byte[] data = new byte[CELL_SIZE];
        long cell = address(row, column);
        guarded(() -> memory.read(cell, data, 0, CELL_SIZE));
        return data;
    }

    @Override
    public void close() {
        // BEGIN SOLUTION
        if (base != 0) {
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            base = 0;
        }
        // INSTEAD
        // TODO: release the region with VirtualFree(base, 0, MEM_RELEASE) and set base to 0.
        // END SOLUTION
    }

    private long address(int row, int column) {
        return base + ((long) row * COLUMNS + column) * CELL_SIZE;
    }
}
