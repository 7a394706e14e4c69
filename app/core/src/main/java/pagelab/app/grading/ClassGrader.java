package pagelab.app.grading;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Gradebook;
import pagelab.app.results.ResultBundle;
import pagelab.app.results.ResultSigner;
import pagelab.app.results.Submissions;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.SourceSet;

/**
 * Grades many submissions on {@code jobs} threads in graded mode: each submission gets a fresh child JVM of its
 * own (the next one boots while the current one is graded) and, where the OS allows, its own sandbox. Every
 * submission folder gets a row whatever happens: a folder that cannot be read, a worker that fails, anything a
 * submission does becomes that row's status and reason, and the others are graded on.
 */
public final class ClassGrader {
    private final GraderOptions options;
    private final int jobs;
    private final Path bundleDir;
    private final ResultSigner signer;
    private final Locale locale;

    /**
     * @param options   how to grade; used in graded mode whatever its mode says
     * @param bundleDir where to write each student's result bundle, or null for none
     * @param signer    signs the bundles, or null to leave them unsigned
     */
    public ClassGrader(GraderOptions options, int jobs, Path bundleDir, ResultSigner signer) {
        this(options, jobs, bundleDir, signer, null);
    }

    /**
     * @param locale the language of the rows' results as students read them (check texts, javac's messages: see
     *               {@link Grader#translated}), or null for the English they were graded in; bundles keep the
     *               English either way
     */
    public ClassGrader(GraderOptions options, int jobs, Path bundleDir, ResultSigner signer, Locale locale) {
        this.locale = locale;
        this.options = options.mode() == GraderOptions.Mode.GRADED ? options
                : options.graded(options.sandbox(), options.hiddenPaths());
        this.jobs = Math.max(1, jobs);
        this.bundleDir = bundleDir;
        this.signer = signer;
    }

    /** The exercise's checks in run order (the gradebook's columns). */
    public CheckPlan plan(LoadedExercise exercise) {
        return CheckPlan.of(exercise.exercise().checks());
    }

    /** What isolates each submission: "bubblewrap" or "policy". */
    public String isolation() {
        return options.sandboxed() ? "bubblewrap" : "policy";
    }

    /** One row per submission folder, in the order given; {@code progress} hears of each as it is done. */
    public List<Gradebook.Row> grade(LoadedExercise exercise, List<Path> submissions, long seed,
                                     Consumer<Gradebook.Row> progress) {
        Gradebook.Row[] rows = new Gradebook.Row[submissions.size()];
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int j = 0; j < Math.min(jobs, Math.max(1, submissions.size())); j++) {
            Thread t = new Thread(() -> work(exercise, submissions, seed, rows, next, progress), "pagelab-grade-" + j);
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
        List<Gradebook.Row> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            out.add(rows[i] != null ? rows[i] : Gradebook.Row.notGraded(name(submissions.get(i)),
                    "the grading worker stopped before this submission"));
        }
        return out;
    }

    private void work(LoadedExercise exercise, List<Path> submissions, long seed, Gradebook.Row[] rows,
                      AtomicInteger next, Consumer<Gradebook.Row> progress) {
        try (Grader grader = new Grader(options)) {
            for (int i; (i = next.getAndIncrement()) < submissions.size(); ) {
                grader.prestartNext(next.get() < submissions.size());
                rows[i] = gradeOne(grader, exercise, submissions.get(i), seed);
                progress.accept(rows[i]);
            }
        }
    }

    private Gradebook.Row gradeOne(Grader grader, LoadedExercise exercise, Path dir, long seed) {
        String student = name(dir);
        SourceSet sources;
        try {
            sources = Submissions.read(dir);
        } catch (IOException e) {
            return Gradebook.Row.notGraded(student, relative(e.getMessage(), dir));
        }
        try {
            GradingResult r = grader.grade(exercise, sources, seed, c -> { });
            if (bundleDir != null) {
                ResultBundle.of(r, sources, exercise.pluginHash()).write(bundleDir.resolve(student + ".zip"), signer);
            }
            return new Gradebook.Row(student, locale == null ? r : grader.translated(locale, exercise, sources, r),
                    null);
        } catch (Throwable e) { // a row for every student: whatever broke is this row's reason, not the class's
            return Gradebook.Row.notGraded(student, relative("grading failed: " + e, dir));
        }
    }

    /**
     * {@code message} with the class folder's path taken out, so that a note says {@code dee/Solution.java}, not
     * the grader's {@code /home/ta/course/class/dee/Solution.java}: gradebooks are shared, the grader's folders
     * are not their business.
     */
    static String relative(String message, Path submission) {
        Path classDir = submission.toAbsolutePath().getParent();
        if (message == null || classDir == null) {
            return message;
        }
        String m = message;
        for (Path p : new Path[] {classDir, submission.getParent()}) {
            if (p != null && !p.toString().isEmpty()) {
                m = m.replace(p + java.io.File.separator, "");
            }
        }
        return m;
    }

    private static String name(Path dir) {
        return dir.getFileName().toString();
    }
}
