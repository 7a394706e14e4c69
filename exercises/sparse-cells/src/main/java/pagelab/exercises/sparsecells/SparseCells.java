package pagelab.exercises.sparsecells;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

// tag::exercise[]
/**
 * Chapter 15's sparse spreadsheet: {@code CELLDATA cells[200][256]} in one reserved region, committed page by page.
 * Everything the host needs comes from here; sources and instructions are resources under {@code sparse-cells/}.
 */
@Extension
public final class SparseCells extends ResourceExercise {
    public SparseCells() {
        super("sparse-cells", "SparseSpreadsheet.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("sparse-cells", "A sparse spreadsheet", 15, Difficulty.MEDIUM, 60, List.of(
                "Reserve a region of address space without committing storage (MEM_RESERVE)",
                "Commit storage one page at a time, only where data lives (MEM_COMMIT)",
                "Give storage back with MEM_DECOMMIT and the address space with MEM_RELEASE",
                "Lay out a C array in a reserved region and find the page of each element"))
                .onTrack(2, 1);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return Spreadsheet.class;
    }

    @Override
    public Class<?> checks() {
        return SparseCellsChecks.class;
    }
    // end::exercise[]

    // tag::knownWrong[]
    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("commits-everything", "Commits the whole sheet in open, as if it were an ordinary array.",
                        "reservesOnOpen", "commitsOnlyPagesInUse", "decommitsWhenLastCellCleared")
                        .hint("reservesOnOpen", "commits-on-open")
                        .hint("commitsOnlyPagesInUse", "commits-too-much"),
                wrong("never-decommits", "Clears cells but never gives their pages back.",
                        "decommitsWhenLastCellCleared").hint("decommitsWhenLastCellCleared", "never-decommits"),
                wrong("decommits-live-page", "Decommits a cell's page on clearCell even though other cells on it"
                        + " are still in use.", "keepsLiveCellsOnClear")
                        .hint("keepsLiveCellsOnClear", "decommits-live-page"),
                wrong("off-by-one-layout", "Takes sizeof(CELLDATA) as 129 bytes, so cells straddle pages and the"
                        + " last row runs past the region.", "layoutMatchesCArray", "roundTrip",
                        "commitsOnlyPagesInUse").hint("layoutMatchesCArray", "cell-layout")
                        .hint("commitsOnlyPagesInUse", "cell-layout"),
                wrong("leaks-reservation", "close decommits the pages but never releases the reserved region.",
                        "closeReleasesRegion").hint("closeReleasesRegion", "never-releases"),
                wrong("commits-on-read", "getCell commits the cell's page before reading it, even for unused cells.",
                        "readingUnusedCellCommitsNothing").hint("readingUnusedCellCommitsNothing", "commits-on-read"),
                wrong("ignores-commit-failure", "setCell writes to the cell without checking that VirtualAlloc"
                        + " committed its page.", "reportsCommitFailure")
                        .hint("reportsCommitFailure", "ignores-failed-call"));
    }
    // end::knownWrong[]
}
