package pagelab.exercises.sparsemapping;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 17's sparse memory-mapped file: a SEC_RESERVE section committed on demand inside the view, shared by
 * processes. Sources and instructions are resources under {@code sparse-mapping/}.
 */
@Extension
public final class SparseMapping extends ResourceExercise {
    public SparseMapping() {
        super("sparse-mapping", "SparseFile.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("sparse-mapping", "A sparse shared section", 17, Difficulty.MEDIUM, 45, List.of(
                "Create a paging-file section with SEC_RESERVE: address range without commitment",
                "Commit pages inside a view with VirtualAlloc(MEM_COMMIT)",
                "See that commitment belongs to the section: every view sees it (VirtualQuery)",
                "Compare the commit charge of SEC_COMMIT and SEC_RESERVE"))
                .onTrack(5, 3);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return SparseSection.class;
    }

    @Override
    public Class<?> checks() {
        return SparseMappingChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("sec-commit", "Leaves out SEC_RESERVE: the whole section is committed at once.",
                        "reservesSection").hint("reservesSection", "sec-commit"),
                wrong("reads-commit", "Commits a record's page in get.", "getDoesNotCommit",
                        "secondProcessSeesRecords").hint("getDoesNotCommit", "reads-commit")
                        .hint("secondProcessSeesRecords", "reads-commit"),
                wrong("remembers-own-commits", "Tracks committed pages itself and misses other processes' commits.",
                        "secondProcessSeesRecords", "worksOnX64")
                        .hint("secondProcessSeesRecords", "remembers-own-commits")
                        .hint("worksOnX64", "remembers-own-commits"),
                wrong("closes-handle-only", "close never unmaps the view.", "closeReleasesEverything")
                .hint("closeReleasesEverything", "closes-handle-only"));
    }
}
