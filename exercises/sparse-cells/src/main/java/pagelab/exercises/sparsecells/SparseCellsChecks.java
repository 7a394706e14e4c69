package pagelab.exercises.sparsecells;

import static pagelab.exercises.sparsecells.SheetProbe.PAGE;
import static pagelab.exercises.sparsecells.SheetProbe.padded;
import static pagelab.exercises.sparsecells.SheetProbe.pages;
import static pagelab.exercises.sparsecells.SheetProbe.pageList;
import static pagelab.exercises.sparsecells.SheetProbe.pattern;
import static pagelab.exercises.sparsecells.Spreadsheet.CELL_SIZE;
import static pagelab.exercises.sparsecells.Spreadsheet.SHEET_SIZE;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Economy;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code sparse-cells}. Each opens a fresh sheet on a fresh machine and compares what the solution
 * did with the ground truth of the kernel's inspection API: page states, the allocation, the calls made. Every
 * message is a {@link Msg}, translated in {@code sparse-cells/checks_zh_CN.properties} under {@code msg.KEY}.
 */
public class SparseCellsChecks {
    private static final long SHEET_PAGES = SHEET_SIZE / PAGE;

    // tag::reserves[]
    @Check(points = 10, title = "open reserves the whole sheet and commits nothing", order = 1)
    public CheckResult reservesOnOpen(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        Allocation a = ctx.snapshot().allocationAt(probe.base());
        if (a.base() != probe.base() || a.size() < SHEET_SIZE) {
            return CheckResult.fail(Msg.of("reserve.expected", "a region of at least {0} bytes whose base is base()",
                    SHEET_SIZE), Msg.of("reserve.actual", "base() is {0} in an allocation of {1} bytes at {2}",
                    Win32Names.hex(probe.base()), a.size(), Win32Names.hex(a.base())))
                    .hint("reserves-too-little", "Reserve the whole sheet, SHEET_SIZE bytes, in one VirtualAlloc call.")
                    .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after open"));
        }
        List<Long> committed = probe.committedPages();
        CheckResult result = committed.isEmpty()
                ? CheckResult.pass(Msg.of("reserve.pass", "Reserved {0} bytes at {1} and committed nothing.",
                        SHEET_SIZE, Win32Names.hex(a.base())))
                : CheckResult.partial(6, Msg.of("reserve.commits-on-open", "Reserved the sheet at {0}, but open "
                        + "already committed {1} of its {2}.", Win32Names.hex(a.base()), pageList(committed),
                        pages(SHEET_PAGES)))
                        .expectedActual(Msg.of("reserve.no-committed", "0 committed pages"),
                                Msg.of("committed", "{0} committed", pages(committed.size())))
                        .hint("commits-on-open", "Use MEM_RESERVE alone in open; commit a page when its first "
                                + "cell comes into use.");
        return result.evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after open"));
    }
    // end::reserves[]

