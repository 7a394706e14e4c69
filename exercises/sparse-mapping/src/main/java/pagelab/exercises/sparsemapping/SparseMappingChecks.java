package pagelab.exercises.sparsemapping;

import static pagelab.exercises.sparsemapping.Sharers.PAGE;
import static pagelab.exercises.sparsemapping.Sharers.padded;
import static pagelab.exercises.sparsemapping.Sharers.pattern;
import static pagelab.exercises.sparsemapping.SparseSection.RECORD;
import static pagelab.exercises.sparsemapping.SparseSection.SIZE;

import java.util.Arrays;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.Allocation;

/**
 * The checks of {@code sparse-mapping}. Each creates the student's section in the check's process (and attaches from
 * others), then compares page states, the machine's commit charge and the records with what they must be.
 */
public class SparseMappingChecks {
    private static final long PAGES = SIZE / PAGE;

    @Check(points = 15, title = "create maps a 16 MiB view and commits nothing", order = 1)
    public CheckResult reservesSection(CheckContext ctx) {
        Sharers s = new Sharers(ctx, ctx.machine());
        SparseSection a = s.create(ctx.process());
        Allocation view = s.view(ctx.process(), a);
        long committed = s.committedPages(a);
        if (committed >= PAGES) {
            return CheckResult.fail("Right after create all " + Win32Names.pages(committed) + " of the view at "
                            + Win32Names.hex(view.base()) + " are committed: the section was created SEC_COMMIT, and "
                            + Win32Names.bytes(s.chargedPages() * PAGE) + " were charged at once.",
                            "0 committed pages (SEC_RESERVE)", Win32Names.pages(committed))
                    .hint("sec-commit", "Add SEC_RESERVE to flProtect: PAGE_READWRITE | SEC_RESERVE.")
                    .evidence(s.trace(), ctx.snapshotEvidence("Address space after create"));
        }
        Tally t = new Tally();
        t.expect(2, view.size() >= SIZE, "the view at " + Win32Names.hex(view.base()) + " is "
                + Win32Names.bytes(view.size()) + ", less than the section's " + Win32Names.bytes(SIZE));
        t.expect(3, committed == 0, "right after create " + Win32Names.pages(committed) + " of the view's "
                + Win32Names.pages(PAGES) + " are committed; with SEC_RESERVE none would be");
        return t.result(15, "The view at " + Win32Names.hex(view.base()) + " covers " + Win32Names.bytes(SIZE)
                        + ", all MEM_RESERVE.")
                .hint(committed > 0 ? "commits-on-create" : "view-too-small", committed > 0
                        ? "create commits nothing: add SEC_RESERVE to flProtect (PAGE_READWRITE | SEC_RESERVE) and "
                        + "do not VirtualAlloc any page before a put." : "Map a view of the whole section: "
                        + "MapViewOfFile(section, FILE_MAP_ALL_ACCESS, 0, 0, 0).")
                .evidence(s.trace(), ctx.snapshotEvidence("Address space after create"));
    }

    @Check(points = 15, title = "put commits exactly the pages holding records", after = "reservesSection",
            order = 2)
    public CheckResult commitsOnDemand(CheckContext ctx) {
        Sharers s = new Sharers(ctx, ctx.machine());
        SparseSection a = s.create(ctx.process());
        int[] indexes = {0, 1, 3, 4, 5000, 16383};
        Tally t = new Tally();
        for (int i : indexes) {
            t.expect(s.put(a, i, pattern(i, 100)), "put(" + i + ", 100 bytes) returned false");
        }
        long committed = s.committedPages(a);
        t.expect(3, committed == 4, Win32Names.pages(committed) + " of the view are committed; records 0, 1, 3, 4, "
                + "5000 and 16383 lie on 4 pages (4 records per page)");
        return t.result(15, "Six records on four pages: four pages committed.")
                .hint("commit-per-page", "VirtualAlloc(view + index * RECORD, RECORD, MEM_COMMIT, PAGE_READWRITE) commits the page "
                        + "holding the record; only when it is not committed yet.")
                .evidence(s.trace());
    }

