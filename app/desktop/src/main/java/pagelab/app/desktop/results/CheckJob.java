package pagelab.app.desktop.results;

import pagelab.app.grading.Grader;
import pagelab.app.grading.GradingResult;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.SourceSet;

import javax.swing.SwingWorker;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * One Check: compiles and grades the student's sources through the {@link Grader} on a worker thread, publishing
 * each check's result as it arrives. Cancel closes the grader, which kills its child JVM, so a solution stuck in
 * a loop stops at once; the job then ends with {@link #isCancelled()} true and a fresh grader is needed.
 */
public final class CheckJob extends SwingWorker<GradingResult, CheckResult> {
    private final Grader grader;
    private final LoadedExercise exercise;
    private final SourceSet sources;
    private final Consumer<CheckResult> onResult;
    private final Consumer<Outcome> onDone;

    /** How a job ended: a result, or the failure that prevented one (null result), or cancelled. */
    public record Outcome(GradingResult result, Throwable failure, boolean cancelled) {
    }

    /**
     * @param onResult called on the EDT for each check as it finishes
     * @param onDone   called on the EDT once, at the end
     */
    public CheckJob(Grader grader, LoadedExercise exercise, SourceSet sources, Consumer<CheckResult> onResult,
                    Consumer<Outcome> onDone) {
        this.grader = grader;
        this.exercise = exercise;
        this.sources = sources;
        this.onResult = onResult;
        this.onDone = onDone;
    }

    @Override
    protected GradingResult doInBackground() {
        return grader.grade(exercise, sources, CheckRunner.Options.DEFAULT_SEED, this::publish);
    }

    @Override
    protected void process(List<CheckResult> chunks) {
        if (!isCancelled()) {
            chunks.forEach(onResult);
        }
    }

    /** Stops the check: the grader's child is killed; results that arrive later are dropped. */
    public void stop() {
        cancel(true);
        Thread closer = new Thread(grader::close, "check-cancel");
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    protected void done() {
        if (isCancelled()) {
            onDone.accept(new Outcome(null, null, true));
            return;
        }
        try {
            onDone.accept(new Outcome(get(), null, false));
        } catch (ExecutionException e) {
            onDone.accept(new Outcome(null, e.getCause(), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onDone.accept(new Outcome(null, e, false));
        }
    }
}
