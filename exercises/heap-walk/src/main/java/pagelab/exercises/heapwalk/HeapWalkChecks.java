package pagelab.exercises.heapwalk;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Kernel32;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinError;
import pagelab.kernel.inspect.KernelCall;

/**
 * The checks of {@code heap-walk}. Each prepares heaps in the check's process, takes the true counts from a walk
 * of its own, runs the student's walk and compares counter by counter; the lock checks read the trace and probe
 * the heap's lock afterwards, and the error-path checks make one HeapWalk call fail on purpose.
 */
public class HeapWalkChecks {
    /** The HeapWalk call the error-path checks make fail: well inside any walk of the mixed heap (41 entries). */
    private static final int FAILING_CALL = 5;

    @Check(points = 10, title = "A fresh heap: one region, one free block and its uncommitted rest", order = 1)
    public CheckResult walksFreshHeap(HeapSurvey survey, CheckContext ctx) {
        Surveyor s = new Surveyor(ctx.process(), survey);
        GroundTruth truth = GroundTruth.walk(s.kernel(), PreparedHeap.fresh(s.kernel()));
        HeapStats got = s.walk(truth);
        if (got == null) {
            return CheckResult.fail(Msg.of("fresh.expected", "counts for {0}", truth.heap().name()),
                            Msg.of("fresh.null", "walk returned null"))
                    .hint("walk-end", "HeapWalk returns FALSE at the end of every walk; GetLastError() is then "
                            + "ERROR_NO_MORE_ITEMS, and that is the normal end, not a failure.")
                    .evidence(ctx.traceEvidence());
        }
        if (got.regions == 0) {
            return CheckResult.fail(Msg.of("fresh.no-region", "The walk of {0} counted no region, but every heap "
                            + "starts with one: HeapWalk's first entry is a PROCESS_HEAP_REGION.",
                            truth.heap().name()), regions(1), regions(0))
                    .hint("walk-start", "Start with a PROCESS_HEAP_ENTRY whose lpData is 0, call HeapWalk(hHeap, entry) until it "
                            + "returns FALSE, and test each entry's wFlags.")
                    .evidence(truth.evidence(got));
        }
        Tally t = new Tally();
        Set<Stat> wrong = truth.compare(t, got);
        HeapStats w = truth.stats();
        return t.result(10, Msg.of("fresh.pass", "A fresh heap: {0} with {1} committed and {2} uncommitted, {3} "
                        + "of {4}, no block in use.", regions(w.regions), bytes(w.committedBytes),
                        bytes(w.uncommittedBytes), freeBlocks(w.freeBlocks), bytes(w.freeBytes)))
                .hint(GroundTruth.mode(wrong), GroundTruth.hint(wrong, null))
                .evidence(truth.evidence(got));
    }

    @Check(points = 10, title = "Blocks in use and their bytes are counted", after = "walksFreshHeap", order = 2)
    public CheckResult countsBusyBlocks(HeapSurvey survey, CheckContext ctx) {
        return counts(survey, ctx, 10, Msg.of("counts.busy", "Blocks in use and the bytes asked for match"),
                List.of(PreparedHeap::mixed, PreparedHeap::fixedSize), Stat.BUSY_BLOCKS, Stat.BUSY_BYTES);
    }

    @Check(points = 10, title = "Free blocks and their bytes are counted", after = "walksFreshHeap", order = 3)
    public CheckResult countsFreeBlocks(HeapSurvey survey, CheckContext ctx) {
        return counts(survey, ctx, 10, Msg.of("counts.free", "Free blocks and their usable bytes match"),
                List.of(PreparedHeap::mixed, PreparedHeap::fixedSize), Stat.FREE_BLOCKS, Stat.FREE_BYTES);
    }

    @Check(points = 10, title = "Committed and uncommitted bytes come from the region entries",
            after = "walksFreshHeap", order = 4)
    public CheckResult countsRegions(HeapSurvey survey, CheckContext ctx) {
        return counts(survey, ctx, 10, Msg.of("counts.regions", "Regions, committed and uncommitted bytes match"),
                List.of(PreparedHeap::mixed, PreparedHeap::fixedSize), Stat.REGIONS, Stat.COMMITTED,
                Stat.UNCOMMITTED);
    }

