package pagelab.exercises.protection;

import static pagelab.exercises.protection.TrackerProbe.PAGE;
import static pagelab.exercises.protection.TrackerProbe.count;
import static pagelab.exercises.protection.TrackerProbe.isAccessViolation;
import static pagelab.exercises.protection.TrackerProbe.pages;
import static pagelab.exercises.protection.WriteTracker.BUFFER_SIZE;

import java.util.List;
import java.util.Map;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Memory;
import pagelab.kernel.WinError;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code protection}. Each opens a fresh tracker on a fresh machine, writes and reads through
 * {@code watched}, and compares the tracker's answers with the page protections and faults the kernel saw.
 */
public class ProtectionChecks {

    @Check(points = 10, title = "open commits the buffer and makes it PAGE_READONLY", order = 1)
    public CheckResult openProtectsBuffer(WriteTracker tracker, CheckContext ctx) {
        TrackerProbe t = TrackerProbe.open(ctx, tracker);
        Tally tally = new Tally();
        long committed = ctx.committedPages(t.base(), BUFFER_SIZE);
        tally.expect(committed == WriteTracker.PAGES, Msg.of("open.committed", "only {0} of the buffer at {1} are "
                + "committed, expected {2}", count(committed), Win32Names.hex(t.base()), WriteTracker.PAGES));
        Msg wrong = t.pagesNot(WinNT.PAGE_READONLY);
        tally.expect(2, wrong == null, Msg.of("open.not-readonly", "these pages are not PAGE_READONLY: {0}", wrong));
        tally.expect(t.written().isEmpty(), Msg.of("open.written", "writtenPages() after open is {0}, not empty",
                pages(t.written())));
        return tally.result(10, Msg.of("open.pass", "The buffer at {0} is {1} of PAGE_READONLY: reads work, the "
                        + "first write to a page faults.", Win32Names.hex(t.base()), count(WriteTracker.PAGES)))
                .hint(t.pagesWith(WinNT.PAGE_NOACCESS, -1) > 0 ? "noaccess-not-readonly" : "open-protection",
                        (t.pagesWith(WinNT.PAGE_NOACCESS, -1) > 0 ? "PAGE_NOACCESS faults on reads too; the buffer "
                        + "must stay readable. " : "") + "Commit PAGE_READWRITE, then VirtualProtect(base, "
                        + "BUFFER_SIZE, PAGE_READONLY, &old).")
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after open"));
    }

    // tag::writes[]
    @Check(points = 20, title = "Each written page is recorded, with one fault per page", after = "openProtectsBuffer",
            order = 2)
    public CheckResult writesRecorded(WriteTracker tracker, CheckContext ctx) {
        TrackerProbe t = TrackerProbe.open(ctx, tracker);
        Memory mem = ctx.memory();
        long mark = ctx.mark();
        t.watched("watched(writes)", () -> {
            mem.setInt(t.page(0) + 16, 0x11111111);
            mem.setInt(t.page(3), 0x33333333);
            mem.setInt(t.page(3) + 100, 0x33333334);
            mem.setInt(t.page(7) + 4092, 0x77777777);
            mem.setLong(t.page(9) - 4, 0x9999999988888888L); // spans pages 8 and 9
            mem.setByte(t.page(15) + 4095, (byte) 0x55);
        });
        List<Long> want = List.of(t.page(0), t.page(3), t.page(7), t.page(8), t.page(9), t.page(15));
        List<Long> got = t.written();
        Tally tally = new Tally();
        tally.expect(3, want.equals(got), Msg.of("writes.recorded", "writtenPages() is {0}; expected {1}", pages(got),
                pages(want)));
        tally.expect(mem.getInt(t.page(3) + 100) == 0x33333334 && mem.getLong(t.page(9) - 4) == 0x9999999988888888L
                && mem.getByte(t.page(15) + 4095) == 0x55, Msg.of("writes.not-stored", "not every write inside "
                + "watched() was stored"));
        long faults = t.violationsIn(mark, t.base(), BUFFER_SIZE);
        tally.expect(faults == want.size(), Msg.of("writes.faults", "{0} were written, but the buffer raised {1} "
                + "access violations (expected one per written page)", count(want.size()), String.valueOf(faults)));
        return tally.result(20, Msg.of("writes.pass", "Six pages written, six faults, six pages recorded, every "
                        + "write stored."))
                .hint("unprotects-whole-buffer", "Make only the faulting page PAGE_READWRITE: the other pages must "
                        + "stay read-only to be seen.")
                .evidence(ctx.traceEvidence());
    }
    // end::writes[]

