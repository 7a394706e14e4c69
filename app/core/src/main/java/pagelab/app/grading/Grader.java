package pagelab.app.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.results.Hashes;
import pagelab.app.results.ReportText;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.CheckTexts;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.GradeReport;
import pagelab.exercise.Msg;
import pagelab.exercise.SourceSet;
import pagelab.solutions.CompiledSolution;
import pagelab.solutions.SolutionCompiler;
import pagelab.solutions.StudentApi;

/**
 * Grades solutions: compiles them in this JVM against only what a solution may see and judges them with the
 * solution policy ({@link SolutionCompiler}), then runs each check in a child JVM with a time and heap limit
 * ({@link ChildLaunch}), talking over an authenticated private channel ({@link ChildChannel}). The host re-scores
 * every answer against its own plan: a result for a check it did not ask for, points outside the check's range or
 * a missing result make that check an error, never a grade.
 *
 * <p>In {@linkplain GraderOptions.Mode#PRACTICE practice} one warm child is reused between checks and between
 * solutions while it behaves; after a time-out, a crash, a full heap or a thread left running it is killed and the
 * next check gets a fresh one. In {@linkplain GraderOptions.Mode#GRADED graded} mode every solution gets a fresh
 * child (booted while the previous solution is graded), sandboxed by the OS where it can be ({@link Sandbox}).
 * Whatever a solution does, {@link #grade} returns within about the check time limit plus two seconds per check.
 *
 * <p>Not thread-safe: one grading at a time per instance (use one {@code Grader} per worker thread to grade in
 * parallel). Close it to end its children.
 */
public final class Grader implements AutoCloseable {
    /** Time the host allows beyond the check limit before it kills a silent child (the child times out first). */
    static final long GRACE_MILLIS = 1500;
    /**
     * System property naming a {@code Function<MachineConfig, Machine>} class the children use instead of
     * {@code Machine.create}; passed on to every child (another kernel implementation, or a stub in tests).
     */
    public static final String MACHINES_PROPERTY = "pagelab.child.machines";

    private final GraderOptions options;
    private final SolutionCompiler compiler;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, CheckPlan> plans = new HashMap<>();
    private final Map<String, StudentApi> apis = new HashMap<>();
    /** The child the next check runs in; in graded mode, the one booting for the next solution. */
    private ChildJvm child;
    /** The exercise {@link #child} was started for (graded children can read only its plugin). */
    private LoadedExercise childExercise;
    /** Graded mode: whether to boot the next solution's child while this one is graded. */
    private boolean prestartNext;
    /** Children ending in the background; {@link #close} waits for them, grading does not. */
    private final List<CompletableFuture<?>> ending = new ArrayList<>();

    public Grader(GraderOptions options) {
        this.options = options;
        this.compiler = new SolutionCompiler(options.cacheDir().resolve("classes"));
        ChildJvm.sweep();
    }

    public GraderOptions options() {
        return options;
    }

    /** What grading children run on: PageLab's runtime image or this JDK (and why not the image). */
    public static String childRuntime() {
        return ChildRuntime.current().note();
    }

    /** What keeps a solution apart here: "bubblewrap" (the OS sandbox) or "policy". */
    public String isolation() {
        return options.sandboxed() ? "bubblewrap" : "policy";
    }

    /**
     * Compiles {@code sources} against what the exercise's solutions may use, and judges them. javac's messages are
     * English, and also in the languages PageLab's reports speak ({@link ReportText#LANGUAGES}), so that
     * {@link #compiledIn} needs no second compile for them.
     */
    public CompiledSolution compile(LoadedExercise exercise, SourceSet sources) {
        return compiler.compile(sources, api(exercise), ReportText.LANGUAGES);
    }

    /**
     * {@code compiled} (the compile of {@code sources} for {@code exercise}) with javac's messages in
     * {@code locale}'s language, for a student who reads it. English, and a solution without messages, come back
     * as they are. A language the compile did not render (javac also speaks Japanese) costs a second compile; when
     * that has no messages in it either (the class files came from the cache), the English stays.
     */
    public CompiledSolution compiledIn(Locale locale, LoadedExercise exercise, SourceSet sources,
                                       CompiledSolution compiled) {
        if (locale == null || locale.getLanguage().isEmpty() || locale.getLanguage().equals("en")
                || compiled.diagnostics().isEmpty()) {
            return compiled;
        }
        return compiled.in(locale).or(() -> compiler.compile(sources, api(exercise), List.of(locale)).in(locale))
                .orElse(compiled);
    }

