package ${package};

import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;

/** The checks of ${artifactId}: each runs on a fresh machine and reads the kernel's ground truth. */
public class ${exerciseClass}Checks {
    private static final long BYTES = 16 * 4096;

    @Check(points = 10, title = "The whole region is reserved", order = 1)
    public CheckResult reservesTheRegion(FirstPage solution, CheckContext ctx) {
        long base = solution.reserveAndCommitFirstPage(ctx.kernel32(), BYTES);
        Allocation a = base == 0 ? null : ctx.snapshot().allocationAt(base);
        if (a == null || a.base() != base || a.size() < BYTES) {
            return CheckResult.fail("a region of " + Win32Names.bytes(BYTES) + " at the returned address",
                    "it returned " + Win32Names.hex(base) + (a == null ? ", which is not allocated"
                            : ", in an allocation of " + Win32Names.bytes(a.size()) + " at "
                            + Win32Names.hex(a.base())))
                    .hint("no-reservation", "VirtualAlloc(0, bytes, MEM_RESERVE, PAGE_READWRITE) returns the base.")
                    .evidence(ctx.traceEvidence());
        }
        return CheckResult.pass("Reserved " + Win32Names.bytes(a.size()) + " at " + Win32Names.hex(base) + ".")
                .evidence(ctx.snapshotEvidence("Address space after the call"));
    }

    @Check(points = 10, title = "Only the first page is committed", after = "reservesTheRegion", order = 2)
    public CheckResult commitsOnlyTheFirstPage(FirstPage solution, CheckContext ctx) {
        long base = solution.reserveAndCommitFirstPage(ctx.kernel32(), BYTES);
        long committed = ctx.committedPages(base, BYTES);
        Tally t = new Tally();
        // Each expectation carries the hint of the mistake it catches: the result gets the first failed one's.
        t.expect(ctx.page(base).state() == WinNT.MEM_COMMIT, "the first page, " + Win32Names.hex(base) + ", is "
                + Win32Names.mem(ctx.page(base).state()) + "; expected MEM_COMMIT")
                .hint("first-page-not-committed", "Commit with a second VirtualAlloc(base, pageSize, MEM_COMMIT, "
                        + "PAGE_READWRITE).");
        t.expect(committed <= 1, Win32Names.pages(committed) + " of the region are committed; expected 1")
                .hint("commits-everything", "Reserve the whole region with MEM_RESERVE alone; commit only the first "
                        + "page, pageSize bytes.");
        return t.result(10, "Exactly the first page, " + Win32Names.hex(base) + ", is committed.")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after the call"));
    }
}
