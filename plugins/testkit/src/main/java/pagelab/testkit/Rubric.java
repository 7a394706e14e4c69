package pagelab.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.Exercise;
import pagelab.exercise.KnownWrongSolution;

/**
 * An exercise's rubric as published in {@code docs/exercises.md}: each check in report order with its points, the
 * checks it waits for, and the mistakes it is proven to diagnose (each known-wrong solution that must fail it, with
 * the failure mode its hint addresses). Made from the checks and the known-wrong declarations, so the published
 * rubric cannot drift from the checker: each exercise's verification test compares it with the document.
 *
 * @since 0.1.2
 */
public final class Rubric {
    /** Ends the document's rubric part; a rubric not yet in the document is inserted before it. */
    public static final String END = "<!-- end of rubrics -->";

    private Rubric() {
    }

    /** The exercise's rubric section, between its own begin and end markers. */
    public static String markdown(Exercise exercise) {
        var d = exercise.descriptor();
        CheckPlan plan = CheckPlan.of(exercise.checks());
        StringBuilder b = new StringBuilder();
        b.append(begin(d.id())).append('\n');
        b.append("### `").append(d.id()).append("`: ").append(d.title()).append(" (").append(plan.maxPoints())
                .append(" points)\n\n");
        b.append("| check | points | runs after | mistakes it diagnoses (known-wrong solution: failure mode) |\n");
        b.append("|---|---|---|---|\n");
        for (CheckInfo c : plan.checks()) {
            List<String> mistakes = new ArrayList<>();
            for (KnownWrongSolution w : exercise.knownWrong()) {
                if (w.mustFail().contains(c.id())) {
                    String mode = w.hints().get(c.id());
                    mistakes.add("`" + w.name() + "`" + (mode == null ? "" : ": " + mode));
                }
            }
            b.append("| ").append(c.title().replace("|", "\\|")).append(" (`").append(c.id()).append("`) | ")
                    .append(c.points()).append(" | ")
                    .append(c.after().isEmpty() ? "" : String.join(", ", c.after().stream().map(a -> "`" + a + "`")
                            .toList()))
                    .append(" | ").append(String.join("; ", mistakes)).append(" |\n");
        }
        return b.append(end(d.id())).append('\n').toString();
    }

    /**
     * The document with {@code exercise}'s rubric replaced, or inserted before {@link #END} if it has none yet.
     *
     * @throws IllegalStateException if the document has neither the exercise's section nor {@link #END}
     */
    public static String update(String document, Exercise exercise) {
        String id = exercise.descriptor().id();
        String section = markdown(exercise);
        int from = document.indexOf(begin(id));
        if (from >= 0) {
            int to = document.indexOf(end(id), from);
            if (to < 0) {
                throw new IllegalStateException("the rubric of " + id + " has no " + end(id));
            }
            return document.substring(0, from) + section + document.substring(to + end(id).length() + 1);
        }
        int at = document.indexOf(END);
        if (at < 0) {
            throw new IllegalStateException("the document has no rubric of " + id + " and no " + END);
        }
        return document.substring(0, at) + section + "\n" + document.substring(at);
    }

    /** The published section of {@code exercise} in {@code document}, or null if it has none. */
    public static String published(String document, Exercise exercise) {
        String id = exercise.descriptor().id();
        int from = document.indexOf(begin(id));
        int to = from < 0 ? -1 : document.indexOf(end(id), from);
        return to < 0 ? null : document.substring(from, to + end(id).length()) + "\n";
    }

    /**
     * {@code docs/exercises.md} of the PageLab source tree the exercise module is built in (its folder is the working
     * directory of its tests: {@code exercises/ID}), or null outside such a tree.
     */
    public static Path document() {
        Path doc = Path.of("").toAbsolutePath().resolve("../../docs/exercises.md").normalize();
        return Files.isRegularFile(doc) ? doc : null;
    }

    static String read(Path doc) {
        try {
            return Files.readString(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path doc, String text) {
        try {
            Files.writeString(doc, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String begin(String id) {
        return "<!-- rubric " + id + " -->";
    }

    private static String end(String id) {
        return "<!-- end rubric " + id + " -->";
    }
}