    @Check(points = 10, title = "get of an unused record commits nothing", after = "reservesSection", order = 3)
    public CheckResult getDoesNotCommit(CheckContext ctx) {
        Sharers s = new Sharers(ctx, ctx.machine());
        SparseSection a = s.create(ctx.process());
        s.put(a, 8, pattern(8, 20));
        Tally t = new Tally();
        t.expect(2, Arrays.equals(s.get(a, 8), padded(pattern(8, 20))), "get(8) did not return what put(8) stored");
        for (int i : new int[] {9, 100, 16000}) {
            t.expect(Arrays.equals(s.get(a, i), new byte[RECORD]), "get(" + i + ") of an unused record did not "
                    + "return " + RECORD + " zero bytes");
        }
        long committed = s.committedPages(a);
        t.expect(2, committed == 1, "after one put and four gets " + Win32Names.pages(committed) + " are committed; "
                + "only the page of record 8 should be");
        return t.result(10, "Unused records read as zeros, and reading committed nothing.")
                .hint("reads-commit", "VirtualQuery tells whether the record's page is committed; if not, the record "
                        + "is zeros.")
                .evidence(s.trace());
    }

    // Judged whatever create did: a section created SEC_COMMIT loses reservesSection's points, and its records
    // are still seen (or not) by another process (issue 16, fair points).
    @Check(points = 15, title = "Another process sees the records and their pages", order = 4)
    public CheckResult secondProcessSeesRecords(CheckContext ctx) {
        Sharers s = new Sharers(ctx, ctx.machine());
        SparseSection a = s.create(ctx.process());
        s.put(a, 40, pattern(40, 300));
        SparseSection b = s.attach();
        Tally t = new Tally();
        t.expect(3, Arrays.equals(s.get(b, 40), padded(pattern(40, 300))), "in the second process get(40) did not "
                + "return what the first process stored: the page is committed in the section, for every view")
                .hint("remembers-own-commits", "Commitment belongs to the section, not to a view: ask VirtualQuery, "
                        + "not a list of your own.");
        t.expect(Arrays.equals(s.get(b, 41), new byte[RECORD]) && Arrays.equals(s.get(b, 3000),
                new byte[RECORD]), "in the second process unused records did not read as zeros")
                .hint("unused-not-zero", "A record on a page that is not committed reads as " + RECORD + " zero "
                        + "bytes; do not touch the page.");
        s.put(b, 2001, pattern(2001, 50));
        t.expect(2, Arrays.equals(s.get(a, 2001), padded(pattern(2001, 50))), "the first process does not see "
                + "record 2001 stored by the second").hint("remembers-own-commits", "Commitment belongs to the "
                + "section, not to a view: ask VirtualQuery, not a list of your own.");
        long committed = s.committedPages(b);
        if (committed < PAGES) { // a SEC_COMMIT section has every page committed: reservesSection judges that
            t.expect(committed == 2, "the second process's view has " + Win32Names.pages(committed) + " committed; "
                    + "the section has 2 (records 40 and 2001)").hint("reads-commit", "get must not commit: "
                    + "VirtualQuery tells whether the record's page is committed; if not, the record is zeros.");
        }
        return t.result(15, "Both processes saw each other's records; reading committed nothing.")
                .evidence(s.trace());
    }

    @Check(points = 10, title = "The commit charge grows one page at a time", after = "reservesSection", order = 5)
    public CheckResult commitChargeGrowsByPage(CheckContext ctx) {
        Sharers s = new Sharers(ctx, ctx.machine());
        SparseSection a = s.create(ctx.process());
        long afterCreate = s.chargedPages();
        for (int i : new int[] {0, 4, 8}) {
            s.put(a, i, pattern(i, 10));
        }
        long afterPuts = s.chargedPages();
        Tally t = new Tally();
        t.expect(2, afterCreate == 0, "create added " + Win32Names.pages(afterCreate) + " to the commit charge");
        t.expect(1, afterPuts - afterCreate == 3, "three records on three pages added "
                + Win32Names.pages(afterPuts - afterCreate) + " to the commit charge");
        return t.result(10, "create charged nothing; three records on three pages charged three pages.")
                .hint("sec-commit", "A SEC_COMMIT section is charged in full when it is created; SEC_RESERVE charges per commit.")
                .evidence(s.trace());
    }

