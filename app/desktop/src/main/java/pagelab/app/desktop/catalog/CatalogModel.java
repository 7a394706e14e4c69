package pagelab.app.desktop.catalog;

import pagelab.app.desktop.store.Progress;
import pagelab.exercise.ExerciseDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Builds the catalog's lines: exercises sorted by chapter then title, a heading before each chapter. */
public final class CatalogModel {
    private CatalogModel() {
    }

    /**
     * The lines for {@code exercises} that match {@code filter} (case-insensitive, in the id, title, goals or
     * "chapter N"); chapters with no match get no heading.
     */
    public static List<CatalogEntry> build(List<ExerciseDescriptor> exercises, Progress progress, String filter) {
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        List<ExerciseDescriptor> sorted = new ArrayList<>(exercises);
        sorted.sort(Comparator.comparingInt(ExerciseDescriptor::chapter).thenComparing(ExerciseDescriptor::title));
        List<CatalogEntry> out = new ArrayList<>();
        int chapter = -1;
        for (ExerciseDescriptor d : sorted) {
            if (!f.isEmpty() && !text(d).contains(f)) {
                continue;
            }
            if (d.chapter() != chapter) {
                chapter = d.chapter();
                out.add(new CatalogEntry(chapter, null, null));
            }
            out.add(new CatalogEntry(chapter, d, progress.of(d.id())));
        }
        return out;
    }

    private static String text(ExerciseDescriptor d) {
        return (d.id() + "\n" + d.title() + "\n" + String.join("\n", d.goals()) + "\nchapter " + d.chapter() + "\n"
                + d.difficulty()).toLowerCase(Locale.ROOT);
    }
}
