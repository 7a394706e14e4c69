package pagelab.exercises.sparsecells;

import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;

// tag::interface[]
/**
 * A spreadsheet of {@code CELLDATA cells[ROWS][COLUMNS]}, {@code sizeof(CELLDATA) == CELL_SIZE}, kept in simulated
 * memory as the C array would be: cell (row, column) lives at {@code base() + (row * COLUMNS + column) * CELL_SIZE}.
 * Only the pages holding cells in use are committed.
 *
 * <p>In C the same interface would be a handful of functions over a {@code CELLDATA (*)[COLUMNS]} pointer; the
 * checker calls them in this order: {@code open}, any mix of the cell functions, {@code close}. A cell is in use
 * from {@code setCell} until {@code clearCell}.
 */
public interface Spreadsheet {
    /** Rows of the sheet. */
    int ROWS = 200;
    /** Columns of the sheet. */
    int COLUMNS = 256;
    /** {@code sizeof(CELLDATA)}: the bytes of one cell. */
    int CELL_SIZE = 128;
    /** {@code sizeof(cells)}: 6,553,600 bytes, exactly 100 allocation-granularity units of 64 KiB. */
    long SHEET_SIZE = (long) ROWS * COLUMNS * CELL_SIZE;

    /**
     * Reserves the region for the whole sheet and commits nothing.
     *
     * @return true on success; false if the reservation failed (the sheet stays closed)
     */
    boolean open(Kernel32 kernel, Memory memory);

    /** The address of {@code cells[0][0]}, the region's base; 0 while the sheet is not open. */
    long base();

    /**
     * Stores {@code data} in the cell, zero-filling the rest of its {@code CELL_SIZE} bytes, and marks it in use.
     *
     * @return false, changing nothing, if the sheet is not open, the row or column is out of range, {@code data}
     *         is null or longer than {@code CELL_SIZE}, or the page cannot be committed
     */
    boolean setCell(int row, int column, byte[] data);

    /**
     * A copy of the cell's {@code CELL_SIZE} bytes: all zero for a cell not in use. Never commits anything.
     *
     * @return null if the sheet is not open or the row or column is out of range
     */
    byte[] getCell(int row, int column);

    /**
     * Marks the cell unused; decommits its page when no cell on that page is in use any more. Clearing a cell that
     * is not in use, or out of range, does nothing.
     */
    void clearCell(int row, int column);

    /** Releases the whole region; the sheet is closed and {@code base()} returns 0. */
    void close();
}
// end::interface[]