    @Check(points = 10, title = "Big blocks in regions of their own are counted", after = "walksFreshHeap",
            order = 5)
    public CheckResult countsBigBlocks(HeapSurvey survey, CheckContext ctx) {
        return counts(survey, ctx, 10, Msg.of("counts.big", "Big blocks (iRegionIndex 64) are counted as blocks in "
                + "use"), List.of(PreparedHeap::bigBlocks), Stat.BUSY_BLOCKS, Stat.BUSY_BYTES, Stat.LARGE_BLOCKS);
    }

    @Check(points = 10, title = "The walk goes through every segment of a grown heap", after = "walksFreshHeap",
            order = 6)
    public CheckResult walksEverySegment(HeapSurvey survey, CheckContext ctx) {
        return counts(survey, ctx, 10, Msg.of("counts.segments", "Every segment was walked"),
                List.of(PreparedHeap::segments), Stat.REGIONS, Stat.COMMITTED, Stat.UNCOMMITTED, Stat.BUSY_BLOCKS);
    }

    @Check(points = 10, title = "The heap is locked for the walk and unlocked after it", after = "walksFreshHeap",
            order = 7)
    public CheckResult unlocksHeap(HeapSurvey survey, CheckContext ctx) {
        Surveyor s = new Surveyor(ctx.process(), survey);
        GroundTruth truth = GroundTruth.walk(s.kernel(), PreparedHeap.mixed(s.kernel()));
        long heap = truth.heap().handle();
        s.walk(truth);
        List<KernelCall> calls = s.heapCalls(heap);
        Evidence evidence = s.lockEvidence(heap);
        int firstWalk = indexOf(calls, "HeapWalk", true);
        int lastWalk = indexOf(calls, "HeapWalk", false);
        int firstLock = indexOf(calls, "HeapLock", true);
        boolean lockedFirst = firstLock >= 0 && !calls.get(firstLock).failed() && firstLock < firstWalk;
        boolean unlockedAfter = lastWalk >= 0 && calls.subList(lastWalk, calls.size()).stream()
                .anyMatch(c -> c.function().equals("HeapUnlock") && !c.failed());
        int left = s.locksLeft(heap);
        Tally t = new Tally();
        t.expect(lockedFirst, Msg.of("lock.no-lock", "no HeapLock({0}) before the first HeapWalk: another thread "
                + "could change the heap under the walk", Win32Names.hex(heap)));
        t.expect(unlockedAfter, Msg.of("lock.no-unlock", "no HeapUnlock({0}) after the last HeapWalk",
                Win32Names.hex(heap)));
        t.expect(2, left == 0, Msg.of("lock.still-locked", "after walk returned, heap {0} was still locked ({1} "
                + "HeapLock not undone): every other thread's HeapAlloc and HeapFree on it would wait for ever",
                Win32Names.hex(heap), left));
        return t.result(10, Msg.of("lock.pass", "walk locked heap {0} before its first HeapWalk and unlocked it "
                        + "after its last; nobody holds the heap now.", Win32Names.hex(heap)))
                .hint(lockedFirst ? "never-unlocks" : "no-lock", lockedFirst ? "Every HeapLock needs its HeapUnlock "
                        + "once the walk is over."
                        : "HeapLock(hHeap) before the first HeapWalk, HeapUnlock(hHeap) after the last.")
                .evidence(evidence);
    }

