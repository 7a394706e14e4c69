package pagelab.exercises.sparsecells;

import static pagelab.exercises.sparsecells.Spreadsheet.CELL_SIZE;
import static pagelab.exercises.sparsecells.Spreadsheet.COLUMNS;
import static pagelab.exercises.sparsecells.Spreadsheet.SHEET_SIZE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.WinNT;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.inspect.Allocation;

/**
 * The checker's view of one open sheet: where cells belong as C lays the array out, which pages are committed,
 * and calls into the student's code that turn a crash into a message naming the call. Used by one check.
 */
final class SheetProbe {
    static final int PAGE = 4096;

    private final CheckContext ctx;
    private final Spreadsheet sheet;
    private final long base;

    private SheetProbe(CheckContext ctx, Spreadsheet sheet, long base) {
        this.ctx = ctx;
        this.sheet = sheet;
        this.base = base;
    }

    /**
     * Opens {@code sheet} and checks that {@code base()} names a reservation; otherwise the check ends with a
     * failure saying what was found.
     */
    static SheetProbe open(CheckContext ctx, Spreadsheet sheet) {
        boolean opened = call(ctx, "open(kernel, memory)", () -> sheet.open(ctx.kernel32(), ctx.memory()));
        if (!opened) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("open.expected", "open to reserve the sheet and "
                    + "return true"), Msg.of("open.returned-false", "open returned false"))
                    .hint("open-fails", "Reserve SHEET_SIZE bytes with VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, "
                            + "PAGE_READWRITE) and keep the address it returns.")
                    .evidence(ctx.traceEvidence()));
        }
        long base = sheet.base();
        Allocation a = ctx.snapshot().allocationAt(base);
        if (base == 0 || a == null) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("base.expected", "base() to return the reserved "
                    + "region's address"), base == 0 ? Msg.of("base.null", "base() returned {0}, which is NULL",
                    Win32Names.hex(base)) : Msg.of("base.free", "base() returned {0}, which is free memory",
                    Win32Names.hex(base)))
                    .hint("base-not-reserved", "Keep the address VirtualAlloc returned in open and return it from "
                            + "base().")
                    .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after open")));
        }
        return new SheetProbe(ctx, sheet, base);
    }

    long base() {
        return base;
    }

    /** Where {@code cells[row][column]} lives in C's row-major layout. */
    long cellAddress(int row, int column) {
        return base + ((long) row * COLUMNS + column) * CELL_SIZE;
    }

    /** The page holding {@code cells[row][column]}. */
    long pageOf(int row, int column) {
        return cellAddress(row, column) & ~(long) (PAGE - 1);
    }

    boolean committed(long address) {
        return ctx.page(address).state() == WinNT.MEM_COMMIT;
    }

    int state(long address) {
        return ctx.page(address).state();
    }

    /** The committed pages of the sheet's range, in address order. */
    List<Long> committedPages() {
        List<Long> out = new ArrayList<>();
        for (long a = base; a < base + SHEET_SIZE; a += PAGE) {
            if (committed(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** The bytes the checker stores in {@code cells[row][column]}: recognisable, different for every cell. */
    static byte[] pattern(int row, int column, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (row * 7 + column * 13 + i * 31 + 1);
        }
        return b;
    }

    /** {@code data} zero-padded to a whole cell. */
    static byte[] padded(byte[] data) {
        return Arrays.copyOf(data, CELL_SIZE);
    }

    /** The cell's bytes as the checker reads them straight from memory (the page must be committed). */
    byte[] memoryAt(long address) {
        byte[] b = new byte[CELL_SIZE];
        ctx.memory().read(address, b, 0, CELL_SIZE);
        return b;
    }

    boolean set(int row, int column, byte[] data) {
        try {
            return call(ctx, "setCell(" + row + ", " + column + ", ...)", () -> sheet.setCell(row, column, data));
        } catch (Crash e) {
            throw new CheckFailedException(diagnose(e.result(), e.address, row, column));
        }
    }

    /**
     * A crash in setCell: writing outside the cell is a layout mistake; writing the cell itself crashed because its
     * page was not committed, which after a commit the check made fail is the runner's diagnosis, not ours.
     */
    private CheckResult diagnose(CheckResult crash, Long at, int row, int column) {
        if (at == null) {
            return crash;
        }
        long cell = cellAddress(row, column);
        if (at < cell || at >= cell + CELL_SIZE) {
            return crash.hint("cell-layout", Msg.of("hint.write-outside-cell", "The write at {0} is outside "
                    + "cells[{1}][{2}], which is {3} to {4}: cells[row][column] is at base + (row * COLUMNS + column) "
                    + "* CELL_SIZE.", Win32Names.hex(at), row, column, Win32Names.hex(cell),
                    Win32Names.hex(cell + CELL_SIZE - 1)));
        }
        return ctx.injectedFailure() != null ? crash.hint(null, crash.hint())
                : crash.hint("uncommitted-page", crash.hint());
    }

    byte[] get(int row, int column) {
        return call(ctx, "getCell(" + row + ", " + column + ")", () -> sheet.getCell(row, column));
    }

    void clear(int row, int column) {
        call(ctx, "clearCell(" + row + ", " + column + ")", () -> {
            sheet.clearCell(row, column);
            return null;
        });
    }

    void close() {
        call(ctx, "close()", () -> {
            sheet.close();
            return null;
        });
    }

    /** {@code 0x00B40000, 0x00B41000, ... (12 pages)}: at most five addresses. */
    static Msg pageList(List<Long> pages) {
        List<String> shown = pages.stream().limit(5).map(Win32Names::hex).toList();
        String more = pages.size() > 5 ? ", ..." : "";
        return Msg.of("page-list", "{0} ({1})", String.join(", ", shown) + more, pages(pages.size()));
    }

    /** {@code 1 page}, {@code 12 pages}, translatable. */
    static Msg pages(long count) {
        return Msg.of("pages", "{0,choice,0#0 pages|1#1 page|1<{0} pages}", count);
    }

    // A crash in the student's code ends the simulated process; say which call crashed, as a debugger would.
    private static <T> T call(CheckContext ctx, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            EXCEPTION_RECORD r = e.record();
            Long address = r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION && r.NumberParameters >= 2
                    ? r.ExceptionInformation[1] : null;
            String at = where(e);
            throw new Crash(address, CheckResult.fail(at.isEmpty()
                    ? Msg.of("crash", "{0} crashed the process: {1}, not handled by any __except filter.", what,
                            Win32Names.exception(e.record()))
                    : Msg.of("crash-at", "{0} crashed the process: {1}, not handled by any __except filter, at {2}.",
                            what, Win32Names.exception(e.record()), at))
                    .hint(null, Msg.of("hint.crash", "Is the page holding that address committed? Only pages with "
                            + "cells in use are."))
                    .evidence(ctx.traceEvidence()));
        }
    }

    // Student classes are in the default package; name the first of their frames.
    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().indexOf('.') < 0) {
                return Win32Names.frame(e);
            }
        }
        return "";
    }

    /** The student's code crashed; {@code address} is where an access violation faulted, or null. */
    private static final class Crash extends CheckFailedException {
        private static final long serialVersionUID = 1L;
        private final transient Long address;

        Crash(Long address, CheckResult result) {
            super(result);
            this.address = address;
        }
    }
}
