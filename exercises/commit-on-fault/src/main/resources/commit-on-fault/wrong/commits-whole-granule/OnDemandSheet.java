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
 * Known-wrong solution "commits-whole-granule": commits the 64 KiB block around the fault.
 */
public class OnDemandSheet implements DemandSheet {
    private Kernel32 kernel;
    private Memory memory;
    private Seh seh;
    private long base;
    private long pageSize;

    @Override
    public boolean open(Kernel32 kernel, Memory memory, Seh seh) {
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        long region = kernel.VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE);
        if (region == 0) {
            return false;
        }
        this.kernel = kernel;
        this.memory = memory;
        this.seh = seh;
        this.base = region;
        this.pageSize = si.dwPageSize;
        return true;
    }

    @Override
    public long base() {
        return base;
    }
    @Override
    public int commitFilter(EXCEPTION_RECORD record) {
        // Only access violations can be cured by committing: guard pages, stack overflows and the rest go on.
        if (record.ExceptionCode != EXCEPTION_ACCESS_VIOLATION || record.NumberParameters < 2) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        long address = record.ExceptionInformation[1];
        // A fault outside the sheet (a NULL pointer, someone else's memory) is not ours to fix.
        if (base == 0 || address < base || address - base >= SHEET_SIZE) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // A committed page faulted because of its protection: committing again would not help, only loop.
        MEMORY_BASIC_INFORMATION mbi = new MEMORY_BASIC_INFORMATION();
        if (kernel.VirtualQuery(address, mbi) == 0 || mbi.State != MEM_RESERVE) {
            return EXCEPTION_CONTINUE_SEARCH;
        }
        // MISTAKE: commits the whole allocation-granularity block (16 pages) "to save faults".
        long block = address & ~0xFFFFL;
        if (kernel.VirtualAlloc(block, 0x10000, MEM_COMMIT, PAGE_READWRITE) == 0) {
            return EXCEPTION_CONTINUE_SEARCH; // out of storage: let the caller's handler see the violation
        }
        return EXCEPTION_CONTINUE_EXECUTION; // the faulting access runs again and now succeeds
    }

    @Override
    public void guarded(SehBlock body) {
        // The handler never runs: the filter either continues execution or continues the search.
        seh.tryExcept(body, this::commitFilter, record -> { });
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
        if (base != 0) {
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            base = 0;
        }
    }

    private long address(int row, int column) {
        return base + ((long) row * COLUMNS + column) * CELL_SIZE;
    }
}
