package pagelab.exercises.heapapi;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 18's heap functions beyond HeapAlloc and HeapFree, on growable byte buffers in a heap. Sources and
 * instructions are resources under {@code heap-api/}.
 */
@Extension
public final class HeapApi extends ResourceExercise {
    public HeapApi() {
        super("heap-api", "BufferHeap.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("heap-api", "Growing, sizing and checking heap blocks", 18, Difficulty.MEDIUM,
                50, List.of(
                "Resize a block with HeapReAlloc and use the address it returns: the block may move",
                "Forbid the move with HEAP_REALLOC_IN_PLACE_ONLY and handle its failure",
                "Ask the heap for a block's size (HeapSize) and for zeroed memory (HEAP_ZERO_MEMORY)",
                "Make a fixed-size heap (dwMaximumSize > 0) and catch HEAP_GENERATE_EXCEPTIONS' STATUS_NO_MEMORY",
                "Find the block an overrun damaged with HeapValidate"))
                .onTrack(6, 2);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return HeapBuffers.class;
    }

    @Override
    public Class<?> checks() {
        return HeapApiChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("growable-heap", "Creates the heap with dwMaximumSize 0, which makes it growable.",
                        "fixedHeapRunsOut").hint("fixedHeapRunsOut", "growable-heap"),
                wrong("swaps-sizes", "Passes the maximum size as dwInitialSize: the whole size is committed at once "
                        + "and the heap can still grow.", "fixedHeapRunsOut").hint("fixedHeapRunsOut", "swaps-sizes"),
                wrong("no-zero-flag", "Never passes HEAP_ZERO_MEMORY, as if heap memory were always zero.",
                        "addedBytesAreZero").hint("addedBytesAreZero", "no-zero-flag"),
                wrong("keeps-old-address", "Returns the old address after HeapReAlloc, as if a block always grew "
                        + "where it is.", "resizeMovesWhenItMust").hint("resizeMovesWhenItMust", "keeps-old-address"),
                wrong("frees-on-failure", "Frees the buffer when HeapReAlloc fails, though a failed call leaves the "
                        + "block as it was.", "failedResizeKeepsBuffer")
                        .hint("failedResizeKeepsBuffer", "frees-on-failure"),
                wrong("moves-anyway", "resizeInPlace calls HeapReAlloc without HEAP_REALLOC_IN_PLACE_ONLY, so the "
                        + "heap moves the block.", "resizeInPlaceNeverMoves")
                        .hint("resizeInPlaceNeverMoves", "moves-anyway"),
                wrong("no-seh", "Checks HeapAlloc for NULL on a HEAP_GENERATE_EXCEPTIONS heap, which raises "
                        + "STATUS_NO_MEMORY instead.", "catchesNoMemory").hint("catchesNoMemory", "no-seh"),
                wrong("wrong-exception-code", "Handles STATUS_ACCESS_VIOLATION instead of STATUS_NO_MEMORY.",
                        "catchesNoMemory").hint("catchesNoMemory", "wrong-exception-code"),
                wrong("validates-whole-heap", "Calls HeapValidate with lpMem NULL for every buffer, so all of them "
                        + "are blamed.", "findsDamagedBlock").hint("findsDamagedBlock", "validates-whole-heap"));
    }
}
