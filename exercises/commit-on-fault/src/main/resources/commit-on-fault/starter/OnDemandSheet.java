import static pagelab.kernel.WinNT.*;

import pagelab.exercises.commitonfault.DemandSheet;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.MEMORY_BASIC_INFORMATION;
import pagelab.kernel.Memory;
import pagelab.kernel.SYSTEM_INFO;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;

/**
 * A spreadsheet of CELLDATA cells[200][256] in one reserved region whose pages an __except filter commits.
 * setCell and getCell are done: they just touch memory inside guarded(). Read the instructions first.
 */
public class OnDemandSheet implements DemandSheet {
    private Kernel32 kernel;
    private Memory memory;
    private Seh seh;
    private long base;
    private long pageSize;

    @Override
    public boolean open(Kernel32 kernel, Memory memory, Seh seh) {
        this.kernel = kernel;
        this.memory = memory;
        this.seh = seh;
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        pageSize = si.dwPageSize;
        // TODO: reserve SHEET_SIZE bytes with VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE);
        //       commit nothing. Keep the base; return false if VirtualAlloc returns 0.
        return false;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public int commitFilter(EXCEPTION_RECORD record) {
        // TODO: return EXCEPTION_CONTINUE_SEARCH unless record.ExceptionCode is EXCEPTION_ACCESS_VIOLATION.
        // TODO: the faulting address is record.ExceptionInformation[1]; return EXCEPTION_CONTINUE_SEARCH if it is
        //       outside [base, base + SHEET_SIZE).
        // TODO: ask VirtualQuery for the page's State; only a MEM_RESERVE page can be cured by committing.
        // TODO: commit exactly that page (VirtualAlloc(page, pageSize, MEM_COMMIT, PAGE_READWRITE)); if that fails,
        //       return EXCEPTION_CONTINUE_SEARCH, else EXCEPTION_CONTINUE_EXECUTION.
        return EXCEPTION_CONTINUE_SEARCH;
    }

    @Override
    public void guarded(SehBlock body) {
        // TODO: __try { body } __except (commitFilter(GetExceptionInformation()->ExceptionRecord)) { }
        //       i.e. seh.tryExcept(body, <your filter>, <a handler that does nothing>).
        body.run();
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
        // TODO: release the region with VirtualFree(base, 0, MEM_RELEASE) and set base to 0.
    }

    private long address(int row, int column) {
        return base + ((long) row * COLUMNS + column) * CELL_SIZE;
    }
}
