package pagelab.exercises.memreset;

import static pagelab.exercises.memreset.CacheProbe.data;
import static pagelab.exercises.memreset.PageCache.CACHE_SIZE;
import static pagelab.exercises.memreset.PageCache.SLOTS;

import java.util.Arrays;
import java.util.Map;
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

/**
 * The checks of {@code mem-reset}, on a machine with little RAM so that memory pressure pushes the cache out:
 * the cache's answers, its page states, and the paging-file writes the pressure caused, compared with control runs.
 */
public class MemResetChecks {

    @Check(points = 10, title = "open commits the whole cache", order = 1)
    public CheckResult openCommitsCache(PageCache cache, CheckContext ctx) {
        CacheProbe c = CacheProbe.open(ctx, cache);
        long committed = ctx.committedPages(c.base(), CACHE_SIZE);
        Tally t = new Tally();
        t.expect(committed == SLOTS, Msg.of("open.committed", "only {0} of the cache at {1} are committed, expected "
                + "{2}", pages(committed), Win32Names.hex(c.base()), SLOTS)).hint("open-commits", "Commit the "
                + "whole cache in open: VirtualAlloc(0, CACHE_SIZE, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE).");
        t.expect(c.get(0) == null && c.get(SLOTS - 1) == null, Msg.of("open.not-empty", "get of a slot never put did "
                + "not return null"))
                .hint("empty-slots", "Keep track of which slots hold data: a slot never put is empty, and get "
                        + "returns null for it.");
        return t.result(10, Msg.of("open.pass", "The cache at {0} is {1} committed, every slot empty.",
                        Win32Names.hex(c.base()), pages(SLOTS)))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "Slots read back what was put", after = "openCommitsCache", order = 2)
    public CheckResult roundTrip(PageCache cache, CheckContext ctx) {
        CacheProbe c = CacheProbe.open(ctx, cache);
        Tally t = new Tally();
        for (int s : new int[] {0, 1, 31, 63}) {
            c.put(s, data(s, 0));
            t.expect(Arrays.equals(c.get(s), data(s, 0)), Msg.of("round-trip.wrong-data", "get({0}) did not return the "
                    + "4,096 bytes put", s))
                    .hint("round-trip", "put copies SLOT_SIZE bytes to base + slot * SLOT_SIZE; get copies them "
                            + "back.");
        }
        return t.result(10, Msg.of("round-trip.pass", "Four slots read back exactly.")).evidence(ctx.traceEvidence());
    }

    @Check(points = 15, title = "discardAll invalidates every slot and keeps the pages committed",
            after = "roundTrip", order = 3)
    public CheckResult discardAllInvalidates(PageCache cache, CheckContext ctx) {
        CacheProbe c = CacheProbe.open(ctx, cache);
        for (int s = 0; s < SLOTS; s++) {
            c.put(s, data(s, 0));
        }
        c.discardAll();
        Tally t = new Tally();
        int stillValid = 0;
        for (int s = 0; s < SLOTS; s++) {
            stillValid += c.get(s) == null ? 0 : 1;
        }
        t.expect(2, stillValid == 0, Msg.of("discard-all.still-valid", "{0} still returned data after discardAll; "
                + "after MEM_RESET a page's contents are undefined, so get must return null", slots(stillValid)))
                .hint("trusts-reset-contents", "After MEM_RESET the page's bytes may be zeros or the old data: forget "
                        + "every slot, so get returns null.");
        int gone = c.uncommittedPages();
        t.expect(2, gone == 0, Msg.of("discard-all.decommitted", "{0} of the cache are no longer committed after "
                + "discardAll; MEM_RESET keeps them committed (decommitting would cost a new commit for every reuse)",
                pages(gone)))
                .hint("decommits-instead", "Reset, do not decommit: VirtualAlloc(base, CACHE_SIZE, MEM_RESET, "
                        + "PAGE_NOACCESS) drops the contents and keeps the pages committed.");
        c.put(9, data(9, 1));
        t.expect(Arrays.equals(c.get(9), data(9, 1)), Msg.of("discard-all.no-reuse", "put(9, ...) after discardAll "
                + "did not read back"))
                .hint("reuse-after-discard", "A reset page is still committed and writable: put may use it again.");
        return t.result(15, Msg.of("discard-all.pass", "All {0} slots invalid, all {1} still committed, and slot 9 "
                        + "usable again.", SLOTS, pages(SLOTS)))
                .evidence(ctx.traceEvidence(), ctx.snapshotEvidence("Address space after discardAll"));
    }

    // tag::savings[]
    @Check(points = 25, title = "A discarded cache is not written to the paging file", after = "roundTrip",
            order = 4)
    public CheckResult discardSavesWrites(PageCache cache, CheckContext ctx) {
        CacheProbe c = CacheProbe.open(ctx, cache);
        for (int s = 0; s < SLOTS; s++) {
            c.put(s, data(s, 0));
        }
        c.discardAll();
        long writes = c.pressure();
        long without = ControlRuns.writesAfterDiscard(ctx.machine().config(), false);
        long with = ControlRuns.writesAfterDiscard(ctx.machine().config(), true);
        if (without <= with) {
            return CheckResult.error("The control runs show no saving (" + without + " writes without MEM_RESET, "
                    + with + " with it): the pressure is too small for this machine.");
        }
        // The counts are text, as they always read (no thousands separators).
        return Economy.score(Msg.of("savings.what", "Paging-file writes while other memory pushed the discarded cache "
                        + "out of RAM ({0}; {1} without MEM_RESET, {2} with it)", String.valueOf(writes),
                        String.valueOf(without), String.valueOf(with)), writes, without, with, 25)
                .hint(resetMistake(ctx), RESET_HINTS.get(resetMistake(ctx)))
                .evidence(Evidence.calls("Kernel calls", ctx.calls("VirtualAlloc", "VirtualFree")));
    }
    // end::savings[]

