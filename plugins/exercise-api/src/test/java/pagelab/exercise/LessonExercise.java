package pagelab.exercise;

import java.util.List;
import java.util.Locale;

/** An exercise as a plugin writes one on {@link ResourceExercise}: sources and instructions under {@code lesson/}. */
public final class LessonExercise extends ResourceExercise {
    public LessonExercise() {
        this("lesson", "LessonGreeter.java", "Salutation.java");
    }

    /** The same exercise with other resources. */
    public LessonExercise(String folder, String... files) {
        super(folder, files);
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("lesson", "Lesson", 15, Difficulty.EASY, 5, List.of("Load from resources"));
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(wrong("forgets-name", "Greets without the name.", "greets", "polite"));
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
