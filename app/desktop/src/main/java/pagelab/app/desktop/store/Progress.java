package pagelab.app.desktop.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress over all exercises, by exercise id. Immutable.
 *
 * @param exercises each exercise's progress; exercises never opened are absent
 */
public record Progress(Map<String, ExerciseProgress> exercises) {
    public Progress {
        exercises = exercises == null ? Map.of() : Map.copyOf(exercises);
    }

    public static Progress empty() {
        return new Progress(Map.of());
    }

    public ExerciseProgress of(String exerciseId) {
        return exercises.getOrDefault(exerciseId, ExerciseProgress.notStarted());
    }

    public Progress with(String exerciseId, ExerciseProgress progress) {
        Map<String, ExerciseProgress> copy = new LinkedHashMap<>(exercises);
        copy.put(exerciseId, progress);
        return new Progress(copy);
    }
}
