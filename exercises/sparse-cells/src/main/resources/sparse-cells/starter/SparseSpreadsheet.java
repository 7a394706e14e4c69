import static pagelab.kernel.WinNT.*;

import pagelab.exercises.sparsecells.Spreadsheet;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

/**
 * A spreadsheet of CELLDATA cells[200][256] (128 bytes each) in one reserved region.
 * Read the instructions first; each TODO says which Win32 call does the work.
 */
public class SparseSpreadsheet implements Spreadsheet {
    private Kernel32 kernel;
    private Memory memory;
    private long base;

    @Override
    public boolean open(Kernel32 kernel, Memory memory) {
        this.kernel = kernel;
        this.memory = memory;
        // TODO: reserve SHEET_SIZE bytes of address space with VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, ...).
        //       Commit nothing yet. Remember the base; return false if VirtualAlloc returns 0.
        return false;
    }

    @Override
    public long base() {
        return base;
    }

    @Override
    public boolean setCell(int row, int column, byte[] data) {
        // TODO: check the arguments (rows 0..ROWS-1, columns 0..COLUMNS-1, data at most CELL_SIZE bytes).
        // TODO: compute the cell's address as C would for cells[row][column].
        // TODO: if the cell's page holds no cell in use yet, commit it with VirtualAlloc(..., MEM_COMMIT, ...);
        //       return false if that fails.
        // TODO: write data with memory.write and zero the rest of the cell; remember the cell is in use.
        return false;
    }

    @Override
    public byte[] getCell(int row, int column) {
        // TODO: return CELL_SIZE zero bytes for a cell not in use WITHOUT touching its memory
        //       (its page may not be committed); otherwise read the cell with memory.read.
        return null;
    }

    @Override
    public void clearCell(int row, int column) {
        // TODO: mark the cell unused; when it was the last cell in use on its page,
        //       decommit that page with VirtualFree(page, pageSize, MEM_DECOMMIT).
    }

    @Override
    public void close() {
        // TODO: release the whole region with VirtualFree(base, 0, MEM_RELEASE) and set base to 0.
    }
}