    @Check(points = 10, title = "Reads neither fault nor count as writes", after = "openProtectsBuffer", order = 3)
    public CheckResult readsNotRecorded(WriteTracker tracker, CheckContext ctx) {
        TrackerProbe t = TrackerProbe.open(ctx, tracker);
        long mark = ctx.mark();
        long[] sum = new long[1];
        t.watched("watched(reads)", () -> {
            for (int i = 0; i < WriteTracker.PAGES; i++) {
                sum[0] += ctx.memory().getInt(t.page(i) + 8);
            }
        });
        Tally tally = new Tally();
        long faults = t.violationsIn(mark, t.base(), BUFFER_SIZE);
        tally.expect(faults == 0, Msg.of("reads.faults", "reading every page raised {0} access violations",
                String.valueOf(faults)));
        tally.expect(2, t.written().isEmpty(), Msg.of("reads.recorded", "after reads only, writtenPages() is {0}",
                pages(t.written())));
        return tally.result(10, Msg.of("reads.pass", "Reading all {0} raised nothing and recorded nothing.",
                        count(WriteTracker.PAGES)))
                .hint("noaccess-not-readonly", "PAGE_READONLY allows reads; PAGE_NOACCESS would fault on them too.")
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "Faults outside the buffer reach the outer handler", after = "writesRecorded",
            order = 4)
    public CheckResult foreignFaultsPassOn(WriteTracker tracker, CheckContext ctx) {
        TrackerProbe t = TrackerProbe.open(ctx, tracker);
        Tally tally = new Tally();
        Msg nul = t.outer(() -> tracker.watched(() -> ctx.memory().setInt(0, 1)));
        tally.expect(isAccessViolation(nul), Msg.of("foreign.null", "a NULL write inside watched(): the outer "
                + "handler got {0}", nul == null ? NOTHING : nul));
        long other = ctx.kernel32().VirtualAlloc(0, PAGE, WinNT.MEM_RESERVE | WinNT.MEM_COMMIT, WinNT.PAGE_READONLY);
        Msg foreign = t.outer(() -> tracker.watched(() -> ctx.memory().setInt(other, 1)));
        int prot = t.protect(other);
        tally.expect(2, foreign != null && prot == WinNT.PAGE_READONLY, Msg.of("foreign.read-only", "a write to "
                + "{0}, a PAGE_READONLY page outside the buffer: the outer handler got {1} and the page is now {2}; "
                + "expected the violation outside and the page still PAGE_READONLY", Win32Names.hex(other),
                foreign == null ? NOTHING : foreign, Win32Names.protection(prot)));
        tally.expect(!t.written().contains(other), Msg.of("foreign.recorded", "writtenPages() lists {0}, which is "
                + "not in the buffer", Win32Names.hex(other)));
        return tally.result(15, Msg.of("foreign.pass", "A NULL write and a write to someone else's read-only page "
                        + "went on to the outer handler, untouched."))
                .hint("no-range-check", "Check that ExceptionInformation[1] is inside [base, base + BUFFER_SIZE) "
                        + "before touching any "
                        + "protection.")
                .evidence(ctx.traceEvidence());
    }

    // tag::oldProtection[]
    @Check(points = 15, title = "A page someone else protected keeps its protection", after = "writesRecorded",
            order = 5)
    public CheckResult respectsOldProtection(WriteTracker tracker, CheckContext ctx) {
        TrackerProbe t = TrackerProbe.open(ctx, tracker);
        long locked = t.page(5);
        ctx.kernel32().VirtualProtect(locked, PAGE, WinNT.PAGE_NOACCESS, new IntByReference());
        Msg got = t.outer(() -> tracker.watched(() -> ctx.memory().setInt(locked + 32, 5)));
        Tally tally = new Tally();
        tally.expect(2, isAccessViolation(got), Msg.of("locked.outer", "a write to {0} on a page of the buffer made "
                + "PAGE_NOACCESS: the outer handler got {1}", Win32Names.hex(locked + 32), got == null
                ? Msg.of("outer.nothing-written", "nothing: the write went through") : got));
        tally.expect(2, t.protect(locked) == WinNT.PAGE_NOACCESS, Msg.of("locked.protection", "page {0} is now {1}; "
                + "it must stay PAGE_NOACCESS", Win32Names.hex(locked), Win32Names.protection(t.protect(locked))));
        tally.expect(!t.written().contains(locked), Msg.of("locked.recorded", "writtenPages() lists the locked page "
                + "{0}", Win32Names.hex(locked)));
        return tally.result(15, Msg.of("locked.pass", "The PAGE_NOACCESS page was left alone: its fault went on to "
                        + "the outer handler."))
                .hint(oldProtectionMode(t, locked), OLD_PROTECTION_HINTS.get(oldProtectionMode(t, locked)))
                .evidence(ctx.traceEvidence());
    }
    // end::oldProtection[]

