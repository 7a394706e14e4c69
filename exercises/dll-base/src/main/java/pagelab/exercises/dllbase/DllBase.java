package pagelab.exercises.dllbase;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.Instructions;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;

/**
 * Chapters 14 and 17 on DLL bases: predict collisions, relocation and /FIXED failures, and choose bases that avoid
 * relocation. Sources and instructions are resources under {@code dll-base/}.
 */
@Extension
public final class DllBase implements Exercise {
    private static final String DIR = "dll-base";
    private static final String FILE = "Rebase.java";

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("dll-base", "DLL bases and relocation", 17, Difficulty.MEDIUM, 45, List.of(
                "Predict whether a DLL loads at its preferred base, is relocated or fails (/FIXED)",
                "See the cost of relocation: relocated code pages can no longer be shared",
                "Check a range with VirtualQuery before relying on it",
                "Choose 64 KiB-aligned bases that avoid every collision, as Rebase does"));
    }

    @Override
    public String instructions(Locale locale) {
        return Instructions.load(DllBase.class, DIR + "/instructions", locale);
    }

    @Override
    public SourceSet starter() {
        return SourceSet.fromResources(DllBase.class, DIR + "/starter", FILE);
    }

    @Override
    public SourceSet reference() {
        return SourceSet.fromResources(DllBase.class, DIR + "/reference", FILE);
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
                wrong("ignores-process", "Compares the DLLs only with each other.", "predictsCollisionWithProcess"),
                wrong("fixed-relocates", "Thinks a /FIXED DLL is relocated like any other.", "predictsFixedFailure",
                        "worksOnX64"),
                wrong("base-equality", "Sees a collision only when two bases are equal.", "predictsOverlapBySize"),
                wrong("packs-by-page", "Packs chosen bases on page boundaries, not 64 KiB.",
                        "chosenBasesAvoidRelocation", "worksOnX64"));
    }

    private static KnownWrongSolution wrong(String name, String mistake, String... mustFail) {
        return new KnownWrongSolution(name, mistake, SourceSet.fromResources(DllBase.class,
                DIR + "/wrong/" + name, FILE), Set.of(mustFail));
    }
}
