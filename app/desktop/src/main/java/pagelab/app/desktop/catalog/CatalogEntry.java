package pagelab.app.desktop.catalog;

import pagelab.app.desktop.store.ExerciseProgress;
import pagelab.exercise.ExerciseDescriptor;

/**
 * One line of the catalog: a heading (descriptor null) or an exercise with its progress.
 *
 * @param chapter    the chapter the line belongs to
 * @param descriptor the exercise, or null for a heading
 * @param progress   the student's progress, or null for a heading
 * @param heading    a heading's own text (a workshop-track stage), or null for a chapter heading
 */
public record CatalogEntry(int chapter, ExerciseDescriptor descriptor, ExerciseProgress progress, String heading) {
    public CatalogEntry(int chapter, ExerciseDescriptor descriptor, ExerciseProgress progress) {
        this(chapter, descriptor, progress, null);
    }

    public boolean isHeading() {
        return descriptor == null;
    }
}
