package pagelab.app.desktop.results;

import pagelab.app.desktop.Messages;
import pagelab.app.grading.Grader;
import pagelab.app.grading.GradingResult;
import pagelab.app.plugins.LoadedExercise;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.SourceSet;
import pagelab.app.results.ReportText;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.CompiledSolution;

import javax.swing.SwingWorker;
import java.util.List;
import java.util.Locale;
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

    private volatile List<CompileDiagnostic> markers = List.of();
    private volatile String notRunBecause;

    /**
     * How a job ended: a result, or the failure that prevented one (null result), or cancelled.
     *
     * @param markers       javac's messages and the policy's refusals in the UI language, for the editor's gutter
     *                      and the results list (the result keeps the English it was graded in)
     * @param notRunBecause why no check ran (the solution does not compile, or the policy refused it), in the UI
     *                      language; null when the checks ran
     */
    public record Outcome(GradingResult result, Throwable failure, boolean cancelled, List<CompileDiagnostic> markers,
                          String notRunBecause) {
        public Outcome(GradingResult result, Throwable failure, boolean cancelled) {
            this(result, failure, cancelled, result == null ? List.of() : result.compile().markers(), null);
        }
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
        GradingResult r = grader.grade(exercise, sources, CheckRunner.Options.DEFAULT_SEED, this::publish);
        // javac's messages in the student's language, rendered when the grading compiled the sources
        Locale locale = Messages.uiLocale();
        CompiledSolution compiled = grader.compiledIn(locale, exercise, sources, r.compile());
        ReportText text = ReportText.of(locale);
        markers = text.markers(compiled);
        notRunBecause = compiled.runnable() ? null : text.summary(compiled);
        return r;
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
            onDone.accept(new Outcome(get(), null, false, markers, notRunBecause));
        } catch (ExecutionException e) {
            onDone.accept(new Outcome(null, e.getCause(), false));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onDone.accept(new Outcome(null, e, false));
        }
    }
}
