package pagelab.exercises.heapwalk;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 18's other heap functions: walk a heap with HeapWalk between HeapLock and HeapUnlock, count its blocks,
 * free space and segments, and recognise the low-fragmentation heap. Sources and instructions are resources under
 * {@code heap-walk/}.
 */
@Extension
public final class HeapWalk extends ResourceExercise {
    public HeapWalk() {
        super("heap-walk", "HeapWalker.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("heap-walk", "Walking a heap", 18, Difficulty.MEDIUM, 45, List.of(
                "Walk a heap entry by entry with HeapWalk until ERROR_NO_MORE_ITEMS",
                "Read PROCESS_HEAP_ENTRY: regions, uncommitted ranges, busy and free blocks, big blocks",
                "Hold HeapLock around a walk and release it with HeapUnlock on every path, errors included",
                "Recognise the low-fragmentation heap with HeapQueryInformation"))
                .onTrack(6, 3);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return HeapSurvey.class;
    }

    @Override
    public Class<?> checks() {
        return HeapWalkChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("regions-as-free-blocks", "Counts every entry without PROCESS_HEAP_ENTRY_BUSY as a free block,"
                        + " region and uncommitted-range entries included.", "walksFreshHeap", "countsFreeBlocks",
                        "worksOnEveryKindOfHeap").hint("walksFreshHeap", "wrong-freeBlocks")
                        .hint("countsFreeBlocks", "wrong-freeBlocks"),
                wrong("free-bytes-as-busy", "Adds the cbData of every block to the bytes in use, free blocks'"
                        + " included.", "walksFreshHeap", "countsBusyBlocks", "countsBigBlocks",
                        "worksOnEveryKindOfHeap").hint("walksFreshHeap", "wrong-busyBytes")
                        .hint("countsBusyBlocks", "wrong-busyBytes"),
                wrong("header-as-committed", "Takes a region entry's cbData (its header) for the committed bytes"
                        + " instead of Region.dwCommittedSize.", "walksFreshHeap", "countsRegions",
                        "walksEverySegment", "worksOnEveryKindOfHeap").hint("walksFreshHeap", "wrong-committedBytes")
                        .hint("countsRegions", "wrong-committedBytes"),
                wrong("first-segment-only", "Ends the walk at the second PROCESS_HEAP_REGION entry, as if the heap"
                        + " were one region.", "walksEverySegment").hint("walksEverySegment", "wrong-regions"),
                wrong("never-unlocks", "Locks the heap with HeapLock and never calls HeapUnlock.", "unlocksHeap",
                        "unlocksAfterFailedWalk").hint("unlocksHeap", "never-unlocks"),
                wrong("no-unlock-on-error", "Returns early when HeapWalk fails, before the HeapUnlock at the end.",
                        "unlocksAfterFailedWalk").hint("unlocksAfterFailedWalk", "no-unlock-on-error"),
                wrong("ignores-error-code", "Takes every FALSE from HeapWalk for the end of the heap without"
                        + " looking at GetLastError.", "reportsFailedWalk")
                        .hint("reportsFailedWalk", "ignores-error-code"),
                wrong("queries-process-heap", "Asks HeapQueryInformation about GetProcessHeap() instead of the heap"
                        + " it was given.", "detectsLowFragmentationHeap")
                        .hint("detectsLowFragmentationHeap", "queries-process-heap"));
    }
}
