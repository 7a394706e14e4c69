package pagelab.exercises.sparsemapping;

import static pagelab.exercises.sparsemapping.Sharers.PAGE;
import static pagelab.exercises.sparsemapping.Sharers.bytes;
import static pagelab.exercises.sparsemapping.Sharers.padded;
import static pagelab.exercises.sparsemapping.Sharers.pages;
import static pagelab.exercises.sparsemapping.Sharers.pattern;
import static pagelab.exercises.sparsemapping.SparseSection.RECORD;
import static pagelab.exercises.sparsemapping.SparseSection.SIZE;

import java.util.Arrays;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
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
            return CheckResult.fail(Msg.of("reserve.sec-commit", "Right after create all {0} of the view at {1} are "
                            + "committed: the section was created SEC_COMMIT, and {2} were charged at once.",
                            pages(committed), Win32Names.hex(view.base()), bytes(s.chargedPages() * PAGE)),
                            Msg.of("reserve.no-committed", "0 committed pages (SEC_RESERVE)"), pages(committed))
                    .hint("sec-commit", "Add SEC_RESERVE to flProtect: PAGE_READWRITE | SEC_RESERVE.")
                    .evidence(s.trace(), ctx.snapshotEvidence("Address space after create"));
        }
        Tally t = new Tally();
        t.expect(2, view.size() >= SIZE, Msg.of("reserve.view-too-small", "the view at {0} is {1}, less than the "
                + "section's {2}", Win32Names.hex(view.base()), bytes(view.size()), bytes(SIZE)));
        t.expect(3, committed == 0, Msg.of("reserve.commits", "right after create {0} of the view's {1} are "
                + "committed; with SEC_RESERVE none would be", pages(committed), pages(PAGES)));
        return t.result(15, Msg.of("reserve.pass", "The view at {0} covers {1}, all MEM_RESERVE.",
                        Win32Names.hex(view.base()), bytes(SIZE)))
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
            // Indexes are code (put(16383, ...)), not counts: text, without thousands separators.
            t.expect(s.put(a, i, pattern(i, 100)), Msg.of("commit.put-false", "put({0}, 100 bytes) returned false",
                    String.valueOf(i)));
        }
        long committed = s.committedPages(a);
        t.expect(3, committed == 4, Msg.of("commit.pages", "{0} of the view are committed; records 0, 1, 3, 4, "
                + "5000 and 16383 lie on 4 pages (4 records per page)", pages(committed)));
        return t.result(15, Msg.of("commit.pass", "Six records on four pages: four pages committed."))
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
        t.expect(2, Arrays.equals(s.get(a, 8), padded(pattern(8, 20))), Msg.of("get.wrong-data", "get(8) did not "
                + "return what put(8) stored"));
        for (int i : new int[] {9, 100, 16000}) {
            t.expect(Arrays.equals(s.get(a, i), new byte[RECORD]), Msg.of("get.not-zeros", "get({0}) of an unused "
                    + "record did not return {1} zero bytes", String.valueOf(i), String.valueOf(RECORD)));
        }
        long committed = s.committedPages(a);
        t.expect(2, committed == 1, Msg.of("get.commits", "after one put and four gets {0} are committed; only the "
                + "page of record 8 should be", pages(committed)));
        return t.result(10, Msg.of("get.pass", "Unused records read as zeros, and reading committed nothing."))
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
        t.expect(3, Arrays.equals(s.get(b, 40), padded(pattern(40, 300))), Msg.of("second.not-seen", "in the "
                + "second process get(40) did not return what the first process stored: the page is committed in the "
                + "section, for every view"))
                .hint("remembers-own-commits", "Commitment belongs to the section, not to a view: ask VirtualQuery, "
                        + "not a list of your own.");
        t.expect(Arrays.equals(s.get(b, 41), new byte[RECORD]) && Arrays.equals(s.get(b, 3000),
                new byte[RECORD]), Msg.of("second.not-zeros", "in the second process unused records did not read as "
                + "zeros"))
                .hint("unused-not-zero", "A record on a page that is not committed reads as " + RECORD + " zero "
                        + "bytes; do not touch the page.");
        s.put(b, 2001, pattern(2001, 50));
        t.expect(2, Arrays.equals(s.get(a, 2001), padded(pattern(2001, 50))), Msg.of("second.first-not-seen", "the "
                + "first process does not see record 2001 stored by the second")).hint("remembers-own-commits", "Commitment belongs to the "
                + "section, not to a view: ask VirtualQuery, not a list of your own.");
        long committed = s.committedPages(b);
        if (committed < PAGES) { // a SEC_COMMIT section has every page committed: reservesSection judges that
            t.expect(committed == 2, Msg.of("second.commits", "the second process's view has {0} committed; the "
                    + "section has 2 (records 40 and 2001)", pages(committed))).hint("reads-commit", "get must not commit: "
                    + "VirtualQuery tells whether the record's page is committed; if not, the record is zeros.");
        }
        return t.result(15, Msg.of("second.pass", "Both processes saw each other's records; reading committed "
                        + "nothing."))
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
        t.expect(2, afterCreate == 0, Msg.of("charge.create", "create added {0} to the commit charge",
                pages(afterCreate)));
        t.expect(1, afterPuts - afterCreate == 3, Msg.of("charge.puts", "three records on three pages added {0} to "
                + "the commit charge", pages(afterPuts - afterCreate)));
        return t.result(10, Msg.of("charge.pass", "create charged nothing; three records on three pages charged "
                        + "three pages."))
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
        t.expect(2, left == null, Msg.of("close.mapped", "after close the view at {0} is still mapped",
                Win32Names.hex(view)));
        t.expect(1, h == 0, Msg.of("close.section", "after close the section {0} still exists",
                SparseSection.NAME));
        t.expect(1, s.chargedPages() == 0, Msg.of("close.charged", "after close {0} are still charged",
                pages(s.chargedPages())));
        return t.result(10, Msg.of("close.pass", "close unmapped the view; the section and its committed page are "
                        + "gone."))
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
        t.expect(2, !stored, Msg.of("commit-failure.returned-true", "VirtualAlloc failed with {0}, but put(300, ...) "
                + "returned true", Win32Names.error(WinError.ERROR_COMMITMENT_LIMIT)));
        t.expect(s.put(a, 300, pattern(300, 10)) && Arrays.equals(s.get(a, 300), padded(pattern(300, 10))),
                Msg.of("commit-failure.no-retry", "put(300, ...) did not work once memory was available"));
        return t.result(10, Msg.of("commit-failure.pass", "put returned false when the commit failed and worked on "
                        + "the retry."))
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
            t.expect(2, Arrays.equals(s.get(b, 12345), padded(pattern(12345, 64))), Msg.of("x64.not-read", "on x64 "
                    + "the second process did not read record 12345")).hint(zeros ? "remembers-own-commits" : "int-address",
                    zeros ? "The record is committed in the section, so in every view: ask "
                    + "VirtualQuery, as on x86." : "Keep the view's address in a long.");
            if (s.committedPages(a) < PAGES) { // SEC_COMMIT is reservesSection's to judge
                t.expect(s.committedPages(a) == 1, Msg.of("x64.commits", "on x64 {0} are committed for one record",
                        pages(s.committedPages(a)))).hint("commit-per-page", "Commit only the page holding the "
                        + "record.");
            }
            return t.result(15, Msg.of("x64.pass", "On x64 one record committed one page, and the other process "
                    + "read it."))
                    .evidence(s.trace());
        }
    }
}
