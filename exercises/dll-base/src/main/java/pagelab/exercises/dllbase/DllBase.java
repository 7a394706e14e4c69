package pagelab.exercises.dllbase;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapters 14 and 17 on DLL bases: predict collisions, relocation and /FIXED failures, and choose bases that avoid
 * relocation. Sources and instructions are resources under {@code dll-base/}.
 */
@Extension
public final class DllBase extends ResourceExercise {
    public DllBase() {
        super("dll-base", "Rebase.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("dll-base", "DLL bases and relocation", 17, Difficulty.MEDIUM, 45, List.of(
                "Predict whether a DLL loads at its preferred base, is relocated or fails (/FIXED)",
                "See the cost of relocation: relocated code pages can no longer be shared",
                "Check a range with VirtualQuery before relying on it",
                "Choose 64 KiB-aligned bases that avoid every collision, as Rebase does"))
                .onTrack(7, 1);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return DllPlanner.class;
    }

    @Override
    public Class<?> checks() {
        return DllBaseChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("ignores-process", "Compares the DLLs only with each other.", "predictsCollisionWithProcess")
                .hint("predictsCollisionWithProcess", "ignores-process"),
                wrong("fixed-relocates", "Thinks a /FIXED DLL is relocated like any other.", "predictsFixedFailure",
                        "worksOnX64").hint("predictsFixedFailure", "fixed-relocates")
                        .hint("worksOnX64", "fixed-relocates"),
                wrong("base-equality", "Sees a collision only when two bases are equal.", "predictsOverlapBySize")
                .hint("predictsOverlapBySize", "base-equality"),
                wrong("packs-by-page", "Packs chosen bases on page boundaries, not 64 KiB.",
                        "chosenBasesAvoidRelocation", "worksOnX64").hint("chosenBasesAvoidRelocation", "packs-by-page")
                        .hint("worksOnX64", "packs-by-page"));
    }
}