    @Check(points = 20, title = "discard resets one slot and keeps the others", after = "roundTrip", order = 5)
    public CheckResult discardOneKeepsOthers(PageCache cache, CheckContext ctx) {
        CacheProbe c = CacheProbe.open(ctx, cache);
        for (int s = 0; s < 16; s++) {
            c.put(s, data(s, 0));
        }
        c.discard(5);
        c.pressure();
        Tally t = new Tally();
        t.expect(c.get(5) == null, Msg.of("discard.still-valid", "get(5) returned data after discard(5)"))
                .hint("discard-keeps-slot", "discard forgets the slot: get returns null for it until the next "
                        + "put.");
        Msg lost = null; // "3 at 0x..., 7 at 0x...", one Msg per slot joined by "list"
        for (int s = 0; s < 16; s++) {
            if (s != 5 && !Arrays.equals(c.get(s), data(s, 0))) {
                Msg slot = Msg.of("slot-at", "{0} at {1}", s, Win32Names.hex(c.slotAddress(s)));
                lost = lost == null ? slot : Msg.of("list", "{0}, {1}", lost, slot);
            }
        }
        t.expect(3, lost == null, Msg.of("discard.lost", "slot {0} lost its data while RAM was short: was its page "
                + "reset?", lost == null ? Msg.text("") : lost))
                .hint("resets-wrong-page", "Reset exactly the slot's page: base + slot * SLOT_SIZE, SLOT_SIZE "
                        + "bytes.");
        return t.result(20, Msg.of("discard.pass", "After discard(5) and memory pressure, slot 5 was invalid and "
                        + "the other 15 slots came back from the paging file intact."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "A slot put after a reset survives memory pressure", after = "discardAllInvalidates",
            order = 6)
    public CheckResult reusedSlotSurvives(PageCache cache, CheckContext ctx) {
        CacheProbe c = CacheProbe.open(ctx, cache);
        for (int s = 0; s < SLOTS; s++) {
            c.put(s, data(s, 0));
        }
        c.discardAll();
        c.put(3, data(3, 2));
        c.put(40, data(40, 2));
        c.pressure();
        Tally t = new Tally();
        t.expect(Arrays.equals(c.get(3), data(3, 2)) && Arrays.equals(c.get(40), data(40, 2)), Msg.of("reuse.lost",
                "slots 3 and 40, put after discardAll, did not come back intact after memory pressure"));
        return t.result(10, Msg.of("reuse.pass", "Writing to a reset page made it dirty again: it was saved and came "
                        + "back."))
                .evidence(ctx.traceEvidence());
    }

    @Check(points = 10, title = "close releases the cache", after = "openCommitsCache", order = 7)
    public CheckResult closeReleases(PageCache cache, CheckContext ctx) {
        CacheProbe c = CacheProbe.open(ctx, cache);
        c.put(1, data(1, 0));
        CacheProbe.call(ctx, "close()", () -> {
            cache.close();
            return null;
        });
        int state = c.state(c.base());
        Tally t = new Tally();
        t.expect(3, state == WinNT.MEM_FREE, Msg.of("close.not-free", "after close the cache at {0} is {1}; "
                + "expected MEM_FREE", Win32Names.hex(c.base()), Win32Names.mem(state)));
        t.expect(cache.base() == 0, Msg.of("close.base", "base() is {0} after close", Win32Names.hex(cache.base())));
        return t.result(10, Msg.of("close.pass", "close released the cache.")).evidence(ctx.traceEvidence());
    }

    /** {@code 1 page}, {@code 12 pages}, as {@link Win32Names#pages} says it, translatable. */
    static Msg pages(long count) {
        return Msg.of("pages", "{0,choice,0#0 pages|1#1 page|1<{0} pages}", count);
    }

    /** {@code 1 slot}, {@code 12 slots}, translatable. */
    static Msg slots(long count) {
        return Msg.of("slots", "{0,choice,0#0 slots|1#1 slot|1<{0} slots}", count);
    }

    private static final Map<String, String> RESET_HINTS = Map.of(
            "reset-with-virtualfree", "VirtualFree does not know MEM_RESET and fails: reset with VirtualAlloc(base, "
                    + "size, MEM_RESET, PAGE_NOACCESS).",
            "reset-with-commit-flag", "MEM_RESET combined with another flag fails with ERROR_INVALID_PARAMETER: pass "
                    + "MEM_RESET alone.",
            "no-reset", "Dirty pages must be saved before their frame is reused; a reset page is simply dropped. "
                    + "Reset the discarded pages with VirtualAlloc(..., MEM_RESET, ...).");

    // Why the reset saved nothing: the call that was meant to reset failed, and how.
    private static String resetMistake(CheckContext ctx) {
        if (ctx.calls("VirtualFree").stream().anyMatch(c -> c.failed())) {
            return "reset-with-virtualfree";
        }
        if (ctx.calls("VirtualAlloc").stream().anyMatch(c -> c.failed()
                && c.lastError() == WinError.ERROR_INVALID_PARAMETER)) {
            return "reset-with-commit-flag";
        }
        return "no-reset";
    }
}
