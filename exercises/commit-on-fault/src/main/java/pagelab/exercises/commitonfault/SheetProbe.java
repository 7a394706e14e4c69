package pagelab.exercises.commitonfault;

import static pagelab.exercises.commitonfault.DemandSheet.CELL_SIZE;
import static pagelab.exercises.commitonfault.DemandSheet.COLUMNS;
import static pagelab.exercises.commitonfault.DemandSheet.SHEET_SIZE;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Win32Names;
import pagelab.kernel.EXCEPTION_RECORD;
import pagelab.kernel.ProcessTerminatedException;
import pagelab.kernel.SehBlock;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;

/**
 * The checker's view of one open sheet: cell addresses as C lays them out, page states from the inspector, and
 * calls into the student's code that turn a crash into a message naming the call. One per check.
 */
final class SheetProbe {
    static final long PAGE = 4096;

    private final CheckContext ctx;
    private final DemandSheet sheet;
    private final long base;

    private SheetProbe(CheckContext ctx, DemandSheet sheet, long base) {
        this.ctx = ctx;
        this.sheet = sheet;
        this.base = base;
    }

    /** Opens the sheet; ends the check with a failure unless {@code base()} names a reservation. */
    static SheetProbe open(CheckContext ctx, DemandSheet sheet) {
        boolean opened = call(ctx, "open(kernel, memory, seh)",
                () -> sheet.open(ctx.kernel32(), ctx.memory(), ctx.process().seh()));
        if (!opened) {
            throw new CheckFailedException(CheckResult.fail("open to reserve the sheet and return true",
                    "open returned false").hint("open-fails",
                            "Reserve SHEET_SIZE bytes with VirtualAlloc(0, SHEET_SIZE, "
                    + "MEM_RESERVE, PAGE_READWRITE) and keep the address it returns.")
                    .evidence(ctx.traceEvidence()));
        }
        long base = sheet.base();
        Allocation a = ctx.snapshot().allocationAt(base);
        if (base == 0 || a == null) {
            throw new CheckFailedException(CheckResult.fail("base() to return the reserved region's address",
                    "base() returned " + Win32Names.hex(base) + ", which is " + (base == 0 ? "NULL" : "free memory"))
                    .evidence(ctx.traceEvidence()));
        }
        return new SheetProbe(ctx, sheet, base);
    }

    long base() {
        return base;
    }

    long cellAddress(int row, int column) {
        return base + ((long) row * COLUMNS + column) * CELL_SIZE;
    }

    long pageOf(int row, int column) {
        return cellAddress(row, column) & ~(PAGE - 1);
    }

    int state(long address) {
        return ctx.page(address).state();
    }

    int protect(long address) {
        return ctx.page(address).protect();
    }

    /** The committed pages of the sheet, in address order. */
    List<Long> committedPages() {
        List<Long> out = new ArrayList<>();
        for (long a = base; a < base + SHEET_SIZE; a += PAGE) {
            if (state(a) == WinNT.MEM_COMMIT) {
                out.add(a);
            }
        }
        return out;
    }

    /** Recognisable bytes, different for every cell. */
    static byte[] pattern(int row, int column, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (row * 7 + column * 13 + i * 31 + 1);
        }
        return b;
    }

    /** The bytes at {@code address} as the checker reads them straight from memory, or null if not committed. */
    byte[] memoryAt(long address, int length) {
        if (state(address) != WinNT.MEM_COMMIT) {
            return null;
        }
        byte[] b = new byte[length];
        ctx.memory().read(address, b, 0, length);
        return b;
    }

    void set(int row, int column, byte[] data) {
        call(ctx, "setCell(" + row + ", " + column + ", ...)", () -> {
            sheet.setCell(row, column, data);
            return null;
        });
    }

    byte[] get(int row, int column) {
        return call(ctx, "getCell(" + row + ", " + column + ")", () -> sheet.getCell(row, column));
    }

    void close() {
        call(ctx, "close()", () -> {
            sheet.close();
            return null;
        });
    }

    /**
     * Runs {@code body} inside the checker's own {@code __try/__except} that catches everything, as the caller
     * of the sheet would: which exception reached this outer handler, or whether the process died on the way.
     */
    Outer outer(SehBlock body) {
        EXCEPTION_RECORD[] caught = new EXCEPTION_RECORD[1];
        try {
            ctx.process().seh().tryExcept(body, r -> {
                caught[0] = r.copy();
                return WinNT.EXCEPTION_EXECUTE_HANDLER;
            }, r -> { });
            return new Outer(caught[0], null);
        } catch (UnhandledSehException e) {
            return new Outer(null, e.getMessage());
        } catch (ProcessTerminatedException e) {
            return new Outer(null, "the process had already ended (" + e.getMessage() + ")");
        }
    }

    /** What reached the checker's outer handler: the exception, or null; and why the process died, or null. */
    record Outer(EXCEPTION_RECORD caught, String died) {
        boolean caughtCode(int code) {
            return caught != null && caught.ExceptionCode == code;
        }

        String describe() {
            return died != null ? "the process ended: " + died
                    : caught == null ? "no exception reached the outer handler"
                    : Win32Names.exception(caught) + " reached the outer handler";
        }
    }

    // An access violation on a read: ExceptionInformation[0] is 0.
    private static boolean isRead(UnhandledSehException e) {
        EXCEPTION_RECORD r = e.record();
        return r.ExceptionCode == WinNT.EXCEPTION_ACCESS_VIOLATION && r.NumberParameters >= 1
                && r.ExceptionInformation[0] == 0;
    }

    // A crash in the student's code ends the simulated process; say which call crashed, as a debugger would.
    static <T> T call(CheckContext ctx, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(what + " crashed the process: "
                    + Win32Names.exception(e.record()) + ", not cured by commitFilter nor handled by any __except"
                    + where(e) + ".")
                    .hint(isRead(e) ? "handles-writes-only" : "not-cured", isRead(e) ? "A read of an uncommitted "
                            + "page faults too (ExceptionInformation[0] == 0): commitFilter must commit the page for "
                            + "reads as well as writes."
                            : "Is guarded() a __try whose __except filter is commitFilter, and does commitFilter "
                            + "commit the faulting page of the sheet?")
                    .evidence(ctx.traceEvidence()));
        } catch (ProcessTerminatedException e) {
            throw new CheckFailedException(CheckResult.fail(what + " ran in a process that had ended: "
                    + e.getMessage()).hint("process-ended", "An earlier fault ended the process: look at the first "
                    + "fault in the trace, which no filter cured.").evidence(ctx.traceEvidence()));
        }
    }

    // Student classes are in the default package; name the first of their frames.
    private static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().indexOf('.') < 0) {
                return ", at " + Win32Names.frame(e);
            }
        }
        return "";
    }
}
