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
import pagelab.exercise.Msg;
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
            throw new CheckFailedException(CheckResult.fail(Msg.of("open.expected", "open to reserve the sheet and "
                    + "return true"), Msg.of("open.returned-false", "open returned false")).hint("open-fails",
                            "Reserve SHEET_SIZE bytes with VirtualAlloc(0, SHEET_SIZE, "
                    + "MEM_RESERVE, PAGE_READWRITE) and keep the address it returns.")
                    .evidence(ctx.traceEvidence()));
        }
        long base = sheet.base();
        Allocation a = ctx.snapshot().allocationAt(base);
        if (base == 0 || a == null) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("base.expected", "base() to return the reserved "
                    + "region's address"), base == 0 ? Msg.of("base.null", "base() returned {0}, which is NULL",
                    Win32Names.hex(base)) : Msg.of("base.free", "base() returned {0}, which is free memory",
                    Win32Names.hex(base)))
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
            return new Outer(null, Msg.text(e.getMessage()));
        } catch (ProcessTerminatedException e) {
            return new Outer(null, Msg.of("outer.already-ended", "the process had already ended ({0})",
                    e.getMessage()));
        }
    }

    /** What reached the checker's outer handler: the exception, or null; and why the process died, or null. */
    record Outer(EXCEPTION_RECORD caught, Msg died) {
        boolean caughtCode(int code) {
            return caught != null && caught.ExceptionCode == code;
        }

        Msg describe() {
            return died != null ? Msg.of("outer.died", "the process ended: {0}", died)
                    : caught == null ? Msg.of("outer.nothing", "no exception reached the outer handler")
                    : Msg.of("outer.caught", "{0} reached the outer handler", Win32Names.exception(caught));
        }
    }

    /** {@code 1 page}, {@code 12 pages}, translatable. */
    static Msg pages(long count) {
        return Msg.of("pages", "{0,choice,0#0 pages|1#1 page|1<{0} pages}", count);
    }

    /** {@code 1 byte}, {@code 6,553,600 bytes}, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
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
            String at = where(e);
            throw new CheckFailedException(CheckResult.fail(at.isEmpty()
                    ? Msg.of("crash", "{0} crashed the process: {1}, not cured by commitFilter nor handled by any "
                            + "__except.", what, Win32Names.exception(e.record()))
                    : Msg.of("crash-at", "{0} crashed the process: {1}, not cured by commitFilter nor handled by any "
                            + "__except, at {2}.", what, Win32Names.exception(e.record()), at))
                    .hint(isRead(e) ? "handles-writes-only" : "not-cured", isRead(e) ? "A read of an uncommitted "
                            + "page faults too (ExceptionInformation[0] == 0): commitFilter must commit the page for "
                            + "reads as well as writes."
                            : "Is guarded() a __try whose __except filter is commitFilter, and does commitFilter "
                            + "commit the faulting page of the sheet?")
                    .evidence(ctx.traceEvidence()));
        } catch (ProcessTerminatedException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("ended", "{0} ran in a process that had ended: {1}",
                    what, e.getMessage())).hint("process-ended", "An earlier fault ended the process: look at the first "
                    + "fault in the trace, which no filter cured.").evidence(ctx.traceEvidence()));
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
}