    @Check(points = 10, title = "Cells are laid out as C lays out cells[200][256]", after = "reservesOnOpen",
            order = 2)
    public CheckResult layoutMatchesCArray(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        int[][] cells = {{0, 0}, {0, 1}, {0, 31}, {0, 32}, {1, 0}, {37, 200}, {100, 128}, {199, 255}};
        Tally t = new Tally();
        for (int[] c : cells) {
            t.expect(probe.set(c[0], c[1], pattern(c[0], c[1], CELL_SIZE)), Msg.of("set.returned-false",
                    "setCell({0}, {1}, {2} bytes) returned false", c[0], c[1], CELL_SIZE));
        }
        for (int[] c : cells) {
            long at = probe.cellAddress(c[0], c[1]);
            if (!probe.committed(at)) {
                t.expect(false, Msg.of("layout.not-committed", "cells[{0}][{1}] belongs at {2}, but that page is not "
                        + "committed", c[0], c[1], Win32Names.hex(at)));
            } else {
                t.expect(Arrays.equals(probe.memoryAt(at), pattern(c[0], c[1], CELL_SIZE)), Msg.of("layout.wrong-data",
                        "the {0} bytes at {1} are not cells[{2}][{3}]'s data: base + (row * 256 + column) * 128",
                        CELL_SIZE, Win32Names.hex(at), c[0], c[1]));
            }
        }
        return t.result(10, Msg.of("layout.pass", "All {0} cells are where C puts them, from {1} to {2}.",
                cells.length, Win32Names.hex(probe.cellAddress(0, 0)), Win32Names.hex(probe.cellAddress(199, 255))))
                .hint("cell-layout", "cells[row][column] is at base + (row * COLUMNS + column) * CELL_SIZE; compute it "
                        + "in long.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after the writes"));
    }

    @Check(points = 10, title = "A cell reads back what was stored in it", after = "reservesOnOpen", order = 3)
    public CheckResult roundTrip(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        int[][] cells = {{2, 2, 0}, {2, 3, 1}, {60, 17, 60}, {199, 0, CELL_SIZE}, {0, 255, 77}};
        Tally t = new Tally();
        for (int[] c : cells) {
            t.expect(probe.set(c[0], c[1], pattern(c[0], c[1], c[2])), Msg.of("set.returned-false",
                    "setCell({0}, {1}, {2} bytes) returned false", c[0], c[1], c[2]));
        }
        probe.set(60, 17, pattern(9, 9, 5)); // overwrite with shorter data: the old tail must be gone
        cells[2] = new int[] {60, 17, -1};
        for (int[] c : cells) {
            byte[] want = c[2] < 0 ? padded(pattern(9, 9, 5)) : padded(pattern(c[0], c[1], c[2]));
            byte[] got = probe.get(c[0], c[1]);
            t.expect(Arrays.equals(got, want), Msg.of("round-trip.wrong-data", "getCell({0}, {1}) returned {2}, "
                    + "expected the {3} bytes stored (zero-padded)", c[0], c[1], describe(got), CELL_SIZE));
        }
        byte[] neighbour = probe.get(2, 4);
        t.expect(Arrays.equals(neighbour, new byte[CELL_SIZE]), Msg.of("round-trip.neighbour", "getCell(2, 4), "
                + "never set, returned {0} instead of {1} zero bytes", describe(neighbour), CELL_SIZE));
        return t.result(10, Msg.of("round-trip.pass", "Every cell read back exactly what was stored, zero-padded to "
                + "{0} bytes.", CELL_SIZE))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "Reading an unused cell commits nothing", after = "reservesOnOpen", order = 4)
    public CheckResult readingUnusedCellCommitsNothing(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        probe.set(5, 5, pattern(5, 5, 16));
        List<Long> before = probe.committedPages();
        long mark = ctx.mark();
        int[][] unused = {{0, 0}, {5, 6}, {150, 3}, {199, 255}};
        Tally t = new Tally();
        for (int[] c : unused) {
            byte[] got = probe.get(c[0], c[1]);
            t.expect(Arrays.equals(got, new byte[CELL_SIZE]), Msg.of("unused.not-zeros", "getCell({0}, {1}) of an "
                    + "unused cell returned {2} instead of {3} zero bytes", c[0], c[1], describe(got), CELL_SIZE));
        }
        List<Long> after = probe.committedPages();
        after.removeAll(before);
        t.expect(unused.length, after.isEmpty(), Msg.of("unused.commits", "reading unused cells committed {0}",
                pageList(after)));
        return t.result(10, Msg.of("unused.pass", "Unused cells read as zeros and no page was committed by "
                + "reading."))
                .hint("commits-on-read", "Keep track of which cells are in use; an unused cell is zeros without "
                        + "touching memory.")
                .evidence(Evidence.calls("Kernel calls made while reading", ctx.since(mark)));
    }

    // tag::economy[]
    @Check(points = 15, title = "Only pages holding cells in use are committed", after = "reservesOnOpen",
            order = 5)
    public CheckResult commitsOnlyPagesInUse(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        TreeSet<Long> needed = new TreeSet<>();
        int[][] cells = {{0, 0}, {0, 17}, {0, 31}, {0, 32}, {10, 0}, {10, 100}, {100, 64}, {100, 65}, {199, 255}};
        for (int[] c : cells) {
            probe.set(c[0], c[1], pattern(c[0], c[1], 40));
            needed.add(probe.pageOf(c[0], c[1]));
        }
        List<Long> committed = probe.committedPages();
        double ratio = (double) committed.size() / needed.size();
        CheckResult r = Economy.score(Msg.of("economy.what", "Pages committed per page holding a cell in use ({0} "
                + "committed for {1})", pages(committed.size()), pages(needed.size())), ratio, 3.0, 1.0, 15);
        return (committed.size() > needed.size()
                ? r.hint("commits-too-much", "Commit one page (dwPageSize bytes) at a time, only when a cell on it "
                        + "comes into use.")
                : r.hint("commits-too-little", "Every page with a cell in use must be committed."))
                .evidence(pagesEvidence("Committed pages of the sheet", committed),
                        pagesEvidence("Pages holding the cells in use", List.copyOf(needed)),
                        ctx.snapshotEvidence("").captioned(Msg.of("snapshot.after-set-cells",
                                "Address space after {0} setCell calls", cells.length)));
    }
    // end::economy[]

    @Check(points = 10, title = "Clearing a cell keeps its page while other cells on it are in use",
            after = "roundTrip", order = 6)
    public CheckResult keepsLiveCellsOnClear(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        probe.set(3, 0, pattern(3, 0, 50));
        probe.set(3, 1, pattern(3, 1, 50));
        probe.set(3, 40, pattern(3, 40, 50));
        probe.clear(3, 0);
        long page = probe.pageOf(3, 1);
        Tally t = new Tally();
        t.expect(2, probe.committed(page), Msg.of("keep.decommitted", "after clearCell(3, 0), page {0} is {1}, but "
                + "cells[3][1] on it is still in use", Win32Names.hex(page), Win32Names.mem(probe.state(page))));
        if (!probe.committed(page)) {
            return t.result(10, "").hint("decommits-live-page", "Count the cells in use on each page; decommit only when the "
                    + "count is 0.")
                    .evidence(ctx.traceEvidence());
        }
        t.expect(2, Arrays.equals(probe.get(3, 1), padded(pattern(3, 1, 50))), Msg.of("keep.lost-data",
                "cells[3][1] lost its data when cells[3][0] was cleared"));
        t.expect(Arrays.equals(probe.get(3, 0), new byte[CELL_SIZE]), Msg.of("keep.old-data", "cells[3][0] still "
                + "reads its old data after clearCell"));
        t.expect(probe.set(3, 0, pattern(1, 2, 9)) && Arrays.equals(probe.get(3, 0), padded(pattern(1, 2, 9))),
                Msg.of("keep.not-stored", "setting cells[3][0] again after clearing it did not store the new data"));
        return t.result(10, Msg.of("keep.pass", "Page {0} stayed committed while cells[3][1] was in use.",
                Win32Names.hex(page)))
                .evidence(ctx.traceEvidence());
    }

    // tag::decommit[]
    @Check(points = 15, title = "Clearing the last cell on a page decommits the page", after = "roundTrip",
            order = 7)
    public CheckResult decommitsWhenLastCellCleared(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        int[][] cells = {{20, 0}, {20, 1}, {21, 0}, {150, 255}};
        for (int[] c : cells) {
            probe.set(c[0], c[1], pattern(c[0], c[1], 30));
        }
        for (int[] c : cells) {
            probe.clear(c[0], c[1]);
        }
        Tally t = new Tally();
        for (long page : new TreeSet<>(List.of(probe.pageOf(20, 0), probe.pageOf(21, 0), probe.pageOf(150, 255)))) {
            int state = probe.state(page);
            t.expect(2, state == WinNT.MEM_RESERVE, state == WinNT.MEM_FREE
                    ? Msg.of("decommit.freed", "page {0} is {1} after its last cell was cleared; expected MEM_RESERVE "
                            + "(MEM_RELEASE frees the whole region; use MEM_DECOMMIT)", Win32Names.hex(page),
                            Win32Names.mem(state))
                    : Msg.of("decommit.still", "page {0} is {1} after its last cell was cleared; expected "
                            + "MEM_RESERVE", Win32Names.hex(page), Win32Names.mem(state)));
        }
        t.expect(probe.set(20, 1, pattern(7, 7, 7)) && Arrays.equals(probe.get(20, 1), padded(pattern(7, 7, 7))),
                Msg.of("decommit.not-reusable", "after its page was decommitted, cells[20][1] could not be set again"));
        return t.result(15, Msg.of("decommit.pass", "Each page was decommitted when its last cell was cleared, and "
                + "could be used again."))
                .hint("never-decommits", "VirtualFree(page, dwPageSize, MEM_DECOMMIT) when the page's count of cells in use "
                        + "reaches 0.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after clearing every cell"));
    }
    // end::decommit[]

    @Check(points = 10, title = "close releases the whole region", after = "reservesOnOpen", order = 8)
    public CheckResult closeReleasesRegion(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        probe.set(0, 0, pattern(0, 0, 10));
        probe.set(120, 9, pattern(120, 9, 10));
        probe.close();
        long base = probe.base();
        int state = probe.state(base);
        long committed = probe.committedPages().size();
        Tally t = new Tally();
        t.expect(6, state == WinNT.MEM_FREE, committed > 0
                ? Msg.of("close.committed", "after close the region at {0} is still {1} with {2} committed; expected "
                        + "MEM_FREE", Win32Names.hex(base), Win32Names.mem(state), pageList(probe.committedPages()))
                : Msg.of("close.not-free", "after close the region at {0} is still {1}; expected MEM_FREE",
                        Win32Names.hex(base), Win32Names.mem(state)));
        t.expect(3, committed == 0, Msg.of("close.left", "close left {0} committed", pages(committed)));
        t.expect(1, sheet.base() == 0, Msg.of("close.base", "base() returned {0} after close, not 0",
                Win32Names.hex(sheet.base())));
        return t.result(10, Msg.of("close.pass", "close released the region at {0}: it is MEM_FREE again.",
                Win32Names.hex(base)))
                .hint("never-releases", "VirtualFree(base, 0, MEM_RELEASE): MEM_RELEASE takes the allocation base and a "
                        + "size of 0.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after close"));
    }

    // tag::faultInjection[]
    @Check(points = 5, title = "setCell reports a failed commit and stays usable", after = "roundTrip", order = 9)
    public CheckResult reportsCommitFailure(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        probe.set(0, 0, pattern(0, 0, 20));
        long mark = ctx.mark();
        ctx.faultInjection().failNthCall("VirtualAlloc", 1, WinError.ERROR_COMMITMENT_LIMIT);
        boolean stored = probe.set(50, 7, pattern(50, 7, 20));
        ctx.faultInjection().clear();
        boolean commitFailed = ctx.since(mark).stream()
                .anyMatch(e -> e instanceof KernelCall c && c.function().equals("VirtualAlloc") && c.failed());
        Tally t = new Tally();
        t.expect(2, !(commitFailed && stored), Msg.of("commit-failure.returned-true", "VirtualAlloc failed with {0}, "
                + "but setCell(50, 7, ...) returned true", Win32Names.error(WinError.ERROR_COMMITMENT_LIMIT)));
        byte[] want = stored ? padded(pattern(50, 7, 20)) : new byte[CELL_SIZE];
        t.expect(Arrays.equals(probe.get(50, 7), want), stored
                ? Msg.of("commit-failure.not-stored", "after the failed setCell, cells[50][7] does not read as the "
                        + "data stored")
                : Msg.of("commit-failure.not-zeros", "after the failed setCell, cells[50][7] does not read as "
                        + "zeros"));
        t.expect(probe.set(50, 7, pattern(50, 7, 20)) && Arrays.equals(probe.get(50, 7), padded(pattern(50, 7, 20))),
                Msg.of("commit-failure.no-retry", "setCell(50, 7, ...) failed again once memory was available"));
        t.expect(Arrays.equals(probe.get(0, 0), padded(pattern(0, 0, 20))), Msg.of("commit-failure.lost-data",
                "cells[0][0] lost its data"));
        return t.result(5, commitFailed
                        ? Msg.of("commit-failure.pass", "setCell returned false when the commit failed, and worked on "
                                + "retry.")
                        : Msg.of("commit-failure.pass-no-commit", "No commit was needed for the cell, and the sheet "
                                + "kept working."))
                .hint("ignores-failed-call", "Check VirtualAlloc's result: 0 means the page is not committed and must "
                    + "not be written.")
                .evidence(ctx.traceEvidence());
    }
    // end::faultInjection[]

    @Check(points = 5, title = "Bad arguments are refused without crashing", after = "reservesOnOpen", order = 10)
    public CheckResult validatesArguments(Spreadsheet sheet, CheckContext ctx) {
        SheetProbe probe = SheetProbe.open(ctx, sheet);
        List<Long> before = probe.committedPages();
        Tally t = new Tally();
        int[][] bad = {{-1, 0}, {200, 0}, {0, 256}, {0, -1}};
        for (int[] c : bad) {
            t.expect(!attempt(() -> probe.set(c[0], c[1], new byte[1]), true), Msg.of("bad.set", "setCell({0}, {1}, "
                    + "...) did not return false", c[0], c[1]));
            t.expect(attempt(() -> probe.get(c[0], c[1]), new byte[0]) == null, Msg.of("bad.get", "getCell({0}, {1}) "
                    + "did not return null", c[0], c[1]));
        }
        t.expect(!attempt(() -> probe.set(0, 0, new byte[CELL_SIZE + 1]), true), Msg.of("bad.too-long", "setCell "
                + "with {0} bytes did not return false", CELL_SIZE + 1));
        t.expect(!attempt(() -> probe.set(0, 0, null), true), Msg.of("bad.null", "setCell with null data did not "
                + "return false"));
        t.expect(attempt(() -> {
            probe.clear(-1, 300);
            return true;
        }, false), Msg.of("bad.clear", "clearCell(-1, 300) threw instead of doing nothing"));
        List<Long> committed = probe.committedPages();
        committed.removeAll(before);
        t.expect(2, committed.isEmpty(), Msg.of("bad.commits", "refused calls committed {0}", pageList(committed)));
        return t.result(5, Msg.of("bad.pass", "Every bad argument was refused and nothing was committed."))
                .evidence(ctx.traceEvidence());
    }

    // A Java exception from the solution counts as a wrong answer here, not as a crash of the whole check.
    private static <T> T attempt(Supplier<T> call, T onException) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return onException;
        }
    }

    private static Evidence pagesEvidence(String title, List<Long> pages) {
        return Evidence.note(title, pages.stream().map(Win32Names::hex).toArray(String[]::new));
    }

    private static Msg describe(byte[] b) {
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
