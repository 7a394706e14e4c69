package pagelab.exercises.commitonfault;

import static pagelab.exercises.commitonfault.DemandSheet.CELL_SIZE;
import static pagelab.exercises.commitonfault.DemandSheet.SHEET_SIZE;
import static pagelab.exercises.commitonfault.SheetProbe.PAGE;
import static pagelab.exercises.commitonfault.SheetProbe.bytes;
import static pagelab.exercises.commitonfault.SheetProbe.pages;
import static pagelab.exercises.commitonfault.SheetProbe.pattern;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Economy;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.FaultEvent;

/**
 * The checks of {@code commit-on-fault}. Each opens a fresh sheet on a fresh machine, drives it, and compares what
 * happened with the kernel's ground truth: page states, the faults raised and where each one ended.
 */
public class CommitOnFaultChecks {
    /** A software exception code of the checker's own ("E" = error, customer bit set), as RaiseException uses. */
    static final int CHECKER_EXCEPTION = 0xE0000042;

    @Check(points = 10, title = "open reserves the whole sheet and commits nothing", order = 1)
    public CheckResult reservesOnOpen(DemandSheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        Allocation a = ctx.snapshot().allocationAt(probe.base());
        if (a.base() != probe.base() || a.size() < SHEET_SIZE) {
            return CheckResult.fail(Msg.of("reserve.expected", "a region of at least {0} whose base is base()",
                    bytes(SHEET_SIZE)), Msg.of("reserve.actual", "base() is {0} in an allocation of {1} at {2}",
                    Win32Names.hex(probe.base()), bytes(a.size()), Win32Names.hex(a.base())))
                    .hint("reserves-too-little", "Reserve the whole sheet, SHEET_SIZE bytes, in one VirtualAlloc call.")
                    .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after open"));
        }
        List<Long> committed = probe.committedPages();
        CheckResult r = committed.isEmpty()
                ? CheckResult.pass(Msg.of("reserve.pass", "Reserved {0} at {1} and committed nothing: the filter "
                        + "will commit pages as they are touched.", bytes(SHEET_SIZE), Win32Names.hex(a.base())))
                : CheckResult.partial(6, Msg.of("reserve.commits-on-open", "Reserved the sheet at {0}, but open "
                        + "already committed {1}, starting at {2}.", Win32Names.hex(a.base()),
                        pages(committed.size()), Win32Names.hex(committed.get(0))))
                        .hint("commits-on-open", "Use MEM_RESERVE alone in open; the filter commits each page at its first touch.");
        return r.evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after open"));
    }