    /**
     * {@code result} as a student who reads {@code locale}'s language reads it: the check texts of the exercise's
     * translation ({@link CheckTexts}) and javac's messages in that language. The result as graded (for bundles and
     * saved results) is {@code result} itself.
     */
    public GradingResult translated(Locale locale, LoadedExercise exercise, SourceSet sources, GradingResult result) {
        CheckTexts texts = CheckTexts.of(exercise.exercise(), locale);
        ReportText words = ReportText.of(locale);
        CompiledSolution compile = compiledIn(locale, exercise, sources, result.compile());
        if (!texts.translated() && words.english() && compile == result.compile()) {
            return result;
        }
        return new GradingResult(result.exerciseId(), result.pluginId(), result.pluginVersion(),
                result.sourcesSha256(), compile, words.faults(texts.apply(result.report())), result.outcomes(),
                result.output(), result.isolation(), result.millis());
    }

    /** Grades {@code sources} with the default seed. */
    public GradingResult grade(LoadedExercise exercise, SourceSet sources) {
        return grade(exercise, sources, CheckRunner.Options.DEFAULT_SEED, r -> { });
    }

    /**
     * Compiles and grades {@code sources}, calling {@code onResult} after each check (on this thread).
     *
     * @throws IllegalStateException if graded mode requires the OS sandbox and there is none
     * @throws pagelab.exercise.InvalidExerciseException if the exercise's checks are declared wrong
     */
    public GradingResult grade(LoadedExercise exercise, SourceSet sources, long seed, Consumer<CheckResult> onResult) {
        long start = System.nanoTime();
        requireSandbox();
        CheckPlan plan = plan(exercise);
        prestart(exercise); // the child JVM boots while javac works
        CompiledSolution compiled = compile(exercise, sources);
        boolean graded = options.mode() == GraderOptions.Mode.GRADED;
        ChildJvm mine = graded && compiled.runnable() ? takeFreshChild(exercise) : null;
        Run run = new Run(exercise, compiled, seed, mine, graded);
        try {
            Map<String, CheckResult> done = new LinkedHashMap<>();
            for (CheckInfo info : plan.checks()) {
                CheckResult r = run.check(info, plan, done);
                done.put(info.id(), r);
                onResult.accept(r);
            }
            GradeReport report = new GradeReport(exercise.id(), seed, new ArrayList<>(done.values()));
            return new GradingResult(exercise.id(), exercise.pluginId(), exercise.pluginVersion(),
                    Hashes.sha256(sources), compiled, report, run.outcomes, run.output, isolation(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            if (run.fixedChild != null) {
                ending(run.fixedChild.ended());
            }
        }
    }

    private void requireSandbox() {
        if (options.mode() == GraderOptions.Mode.GRADED && options.sandbox() == Sandbox.Mode.REQUIRED
                && !Sandbox.available()) {
            throw new IllegalStateException("graded mode requires the OS sandbox, but bubblewrap (bwrap) is not "
                    + "installed or cannot run here (install the bubblewrap package, or use --sandbox auto)");
        }
    }

    /** One solution's checks: the class files sent with each request, and how each run ended. */
    private final class Run {
        final LoadedExercise exercise;
        final CompiledSolution compiled;
        final long seed;
        /** Graded mode: this solution's own child, never reused; null when it could not be started. */
        ChildJvm fixedChild;
        final boolean graded;
        final Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        final Map<String, String> output = new HashMap<>();
        Map<String, String> classFiles;

        Run(LoadedExercise exercise, CompiledSolution compiled, long seed, ChildJvm fixedChild, boolean graded) {
            this.exercise = exercise;
            this.compiled = compiled;
            this.seed = seed;
            this.fixedChild = fixedChild;
            this.graded = graded;
        }

        CheckResult check(CheckInfo info, CheckPlan plan, Map<String, CheckResult> done) {
            if (!compiled.runnable()) {
                outcomes.put(info.id(), CheckOutcome.NOT_RUN);
                return CheckResult.fail(compiled.summary()).scored(info);
            }
            Msg skip = plan.skipMessage(info, done);
            if (skip != null) {
                outcomes.put(info.id(), CheckOutcome.NOT_RUN);
                return CheckResult.skipped(skip).scored(info);
            }
            return runCheck(info);
        }

        private CheckResult runCheck(CheckInfo info) {
            ChildRequest request = new ChildRequest(requestIds.incrementAndGet(),
                    exercise.classpath().stream().map(Path::toString).toList(), exercise.exerciseClassName(),
                    classFiles(), info.id(), seed, options.checkTimeout().toMillis());
            try {
                ChildJvm c = graded ? ownChild() : child(exercise);
                ChildReply reply = c.call(request, options.checkTimeout().toMillis() + GRACE_MILLIS);
                if (reply.tainted()) {
                    dropChild();
                }
                if (reply.output() != null && !reply.output().isEmpty()) {
                    output.put(info.id(), reply.output());
                }
                CheckResult r = Rescoring.rescore(reply.result(), info);
                outcomes.put(info.id(), r.status() == CheckStatus.ERROR && !Rescoring.valid(reply.result(), info)
                        ? CheckOutcome.INVALID_REPLY : reply.timedOut() ? CheckOutcome.TIMEOUT : CheckOutcome.COMPLETED);
                return r;
            } catch (ChildFailure f) {
                dropChild();
                outcomes.put(info.id(), switch (f.kind()) {
                    case TIMEOUT -> CheckOutcome.TIMEOUT;
                    case DIED -> CheckOutcome.CRASHED;
                    case TAMPERED -> CheckOutcome.INVALID_REPLY;
                    case STARTUP -> CheckOutcome.NO_CHILD;
                });
                return failure(f, info);
            }
        }

        /**
         * Graded mode: this solution's own child. A child that misbehaved is replaced by a fresh one for the next
         * check, which is also this solution's alone.
         */
        private ChildJvm ownChild() throws ChildFailure {
            if (fixedChild == null || !fixedChild.isAlive()) {
                if (fixedChild != null) {
                    ending(fixedChild.kill());
                }
                fixedChild = ChildJvm.start((dir, channel) -> command(exercise, dir, channel),
                        options.startupTimeout().toMillis());
            }
            return fixedChild;
        }

        private void dropChild() {
            if (!graded) {
                discardChild();
            } else if (fixedChild != null) {
                ending(fixedChild.kill());
                fixedChild = null;
            }
        }

        private Map<String, String> classFiles() {
            if (classFiles == null) {
                classFiles = encodedClassFiles(compiled);
            }
            return classFiles;
        }
    }

    private CheckResult failure(ChildFailure f, CheckInfo info) {
        long limit = options.checkTimeout().toMillis();
        return switch (f.kind()) {
            case TIMEOUT -> CheckResult.fail(Msg.of("pagelab.stopped-timeout", CheckWorker.TIMEOUT_MESSAGE
                    + " {0} ms and its JVM was stopped: an endless loop, or waiting for something that never happens?",
                    String.valueOf(limit))).scored(info);
            case DIED -> f.systemExit()
                    ? CheckResult.fail(Msg.of("pagelab.system-exit", "The solution called System.exit({0}) during "
                    + "the check, which ended the grading JVM: a solution must return, never exit.",
                    String.valueOf(f.exitCode()))).scored(info)
                    : CheckResult.fail(Msg.of("pagelab.jvm-died", "The grading JVM stopped abruptly during the "
                    + "check ({0}): Runtime.halt, a native crash, or running out of memory outside the heap?",
                    f.getMessage())).scored(info);
            case TAMPERED -> CheckResult.error("The grading JVM's answer could not be trusted (" + f.getMessage()
                    + "); the check was not judged.").scored(info);
            case STARTUP -> CheckResult.error("The grading JVM could not start: " + f.getMessage()).scored(info);
        };
    }

    /** The checks of {@code exercise} in run order, read once per exercise. */
    public CheckPlan plan(LoadedExercise exercise) {
        return plans.computeIfAbsent(exercise.id() + "|" + exercise.pluginPath(),
                k -> CheckPlan.of(exercise.exercise().checks()));
    }

    private StudentApi api(LoadedExercise exercise) {
        return apis.computeIfAbsent(exercise.id() + "|" + exercise.pluginPath(),
                k -> StudentApi.of(exercise.exercise().solutionInterface()));
    }

    /**
     * Starts a child for {@code exercise} now if none is running, so that the next check (practice) or the next
     * solution (graded) does not wait for a JVM to boot.
     */
    public void prestart(LoadedExercise exercise) {
        if (!childFits(exercise)) {
            discardChild();
            try {
                child = ChildJvm.start((dir, channel) -> command(exercise, dir, channel),
                        options.startupTimeout().toMillis());
                childExercise = exercise;
            } catch (ChildFailure e) {
                child = null;
            }
        }
    }

    /**
     * Graded mode: whether more solutions of the same exercise follow, so that the next one's child should boot
     * while this one is graded ({@link ClassGrader} says so; a single {@code check --graded} does not).
     */
    public void prestartNext(boolean more) {
        this.prestartNext = more;
    }

    /** Graded mode: the booted child (if any) becomes this solution's alone, and the next one may start booting. */
    private ChildJvm takeFreshChild(LoadedExercise exercise) {
        ChildJvm mine = childFits(exercise) ? child : null;
        if (mine == null) {
            discardChild();
        }
        child = null;
        if (prestartNext) {
            prestart(exercise);
        }
        if (mine == null) {
            try {
                mine = ChildJvm.start((dir, channel) -> command(exercise, dir, channel),
                        options.startupTimeout().toMillis());
            } catch (ChildFailure e) {
                return null;
            }
        }
        return mine;
    }

    /** Whether the current child can run {@code exercise}'s checks: it is alive, and a sandbox shows its plugin. */
    private boolean childFits(LoadedExercise exercise) {
        return child != null && child.isAlive() && (!options.sandboxed() || childExercise == exercise);
    }

    private ChildJvm child(LoadedExercise exercise) throws ChildFailure {
        if (!childFits(exercise)) {
            discardChild();
            child = ChildJvm.start((dir, channel) -> command(exercise, dir, channel),
                    options.startupTimeout().toMillis());
            childExercise = exercise;
        }
        return child;
    }

    /** The current child's process id, or -1 when none runs (tests observe reuse with it). */
    long childPid() {
        return child == null || !child.isAlive() ? -1 : child.pid();
    }

    private void discardChild() {
        if (child != null) {
            ending(child.kill());
            child = null;
        }
    }

    /** Remembers a child that is going down, forgetting those that are gone. */
    private void ending(CompletableFuture<?> gone) {
        ending.removeIf(CompletableFuture::isDone);
        ending.add(gone);
    }

    private List<String> command(LoadedExercise exercise, Path dir, Path channel) {
        Path archive = ChildArchive.forExercise(options, ChildLaunch.baseCommand(options), exercise.classpath(),
                () -> trainingRequests(options, exercise));
        List<String> java = ChildLaunch.command(options, channel, archive);
        if (!options.sandboxed()) {
            return java;
        }
        List<Path> readable = new ArrayList<>(ChildLaunch.readablePaths(options));
        readable.addAll(exercise.classpath());
        if (archive != null) {
            readable.add(archive);
        }
        List<Path> hidden = new ArrayList<>(options.hiddenPaths());
        hidden.add(options.dataDir());
        return Sandbox.wrap(java, dir, readable, hidden);
    }

    /**
     * What the class-data archive of {@code exercise}'s children is trained on ({@link ChildArchive}): its reference
     * solution through every check, compiled here by a compiler of its own (this runs on the training's thread).
     * None when the reference does not compile: the archive then holds what every child loads, without the checks.
     */
    static List<ChildRequest> trainingRequests(GraderOptions options, LoadedExercise exercise) {
        CompiledSolution reference = new SolutionCompiler(options.cacheDir().resolve("classes"))
                .compile(exercise.exercise().reference(), StudentApi.of(exercise.exercise().solutionInterface()));
        if (!reference.runnable()) {
            return List.of();
        }
        Map<String, String> classFiles = encodedClassFiles(reference);
        List<String> plugin = exercise.classpath().stream().map(Path::toString).toList();
        List<ChildRequest> requests = new ArrayList<>();
        long id = 1000;
        for (CheckInfo info : CheckPlan.of(exercise.exercise().checks()).checks()) {
            requests.add(new ChildRequest(id++, plugin, exercise.exerciseClassName(), classFiles, info.id(),
                    CheckRunner.Options.DEFAULT_SEED, options.checkTimeout().toMillis()));
        }
        return requests;
    }

    /** A compiled solution's class files as a request carries them: by binary name, Base64-encoded. */
    private static Map<String, String> encodedClassFiles(CompiledSolution compiled) {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            SolutionCompiler.classFiles(compiled).forEach((name, bytes) ->
                    out.put(name, Base64.getEncoder().encodeToString(bytes)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled classes: " + e.getMessage(), e);
        }
    }

    /** Ends the children and waits (a little) until they are gone and their folders removed. */
    @Override
    public void close() {
        if (child != null) {
            ending(child.ended());
            child = null;
        }
        try {
            CompletableFuture.allOf(ending.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a child that will not go is killed by its folder's sweep at the next start
        }
    }
}
