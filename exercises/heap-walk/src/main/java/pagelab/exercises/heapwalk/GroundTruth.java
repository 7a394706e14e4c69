package pagelab.exercises.heapwalk;

import static pagelab.kernel.WinNT.HeapCompatibilityInformation;
import static pagelab.kernel.WinNT.PROCESS_HEAP_ENTRY_BUSY;
import static pagelab.kernel.WinNT.PROCESS_HEAP_REGION;
import static pagelab.kernel.WinNT.PROCESS_HEAP_UNCOMMITTED_RANGE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.IntByReference;
import pagelab.kernel.Kernel32;
import pagelab.kernel.LongByReference;
import pagelab.kernel.PROCESS_HEAP_ENTRY;
import pagelab.kernel.WinError;

/**
 * What a correct walk of a prepared heap counts, from the checker's own walk with the kernel (taken before the
 * student's code runs, so the trace of the student's calls stays their own), and the comparison with the
 * student's counts.
 *
 * @param heap    the heap walked
 * @param stats   the true counts
 * @param entries every HeapWalk entry, one line each, for evidence
 */
record GroundTruth(PreparedHeap heap, HeapStats stats, List<Msg> entries) {

    /** Walks {@code heap} as the reference does; a walk the kernel cannot finish is the checker's error. */
    static GroundTruth walk(Kernel32 k, PreparedHeap heap) {
        HeapStats s = new HeapStats();
        List<Msg> lines = new ArrayList<>();
        PROCESS_HEAP_ENTRY e = new PROCESS_HEAP_ENTRY();
        k.HeapLock(heap.handle());
        int error;
        try {
            while (k.HeapWalk(heap.handle(), e)) {
                count(s, e);
                lines.add(entry(e));
            }
            error = k.GetLastError();
        } finally {
            k.HeapUnlock(heap.handle());
        }
        if (error != WinError.ERROR_NO_MORE_ITEMS || s.regions == 0) {
            throw new CheckFailedException(CheckResult.error("The checker's own walk of " + heap.name().english()
                    + " ended with " + Win32Names.error(error) + " after " + lines.size() + " entries."));
        }
        return new GroundTruth(heap, s, List.copyOf(lines));
    }

    /** The heap's HeapCompatibilityInformation (0 standard, 2 low-fragmentation heap), as the checker reads it. */
    static int compatibility(Kernel32 k, long heap) {
        IntByReference info = new IntByReference();
        if (!k.HeapQueryInformation(heap, HeapCompatibilityInformation, info, 4, new LongByReference())) {
            throw new CheckFailedException(CheckResult.error("The checker's HeapQueryInformation of heap "
                    + Win32Names.hex(heap) + " failed with " + Win32Names.error(k.GetLastError()) + "."));
        }
        return info.getValue();
    }

    private static void count(HeapStats s, PROCESS_HEAP_ENTRY e) {
        if ((e.wFlags & PROCESS_HEAP_REGION) != 0) {
            s.regions++;
            s.committedBytes += Integer.toUnsignedLong(e.Region.dwCommittedSize);
            s.uncommittedBytes += Integer.toUnsignedLong(e.Region.dwUnCommittedSize);
        } else if ((e.wFlags & PROCESS_HEAP_UNCOMMITTED_RANGE) != 0) {
            return; // counted by its region's dwUnCommittedSize
        } else if ((e.wFlags & PROCESS_HEAP_ENTRY_BUSY) != 0) {
            s.busyBlocks++;
            s.busyBytes += Integer.toUnsignedLong(e.cbData);
            if (e.iRegionIndex == 64) {
                s.largeBlocks++;
            }
        } else {
            s.freeBlocks++;
            s.freeBytes += Integer.toUnsignedLong(e.cbData);
        }
    }

    /**
     * Adds one expectation per counter in {@code which} (all of them when empty) to {@code t}, and returns the
     * counters the student got wrong. A null answer fails them all at once.
     */
    Set<Stat> compare(Tally t, HeapStats got, Stat... which) {
        List<Stat> counters = which.length == 0 ? List.of(Stat.values()) : List.of(which);
        EnumSet<Stat> wrong = EnumSet.noneOf(Stat.class);
        if (got == null) {
            t.expect(counters.size(), false, Msg.of("compare.null", "walk returned null for {0}, a heap it can walk",
                    heap.name()));
            wrong.addAll(counters);
            return wrong;
        }
        for (Stat s : counters) {
            boolean same = s.of(got) == s.of(stats);
            t.expect(same, Msg.of("compare.wrong", "{0}: {1} is {2}; expected {3}", heap.name(), s.field(),
                    s.format(got), s.format(stats)));
            if (!same) {
                wrong.add(s);
            }
        }
        return wrong;
    }

    /** Evidence: the heap's entries as HeapWalk reports them, and the true counts beside the student's. */
    Evidence[] evidence(HeapStats got) {
        return new Evidence[] {
            // the heap's name has words ("fresh from HeapCreate") inside the caption: a Msg, not a caption pattern
            Evidence.expectedActual("", stats.toString(), String.valueOf(got))
                    .captioned(Msg.of("note.counts", "Counts for {0}", heap.name())),
            Evidence.note(Msg.of("note.entries", "HeapWalk's {0} entries of {1}", entries.size(), heap.name()),
                    entries.toArray(Msg[]::new))};
    }

    /**
     * {@code e} as {@link PROCESS_HEAP_ENTRY#toString} writes it, with its words ("header", "committed") translatable.
     * The braces are arguments because a {@link Msg} pattern cannot quote a brace.
     */
    static Msg entry(PROCESS_HEAP_ENTRY e) {
        if ((e.wFlags & PROCESS_HEAP_REGION) != 0) {
            return Msg.of("note.entry.region", "PROCESS_HEAP_ENTRY{0}REGION {1} at {2}, header {3}, committed {4}, "
                    + "uncommitted {5}, blocks {6}..{7}{8}", "{", String.valueOf(e.iRegionIndex), x(e.lpData),
                    x(e.cbData), x(e.Region.dwCommittedSize), x(e.Region.dwUnCommittedSize),
                    x(e.Region.lpFirstBlock), x(e.Region.lpLastBlock), "}");
        }
        String kind = (e.wFlags & PROCESS_HEAP_UNCOMMITTED_RANGE) != 0 ? "UNCOMMITTED"
                : (e.wFlags & PROCESS_HEAP_ENTRY_BUSY) != 0 ? "BUSY" : "FREE";
        return Msg.of("note.entry.block", "PROCESS_HEAP_ENTRY{0}{1} {2}, cbData={3}, cbOverhead={4}, region {5}{6}",
                "{", kind, x(e.lpData), x(e.cbData), x(e.cbOverhead), String.valueOf(e.iRegionIndex), "}");
    }

    private static String x(Object value) {
        return String.format("%#x", value);
    }

    /** The failure mode of the first wrong statistic ({@code wrong-freeBlocks}), or null when none is wrong. */
    static String mode(Set<Stat> wrong) {
        return wrong.isEmpty() ? null : "wrong-" + wrong.iterator().next().field();
    }

    /** The hint of the first counter in {@code wrong}, or {@code fallback} when every counter was right. */
    static String hint(Set<Stat> wrong, String fallback) {
        return wrong.isEmpty() ? fallback : wrong.iterator().next().hint();
    }
}