    @Check(points = 10, title = "A walk that fails midway still unlocks the heap", after = "unlocksHeap", order = 8)
    public CheckResult unlocksAfterFailedWalk(HeapSurvey survey, CheckContext ctx) {
        Surveyor s = new Surveyor(ctx.process(), survey);
        GroundTruth truth = GroundTruth.walk(s.kernel(), PreparedHeap.mixed(s.kernel()));
        long heap = truth.heap().handle();
        boolean failed = walkWithFailure(s, truth);
        List<KernelCall> calls = s.heapCalls(heap);
        Evidence evidence = s.lockEvidence(heap);
        int firstLock = indexOf(calls, "HeapLock", true);
        boolean lockedFirst = firstLock >= 0 && firstLock < indexOf(calls, "HeapWalk", true);
        int left = s.locksLeft(heap);
        Tally t = new Tally();
        t.expect(failed, Msg.of("failed-lock.too-few-calls", "walk made only {0} HeapWalk calls; the {1} was to "
                + "fail", s.calls("HeapWalk", heap).size(), ordinal(FAILING_CALL)));
        t.expect(lockedFirst, Msg.of("failed-lock.no-lock", "no HeapLock({0}) before the first HeapWalk",
                Win32Names.hex(heap)));
        t.expect(3, left == 0, Msg.of("failed-lock.still-locked", "HeapWalk's {0} call failed with {1}, and after "
                + "walk returned heap {2} was still locked ({3} HeapLock not undone)", ordinal(FAILING_CALL),
                Win32Names.error(WinError.ERROR_INVALID_PARAMETER), Win32Names.hex(heap), left));
        return t.result(10, Msg.of("failed-lock.pass", "HeapWalk's {0} call failed with {1}, and walk still "
                        + "unlocked heap {2}.", ordinal(FAILING_CALL), Win32Names.error(
                        WinError.ERROR_INVALID_PARAMETER), Win32Names.hex(heap)))
                .hint("no-unlock-on-error", "Put HeapUnlock in a finally block, so that no return and no exception skips it: a heap left "
                        + "locked stops every other thread that uses it.")
                .evidence(evidence);
    }

    @Check(points = 5, title = "A walk that fails midway is reported, not counted", after = "walksFreshHeap",
            order = 9)
    public CheckResult reportsFailedWalk(HeapSurvey survey, CheckContext ctx) {
        Surveyor s = new Surveyor(ctx.process(), survey);
        GroundTruth truth = GroundTruth.walk(s.kernel(), PreparedHeap.mixed(s.kernel()));
        HeapStats got = null;
        boolean failed;
        s.faultInjection().failNthCall("HeapWalk", FAILING_CALL, WinError.ERROR_INVALID_PARAMETER);
        try {
            got = s.walkAsIs(truth.heap());
        } finally {
            s.faultInjection().clear();
            failed = s.calls("HeapWalk", truth.heap().handle()).stream().anyMatch(KernelCall::failed);
        }
        if (!failed) {
            return CheckResult.fail(Msg.of("report.too-few-calls", "walk made only {0} HeapWalk calls on {1}; the "
                    + "{2} was to fail.", s.calls("HeapWalk", truth.heap().handle()).size(), truth.heap().name(),
                    ordinal(FAILING_CALL)))
                    .evidence(s.lockEvidence(truth.heap().handle()));
        }
        if (got != null) {
            return CheckResult.fail(Msg.of("report.counted", "HeapWalk's {0} call on {1} failed with {2}, as on a "
                            + "damaged heap, but walk returned counts as if the heap ended there.",
                            ordinal(FAILING_CALL), truth.heap().name(), Win32Names.error(
                            WinError.ERROR_INVALID_PARAMETER)), Msg.text("null"), Msg.text(got.toString()))
                    .hint("ignores-error-code", "After the loop, GetLastError() tells the end (ERROR_NO_MORE_ITEMS) from a failure "
                            + "(anything else); read it before HeapUnlock, which may change it.")
                    .evidence(s.lockEvidence(truth.heap().handle()));
        }
        return CheckResult.pass(Msg.of("report.pass", "HeapWalk's {0} call failed with {1} and walk returned "
                + "null.", ordinal(FAILING_CALL), Win32Names.error(WinError.ERROR_INVALID_PARAMETER)));
    }

