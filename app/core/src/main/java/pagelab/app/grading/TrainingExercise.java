package pagelab.app.grading;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import pagelab.exercise.Check;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Difficulty;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;

/**
 * A built-in tiny exercise that only the training child ({@code GradingChild --train}) grades, so that the class-data
 * archive holds what a graded check loads: the plugin loader, the check plan, the solution policy's judging, the
 * student class loader and the check runner. It ships with PageLab and its "solution" is a fixed class file below, so
 * no student's code is ever run or archived by the training.
 */
public final class TrainingExercise implements Exercise {
    static final String CHECK = "answers";
    /**
     * {@code public class Solution implements java.util.function.IntSupplier { public int getAsInt() { return 42; }
     * }}, compiled by {@code javac --release 17 -g:none}. The solution interface is the JDK's, because the policy
     * does not let a solution use PageLab's own types ({@code pagelab.app.*}), and a class file rather than source
     * because the child has no compiler.
     */
    static final Map<String, String> SOLUTION = Map.of("Solution", "yv66vgAAAD0ADgoAAgADBwAEDAAFAAYBABBqYXZhL2xh"
            + "bmcvT2JqZWN0AQAGPGluaXQ+AQADKClWBwAIAQAIU29sdXRpb24HAAoBAB5qYXZhL3V0aWwvZnVuY3Rpb24vSW50U3VwcGxpZXIB"
            + "AARDb2RlAQAIZ2V0QXNJbnQBAAMoKUkAIQAHAAIAAQAJAAAAAgABAAUABgABAAsAAAARAAEAAQAAAAUqtwABsQAAAAAAAQAMAA0A"
            + "AQALAAAADwABAAEAAAADECqsAAAAAAAA");

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("pagelab-training", "Training", 1, Difficulty.EASY, 1, List.of("Return 42."));
    }

    @Override
    public String instructions(Locale locale) {
        return "Return 42.";
    }

    @Override
    public SourceSet starter() {
        return SourceSet.of("Solution.java", "");
    }

    @Override
    public SourceSet reference() {
        return SourceSet.of("Solution.java", "");
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of();
    }

    @Override
    public Class<?> solutionInterface() {
        return IntSupplier.class;
    }

    @Override
    public Class<?> checks() {
        return Checks.class;
    }

    /** The exercise's one check. */
    public static final class Checks {
        @Check(points = 1, title = "Answers 42", order = 1)
        public CheckResult answers(IntSupplier solution) {
            int a = solution.getAsInt();
            return a == 42 ? CheckResult.pass("42") : CheckResult.fail("42", "got " + a);
        }
    }
}
