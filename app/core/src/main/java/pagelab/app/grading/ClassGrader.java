package pagelab.app.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Gradebook;
import pagelab.app.results.ResultBundle;
import pagelab.app.results.Submissions;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.SourceSet;

/**
 * Grades many submissions on {@code jobs} threads, each with its own {@link Grader} and so its own warm child JVM.
 * A submission that cannot be read becomes a row with the reason; nothing a submission does stops the others.
 */
public final class ClassGrader {
    private final GraderOptions options;
    private final int jobs;
    private final Path bundleDir;

    /** @param bundleDir where to write each student's result bundle, or null for none */
    public ClassGrader(GraderOptions options, int jobs, Path bundleDir) {
        this.options = options;
        this.jobs = Math.max(1, jobs);
        this.bundleDir = bundleDir;
    }

    /** The exercise's checks in run order (the gradebook's columns). */
    public CheckPlan plan(LoadedExercise exercise) {
        return CheckPlan.of(exercise.exercise().checks());
    }

    /** One row per submission folder, in the order given. */
    public List<Gradebook.Row> grade(LoadedExercise exercise, List<Path> submissions, long seed) {
        Gradebook.Row[] rows = new Gradebook.Row[submissions.size()];
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int j = 0; j < Math.min(jobs, Math.max(1, submissions.size())); j++) {
            Thread t = new Thread(() -> work(exercise, submissions, seed, rows, next), "pagelab-grade-" + j);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Arrays.asList(rows);
    }

    private void work(LoadedExercise exercise, List<Path> submissions, long seed, Gradebook.Row[] rows,
                      AtomicInteger next) {
        try (Grader grader = new Grader(options)) {
            for (int i; (i = next.getAndIncrement()) < submissions.size(); ) {
                rows[i] = gradeOne(grader, exercise, submissions.get(i), seed);
            }
        }
    }

    private Gradebook.Row gradeOne(Grader grader, LoadedExercise exercise, Path dir, long seed) {
        String student = dir.getFileName().toString();
        SourceSet sources;
        try {
            sources = Submissions.read(dir);
        } catch (IOException e) {
            return new Gradebook.Row(student, null, e.getMessage());
        }
        try {
            GradingResult r = grader.grade(exercise, sources, seed, c -> { });
            if (bundleDir != null) {
                ResultBundle.of(r, sources, exercise.pluginHash()).write(bundleDir.resolve(student + ".zip"));
            }
            return new Gradebook.Row(student, r, null);
        } catch (IOException | RuntimeException e) {
            return new Gradebook.Row(student, null, "grading failed: " + e);
        }
    }
}
