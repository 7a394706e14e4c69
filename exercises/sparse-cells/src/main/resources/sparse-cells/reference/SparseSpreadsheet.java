import static pagelab.kernel.WinNT.*;

// BEGIN SOLUTION
import java.util.BitSet;
// END SOLUTION
import pagelab.exercises.sparsecells.Spreadsheet;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
// BEGIN SOLUTION
import pagelab.kernel.SYSTEM_INFO;
// END SOLUTION

/**
 // BEGIN SOLUTION
 * The reference solution: reserve once, commit a page when its first cell comes into use, decommit it when its
 * last cell is cleared, release on close.
 // INSTEAD
 //> * A spreadsheet of CELLDATA cells[200][256] (128 bytes each) in one reserved region.
 //> * Read the instructions first; each TODO says which Win32 call does the work.
 // END SOLUTION
 */
public class SparseSpreadsheet implements Spreadsheet {
    private Kernel32 kernel;
    private Memory memory;
    private long base;
    // BEGIN SOLUTION
    private int pageSize;
    private final BitSet inUse = new BitSet(ROWS * COLUMNS);
    private int[] cellsInUseOnPage;
    // END SOLUTION

    // tag::open[]
    @Override
    public boolean open(Kernel32 kernel, Memory memory) {
        // BEGIN SOLUTION
        SYSTEM_INFO si = new SYSTEM_INFO();
        kernel.GetSystemInfo(si);
        // BEGIN WRONG commits-everything
        // Reserve address space for the whole sheet: no storage is committed yet.
        long region = kernel.VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE);
        // INSTEAD
        // MISTAKE: reserve and commit the whole sheet at once, 1,600 pages nobody uses yet.
        //> long region = kernel.VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
        // END WRONG
        if (region == 0) {
            return false;
        }
        // END SOLUTION
        this.kernel = kernel;
        this.memory = memory;
        // BEGIN SOLUTION
        this.base = region;
        this.pageSize = si.dwPageSize;
        this.cellsInUseOnPage = new int[(int) (SHEET_SIZE / pageSize)];
        return true;
        // INSTEAD
        // TODO: reserve SHEET_SIZE bytes of address space with VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, ...).
        //       Commit nothing yet. Remember the base; return false if VirtualAlloc returns 0.
        //> return false;
        // END SOLUTION
    }
    // end::open[]

    @Override
    public long base() {
        return base;
    }

    // tag::setCell[]
    @Override
    public boolean setCell(int row, int column, byte[] data) {
        // BEGIN SOLUTION
        if (base == 0 || !inRange(row, column) || data == null || data.length > CELL_SIZE) {
            return false;
        }
        long cell = address(row, column);
        int page = page(cell);
        if (!inUse.get(index(row, column))) {
            // BEGIN WRONG commits-everything
            // First cell in use on this page: commit the page (committing a committed page is harmless).
            // BEGIN WRONG ignores-commit-failure
            if (cellsInUseOnPage[page] == 0
                    && kernel.VirtualAlloc(cell, CELL_SIZE, MEM_COMMIT, PAGE_READWRITE) == 0) {
                return false;
            }
            // INSTEAD
            // MISTAKE: VirtualAlloc's result is not checked.
            //> if (cellsInUseOnPage[page] == 0) {
                //> kernel.VirtualAlloc(cell, CELL_SIZE, MEM_COMMIT, PAGE_READWRITE);
            //> }
            // END WRONG
            // END WRONG
            cellsInUseOnPage[page]++;
            inUse.set(index(row, column));
        }
        memory.write(cell, data, 0, data.length);
        memory.setMemory(cell + data.length, CELL_SIZE - data.length, (byte) 0);
        return true;
        // INSTEAD
        // TODO: check the arguments (rows 0..ROWS-1, columns 0..COLUMNS-1, data at most CELL_SIZE bytes).
        // TODO: compute the cell's address as C would for cells[row][column].
        // TODO: if the cell's page holds no cell in use yet, commit it with VirtualAlloc(..., MEM_COMMIT, ...);
        //       return false if that fails.
        // TODO: write data with memory.write and zero the rest of the cell; remember the cell is in use.
        //> return false;
        // END SOLUTION
    }
    // end::setCell[]

    @Override
    public byte[] getCell(int row, int column) {
        // BEGIN SOLUTION
        if (base == 0 || !inRange(row, column)) {
            return null;
        }
        byte[] data = new byte[CELL_SIZE];
        // BEGIN WRONG commits-on-read
        // An unused cell reads as zeros without touching memory, so reading commits nothing.
        if (inUse.get(index(row, column))) {
            memory.read(address(row, column), data, 0, CELL_SIZE);
        }
        // INSTEAD
        // MISTAKE: "make sure the memory is there" before reading; commits pages for unused cells.
        //> kernel.VirtualAlloc(address(row, column), CELL_SIZE, MEM_COMMIT, PAGE_READWRITE);
        //> memory.read(address(row, column), data, 0, CELL_SIZE);
        // END WRONG
        return data;
        // INSTEAD
        // TODO: return CELL_SIZE zero bytes for a cell not in use WITHOUT touching its memory
        //       (its page may not be committed); otherwise read the cell with memory.read.
        //> return null;
        // END SOLUTION
    }

    // tag::clearCell[]
    @Override
    public void clearCell(int row, int column) {
        // BEGIN SOLUTION
        if (base == 0 || !inRange(row, column) || !inUse.get(index(row, column))) {
            return;
        }
        inUse.clear(index(row, column));
        long cell = address(row, column);
        int page = page(cell);
        // BEGIN WRONG never-decommits, commits-everything, decommits-live-page
        if (--cellsInUseOnPage[page] == 0) {
            // The last cell on the page is gone: give the storage back, keep the address space reserved.
            kernel.VirtualFree(base + (long) page * pageSize, pageSize, MEM_DECOMMIT);
        } else {
            memory.setMemory(cell, CELL_SIZE, (byte) 0);
        }
        // INSTEAD never-decommits
        // MISTAKE: the page stays committed even when its last cell is cleared.
        //> cellsInUseOnPage[page]--;
        //> memory.setMemory(cell, CELL_SIZE, (byte) 0);
        // INSTEAD commits-everything
        //> cellsInUseOnPage[page]--;
        //> memory.setMemory(cell, CELL_SIZE, (byte) 0);
        // INSTEAD decommits-live-page
        // MISTAKE: decommits the page at once, whatever other cells on it still hold.
        //> cellsInUseOnPage[page]--;
        //> kernel.VirtualFree(base + (long) page * pageSize, pageSize, MEM_DECOMMIT);
        // END WRONG
        // INSTEAD
        // TODO: mark the cell unused; when it was the last cell in use on its page,
        //       decommit that page with VirtualFree(page, pageSize, MEM_DECOMMIT).
        // END SOLUTION
    }
    // end::clearCell[]

    @Override
    public void close() {
        // BEGIN SOLUTION
        if (base != 0) {
            // BEGIN WRONG leaks-reservation
            // MEM_RELEASE needs the allocation base and a size of 0; it decommits and releases at once.
            kernel.VirtualFree(base, 0, MEM_RELEASE);
            // INSTEAD
            // MISTAKE: decommits the storage but leaves the address space reserved for ever.
            //> kernel.VirtualFree(base, SHEET_SIZE, MEM_DECOMMIT);
            // END WRONG
            base = 0;
            inUse.clear();
        }
        // INSTEAD
        // TODO: release the whole region with VirtualFree(base, 0, MEM_RELEASE) and set base to 0.
        // END SOLUTION
    }
    // BEGIN SOLUTION

    private static boolean inRange(int row, int column) {
        return row >= 0 && row < ROWS && column >= 0 && column < COLUMNS;
    }

    private static int index(int row, int column) {
        return row * COLUMNS + column;
    }

    // tag::address[]
    // cells[row][column] as C lays the array out: row-major, CELL_SIZE bytes per cell.
    private long address(int row, int column) {
        // BEGIN WRONG off-by-one-layout
        return base + ((long) row * COLUMNS + column) * CELL_SIZE;
        // INSTEAD
        // MISTAKE: one byte too many per cell; the last rows run past the reserved region.
        //> return base + ((long) row * COLUMNS + column) * (CELL_SIZE + 1);
        // END WRONG
    }
    // end::address[]

    private int page(long address) {
        return (int) ((address - base) / pageSize);
    }
    // END SOLUTION
}
