package example.escape;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import pagelab.exercise.Difficulty;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;

/**
 * A test exercise whose checker tries, from inside a grading child, what a solution would try if the solution
 * policy ever let something through: read and write the host's files, reach the network, leave a process behind.
 * It proves the operating system's share of the trust boundary on its own ({@code SandboxEscapeTest}).
 */
public class EscapeExercise implements Exercise {
    static final String SOLUTION = "public class Solution implements example.escape.Inert {\n}\n";

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("escape", "Escape attempts", 13, Difficulty.EASY, 1, List.of("None."));
    }

    @Override
    public String instructions(Locale locale) {
        return "# Escape attempts\nThe checker tries to leave the sandbox.";
    }

    @Override
    public SourceSet starter() {
        return SourceSet.of("Solution.java", SOLUTION);
    }

    @Override
    public SourceSet reference() {
        return SourceSet.of("Solution.java", SOLUTION);
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(new KnownWrongSolution("same", "The same.", reference(), Set.of("readsTheHostsFiles")));
    }

    @Override
    public Class<?> solutionInterface() {
        return Inert.class;
    }

    @Override
    public Class<?> checks() {
        return EscapeChecks.class;
    }
}