    @Check(points = 10, title = "The low-fragmentation heap is recognised", order = 10)
    public CheckResult detectsLowFragmentationHeap(HeapSurvey survey, CheckContext ctx) {
        Surveyor s = new Surveyor(ctx.process(), survey);
        Kernel32 k = s.kernel();
        List<PreparedHeap> heaps = List.of(PreparedHeap.fresh(k), PreparedHeap.lowFragmentationAskedFor(k),
                PreparedHeap.lowFragmentationByItself(k), PreparedHeap.unserialisedSameSize(k),
                PreparedHeap.processHeap(k));
        Tally t = new Tally();
        List<KernelCall> queries = new ArrayList<>();
        List<Msg> answers = new ArrayList<>();
        for (PreparedHeap h : heaps) {
            int before = GroundTruth.compatibility(k, h.handle());
            boolean got = s.isLowFragmentationHeap(h);
            queries.addAll(s.studentCalls().stream().filter(c -> c.function().startsWith("HeapQueryInformation")
                    || c.function().startsWith("HeapSetInformation")).toList());
            int after = GroundTruth.compatibility(k, h.handle());
            answers.add(Msg.of("note.lfh-answer", "{0}: HeapCompatibilityInformation {1}, isLowFragmentationHeap {2}",
                    h.name(), before, String.valueOf(got)));
            t.expect(2, got == (before == 2), before == 2
                    ? Msg.of("lfh.wrong-lfh", "{0}: isLowFragmentationHeap returned {1}, but HeapQueryInformation "
                            + "gives {2} (the low-fragmentation heap)", h.name(), String.valueOf(got), before)
                    : Msg.of("lfh.wrong-standard", "{0}: isLowFragmentationHeap returned {1}, but "
                            + "HeapQueryInformation gives {2} (a standard heap)", h.name(), String.valueOf(got),
                            before));
            t.expect(after == before, Msg.of("lfh.changed", "{0}: isLowFragmentationHeap changed its "
                    + "HeapCompatibilityInformation from {1} to {2}; HeapSetInformation turns the low-fragmentation "
                    + "heap on, for good", h.name(), before, after));
        }
        Evidence evidence = Evidence.note(Msg.of("note.heaps-asked", "The heaps asked about"),
                answers.toArray(Msg[]::new));
        if (queries.stream().noneMatch(c -> c.function().equals("HeapQueryInformation"))) {
            return CheckResult.fail(Msg.of("lfh.no-query", "isLowFragmentationHeap made no HeapQueryInformation "
                            + "call for {0} heaps; the answer must come from the heap.", heaps.size()),
                            Msg.of("lfh.no-query.expected", "HeapQueryInformation calls"),
                            Msg.of("lfh.no-query.actual", "none"))
                    .hint("lfh-query", "HeapQueryInformation(hHeap, HeapCompatibilityInformation, info, 4, null): info 2 is the "
                            + "low-fragmentation heap.")
                    .evidence(evidence);
        }
        return t.result(10, Msg.of("lfh.pass", "Told the low-fragmentation heaps (asked for, and turned on by 18 "
                        + "requests of one size) from the standard ones, changing nothing."))
                .hint("queries-process-heap", "Ask about the heap you were given: HeapQueryInformation(hHeap, HeapCompatibilityInformation, "
                        + "info, 4, null), then info == 2; and only ask, never HeapSetInformation.")
                .evidence(evidence, Evidence.calls("HeapQueryInformation and HeapSetInformation calls", queries));
    }

    @Check(points = 5, title = "The walk is right for the process heap, a HEAP_NO_SERIALIZE heap and on x64",
            after = "walksFreshHeap", order = 11)
    public CheckResult worksOnEveryKindOfHeap(HeapSurvey survey, CheckContext ctx) {
        Tally t = new Tally();
        Set<Stat> wrong = EnumSet.noneOf(Stat.class);
        List<Evidence> evidence = new ArrayList<>();
        Surveyor s = new Surveyor(ctx.process(), survey);
        for (PreparedHeap h : List.of(PreparedHeap.processHeap(s.kernel()), PreparedHeap.unserialised(s.kernel()))) {
            compareWalk(s, h, t, wrong, evidence);
        }
        try (Machine m = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            Surveyor x64 = new Surveyor(m.createProcess(), survey);
            for (Function<Kernel32, PreparedHeap> make : List.<Function<Kernel32, PreparedHeap>>of(
                    PreparedHeap::mixed, PreparedHeap::bigBlocks)) {
                compareWalk(x64, make.apply(x64.kernel()).on("x64"), t, wrong, evidence);
            }
        }
        return t.result(5, Msg.of("every-kind.pass", "Every counter matched for the process heap, a "
                        + "HEAP_NO_SERIALIZE heap, and two heaps on x64."))
                .hint(GroundTruth.mode(wrong), GroundTruth.hint(wrong, null))
                .evidence(evidence.toArray(Evidence[]::new));
    }