    @Check(points = 10, title = "close unmaps the view and the section goes away",
            after = "secondProcessSeesRecords", order = 6)
    public CheckResult closeReleasesEverything(CheckContext ctx) {
        Sharers s = new Sharers(ctx, ctx.machine());
        SparseSection a = s.create(ctx.process());
        s.put(a, 1, pattern(1, 10));
        long view = a.view();
        s.close(a);
        Allocation left = ctx.snapshot().allocationAt(view);
        long h = ctx.kernel32().OpenFileMapping(WinNT.FILE_MAP_READ, false, SparseSection.NAME);
        if (h != 0) {
            ctx.kernel32().CloseHandle(h);
        }
        Tally t = new Tally();
        t.expect(2, left == null, "after close the view at " + Win32Names.hex(view) + " is still mapped");
        t.expect(1, h == 0, "after close the section " + SparseSection.NAME + " still exists");
        t.expect(1, s.chargedPages() == 0, "after close " + Win32Names.pages(s.chargedPages()) + " are still "
                + "charged");
        return t.result(10, "close unmapped the view; the section and its committed page are gone.")
                .hint("closes-handle-only", "UnmapViewOfFile(view) and CloseHandle(section): the view alone keeps the section alive.")
                .evidence(s.trace(), ctx.snapshotEvidence("Address space after close"));
    }

    @Check(points = 10, title = "put reports a failed commit and stays usable", after = "commitsOnDemand", order = 7)
    public CheckResult reportsCommitFailure(CheckContext ctx) {
        Sharers s = new Sharers(ctx, ctx.machine());
        SparseSection a = s.create(ctx.process());
        ctx.faultInjection().failNthCall("VirtualAlloc", 1, WinError.ERROR_COMMITMENT_LIMIT);
        boolean stored = s.put(a, 300, pattern(300, 10));
        ctx.faultInjection().clear();
        Tally t = new Tally();
        t.expect(2, !stored, "VirtualAlloc failed with " + Win32Names.error(WinError.ERROR_COMMITMENT_LIMIT)
                + ", but put(300, ...) returned true");
        t.expect(s.put(a, 300, pattern(300, 10)) && Arrays.equals(s.get(a, 300), padded(pattern(300, 10))),
                "put(300, ...) did not work once memory was available");
        return t.result(10, "put returned false when the commit failed and worked on the retry.")
                .hint("ignores-failed-call", "VirtualAlloc returns 0 when it cannot commit: the page is still reserved; do not write it.")
                .evidence(s.trace());
    }

    @Check(points = 15, title = "The section works on x64 too", after = "secondProcessSeesRecords", order = 8)
    public CheckResult worksOnX64(CheckContext ctx) {
        try (Machine x64 = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            Sharers s = new Sharers(ctx, x64);
            SparseSection a = s.create(x64.createProcess());
            s.put(a, 12345, pattern(12345, 64));
            SparseSection b = s.attach();
            // A record read as zeros was taken for uncommitted; anything else was read from the wrong address.
            boolean zeros = Arrays.equals(s.get(b, 12345), new byte[RECORD]);
            Tally t = new Tally();
            t.expect(2, Arrays.equals(s.get(b, 12345), padded(pattern(12345, 64))), "on x64 the second process did "
                    + "not read record 12345").hint(zeros ? "remembers-own-commits" : "int-address",
                    zeros ? "The record is committed in the section, so in every view: ask "
                    + "VirtualQuery, as on x86." : "Keep the view's address in a long.");
            if (s.committedPages(a) < PAGES) { // SEC_COMMIT is reservesSection's to judge
                t.expect(s.committedPages(a) == 1, "on x64 " + Win32Names.pages(s.committedPages(a)) + " are "
                        + "committed for one record").hint("commit-per-page", "Commit only the page holding the "
                        + "record.");
            }
            return t.result(15, "On x64 one record committed one page, and the other process read it.")
                    .evidence(s.trace());
        }
    }
}
