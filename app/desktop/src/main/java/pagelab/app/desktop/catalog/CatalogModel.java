package pagelab.app.desktop.catalog;

import pagelab.app.desktop.store.Progress;
import pagelab.exercise.ExerciseDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import pagelab.app.plugins.WorkshopTrack;

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

    /**
     * The lines in workshop-track order: each stage's heading, then its exercises that are loaded and match the
     * filter; exercises the track does not name come last, under {@code otherHeading}.
     */
    public static List<CatalogEntry> buildTrack(List<ExerciseDescriptor> exercises, Progress progress, String filter,
                                                WorkshopTrack track, String otherHeading) {
        String f = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        Map<String, ExerciseDescriptor> byId = new LinkedHashMap<>();
        exercises.stream().sorted(Comparator.comparingInt(ExerciseDescriptor::chapter)
                .thenComparing(ExerciseDescriptor::title)).forEach(d -> byId.put(d.id(), d));
        List<CatalogEntry> out = new ArrayList<>();
        int step = 0;
        for (WorkshopTrack.Stage stage : track.stages()) {
            List<CatalogEntry> lines = new ArrayList<>();
            for (String id : stage.exerciseIds()) {
                ExerciseDescriptor d = byId.remove(id);
                if (d != null) {
                    step++;
                    if (f.isEmpty() || text(d).contains(f)) {
                        lines.add(new CatalogEntry(d.chapter(), d, progress.of(id), step + ". "));
                    }
                }
            }
            if (!lines.isEmpty()) {
                out.add(new CatalogEntry(0, null, null, stage.title()));
                out.addAll(lines);
            }
        }
        List<CatalogEntry> rest = new ArrayList<>();
        for (ExerciseDescriptor d : byId.values()) {
            if (f.isEmpty() || text(d).contains(f)) {
                rest.add(new CatalogEntry(d.chapter(), d, progress.of(d.id())));
            }
        }
        if (!rest.isEmpty()) {
            out.add(new CatalogEntry(0, null, null, otherHeading));
            out.addAll(rest);
        }
        return out;
    }

    private static String text(ExerciseDescriptor d) {
        return (d.id() + "\n" + d.title() + "\n" + String.join("\n", d.goals()) + "\nchapter " + d.chapter() + "\n"
                + d.difficulty()).toLowerCase(Locale.ROOT);
    }
}