    @Check(points = 15, title = "Writes to untouched pages are committed by the filter and stored",
            after = "reservesOnOpen", order = 2)
    public CheckResult writesCommitOnDemand(DemandSheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        int[][] cells = {{0, 0}, {0, 40}, {57, 3}, {199, 255}};
        Tally t = new Tally();
        for (int[] c : cells) {
            probe.set(c[0], c[1], pattern(c[0], c[1], CELL_SIZE));
        }
        for (int[] c : cells) {
            long at = probe.cellAddress(c[0], c[1]);
            byte[] stored = probe.memoryAt(at, CELL_SIZE);
            if (stored == null) {
                t.expect(2, false, Msg.of("write.not-committed", "cells[{0}][{1}] at {2}: its page is {3}, not "
                        + "committed, after setCell", c[0], c[1], Win32Names.hex(at), Win32Names.mem(probe.state(at))));
                continue;
            }
            t.expect(probe.protect(at) == WinNT.PAGE_READWRITE, Msg.of("write.protection", "the page of "
                    + "cells[{0}][{1}] is {2}, expected PAGE_READWRITE", c[0], c[1],
                    Win32Names.protection(probe.protect(at))));
            t.expect(Arrays.equals(stored, pattern(c[0], c[1], CELL_SIZE)), Msg.of("write.wrong-data", "the 128 "
                    + "bytes at {0} are not what setCell({1}, {2}, ...) wrote", Win32Names.hex(at), c[0], c[1]));
        }
        return t.result(15, Msg.of("write.pass", "Each write faulted once on its reserved page; the filter "
                        + "committed the page and the write went through, for {0} cells.", cells.length))
                .hint("writes-not-committed", "Commit the page holding ExceptionInformation[1] with VirtualAlloc(page, dwPageSize, "
                        + "MEM_COMMIT, PAGE_READWRITE) and return EXCEPTION_CONTINUE_EXECUTION.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after the writes"));
    }

    @Check(points = 10, title = "Reads of untouched pages are handled too", after = "reservesOnOpen", order = 3)
    public CheckResult readsCommitOnDemand(DemandSheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        probe.set(30, 0, pattern(30, 0, 64));
        Tally t = new Tally();
        byte[] unused = probe.get(150, 77);
        t.expect(2, Arrays.equals(unused, new byte[CELL_SIZE]), Msg.of("read.not-zeros", "getCell(150, 77), never "
                + "written, returned {0} instead of {1} zero bytes", describe(unused), CELL_SIZE));
        byte[] written = probe.get(30, 0);
        t.expect(written != null && Arrays.equals(Arrays.copyOf(written, 64), pattern(30, 0, 64)),
                Msg.of("read.wrong-data", "getCell(30, 0) did not return the 64 bytes written to it"));
        long page = probe.pageOf(150, 77);
        t.expect(probe.state(page) == WinNT.MEM_COMMIT, Msg.of("read.not-committed", "the read of cells[150][77] "
                + "left its page {0} {1}", Win32Names.hex(page), Win32Names.mem(probe.state(page))));
        return t.result(10, Msg.of("read.pass", "A read of a never-touched cell faulted (ExceptionInformation[0] "
                        + "= 0), the filter committed page {0}, and the read returned zeros.", Win32Names.hex(page)))
                .hint("handles-writes-only", "ExceptionInformation[0] says read (0) or write (1); both are cured the same way.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "Each fault commits exactly the faulting page", after = "writesCommitOnDemand",
            order = 4)
    public CheckResult commitsOnlyFaultingPage(DemandSheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        TreeSet<Long> touched = new TreeSet<>();
        int[][] cells = {{0, 0}, {0, 31}, {0, 32}, {1, 0}, {10, 100}, {100, 64}, {100, 65}, {199, 255}};
        for (int[] c : cells) {
            probe.set(c[0], c[1], pattern(c[0], c[1], 16));
            touched.add(probe.pageOf(c[0], c[1]));
        }
        List<Long> committed = probe.committedPages();
        double ratio = (double) committed.size() / touched.size();
        CheckResult r = Economy.score(Msg.of("economy.what", "Pages committed per page touched ({0} committed for "
                + "{1} touched)", pages(committed.size()), pages(touched.size())), ratio, 4.0, 1.0, 15);
        return (committed.size() > touched.size()
                ? r.hint("commits-whole-granule", "Commit one page, dwPageSize bytes at the faulting address rounded "
                        + "down, per fault.")
                : r.hint("commits-too-little", "Every touched page must be committed."))
                .evidence(Evidence.note("Pages touched", touched.stream().map(Win32Names::hex).toArray(String[]::new)),
                        ctx.snapshotEvidence("").captioned(Msg.of("snapshot.after-set-cells",
                                "Address space after {0} setCell calls", cells.length)));
    }

    @Check(points = 15, title = "Faults the sheet does not own reach the outer handler", after = "reservesOnOpen",
            order = 5)
    public CheckResult foreignFaultsReachOuterHandler(DemandSheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        Kernel32 k = ctx.kernel32();
        Tally t = new Tally();
        SheetProbe.Outer nul = probe.outer(() -> sheet.guarded(() -> ctx.memory().getInt(0)));
        t.expect(nul.caughtCode(WinNT.EXCEPTION_ACCESS_VIOLATION), Msg.of("foreign.null", "a NULL-pointer read "
                + "inside guarded(): expected EXCEPTION_ACCESS_VIOLATION reading 0x00000000 at the outer handler, but "
                + "{0}", nul.describe()));
        long other = k.VirtualAlloc(0, 0x10000, WinNT.MEM_RESERVE, WinNT.PAGE_READWRITE);
        SheetProbe.Outer foreign = probe.outer(() -> sheet.guarded(() -> ctx.memory().setInt(other + PAGE, 1)));
        t.expect(2, foreign.caughtCode(WinNT.EXCEPTION_ACCESS_VIOLATION) && probe.state(other + PAGE)
                == WinNT.MEM_RESERVE, Msg.of("foreign.reservation", "a write to {0}, reserved by someone else "
                + "outside the sheet: {1}, and its page is now {2} (expected the violation outside and MEM_RESERVE)",
                Win32Names.hex(other + PAGE), foreign.describe(), Win32Names.mem(probe.state(other + PAGE))));
        long guard = probe.pageOf(150, 0);
        k.VirtualAlloc(guard, PAGE, WinNT.MEM_COMMIT, WinNT.PAGE_READWRITE | WinNT.PAGE_GUARD);
        SheetProbe.Outer g = probe.outer(() -> sheet.guarded(() -> ctx.memory().getByte(guard)));
        t.expect(g.caughtCode(WinNT.STATUS_GUARD_PAGE_VIOLATION), Msg.of("foreign.guard", "a guard page at {0} "
                + "inside the sheet: expected STATUS_GUARD_PAGE_VIOLATION at the outer handler, but {1}",
                Win32Names.hex(guard), g.describe()));
        SheetProbe.Outer raised = probe.outer(() -> sheet.guarded(() -> k.RaiseException(CHECKER_EXCEPTION, 0,
                null)));
        t.expect(raised.caughtCode(CHECKER_EXCEPTION), Msg.of("foreign.raised", "RaiseException(0xE0000042) "
                + "inside guarded(): {0}", raised.describe()));
        return t.result(15, Msg.of("foreign.pass", "A NULL pointer, a foreign reservation, a guard page and a "
                        + "software exception all went on to the outer handler with EXCEPTION_CONTINUE_SEARCH."))
                .hint("no-range-check", "Commit only for EXCEPTION_ACCESS_VIOLATION at an address inside [base, base + SHEET_SIZE) "
                        + "whose page is MEM_RESERVE; return EXCEPTION_CONTINUE_SEARCH for everything else.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space at the end"));
    }

    @Check(points = 15, title = "A fault that committing cannot cure goes on instead of looping",
            after = "writesCommitOnDemand", order = 6)
    public CheckResult incurableFaultsDoNotLoop(DemandSheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        Tally t = new Tally();
        long full = probe.cellAddress(120, 7);
        ctx.faultInjection().failAllCalls("VirtualAlloc", WinError.ERROR_COMMITMENT_LIMIT);
        SheetProbe.Outer noMemory = probe.outer(() -> sheet.setCell(120, 7, pattern(120, 7, 8)));
        ctx.faultInjection().clear();
        t.expect(2, noMemory.caughtCode(WinNT.EXCEPTION_ACCESS_VIOLATION), Msg.of("incurable.no-memory", "with "
                + "every VirtualAlloc failing with {0}, a write to {1} should reach the outer handler once, but {2}",
                Win32Names.error(WinError.ERROR_COMMITMENT_LIMIT), Win32Names.hex(full), noMemory.describe())).hint("ignores-commit-failure",
                "VirtualAlloc failed, so the page is still reserved: return EXCEPTION_CONTINUE_SEARCH, or the write "
                + "faults again and again.");
        t.expect(faultsAt(ctx, full) <= 2, Msg.of("incurable.loops", "the write to {0} faulted {1} times: the "
                + "filter kept answering EXCEPTION_CONTINUE_EXECUTION without committing", Win32Names.hex(full),
                String.valueOf(faultsAt(ctx, full))))
                .hint("ignores-commit-failure", "Check VirtualAlloc's result: answer EXCEPTION_CONTINUE_EXECUTION "
                        + "only when the commit worked.");
        if (noMemory.died() == null) {
            probe.set(120, 7, pattern(120, 7, 8));
            t.expect(Arrays.equals(probe.memoryAt(full, 8), pattern(120, 7, 8)), Msg.of("incurable.no-retry",
                    "once memory was available again, setCell(120, 7, ...) did not store its data")).hint("no-retry", "A failed commit changes "
                    + "nothing: the next fault on the page must commit it as the first would have.");
        }
        if (noMemory.died() == null) {
            long ro = probe.pageOf(3, 0);
            probe.set(3, 0, pattern(3, 0, 8));
            ctx.kernel32().VirtualProtect(ro, PAGE, WinNT.PAGE_READONLY, new IntByReference());
            long target = probe.cellAddress(3, 1);
            SheetProbe.Outer readOnly = probe.outer(() -> sheet.setCell(3, 1, pattern(3, 1, 8)));
            t.expect(2, readOnly.caughtCode(WinNT.EXCEPTION_ACCESS_VIOLATION) && probe.protect(ro)
                    == WinNT.PAGE_READONLY, Msg.of("incurable.read-only", "a write to {0} on a committed "
                    + "PAGE_READONLY page: {1}, and the page is now {2} (expected the violation outside and the page "
                    + "still PAGE_READONLY)", Win32Names.hex(target), readOnly.describe(),
                    Win32Names.protection(probe.protect(ro)))).hint("no-state-check", "Ask VirtualQuery for the page's State "
                    + "first: a committed page that faults is no page to commit; return EXCEPTION_CONTINUE_SEARCH.");
        } else {
            t.expect(2, false, Msg.of("incurable.not-run", "the read-only page case could not run: the process "
                    + "had ended"))
                    .hint("ignores-commit-failure", "The process ended after the failed commit: the filter must "
                            + "return EXCEPTION_CONTINUE_SEARCH when VirtualAlloc fails.");
        }
        return t.result(15, Msg.of("incurable.pass", "A failed commit and a write to a read-only committed page "
                        + "both went on to the outer handler after one fault each."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "Nested __try blocks run once, in order", after = "writesCommitOnDemand", order = 7)
    public CheckResult nestedTryBlocks(DemandSheet sheet, CheckContext ctx) {
        return NestedBlocks.check(SheetProbe.open(ctx, sheet), sheet, ctx);
    }

    @Check(points = 10, title = "close releases the whole region", after = "reservesOnOpen", order = 8)
    public CheckResult closeReleasesRegion(DemandSheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        probe.set(0, 0, pattern(0, 0, 10));
        probe.set(120, 9, pattern(120, 9, 10));
        probe.close();
        int state = probe.state(probe.base());
        Tally t = new Tally();
        t.expect(3, state == WinNT.MEM_FREE, Msg.of("close.not-free", "after close the region at {0} is still {1}; "
                + "expected MEM_FREE", Win32Names.hex(probe.base()), Win32Names.mem(state)));
        t.expect(1, sheet.base() == 0, Msg.of("close.base", "base() returned {0} after close, not 0",
                Win32Names.hex(sheet.base())));
        return t.result(10, Msg.of("close.pass", "close released the region at {0}.", Win32Names.hex(probe.base())))
                .hint("never-releases", "VirtualFree(base, 0, MEM_RELEASE) frees the reservation and its committed pages at once.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after close"));
    }

    private static long faultsAt(CheckContext ctx, long address) {
        return ctx.faults().stream().map(FaultEvent::record)
                .filter(r -> r.NumberParameters >= 2 && r.ExceptionInformation[1] == address).count();
    }

    static Msg describe(byte[] b) {
        if (b == null) {
            return Msg.text("null");
        }
        int nonZero = 0;
        for (byte x : b) {
            nonZero += x != 0 ? 1 : 0;
        }
        return Msg.of("bytes-read", "{0} bytes ({1} non-zero)", b.length, nonZero);
    }
}
