package pagelab.app.desktop.catalog;

import pagelab.app.desktop.store.ExerciseProgress;
import pagelab.exercise.ExerciseDescriptor;

/**
 * One line of the catalog: a chapter heading (descriptor null) or an exercise with its progress.
 *
 * @param chapter    the chapter the line belongs to
 * @param descriptor the exercise, or null for a heading
 * @param progress   the student's progress, or null for a heading
 */
public record CatalogEntry(int chapter, ExerciseDescriptor descriptor, ExerciseProgress progress) {
    public boolean isHeading() {
        return descriptor == null;
    }
}
