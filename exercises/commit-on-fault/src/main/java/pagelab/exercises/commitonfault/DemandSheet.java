package pagelab.exercises.commitonfault;

import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Memory;
import pagelab.kernel.Seh;
import pagelab.kernel.SehBlock;

/**
 * A spreadsheet of {@code CELLDATA cells[ROWS][COLUMNS]} in one reserved region whose pages are committed by an
 * {@code __except} filter at the first access, the way chapter 15 calls the best of those it lists: code simply
 * reads and writes cells, and {@link #commitFilter} commits the page an access violation names.
 *
 * <p>The checker calls {@code open} first, then any mix of the other methods on the same thread, then
 * {@code close}. {@code cells[row][column]} lives at {@code base() + (row * COLUMNS + column) * CELL_SIZE}.
 */
public interface DemandSheet {
    /** Rows of the sheet. */
    int ROWS = 200;
    /** Columns of the sheet. */
    int COLUMNS = 256;
    /** {@code sizeof(CELLDATA)}: the bytes of one cell. */
    int CELL_SIZE = 128;
    /** {@code sizeof(cells)}: 6,553,600 bytes. */
    long SHEET_SIZE = (long) ROWS * COLUMNS * CELL_SIZE;

    /**
     * Reserves the region for the whole sheet, commits nothing, and keeps {@code kernel}, {@code memory} and
     * {@code seh} for later calls.
     *
     * @return true on success; false if the reservation failed
     */
    boolean open(Kernel32 kernel, Memory memory, Seh seh);

    /** The address of {@code cells[0][0]}, the region's base; 0 while the sheet is not open. */
    long base();

    /**
     * The filter expression of the sheet's {@code __except}: for an access violation on a reserved page of the
     * sheet, commits exactly that page and returns {@code EXCEPTION_CONTINUE_EXECUTION}; for anything else (other
     * exception codes, addresses outside the sheet, pages that are already committed, a commit that fails)
     * returns {@code EXCEPTION_CONTINUE_SEARCH}, so that outer handlers see the exception.
     */
    int commitFilter(EXCEPTION_RECORD record);

    /**
     * Runs {@code body} as {@code __try { body } __except (commitFilter(...)) { }}: the body runs once, and
     * touching any page of the sheet inside it just works. Exceptions the filter does not cure go on to the
     * caller's handlers.
     */
    void guarded(SehBlock body);

    /** Writes {@code data} (at most {@code CELL_SIZE} bytes) at the start of the cell, inside {@link #guarded}. */
    void setCell(int row, int column, byte[] data);

    /** The cell's {@code CELL_SIZE} bytes, read inside {@link #guarded}; a cell never written reads as zeros. */
    byte[] getCell(int row, int column);

    /** Releases the whole region; {@code base()} returns 0 afterwards. */
    void close();
}
