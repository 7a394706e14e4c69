package example.tiny;

import java.util.List;
import java.util.Locale;
import pagelab.exercise.Difficulty;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;

/** A tiny exercise of the host's own tests, so the runner is tested without any real exercise plugin. */
public class TinyExercise implements Exercise {
    static final String GOOD = "public class Solution implements example.tiny.TinySolution {\n"
            + "    public int answer() { return 42; }\n}\n";
    static final String STARTER = "public class Solution implements example.tiny.TinySolution {\n"
            + "    public int answer() { return 0; } // TODO\n}\n";

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("tiny", "The answer", 15, Difficulty.EASY, 1, List.of("Return 42."));
    }

    @Override
    public String instructions(Locale locale) {
        return "# The answer\nReturn 42.";
    }

    @Override
    public SourceSet starter() {
        return SourceSet.of("Solution.java", STARTER);
    }

    @Override
    public SourceSet reference() {
        return SourceSet.of("Solution.java", GOOD);
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(new KnownWrongSolution("off-by-one", "Returns 41.", SourceSet.of("Solution.java",
                GOOD.replace("42", "41")), java.util.Set.of("answers")).hint("answers", "off-by-one"));
    }

    @Override
    public Class<?> solutionInterface() {
        return TinySolution.class;
    }

    @Override
    public Class<?> checks() {
        return TinyChecks.class;
    }
}
