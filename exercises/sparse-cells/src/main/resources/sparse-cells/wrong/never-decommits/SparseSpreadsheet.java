import static pagelab.kernel.WinNT.*;

import java.util.BitSet;
import pagelab.exercises.sparsecells.Spreadsheet;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.SYSTEM_INFO;

/**
 * Known-wrong solution "never-decommits": clears cells but never gives their pages back.
 */
public class SparseSpreadsheet implements Spreadsheet {
    private Kernel32 kernel;
    private Memory memory;
    private long base;
    private int pageSize;
    private final BitSet inUse = new BitSet(ROWS * COLUMNS);
    private int[] cellsInUseOnPage;

    @Override
    public boolean open(Kernel32 kernel, Memory memory) {
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        // Reserve address space for the whole sheet: no storage is committed yet.
        long region = kernel.VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE);
        if (region == 0) {
            return false;
        }
        this.kernel = kernel;
        this.memory = memory;
        this.base = region;
        this.pageSize = si.dwPageSize;
        this.cellsInUseOnPage = new int[(int) (SHEET_SIZE / pageSize)];
        return true;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public boolean setCell(int row, int column, byte[] data) {
        if (base == 0 || !inRange(row, column) || data == null || data.length > CELL_SIZE) {
            return false;
        }
        long cell = address(row, column);
        int page = page(cell);
        if (!inUse.get(index(row, column))) {
            // First cell in use on this page: commit the page (committing a committed page is harmless).
            if (cellsInUseOnPage[page] == 0
                    && kernel.VirtualAlloc(cell, CELL_SIZE, MEM_COMMIT, PAGE_READWRITE) == 0) {
                return false;
            }
            cellsInUseOnPage[page]++;
            inUse.set(index(row, column));
        }
        memory.write(cell, data, 0, data.length);
        memory.setMemory(cell + data.length, CELL_SIZE - data.length, (byte) 0);
        return true;
    }

    @Override
    public byte[] getCell(int row, int column) {
        if (base == 0 || !inRange(row, column)) {
            return null;
        }
        byte[] data = new byte[CELL_SIZE];
        // An unused cell reads as zeros without touching memory, so reading commits nothing.
        if (inUse.get(index(row, column))) {
            memory.read(address(row, column), data, 0, CELL_SIZE);
        }
        return data;
    }

    @Override
    public void clearCell(int row, int column) {
        if (base == 0 || !inRange(row, column) || !inUse.get(index(row, column))) {
            return;
        }
        inUse.clear(index(row, column));
        long cell = address(row, column);
        int page = page(cell);
        // tag::mistake[]
        // MISTAKE: the page stays committed even when its last cell is cleared.
        cellsInUseOnPage[page]--;
        memory.setMemory(cell, CELL_SIZE, (byte) 0);
        // end::mistake[]
    }

    @Override
    public void close() {
        if (base != 0) {
            // MEM_RELEASE needs the allocation base and a size of 0; it decommits and releases at once.
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            base = 0;
            inUse.clear();
        }
    }

    private static boolean inRange(int row, int column) {
        return row >= 0 && row < ROWS && column >= 0 && column < COLUMNS;
    }

    private static int index(int row, int column) {
        return row * COLUMNS + column;
    }

    // cells[row][column] as C lays the array out: row-major, CELL_SIZE bytes per cell.
    private long address(int row, int column) {
        return base + ((long) row * COLUMNS + column) * CELL_SIZE;
    }

    private int page(long address) {
        return (int) ((address - base) / pageSize);
    }
}
