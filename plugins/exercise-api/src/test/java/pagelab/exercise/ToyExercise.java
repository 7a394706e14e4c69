package pagelab.exercise;

import java.util.List;
import java.util.Locale;

/** A toy exercise whose checks exercise the runner: pass, partial, prerequisites, crashes, checker bugs. */
public class ToyExercise implements Exercise {
    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("toy", "Toy", 15, Difficulty.EASY, 5, List.of("Test the runner"));
    }

    @Override
    public String instructions(Locale locale) {
        return "# Toy";
    }

    @Override
    public SourceSet starter() {
        return SourceSet.of("Hello.java", "class Hello {}");
    }

    @Override
    public SourceSet reference() {
        return starter();
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of();
    }

    @Override
    public Class<?> solutionInterface() {
        return Greeter.class;
    }

    @Override
    public Class<?> checks() {
        return ToyChecks.class;
    }
}