    @Check(points = 15, title = "reset makes written pages read-only again", after = "writesRecorded", order = 6)
    public CheckResult resetRearms(WriteTracker tracker, CheckContext ctx) {
        TrackerProbe t = TrackerProbe.open(ctx, tracker);
        t.watched("watched(first writes)", () -> {
            ctx.memory().setInt(t.page(2), 2);
            ctx.memory().setInt(t.page(4), 4);
        });
        long mark = ctx.mark();
        boolean ok = t.reset();
        KernelCall failed = ctx.since(mark).stream().filter(e -> e instanceof KernelCall c && c.failed()
                && c.function().equals("VirtualProtect")).map(KernelCall.class::cast).findFirst().orElse(null);
        int writable = t.pagesWith(WinNT.PAGE_READWRITE, -1);
        Tally tally = new Tally();
        Msg wrong = t.pagesNot(WinNT.PAGE_READONLY);
        tally.expect(2, wrong == null, Msg.of("reset.not-readonly", "after reset() these pages are not "
                + "PAGE_READONLY: {0}", wrong));
        tally.expect(ok == (wrong == null), wrong == null
                ? Msg.of("reset.returned", "reset() returned {0} although every page was re-protected",
                        String.valueOf(ok))
                : Msg.of("reset.returned-not-all", "reset() returned {0} although some pages were not re-protected",
                        String.valueOf(ok)));
        tally.expect(t.written().isEmpty(), Msg.of("reset.written", "after reset() writtenPages() is {0}",
                pages(t.written())));
        t.watched("watched(second write)", () -> ctx.memory().setInt(t.page(4) + 8, 44));
        tally.expect(2, t.written().equals(List.of(t.page(4))), Msg.of("reset.not-seen", "a write to page {0} after "
                + "reset() left writtenPages() at {1}", Win32Names.hex(t.page(4)), pages(t.written())));
        CheckResult r = tally.result(15, Msg.of("reset.pass", "reset() re-protected pages {0} and {1}, and the next "
                        + "write was seen again.", Win32Names.hex(t.page(2)), Win32Names.hex(t.page(4))));
        // The hint names the VirtualProtect call that failed and its error, else the mistake the protections show.
        if (failed != null && failed.lastError() == WinError.ERROR_NOACCESS) {
            r = r.hint("null-old-protect", "VirtualProtect failed with ERROR_NOACCESS: lpflOldProtect must point to "
                    + "a variable, never NULL. Check its result.");
        } else if (failed != null) {
            r = r.hint("reset-call-failed", Msg.of("hint.reset-call-failed", "VirtualProtect failed in reset() with "
                    + "{0}: check its arguments and its result.", Win32Names.error(failed.lastError())));
        } else if (t.pagesWith(WinNT.PAGE_NOACCESS, -1) > 0) {
            r = r.hint("noaccess-not-readonly", "reset() must make the pages PAGE_READONLY again, not PAGE_NOACCESS: "
                    + "reads must keep working.");
        } else if (writable > 2) {
            r = r.hint("unprotects-whole-buffer", "Pages that were never written are writable: the filter must "
                    + "unprotect only the page that faulted, so reset() can re-protect what was written.");
        } else {
            r = r.hint("reset-never-reprotects", "reset() must VirtualProtect every page in writtenPages() back to "
                    + "PAGE_READONLY.");
        }
        return r.evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "close releases the buffer", after = "openProtectsBuffer", order = 7)
    public CheckResult closeReleases(WriteTracker tracker, CheckContext ctx) {
        TrackerProbe t = TrackerProbe.open(ctx, tracker);
        t.watched("watched(write)", () -> ctx.memory().setInt(t.page(1), 1));
        TrackerProbe.call(ctx, "close()", () -> {
            tracker.close();
            return null;
        });
        int state = ctx.page(t.base()).state();
        Tally tally = new Tally();
        tally.expect(3, state == WinNT.MEM_FREE, Msg.of("close.not-free", "after close the buffer at {0} is {1}; "
                + "expected MEM_FREE", Win32Names.hex(t.base()), Win32Names.mem(state)));
        tally.expect(tracker.base() == 0, Msg.of("close.base", "base() is {0} after close",
                Win32Names.hex(tracker.base())));
        return tally.result(15, Msg.of("close.pass", "close released the buffer at {0}.", Win32Names.hex(t.base())))
                .hint("never-releases", "VirtualFree(base, 0, MEM_RELEASE) works whatever the pages' protection.")
                .evidence(ctx.traceEvidence());
    }

    /** What the outer handler got when no exception reached it. */
    private static final Msg NOTHING = Msg.of("outer.nothing", "nothing");

    private static final Map<String, String> OLD_PROTECTION_HINTS = Map.of(
            "unprotects-whole-buffer", "The filter made the whole buffer writable, the locked page with it: change "
                    + "only the faulting page, and only if *lpflOldProtect says it was PAGE_READONLY.",
            "noaccess-not-readonly", "A buffer of PAGE_NOACCESS pages cannot tell a locked page from its own: "
                    + "protect the buffer PAGE_READONLY.",
            "ignores-old-protection", "VirtualProtect's *lpflOldProtect tells you what the page was. If it was not "
                    + "PAGE_READONLY, restore it and return EXCEPTION_CONTINUE_SEARCH.");

    // Which mistake let the locked page be written: the whole buffer unlocked, a buffer of PAGE_NOACCESS pages, or
    // the faulting page unlocked without looking at what it was.
    private static String oldProtectionMode(TrackerProbe t, long locked) {
        return t.pagesWith(WinNT.PAGE_READWRITE, locked) > 1 ? "unprotects-whole-buffer"
                : t.pagesWith(WinNT.PAGE_NOACCESS, locked) > 0 ? "noaccess-not-readonly" : "ignores-old-protection";
    }
}