    // ---------------------------------------------------------------- helpers

    /** Compares the counters {@code which} of the student's walk of each heap with the truth. */
    private static CheckResult counts(HeapSurvey survey, CheckContext ctx, int points, Msg what,
                                      List<Function<Kernel32, PreparedHeap>> heaps, Stat... which) {
        Surveyor s = new Surveyor(ctx.process(), survey);
        Tally t = new Tally();
        Set<Stat> wrong = EnumSet.noneOf(Stat.class);
        List<Evidence> evidence = new ArrayList<>();
        Msg found = null; // "heap 0x...: busyBlocks 26, busyBytes 4,321 bytes; heap 0x...: ..."
        for (Function<Kernel32, PreparedHeap> make : heaps) {
            GroundTruth truth = GroundTruth.walk(s.kernel(), make.apply(s.kernel()));
            HeapStats got = s.walk(truth);
            wrong.addAll(truth.compare(t, got, which));
            evidence.addAll(List.of(truth.evidence(got)));
            Msg values = null;
            for (Stat stat : which) {
                Msg value = Msg.of("counts.value", "{0} {1}", stat.field(), stat.format(truth.stats()));
                values = values == null ? value : Msg.of("counts.values", "{0}, {1}", values, value);
            }
            Msg heap = Msg.of("counts.heap", "heap {0}: {1}", Win32Names.hex(truth.heap().handle()), values);
            found = found == null ? heap : Msg.of("counts.heaps", "{0}; {1}", found, heap);
        }
        return t.result(points, Msg.of("counts.pass", "{0}: {1}.", what, found))
                .hint(GroundTruth.mode(wrong), GroundTruth.hint(wrong, null))
                .evidence(evidence.toArray(Evidence[]::new));
    }

    private static void compareWalk(Surveyor s, PreparedHeap heap, Tally t, Set<Stat> wrong,
                                    List<Evidence> evidence) {
        GroundTruth truth = GroundTruth.walk(s.kernel(), heap);
        HeapStats got = s.walk(truth);
        Set<Stat> missed = truth.compare(t, got);
        if (!missed.isEmpty()) {
            wrong.addAll(missed);
            evidence.addAll(List.of(truth.evidence(got)));
        }
    }

    /**
     * The student's walk with HeapWalk's {@link #FAILING_CALL}th call failing with ERROR_INVALID_PARAMETER, as on
     * a heap that changed or is damaged; whether that call was made.
     */
    private static boolean walkWithFailure(Surveyor s, GroundTruth truth) {
        s.faultInjection().failNthCall("HeapWalk", FAILING_CALL, WinError.ERROR_INVALID_PARAMETER);
        try {
            s.walkAsIs(truth.heap());
        } finally {
            s.faultInjection().clear();
        }
        return s.calls("HeapWalk", truth.heap().handle()).stream().anyMatch(KernelCall::failed);
    }

    /** The index of the first (or last) call of {@code function} in {@code calls}; -1 if none. */
    private static int indexOf(List<KernelCall> calls, String function, boolean first) {
        int found = -1;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).function().equals(function)) {
                found = i;
                if (first) {
                    break;
                }
            }
        }
        return found;
    }

    /** "5th", translatable: one key per English suffix ({@code ordinal.th}). */
    private static Msg ordinal(int n) {
        String suffix = switch (n % 10) {
            case 1 -> n % 100 == 11 ? "th" : "st";
            case 2 -> n % 100 == 12 ? "th" : "nd";
            case 3 -> n % 100 == 13 ? "th" : "rd";
            default -> "th";
        };
        return Msg.of("ordinal." + suffix, "{0}" + suffix, n);
    }

    /** {@code 1 byte}, {@code 61,440 bytes}, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
    }

    /** {@code 1 region}, {@code 3 regions}, translatable. */
    static Msg regions(long count) {
        return Msg.of("regions", "{0,choice,0#0 regions|1#1 region|1<{0} regions}", count);
    }

    /** {@code 1 free block}, {@code 2 free blocks}, translatable. */
    static Msg freeBlocks(long count) {
        return Msg.of("free-blocks", "{0,choice,0#0 free blocks|1#1 free block|1<{0} free blocks}", count);
    }
}
