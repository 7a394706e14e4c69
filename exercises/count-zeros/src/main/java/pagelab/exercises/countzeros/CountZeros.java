package pagelab.exercises.countzeros;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 17's Count0s: count the zero bytes of a file larger than the x86 address space through views that move
 * along it on the allocation granularity. Sources and instructions are resources under {@code count-zeros/}.
 */
@Extension
public final class CountZeros extends ResourceExercise {
    public CountZeros() {
        super("count-zeros", "Count0s.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("count-zeros", "Counting zeros in a file bigger than memory", 17,
                Difficulty.MEDIUM, 45, List.of(
                "Map a file far larger than the address space one view at a time",
                "Start views at multiples of the allocation granularity (ERROR_MAPPED_ALIGNMENT otherwise)",
                "Pass 64-bit file offsets as high and low DWORDs",
                "Keep the address space bounded: unmap each view before mapping the next"))
                .onTrack(4, 2);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return ZeroCounter.class;
    }

    @Override
    public Class<?> checks() {
        return CountZerosChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("maps-whole-file", "Maps the whole file in one view.", "neverMapsMoreThanLimit", "bigFile")
                .hint("neverMapsMoreThanLimit", "maps-whole-file").hint("bigFile", "maps-whole-file"),
                wrong("never-unmaps", "Never unmaps a view, so the address space fills up.", "unmapsEachView",
                        "neverMapsMoreThanLimit", "bigFile").hint("unmapsEachView", "never-unmaps")
                        .hint("neverMapsMoreThanLimit", "never-unmaps").hint("bigFile", "never-unmaps"),
                wrong("drops-tail", "Counts whole blocks only and skips the short one at the end.", "countsSmallFile",
                        "lastPartialBlock", "bigFile", "worksOnX64").hint("countsSmallFile", "drops-tail")
                        .hint("lastPartialBlock", "drops-tail").hint("bigFile", "drops-tail")
                        .hint("worksOnX64", "drops-tail"),
                wrong("page-size-views", "Walks the file in blocks of the page size, not the allocation granularity.",
                        "viewsOnGranularity").hint("viewsOnGranularity", "page-size-views"),
                wrong("page-rounded-blocks", "Rounds the view limit down to whole pages instead of whole 64 KiB "
                        + "blocks, which is aligned only when the limit happens to be a multiple of 64 KiB.",
                        "viewsOnGranularity").hint("viewsOnGranularity", "page-rounded-blocks"));
    }
}
